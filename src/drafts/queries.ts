/** Queries over drafts in progress (Raperda), their steps, documents and followers. */
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import { newestRows } from '../db/newest-rows.ts';
import type { Database } from '../db/schema.ts';

const columns = [
  'raperda.id',
  'raperda.propemperda_year',
  'raperda.title',
  'raperda.initiator',
  'raperda.summary',
  'raperda.stage',
  'raperda.body_id',
  'raperda.regulation_id',
  'raperda.updated_at',
] as const;

export function draftsOfYear(db: Db, councilId: number, year: number) {
  return db
    .selectFrom('raperda')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('propemperda_year', '=', year)
    .orderBy('id')
    .execute();
}

export function draftYears(db: Db, councilId: number) {
  return db
    .selectFrom('raperda')
    .select('propemperda_year')
    .distinct()
    .where('council_id', '=', councilId)
    .orderBy('propemperda_year', 'desc')
    .execute();
}

export function draftById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('raperda')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertDraft(db: Db, values: Insertable<Database['raperda']>) {
  return db.insertInto('raperda').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateDraft(db: Db, id: number, values: Updateable<Database['raperda']>) {
  return db
    .updateTable('raperda')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertStep(db: Db, values: Insertable<Database['raperda_step']>) {
  return db.insertInto('raperda_step').values(values).execute();
}

export function stepsOf(db: Db, draftId: number) {
  return db
    .selectFrom('raperda_step')
    .leftJoin('meeting', 'meeting.id', 'raperda_step.meeting_id')
    .select([
      'raperda_step.id',
      'raperda_step.stage',
      'raperda_step.happened_on',
      'raperda_step.note',
      'meeting.id as meeting_id',
      'meeting.title as meeting_title',
      'meeting.open as meeting_open',
    ])
    .where('raperda_step.raperda_id', '=', draftId)
    .orderBy('raperda_step.happened_on')
    .orderBy('raperda_step.id')
    .execute();
}

export function insertDocument(db: Db, values: Insertable<Database['raperda_document']>) {
  return db.insertInto('raperda_document').values(values).execute();
}

export function documentsOf(db: Db, draftId: number) {
  return db
    .selectFrom('raperda_document')
    .select(['id', 'stage', 'title', 'file', 'bytes'])
    .where('raperda_id', '=', draftId)
    .orderBy('id')
    .execute();
}

export function meetingExists(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('meeting')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function regulationExists(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('regulation')
    .select(['id', 'type', 'number', 'year'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every draft regulation's page, newest first, and when it last changed (for search engines). */
export function draftPages(db: Db, councilId: number, limit: number) {
  return newestRows(db, 'raperda', councilId, limit);
}

/** Title and stage of the given drafts (those an address follows). */
export function draftsByIds(db: Db, ids: number[]) {
  return db.selectFrom('raperda').select(['id', 'title', 'stage']).where('id', 'in', ids).execute();
}
