/** Queries over the legal documents repository. */
import { type Insertable, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { newestRows } from '../db/newest-rows.ts';
import type { Database, RegulationStatus, RegulationType } from '../db/schema.ts';
import { matchesWords, tsQuery } from '../platform/search.ts';

const columns = [
  'regulation.id',
  'regulation.type',
  'regulation.number',
  'regulation.year',
  'regulation.title',
  'regulation.subject',
  'regulation.enacted_on',
  'regulation.promulgated_on',
  'regulation.register',
  'regulation.status',
  'regulation.file',
  'regulation.bytes',
  'regulation.updated_at',
] as const;

export interface RegulationFilter {
  q?: string | undefined;
  type?: RegulationType | undefined;
  year?: number | undefined;
  status?: RegulationStatus | undefined;
  subject?: string | undefined;
  limit: number;
  offset: number;
}

/** Words searched in Indonesian (stemmed) and as written, so a name or number is found too. */
const matches = (q: string) => matchesWords(sql`regulation.search`, q);

function filtered(db: Db, councilId: number, filter: RegulationFilter) {
  let query = db.selectFrom('regulation').where('regulation.council_id', '=', councilId);
  if (filter.type !== undefined) query = query.where('regulation.type', '=', filter.type);
  if (filter.year !== undefined) query = query.where('regulation.year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('regulation.status', '=', filter.status);
  if (filter.subject !== undefined) query = query.where('regulation.subject', '=', filter.subject);
  const q = filter.q?.trim();
  if (q !== undefined && q !== '') query = query.where(matches(q));
  return query;
}

// Marks around the matched words that no document text contains; the view turns them into <mark>.
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export function listRegulations(db: Db, councilId: number, filter: RegulationFilter) {
  const q = filter.q?.trim() ?? '';
  const base = filtered(db, councilId, filter).select(columns);
  if (q === '') {
    return base
      .select(sql<string | null>`null`.as('snippet'))
      .orderBy('regulation.year', 'desc')
      .orderBy('regulation.enacted_on', 'desc')
      .orderBy('regulation.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
  }
  const query = tsQuery('indonesian', q);
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  return base
    .select(
      sql<string | null>`ts_headline('indonesian', left(regulation.text, 200000), ${query}, ${options})`.as('snippet'),
    )
    .orderBy(sql`ts_rank(regulation.search, ${query})`, 'desc')
    .orderBy('regulation.year', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countRegulations(db: Db, councilId: number, filter: RegulationFilter): Promise<number> {
  const row = await filtered(db, councilId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function regulationById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('regulation')
    .select([...columns, 'regulation.text'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertRegulation(db: Db, values: Insertable<Database['regulation']>) {
  return db
    .insertInto('regulation')
    .values(values)
    .onConflict((oc) => oc.columns(['council_id', 'type', 'year', 'number']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function setStatus(db: Db, id: number, status: RegulationStatus) {
  return db.updateTable('regulation').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

export function insertRelation(db: Db, values: { from_id: number; to_id: number; kind: 'mengubah' | 'mencabut' }) {
  return db
    .insertInto('regulation_relation')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The documents this one amends or revokes, and those that amend or revoke it. */
export function relationsOf(db: Db, id: number) {
  const other = (side: 'from_id' | 'to_id', joinOn: 'from_id' | 'to_id') =>
    db
      .selectFrom('regulation_relation')
      .innerJoin('regulation as other', 'other.id', `regulation_relation.${joinOn}`)
      .select([
        'regulation_relation.kind',
        'regulation_relation.from_id',
        'other.id',
        'other.type',
        'other.number',
        'other.year',
        'other.title',
      ])
      .where(`regulation_relation.${side}`, '=', id);
  return other('from_id', 'to_id').unionAll(other('to_id', 'from_id')).execute();
}

export function subjectsOf(db: Db, councilId: number) {
  return db
    .selectFrom('regulation')
    .select('subject')
    .distinct()
    .where('council_id', '=', councilId)
    .orderBy('subject')
    .execute();
}

export function yearsOf(db: Db, councilId: number) {
  return db
    .selectFrom('regulation')
    .select('year')
    .distinct()
    .where('council_id', '=', councilId)
    .orderBy('year', 'desc')
    .execute();
}

/** Every legal document's page, newest first, and when it last changed (for search engines). */
export function regulationPages(db: Db, councilId: number, limit: number) {
  return newestRows(db, 'regulation', councilId, limit);
}
