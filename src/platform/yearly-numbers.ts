/**
 * Numbers that start again each year, as in ASP-2026-000123, from one PostgreSQL sequence per
 * series (`<series>_number`, made by the feature's migration). `nextval` takes no row lock and
 * waits for no commit, so writers never queue for a number: a counter row that every writer
 * updated held its lock until that writer's commit reached the disk. A year's number is the
 * sequence's value less the year's base, recorded when the year's first number is taken and never
 * changed, so each process looks it up once. A number taken by a write that then fails is not given
 * again (a gap), as with any sequence.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

const bases = new WeakMap<object, Map<string, number>>();

/** The sequence of a series; its name is checked, as it is written into the statement. */
function sequenceOf(series: string): string {
  if (!/^[a-z][a-z_]*$/.test(series)) throw new Error(`not a series name: ${series}`);
  return `${series}_number`;
}

/** The next number of a series in a year: 1, 2, 3… (with a gap where a write failed). */
export async function nextYearlyNumber(db: Db, series: string, year: number): Promise<number> {
  const base = await baseOf(db, series, year);
  const row = await sql<{ n: string | number }>`select nextval(${sql.lit(sequenceOf(series))}) as n`.execute(db);
  return Number(row.rows[0]?.n) - base;
}

/**
 * A year's base: the sequence's last value when the year's first number was asked for. It is
 * recorded before that number is taken, so every number of the year comes after it; when several
 * writers ask at once, the first base recorded is the one all of them use.
 */
async function baseOf(db: Db, series: string, year: number): Promise<number> {
  let known = bases.get(db);
  if (known === undefined) {
    known = new Map();
    bases.set(db, known);
  }
  const key = `${series}:${year}`;
  const base = known.get(key);
  if (base !== undefined) return base;
  await sql`
    insert into yearly_number (series, year, base)
    select ${series}, ${year}, last_value - case when is_called then 0 else 1 end from ${sql.raw(sequenceOf(series))}
    on conflict (series, year) do nothing`.execute(db);
  const recorded = await db
    .selectFrom('yearly_number')
    .select('base')
    .where('series', '=', series)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  known.set(key, Number(recorded.base));
  return Number(recorded.base);
}

/**
 * Makes a year's next number `last + 1`, after numbers were given outside `nextYearlyNumber` (loaded
 * in bulk before the portal starts: a running process keeps the base it knew).
 */
export async function continueYearlyNumbers(db: Db, series: string, year: number, last: number): Promise<void> {
  const next = await sql<{ next: string | number }>`
    select last_value + case when is_called then 1 else 0 end as next from ${sql.raw(sequenceOf(series))}`.execute(db);
  const base = Number(next.rows[0]?.next) - (last + 1);
  await db
    .insertInto('yearly_number')
    .values({ series, year, base })
    .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ base }))
    .execute();
  bases.get(db)?.delete(`${series}:${year}`);
}
