/**
 * Citizens' input, end to end: submission (committed before the tracking code is shown), the
 * public timeline with working-day deadlines, the council's handling (verify, reject, merge,
 * forward to a komisi and the dapil's members, refer outside, respond, follow up, resolve) and the
 * citizen's side (reply, rate, reopen, "is it resolved?"). Every public step is told to the
 * citizen through the outbox; every official's read of personal data is audited.
 */

import {
  type Body,
  type Category,
  type CouncilStructure,
  getCouncil,
  nearestKelurahan,
  type Place,
  placeOf,
} from '../council/service.ts';
import type { AspirationChannel, AspirationKind, AspirationStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail, normalisePhone, PHONE_PATTERN } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks } from '../platform/feature.ts';
import { translator } from '../platform/i18n.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { can } from '../platform/permissions.ts';
import { publish } from '../platform/realtime.ts';
import {
  MAX_PHOTO_BYTES,
  type PhotoProblem,
  type ProcessedPhoto,
  processPhoto,
  removeOrphans,
  removePhotos,
  storePhotos,
  type UploadedFile,
} from '../platform/uploads.ts';
import type { FieldError } from '../platform/validation.ts';
import { addWorkingDays, jakartaDay, workingDaysUntil } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const CONSENT_VERSION = '2026-11-aspirasi';
/** The real-time channel that tells open inboxes a new aspiration was committed. */
export const NEW_ASPIRATION = 'aspiration_new';
export const PHOTO_FOLDER = 'aspirasi';
export const MAX_PHOTOS = 5;
export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 5000;
export const TEXT_MAX = 3000;
export { MAX_PHOTO_BYTES };

export const kinds: readonly AspirationKind[] = ['aspirasi', 'pengaduan', 'informasi', 'rahasia'];
export const statuses: readonly AspirationStatus[] = [
  'received',
  'verified',
  'forwarded',
  'resolved',
  'rejected',
  'referred',
  'duplicate',
];
export const intakeChannels: readonly AspirationChannel[] = [
  'ruang_aspirasi',
  'telepon',
  'surat',
  'reses',
  'sms',
  'whatsapp',
];
export const followUpKinds = ['rapat', 'kunjungan', 'rdp', 'surat', 'pokir'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

const codePattern = /^ASP-\d{4}-\d{6}$/;
export function isCode(value: string): boolean {
  return codePattern.test(value);
}

// Text is stored as typed and escaped on output; markup is refused so nobody wonders why it shows.
const markup = /<\s*\/?\s*[a-z!?]/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
function clean(value: string | undefined): string {
  return (value ?? '').replace(controls, '').trim();
}

export type FieldProblem =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'markup'
  | 'invalid'
  | 'email'
  | 'phone'
  | 'contact'
  | 'consent'
  | 'tooMany'
  | PhotoProblem;

export type AspirationError = FieldError<FieldProblem>;

export interface Submission {
  kind: string;
  category: string;
  location: string;
  title: string;
  description?: string | undefined;
  address?: string | undefined;
  lat?: string | undefined;
  lon?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  showName: boolean;
  consent: boolean;
  channel: AspirationChannel;
  photos: UploadedFile[];
  userId: number | null;
  /** The project the aspiration is about (from a project's page); an unknown one is dropped. */
  project?: string | undefined;
  /** The officer who entered an aspiration received offline. */
  enteredBy?: CurrentUser | undefined;
}

function text(errors: AspirationError[], field: string, value: string, min: number, max: number, required = true) {
  if (value === '') {
    if (required) errors.push({ field, problem: 'required' });
    return;
  }
  if (value.length > max) errors.push({ field, problem: 'tooLong', max });
  else if (value.length < min) errors.push({ field, problem: 'tooShort' });
  else if (markup.test(value)) errors.push({ field, problem: 'markup' });
}

export interface FirstStep {
  kind: AspirationKind;
  category: Category;
  place: Place;
  /** The select's value for the place (derived from the pin when only a pin was given). */
  location: string;
  title: string;
  point: { lat: number; lon: number } | null;
}

/** The first part of the form: what, about which topic, where (a kelurahan, a pin, or both), a title. */
export function checkFirstStep(
  structure: CouncilStructure,
  input: {
    kind: string;
    category: string;
    location: string;
    title: string;
    lat?: string | undefined;
    lon?: string | undefined;
  },
): { ok: true; step: FirstStep } | { ok: false; errors: AspirationError[] } {
  const errors: AspirationError[] = [];
  const kind = kinds.find((k) => k === input.kind);
  if (kind === undefined) errors.push({ field: 'kind', problem: input.kind === '' ? 'required' : 'invalid' });
  const category = structure.categories.find((c) => c.slug === input.category);
  if (category === undefined)
    errors.push({ field: 'category', problem: input.category === '' ? 'required' : 'invalid' });
  const lat = clean(input.lat);
  const lon = clean(input.lon);
  let point: { lat: number; lon: number } | null = null;
  if (lat !== '' || lon !== '') {
    point = { lat: Number(lat), lon: Number(lon) };
    if (!(Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180)) {
      errors.push({ field: 'location', problem: 'invalid' });
      point = null;
    }
  }
  let location = input.location;
  // Only a pin: the nearest kelurahan is taken, and shown, so the person can correct it.
  if (location === '' && point !== null) {
    const near = nearestKelurahan(structure, point);
    if (near !== undefined) location = String(near.kelurahan.id);
  }
  const place = placeOf(structure, location);
  if (place === undefined) errors.push({ field: 'location', problem: location === '' ? 'required' : 'invalid' });
  const title = clean(input.title);
  text(errors, 'title', title, 5, TITLE_MAX);
  if (errors.length > 0 || kind === undefined || category === undefined || place === undefined)
    return { ok: false, errors };
  return { ok: true, step: { kind, category, place, location, title, point } };
}

export interface Similar {
  code: string;
  title: string;
  status: AspirationStatus;
  supporters: number;
  receivedAt: Date;
}

/** Open aspirations a new one may be the same as (never confidential ones). */
export async function findSimilar(deps: Deps, step: FirstStep): Promise<Similar[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.similarOpen(deps.db, structure.council.id, {
    categoryId: step.category.id,
    kecamatanId: step.place.kecamatanId,
    kelurahanId: step.place.kelurahanId,
    title: step.title,
    point: step.point,
  });
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    status: r.status,
    supporters: r.supporters,
    receivedAt: r.received_at,
  }));
}

export type SubmitResult = { ok: true; code: string; token: string } | { ok: false; errors: AspirationError[] };

export async function submitAspiration(deps: Deps, input: Submission): Promise<SubmitResult> {
  const structure = await getCouncil(deps.db);
  const first = checkFirstStep(structure, input);
  const errors: AspirationError[] = first.ok ? [] : [...first.errors];
  const description = clean(input.description);
  text(errors, 'description', description, 10, DESCRIPTION_MAX);
  const address = clean(input.address);
  text(errors, 'address', address, 0, 200, false);
  const name = clean(input.name);
  text(errors, 'name', name, 0, 120, false);
  const email = normaliseEmail(clean(input.email));
  const phone = clean(input.phone);
  if (email !== '' && (email.length > 320 || !isEmail(email))) errors.push({ field: 'email', problem: 'email' });
  if (phone !== '' && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', problem: 'phone' });
  // Online, the council must be able to answer; at the office the code is handed over in person.
  if (input.channel === 'web' && email === '' && phone === '') errors.push({ field: 'email', problem: 'contact' });
  if (input.channel === 'web' && !input.consent) errors.push({ field: 'consent', problem: 'consent' });

  const files = input.photos.filter((f) => f.filename !== '' || f.data.length > 0);
  if (files.length > MAX_PHOTOS) errors.push({ field: 'photos', problem: 'tooMany', max: MAX_PHOTOS });
  const processed: ProcessedPhoto[] = [];
  if (files.length <= MAX_PHOTOS) {
    for (const file of files) {
      const result = await processPhoto(file);
      if (result.ok) processed.push(result.photo);
      else errors.push({ field: 'photos', problem: result.problem, name: file.filename.slice(0, 80) });
    }
  }
  if (errors.length > 0 || !first.ok) return { ok: false, errors };
  const { step } = first;

  const projectId =
    input.project !== undefined && /^\d{1,9}$/.test(input.project)
      ? ((await projectForAspiration(deps, Number(input.project)))?.id ?? null)
      : null;
  const stored = await storePhotos(deps.config.uploadDir, PHOTO_FOLDER, processed);
  const access = newToken();
  const now = new Date();
  const today = jakartaDay(now);
  const year = Number(today.slice(0, 4));
  try {
    const code = await deps.db.transaction().execute(async (trx) => {
      const sequence = await q.nextSequence(trx, year);
      const code = `ASP-${year}-${String(sequence).padStart(6, '0')}`;
      const { id } = await q.insertAspiration(trx, {
        council_id: structure.council.id,
        code,
        kind: step.kind,
        category_id: step.category.id,
        title: step.title,
        description,
        kecamatan_id: step.place.kecamatanId,
        kelurahan_id: step.place.kelurahanId,
        dapil_id: step.place.dapilId,
        address: address === '' ? null : address,
        lat: step.point?.lat ?? null,
        lon: step.point?.lon ?? null,
        channel: input.channel,
        show_name: input.showName && name !== '' && step.kind !== 'rahasia',
        user_id: input.userId,
        access_token_hash: access.hash,
        received_at: now,
        verify_due: addWorkingDays(today, structure.council.verify_days, structure.holidays),
        project_id: projectId,
      });
      await q.insertReporter(trx, {
        aspiration_id: id,
        name_sealed: name === '' ? null : deps.sealer.seal(name),
        email_sealed: email === '' ? null : deps.sealer.seal(email),
        phone_sealed: phone === '' ? null : deps.sealer.seal(phone),
        email_lookup: email === '' ? null : deps.sealer.lookup(email),
        phone_lookup: phone === '' ? null : deps.sealer.lookup(normalisePhone(phone)),
        consent_version: CONSENT_VERSION,
        consent_at: now,
      });
      await q.insertPhotos(
        trx,
        stored.map((s) => ({ aspiration_id: id, file: s.file, width: s.width, height: s.height, bytes: s.bytes })),
      );
      await q.insertEvent(trx, {
        aspiration_id: id,
        kind: 'received',
        public: true,
        actor_user_id: input.enteredBy?.id ?? null,
        details: JSON.stringify({ channel: input.channel }),
      });
      if (input.enteredBy !== undefined) {
        await recordAudit(trx, {
          actorUserId: input.enteredBy.id,
          actorRole: input.enteredBy.role,
          action: 'aspiration.entered',
          subjectType: 'aspiration',
          subjectId: id,
          details: { code, channel: input.channel },
        });
      }
      await publish(trx, NEW_ASPIRATION, code);
      const t = translator(deps.config.defaultLanguage);
      const link = `${deps.config.publicBaseUrl}/lacak/${access.token}`;
      await tellCitizen(trx, deps, id, {
        subject: t('aspiration.mail.received.subject', { code }),
        text: t('aspiration.mail.received.body', { code, title: step.title, link, site: structure.council.name }),
      });
      return code;
    });
    return { ok: true, code, token: access.token };
  } catch (error) {
    await removePhotos(
      deps.config.uploadDir,
      PHOTO_FOLDER,
      stored.map((s) => s.file),
    );
    throw error;
  }
}

/**
 * Writes the message about a step to the reporter (email, or SMS when only a phone was given)
 * and to every supporter who left an email address, in the caller's transaction.
 */
async function tellCitizen(
  db: Deps['db'],
  deps: Deps,
  aspirationId: number,
  message: { subject: string; text: string },
) {
  const topic = `aspiration:${aspirationId}`;
  const reporter = await q.reporterOf(db, aspirationId);
  if (reporter?.email_sealed != null) {
    await enqueueMessage(db, deps.sealer, {
      channel: 'email',
      to: deps.sealer.open(reporter.email_sealed),
      ...message,
      topic,
    });
  } else if (reporter?.phone_sealed != null) {
    const offered = deps.config.messageGateway?.channels ?? [];
    await enqueueMessage(db, deps.sealer, {
      channel: offered.includes('sms') || !offered.includes('whatsapp') ? 'sms' : 'whatsapp',
      to: deps.sealer.open(reporter.phone_sealed),
      subject: message.subject,
      text: `${message.subject}\n${message.text}`.slice(0, 600),
      topic,
    });
  }
  for (const s of await q.supportersWithEmail(db, aspirationId)) {
    if (s.email_sealed === null) continue;
    await enqueueMessage(db, deps.sealer, {
      channel: 'email',
      to: deps.sealer.open(s.email_sealed),
      ...message,
      topic,
    });
  }
}

export interface TimelineEvent {
  id: number;
  kind: string;
  public: boolean;
  byReporter: boolean;
  body: string | null;
  details: Record<string, string | number | null>;
  at: Date;
  member: { name: string; slug: string } | null;
  /** Set for officials' views: who did it. */
  actorUserId: number | null;
}

export interface Deadline {
  step: 'verify' | 'resolve';
  due: string;
  /** Working days left; negative when overdue. */
  daysLeft: number;
}

export interface AspirationView {
  id: number;
  /** The project it is about, when it was filed from a project's page. */
  project: { id: number; name: string } | null;
  code: string;
  kind: AspirationKind;
  status: AspirationStatus;
  title: string;
  description: string;
  category: Category | undefined;
  kecamatan: { id: number; name: string } | undefined;
  kelurahan: { id: number; name: string } | undefined;
  dapilNumber: number | null;
  dapilId: number | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  channel: AspirationChannel;
  komisi: Body | undefined;
  supporters: number;
  receivedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  fixedAskedAt: Date | null;
  fixedAnswer: boolean | null;
  duplicateOfCode: string | null;
  userId: number | null;
  showName: boolean;
  /** The reporter's name, only when they allowed it to be shown. */
  publicName: string | null;
  deadline: Deadline | null;
  photos: { id: number; width: number; height: number }[];
  events: TimelineEvent[];
}

type Row = NonNullable<Awaited<ReturnType<typeof q.aspirationById>>>;

export function isOpen(status: AspirationStatus): boolean {
  return q.openStatuses.includes(status);
}

function deadlineOf(structure: CouncilStructure, row: Row, now: Date): Deadline | null {
  const today = jakartaDay(now);
  if (row.status === 'received')
    return {
      step: 'verify',
      due: row.verify_due,
      daysLeft: workingDaysUntil(today, row.verify_due, structure.holidays),
    };
  if ((row.status === 'verified' || row.status === 'forwarded') && row.resolve_due !== null)
    return {
      step: 'resolve',
      due: row.resolve_due,
      daysLeft: workingDaysUntil(today, row.resolve_due, structure.holidays),
    };
  return null;
}

/** The row as people see it; with `internal`, notes and who-did-what for officials. */
export async function viewOf(deps: Deps, row: Row, internal: boolean, summaryOnly = false): Promise<AspirationView> {
  const structure = await getCouncil(deps.db);
  const kecamatan = structure.kecamatan.find((k) => k.id === row.kecamatan_id);
  const kelurahan = kecamatan?.kelurahan.find((k) => k.id === row.kelurahan_id);
  const [events, photos, duplicateOf, reporter, project] = summaryOnly
    ? [[], [], undefined, undefined, undefined]
    : await Promise.all([
        q.eventsOf(deps.db, row.id, internal),
        q.photosOf(deps.db, row.id),
        row.duplicate_of_id === null ? undefined : q.codeOf(deps.db, row.duplicate_of_id),
        row.show_name ? q.reporterOf(deps.db, row.id) : undefined,
        row.project_id === null ? undefined : projectForAspiration(deps, row.project_id),
      ]);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    status: row.status,
    title: row.title,
    description: row.description,
    category: structure.categories.find((c) => c.id === row.category_id),
    kecamatan: kecamatan === undefined ? undefined : { id: kecamatan.id, name: kecamatan.name },
    kelurahan: kelurahan === undefined ? undefined : { id: kelurahan.id, name: kelurahan.name },
    dapilNumber: structure.dapil.find((d) => d.id === row.dapil_id)?.number ?? null,
    dapilId: row.dapil_id,
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    channel: row.channel,
    komisi: structure.komisi.find((b) => b.id === row.komisi_id),
    supporters: row.supporters,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    rating: row.rating,
    ratingComment: row.rating_comment,
    fixedAskedAt: row.fixed_asked_at,
    fixedAnswer: row.fixed_answer,
    duplicateOfCode: duplicateOf?.code ?? null,
    project: project === undefined ? null : { id: project.id, name: project.name },
    userId: row.user_id,
    showName: row.show_name,
    publicName:
      row.show_name && reporter?.name_sealed != null && row.kind !== 'rahasia'
        ? deps.sealer.open(reporter.name_sealed)
        : null,
    deadline: deadlineOf(structure, row, new Date()),
    photos: photos.map((p) => ({ id: p.id, width: p.width, height: p.height })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      public: e.public,
      byReporter: e.by_reporter,
      body: e.body,
      details: JSON.parse(e.details) as Record<string, string | number | null>,
      at: e.created_at,
      member: e.member_name === null || e.member_slug === null ? null : { name: e.member_name, slug: e.member_slug },
      actorUserId: internal ? e.actor_user_id : null,
    })),
  };
}

/** Who is looking at an aspiration, and what that lets them see. */
export interface Viewer {
  user: CurrentUser | null;
  /** Aspiration ids this browser has proven to be the reporter of (private link or /lacak). */
  ownedIds: readonly number[];
}

export function isReporter(viewer: Viewer, row: { id: number; user_id: number | null }): boolean {
  return viewer.ownedIds.includes(row.id) || (viewer.user !== null && row.user_id === viewer.user.id);
}

/**
 * The public page of an aspiration. A confidential report exists only for its reporter and for
 * the officials who handle it; anyone else gets "not found", as if there were none.
 */
export async function publicAspiration(
  deps: Deps,
  code: string,
  viewer: Viewer,
): Promise<{ view: AspirationView; reporter: boolean } | undefined> {
  if (!isCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined) return undefined;
  const reporter = isReporter(viewer, row);
  if (row.kind === 'rahasia' && !reporter) return undefined;
  return { view: await viewOf(deps, row, false), reporter };
}

export async function photoFile(
  deps: Deps,
  code: string,
  photoId: number,
  viewer: Viewer,
): Promise<string | undefined> {
  if (!isCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined) return undefined;
  if (row.kind === 'rahasia' && !isReporter(viewer, row) && !(await officialMaySee(deps, viewer.user, row)))
    return undefined;
  return (await q.photoById(deps.db, row.id, photoId))?.file;
}

/** The aspiration behind a private link, if the link is real. */
export async function aspirationOfToken(deps: Deps, token: string) {
  return q.aspirationByTokenHash(deps.db, hashToken(token));
}

/** Finds an aspiration by its code and the reporter's email address or phone number. */
export async function track(
  deps: Deps,
  code: string,
  contact: string,
): Promise<{ id: number; code: string } | undefined> {
  const normalised = code.trim().toUpperCase();
  if (!isCode(normalised)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, normalised);
  if (row === undefined) return undefined;
  const value = contact.trim();
  const lookup = isEmail(normaliseEmail(value))
    ? deps.sealer.lookup(normaliseEmail(value))
    : deps.sealer.lookup(normalisePhone(value));
  const match = await q.reporterMatches(deps.db, row.id, lookup);
  return match === undefined ? undefined : { id: row.id, code: row.code };
}

export type PublicFilter = Omit<q.PublicFilter, 'limit' | 'offset'> & { page: number };
export const PAGE_SIZE = 20;

/**
 * How many public aspirations match a filter. Counting reads every matching row (27 ms for 100 000
 * on the embedded engine, measured by npm run bench), so a total is reused for TOTAL_TTL_MS, or
 * until this process writes an aspiration; another process's writes show after the TTL.
 */
const TOTAL_TTL_MS = 10_000;
const totals = new WeakMap<object, Map<string, { n: number; at: number; generation: number }>>();

async function countPublicCached(deps: Deps, councilId: number, query: q.PublicFilter): Promise<number> {
  let memo = totals.get(deps.db);
  if (memo === undefined) {
    memo = new Map();
    totals.set(deps.db, memo);
  }
  const { limit: _limit, offset: _offset, sort: _sort, ...filter } = query;
  const key = `${councilId}:${JSON.stringify(filter)}`;
  const known = memo.get(key);
  const now = Date.now();
  if (known !== undefined && known.generation === q.writeGeneration() && now - known.at < TOTAL_TTL_MS) return known.n;
  const generation = q.writeGeneration();
  const n = await q.countPublic(deps.db, councilId, query);
  if (memo.size >= 1000) memo.clear();
  memo.set(key, { n, at: now, generation });
  return n;
}

export async function listPublicAspirations(deps: Deps, filter: PublicFilter) {
  const structure = await getCouncil(deps.db);
  const query: q.PublicFilter = { ...filter, limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE };
  const [rows, total] = await Promise.all([
    q.listPublic(deps.db, structure.council.id, query),
    countPublicCached(deps, structure.council.id, query),
  ]);
  return { items: await Promise.all(rows.map((r) => viewOf(deps, r, false, true))), total, pageSize: PAGE_SIZE };
}

/** Supporting an open aspiration instead of filing the same one; with an email, following it. */
export async function support(
  deps: Deps,
  code: string,
  rawEmail: string,
): Promise<{ ok: true; counted: boolean } | { ok: false; problem: 'missing' | 'closed' | 'email' }> {
  const structure = await getCouncil(deps.db);
  const row = isCode(code) ? await q.aspirationByCode(deps.db, structure.council.id, code) : undefined;
  if (row === undefined || row.kind === 'rahasia') return { ok: false, problem: 'missing' };
  if (!isOpen(row.status)) return { ok: false, problem: 'closed' };
  const email = normaliseEmail(clean(rawEmail));
  if (email !== '' && !isEmail(email)) return { ok: false, problem: 'email' };
  const counted = await deps.db
    .transaction()
    .execute((trx) =>
      q.addSupporter(
        trx,
        row.id,
        email === '' ? null : { sealed: deps.sealer.seal(email), lookup: deps.sealer.lookup(email) },
      ),
    );
  return { ok: true, counted };
}

// ---------------------------------------------------------------- the council's side

/** The dapil and komisi a member user sits in; undefined for staff (who see everything). */
async function memberScope(deps: Deps, user: CurrentUser): Promise<q.InboxFilter['member']> {
  if (user.role !== 'member') return undefined;
  if (user.memberId === null) return { dapilId: null, komisiIds: [] };
  const rows = await q.memberPlaces(deps.db, user.memberId);
  return {
    dapilId: rows[0]?.dapil_id ?? null,
    komisiIds: rows.map((r) => r.komisi_id).filter((id): id is number => id !== null),
  };
}

async function officialMaySee(deps: Deps, user: CurrentUser | null, row: Row): Promise<boolean> {
  if (user === null || !user.mfaPassed || !can(user.role, 'aspiration.read')) return false;
  const scope = await memberScope(deps, user);
  if (scope === undefined) return true;
  if (['received', 'rejected', 'duplicate'].includes(row.status)) return false;
  if (row.komisi_id !== null && scope.komisiIds.includes(row.komisi_id)) return true;
  return row.kind !== 'rahasia' && row.dapil_id !== null && row.dapil_id === scope.dapilId;
}

export type InboxFilter = Omit<q.InboxFilter, 'limit' | 'offset' | 'member'> & { page: number };

export async function inbox(deps: Deps, user: CurrentUser, filter: InboxFilter) {
  const structure = await getCouncil(deps.db);
  const query: q.InboxFilter = {
    ...filter,
    member: await memberScope(deps, user),
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
  const [rows, total] = await Promise.all([
    q.listInbox(deps.db, structure.council.id, query),
    q.countInbox(deps.db, structure.council.id, query),
  ]);
  return { items: await Promise.all(rows.map((r) => viewOf(deps, r, true, true))), total, pageSize: PAGE_SIZE };
}

export interface ReporterDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
  consentVersion: string;
  consentAt: Date;
}

export interface CaseFile {
  view: AspirationView;
  /** Hidden from members for confidential reports. */
  reporter: ReporterDetails | null;
  members: { name: string; slug: string }[];
  messages: Awaited<ReturnType<typeof q.messagesAbout>>;
  templates: { id: number; title: string; body: string }[];
}

/** An official opens an aspiration: the reporter's details are read, and that read is audited. */
export async function caseFile(deps: Deps, user: CurrentUser, code: string, ip: string): Promise<CaseFile | undefined> {
  if (!isCode(code)) return undefined;
  const structure = await getCouncil(deps.db);
  const row = await q.aspirationByCode(deps.db, structure.council.id, code);
  if (row === undefined || !(await officialMaySee(deps, user, row))) return undefined;
  const mayReadReporter = row.kind !== 'rahasia' || can(user.role, 'aspiration.triage');
  let reporter: ReporterDetails | null = null;
  if (mayReadReporter) {
    const stored = await q.reporterOf(deps.db, row.id);
    if (stored !== undefined) {
      reporter = {
        name: stored.name_sealed === null ? null : deps.sealer.open(stored.name_sealed),
        email: stored.email_sealed === null ? null : deps.sealer.open(stored.email_sealed),
        phone: stored.phone_sealed === null ? null : deps.sealer.open(stored.phone_sealed),
        consentVersion: stored.consent_version,
        consentAt: stored.consent_at,
      };
      await recordAudit(deps.db, {
        actorUserId: user.id,
        actorRole: user.role,
        action: 'aspiration.reporter_read',
        subjectType: 'aspiration',
        subjectId: row.id,
        ip,
        details: { code: row.code },
      });
    }
  }
  const [view, members, messages, templates] = await Promise.all([
    viewOf(deps, row, true),
    row.dapil_id === null ? [] : q.membersOfDapil(deps.db, row.dapil_id),
    can(user.role, 'aspiration.triage') ? q.messagesAbout(deps.db, `aspiration:${row.id}`) : [],
    q.templatesOf(deps.db, structure.council.id),
  ]);
  return { view, reporter, members, messages, templates };
}

export type StaffAction =
  | { type: 'verify' }
  | { type: 'reject'; reason: string }
  | { type: 'duplicate'; of: string }
  | { type: 'forward'; komisi: string }
  | { type: 'refer'; agency: string; body: string }
  | { type: 'note'; body: string }
  | { type: 'respond'; body: string; asMember: boolean }
  | { type: 'followUp'; action: string; body: string }
  | { type: 'resolve'; body: string };

export type ActionResult =
  | { ok: true; code: string }
  | { ok: false; errors: AspirationError[] }
  | { ok: false; problem: 'state' | 'missing' | 'forbidden' };

const triageActions = new Set<StaffAction['type']>(['verify', 'reject', 'duplicate', 'forward', 'refer', 'resolve']);

/** Which steps each status allows; everything else is refused as out of order. */
const allowed: Record<StaffAction['type'], readonly AspirationStatus[]> = {
  verify: ['received'],
  reject: ['received', 'verified'],
  duplicate: ['received', 'verified', 'forwarded'],
  forward: ['verified', 'forwarded'],
  refer: ['received', 'verified', 'forwarded'],
  note: statuses,
  respond: ['verified', 'forwarded', 'resolved', 'referred'],
  followUp: ['verified', 'forwarded', 'resolved'],
  resolve: ['verified', 'forwarded'],
};

export async function act(
  deps: Deps,
  user: CurrentUser,
  code: string,
  action: StaffAction,
  ip: string,
): Promise<ActionResult> {
  const permission = triageActions.has(action.type) ? 'aspiration.triage' : 'aspiration.respond';
  if (!can(user.role, permission)) return { ok: false, problem: 'forbidden' };
  const errors: AspirationError[] = [];
  const need = (field: string, value: string, min = 2, max = TEXT_MAX) => text(errors, field, clean(value), min, max);
  if (action.type === 'reject') need('reason', action.reason, 5);
  if (action.type === 'refer') {
    need('agency', action.agency, 2, 200);
    need('body', action.body, 5);
  }
  if (action.type === 'note' || action.type === 'respond' || action.type === 'resolve') need('body', action.body, 5);
  if (action.type === 'followUp') {
    if (!(followUpKinds as readonly string[]).includes(action.action))
      errors.push({ field: 'action', problem: 'invalid' });
    need('body', action.body, 5);
  }
  const structure = await getCouncil(deps.db);
  let komisi: Body | undefined;
  if (action.type === 'forward') {
    komisi = structure.komisi.find((b) => b.slug === action.komisi);
    if (komisi === undefined) errors.push({ field: 'komisi', problem: action.komisi === '' ? 'required' : 'invalid' });
  }
  let target: Row | undefined;
  if (action.type === 'duplicate') {
    const of = action.of.trim().toUpperCase();
    target = isCode(of) ? await q.aspirationByCode(deps.db, structure.council.id, of) : undefined;
    if (target === undefined || target.code === code || (!isOpen(target.status) && target.status !== 'resolved'))
      errors.push({ field: 'of', problem: action.of.trim() === '' ? 'required' : 'invalid' });
  }
  if (errors.length > 0) return { ok: false, errors };

  const t = translator(deps.config.defaultLanguage);
  return deps.db.transaction().execute(async (trx): Promise<ActionResult> => {
    const current = await q.aspirationByCode(trx, structure.council.id, code);
    if (current === undefined) return { ok: false, problem: 'missing' };
    const row = await q.lockAspiration(trx, current.id);
    if (row === undefined || !(await officialMaySee({ ...deps, db: trx }, user, row)))
      return { ok: false, problem: 'missing' };
    if (!allowed[action.type].includes(row.status)) return { ok: false, problem: 'state' };
    const today = jakartaDay(new Date());
    const category = structure.categories.find((c) => c.id === row.category_id);
    const event = (kind: string, isPublic: boolean, body: string | null, details: object = {}) =>
      q.insertEvent(trx, {
        aspiration_id: row.id,
        kind,
        public: isPublic,
        actor_user_id: user.id,
        actor_member_id: action.type === 'respond' && action.asMember && user.memberId !== null ? user.memberId : null,
        body,
        details: JSON.stringify(details),
      });
    let publicBody: string | null = null;
    switch (action.type) {
      case 'verify':
        await q.updateAspiration(trx, row.id, {
          status: 'verified',
          resolve_due: addWorkingDays(today, category?.targetDays ?? 14, structure.holidays),
        });
        await event('verified', true, null);
        break;
      case 'reject':
        await q.updateAspiration(trx, row.id, { status: 'rejected' });
        publicBody = clean(action.reason);
        await event('rejected', true, publicBody);
        break;
      case 'duplicate': {
        if (target === undefined) return { ok: false, problem: 'missing' };
        await q.updateAspiration(trx, row.id, { status: 'duplicate', duplicate_of_id: target.id });
        // The reporter and the supporters now follow the one that stays, and count there.
        const reporter = await q.reporterOf(trx, row.id);
        const merged = [
          ...(reporter?.email_sealed == null ? [] : [deps.sealer.open(reporter.email_sealed)]),
          ...(await q.supportersWithEmail(trx, row.id)).flatMap((s) =>
            s.email_sealed === null ? [] : [deps.sealer.open(s.email_sealed)],
          ),
        ];
        const anonymous = row.supporters + 1 - merged.length;
        for (const email of merged)
          await q.addSupporter(trx, target.id, { sealed: deps.sealer.seal(email), lookup: deps.sealer.lookup(email) });
        for (let i = 0; i < anonymous; i++) await q.addSupporter(trx, target.id, null);
        await event('duplicate', true, null, { code: target.code });
        publicBody = target.code;
        break;
      }
      case 'forward': {
        if (komisi === undefined) return { ok: false, problem: 'missing' };
        await q.updateAspiration(trx, row.id, {
          status: 'forwarded',
          komisi_id: komisi.id,
          resolve_due: row.resolve_due ?? addWorkingDays(today, category?.targetDays ?? 14, structure.holidays),
        });
        const dapilNumber = structure.dapil.find((d) => d.id === row.dapil_id)?.number ?? null;
        await event('forwarded', true, null, { komisi: komisi.name, dapil: dapilNumber });
        publicBody = dapilNumber === null ? komisi.name : `${komisi.name}, dapil ${dapilNumber}`;
        break;
      }
      case 'refer':
        await q.updateAspiration(trx, row.id, { status: 'referred' });
        publicBody = clean(action.body);
        await event('referred', true, publicBody, { agency: clean(action.agency) });
        break;
      case 'note':
        await event('note', false, clean(action.body));
        break;
      case 'respond':
        publicBody = clean(action.body);
        await event('response', true, publicBody);
        break;
      case 'followUp':
        publicBody = clean(action.body);
        await event('followUp', true, publicBody, { action: action.action });
        break;
      case 'resolve':
        await q.updateAspiration(trx, row.id, { status: 'resolved', resolved_at: new Date() });
        publicBody = clean(action.body);
        await event('resolved', true, publicBody);
        break;
    }
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: `aspiration.${action.type}`,
      subjectType: 'aspiration',
      subjectId: row.id,
      ip,
      details: { code: row.code },
    });
    if (action.type !== 'note') {
      const step = t(`aspiration.event.${eventOf[action.type]}` as 'aspiration.event.received');
      await tellCitizen(trx, deps, row.id, {
        subject: t('aspiration.mail.step.subject', { code: row.code, step }),
        text: t('aspiration.mail.step.body', {
          code: row.code,
          title: row.title,
          step,
          body: publicBody ?? '',
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
      });
    }
    return { ok: true, code: row.code };
  });
}

/** The timeline event each step of the council writes (and the mail names). */
const eventOf: Record<StaffAction['type'], string> = {
  verify: 'verified',
  reject: 'rejected',
  duplicate: 'duplicate',
  forward: 'forwarded',
  refer: 'referred',
  note: 'note',
  respond: 'response',
  followUp: 'followUp',
  resolve: 'resolved',
};

// ---------------------------------------------------------------- the citizen's side

export type CitizenAction =
  | { type: 'reply'; body: string }
  | { type: 'rate'; rating: string; comment: string }
  | { type: 'reopen'; reason: string }
  | { type: 'fixed'; answer: string };

export async function citizenAct(
  deps: Deps,
  code: string,
  viewer: Viewer,
  action: CitizenAction,
): Promise<ActionResult> {
  const errors: AspirationError[] = [];
  if (action.type === 'reply') text(errors, 'body', clean(action.body), 2, TEXT_MAX);
  if (action.type === 'reopen') text(errors, 'reason', clean(action.reason), 5, TEXT_MAX);
  if (action.type === 'rate') {
    if (!/^[1-5]$/.test(action.rating))
      errors.push({ field: 'rating', problem: action.rating === '' ? 'required' : 'invalid' });
    text(errors, 'comment', clean(action.comment), 0, TEXT_MAX, false);
  }
  if (action.type === 'fixed' && !['ya', 'tidak'].includes(action.answer))
    errors.push({ field: 'answer', problem: 'required' });
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  return deps.db.transaction().execute(async (trx): Promise<ActionResult> => {
    const current = isCode(code) ? await q.aspirationByCode(trx, structure.council.id, code) : undefined;
    if (current === undefined) return { ok: false, problem: 'missing' };
    const row = await q.lockAspiration(trx, current.id);
    if (row === undefined || !isReporter(viewer, row)) return { ok: false, problem: 'forbidden' };
    const event = (kind: string, body: string | null, details: object = {}) =>
      q.insertEvent(trx, {
        aspiration_id: row.id,
        kind,
        public: true,
        by_reporter: true,
        actor_user_id: viewer.user?.id ?? null,
        body,
        details: JSON.stringify(details),
      });
    const closed = ['resolved', 'referred', 'rejected'].includes(row.status);
    switch (action.type) {
      case 'reply':
        if (row.status === 'duplicate') return { ok: false, problem: 'state' };
        await event('reply', clean(action.body));
        break;
      case 'rate':
        if (!closed) return { ok: false, problem: 'state' };
        await q.updateAspiration(trx, row.id, {
          rating: Number(action.rating),
          rating_comment: clean(action.comment) || null,
        });
        await event('rated', clean(action.comment) || null, { rating: Number(action.rating) });
        break;
      case 'reopen': {
        const limit = deps.config.aspirations.reopenDays * 24 * 60 * 60 * 1000;
        if (row.status !== 'resolved' || row.resolved_at === null || Date.now() - row.resolved_at.getTime() > limit)
          return { ok: false, problem: 'state' };
        await q.updateAspiration(trx, row.id, {
          status: row.komisi_id === null ? 'verified' : 'forwarded',
          resolved_at: null,
          resolve_due: addWorkingDays(
            jakartaDay(new Date()),
            structure.categories.find((c) => c.id === row.category_id)?.targetDays ?? 14,
            structure.holidays,
          ),
        });
        await event('reopened', clean(action.reason));
        break;
      }
      case 'fixed':
        if (row.status !== 'resolved') return { ok: false, problem: 'state' };
        await q.updateAspiration(trx, row.id, { fixed_answer: action.answer === 'ya' });
        await event('fixed', null, { answer: action.answer });
        break;
    }
    if (action.type === 'reopen') {
      const step = t('aspiration.event.reopened');
      await tellCitizen(trx, deps, row.id, {
        subject: t('aspiration.mail.step.subject', { code: row.code, step }),
        text: t('aspiration.mail.step.body', {
          code: row.code,
          title: row.title,
          step,
          body: clean(action.reason),
          link: `${deps.config.publicBaseUrl}/lacak?kode=${row.code}`,
          site: structure.council.name,
        }),
      });
    }
    return { ok: true, code: row.code };
  });
}

export async function answerTemplates(deps: Deps) {
  const structure = await getCouncil(deps.db);
  return q.templatesOf(deps.db, structure.council.id);
}

export async function addAnswerTemplate(
  deps: Deps,
  user: CurrentUser,
  input: { title: string; body: string },
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: AspirationError[] }> {
  const errors: AspirationError[] = [];
  const title = clean(input.title);
  const body = clean(input.body);
  text(errors, 'title', title, 2, 120);
  text(errors, 'body', body, 5, TEXT_MAX);
  if (errors.length > 0) return { ok: false, errors };
  const structure = await getCouncil(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertTemplate(trx, { council_id: structure.council.id, title, body });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'answer_template.added',
      ip,
      details: { title },
    });
  });
  return { ok: true };
}

/** The komisi the category of an aspiration is routed to, as a suggestion for forwarding. */
export function suggestedKomisi(structure: CouncilStructure, view: AspirationView): string | undefined {
  const id = view.category?.komisiId;
  return structure.komisi.find((k) => k.id === id)?.slug;
}

/**
 * An account that ends keeps nothing linking it to the aspirations it sent: they stay public
 * (as the reporter chose), their own reporter details follow the aspiration's retention.
 */
/**
 * A person's aspirations in their copy of their data (the reporter details are in each one's
 * record); an erased account is unlinked from what it sent, which stays public without a name.
 */
/** The project an aspiration is (to be) about, when it exists in this council. */
export async function projectForAspiration(deps: Deps, id: number) {
  const structure = await getCouncil(deps.db);
  return q.projectAbout(deps.db, structure.council.id, id);
}

export const aspirationPersonalData: PersonalDataHooks = {
  async copy(deps, userId) {
    const rows = await q.aspirationsOfUser(deps.db, userId);
    return {
      key: 'aspirations',
      title: 'pdp.aspirations',
      items: rows.map((a) => ({
        link: { href: `/aspirasi/${a.code}`, text: a.code },
        text: a.title,
        at: a.received_at,
        record: { code: a.code, title: a.title, status: a.status, receivedAt: a.received_at.toISOString() },
      })),
    };
  },
  async forget(db, userId) {
    await q.unlinkUser(db, userId);
  },
};

/**
 * Some weeks after resolution the reporter is asked whether the problem is really resolved; the
 * question and its answer are on the public timeline. Returns how many were asked.
 */
export async function askWhetherResolved(deps: Deps, now = new Date()): Promise<number> {
  const weeks = deps.config.aspirations.followUpWeeks;
  const due = await q.dueForFollowUp(deps.db, new Date(now.getTime() - weeks * 7 * 86_400_000));
  if (due.length === 0) return 0;
  const structure = await getCouncil(deps.db);
  const t = translator(deps.config.defaultLanguage);
  for (const a of due) {
    await deps.db.transaction().execute(async (trx) => {
      await q.updateAspiration(trx, a.id, { fixed_asked_at: now });
      await q.insertEvent(trx, { aspiration_id: a.id, kind: 'fixedAsked', public: true });
      await tellCitizen(trx, deps, a.id, {
        subject: t('aspiration.mail.fixed.subject', { code: a.code }),
        text: t('aspiration.mail.fixed.body', {
          code: a.code,
          title: a.title,
          link: `${deps.config.publicBaseUrl}/lacak?kode=${a.code}`,
          site: structure.council.name,
        }),
      });
    });
  }
  return due.length;
}

/**
 * Photos are written before the record that names them is committed; a crash in between leaves
 * files nobody can reach. They are removed once they are an hour old (an upload in progress is younger).
 */
export async function removeOrphanPhotos(deps: Deps, now = Date.now()): Promise<number> {
  const known = new Set((await q.photoFiles(deps.db)).map((r) => r.file));
  return removeOrphans(deps.config.uploadDir, PHOTO_FOLDER, known, now);
}

/** Runs the aspiration jobs now and then every hour; a failure is logged and tried next hour. */
export function scheduleAspirationJobs(
  deps: Deps,
  log: { error(obj: object, msg: string): void },
  afterwards: () => void,
): () => void {
  const run = () => {
    void askWhetherResolved(deps)
      .then((n) => {
        if (n > 0) afterwards();
      })
      .catch((error: unknown) => log.error({ err: error }, 'aspiration follow-up job failed'));
    void removeOrphanPhotos(deps).catch((error: unknown) => log.error({ err: error }, 'orphan photo cleanup failed'));
  };
  run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

export interface PublicRecord {
  view: AspirationView;
  /** The newest step taken by the council, with its public text. */
  latest: { kind: string; body: string | null; details: Record<string, string | number | null> } | undefined;
  photoId: number | undefined;
}

/**
 * Public aspirations for other systems (our API, Open311): never confidential ones, never the
 * reporter. Up to `limit`, newest first.
 */
export async function publicRecords(
  deps: Deps,
  filter: Omit<q.PublicFilter, 'limit' | 'offset' | 'sort'> & { limit: number; offset?: number; counted?: boolean },
): Promise<{ records: PublicRecord[]; total: number }> {
  const structure = await getCouncil(deps.db);
  const query: q.PublicFilter = { ...filter, sort: 'baru', offset: filter.offset ?? 0 };
  // The home page wants a few newest ones, not how many there are: no count on every visit.
  const [rows, total] = await Promise.all([
    q.listPublic(deps.db, structure.council.id, query),
    filter.counted === false ? Promise.resolve(-1) : countPublicCached(deps, structure.council.id, query),
  ]);
  const ids = rows.map((r) => r.id);
  const [latest, photos] = await Promise.all([q.latestPublicEvents(deps.db, ids), q.firstPhotos(deps.db, ids)]);
  const records = await Promise.all(
    rows.map(async (r) => {
      const event = latest.find((e) => e.aspiration_id === r.id);
      return {
        view: await viewOf(deps, r, false, true),
        latest:
          event === undefined
            ? undefined
            : {
                kind: event.kind,
                body: event.body,
                details: JSON.parse(event.details) as Record<string, string | number | null>,
              },
        photoId: photos.find((p) => p.aspiration_id === r.id)?.id,
      };
    }),
  );
  return { records, total };
}

/** The aspirations a signed-in citizen sent, for their own pages and their copy of their data. */
/** The newest aspirations the council has closed with an answer, for the home page. */
export async function recentlyAnswered(deps: Deps, limit: number) {
  const { records } = await publicRecords(deps, { statuses: ['resolved', 'referred'], limit, counted: false });
  return records.map((r) => ({
    code: r.view.code,
    title: r.view.title,
    status: r.view.status,
    answer: r.latest?.body ?? null,
  }));
}

/**
 * One step for many aspirations from the inbox: verify what was received, or forward what was
 * verified to the komisi its category is routed to. What the step does not fit is left alone.
 */
export async function bulkAct(
  deps: Deps,
  user: CurrentUser,
  codes: string[],
  step: 'verify' | 'forward',
  ip: string,
): Promise<{ done: number; skipped: number }> {
  const structure = await getCouncil(deps.db);
  let done = 0;
  for (const code of codes) {
    const row = isCode(code) ? await q.aspirationByCode(deps.db, structure.council.id, code) : undefined;
    const category = structure.categories.find((c) => c.id === row?.category_id);
    const komisi = structure.komisi.find((k) => k.id === category?.komisiId);
    const action: StaffAction | undefined =
      step === 'verify'
        ? { type: 'verify' }
        : komisi === undefined
          ? undefined
          : { type: 'forward', komisi: komisi.slug };
    if (row === undefined || action === undefined || row.status !== (step === 'verify' ? 'received' : 'verified'))
      continue;
    if ((await act(deps, user, code, action, ip)).ok) done++;
  }
  return { done, skipped: codes.length - done };
}

/** Anonymised figures for open data: counts by month, category, kecamatan, kind and status. */
export async function aspirationStatistics(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const [rows, last] = await Promise.all([
    q.statistics(deps.db, structure.council.id),
    q.lastChange(deps.db, structure.council.id),
  ]);
  return {
    modified: last.at === null ? undefined : new Date(last.at),
    rows: rows.map((r) => ({
      month: r.month,
      category: structure.categories.find((c) => c.id === r.category_id)?.name ?? '',
      kecamatan: structure.kecamatan.find((k) => k.id === r.kecamatan_id)?.name ?? '',
      kind: r.kind,
      status: r.status,
      count: Number(r.count),
      supporters: Number(r.supporters),
    })),
  };
}
