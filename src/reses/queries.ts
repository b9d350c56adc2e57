/** Queries over reses periods, members' reports, the visits with their photos, and the input filed. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';

export function periods(db: Db, councilId: number) {
  return db
    .selectFrom('reses_period')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('council_id', '=', councilId)
    .orderBy('starts_on', 'desc')
    .execute();
}

export async function insertPeriod(db: Db, values: Insertable<Database['reses_period']>) {
  const row = await db
    .insertInto('reses_period')
    .values(values)
    .onConflict((oc) => oc.columns(['council_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function sittingMembers(db: Db, councilId: number) {
  return db
    .selectFrom('member')
    .select(['id', 'slug', 'name', 'dapil_id'])
    .where('council_id', '=', councilId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

const reportColumns = [
  'reses_report.id',
  'reses_report.period_id',
  'reses_report.member_id',
  'reses_report.dapil_id',
  'reses_report.summary',
  'reses_report.published_at',
  'reses_report.updated_at',
  'reses_period.name as period_name',
  'reses_period.starts_on',
  'reses_period.ends_on',
  'member.name as member_name',
  'member.slug as member_slug',
] as const;

function reports(db: Db, councilId: number) {
  return db
    .selectFrom('reses_report')
    .innerJoin('reses_period', 'reses_period.id', 'reses_report.period_id')
    .innerJoin('member', 'member.id', 'reses_report.member_id')
    .select(reportColumns)
    .select((eb) => [
      eb
        .selectFrom('reses_visit')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('reses_visit.report_id', '=', 'reses_report.id')
        .as('visits'),
      eb
        .selectFrom('reses_visit')
        .select(sql<string>`coalesce(sum(reses_visit.attendance), 0)`.as('n'))
        .whereRef('reses_visit.report_id', '=', 'reses_report.id')
        .as('attendance'),
      eb
        .selectFrom('reses_input')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('reses_input.report_id', '=', 'reses_report.id')
        .as('inputs'),
    ])
    .where('reses_report.council_id', '=', councilId);
}

/** Reports, newest period first; only published ones, or those of one member, or all. */
export function listReports(db: Db, councilId: number, filter: { published?: boolean; memberId?: number }) {
  let query = reports(db, councilId);
  if (filter.published === true) query = query.where('reses_report.published_at', 'is not', null);
  if (filter.memberId !== undefined) query = query.where('reses_report.member_id', '=', filter.memberId);
  return query.orderBy('reses_period.starts_on', 'desc').orderBy('member.name').limit(1000).execute();
}

export function reportById(db: Db, councilId: number, id: number) {
  return reports(db, councilId).where('reses_report.id', '=', id).executeTakeFirst();
}

export async function insertReport(db: Db, values: Insertable<Database['reses_report']>) {
  const row = await db
    .insertInto('reses_report')
    .values(values)
    .onConflict((oc) => oc.columns(['period_id', 'member_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function reportOf(db: Db, periodId: number, memberId: number) {
  return db
    .selectFrom('reses_report')
    .select('id')
    .where('period_id', '=', periodId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export function updateReport(db: Db, id: number, values: Updateable<Database['reses_report']>) {
  return db
    .updateTable('reses_report')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function visitsOf(db: Db, reportId: number) {
  return db
    .selectFrom('reses_visit')
    .leftJoin('kelurahan', 'kelurahan.id', 'reses_visit.kelurahan_id')
    .select([
      'reses_visit.id',
      'reses_visit.visited_on',
      'reses_visit.place',
      'reses_visit.kelurahan_id',
      'reses_visit.attendance',
      'reses_visit.notes',
    ])
    .where('reses_visit.report_id', '=', reportId)
    .orderBy('reses_visit.visited_on')
    .orderBy('reses_visit.id')
    .execute();
}

export function insertVisit(db: Db, values: Insertable<Database['reses_visit']>) {
  return db.insertInto('reses_visit').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertPhotos(db: Db, values: Insertable<Database['reses_photo']>[]) {
  return values.length === 0 ? Promise.resolve([]) : db.insertInto('reses_photo').values(values).execute();
}

export function photosOf(db: Db, visitIds: number[]) {
  if (visitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reses_photo')
    .select(['id', 'visit_id', 'width', 'height'])
    .where('visit_id', 'in', visitIds)
    .orderBy('id')
    .execute();
}

/** A photo of a published report (or any, for its editors). */
export function photoFile(db: Db, councilId: number, reportId: number, photoId: number) {
  return db
    .selectFrom('reses_photo')
    .innerJoin('reses_visit', 'reses_visit.id', 'reses_photo.visit_id')
    .innerJoin('reses_report', 'reses_report.id', 'reses_visit.report_id')
    .select(['reses_photo.file', 'reses_report.published_at'])
    .where('reses_report.council_id', '=', councilId)
    .where('reses_report.id', '=', reportId)
    .where('reses_photo.id', '=', photoId)
    .executeTakeFirst();
}

export function allPhotoFiles(db: Db) {
  return db.selectFrom('reses_photo').select('file').execute();
}

export function inputsOf(db: Db, reportId: number) {
  return db
    .selectFrom('reses_input')
    .select(['id', 'visit_id', 'aspiration_code', 'title', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

export function insertInput(db: Db, values: Insertable<Database['reses_input']>) {
  return db.insertInto('reses_input').values(values).returning('id').executeTakeFirstOrThrow();
}
