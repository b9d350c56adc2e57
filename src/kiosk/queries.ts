/** The queries of the kiosk's calls for staff. */
import type { Db } from '../db/index.ts';

export function insertCall(db: Db, councilId: number, place: string) {
  return db.insertInto('kiosk_call').values({ council_id: councilId, place }).returning('id').executeTakeFirstOrThrow();
}

/** Calls of the last day, waiting ones first, newest first within each. */
export function recentCalls(db: Db, councilId: number, since: Date) {
  return db
    .selectFrom('kiosk_call')
    .select(['id', 'place', 'called_at', 'answered_at'])
    .where('council_id', '=', councilId)
    .where('called_at', '>=', since)
    .orderBy((eb) => eb.case().when('answered_at', 'is', null).then(0).else(1).end())
    .orderBy('called_at', 'desc')
    .limit(50)
    .execute();
}

export function answerCall(db: Db, councilId: number, id: number, userId: number) {
  return db
    .updateTable('kiosk_call')
    .set({ answered_at: new Date(), answered_by: userId, updated_at: new Date() })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export function callExists(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('kiosk_call')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}
