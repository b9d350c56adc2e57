/**
 * Programmes and infrastructure projects: staff record them and their dated progress (with photos
 * stripped of metadata), citizens find them by place, follow them by email, see the meetings that
 * discussed them and the aspirations about them, and file a new aspiration with the project
 * preselected.
 */

import { type MeetingView, meeting } from '../agenda/service.ts';
import { publicRecords } from '../aspirations/service.ts';
import { type CouncilStructure, getCouncil, nearestKelurahan, placeOf } from '../council/service.ts';
import type { ProjectStatus } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { formatNumber } from '../platform/format.ts';
import { translator } from '../platform/i18n.ts';
import type { Job } from '../platform/jobs.ts';
import { type NumberField, readNumber } from '../platform/numbers.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { pushToFollowers } from '../platform/push.ts';
import { fileStore } from '../platform/storage.ts';
import { askToFollow, confirmedSubscribers, followSection, stopLink } from '../platform/subscriptions.ts';
import {
  MAX_PHOTOS,
  type ProcessedPhoto,
  processPhoto,
  removeOrphans,
  removePhotos,
  storePhotos,
  type UploadedFile,
} from '../platform/uploads.ts';
import { isCalendarDay, jakartaDay } from '../platform/working-days.ts';

export { MAX_PHOTOS };

import type { PersonalDataHooks, SitemapEntry } from '../platform/feature.ts';
import { SITEMAP_LIMIT } from '../platform/sitemap.ts';
import * as q from './queries.ts';

export const PHOTO_FOLDER = 'proyek';
export const PAGE_SIZE = 20;
export const statuses: readonly ProjectStatus[] = [
  'perencanaan',
  'pengadaan',
  'berjalan',
  'terhambat',
  'selesai',
  'dibatalkan',
];

export type ProjectRow = Awaited<ReturnType<typeof q.projectById>> & {};

export interface ProjectView {
  id: number;
  name: string;
  description: string;
  opd: string;
  komisi: { id: number; name: string } | undefined;
  kecamatan: { id: number; name: string; slug: string };
  kelurahan: { id: number; name: string } | undefined;
  dapilNumber: number | undefined;
  lat: number | null;
  lon: number | null;
  budget: number;
  realised: number;
  fundingSource: string;
  year: number;
  contractor: string | null;
  startsOn: string | null;
  endsOn: string | null;
  progress: number;
  status: ProjectStatus;
  updatedAt: Date;
}

export function viewOf(structure: CouncilStructure, row: ProjectRow): ProjectView {
  const kec = structure.kecamatan.find((k) => k.id === row.kecamatan_id);
  const kel = kec?.kelurahan.find((k) => k.id === row.kelurahan_id);
  const komisi = structure.bodies.find((b) => b.id === row.komisi_id);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    opd: row.opd,
    komisi: komisi === undefined ? undefined : { id: komisi.id, name: komisi.name },
    kecamatan: { id: row.kecamatan_id, name: kec?.name ?? '', slug: kec?.slug ?? '' },
    kelurahan: kel === undefined ? undefined : { id: kel.id, name: kel.name },
    dapilNumber: kec?.dapilNumber ?? undefined,
    lat: row.lat,
    lon: row.lon,
    budget: Number(row.budget),
    realised: Number(row.realised),
    fundingSource: row.funding_source,
    year: row.year,
    contractor: row.contractor,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    progress: row.progress,
    status: row.status,
    updatedAt: row.updated_at,
  };
}

// ------------------------------------------------------------------ staff: record projects

export interface ProjectInput {
  name: string;
  description: string;
  opd: string;
  komisi: string;
  location: string;
  lat: string;
  lon: string;
  budget: string;
  realised: string;
  fundingSource: string;
  year: string;
  contractor: string;
  startsOn: string;
  endsOn: string;
  progress: string;
  status: string;
}

export type ProjectProblem = 'required' | 'tooLong' | 'invalid' | 'order' | 'future' | 'point';
export interface ProjectError {
  field: keyof ProjectInput | 'date' | 'note' | 'photos' | 'meeting' | 'email';
  problem:
    | ProjectProblem
    | `${'money' | 'percent'}.${'format' | 'range'}`
    | 'tooMany'
    | 'tooLarge'
    | 'type'
    | 'unreadable';
}

/**
 * A number field of the forms: `empty` is its value when left empty (undefined: it is required).
 * A problem is recorded for the field, named by what the field holds (an amount, a share).
 */
function numberOf<E>(
  errors: ProjectError[],
  field: 'budget' | 'realised' | 'progress',
  raw: string,
  kind: NumberField,
  empty: E,
): number | E | undefined {
  if (raw.trim() === '') {
    if (empty === undefined) errors.push({ field, problem: 'required' });
    return empty;
  }
  const read = readNumber(raw, kind);
  if (read.ok) return read.value;
  errors.push({ field, problem: `${kind.unit === 'percent' ? 'percent' : 'money'}.${read.problem}` });
  return undefined;
}

/** Whole rupiah as staff type them: 1234567, 1.234.567, "Rp 1.234.567" or 1.234.567,00. */
const money: NumberField = { decimals: 0, min: 0, max: 999_999_999_999_999, unit: 'rupiah' };
/** Physical progress with one decimal, as in contractors' reports: 61,5 (or 61.5, 61,5 %). */
const percent: NumberField = { decimals: 1, min: 0, max: 100, unit: 'percent' };
const latitude: NumberField = { decimals: 7, min: -90, max: 90 };
const longitude: NumberField = { decimals: 7, min: -180, max: 180 };

function checkProject(structure: CouncilStructure, input: ProjectInput) {
  const errors: ProjectError[] = [];
  const text = (field: keyof ProjectInput, max: number, required: boolean) => {
    const v = input[field].trim();
    if (required && v === '') errors.push({ field, problem: 'required' });
    else if (v.length > max) errors.push({ field, problem: 'tooLong' });
    return v;
  };
  const name = text('name', 200, true);
  const description = text('description', 5000, false);
  const opd = text('opd', 200, true);
  const fundingSource = text('fundingSource', 100, true);
  const contractor = text('contractor', 200, false);
  const komisi =
    input.komisi === ''
      ? undefined
      : structure.bodies.find((b) => b.kind === 'komisi' && String(b.id) === input.komisi);
  if (input.komisi !== '' && komisi === undefined) errors.push({ field: 'komisi', problem: 'invalid' });
  const place = placeOf(structure, input.location);
  if (place === undefined) errors.push({ field: 'location', problem: input.location === '' ? 'required' : 'invalid' });
  let lat: number | null = null;
  let lon: number | null = null;
  if (input.lat.trim() !== '' || input.lon.trim() !== '') {
    const readLat = readNumber(input.lat, latitude);
    const readLon = readNumber(input.lon, longitude);
    if (readLat.ok && readLon.ok) {
      lat = readLat.value;
      lon = readLon.value;
    } else errors.push({ field: 'lat', problem: 'point' });
  }
  const budget = numberOf(errors, 'budget', input.budget, money, undefined);
  const realised = numberOf(errors, 'realised', input.realised, money, 0);
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year) : undefined;
  if (year === undefined || year < 2000 || year > 2200)
    errors.push({ field: 'year', problem: input.year.trim() === '' ? 'required' : 'invalid' });
  const day = (field: 'startsOn' | 'endsOn') => {
    const v = input[field].trim();
    if (v === '') return null;
    if (!isCalendarDay(v)) {
      errors.push({ field, problem: 'invalid' });
      return null;
    }
    return v;
  };
  const startsOn = day('startsOn');
  const endsOn = day('endsOn');
  if (startsOn !== null && endsOn !== null && endsOn < startsOn) errors.push({ field: 'endsOn', problem: 'order' });
  const progress = numberOf(errors, 'progress', input.progress, percent, 0) ?? 0;
  const status = statuses.find((s) => s === input.status);
  if (status === undefined) errors.push({ field: 'status', problem: 'invalid' });
  if (errors.length > 0 || place === undefined || budget === undefined || year === undefined || status === undefined)
    return { ok: false as const, errors };
  return {
    ok: true as const,
    values: {
      name,
      description,
      opd,
      komisi_id: komisi?.id ?? null,
      kecamatan_id: place.kecamatanId,
      kelurahan_id: place.kelurahanId,
      lat,
      lon,
      budget,
      realised: realised ?? 0,
      funding_source: fundingSource,
      year,
      contractor: contractor === '' ? null : contractor,
      starts_on: startsOn,
      ends_on: endsOn,
      progress,
      status,
    },
  };
}

export type ProjectResult =
  | { ok: true; id: number }
  | { ok: false; errors: ProjectError[] }
  | { ok: false; missing: true };

export async function saveProject(
  deps: Deps,
  user: CurrentUser,
  id: number | undefined,
  input: ProjectInput,
  ip: string,
): Promise<ProjectResult> {
  const structure = await getCouncil(deps.db);
  if (id !== undefined && (await q.projectById(deps.db, structure.council.id, id)) === undefined)
    return { ok: false, missing: true };
  const checked = checkProject(structure, input);
  if (!checked.ok) return checked;
  const saved = await deps.db.transaction().execute(async (trx) => {
    const projectId =
      id ??
      (await q.insertProject(trx, { ...checked.values, council_id: structure.council.id, created_by: user.id })).id;
    if (id !== undefined) await q.updateProject(trx, id, checked.values);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: id === undefined ? 'project.added' : 'project.changed',
      subjectType: 'project',
      subjectId: projectId,
      ip,
    });
    return projectId;
  });
  return { ok: true, id: saved };
}

export interface UpdateInput {
  date: string;
  progress: string;
  realised: string;
  status: string;
  note: string;
  photos: UploadedFile[];
}

/**
 * A dated progress report. The newest report sets the project's progress (and status and
 * realisation when given); everyone who follows the project gets it by email.
 */
export async function addProgressUpdate(
  deps: Deps,
  user: CurrentUser,
  id: number,
  input: UpdateInput,
  ip: string,
): Promise<ProjectResult> {
  const structure = await getCouncil(deps.db);
  const row = await q.projectById(deps.db, structure.council.id, id);
  if (row === undefined) return { ok: false, missing: true };
  const errors: ProjectError[] = [];
  const date = input.date.trim();
  if (!isCalendarDay(date)) errors.push({ field: 'date', problem: date === '' ? 'required' : 'invalid' });
  else if (date > jakartaDay(new Date())) errors.push({ field: 'date', problem: 'future' });
  const progress = numberOf(errors, 'progress', input.progress, percent, undefined) ?? 0;
  const realised = numberOf(errors, 'realised', input.realised, money, null) ?? null;
  const status = input.status === '' ? undefined : statuses.find((s) => s === input.status);
  if (input.status !== '' && status === undefined) errors.push({ field: 'status', problem: 'invalid' });
  const note = input.note.trim();
  if (note === '') errors.push({ field: 'note', problem: 'required' });
  else if (note.length > 5000) errors.push({ field: 'note', problem: 'tooLong' });
  const files = input.photos.filter((f) => f.data.length > 0 || f.filename !== '');
  if (files.length > MAX_PHOTOS) errors.push({ field: 'photos', problem: 'tooMany' });
  const processed: ProcessedPhoto[] = [];
  if (errors.length === 0) {
    for (const file of files) {
      const result = await processPhoto(file);
      if (!result.ok) {
        errors.push({ field: 'photos', problem: result.problem });
        break;
      }
      processed.push(result.photo);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const stored = await storePhotos(fileStore(deps.config), PHOTO_FOLDER, processed);
  const t = translator(deps.config.defaultLanguage);
  const shownProgress = formatNumber(progress, deps.config.defaultLanguage);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const update = await q.insertUpdate(trx, {
        project_id: id,
        happened_on: date,
        progress,
        realised,
        note,
        created_by: user.id,
      });
      await q.insertPhotos(
        trx,
        stored.map((p) => ({ update_id: update.id, file: p.file, width: p.width, height: p.height, bytes: p.bytes })),
      );
      const newest = (await q.updatesOf(trx, id))[0];
      if (newest?.id === update.id) {
        await q.updateProject(trx, id, {
          progress,
          ...(realised === null ? {} : { realised }),
          ...(status === undefined ? {} : { status }),
        });
      }
      await recordAudit(trx, {
        actorUserId: user.id,
        actorRole: user.role,
        action: 'project.progress',
        subjectType: 'project',
        subjectId: id,
        ip,
        details: { date, progress, photos: stored.length },
      });
      await pushToFollowers(
        trx,
        deps.sealer,
        { type: 'project', id },
        {
          title: row.name,
          body: t('project.push.update', { progress: shownProgress, date }),
          url: `/proyek/${id}`,
        },
      );
      for (const follower of await confirmedSubscribers(trx, deps.sealer, { type: 'project', id })) {
        await enqueueMessage(trx, deps.sealer, {
          channel: 'email',
          to: follower.email,
          subject: t('project.mail.update.subject', { name: row.name, progress: shownProgress }),
          text: t('project.mail.update.body', {
            name: row.name,
            progress: shownProgress,
            date,
            note,
            link: `${deps.config.publicBaseUrl}/proyek/${id}`,
            stop: stopLink(deps, 'project', follower.id),
            site: structure.council.name,
          }),
          topic: `project:${id}`,
        });
      }
    });
  } catch (error) {
    await removePhotos(
      fileStore(deps.config),
      PHOTO_FOLDER,
      stored.map((s) => s.file),
    );
    throw error;
  }
  return { ok: true, id };
}

export async function linkMeeting(
  deps: Deps,
  user: CurrentUser,
  id: number,
  rawMeeting: string,
  unlink: boolean,
  ip: string,
): Promise<ProjectResult> {
  const structure = await getCouncil(deps.db);
  if ((await q.projectById(deps.db, structure.council.id, id)) === undefined) return { ok: false, missing: true };
  const found = /^\d{1,9}$/.test(rawMeeting.trim()) ? await meeting(deps, Number(rawMeeting), true) : undefined;
  if (found === undefined) return { ok: false, errors: [{ field: 'meeting', problem: 'invalid' }] };
  await deps.db.transaction().execute(async (trx) => {
    if (unlink) await q.unlinkMeeting(trx, id, found.view.id);
    else await q.linkMeeting(trx, id, found.view.id);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: unlink ? 'project.meeting_unlinked' : 'project.meeting_linked',
      subjectType: 'project',
      subjectId: id,
      ip,
      details: { meeting: found.view.id },
    });
  });
  return { ok: true, id };
}

/** How many meetings the picker offers at once: more are found by narrowing the search. */
export const MEETING_CHOICES = 30;

/** Meetings to link a project to: by title words, body and month (else the project's year). */
export async function meetingChoices(
  deps: Deps,
  year: number,
  find: { words?: string | undefined; body?: string | undefined; month?: string | undefined },
) {
  const structure = await getCouncil(deps.db);
  const bodyId = structure.bodies.find((b) => b.slug === find.body)?.id;
  const typed = find.month?.trim() ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(typed) ? typed : undefined;
  const found = await q.meetingChoices(
    deps.db,
    structure.council.id,
    year,
    { words: find.words?.trim(), bodyId, month },
    MEETING_CHOICES,
  );
  // A month written otherwise is not guessed at: the whole year is searched, and the page says why.
  return { ...found, badMonth: typed !== '' && month === undefined };
}

/** Photo files that no committed update names, left by a crash; removed after an hour. */
export async function removeOrphanProjectPhotos(deps: Deps, now = Date.now()): Promise<number> {
  const known = new Set((await q.allPhotoFiles(deps.db)).map((r) => r.file));
  return removeOrphans(fileStore(deps.config), PHOTO_FOLDER, known, now);
}

/** The hourly cleanup of photos no update names. */
export function projectJobs(deps: Deps): Job[] {
  return [{ name: 'projects.orphan-photos', everyMs: 60 * 60 * 1000, run: () => removeOrphanProjectPhotos(deps) }];
}

// ------------------------------------------------------------------ everyone: find and follow

export interface ProjectFilter {
  kecamatan?: string | undefined;
  kelurahan?: number | undefined;
  dapil?: number | undefined;
  status?: ProjectStatus | undefined;
  year?: number | undefined;
  opd?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize?: number | undefined;
}

/** Undefined when a filter names a place that does not exist (the page answers 404 then). */
export async function listProjects(deps: Deps, filter: ProjectFilter) {
  const structure = await getCouncil(deps.db);
  const kecamatan =
    filter.kecamatan === undefined ? undefined : structure.kecamatan.find((k) => k.slug === filter.kecamatan);
  const dapil = filter.dapil === undefined ? undefined : structure.dapil.find((d) => d.number === filter.dapil);
  const pageSize = filter.pageSize ?? PAGE_SIZE;
  const query: q.ProjectFilter = {
    kecamatanId: kecamatan?.id ?? (filter.kecamatan === undefined ? undefined : 0),
    kelurahanId: filter.kelurahan,
    kecamatanIds:
      filter.dapil === undefined
        ? undefined
        : structure.kecamatan.filter((k) => dapil !== undefined && k.dapilNumber === dapil.number).map((k) => k.id),
    status: filter.status,
    year: filter.year,
    opd: filter.opd,
    q: filter.q,
    limit: pageSize,
    offset: (filter.page - 1) * pageSize,
  };
  const [rows, total, [years, agencies]] = await Promise.all([
    q.listProjects(deps.db, structure.council.id, query),
    q.countProjects(deps.db, structure.council.id, query),
    q.facets(deps.db, structure.council.id),
  ]);
  return {
    structure,
    projects: rows.map((r) => viewOf(structure, r)),
    total,
    pageSize,
    years: years.map((y) => y.year),
    agencies: agencies.map((a) => a.opd),
  };
}

export async function project(deps: Deps, id: number) {
  const structure = await getCouncil(deps.db);
  const row = await q.projectById(deps.db, structure.council.id, id);
  if (row === undefined) return undefined;
  const [updates, links, aspirationCodes] = await Promise.all([
    q.updatesOf(deps.db, id),
    q.meetingLinks(deps.db, [id]),
    q.aspirationIdsAbout(deps.db, structure.council.id, row, 20),
  ]);
  const photos = await q.photosOf(
    deps.db,
    updates.map((u) => u.id),
  );
  const meetings = (await Promise.all(links.map((l) => meeting(deps, l.meeting_id)))).flatMap((m) =>
    m === undefined ? [] : [m.view],
  );
  const { records } = await publicRecords(deps, {
    codes: aspirationCodes.map((a) => a.code),
    limit: 20,
    counted: false,
  });
  return {
    project: viewOf(structure, row),
    updates: updates.map((u) => ({
      id: u.id,
      date: u.happened_on,
      progress: u.progress,
      realised: u.realised === null ? null : Number(u.realised),
      note: u.note,
      photos: photos.filter((p) => p.update_id === u.id).map((p) => ({ id: p.id, width: p.width, height: p.height })),
    })),
    meetings,
    aspirations: records.map((r) => r.view),
  };
}

export async function projectPhoto(deps: Deps, id: number, photoId: number): Promise<string | undefined> {
  const structure = await getCouncil(deps.db);
  return (await q.photoFile(deps.db, structure.council.id, id, photoId))?.file;
}

/** For the aspiration form: the project an aspiration is about, with its place. */
/** Asks to follow a project: a link to confirm goes to the address; nothing is sent before that. */
export async function follow(
  deps: Deps,
  id: number,
  rawEmail: string,
): Promise<{ ok: true } | { ok: false; problem: 'email' | 'missing' }> {
  const structure = await getCouncil(deps.db);
  const row = await q.projectById(deps.db, structure.council.id, id);
  if (row === undefined) return { ok: false, problem: 'missing' };
  const t = translator(deps.config.defaultLanguage);
  return askToFollow(deps, { type: 'project', id }, rawEmail, (link) => ({
    subject: t('project.mail.confirm.subject', { name: row.name }),
    text: t('project.mail.confirm.body', { name: row.name, link, site: structure.council.name }),
  }));
}

/**
 * "Near me": from a kelurahan or kecamatan chosen in a list, or from a position the browser gave,
 * the projects there, the meetings about them, and the open aspirations around.
 */
export async function nearby(
  deps: Deps,
  input: { location?: string | undefined; lat?: number | undefined; lon?: number | undefined },
) {
  const structure = await getCouncil(deps.db);
  let place = input.location === undefined ? undefined : placeOf(structure, input.location);
  if (place === undefined && input.lat !== undefined && input.lon !== undefined) {
    const near = nearestKelurahan(structure, { lat: input.lat, lon: input.lon });
    if (near !== undefined) place = placeOf(structure, String(near.kelurahan.id));
  }
  if (place === undefined) return { structure, place: undefined };
  const kecamatan = structure.kecamatan.find((k) => k.id === place.kecamatanId);
  const kelurahan = kecamatan?.kelurahan.find((k) => k.id === place.kelurahanId);
  const rows = await q.listProjects(deps.db, structure.council.id, {
    kecamatanId: place.kecamatanId,
    limit: 50,
    offset: 0,
  });
  // Projects in the chosen kelurahan first, then the rest of the kecamatan.
  const projects = rows
    .map((r) => viewOf(structure, r))
    .sort((a, b) => Number(b.kelurahan?.id === place.kelurahanId) - Number(a.kelurahan?.id === place.kelurahanId));
  const links = await q.meetingLinks(
    deps.db,
    projects.map((p) => p.id),
  );
  const meetingIds = [...new Set(links.map((l) => l.meeting_id))].slice(0, 10);
  const meetings: { view: MeetingView; projectIds: number[] }[] = (
    await Promise.all(meetingIds.map((mid) => meeting(deps, mid)))
  ).flatMap((m) =>
    m === undefined
      ? []
      : [{ view: m.view, projectIds: links.filter((l) => l.meeting_id === m.view.id).map((l) => l.project_id) }],
  );
  const { records, total } = await publicRecords(deps, {
    kecamatanId: place.kecamatanId,
    statuses: ['received', 'verified', 'forwarded'],
    limit: 10,
  });
  return {
    structure,
    place: { kecamatan, kelurahan, location: kelurahan === undefined ? `k${place.kecamatanId}` : String(kelurahan.id) },
    projects,
    meetings,
    aspirations: records.map((r) => r.view),
    aspirationsTotal: total,
  };
}

/** Every project, for the open-data downloads. */
export async function allProjects(deps: Deps) {
  const structure = await getCouncil(deps.db);
  return (await q.allProjects(deps.db, structure.council.id)).map((r) => viewOf(structure, r));
}

/** The projects' pages for search engines, newest first. */
export async function sitemap(deps: Deps): Promise<SitemapEntry[]> {
  const structure = await getCouncil(deps.db);
  const rows = await q.projectPages(deps.db, structure.council.id, SITEMAP_LIMIT - 1);
  return [{ path: '/proyek' }, ...rows.map((r) => ({ path: `/proyek/${r.id}`, modified: r.updated_at }))];
}

/** The projects a person follows by email, on /akun and in their copy of their data. */
export const projectPersonalData: PersonalDataHooks = {
  async copy(deps, subject) {
    return [
      await followSection(
        deps,
        subject,
        'project',
        { key: 'followedProjects', title: 'project.followedByYou' },
        async (ids) =>
          (await q.projectsByIds(deps.db, ids)).map((p) => ({
            id: p.id,
            href: `/proyek/${p.id}`,
            text: p.name,
            state: `project.status.${p.status}`,
          })),
      ),
    ];
  },
};
