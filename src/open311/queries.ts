/** Queries over the applications allowed to post Open311 service requests. */
import type { Db } from '../db/index.ts';

export function clientsOf(db: Db, councilId: number) {
  return db
    .selectFrom('open311_client')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('council_id', '=', councilId)
    .orderBy('id', 'desc')
    .execute();
}

export function insertClient(
  db: Db,
  values: { council_id: number; name: string; key_hash: string; created_by: number },
) {
  return db.insertInto('open311_client').values(values).returning('id').executeTakeFirstOrThrow();
}

export function revokeClient(db: Db, councilId: number, id: number) {
  return db
    .updateTable('open311_client')
    .set({ revoked_at: new Date(), updated_at: new Date() })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** The live client with this key, marked as used now. */
export function useClient(db: Db, keyHash: string) {
  return db
    .updateTable('open311_client')
    .set({ last_used_at: new Date() })
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
}
