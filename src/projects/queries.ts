/** Queries over programmes and projects, their progress updates, photos and linked meetings. */
import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import { newestRows } from '../db/newest-rows.ts';
import type { Database, ProjectStatus } from '../db/schema.ts';
import { matchesWords } from '../platform/search.ts';

export const columns = [
  'project.id',
  'project.name',
  'project.description',
  'project.opd',
  'project.komisi_id',
  'project.kecamatan_id',
  'project.kelurahan_id',
  'project.lat',
  'project.lon',
  'project.budget',
  'project.realised',
  'project.funding_source',
  'project.year',
  'project.contractor',
  'project.starts_on',
  'project.ends_on',
  'project.progress',
  'project.status',
  'project.created_at',
  'project.updated_at',
] as const;

export interface ProjectFilter {
  kecamatanId?: number | undefined;
  kelurahanId?: number | undefined;
  kecamatanIds?: number[] | undefined;
  status?: ProjectStatus | undefined;
  year?: number | undefined;
  opd?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

function filtered(db: Db, councilId: number, filter: ProjectFilter) {
  let query = db.selectFrom('project').where('project.council_id', '=', councilId);
  if (filter.kecamatanId !== undefined) query = query.where('project.kecamatan_id', '=', filter.kecamatanId);
  if (filter.kelurahanId !== undefined) query = query.where('project.kelurahan_id', '=', filter.kelurahanId);
  if (filter.kecamatanIds !== undefined)
    query = query.where('project.kecamatan_id', 'in', filter.kecamatanIds.length > 0 ? filter.kecamatanIds : [0]);
  if (filter.status !== undefined) query = query.where('project.status', '=', filter.status);
  if (filter.year !== undefined) query = query.where('project.year', '=', filter.year);
  if (filter.opd !== undefined) query = query.where('project.opd', '=', filter.opd);
  const q = filter.q?.trim();
  if (q !== undefined && q !== '') query = query.where(matchesWords(sql`project.search`, q));
  return query;
}

export function listProjects(db: Db, councilId: number, filter: ProjectFilter) {
  return filtered(db, councilId, filter)
    .select(columns)
    .orderBy('project.year', 'desc')
    .orderBy('project.updated_at', 'desc')
    .orderBy('project.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countProjects(db: Db, councilId: number, filter: ProjectFilter): Promise<number> {
  const row = await filtered(db, councilId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The years and agencies that have projects, for the filters. */
export function facets(db: Db, councilId: number) {
  return Promise.all([
    db
      .selectFrom('project')
      .select('year')
      .distinct()
      .where('council_id', '=', councilId)
      .orderBy('year', 'desc')
      .execute(),
    db.selectFrom('project').select('opd').distinct().where('council_id', '=', councilId).orderBy('opd').execute(),
  ]);
}

export function projectById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('project')
    .select(columns)
    .where('project.council_id', '=', councilId)
    .where('project.id', '=', id)
    .executeTakeFirst();
}

export function insertProject(db: Db, values: Insertable<Database['project']>) {
  return db.insertInto('project').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateProject(db: Db, id: number, values: Updateable<Database['project']>) {
  return db
    .updateTable('project')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertUpdate(db: Db, values: Insertable<Database['project_update']>) {
  return db.insertInto('project_update').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertPhotos(db: Db, values: Insertable<Database['project_photo']>[]) {
  return values.length === 0 ? Promise.resolve([]) : db.insertInto('project_photo').values(values).execute();
}

/** The updates of a project, newest first. */
export function updatesOf(db: Db, projectId: number) {
  return db
    .selectFrom('project_update')
    .select(['id', 'happened_on', 'progress', 'realised', 'note', 'created_at'])
    .where('project_id', '=', projectId)
    .orderBy('happened_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function photosOf(db: Db, updateIds: number[]) {
  return db
    .selectFrom('project_photo')
    .select(['id', 'update_id', 'width', 'height'])
    .where('update_id', 'in', updateIds.length > 0 ? updateIds : [0])
    .orderBy('id')
    .execute();
}

export function photoFile(db: Db, councilId: number, projectId: number, photoId: number) {
  return db
    .selectFrom('project_photo')
    .innerJoin('project_update', 'project_update.id', 'project_photo.update_id')
    .innerJoin('project', 'project.id', 'project_update.project_id')
    .select('project_photo.file')
    .where('project.council_id', '=', councilId)
    .where('project.id', '=', projectId)
    .where('project_photo.id', '=', photoId)
    .executeTakeFirst();
}

/** Every photo file name, to tell files on disk that no committed record names. */
export function allPhotoFiles(db: Db) {
  return db.selectFrom('project_photo').select('file').execute();
}

export function linkMeeting(db: Db, projectId: number, meetingId: number) {
  return db
    .insertInto('project_meeting')
    .values({ project_id: projectId, meeting_id: meetingId })
    .onConflict((oc) => oc.columns(['project_id', 'meeting_id']).doNothing())
    .execute();
}

export function unlinkMeeting(db: Db, projectId: number, meetingId: number) {
  return db
    .deleteFrom('project_meeting')
    .where('project_id', '=', projectId)
    .where('meeting_id', '=', meetingId)
    .execute();
}

/** The ids of the meetings linked to these projects, soonest last. */
export function meetingLinks(db: Db, projectIds: number[]) {
  return db
    .selectFrom('project_meeting')
    .innerJoin('meeting', 'meeting.id', 'project_meeting.meeting_id')
    .select(['project_meeting.project_id', 'project_meeting.meeting_id'])
    .where('project_meeting.project_id', 'in', projectIds.length > 0 ? projectIds : [0])
    .orderBy('meeting.starts_at', 'desc')
    .execute();
}

/**
 * Public aspirations linked to the project, or in its kecamatan and naming it (all the words of
 * its name, stemmed), newest first. Confidential reports never.
 */
export function aspirationIdsAbout(
  db: Db,
  councilId: number,
  project: { id: number; name: string; kecamatan_id: number },
  limit: number,
) {
  return db
    .selectFrom('aspiration')
    .select(['aspiration.code'])
    .where('aspiration.council_id', '=', councilId)
    .where('aspiration.kind', '!=', 'rahasia')
    .where('aspiration.duplicate_of_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('aspiration.project_id', '=', project.id),
        eb.and([
          eb('aspiration.kecamatan_id', '=', project.kecamatan_id),
          sql<SqlBool>`aspiration.search @@ plainto_tsquery('indonesian', ${project.name})`,
        ]),
      ]),
    )
    .orderBy('aspiration.id', 'desc')
    .limit(limit)
    .execute();
}

/** Meetings of the project's year to choose from when linking one (newest first). */
export interface MeetingFinder {
  /** Words of the title. */
  words?: string | undefined;
  bodyId?: number | undefined;
  /** A month, YYYY-MM; else the project's year. */
  month?: string | undefined;
}

/** Meetings to link a project to, newest first, with how many match in all. */
export async function meetingChoices(db: Db, councilId: number, year: number, find: MeetingFinder, limit: number) {
  const [from, to] =
    find.month === undefined ? [`${year}-01-01`, `${year + 1}-01-01`] : [`${find.month}-01`, nextMonth(find.month)];
  let query = db
    .selectFrom('meeting')
    .where('council_id', '=', councilId)
    .where('starts_at', '>=', new Date(`${from}T00:00:00+07:00`))
    .where('starts_at', '<', new Date(`${to}T00:00:00+07:00`));
  if (find.bodyId !== undefined) query = query.where('body_id', '=', find.bodyId);
  for (const word of (find.words ?? '')
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 8))
    query = query.where('title', 'ilike', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [rows, count] = await Promise.all([
    query.select(['id', 'title', 'starts_at']).orderBy('starts_at', 'desc').limit(limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

function nextMonth(month: string): string {
  const [y = 0, m = 0] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Everything open data publishes about projects, in one pass. */
export function allProjects(db: Db, councilId: number) {
  return db
    .selectFrom('project')
    .select(columns)
    .where('council_id', '=', councilId)
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
}

/** Every project's page, newest first, and when it last changed (for search engines). */
export function projectPages(db: Db, councilId: number, limit: number) {
  return newestRows(db, 'project', councilId, limit);
}

/** Name and status of the given projects (those an address follows). */
export function projectsByIds(db: Db, ids: number[]) {
  return db.selectFrom('project').select(['id', 'name', 'status']).where('id', 'in', ids).execute();
}
