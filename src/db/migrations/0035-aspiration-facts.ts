/**
 * The aspiration service's figures, kept ready: one row per aspiration (duplicates left out) with
 * what /kinerja and the reports count — where and when it came in, the working days to its first
 * verification, answer and resolution, whether those met their targets, reopened, rating and the
 * "is it fixed?" answer. Triggers keep each row in step with its aspiration and events in the
 * same transaction as the write, whichever code path writes (the app, the seeds, an import); a
 * change of holidays recounts the rows whose days it falls between. Aggregating these narrow rows
 * in SQL replaces reading every aspiration with its events and counting days in JavaScript
 * (3.1 s for a year of 50,000 on PostgreSQL, issue 19 point 8).
 *
 * Working days are counted as platform/working-days.ts counts them: the days after the day it came
 * in up to and including the step's day, weekends and holidays left out, 0 when on the same day.
 * Days are Jakarta days, as everywhere in the interface.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('aspiration_fact')
    .addColumn('aspiration_id', 'integer', (c) => c.primaryKey().references('aspiration.id').onDelete('cascade'))
    .addColumn('council_id', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_day', 'date', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('komisi_id', 'integer')
    .addColumn('dapil_id', 'integer')
    .addColumn('kecamatan_id', 'integer', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('verified_day', 'date')
    .addColumn('answered_day', 'date')
    .addColumn('resolved_day', 'date')
    .addColumn('verify_days', 'integer')
    .addColumn('answer_days', 'integer')
    .addColumn('resolve_days', 'integer')
    .addColumn('verified_in_target', 'boolean', (c) => c.notNull())
    .addColumn('resolved_in_target', 'boolean', (c) => c.notNull())
    .addColumn('reopened', 'boolean', (c) => c.notNull())
    .addColumn('rating', 'smallint')
    .addColumn('fixed_answer', 'boolean')
    .execute();
  await db.schema
    .createIndex('aspiration_fact_council_received')
    .on('aspiration_fact')
    .columns(['council_id', 'received_at'])
    .execute();

  await sql`create function working_days_between(from_day date, to_day date) returns integer
    language sql stable parallel safe as $$
      select count(*)::integer from generate_series(from_day + 1, to_day, interval '1 day') as d
      where extract(isodow from d) < 6 and d::date not in (select day from holiday)
    $$`.execute(db);

  // Rewrites the fact rows of the given aspirations from their rows and events.
  await sql`create function aspiration_facts_refresh(ids integer[]) returns void
    language plpgsql as $$
    begin
      delete from aspiration_fact f using unnest(ids) as x(id) where f.aspiration_id = x.id;
      insert into aspiration_fact (aspiration_id, council_id, received_at, received_day, month, komisi_id,
          dapil_id, kecamatan_id, category_id, channel, verified_day, answered_day, resolved_day,
          verify_days, answer_days, resolve_days, verified_in_target, resolved_in_target, reopened,
          rating, fixed_answer)
        select a.id, a.council_id, a.received_at, s.received_day, to_char(s.received_day, 'YYYY-MM'),
          a.komisi_id, a.dapil_id, a.kecamatan_id, a.category_id, a.channel,
          s.verified_day, s.answered_day, s.resolved_day,
          case when s.verified_day is null then null else working_days_between(s.received_day, s.verified_day) end,
          case when s.answered_day is null then null else working_days_between(s.received_day, s.answered_day) end,
          case when s.resolved_day is null then null else working_days_between(s.received_day, s.resolved_day) end,
          coalesce(s.verified_day <= a.verify_due, false),
          coalesce(s.resolved_day <= a.resolve_due, false),
          e.reopened, a.rating, a.fixed_answer
        from unnest(ids) as x(id)
        join aspiration a on a.id = x.id
        cross join lateral (
          select min(created_at) filter (where kind = 'verified') as verified_at,
            min(created_at) filter (where kind = 'response') as answered_at,
            min(created_at) filter (where kind = 'resolved') as resolved_at,
            coalesce(bool_or(kind = 'reopened'), false) as reopened
          from aspiration_event where aspiration_id = a.id
        ) e
        cross join lateral (
          select (a.received_at at time zone 'Asia/Jakarta')::date as received_day,
            (e.verified_at at time zone 'Asia/Jakarta')::date as verified_day,
            (e.answered_at at time zone 'Asia/Jakarta')::date as answered_day,
            (e.resolved_at at time zone 'Asia/Jakarta')::date as resolved_day
        ) s
        where a.status <> 'duplicate';
    end $$`.execute(db);

  // Inserts are caught once per statement, so a bulk load (an import, the benchmark's volume)
  // refreshes its rows in one pass; changes of the columns that count, row by row.
  await sql`create function aspiration_fact_of_new_aspirations() returns trigger language plpgsql as $$
    begin perform aspiration_facts_refresh(array(select id from added)); return null; end $$`.execute(db);
  await sql`create trigger aspiration_fact_on_new_aspirations
    after insert on aspiration referencing new table as added
    for each statement execute function aspiration_fact_of_new_aspirations()`.execute(db);
  await sql`create function aspiration_fact_of_aspiration() returns trigger language plpgsql as $$
    begin perform aspiration_facts_refresh(array[new.id]); return null; end $$`.execute(db);
  await sql`create trigger aspiration_fact_on_aspiration
    after update of status, received_at, komisi_id, dapil_id, kecamatan_id, category_id, channel,
      verify_due, resolve_due, rating, fixed_answer
    on aspiration for each row execute function aspiration_fact_of_aspiration()`.execute(db);

  await sql`create function aspiration_fact_of_new_events() returns trigger language plpgsql as $$
    begin perform aspiration_facts_refresh(array(select distinct aspiration_id from added)); return null; end $$`.execute(
    db,
  );
  await sql`create trigger aspiration_fact_on_new_events
    after insert on aspiration_event referencing new table as added
    for each statement execute function aspiration_fact_of_new_events()`.execute(db);
  await sql`create function aspiration_fact_of_removed_events() returns trigger language plpgsql as $$
    begin perform aspiration_facts_refresh(array(select distinct aspiration_id from removed)); return null; end $$`.execute(
    db,
  );
  await sql`create trigger aspiration_fact_on_removed_events
    after delete on aspiration_event referencing old table as removed
    for each statement execute function aspiration_fact_of_removed_events()`.execute(db);

  // A holiday added, moved or removed changes the working days of the steps it falls between.
  await sql`create function aspiration_facts_recount_across(day date) returns void language sql as $$
      update aspiration_fact set
        verify_days = case when verified_day is null then null else working_days_between(received_day, verified_day) end,
        answer_days = case when answered_day is null then null else working_days_between(received_day, answered_day) end,
        resolve_days = case when resolved_day is null then null else working_days_between(received_day, resolved_day) end
      where received_day < day and greatest(verified_day, answered_day, resolved_day) >= day
    $$`.execute(db);
  await sql`create function aspiration_fact_of_holiday() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then perform aspiration_facts_recount_across(old.day); end if;
      if tg_op in ('INSERT', 'UPDATE') then perform aspiration_facts_recount_across(new.day); end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger aspiration_fact_on_holiday
    after insert or update or delete on holiday for each row
    execute function aspiration_fact_of_holiday()`.execute(db);

  // What is stored already.
  await sql`select aspiration_facts_refresh(array(select id from aspiration))`.execute(db);
  await tallies(db);
}

/**
 * The facts summed per month, komisi, dapil and kecamatan (the grain /kinerja's tables and every
 * filter but category and channel need), with the working days of each step as a histogram, kept by
 * a trigger on the facts: what a change removes is subtracted, what it adds is added. A year of
 * 100,000 aspirations becomes about a thousand rows. Locks are taken in key order, so two writers
 * never wait on each other in a circle.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
async function tallies(db: Kysely<any>): Promise<void> {
  const cell = sql`council_id integer not null, month text not null, komisi_id integer, dapil_id integer,
    kecamatan_id integer not null`;
  await sql`create table aspiration_tally (${cell},
    received integer not null, verified integer not null, verified_in_target integer not null,
    answered integer not null, resolved integer not null, resolved_in_target integer not null,
    reopened integer not null, rating_1 integer not null, rating_2 integer not null,
    rating_3 integer not null, rating_4 integer not null, rating_5 integer not null,
    fixed_yes integer not null, fixed_no integer not null)`.execute(db);
  await sql`create unique index aspiration_tally_cell on aspiration_tally
    (council_id, month, komisi_id, dapil_id, kecamatan_id) nulls not distinct`.execute(db);
  await sql`create table aspiration_tally_days (${cell}, step text not null, days integer not null,
    n integer not null)`.execute(db);
  await sql`create unique index aspiration_tally_days_cell on aspiration_tally_days
    (council_id, month, komisi_id, dapil_id, kecamatan_id, step, days) nulls not distinct`.execute(db);

  await sql`create function aspiration_tally_add(sign integer, facts aspiration_fact[]) returns void
    language sql as $$
      insert into aspiration_tally as t
        select council_id, month, komisi_id, dapil_id, kecamatan_id,
          sign * count(*), sign * count(verify_days), sign * count(*) filter (where verified_in_target),
          sign * count(answer_days), sign * count(resolve_days), sign * count(*) filter (where resolved_in_target),
          sign * count(*) filter (where reopened), sign * count(*) filter (where rating = 1),
          sign * count(*) filter (where rating = 2), sign * count(*) filter (where rating = 3),
          sign * count(*) filter (where rating = 4), sign * count(*) filter (where rating = 5),
          sign * count(*) filter (where fixed_answer), sign * count(*) filter (where not fixed_answer)
        from unnest(facts)
        group by council_id, month, komisi_id, dapil_id, kecamatan_id
        order by council_id, month, komisi_id, dapil_id, kecamatan_id
      on conflict (council_id, month, komisi_id, dapil_id, kecamatan_id) do update set
        received = t.received + excluded.received, verified = t.verified + excluded.verified,
        verified_in_target = t.verified_in_target + excluded.verified_in_target,
        answered = t.answered + excluded.answered, resolved = t.resolved + excluded.resolved,
        resolved_in_target = t.resolved_in_target + excluded.resolved_in_target,
        reopened = t.reopened + excluded.reopened, rating_1 = t.rating_1 + excluded.rating_1,
        rating_2 = t.rating_2 + excluded.rating_2, rating_3 = t.rating_3 + excluded.rating_3,
        rating_4 = t.rating_4 + excluded.rating_4, rating_5 = t.rating_5 + excluded.rating_5,
        fixed_yes = t.fixed_yes + excluded.fixed_yes, fixed_no = t.fixed_no + excluded.fixed_no;
      insert into aspiration_tally_days as t
        select f.council_id, f.month, f.komisi_id, f.dapil_id, f.kecamatan_id, s.step, s.days, sign * count(*)
        from unnest(facts) f
        cross join lateral (values ('verify', f.verify_days), ('answer', f.answer_days), ('resolve', f.resolve_days)) as s(step, days)
        where s.days is not null
        group by 1, 2, 3, 4, 5, 6, 7
        order by 1, 2, 3, 4, 5, 6, 7
      on conflict (council_id, month, komisi_id, dapil_id, kecamatan_id, step, days) do update set n = t.n + excluded.n;
    $$`.execute(db);
  await sql`create function aspiration_tally_of_added() returns trigger language plpgsql as $$
    begin perform aspiration_tally_add(1, array(select a::aspiration_fact from added a)); return null; end $$`.execute(
    db,
  );
  await sql`create function aspiration_tally_of_removed() returns trigger language plpgsql as $$
    begin perform aspiration_tally_add(-1, array(select r::aspiration_fact from removed r)); return null; end $$`.execute(
    db,
  );
  await sql`create function aspiration_tally_of_changed() returns trigger language plpgsql as $$
    begin
      perform aspiration_tally_add(-1, array(select r::aspiration_fact from removed r));
      perform aspiration_tally_add(1, array(select a::aspiration_fact from added a));
      return null;
    end $$`.execute(db);
  await sql`create trigger aspiration_tally_on_insert after insert on aspiration_fact
    referencing new table as added for each statement execute function aspiration_tally_of_added()`.execute(db);
  await sql`create trigger aspiration_tally_on_delete after delete on aspiration_fact
    referencing old table as removed for each statement execute function aspiration_tally_of_removed()`.execute(db);
  await sql`create trigger aspiration_tally_on_update after update on aspiration_fact
    referencing old table as removed new table as added
    for each statement execute function aspiration_tally_of_changed()`.execute(db);
  await sql`select aspiration_tally_add(1, array(select f from aspiration_fact f))`.execute(db);
}
