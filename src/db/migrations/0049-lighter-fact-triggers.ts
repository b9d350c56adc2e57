/**
 * The facts of migration 0035 kept up with less work on the write path, the same facts as before.
 *
 * A new aspiration has no events yet (they reference it), so its fact is what the row says with no
 * step taken: written straight from the inserted rows instead of worked out by
 * `aspiration_facts_refresh`, which looks up events, compares with a stored fact and deletes. On
 * the bench (100 000 aspirations, PostgreSQL) the refresh on insert cost a quarter of a
 * submission's database time: 403 submissions a second with it, 541 with the trigger off.
 *
 * An aspiration's fact depends on four kinds of its events only: the first verification, response
 * and resolution, and whether it was ever reopened. Every other event (its receipt, a note, a
 * forward, a comment) left the fact as it was, yet the trigger worked it out again and compared;
 * now only events of those kinds refresh it (354 → 421 submissions a second, each of which adds a
 * 'received' event). Removed events still refresh it whatever their kind (rare: erasure).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create or replace function aspiration_fact_of_new_aspirations() returns trigger language plpgsql as $$
    begin
      insert into aspiration_fact
        select a.id, a.council_id, a.received_at, d.day, to_char(d.day, 'YYYY-MM'),
          a.komisi_id, a.dapil_id, a.kecamatan_id, a.category_id, a.channel,
          null, null, null, null, null, null, false, false, false, a.rating, a.fixed_answer
        from added a
        cross join lateral (select (a.received_at at time zone 'Asia/Jakarta')::date as day) d
        where a.status <> 'duplicate';
      return null;
    end $$`.execute(db);

  await sql`create or replace function aspiration_fact_of_new_events() returns trigger language plpgsql as $$
    declare
      changed integer[] := array(select distinct aspiration_id from added
        where kind in ('verified', 'response', 'resolved', 'reopened'));
    begin
      if cardinality(changed) > 0 then perform aspiration_facts_refresh(changed); end if;
      return null;
    end $$`.execute(db);
}
