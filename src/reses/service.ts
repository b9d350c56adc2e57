/**
 * Reses: three times a year members go back to their dapil to hear their voters, and must report
 * it (PP 12/2018 Ps 87–88). A member (or staff for them) records each visit — the day, the place,
 * how many came, photos stripped of their metadata — and every piece of input received there,
 * which is filed at once as an aspiration (channel "reses") and so routed and followed like any
 * other. Once published, the report is public.
 */

import { fileReceivedAspiration, recordTrailStep } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { SitemapEntry } from '../platform/feature.ts';
import { dayOf } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { fileStore } from '../platform/storage.ts';
import {
  MAX_PHOTOS,
  type ProcessedPhoto,
  processPhoto,
  removeOrphans,
  storePhotos,
  type UploadedFile,
} from '../platform/uploads.ts';
import { type FieldError, isSingleLine } from '../platform/validation.ts';
import { isCalendarDay } from '../platform/working-days.ts';
import * as q from './queries.ts';

export const PHOTO_FOLDER = 'reses';
export { MAX_PHOTOS };

export type ResesProblem =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'tooShort'
  | 'oneLine'
  | 'order'
  | 'taken'
  | 'outside'
  | 'noMember'
  | 'noVisit'
  | 'tooMany'
  | 'tooLarge'
  | 'type'
  | 'unreadable';
export type ResesError = FieldError<ResesProblem>;

export interface Period {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface ReportSummary {
  id: number;
  period: Period;
  member: { id: number; slug: string; name: string };
  /** The member's dapil: its number and the kecamatan it is made of. */
  dapil: { id: number; number: number; kecamatan: string[] } | undefined;
  summary: string;
  publishedAt: Date | null;
  visits: number;
  attendance: number;
  inputs: number;
  updatedAt: Date;
}

export interface Visit {
  id: number;
  day: string;
  place: string;
  kelurahan: { id: number; name: string; kecamatan: string } | undefined;
  attendance: number;
  notes: string;
  photos: { id: number; width: number; height: number }[];
}

export interface ReportRecord extends ReportSummary {
  visitList: Visit[];
  inputList: { id: number; visitId: number | null; code: string; title: string }[];
}

type ReportRow = NonNullable<Awaited<ReturnType<typeof q.reportById>>>;

async function toSummary(deps: Deps, r: ReportRow): Promise<ReportSummary> {
  const structure = await getCouncil(deps.db);
  const dapil = structure.dapil.find((d) => d.id === r.dapil_id);
  return {
    id: r.id,
    period: { id: r.period_id, name: r.period_name, startsOn: r.starts_on, endsOn: r.ends_on },
    member: { id: r.member_id, slug: r.member_slug, name: r.member_name },
    dapil:
      dapil === undefined
        ? undefined
        : { id: dapil.id, number: dapil.number, kecamatan: dapil.kecamatan.map((k) => k.name) },
    summary: r.summary,
    publishedAt: r.published_at,
    visits: Number(r.visits ?? 0),
    attendance: Number(r.attendance ?? 0),
    inputs: Number(r.inputs ?? 0),
    updatedAt: r.updated_at,
  };
}

/** Whether this official may change this report: staff any, a member only their own. */
export function mayEdit(user: CurrentUser, report: { member: { id: number } }): boolean {
  if (!can(user.role, 'reses.record')) return false;
  return user.role === 'member' ? user.memberId === report.member.id : true;
}

export async function listPeriods(deps: Deps): Promise<Period[]> {
  const structure = await getCouncil(deps.db);
  return (await q.periods(deps.db, structure.council.id)).map((p) => ({
    id: p.id,
    name: p.name,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
  }));
}

export async function addPeriod(
  deps: Deps,
  user: CurrentUser,
  input: { name: string; startsOn: string; endsOn: string },
  ip: string,
): Promise<{ ok: true } | { ok: false; errors: ResesError[] }> {
  const structure = await getCouncil(deps.db);
  const errors: ResesError[] = [];
  const name = input.name.trim();
  if (name.length < 3) errors.push({ field: 'name', problem: 'required' });
  else if (name.length > 120) errors.push({ field: 'name', problem: 'tooLong', max: 120 });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'oneLine' });
  for (const field of ['startsOn', 'endsOn'] as const) {
    const value = input[field].trim();
    if (value === '') errors.push({ field, problem: 'required' });
    else if (!isCalendarDay(value)) errors.push({ field, problem: 'invalid' });
  }
  if (
    isCalendarDay(input.startsOn.trim()) &&
    isCalendarDay(input.endsOn.trim()) &&
    input.endsOn.trim() < input.startsOn.trim()
  )
    errors.push({ field: 'endsOn', problem: 'order' });
  if (errors.length > 0) return { ok: false, errors };
  const id = await q.insertPeriod(deps.db, {
    council_id: structure.council.id,
    name,
    starts_on: input.startsOn.trim(),
    ends_on: input.endsOn.trim(),
  });
  if (id === undefined) return { ok: false, errors: [{ field: 'name', problem: 'taken' }] };
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'reses.period-added',
    subjectType: 'reses_period',
    subjectId: id,
    ip,
  });
  return { ok: true };
}

/** The members a report can be opened for: a member only themself, staff every sitting member. */
export async function membersFor(deps: Deps, user: CurrentUser) {
  const structure = await getCouncil(deps.db);
  const all = await q.sittingMembers(deps.db, structure.council.id);
  return user.role === 'member' ? all.filter((m) => m.id === user.memberId) : all;
}

export async function reportsFor(deps: Deps, user: CurrentUser): Promise<ReportSummary[]> {
  const structure = await getCouncil(deps.db);
  if (user.role === 'member' && user.memberId === null) return [];
  const rows = await q.listReports(
    deps.db,
    structure.council.id,
    user.role === 'member' && user.memberId !== null ? { memberId: user.memberId } : {},
  );
  return Promise.all(rows.map((r) => toSummary(deps, r)));
}

export async function publishedReports(deps: Deps): Promise<ReportSummary[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.listReports(deps.db, structure.council.id, { published: true });
  return Promise.all(rows.map((r) => toSummary(deps, r)));
}

/** Opens (or finds) a member's report of a period. */
export async function openReport(
  deps: Deps,
  user: CurrentUser,
  input: { period: string; member: string },
  ip: string,
): Promise<{ ok: true; id: number } | { ok: false; errors: ResesError[] }> {
  const structure = await getCouncil(deps.db);
  const errors: ResesError[] = [];
  const period = (await listPeriods(deps)).find((p) => String(p.id) === input.period);
  if (period === undefined) errors.push({ field: 'period', problem: input.period === '' ? 'required' : 'invalid' });
  const members = await membersFor(deps, user);
  const member = user.role === 'member' ? members[0] : members.find((m) => m.slug === input.member);
  if (member === undefined)
    errors.push({
      field: 'member',
      problem: user.role === 'member' ? 'noMember' : input.member === '' ? 'required' : 'invalid',
    });
  if (errors.length > 0 || period === undefined || member === undefined) return { ok: false, errors };
  const existing = await q.reportOf(deps.db, period.id, member.id);
  if (existing !== undefined) return { ok: true, id: existing.id };
  const id = await deps.db.transaction().execute(async (trx) => {
    const id =
      (await q.insertReport(trx, {
        council_id: structure.council.id,
        period_id: period.id,
        member_id: member.id,
        dapil_id: member.dapil_id,
        created_by: user.id,
      })) ?? (await q.reportOf(trx, period.id, member.id))?.id;
    if (id === undefined) throw new Error('the reses report could not be opened');
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'reses.report-opened',
      subjectType: 'reses_report',
      subjectId: id,
      ip,
    });
    return id;
  });
  return { ok: true, id };
}

/** One report with its visits, photos and input; unpublished ones only for those who may edit them. */
export async function reportRecord(
  deps: Deps,
  id: number,
  viewer: CurrentUser | null,
): Promise<ReportRecord | undefined> {
  const structure = await getCouncil(deps.db);
  const row = await q.reportById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const summary = await toSummary(deps, row);
  if (summary.publishedAt === null && (viewer === null || !mayEdit(viewer, summary))) return undefined;
  const [visits, inputs] = await Promise.all([q.visitsOf(deps.db, id), q.inputsOf(deps.db, id)]);
  const photos = await q.photosOf(
    deps.db,
    visits.map((v) => v.id),
  );
  const places = structure.kecamatan.flatMap((k) => k.kelurahan.map((kel) => ({ ...kel, kecamatan: k.name })));
  return {
    ...summary,
    visitList: visits.map((v) => ({
      id: v.id,
      day: v.visited_on,
      place: v.place,
      kelurahan: places.find((p) => p.id === v.kelurahan_id),
      attendance: v.attendance,
      notes: v.notes,
      photos: photos.filter((p) => p.visit_id === v.id).map((p) => ({ id: p.id, width: p.width, height: p.height })),
    })),
    inputList: inputs.map((i) => ({ id: i.id, visitId: i.visit_id, code: i.aspiration_code, title: i.title })),
  };
}

export async function reportPhoto(deps: Deps, reportId: number, photoId: number, viewer: CurrentUser | null) {
  const record = await reportRecord(deps, reportId, viewer);
  if (record === undefined) return undefined;
  const structure = await getCouncil(deps.db);
  return (await q.photoFile(deps.db, structure.council.id, reportId, photoId))?.file;
}

/**
 * Writes "raised in the reses of …" on each aspiration once the report is public, in the caller's
 * transaction; the council is read before it, as no query may leave the transaction.
 */
async function markTrail(
  deps: Deps,
  db: Parameters<typeof recordTrailStep>[0],
  council: { id: number; name: string },
  record: ReportSummary,
  items: { code: string; day: string | null }[],
) {
  const lang = deps.config.defaultLanguage;
  const mail = { t: translator(lang), site: council.name, day: (day: string) => dayOf({ lang }, day) };
  for (const item of items)
    await recordTrailStep(
      db,
      deps,
      council.id,
      item.code,
      {
        step: 'reses',
        member: record.member.name,
        period: record.period.name,
        day: item.day,
        href: `/reses/${record.id}`,
      },
      mail,
    );
}

type Editable = { ok: true; record: ReportRecord } | { ok: false; problem: 'missing' | 'forbidden' };

async function editable(deps: Deps, user: CurrentUser, id: number): Promise<Editable> {
  const record = await reportRecord(deps, id, user);
  if (record === undefined) return { ok: false, problem: 'missing' };
  return mayEdit(user, record) ? { ok: true, record } : { ok: false, problem: 'forbidden' };
}

export interface VisitInput {
  day: string;
  place: string;
  kelurahan: string;
  attendance: string;
  notes: string;
  photos: UploadedFile[];
}

export type ResesResult =
  | { ok: true }
  | { ok: false; errors: ResesError[] }
  | { ok: false; problem: 'missing' | 'forbidden' };

/** A place visited on a day of the period, how many came, what was noted, and photos. */
export async function addVisit(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: VisitInput,
  ip: string,
): Promise<ResesResult> {
  const found = await editable(deps, user, id);
  if (!found.ok) return found;
  const { record } = found;
  const structure = await getCouncil(deps.db);
  const errors: ResesError[] = [];
  const day = input.day.trim();
  if (day === '') errors.push({ field: 'day', problem: 'required' });
  else if (!isCalendarDay(day)) errors.push({ field: 'day', problem: 'invalid' });
  else if (day < record.period.startsOn || day > record.period.endsOn)
    errors.push({ field: 'day', problem: 'outside' });
  const place = input.place.trim();
  if (place.length < 3) errors.push({ field: 'place', problem: 'required' });
  else if (place.length > 200) errors.push({ field: 'place', problem: 'tooLong', max: 200 });
  else if (!isSingleLine(place)) errors.push({ field: 'place', problem: 'oneLine' });
  const kelurahanId = /^\d{1,9}$/.test(input.kelurahan) ? Number(input.kelurahan) : undefined;
  const known = structure.kecamatan.some((k) => k.kelurahan.some((kel) => kel.id === kelurahanId));
  if (input.kelurahan !== '' && !known) errors.push({ field: 'kelurahan', problem: 'invalid' });
  const attendance = /^\d{1,6}$/.test(input.attendance.trim()) ? Number(input.attendance) : -1;
  if (input.attendance.trim() === '') errors.push({ field: 'attendance', problem: 'required' });
  else if (attendance < 0 || attendance > 100_000) errors.push({ field: 'attendance', problem: 'invalid' });
  const notes = input.notes.trim();
  if (notes.length > 5000) errors.push({ field: 'notes', problem: 'tooLong', max: 5000 });
  const files = input.photos.filter((f) => f.filename !== '' || f.data.length > 0);
  const processed: ProcessedPhoto[] = [];
  if (files.length > MAX_PHOTOS) errors.push({ field: 'photos', problem: 'tooMany', max: MAX_PHOTOS });
  else
    for (const file of files) {
      const result = await processPhoto(file);
      if (result.ok) processed.push(result.photo);
      else errors.push({ field: 'photos', problem: result.problem, name: file.filename.slice(0, 80) });
    }
  if (errors.length > 0) return { ok: false, errors };
  const stored = await storePhotos(fileStore(deps.config), PHOTO_FOLDER, processed);
  await deps.db.transaction().execute(async (trx) => {
    const visit = await q.insertVisit(trx, {
      report_id: id,
      visited_on: day,
      place,
      kelurahan_id: known ? (kelurahanId ?? null) : null,
      attendance,
      notes,
    });
    await q.insertPhotos(
      trx,
      stored.map((p) => ({ visit_id: visit.id, file: p.file, width: p.width, height: p.height, bytes: p.bytes })),
    );
    await q.updateReport(trx, id, {});
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'reses.visit-added',
      subjectType: 'reses_report',
      subjectId: id,
      ip,
    });
  });
  return { ok: true };
}

export interface InputItem {
  visit: string;
  category: string;
  location: string;
  title: string;
  description: string;
  name: string;
  email: string;
  phone: string;
}

/**
 * One piece of input heard in the reses, filed at once as an aspiration (channel "reses") in the
 * name of whoever raised it, when they gave it; routed and followed like any other.
 */
export async function addInput(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: InputItem,
  ip: string,
): Promise<ResesResult | { ok: true; code: string }> {
  const found = await editable(deps, user, id);
  if (!found.ok) return found;
  const { record } = found;
  const visit = input.visit === '' ? undefined : record.visitList.find((v) => String(v.id) === input.visit);
  if (input.visit !== '' && visit === undefined) return { ok: false, errors: [{ field: 'visit', problem: 'invalid' }] };
  const result = await fileReceivedAspiration(deps, user, 'reses', input);
  if (!result.ok) return result;
  const { council } = await getCouncil(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    if (record.publishedAt !== null)
      await markTrail(deps, trx, council, record, [{ code: result.code, day: visit?.day ?? null }]);
    await q.insertInput(trx, {
      report_id: id,
      visit_id: visit?.id ?? null,
      aspiration_code: result.code,
      title: input.title.trim().slice(0, 200),
      created_by: user.id,
    });
    await q.updateReport(trx, id, {});
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'reses.input-filed',
      subjectType: 'reses_report',
      subjectId: id,
      ip,
      details: { aspiration: result.code },
    });
  });
  return { ok: true, code: result.code };
}

/** Makes the report public with its summary; it needs at least one visit. */
export async function publishReport(
  deps: Deps,
  user: CurrentUser,
  id: number,
  raw: string,
  ip: string,
): Promise<ResesResult> {
  const found = await editable(deps, user, id);
  if (!found.ok) return found;
  const errors: ResesError[] = [];
  const summary = raw.trim();
  if (summary.length < 20) errors.push({ field: 'summary', problem: summary === '' ? 'required' : 'tooShort' });
  else if (summary.length > 10_000) errors.push({ field: 'summary', problem: 'tooLong', max: 10_000 });
  if (found.record.visitList.length === 0) errors.push({ field: 'summary', problem: 'noVisit' });
  if (errors.length > 0) return { ok: false, errors };
  const { council } = await getCouncil(deps.db);
  const record = found.record;
  await deps.db.transaction().execute(async (trx) => {
    // The first time the report goes public, each aspiration it lists shows where it was raised.
    if (record.publishedAt === null)
      await markTrail(
        deps,
        trx,
        council,
        record,
        record.inputList.map((i) => ({
          code: i.code,
          day: record.visitList.find((v) => v.id === i.visitId)?.day ?? null,
        })),
      );
    await q.updateReport(trx, id, { summary, published_at: record.publishedAt ?? new Date() });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'reses.report-published',
      subjectType: 'reses_report',
      subjectId: id,
      ip,
    });
  });
  return { ok: true };
}

/** Photo files no visit refers to (an upload that failed half-way), removed when an hour old. */
/** A member's published reports, newest period first (for their page). */
export async function memberReports(deps: Deps, memberId: number): Promise<ReportSummary[]> {
  return (await publishedReports(deps)).filter((r) => r.member.id === memberId);
}

/** The places a member visited in their published reses reports, newest first. */
export async function visitsOfMember(
  deps: Deps,
  memberId: number,
): Promise<{ reportId: number; period: string; day: string; place: string }[]> {
  const reports = await memberReports(deps, memberId);
  const visits = await Promise.all(
    reports.map(async (r) =>
      (await q.visitsOf(deps.db, r.id)).map((v) => ({
        reportId: r.id,
        period: r.period.name,
        day: v.visited_on,
        place: v.place,
      })),
    ),
  );
  return visits.flat().sort((a, b) => b.day.localeCompare(a.day));
}

/** The public reses pages for search engines. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const reports = await publishedReports(deps);
  return [{ path: '/reses' }, ...reports.map((r) => ({ path: `/reses/${r.id}`, modified: r.updatedAt }))];
}

export async function removeOrphanResesPhotos(deps: Deps): Promise<number> {
  const known = new Set((await q.allPhotoFiles(deps.db)).map((r) => r.file));
  return removeOrphans(fileStore(deps.config), PHOTO_FOLDER, known);
}
