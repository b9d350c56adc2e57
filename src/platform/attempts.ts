/**
 * Counting attempts at something per key (a tracking code, a contact's HMAC) in a fixed window,
 * in the database, so the limit holds across client addresses and app instances. The count is
 * taken in one statement: concurrent attempts cannot all read the same old value.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/**
 * Counts one attempt for `key` and says whether it is within `max` attempts per `windowMs`.
 * A window opens at the first attempt and closes `windowMs` later; the next attempt opens a new one.
 */
export async function countAttempt(db: Db, key: string, max: number, windowMs: number): Promise<boolean> {
  const now = new Date();
  const opened = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto('attempt_window')
    .values({ key, attempts: 1, window_start: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when attempt_window.window_start < ${opened} then 1 else attempt_window.attempts + 1 end`,
        window_start: sql<Date>`case when attempt_window.window_start < ${opened} then ${now} else attempt_window.window_start end`,
        updated_at: now,
      }),
    )
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts <= max;
}
