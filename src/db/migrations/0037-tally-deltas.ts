/**
 * The monthly sums of migration 0035 without a lock on the write path. Adding into one row per
 * month, komisi, dapil and kecamatan made every writer of the same place and month wait for the
 * one before it to commit: in the benchmark, where every submission comes from one kecamatan,
 * submissions fell from 199 to 77 a second. Now each change appends its own rows (what it removed
 * with a minus sign, what it added with a plus), which never conflict; readers already sum, so they
 * read the same figures from any number of rows; and a job folds each place's rows back into one
 * (`compactTally` in aspirations/queries.ts) so the sums stay about as small as before.
 *
 * A fact is also rewritten only when it changes: a comment or a note on an aspiration used to
 * delete and insert its fact unchanged, which now would append two rows that cancel.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index aspiration_tally_cell`.execute(db);
  await sql`drop index aspiration_tally_days_cell`.execute(db);
  await sql`create index aspiration_tally_month on aspiration_tally (council_id, month)`.execute(db);
  await sql`create index aspiration_tally_days_month on aspiration_tally_days (council_id, month)`.execute(db);

  await sql`create or replace function aspiration_tally_add(sign integer, facts aspiration_fact[]) returns void
    language sql as $$
      insert into aspiration_tally
        select council_id, month, komisi_id, dapil_id, kecamatan_id,
          sign * count(*), sign * count(verify_days), sign * count(*) filter (where verified_in_target),
          sign * count(answer_days), sign * count(resolve_days), sign * count(*) filter (where resolved_in_target),
          sign * count(*) filter (where reopened), sign * count(*) filter (where rating = 1),
          sign * count(*) filter (where rating = 2), sign * count(*) filter (where rating = 3),
          sign * count(*) filter (where rating = 4), sign * count(*) filter (where rating = 5),
          sign * count(*) filter (where fixed_answer), sign * count(*) filter (where not fixed_answer)
        from unnest(facts)
        group by council_id, month, komisi_id, dapil_id, kecamatan_id;
      insert into aspiration_tally_days
        select f.council_id, f.month, f.komisi_id, f.dapil_id, f.kecamatan_id, s.step, s.days, sign * count(*)
        from unnest(facts) f
        cross join lateral (values ('verify', f.verify_days), ('answer', f.answer_days), ('resolve', f.resolve_days)) as s(step, days)
        where s.days is not null
        group by 1, 2, 3, 4, 5, 6, 7;
    $$`.execute(db);

  // The facts as they should be are worked out first; only those that differ from what is stored
  // are deleted, and then written again.
  await sql`create or replace function aspiration_facts_refresh(ids integer[]) returns void
    language plpgsql as $$
    declare
      fresh aspiration_fact[];
    begin
      fresh := array(
        select (a.id, a.council_id, a.received_at, s.received_day, to_char(s.received_day, 'YYYY-MM'),
          a.komisi_id, a.dapil_id, a.kecamatan_id, a.category_id, a.channel,
          s.verified_day, s.answered_day, s.resolved_day,
          case when s.verified_day is null then null else working_days_between(s.received_day, s.verified_day) end,
          case when s.answered_day is null then null else working_days_between(s.received_day, s.answered_day) end,
          case when s.resolved_day is null then null else working_days_between(s.received_day, s.resolved_day) end,
          coalesce(s.verified_day <= a.verify_due, false),
          coalesce(s.resolved_day <= a.resolve_due, false),
          e.reopened, a.rating, a.fixed_answer)::aspiration_fact
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
        where a.status <> 'duplicate');
      -- Joined on the id, so a bulk load of thousands compares each fact with its own row only.
      delete from aspiration_fact f
      using unnest(ids) as x(id) left join unnest(fresh) as n on n.aspiration_id = x.id
      where f.aspiration_id = x.id and (n.aspiration_id is null or n is distinct from f);
      insert into aspiration_fact
        select n.* from unnest(fresh) n
        where not exists (select 1 from aspiration_fact f where f.aspiration_id = n.aspiration_id);
    end $$`.execute(db);
}
