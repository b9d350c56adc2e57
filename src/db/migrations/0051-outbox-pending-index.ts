/**
 * The queue of outgoing messages is found through the messages still pending, not through all of
 * them: an index of the pending ones only, in the order they fall due, and one of the undelivered
 * ones for the dashboard's count. They replace the index of every message by status and due time.
 *
 * Why: a claim asks for the first pending messages due, oldest first. With that index the planner
 * could also walk the primary key and skip every message already handled, and it did so whenever
 * its statistics had been gathered during a backlog (the upkeep's ANALYZE, or autovacuum's, in the
 * middle of a burst of submissions): then each claim read every message kept (PostgreSQL, 29,000
 * messages kept, none pending: 105 ms and 26,600 pages a claim, several claims a second while
 * aspirations arrive). The partial index holds only what is pending, so no statistics can make a
 * claim read the messages already handled. It also takes no entry when a message is sent or given
 * up, where the old index took one at every change of status.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index outbox_pending_idx on outbox (next_attempt_at, id) where status = 'pending'`.execute(db);
  await sql`create index outbox_undelivered_idx on outbox (created_at) where status in ('failed', 'unconfigured')`.execute(
    db,
  );
  await sql`drop index outbox_due_idx`.execute(db);
}
