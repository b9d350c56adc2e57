/**
 * The council as the rest of the application sees it: its name and contacts, and its structure
 * (dapil with their kecamatan and kelurahan, fraksi, komisi and other bodies). The structure
 * changes a few times in a term, so it is read once and kept until `forgetCouncil()`.
 */
import type { Db } from '../db/index.ts';
import type { BodyKind, Council } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Deps } from '../platform/deps.ts';
import { CouncilMissingError } from '../platform/site.ts';
import { slugify } from '../platform/slug.ts';
import { isCalendarDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export interface Kelurahan {
  id: number;
  code: string;
  slug: string;
  name: string;
  postalCode: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Kecamatan {
  id: number;
  code: string;
  slug: string;
  name: string;
  dapilNumber: number | null;
  lat: number | null;
  lon: number | null;
  kelurahan: Kelurahan[];
}

export interface Dapil {
  id: number;
  number: number;
  seats: number;
  kecamatan: Kecamatan[];
}

export interface Fraksi {
  id: number;
  slug: string;
  name: string;
  parties: string[];
  seats: number;
}

export interface Body {
  id: number;
  kind: BodyKind;
  slug: string;
  name: string;
  shortName: string;
  field: string | null;
}

/** A kind of citizens' input, routed to a komisi, with its completion target in working days. */
export interface Category {
  id: number;
  slug: string;
  name: string;
  nameEn: string;
  komisiId: number | null;
  targetDays: number;
}

export interface CouncilStructure {
  council: Council;
  categories: Category[];
  /** Days that are not working days besides weekends (YYYY-MM-DD). */
  holidays: ReadonlySet<string>;
  dapil: Dapil[];
  kecamatan: Kecamatan[];
  fraksi: Fraksi[];
  bodies: Body[];
  komisi: Body[];
}

const cache = new WeakMap<Db, Promise<CouncilStructure>>();

async function load(db: Db): Promise<CouncilStructure> {
  const council = await q.firstCouncil(db);
  if (council === undefined) throw new CouncilMissingError();
  const [dapilRows, kecamatanRows, kelurahanRows, fraksiRows, bodyRows, categoryRows, holidayRows] = await Promise.all([
    q.dapilOfCouncil(db, council.id),
    q.kecamatanOfCouncil(db, council.id),
    q.kelurahanOfCouncil(db, council.id),
    q.fraksiOfCouncil(db, council.id),
    q.bodiesOfCouncil(db, council.id),
    q.categoriesOfCouncil(db, council.id),
    q.holidays(db),
  ]);
  const dapilNumber = new Map(dapilRows.map((d) => [d.id, d.number]));
  const kecamatan: Kecamatan[] = kecamatanRows.map((k) => ({
    id: k.id,
    code: k.code,
    slug: k.slug,
    name: k.name,
    dapilNumber: k.dapil_id === null ? null : (dapilNumber.get(k.dapil_id) ?? null),
    lat: k.lat,
    lon: k.lon,
    kelurahan: kelurahanRows
      .filter((kel) => kel.kecamatan_id === k.id)
      .map((kel) => ({
        id: kel.id,
        code: kel.code,
        slug: kel.slug,
        name: kel.name,
        postalCode: kel.postal_code,
        lat: kel.lat,
        lon: kel.lon,
      })),
  }));
  const bodies: Body[] = bodyRows.map((b) => ({
    id: b.id,
    kind: b.kind,
    slug: b.slug,
    name: b.name,
    shortName: b.short_name,
    field: b.field,
  }));
  return {
    council,
    categories: categoryRows.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      nameEn: c.name_en,
      komisiId: c.komisi_id,
      targetDays: c.target_days,
    })),
    holidays: new Set(holidayRows.map((h) => h.day)),
    dapil: dapilRows.map((d) => ({
      id: d.id,
      number: d.number,
      seats: d.seats,
      kecamatan: kecamatan.filter((k) => k.dapilNumber === d.number),
    })),
    kecamatan,
    fraksi: fraksiRows,
    bodies,
    komisi: bodies.filter((b) => b.kind === 'komisi'),
  };
}

export function getCouncil(db: Db): Promise<CouncilStructure> {
  let pending = cache.get(db);
  if (pending === undefined) {
    pending = load(db);
    cache.set(db, pending);
    // A failure (no council yet) must not stick: the next request tries again.
    pending.catch(() => cache.delete(db));
  }
  return pending;
}

/** Call after the council's structure has been edited. */
export function forgetCouncil(db: Db): void {
  cache.delete(db);
}

export type DapilLookup =
  | { found: true; dapil: Dapil; kecamatan: Kecamatan; kelurahan: Kelurahan | undefined }
  | { found: false };

/** Which dapil a place belongs to, from its kelurahan code or its kecamatan slug. */
export function findDapil(
  structure: CouncilStructure,
  place: { kelurahan?: string | undefined; kecamatan?: string | undefined },
): DapilLookup {
  for (const kecamatan of structure.kecamatan) {
    const kelurahan =
      place.kelurahan === undefined ? undefined : kecamatan.kelurahan.find((k) => k.code === place.kelurahan);
    const matches = kelurahan !== undefined || (place.kelurahan === undefined && kecamatan.slug === place.kecamatan);
    if (!matches) continue;
    const dapil = structure.dapil.find((d) => d.number === kecamatan.dapilNumber);
    return dapil === undefined ? { found: false } : { found: true, dapil, kecamatan, kelurahan };
  }
  return { found: false };
}

/** Kilometres between two points on the Earth (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The middle of the council's region, from its kecamatan centres. */
export function regionCenter(structure: CouncilStructure): { lat: number; lon: number } {
  const points = structure.kecamatan.filter((k) => k.lat !== null && k.lon !== null);
  const mean = (pick: (k: (typeof points)[number]) => number) =>
    points.length === 0 ? 0 : points.reduce((sum, k) => sum + pick(k), 0) / points.length;
  return { lat: mean((k) => k.lat ?? 0), lon: mean((k) => k.lon ?? 0) };
}

export interface Place {
  kecamatanId: number;
  kelurahanId: number | null;
  dapilId: number | null;
}

/** "k12" is the whole of kecamatan 12; "345" is kelurahan 345. */
export function placeOf(structure: CouncilStructure, location: string): Place | undefined {
  const kec = /^k(\d{1,9})$/.exec(location);
  const dapilOf = (dapilNumber: number | null) => structure.dapil.find((d) => d.number === dapilNumber)?.id ?? null;
  if (kec !== null) {
    const k = structure.kecamatan.find((x) => x.id === Number(kec[1]));
    return k === undefined ? undefined : { kecamatanId: k.id, kelurahanId: null, dapilId: dapilOf(k.dapilNumber) };
  }
  if (!/^\d{1,9}$/.test(location)) return undefined;
  for (const k of structure.kecamatan) {
    const kel = k.kelurahan.find((x) => x.id === Number(location));
    if (kel !== undefined) return { kecamatanId: k.id, kelurahanId: kel.id, dapilId: dapilOf(k.dapilNumber) };
  }
  return undefined;
}

/**
 * The kelurahan whose reference point is nearest to a point, if one lies within `maxKm` (the
 * points are approximate centres, not boundaries, so this is a best guess a person can correct).
 */
export function nearestKelurahan(structure: CouncilStructure, point: { lat: number; lon: number }, maxKm = 5) {
  let best: { kelurahan: Kelurahan; kecamatan: Kecamatan; km: number } | undefined;
  for (const kecamatan of structure.kecamatan) {
    for (const kelurahan of kecamatan.kelurahan) {
      if (kelurahan.lat === null || kelurahan.lon === null) continue;
      const km = distanceKm(point, { lat: kelurahan.lat, lon: kelurahan.lon });
      if (best === undefined || km < best.km) best = { kelurahan, kecamatan, km };
    }
  }
  return best !== undefined && best.km <= maxKm ? best : undefined;
}

/** The real-time channel that tells every app process to read the council's structure again. */
export const COUNCIL_CHANGED = 'council_changed';

export type SettingsProblem = 'name' | 'komisi' | 'days' | 'percent' | 'date' | 'kind' | 'source' | 'slug' | 'missing';
export type SettingsResult = { ok: true } | { ok: false; field: string; problem: SettingsProblem };

interface Editor {
  id: number;
  role: string;
}

async function changeCouncil(
  deps: Deps,
  editor: Editor,
  ip: string,
  action: string,
  details: Record<string, unknown>,
  change: (trx: Db, councilId: number) => Promise<SettingsResult>,
): Promise<SettingsResult> {
  const structure = await getCouncil(deps.db);
  const result = await deps.db.transaction().execute(async (trx) => {
    const outcome = await change(trx, structure.council.id);
    if (!outcome.ok) return outcome;
    await recordAudit(trx, { actorUserId: editor.id, actorRole: editor.role, action, ip, details });
    return outcome;
  });
  if (result.ok) {
    forgetCouncil(deps.db);
    deps.signals.send(COUNCIL_CHANGED, action);
  }
  return result;
}

export interface CategoryInput {
  name: string;
  nameEn: string;
  komisi: string;
  targetDays: string;
}

function checkCategory(structure: CouncilStructure, input: CategoryInput) {
  const name = input.name.trim();
  const nameEn = input.nameEn.trim() || name;
  if (name.length < 2 || name.length > 120 || nameEn.length > 120)
    return { ok: false as const, field: 'name', problem: 'name' as const };
  const komisi = input.komisi === '' ? null : structure.komisi.find((k) => k.slug === input.komisi);
  if (komisi === undefined) return { ok: false as const, field: 'komisi', problem: 'komisi' as const };
  const days = /^\d{1,3}$/.test(input.targetDays.trim()) ? Number(input.targetDays) : 0;
  if (days < 1 || days > 365) return { ok: false as const, field: 'targetDays', problem: 'days' as const };
  return { ok: true as const, values: { name, name_en: nameEn, komisi_id: komisi?.id ?? null, target_days: days } };
}

export async function editCategory(
  deps: Deps,
  editor: Editor,
  ip: string,
  id: number,
  input: CategoryInput,
): Promise<SettingsResult> {
  const checked = checkCategory(await getCouncil(deps.db), input);
  if (!checked.ok) return checked;
  return changeCouncil(deps, editor, ip, 'category.changed', { id, ...checked.values }, async (trx, councilId) =>
    (await q.updateCategory(trx, councilId, id, checked.values)) === undefined
      ? { ok: false, field: 'name', problem: 'missing' }
      : { ok: true },
  );
}

export async function addCategory(
  deps: Deps,
  editor: Editor,
  ip: string,
  input: CategoryInput & { slug: string },
): Promise<SettingsResult> {
  const structure = await getCouncil(deps.db);
  const checked = checkCategory(structure, input);
  if (!checked.ok) return checked;
  const slug = input.slug.trim() || slugify(input.name);
  if (!/^[a-z0-9-]{2,80}$/.test(slug)) return { ok: false, field: 'slug', problem: 'slug' };
  return changeCouncil(deps, editor, ip, 'category.added', { slug, ...checked.values }, async (trx, councilId) =>
    (await q.insertCategory(trx, {
      council_id: councilId,
      slug,
      sort_order: structure.categories.length,
      ...checked.values,
    })) === undefined
      ? { ok: false, field: 'slug', problem: 'slug' }
      : { ok: true },
  );
}

export async function changeVerifyDays(deps: Deps, editor: Editor, ip: string, raw: string): Promise<SettingsResult> {
  const days = /^\d{1,2}$/.test(raw.trim()) ? Number(raw) : 0;
  if (days < 1 || days > 30) return { ok: false, field: 'verifyDays', problem: 'days' };
  return changeCouncil(deps, editor, ip, 'council.verify_days_changed', { days }, async (trx, councilId) => {
    await q.setVerifyDays(trx, councilId, days);
    return { ok: true };
  });
}

/**
 * The accuracy a category model must have shown on the newest aspirations held out before staff
 * see its suggestions, as a whole percentage (0 shows every suggestion, 100 none in practice).
 */
export async function changeSuggestionThreshold(
  deps: Deps,
  editor: Editor,
  ip: string,
  raw: string,
): Promise<SettingsResult> {
  const percent = /^\d{1,3}$/.test(raw.trim()) ? Number(raw) : -1;
  if (percent < 0 || percent > 100) return { ok: false, field: 'minAccuracy', problem: 'percent' };
  return changeCouncil(
    deps,
    editor,
    ip,
    'council.suggestion_threshold_changed',
    { percent },
    async (trx, councilId) => {
      await q.setSuggestionThreshold(trx, councilId, percent / 100);
      return { ok: true };
    },
  );
}

export function listHolidays(db: Db, from: string) {
  return q.holidayList(db, from);
}

export async function addHoliday(
  deps: Deps,
  editor: Editor,
  ip: string,
  input: { day: string; kind: string; source: string },
): Promise<SettingsResult> {
  const day = input.day.trim();
  if (!isCalendarDay(day)) return { ok: false, field: 'day', problem: 'date' };
  const kind = (['libur_nasional', 'cuti_bersama', 'lokal'] as const).find((k) => k === input.kind);
  if (kind === undefined) return { ok: false, field: 'holidayKind', problem: 'kind' };
  const source = input.source.trim();
  if (source.length < 3 || source.length > 300) return { ok: false, field: 'source', problem: 'source' };
  return changeCouncil(deps, editor, ip, 'holiday.set', { day, kind, source }, async (trx) => {
    await q.insertHoliday(trx, { day, kind, source });
    return { ok: true };
  });
}

export async function removeHoliday(deps: Deps, editor: Editor, ip: string, day: string): Promise<SettingsResult> {
  if (!isCalendarDay(day)) return { ok: false, field: 'day', problem: 'missing' };
  return changeCouncil(deps, editor, ip, 'holiday.removed', { day }, async (trx) =>
    (await q.deleteHoliday(trx, day)) === undefined ? { ok: false, field: 'day', problem: 'missing' } : { ok: true },
  );
}
