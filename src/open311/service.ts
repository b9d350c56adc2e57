/**
 * Open311 GeoReport v2 over our aspirations: categories are services, aspirations are service
 * requests (open while received, verified or forwarded; closed otherwise), and applications that
 * post requests hold a key issued in /kelola/open311. Confidential reports and reporters' data are
 * never part of it.
 */
import {
  type AspirationError,
  aspirationOfToken,
  isCode,
  isOpen,
  type PublicRecord,
  publicRecords,
  submitAspiration,
} from '../aspirations/service.ts';
import { type CouncilStructure, getCouncil, nearestKelurahan } from '../council/service.ts';
import type { AspirationStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { Translate } from '../platform/i18n.ts';
import * as q from './queries.ts';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
export const CHANGESET = '2026-11-29T00:00:00Z';

/** Thrown for a request Open311 answers with its error list: [{code, description}]. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

const submittable = ['aspirasi', 'pengaduan', 'informasi'] as const;

export function discovery(structure: CouncilStructure, base: string) {
  return {
    changeset: CHANGESET,
    contact: structure.council.email ?? `${structure.council.name}, ${structure.council.address}`,
    key_service: `${base}/open311`,
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${base}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export function services(structure: CouncilStructure, lang: 'id' | 'en') {
  return structure.categories.map((c) => {
    const komisi = structure.komisi.find((k) => k.id === c.komisiId);
    return {
      service_code: c.slug,
      service_name: lang === 'en' ? c.nameEn : c.name,
      description: `${komisi?.name ?? structure.council.name}; ${c.targetDays} hari kerja`,
      metadata: true,
      type: 'realtime',
      keywords: c.slug.replaceAll('-', ','),
      group: komisi?.name ?? structure.council.name,
    };
  });
}

export function definition(structure: CouncilStructure, code: string, t: Translate) {
  const category = structure.categories.find((c) => c.slug === code);
  if (category === undefined) throw new Open311Error(404, `service_code ${code} not found`);
  return {
    service_code: category.slug,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Kind of input; pengaduan (complaint) when left out',
        order: 1,
        description: t('aspiration.field.kind'),
        values: submittable.map((k) => ({ key: k, name: t(`aspiration.kind.${k}`) })),
      },
      {
        variable: true,
        code: 'kelurahan',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Kemendagri code of the kelurahan; required when lat and long are not given',
        order: 2,
        description: t('aspiration.field.place'),
        values: structure.kecamatan.flatMap((k) =>
          k.kelurahan.map((kel) => ({ key: kel.code, name: `${kel.name}, ${k.name}` })),
        ),
      },
      {
        variable: true,
        code: 'title',
        datatype: 'string',
        required: false,
        datatype_description: 'A short title; the start of the description when left out',
        order: 3,
        description: t('aspiration.field.title'),
      },
    ],
  };
}

export interface PostedRequest {
  api_key?: string | undefined;
  service_code?: string | undefined;
  lat?: string | undefined;
  long?: string | undefined;
  address_string?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  description?: string | undefined;
  media_url?: string | undefined;
  'attribute[kind]'?: string | undefined;
  'attribute[kelurahan]'?: string | undefined;
  'attribute[title]'?: string | undefined;
}

function describe(errors: AspirationError[]): string {
  return errors.map((e) => `${e.field}: ${e.problem}${e.max === undefined ? '' : ` (max ${e.max})`}`).join('; ');
}

export async function postRequest(deps: Deps, body: PostedRequest) {
  const key = body.api_key?.trim() ?? '';
  const client = key === '' ? undefined : await q.useClient(deps.db, hashToken(key));
  if (client === undefined) throw new Open311Error(403, 'api_key is missing or invalid');
  const structure = await getCouncil(deps.db);
  const code = body.service_code?.trim() ?? '';
  if (code === '') throw new Open311Error(400, 'service_code is required');
  if (!structure.categories.some((c) => c.slug === code)) throw new Open311Error(404, `service_code ${code} not found`);
  const lat = body.lat?.trim() ?? '';
  const lon = body.long?.trim() ?? '';
  let location: string | undefined;
  if (lat !== '' || lon !== '') {
    const point = { lat: Number(lat), lon: Number(lon) };
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon))
      throw new Open311Error(400, 'lat and long must be numbers');
    const near = nearestKelurahan(structure, point);
    if (near === undefined) throw new Open311Error(400, `lat/long is outside ${structure.council.region_name}`);
    location = String(near.kelurahan.id);
  }
  const kelurahanCode = body['attribute[kelurahan]']?.trim() ?? '';
  if (location === undefined && kelurahanCode !== '') {
    const kel = structure.kecamatan.flatMap((k) => k.kelurahan).find((k) => k.code === kelurahanCode);
    if (kel === undefined)
      throw new Open311Error(
        400,
        `attribute[kelurahan] ${kelurahanCode} is not a kelurahan of ${structure.council.region_name}`,
      );
    location = String(kel.id);
  }
  if (location === undefined)
    throw new Open311Error(400, 'a location is required: lat and long, or attribute[kelurahan]');
  const kind = body['attribute[kind]']?.trim() || 'pengaduan';
  if (!(submittable as readonly string[]).includes(kind))
    throw new Open311Error(400, `attribute[kind] must be one of ${submittable.join(', ')}`);
  const description = body.description?.trim() ?? '';
  if (description === '') throw new Open311Error(400, 'description is required');
  const title =
    body['attribute[title]']?.trim() || description.split(/[.!?\n]/)[0]?.slice(0, 100) || description.slice(0, 100);
  // Media is not fetched (no outbound calls): the address is kept with the text for staff to open.
  const media = body.media_url?.trim() ?? '';
  const name = [body.first_name, body.last_name]
    .map((n) => n?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
  const result = await submitAspiration(deps, {
    kind,
    category: code,
    location,
    title,
    description: media === '' ? description : `${description}\n\nFoto: ${media}`,
    address: body.address_string,
    lat: lat === '' ? undefined : lat,
    lon: lon === '' ? undefined : lon,
    name,
    email: body.email,
    phone: body.phone,
    showName: false,
    consent: true,
    channel: 'open311',
    photos: [],
    userId: null,
  });
  if (!result.ok) throw new Open311Error(400, describe(result.errors));
  return [
    {
      service_request_id: result.code,
      token: result.token,
      service_notice: `Verified within ${structure.council.verify_days} working days`,
      account_id: null,
    },
  ];
}

function openOrClosed(status: AspirationStatus): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}

export function requestJson(record: PublicRecord, structure: CouncilStructure, base: string, t: Translate) {
  const { view, latest } = record;
  const kelurahan = structure.kecamatan.flatMap((k) => k.kelurahan).find((k) => k.id === view.kelurahan?.id);
  const agency =
    latest?.kind === 'referred' && typeof latest.details.agency === 'string'
      ? latest.details.agency
      : (view.komisi?.name ?? structure.council.name);
  const due = view.deadline?.due;
  return {
    service_request_id: view.code,
    status: openOrClosed(view.status),
    status_notes: latest?.body ?? t(`aspiration.status.${view.status}`),
    service_name: view.category?.name ?? '',
    service_code: view.category?.slug ?? '',
    description: view.description,
    agency_responsible: agency,
    service_notice: null,
    requested_datetime: view.receivedAt.toISOString(),
    updated_datetime: view.updatedAt.toISOString(),
    expected_datetime: due === undefined ? null : `${due}T23:59:59+07:00`,
    address: view.address ?? [view.kelurahan?.name, view.kecamatan?.name].filter(Boolean).join(', '),
    address_id: kelurahan?.code ?? null,
    zipcode: kelurahan?.postalCode ?? null,
    lat: view.lat,
    long: view.lon,
    media_url: record.photoId === undefined ? null : `${base}/aspirasi/${view.code}/foto/${record.photoId}`,
  };
}

export interface RequestsQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
}

const MAX_RESULTS = 1000;
const DEFAULT_DAYS = 90;

function date(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw new Open311Error(400, `${name} must be a w3c date-time, such as 2026-11-29T08:00:00+07:00`);
  return parsed;
}

export async function findRequests(deps: Deps, query: RequestsQuery) {
  const structure = await getCouncil(deps.db);
  const list = (v: string | undefined) =>
    v === undefined || v.trim() === ''
      ? undefined
      : v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
  const codes = list(query.service_request_id)?.map((c) => c.toUpperCase());
  if (codes?.some((c) => !isCode(c)))
    throw new Open311Error(400, 'service_request_id must be codes such as ASP-2026-000123');
  const serviceCodes = list(query.service_code);
  const categoryIds = serviceCodes?.map((code) => {
    const category = structure.categories.find((c) => c.slug === code);
    if (category === undefined) throw new Open311Error(404, `service_code ${code} not found`);
    return category.id;
  });
  const statuses = list(query.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
    throw new Open311Error(400, 'status must be open, closed or both');
  let from = date('start_date', query.start_date);
  const to = date('end_date', query.end_date);
  if (codes === undefined && from === undefined && to === undefined)
    from = new Date(Date.now() - DEFAULT_DAYS * 86_400_000);
  const wanted =
    statuses === undefined || statuses.length === 2
      ? undefined
      : (['received', 'verified', 'forwarded', 'resolved', 'rejected', 'referred', 'duplicate'] as const).filter(
          (s) => openOrClosed(s) === statuses[0],
        );
  return publicRecords(deps, { codes, categoryIds, from, to, statuses: wanted, limit: MAX_RESULTS });
}

/** Service requests as Open311 writes them. */
export async function serviceRequests(deps: Deps, query: RequestsQuery, t: Translate) {
  const structure = await getCouncil(deps.db);
  const { records } = await findRequests(deps, query);
  return records.map((r) => requestJson(r, structure, deps.config.publicBaseUrl, t));
}

export async function findByToken(deps: Deps, token: string) {
  const found = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await aspirationOfToken(deps, token) : undefined;
  if (found === undefined) throw new Open311Error(404, 'token not found');
  return [{ service_request_id: found.code, token }];
}

// ---------------------------------------------------------------- keys, in /kelola/open311

export async function listClients(deps: Deps) {
  const structure = await getCouncil(deps.db);
  return q.clientsOf(deps.db, structure.council.id);
}

export async function issueKey(
  deps: Deps,
  user: CurrentUser,
  rawName: string,
  ip: string,
): Promise<{ ok: true; key: string } | { ok: false }> {
  const name = rawName.trim();
  if (name.length < 2 || name.length > 80) return { ok: false };
  const structure = await getCouncil(deps.db);
  const { token, hash } = newToken();
  await deps.db.transaction().execute(async (trx) => {
    const { id } = await q.insertClient(trx, {
      council_id: structure.council.id,
      name,
      key_hash: hash,
      created_by: user.id,
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'open311.key_issued',
      subjectType: 'open311_client',
      subjectId: id,
      ip,
      details: { name },
    });
  });
  return { ok: true, key: token };
}

export async function revokeKey(deps: Deps, user: CurrentUser, id: number, ip: string): Promise<boolean> {
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const revoked = await q.revokeClient(trx, structure.council.id, id);
    if (revoked === undefined) return false;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'open311.key_revoked',
      subjectType: 'open311_client',
      subjectId: id,
      ip,
    });
    return true;
  });
}
