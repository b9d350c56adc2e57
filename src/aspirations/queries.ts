/**
 * Queries over citizens' input. Public queries select only public columns and never join the
 * reporter table; the reporter's sealed data is read by `reporterOf` alone.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { AspirationChannel, AspirationKind, AspirationStatus, Database, OutboxStatus } from '../db/schema.ts';
import type { OutboxRow } from '../platform/outbox.ts';
import { matchesWords, searchWordLists, tsQuery } from '../platform/search.ts';

type Insert<T extends keyof Database> = import('kysely').Insertable<Database[T]>;

const publicColumns = [
  'aspiration.id',
  'aspiration.code',
  'aspiration.kind',
  'aspiration.category_id',
  'aspiration.title',
  'aspiration.description',
  'aspiration.kecamatan_id',
  'aspiration.kelurahan_id',
  'aspiration.dapil_id',
  'aspiration.address',
  'aspiration.lat',
  'aspiration.lon',
  'aspiration.channel',
  'aspiration.status',
  'aspiration.show_name',
  'aspiration.komisi_id',
  'aspiration.duplicate_of_id',
  'aspiration.user_id',
  'aspiration.supporters',
  'aspiration.received_at',
  'aspiration.verify_due',
  'aspiration.resolve_due',
  'aspiration.resolved_at',
  'aspiration.rating',
  'aspiration.rating_comment',
  'aspiration.fixed_asked_at',
  'aspiration.fixed_answer',
  'aspiration.project_id',
  'aspiration.hidden_passages',
  'aspiration.updated_at',
] as const;

/**
 * Raised by every write to the aspiration table in this process, so figures computed from it (the
 * public list's totals) are known to be stale at once here; other processes wait for their TTL.
 */
let writes = 0;
export const writeGeneration = () => writes;
const wrote = <T>(result: T): T => {
  writes++;
  return result;
};

/** What is written when an aspiration is filed; the rows that belong to it get its id when written. */
export interface Filing {
  aspiration: Insert<'aspiration'>;
  reporter: Omit<Insert<'aspiration_reporter'>, 'aspiration_id'>;
  photos: Omit<Insert<'aspiration_photo'>, 'aspiration_id'>[];
  /** Its first step ("received"). */
  event: Omit<Insert<'aspiration_event'>, 'aspiration_id'>;
  /** Messages about it (to whoever sent it): their topic is the aspiration. */
  told: OutboxRow[];
  /** Other messages it causes (officials' notifications), with no topic. */
  notices: OutboxRow[];
}

/**
 * Files an aspiration with everything that comes with it in one statement: atomic with no
 * transaction around it, and one round trip to the database instead of eight (begin, a statement
 * per table, commit), which was most of a submission's cost in both processes. Returns its id. A
 * submission key already used fails the statement on the key's unique index (see
 * `isSubmissionKeyTaken`), and nothing of it is written.
 */
export async function fileAspiration(db: Db, filing: Filing): Promise<number> {
  const id = sql<number>`(select id from filed)`;
  const parts = [
    sql`filed as (${db.insertInto('aspiration').values(filing.aspiration).returning('id')})`,
    sql`reporter as (${db.insertInto('aspiration_reporter').values({ ...filing.reporter, aspiration_id: id })})`,
    sql`event as (${db.insertInto('aspiration_event').values({ ...filing.event, aspiration_id: id })})`,
  ];
  if (filing.photos.length > 0)
    parts.push(
      sql`photos as (${db.insertInto('aspiration_photo').values(filing.photos.map((p) => ({ ...p, aspiration_id: id })))})`,
    );
  const messages = [
    ...filing.told.map((m) => ({ ...m, topic: sql<string>`'aspiration:' || ${id}` })),
    ...filing.notices,
  ];
  if (messages.length > 0) parts.push(sql`messages as (${db.insertInto('outbox').values(messages)})`);
  const result = wrote(await sql<{ id: number }>`with ${sql.join(parts)} select id from filed`.execute(db));
  const filed = result.rows[0];
  if (filed === undefined) throw new Error('an aspiration was filed but its id did not come back');
  return filed.id;
}

/** Whether an error is the submission key's unique index refusing a second filing with the key. */
export function isSubmissionKeyTaken(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === '23505' &&
    'constraint' in error &&
    error.constraint === 'aspiration_submission_key'
  );
}

export function aspirationBySubmissionKey(db: Db, councilId: number, keyHash: string) {
  return db
    .selectFrom('aspiration')
    .select(['id', 'code'])
    .where('council_id', '=', councilId)
    .where('submission_key_hash', '=', keyHash)
    .executeTakeFirst();
}

export function insertEvent(db: Db, values: Insert<'aspiration_event'>) {
  return db.insertInto('aspiration_event').values(values).returning('id').executeTakeFirstOrThrow();
}

export function aspirationByCode(db: Db, councilId: number, code: string) {
  return db
    .selectFrom('aspiration')
    .select(publicColumns)
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function aspirationById(db: Db, id: number) {
  return db.selectFrom('aspiration').select(publicColumns).where('id', '=', id).executeTakeFirst();
}

export function aspirationByTokenHash(db: Db, hash: string) {
  return db.selectFrom('aspiration').select(['id', 'code']).where('access_token_hash', '=', hash).executeTakeFirst();
}

export function codeOf(db: Db, id: number) {
  return db.selectFrom('aspiration').select('code').where('id', '=', id).executeTakeFirst();
}

export function eventsOf(db: Db, aspirationId: number, includeInternal: boolean) {
  let query = db
    .selectFrom('aspiration_event')
    .leftJoin('member', 'member.id', 'aspiration_event.actor_member_id')
    // Officials' views name the official who took a step. A reporter's own steps name no one (a
    // confidential report's reporter stays unknown to the komisi), and public views select no name.
    .leftJoin('app_user', (join) =>
      join
        .onRef('app_user.id', '=', 'aspiration_event.actor_user_id')
        .on('aspiration_event.by_reporter', '=', false)
        .on(sql<SqlBool>`${sql.lit(includeInternal)}`),
    )
    .select([
      'aspiration_event.id',
      'aspiration_event.kind',
      'aspiration_event.public',
      'aspiration_event.by_reporter',
      'aspiration_event.body',
      'aspiration_event.details',
      'aspiration_event.created_at',
      'aspiration_event.actor_user_id',
      'app_user.name_sealed as actor_name_sealed',
      'member.name as member_name',
      'member.slug as member_slug',
    ])
    .where('aspiration_event.aspiration_id', '=', aspirationId);
  if (!includeInternal) query = query.where('aspiration_event.public', '=', true);
  return query.orderBy('aspiration_event.id').execute();
}

export function photosOf(db: Db, aspirationId: number) {
  return db
    .selectFrom('aspiration_photo')
    .select(['id', 'file', 'width', 'height'])
    .where('aspiration_id', '=', aspirationId)
    .orderBy('id')
    .execute();
}

export function photoById(db: Db, aspirationId: number, photoId: number) {
  return db
    .selectFrom('aspiration_photo')
    .select(['id', 'file'])
    .where('aspiration_id', '=', aspirationId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export function reporterOf(db: Db, aspirationId: number) {
  return db.selectFrom('aspiration_reporter').selectAll().where('aspiration_id', '=', aspirationId).executeTakeFirst();
}

export function reporterMatches(db: Db, aspirationId: number, lookup: string) {
  return db
    .selectFrom('aspiration_reporter')
    .select('aspiration_id')
    .where('aspiration_id', '=', aspirationId)
    .where((eb) => eb.or([eb('email_lookup', '=', lookup), eb('phone_lookup', '=', lookup)]))
    .executeTakeFirst();
}

/** Who supported an aspiration: one row each, null for those who gave no address. */
export async function supporterLookups(db: Db, aspirationId: number): Promise<(string | null)[]> {
  const rows = await db
    .selectFrom('aspiration_supporter')
    .select('email_lookup')
    .where('aspiration_id', '=', aspirationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.email_lookup);
}

/** Counts one support; with an address's lookup, once per address (false when it already counted). */
export async function addSupporter(db: Db, aspirationId: number, emailLookup: string | null): Promise<boolean> {
  const inserted = await db
    .insertInto('aspiration_supporter')
    .values({ aspiration_id: aspirationId, email_lookup: emailLookup })
    .onConflict((oc) => oc.columns(['aspiration_id', 'email_lookup']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted === undefined) return false;
  wrote(0);
  await db
    .updateTable('aspiration')
    .set({ supporters: sql`supporters + 1`, updated_at: new Date() })
    .where('id', '=', aspirationId)
    .execute();
  return true;
}

/** Open aspirations asking for public information, with their reporter sealed, oldest first. */
export function openInformationAspirations(db: Db, councilId: number, limit: number) {
  return db
    .selectFrom('aspiration')
    .leftJoin('aspiration_reporter', 'aspiration_reporter.aspiration_id', 'aspiration.id')
    .select([
      'aspiration.id',
      'aspiration.code',
      'aspiration.title',
      'aspiration.description',
      'aspiration.received_at',
      'aspiration.user_id',
      'aspiration_reporter.name_sealed',
      'aspiration_reporter.email_sealed',
      'aspiration_reporter.phone_sealed',
    ])
    .where('aspiration.council_id', '=', councilId)
    .where('aspiration.kind', '=', 'informasi')
    .where('aspiration.status', 'in', ['received', 'verified', 'forwarded'])
    .orderBy('aspiration.id')
    .limit(limit)
    .execute();
}

export function updateAspiration(db: Db, id: number, values: import('kysely').Updateable<Database['aspiration']>) {
  return wrote(
    db
      .updateTable('aspiration')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute(),
  );
}

/** Locks the row for the rest of the transaction, so two officers cannot act on stale state. */
export function lockAspiration(db: Db, id: number) {
  return db.selectFrom('aspiration').select(publicColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export const openStatuses: AspirationStatus[] = ['received', 'verified', 'forwarded'];

/**
 * Earlier aspirations like one case, any status, within two years before it: words in common
 * (ranked by ts_rank over its stems, as lexemes of the title and description), the same kelurahan
 * or kecamatan, the same category, and closeness in time, added into one score. The candidates are
 * those sharing a word (the GIN index) or, with no word shared, the same category in the same
 * kelurahan. Each comes with its latest public answer, for reuse.
 */
export function similarEarlier(
  db: Db,
  councilId: number,
  input: {
    id: number;
    receivedAt: Date;
    stems: readonly string[];
    categoryId: number;
    kecamatanId: number;
    kelurahanId: number | null;
  },
  limit: number,
) {
  const words = input.stems.map((s) => `${s}:AB`).join(' | ');
  const query = words === '' ? sql`null::tsquery` : sql`to_tsquery('simple', ${words})`;
  const since = new Date(input.receivedAt.getTime() - 2 * 365 * 86_400_000);
  const score = sql<number>`coalesce(ts_rank(a.public_search, ${query}, 32), 0)
    + case when a.kelurahan_id = ${input.kelurahanId} then 0.3 when a.kecamatan_id = ${input.kecamatanId} then 0.15 else 0 end
    + case when a.category_id = ${input.categoryId} then 0.1 else 0 end
    + 0.2 * exp(-extract(epoch from (${input.receivedAt}::timestamptz - a.received_at)) / 86400 / 60)`;
  return db
    .selectFrom('aspiration as a')
    .select([
      'a.id',
      'a.code',
      'a.title',
      'a.description',
      'a.status',
      'a.received_at',
      'a.kecamatan_id',
      'a.kelurahan_id',
      score.as('score'),
      (eb) =>
        eb
          .selectFrom('aspiration_event as e')
          .select('e.body')
          .whereRef('e.aspiration_id', '=', 'a.id')
          .where('e.kind', 'in', ['response', 'resolved'])
          .where('e.public', '=', true)
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('answer'),
    ])
    .where('a.council_id', '=', councilId)
    .where('a.id', '!=', input.id)
    .where('a.received_at', '<=', input.receivedAt)
    .where('a.received_at', '>=', since)
    .where((eb) =>
      eb.or([
        sql<SqlBool>`a.public_search @@ ${query}`,
        eb.and([eb('a.kelurahan_id', '=', input.kelurahanId), eb('a.category_id', '=', input.categoryId)]),
      ]),
    )
    .orderBy(score, 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** Open aspirations received since a day, newest first, with their texts: what clustering reads. */
export function openSince(db: Db, councilId: number, since: Date, limit: number) {
  return db
    .selectFrom('aspiration')
    .select(['id', 'code', 'title', 'description', 'status', 'received_at', 'kecamatan_id', 'kelurahan_id'])
    .where('council_id', '=', councilId)
    .where('status', 'in', openStatuses)
    .where('received_at', '>=', since)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Open, public aspirations like a new one: same category in the same place, or similar words. */
export function similarOpen(
  db: Db,
  councilId: number,
  input: {
    categoryId: number;
    kecamatanId: number;
    kelurahanId: number | null;
    title: string;
    point: { lat: number; lon: number } | null;
  },
) {
  const words = input.title.trim();
  return db
    .selectFrom('aspiration')
    .select(['code', 'title', 'status', 'supporters', 'received_at', 'kelurahan_id', 'kecamatan_id'])
    .where('council_id', '=', councilId)
    .where('kind', '!=', 'rahasia')
    .where('status', 'in', openStatuses)
    .where((eb) => {
      const samePlace =
        input.kelurahanId === null
          ? eb('kecamatan_id', '=', input.kecamatanId)
          : eb('kelurahan_id', '=', input.kelurahanId);
      const conditions: Expression<SqlBool>[] = [eb.and([eb('category_id', '=', input.categoryId), samePlace])];
      // Near the pin: within about 300 m (0.003° of latitude; longitude near the equator alike).
      if (input.point !== null) {
        const { lat, lon } = input.point;
        conditions.push(
          eb.and([
            eb('category_id', '=', input.categoryId),
            eb('lat', '>=', lat - 0.003),
            eb('lat', '<=', lat + 0.003),
            eb('lon', '>=', lon - 0.003),
            eb('lon', '<=', lon + 0.003),
          ]),
        );
      }
      if (words.length >= 3) {
        conditions.push(
          eb.and([
            eb('kecamatan_id', '=', input.kecamatanId),
            eb.or([
              sql<SqlBool>`public_search @@ ${tsQuery('indonesian', words)}`,
              sql<SqlBool>`similarity(title, ${words}) > 0.3`,
            ]),
          ]),
        );
      }
      return eb.or(conditions);
    })
    .orderBy(sql`similarity(title, ${words})`, 'desc')
    .orderBy('supporters', 'desc')
    .limit(5)
    .execute();
}

export interface PublicFilter {
  kind?: AspirationKind | undefined;
  categoryId?: number | undefined;
  kecamatanId?: number | undefined;
  dapilId?: number | undefined;
  status?: AspirationStatus | undefined;
  q?: string | undefined;
  codes?: string[] | undefined;
  categoryIds?: number[] | undefined;
  statuses?: AspirationStatus[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  sort: 'baru' | 'dukungan';
  limit: number;
  offset: number;
}

function publicQuery(db: Db, councilId: number, filter: PublicFilter, read: 'by index' | 'row by row' = 'by index') {
  let query = db
    .selectFrom('aspiration')
    .where('aspiration.council_id', '=', councilId)
    .where('aspiration.kind', '!=', 'rahasia');
  if (filter.kind !== undefined) query = query.where('aspiration.kind', '=', filter.kind);
  if (filter.categoryId !== undefined) query = query.where('aspiration.category_id', '=', filter.categoryId);
  if (filter.kecamatanId !== undefined) query = query.where('aspiration.kecamatan_id', '=', filter.kecamatanId);
  if (filter.dapilId !== undefined) query = query.where('aspiration.dapil_id', '=', filter.dapilId);
  if (filter.status !== undefined) query = query.where('aspiration.status', '=', filter.status);
  if (filter.codes !== undefined)
    query = query.where('aspiration.code', 'in', filter.codes.length > 0 ? filter.codes : ['']);
  if (filter.categoryIds !== undefined)
    query = query.where('aspiration.category_id', 'in', filter.categoryIds.length > 0 ? filter.categoryIds : [0]);
  if (filter.statuses !== undefined)
    query = query.where('aspiration.status', 'in', filter.statuses.length > 0 ? filter.statuses : ['received']);
  if (filter.from !== undefined) query = query.where('aspiration.received_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('aspiration.received_at', '<=', filter.to);
  const q = filter.q?.trim();
  if (q !== undefined && q !== '') {
    query = query.where(matchesWords(sql`aspiration.public_search`, q, read));
  }
  return query;
}

export function listPublic(db: Db, councilId: number, filter: PublicFilter) {
  let query = publicQuery(db, councilId, filter).select(publicColumns);
  // With words to find, the newest first must come from the search index: ordering by the primary
  // key itself lets the planner walk it backwards through every row, filtering each (104 ms over
  // 100 000 rows for "jalan rusak", against 5.7 ms from the GIN index); "id + 0" is not indexed.
  const searching = filter.q !== undefined && filter.q.trim() !== '';
  const newest = searching ? sql`aspiration.id + 0` : sql`aspiration.id`;
  query =
    filter.sort === 'dukungan'
      ? query.orderBy('aspiration.supporters', 'desc').orderBy(newest, 'desc')
      : query.orderBy(newest, 'desc');
  return query.limit(filter.limit).offset(filter.offset).execute();
}

type PublicRow = Awaited<ReturnType<typeof listPublic>>[number];

/** A search counts its matches up to this many; past it the page says "more than" and pages stop there. */
export const SEARCH_COUNT_CAP = 100;

/**
 * How a search that reads the rows reads the newest aspirations before it asks the index (see
 * newestMatches): the highest id when it starts, how many of the newest ids it reads first, the
 * share of matches among them from which reading on beats the index, and the most rows it reads on.
 */
export interface SearchWalk {
  newest: number;
  first: number;
  dense: number;
  further: number;
}

/**
 * Chosen from a statement log of the bench's searches (PostgreSQL 15, 100,000 aspirations, warm):
 * reading a row costs about 0.9 µs; the index about 0.25 ms and 4.5 µs for every match older than
 * what was read, since it must see each to put them in order. Matches in 1 % of rows or more are
 * cheaper to read on to; below that the words are rare, or common but seldom together, and the
 * index is cheaper. The database then executed 3.0 ms a search on average, against 3.5 ms when the
 * planner chose how to search the newest 5,000 rows.
 */
const SEARCH_WALK = { first: 500, dense: 0.01, further: 9000 };

/**
 * The highest aspiration id, looked up at most every ten seconds: where a search's reading starts.
 * A few seconds' newer aspirations are read too (the first range has no upper end).
 */
const newest = new WeakMap<Db, { id: number; at: number }>();
async function newestId(db: Db): Promise<number> {
  const known = newest.get(db);
  if (known !== undefined && Date.now() - known.at < 10_000) return known.id;
  const row = await db
    .selectFrom('aspiration')
    .select((eb) => eb.fn.max('aspiration.id').as('id'))
    .executeTakeFirst();
  const id = Number(row?.id ?? 0);
  newest.set(db, { id, at: Date.now() });
  return id;
}

/**
 * A page of a search and how many match, up to SEARCH_COUNT_CAP. The newest SEARCH_COUNT_CAP + 1
 * matches are found as ids (`hits`) and counted; only the page's rows are read in full.
 *
 * A search for words alone, newest first (nearly every search citizens make), reads the words'
 * lists (newestWithWords); any other reads the rows and tests each text (newestMatches), which,
 * once the table outgrew the database's memory, cost a search for two common words 285-512 ms
 * (180,000 aspirations, 221 MB of rows against 128 MB of shared buffers). Sorted by support, every
 * match must be seen: the index finds them.
 */
export async function searchPublic(
  db: Db,
  councilId: number,
  filter: PublicFilter,
  /** Where and how far a search that reads the rows reads them (tests move it; by default SEARCH_WALK from the newest id). */
  walk?: SearchWalk,
): Promise<{ rows: PublicRow[]; total: number; capped: boolean }> {
  const want = SEARCH_COUNT_CAP + 1;
  let hits: { id: number }[];
  if (filter.sort === 'dukungan') {
    hits = await publicQuery(db, councilId, filter)
      .select('aspiration.id')
      .orderBy('aspiration.supporters', 'desc')
      // "id + 0" is not indexed: the order cannot come from walking the primary key.
      .orderBy(sql`aspiration.id + 0`, 'desc')
      .limit(want)
      .execute();
  } else {
    // A search for words and nothing else reads the words' lists; with a filter, or saying more
    // than "all these words", it reads the rows and tests each text.
    const lists = onlyWords(filter) ? await searchWordLists(db, filter.q ?? '') : undefined;
    hits =
      lists === undefined
        ? await newestMatches(db, councilId, filter, walk ?? { newest: await newestId(db), ...SEARCH_WALK })
        : await newestWithWords(db, councilId, lists, want);
  }
  // Pages end at the cap: the match after it only says that there are more.
  const shown = hits.slice(filter.offset, Math.min(filter.offset + filter.limit, SEARCH_COUNT_CAP)).map((h) => h.id);
  const read =
    shown.length === 0
      ? []
      : await db.selectFrom('aspiration').select(publicColumns).where('aspiration.id', 'in', shown).execute();
  const byId = new Map(read.map((row) => [row.id, row]));
  return {
    rows: shown.flatMap((id) => byId.get(id) ?? []),
    total: Math.min(hits.length, SEARCH_COUNT_CAP),
    capped: hits.length > SEARCH_COUNT_CAP,
  };
}

/**
 * The newest SEARCH_COUNT_CAP + 1 matches of a search that reads the rows, in up to three steps,
 * each a range of ids older than the one before. First the newest `first` rows, read row by row:
 * words that many texts have ("jalan rusak", in a quarter of the bench's texts) fill the count
 * there, from a few hundred rows. What they found says how dense the matches are: dense enough,
 * the rows after them are read on, as many as the count still needs three times over (at most
 * `further`; the reading stops at the last match the count needs); otherwise the search index is
 * asked for the older ones, which is cheap for rare words. Asking the index for common words reads
 * every match in the table (81 ms for "jalan rusak" over 100,000 aspirations), and so did letting
 * the planner join the newest rows with the index (12-15 ms), because it takes words that go
 * together for rare; the reading steps use a match no index serves. The index step is a statement
 * of its own, planned only when it runs.
 */
async function newestMatches(db: Db, councilId: number, filter: PublicFilter, walk: SearchWalk) {
  const want = SEARCH_COUNT_CAP + 1;
  const { newest: top, first, dense, further } = walk;
  // The newest `limit` matches with ids above `above` (and up to `upTo`), read row by row.
  const walkRows = (above: number, upTo: number | null, limit: number) => {
    const query = publicQuery(db, councilId, filter, 'row by row')
      .select('aspiration.id')
      .where('aspiration.id', '>', above);
    return (upTo === null ? query : query.where('aspiration.id', '<=', upTo))
      .orderBy('aspiration.id', 'desc')
      .limit(limit)
      .execute();
  };
  // Ids start at 1: an end below it means every older row has been read.
  let end = top - first;
  let hits = await walkRows(end, null, want);
  const density = hits.length / first;
  if (hits.length < want && end >= 1 && density >= dense) {
    const rows = Math.min(further, Math.ceil((3 * (want - hits.length)) / density));
    hits = hits.concat(await walkRows(end - rows, end, want - hits.length));
    end -= rows;
  }
  if (hits.length < want && end >= 1) {
    // "id + 0" is not indexed: the order cannot come from walking the primary key.
    const older = await publicQuery(db, councilId, filter)
      .select('aspiration.id')
      .where('aspiration.id', '<=', end)
      .orderBy(sql`aspiration.id + 0`, 'desc')
      .limit(want - hits.length)
      .execute();
    hits = hits.concat(older);
  }
  return hits;
}

/** What a search for words alone may hold besides its words: how it is ordered and paged. */
const WORDS_ALONE = new Set(['q', 'sort', 'limit', 'offset']);

/**
 * Whether a search asks for words and nothing else, newest first. Any other field set, including
 * one added to PublicFilter later, sends it to the rows, which every filter applies to.
 */
function onlyWords(filter: PublicFilter): boolean {
  return (
    filter.sort === 'baru' &&
    Object.entries(filter).every(([key, value]) => WORDS_ALONE.has(key) || value === undefined)
  );
}

/**
 * The newest `limit` public aspirations whose words hold every word of one of `lists`
 * (platform/search.ts, `searchWordLists`): for each list, a merge of the words' lists read
 * backwards from the newest, index only, stopping at the `limit`th aspiration found in all of them.
 *
 * Its cost is the entries read, about 0.16 µs each (PostgreSQL 15): a few hundred for words often
 * together; at most every entry of the words, for words seldom together (a merge of "sampah" and
 * "rusak" over 100,000 aspirations, 36,000 entries and no aspiration with both: 5.7 ms). The search
 * index is cheaper for that last case (1.3 ms) but reads every match to order them: when the
 * newest thousands of texts are one campaign's, a search for other common words found none among
 * the newest, went to the index, and took 16-23 ms of the database against 2.1-2.3 ms here (the
 * bench's searches, 24,000 copies of one text on top of its 100,000 aspirations). Reading the
 * lists to the end is the choice with the smaller worst case.
 */
function newestWithWords(db: Db, councilId: number, lists: readonly (readonly string[])[], limit: number) {
  const merged = lists.map((words) => {
    const scans = words.map(
      (word, i) => sql`${sql.raw(`w${i}`)}.council_id = ${councilId} and ${sql.raw(`w${i}`)}.word = ${word}`,
    );
    const same = words.slice(1).map((_, i) => sql`${sql.raw(`w${i + 1}`)}.aspiration_id = w0.aspiration_id`);
    return sql<{ id: number }>`(select w0.aspiration_id as id
      from ${sql.join(words.map((_, i) => sql`aspiration_word ${sql.raw(`w${i}`)}`))}
      where ${sql.join([...scans, ...same], sql` and `)}
      order by w0.aspiration_id desc limit ${limit})`;
  });
  const [one, ...more] = merged;
  const query =
    one !== undefined && more.length === 0
      ? one
      : sql<{
          id: number;
        }>`select id from (${sql.join(merged, sql` union `)}) as found order by id desc limit ${limit}`;
  return query.execute(db).then((result) => result.rows);
}

export async function countPublic(db: Db, councilId: number, filter: PublicFilter): Promise<number> {
  const row = await publicQuery(db, councilId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface InboxFilter {
  status?: AspirationStatus | 'open' | undefined;
  kind?: AspirationKind | undefined;
  categoryId?: number | undefined;
  kecamatanId?: number | undefined;
  q?: string | undefined;
  /** A member sees what was forwarded to their dapil or one of their komisi. */
  member?: { dapilId: number | null; komisiIds: number[] } | undefined;
  limit: number;
  offset: number;
}

function inboxQuery(db: Db, councilId: number, filter: InboxFilter) {
  let query = db.selectFrom('aspiration').where('aspiration.council_id', '=', councilId);
  if (filter.status === 'open') query = query.where('aspiration.status', 'in', openStatuses);
  else if (filter.status !== undefined) query = query.where('aspiration.status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('aspiration.kind', '=', filter.kind);
  if (filter.categoryId !== undefined) query = query.where('aspiration.category_id', '=', filter.categoryId);
  if (filter.kecamatanId !== undefined) query = query.where('aspiration.kecamatan_id', '=', filter.kecamatanId);
  const member = filter.member;
  if (member !== undefined) {
    query = query.where('aspiration.status', 'not in', ['received', 'rejected', 'duplicate']).where((eb) => {
      const mine: Expression<SqlBool>[] = [];
      if (member.komisiIds.length > 0) mine.push(eb('aspiration.komisi_id', 'in', member.komisiIds));
      // Confidential reports go to the komisi only, never to every member of a dapil.
      if (member.dapilId !== null)
        mine.push(eb.and([eb('aspiration.dapil_id', '=', member.dapilId), eb('aspiration.kind', '!=', 'rahasia')]));
      return mine.length === 0 ? sql<SqlBool>`false` : eb.or(mine);
    });
  }
  const q = filter.q?.trim();
  if (q !== undefined && q !== '') {
    const code = q.toUpperCase();
    query = query.where((eb) => eb.or([eb('aspiration.code', '=', code), matchesWords(sql`aspiration.search`, q)]));
  }
  return query;
}

/**
 * The official's open work in two steps: to verify (against verify_due) and being handled
 * (against resolve_due), each with how many are late on `today` and the nearest date.
 */
export async function openWork(db: Db, councilId: number, member: InboxFilter['member'], today: string) {
  const row = await inboxQuery(db, councilId, { status: 'open', member, limit: 0, offset: 0 })
    .select([
      sql<string>`count(*) filter (where aspiration.status = 'received')`.as('to_verify'),
      sql<string>`count(*) filter (where aspiration.status = 'received' and aspiration.verify_due < ${today})`.as(
        'verify_late',
      ),
      sql<string | null>`min(aspiration.verify_due) filter (where aspiration.status = 'received')`.as('verify_next'),
      sql<string>`count(*) filter (where aspiration.status <> 'received')`.as('handling'),
      sql<string>`count(*) filter (where aspiration.status <> 'received' and aspiration.resolve_due < ${today})`.as(
        'handling_late',
      ),
      sql<string | null>`min(aspiration.resolve_due) filter (where aspiration.status <> 'received')`.as(
        'handling_next',
      ),
    ])
    .executeTakeFirstOrThrow();
  return {
    toVerify: Number(row.to_verify),
    verifyLate: Number(row.verify_late),
    verifyNext: row.verify_next,
    handling: Number(row.handling),
    handlingLate: Number(row.handling_late),
    handlingNext: row.handling_next,
  };
}

/** Aspirations (of those the official may see) with a message to the citizen that did not go out since `since`. */
export function undelivered(db: Db, councilId: number, member: InboxFilter['member'], since: Date) {
  return inboxQuery(db, councilId, { member, limit: 0, offset: 0 })
    .innerJoin('outbox', (join) => join.on(sql<SqlBool>`outbox.topic = 'aspiration:' || aspiration.id`))
    .where('outbox.status', 'in', ['failed', 'unconfigured'])
    .where('outbox.created_at', '>=', since)
    .select(['aspiration.code', 'aspiration.title', sql<Date>`max(outbox.created_at)`.as('last')])
    .groupBy(['aspiration.code', 'aspiration.title'])
    .orderBy('last', 'desc')
    .limit(20)
    .execute();
}

export function listInbox(db: Db, councilId: number, filter: InboxFilter) {
  return inboxQuery(db, councilId, filter)
    .select(publicColumns)
    .orderBy(
      sql`case aspiration.status when 'received' then 0 when 'verified' then 1 when 'forwarded' then 2 else 3 end`,
    )
    .orderBy('aspiration.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countInbox(db: Db, councilId: number, filter: InboxFilter): Promise<number> {
  const row = await inboxQuery(db, councilId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function memberPlaces(db: Db, memberId: number) {
  return db
    .selectFrom('member')
    .leftJoin('body_membership', 'body_membership.member_id', 'member.id')
    .leftJoin('body', (join) => join.onRef('body.id', '=', 'body_membership.body_id').on('body.kind', '=', 'komisi'))
    .select(['member.dapil_id', 'body.id as komisi_id'])
    .where('member.id', '=', memberId)
    .execute();
}

export function membersOfDapil(db: Db, dapilId: number) {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'slug'])
    .where('dapil_id', '=', dapilId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

export function messagesAbout(db: Db, topic: string) {
  return db
    .selectFrom('outbox')
    .select(['id', 'channel', 'subject', 'status', 'attempts', 'last_error', 'sent_at', 'created_at'])
    .where('topic', '=', topic)
    .orderBy('id', 'desc')
    .limit(50)
    .execute() as Promise<
    {
      id: number;
      channel: 'email' | 'sms' | 'whatsapp' | 'push';
      subject: string;
      status: OutboxStatus;
      attempts: number;
      last_error: string | null;
      sent_at: Date | null;
      created_at: Date;
    }[]
  >;
}

export function templatesOf(db: Db, councilId: number) {
  return db
    .selectFrom('answer_template')
    .select(['id', 'title', 'body'])
    .where('council_id', '=', councilId)
    .orderBy('title')
    .execute();
}

export function insertTemplate(db: Db, values: Insert<'answer_template'>) {
  return db.insertInto('answer_template').values(values).execute();
}

export function unlinkUser(db: Db, userId: number) {
  return wrote(db.updateTable('aspiration').set({ user_id: null }).where('user_id', '=', userId).execute());
}

export type { AspirationChannel };

/** Resolved aspirations whose reporter has not yet been asked whether it is really resolved. */
export function dueForFollowUp(db: Db, resolvedBefore: Date) {
  return db
    .selectFrom('aspiration')
    .select(['id', 'code', 'title'])
    .where('status', '=', 'resolved')
    .where('resolved_at', '<=', resolvedBefore)
    .where('fixed_asked_at', 'is', null)
    .orderBy('id')
    .limit(200)
    .execute();
}

/** Aspirations resolved after a point (a moment, then the id at that moment), oldest first: a page. */
export function resolvedAfter(db: Db, councilId: number, after: { at: Date; id: number }, limit: number) {
  return db
    .selectFrom('aspiration')
    .select(['id', 'code', 'resolved_at'])
    .where('council_id', '=', councilId)
    .where('status', '=', 'resolved')
    .where((eb) =>
      eb.or([eb('resolved_at', '>', after.at), eb.and([eb('resolved_at', '=', after.at), eb('id', '>', after.id)])]),
    )
    .orderBy('resolved_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The newest public step of each aspiration: what Open311 calls its status notes. */
export function latestPublicEvents(db: Db, aspirationIds: number[]) {
  if (aspirationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('aspiration_event')
    .distinctOn('aspiration_id')
    .select(['aspiration_id', 'kind', 'body', 'details'])
    .where('aspiration_id', 'in', aspirationIds)
    .where('public', '=', true)
    .where('by_reporter', '=', false)
    .orderBy('aspiration_id')
    .orderBy('id', 'desc')
    .execute();
}

export function firstPhotos(db: Db, aspirationIds: number[]) {
  if (aspirationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('aspiration_photo')
    .distinctOn('aspiration_id')
    .select(['aspiration_id', 'id'])
    .where('aspiration_id', 'in', aspirationIds)
    .orderBy('aspiration_id')
    .orderBy('id')
    .execute();
}

export function photoFiles(db: Db) {
  return db.selectFrom('aspiration_photo').select('file').execute();
}

/**
 * Public aspirations received since a moment, and those the council answered since then (closed
 * with an answer or referred): the home page's "this month". Confidential reports are left out.
 */
export async function countsSince(db: Db, councilId: number, since: Date) {
  const row = await db
    .selectFrom('aspiration')
    .select([
      sql<string>`count(*) filter (where received_at >= ${since})`.as('received'),
      sql<string>`count(*) filter (where resolved_at >= ${since} and status in ('resolved', 'referred'))`.as(
        'answered',
      ),
    ])
    .where('council_id', '=', councilId)
    .where('kind', '<>', 'rahasia')
    .where((eb) => eb.or([eb('received_at', '>=', since), eb('resolved_at', '>=', since)]))
    .executeTakeFirstOrThrow();
  return { received: Number(row.received), answered: Number(row.answered) };
}

/** Code, title and status of the given aspirations (those an address follows). */
export function aspirationsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('aspiration')
    .select(['id', 'code', 'title', 'status', 'hidden_passages'])
    .where('id', 'in', ids)
    .execute();
}

/** The aspirations a signed-in citizen sent, for their own pages and their copy of their data. */
export function aspirationsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('aspiration')
    .select(['code', 'title', 'status', 'received_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Counts of public aspirations by month (Jakarta time), category, kecamatan, kind and status: no
 * text, no people, and confidential reports left out, so the figures can be published as they are.
 */
export function statistics(db: Db, councilId: number) {
  const month = sql<string>`to_char(aspiration.received_at at time zone 'Asia/Jakarta', 'YYYY-MM')`;
  return db
    .selectFrom('aspiration')
    .select([
      month.as('month'),
      'aspiration.category_id',
      'aspiration.kecamatan_id',
      'aspiration.kind',
      'aspiration.status',
      sql<number>`count(*)`.as('count'),
      sql<number>`coalesce(sum(aspiration.supporters), 0)`.as('supporters'),
    ])
    .where('aspiration.council_id', '=', councilId)
    .where('aspiration.kind', '!=', 'rahasia')
    .groupBy([month, 'aspiration.category_id', 'aspiration.kecamatan_id', 'aspiration.kind', 'aspiration.status'])
    .orderBy(month)
    .orderBy('aspiration.category_id')
    .orderBy('aspiration.kecamatan_id')
    .execute();
}

/** When any public aspiration last changed, for the open-data catalogue. */
export function lastChange(db: Db, councilId: number) {
  return db
    .selectFrom('aspiration')
    .select(sql<Date | null>`max(updated_at)`.as('at'))
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
}

/** The project an aspiration is about (the row its project_id points at), within the council. */
export function projectAbout(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('project')
    .select(['id', 'name', 'kecamatan_id', 'kelurahan_id', 'lat', 'lon'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Public aspirations' pages (never confidential ones), newest first, and when each last changed. */
export function publicAspirationPages(db: Db, councilId: number, limit: number) {
  return db
    .selectFrom('aspiration')
    .select(['code', 'updated_at'])
    .where('council_id', '=', councilId)
    .where('kind', '!=', 'rahasia')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** What the performance figures need to know of each aspiration received in a period. */
export interface PerformanceQuery {
  from: Date;
  until: Date;
  komisiId?: number | undefined;
  dapilId?: number | undefined;
  kecamatanId?: number | undefined;
  categoryId?: number | undefined;
  channel?: AspirationChannel | undefined;
}

/**
 * One row per aspiration received in [from, until) (a duplicate counts with the one it joined, not
 * again): where it came from, its targets, and when it was first verified, answered and resolved,
 * whether it was reopened, its rating and the citizen's "is it fixed?" answer.
 */
/**
 * The service's figures for a period and a filter, from the kept facts (migration 0035), in one
 * pass: for everything, for each month, each komisi and each kecamatan (`grouped` says which).
 * Percentiles are nearest-rank (percentile_disc), of the steps that happened.
 */
export function performanceAggregates(db: Db, councilId: number, f: PerformanceQuery) {
  const spread = <N extends string>(column: 'verify_days' | 'answer_days' | 'resolve_days', counted: N) =>
    [
      sql<string>`count(${sql.ref(column)})`.as(counted),
      sql<number | null>`percentile_disc(0.5) within group (order by ${sql.ref(column)})`.as(`${column}_median`),
      sql<number | null>`percentile_disc(0.9) within group (order by ${sql.ref(column)})`.as(`${column}_p90`),
    ] as const;
  const counted = <N extends string>(condition: ReturnType<typeof sql>, name: N) =>
    sql<string>`count(*) filter (where ${condition})`.as(name);
  let query = db
    .selectFrom('aspiration_fact')
    .select([
      sql<'total' | 'month' | 'komisi' | 'kecamatan'>`case
        when grouping(month) = 0 then 'month' when grouping(komisi_id) = 0 then 'komisi'
        when grouping(kecamatan_id) = 0 then 'kecamatan' else 'total' end`.as('grouped'),
      'month',
      'komisi_id',
      'kecamatan_id',
      sql<string>`count(*)`.as('received'),
      counted(sql`verified_in_target`, 'verified_in_target'),
      counted(sql`resolved_in_target`, 'resolved_in_target'),
      counted(sql`reopened`, 'reopened'),
      ...spread('verify_days', 'verified'),
      ...spread('answer_days', 'answered'),
      ...spread('resolve_days', 'resolved'),
      counted(sql`rating = 1`, 'rating_1'),
      counted(sql`rating = 2`, 'rating_2'),
      counted(sql`rating = 3`, 'rating_3'),
      counted(sql`rating = 4`, 'rating_4'),
      counted(sql`rating = 5`, 'rating_5'),
      counted(sql`fixed_answer`, 'fixed_yes'),
      counted(sql`not fixed_answer`, 'fixed_no'),
    ])
    .where('council_id', '=', councilId)
    .where('received_at', '>=', f.from)
    .where('received_at', '<', f.until);
  if (f.komisiId !== undefined) query = query.where('komisi_id', '=', f.komisiId);
  if (f.dapilId !== undefined) query = query.where('dapil_id', '=', f.dapilId);
  if (f.kecamatanId !== undefined) query = query.where('kecamatan_id', '=', f.kecamatanId);
  if (f.categoryId !== undefined) query = query.where('category_id', '=', f.categoryId);
  if (f.channel !== undefined) query = query.where('channel', '=', f.channel);
  return query.groupBy(sql`grouping sets ((), (month), (komisi_id), (kecamatan_id))`).execute();
}

export interface TallyQuery {
  fromMonth: string;
  untilMonth: string;
  komisiId?: number | undefined;
  dapilId?: number | undefined;
  kecamatanId?: number | undefined;
}

type TallyTable = 'aspiration_tally' | 'aspiration_tally_days';
function tallyQuery<T extends TallyTable>(db: Db, table: T, councilId: number, f: TallyQuery) {
  let query = db
    .selectFrom(table as TallyTable)
    .where('council_id', '=', councilId)
    .where('month', '>=', f.fromMonth)
    .where('month', '<=', f.untilMonth);
  if (f.komisiId !== undefined) query = query.where('komisi_id', '=', f.komisiId);
  if (f.dapilId !== undefined) query = query.where('dapil_id', '=', f.dapilId);
  if (f.kecamatanId !== undefined) query = query.where('kecamatan_id', '=', f.kecamatanId);
  return query;
}

const groupedAs = sql<'total' | 'month' | 'komisi' | 'kecamatan'>`case
  when grouping(month) = 0 then 'month' when grouping(komisi_id) = 0 then 'komisi'
  when grouping(kecamatan_id) = 0 then 'kecamatan' else 'total' end`;

/**
 * The same figures as performanceAggregates from the kept sums (migration 0035), for a filter by
 * period, komisi, dapil and kecamatan: the counts, and how many took each number of working days to
 * each step (the percentiles are read off these).
 */
export async function tallyAggregates(db: Db, councilId: number, f: TallyQuery) {
  const total = (column: string) => sql<string>`coalesce(sum(${sql.ref(column)}), 0)`;
  const [counts, days] = await Promise.all([
    tallyQuery(db, 'aspiration_tally', councilId, f)
      .select([
        groupedAs.as('grouped'),
        'month',
        'komisi_id',
        'kecamatan_id',
        total('received').as('received'),
        total('verified').as('verified'),
        total('verified_in_target').as('verified_in_target'),
        total('answered').as('answered'),
        total('resolved').as('resolved'),
        total('resolved_in_target').as('resolved_in_target'),
        total('reopened').as('reopened'),
        total('rating_1').as('rating_1'),
        total('rating_2').as('rating_2'),
        total('rating_3').as('rating_3'),
        total('rating_4').as('rating_4'),
        total('rating_5').as('rating_5'),
        total('fixed_yes').as('fixed_yes'),
        total('fixed_no').as('fixed_no'),
      ])
      .groupBy(sql`grouping sets ((), (month), (komisi_id), (kecamatan_id))`)
      .execute(),
    tallyQuery(db, 'aspiration_tally_days', councilId, f)
      .select([
        groupedAs.as('grouped'),
        'month',
        'komisi_id',
        'kecamatan_id',
        sql<'verify' | 'answer' | 'resolve'>`step`.as('step'),
        'days',
        sql<string>`sum(n)`.as('n'),
      ])
      .groupBy(
        sql`grouping sets ((step, days), (month, step, days), (komisi_id, step, days), (kecamatan_id, step, days))`,
      )
      .having(sql<SqlBool>`sum(n) > 0`)
      .execute(),
  ]);
  return { counts, days };
}

const tallyCounts = [
  'received',
  'verified',
  'verified_in_target',
  'answered',
  'resolved',
  'resolved_in_target',
  'reopened',
  'rating_1',
  'rating_2',
  'rating_3',
  'rating_4',
  'rating_5',
  'fixed_yes',
  'fixed_no',
] as const;

/**
 * Folds the rows each change appended to the kept sums (migration 0037) into one row per place and
 * month, and one per step and number of days; places whose rows cancel out are left with none.
 * Rows appended while it runs are not read, so they stay as they are for the next run. Returns how
 * many rows were folded.
 */
export async function compactTally(db: Db): Promise<number> {
  const cell = sql.raw('council_id, month, komisi_id, dapil_id, kecamatan_id');
  const sums = sql.join(tallyCounts.map((c) => sql`sum(${sql.ref(c)})`));
  const counts = await sql<{ folded: string }>`
    with many as (
      select ctid from (select ctid, count(*) over (partition by ${cell}) as n from aspiration_tally) x where n > 1
    ), gone as (
      delete from aspiration_tally where ctid in (select ctid from many) returning *
    ), kept as (
      insert into aspiration_tally select ${cell}, ${sums} from gone group by ${cell} having sum(received) <> 0
    )
    select count(*) as folded from gone`.execute(db);
  const days = await sql<{ folded: string }>`
    with many as (
      select ctid from (select ctid, count(*) over (partition by ${cell}, step, days) as n from aspiration_tally_days) x
      where n > 1
    ), gone as (
      delete from aspiration_tally_days where ctid in (select ctid from many) returning *
    ), kept as (
      insert into aspiration_tally_days select ${cell}, step, days, sum(n) from gone
      group by ${cell}, step, days having sum(n) <> 0
    )
    select count(*) as folded from gone`.execute(db);
  return Number(counts.rows[0]?.folded ?? 0) + Number(days.rows[0]?.folded ?? 0);
}

/** The public answers a member gave on aspirations the public may see, newest first, and how many. */
export async function countResponsesBetween(db: Db, councilId: number, memberId: number, from: Date, to: Date) {
  const row = await db
    .selectFrom('aspiration_event')
    .innerJoin('aspiration', 'aspiration.id', 'aspiration_event.aspiration_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('aspiration.council_id', '=', councilId)
    .where('aspiration.kind', '!=', 'rahasia')
    .where('aspiration_event.actor_member_id', '=', memberId)
    .where('aspiration_event.kind', '=', 'response')
    .where('aspiration_event.public', '=', true)
    .where('aspiration_event.created_at', '>=', from)
    .where('aspiration_event.created_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function responsesOfMember(db: Db, councilId: number, memberId: number, limit: number) {
  const base = db
    .selectFrom('aspiration_event')
    .innerJoin('aspiration', 'aspiration.id', 'aspiration_event.aspiration_id')
    .where('aspiration.council_id', '=', councilId)
    .where('aspiration.kind', '!=', 'rahasia')
    .where('aspiration_event.actor_member_id', '=', memberId)
    .where('aspiration_event.kind', '=', 'response')
    .where('aspiration_event.public', '=', true);
  const [rows, count] = await Promise.all([
    base
      .select(['aspiration.code', 'aspiration.title', 'aspiration.hidden_passages', 'aspiration_event.created_at'])
      .orderBy('aspiration_event.created_at', 'desc')
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The day an open aspiration's current step is due: verification first, then its resolution. */
const dueOf = sql<
  string | null
>`case when aspiration.status = 'received' then aspiration.verify_due else aspiration.resolve_due end`;

/**
 * Open aspirations in the official's scope, counted per komisi and dapil (confidential ones and
 * those still to verify apart, for whom a member may see them), with how many are late on `today`.
 */
export function workloadCells(db: Db, councilId: number, member: InboxFilter['member'], today: string) {
  const secret = sql<boolean>`aspiration.kind = 'rahasia'`;
  const unverified = sql<boolean>`aspiration.status = 'received'`;
  return inboxQuery(db, councilId, { status: 'open', member, limit: 0, offset: 0 })
    .select([
      'aspiration.komisi_id',
      'aspiration.dapil_id',
      secret.as('secret'),
      unverified.as('unverified'),
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where ${dueOf} < ${today})`.as('late'),
    ])
    .groupBy(['aspiration.komisi_id', 'aspiration.dapil_id', secret, unverified])
    .execute();
}

/** Late open aspirations in the scope by how many working days late: up to 5, 6–10, 11–20, more. */
export function lateBands(db: Db, councilId: number, member: InboxFilter['member'], today: string) {
  const late = sql<number>`working_days_between(${dueOf}, ${today}::date)`;
  return inboxQuery(db, councilId, { status: 'open', member, limit: 0, offset: 0 })
    .where(sql<SqlBool>`${dueOf} < ${today}`)
    .select([
      sql<string>`count(*) filter (where ${late} <= 5)`.as('up_to_5'),
      sql<string>`count(*) filter (where ${late} between 6 and 10)`.as('up_to_10'),
      sql<string>`count(*) filter (where ${late} between 11 and 20)`.as('up_to_20'),
      sql<string>`count(*) filter (where ${late} > 20)`.as('more'),
    ])
    .executeTakeFirstOrThrow();
}

/** The longest-late open aspirations in the scope, oldest due date first. */
export function oldestLate(db: Db, councilId: number, member: InboxFilter['member'], today: string, limit: number) {
  return inboxQuery(db, councilId, { status: 'open', member, limit: 0, offset: 0 })
    .where(sql<SqlBool>`${dueOf} < ${today}`)
    .select([
      'aspiration.code',
      'aspiration.title',
      'aspiration.status',
      dueOf.as('due'),
      sql<number>`working_days_between(${dueOf}, ${today}::date)`.as('days_late'),
    ])
    .orderBy(dueOf)
    .orderBy('aspiration.id')
    .limit(limit)
    .execute();
}

/**
 * Open aspirations in the scope by the official who took their last step (none yet: `user_id`
 * null), with how many are late.
 */
export function openByLastOfficial(db: Db, councilId: number, member: InboxFilter['member'], today: string) {
  return inboxQuery(db, councilId, { status: 'open', member, limit: 0, offset: 0 })
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('aspiration_event')
          .select('aspiration_event.actor_user_id')
          .whereRef('aspiration_event.aspiration_id', '=', 'aspiration.id')
          .where('aspiration_event.actor_user_id', 'is not', null)
          .where('aspiration_event.by_reporter', '=', false)
          .orderBy('aspiration_event.id', 'desc')
          .limit(1)
          .as('last'),
      (join) => join.onTrue(),
    )
    .leftJoin('app_user', 'app_user.id', 'last.actor_user_id')
    .select([
      'last.actor_user_id as user_id',
      'app_user.name_sealed',
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where ${dueOf} < ${today})`.as('late'),
    ])
    .groupBy(['last.actor_user_id', 'app_user.name_sealed'])
    .execute();
}

/** Resolved aspirations in the scope whose reporter was asked "is it fixed?" and has not answered. */
export function waitingForReporter(db: Db, councilId: number, member: InboxFilter['member']) {
  return inboxQuery(db, councilId, { status: 'resolved', member, limit: 0, offset: 0 })
    .where('aspiration.fixed_asked_at', 'is not', null)
    .where('aspiration.fixed_answer', 'is', null)
    .select([sql<string>`count(*)`.as('n'), sql<Date | null>`min(aspiration.fixed_asked_at)`.as('since')])
    .executeTakeFirstOrThrow();
}

/**
 * The council's week against the week before (the seven days up to `today`, and the seven
 * before): aspirations received, verified, answered and resolved, from the kept facts.
 */
export function weekOverWeek(db: Db, councilId: number, today: string) {
  const within = (column: string, from: number, to: number) =>
    sql<string>`count(*) filter (where ${sql.ref(column)} between ${today}::date - ${from}::integer and ${today}::date - ${to}::integer)`;
  return db
    .selectFrom('aspiration_fact')
    .where('council_id', '=', councilId)
    .where(sql<SqlBool>`greatest(received_day, verified_day, answered_day, resolved_day) >= ${today}::date - 13`)
    .select([
      within('received_day', 6, 0).as('received_now'),
      within('received_day', 13, 7).as('received_before'),
      within('verified_day', 6, 0).as('verified_now'),
      within('verified_day', 13, 7).as('verified_before'),
      within('answered_day', 6, 0).as('answered_now'),
      within('answered_day', 13, 7).as('answered_before'),
      within('resolved_day', 6, 0).as('resolved_now'),
      within('resolved_day', 13, 7).as('resolved_before'),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * Aspirations received per category and per kecamatan in the last `days` up to `today` and in
 * as many days before, from the kept facts: what is rising.
 */
export function receivedByCategoryAndPlace(db: Db, councilId: number, today: string, days: number) {
  return db
    .selectFrom('aspiration_fact')
    .where('council_id', '=', councilId)
    .where(sql<SqlBool>`received_day > ${today}::date - ${2 * days}::integer`)
    .select([
      sql<'category' | 'kecamatan'>`case when grouping(category_id) = 0 then 'category' else 'kecamatan' end`.as(
        'grouped',
      ),
      'category_id',
      'kecamatan_id',
      sql<string>`count(*) filter (where received_day > ${today}::date - ${days}::integer)`.as('now'),
      sql<string>`count(*) filter (where received_day <= ${today}::date - ${days}::integer)`.as('before'),
    ])
    .groupBy(sql`grouping sets ((category_id), (kecamatan_id))`)
    .execute();
}

// ---------------------------------------------------------------- category suggestions

/** Statuses whose category a person has looked at: the examples a category model learns from. */
const triaged: AspirationStatus[] = ['verified', 'forwarded', 'referred', 'resolved', 'duplicate'];

/** The triaged aspirations' texts and categories, oldest first (a model is tested on the newest). */
export function triagedTexts(db: Db, councilId: number) {
  return db
    .selectFrom('aspiration')
    .select(['id', 'title', 'description', 'category_id', 'received_at'])
    .where('council_id', '=', councilId)
    .where('status', 'in', triaged)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

/** The newest model's figures, without its weights (they can run to megabytes). */
export function newestCategoryModel(db: Db, councilId: number) {
  return db
    .selectFrom('category_model')
    .select([
      'id',
      'kind',
      'trained_on',
      'tested_on',
      'tested_from',
      'accuracy',
      'macro_f1',
      'baseline',
      'evaluation',
      'training_ms',
      'created_at',
    ])
    .where('council_id', '=', councilId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A model's weights (JSON), read when an instance meets a model it has not parsed yet. */
export async function categoryModelWeights(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('category_model').select('model').where('id', '=', id).executeTakeFirst();
  return row?.model;
}

export function insertCategoryModel(db: Db, values: Insert<'category_model'>) {
  return db.insertInto('category_model').values(values).returning('id').executeTakeFirstOrThrow();
}

/**
 * Models older than the newest few are no longer used. One that made suggestions keeps its row
 * (the case pages quote its figures) but not its weights, which can run to megabytes each day;
 * one that made none goes.
 */
export async function dropOldCategoryModels(db: Db, councilId: number, keep: number): Promise<void> {
  const newest = db
    .selectFrom('category_model')
    .select('id')
    .where('council_id', '=', councilId)
    .orderBy('id', 'desc')
    .limit(keep);
  await db
    .deleteFrom('category_model')
    .where('council_id', '=', councilId)
    .where('id', 'not in', newest)
    .where('id', 'not in', (eb) => eb.selectFrom('category_suggestion').select('model_id').distinct())
    .execute();
  await db
    .updateTable('category_model')
    .set({ model: '{}', updated_at: new Date() })
    .where('council_id', '=', councilId)
    .where('id', 'not in', newest)
    .where('model', '!=', '{}')
    .execute();
}

/** Whether staff chose a category against a suggestion since a moment (the model should learn it). */
export async function correctedSince(db: Db, councilId: number, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('category_suggestion as s')
    .innerJoin('aspiration as a', 'a.id', 's.aspiration_id')
    .select('s.aspiration_id')
    .where('a.council_id', '=', councilId)
    .where('s.outcome', '=', 'corrected')
    .where('s.decided_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Aspirations waiting for their first look that have no suggestion yet, oldest first. */
export function unsuggested(db: Db, councilId: number, limit: number) {
  return db
    .selectFrom('aspiration as a')
    .leftJoin('category_suggestion as s', 's.aspiration_id', 'a.id')
    .select(['a.id', 'a.title', 'a.description'])
    .where('a.council_id', '=', councilId)
    .where('a.status', '=', 'received')
    .where('s.aspiration_id', 'is', null)
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

export async function insertSuggestions(db: Db, rows: Insert<'category_suggestion'>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('category_suggestion')
    .values(rows)
    .onConflict((oc) => oc.column('aspiration_id').doNothing())
    .execute();
}

/** An aspiration's suggestion with the figures of the model that made it. */
export function suggestionFor(db: Db, aspirationId: number) {
  return db
    .selectFrom('category_suggestion as s')
    .innerJoin('category_model as m', 'm.id', 's.model_id')
    .select(['s.category_id', 's.confidence', 's.because', 's.outcome', 'm.accuracy', 'm.tested_on', 'm.kind'])
    .where('s.aspiration_id', '=', aspirationId)
    .executeTakeFirst();
}

/** Records what staff did with a suggestion when they set the category. */
export async function decideSuggestion(db: Db, aspirationId: number, chosenCategoryId: number): Promise<void> {
  await db
    .updateTable('category_suggestion')
    .set({
      outcome: sql<
        'accepted' | 'corrected'
      >`case when category_id = ${chosenCategoryId} then 'accepted' else 'corrected' end`,
      decided_at: new Date(),
      updated_at: new Date(),
    })
    .where('aspiration_id', '=', aspirationId)
    .execute();
}

/** Whether an aspiration's suggestion is still undecided (no officer set the category since). */
export async function suggestionUndecided(db: Db, aspirationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('category_suggestion')
    .select('outcome')
    .where('aspiration_id', '=', aspirationId)
    .executeTakeFirst();
  return row !== undefined && row.outcome === null;
}

/** Records that a suggestion was applied by the model, where the administrator allowed it. */
export async function markSuggestionApplied(db: Db, aspirationId: number): Promise<void> {
  await db
    .updateTable('category_suggestion')
    .set({ outcome: 'applied', decided_at: new Date(), updated_at: new Date() })
    .where('aspiration_id', '=', aspirationId)
    .execute();
}

/** The council's switches for routing by the model: the level and the categories switched on. */
export function autoRouteOf(db: Db, councilId: number) {
  return db
    .selectFrom('category_auto_route')
    .select(['min_precision', 'categories', 'updated_at'])
    .where('council_id', '=', councilId)
    .executeTakeFirst();
}

export async function saveAutoRoute(db: Db, row: Insert<'category_auto_route'>): Promise<void> {
  await db
    .insertInto('category_auto_route')
    .values(row)
    .onConflict((oc) =>
      oc.column('council_id').doUpdateSet({
        min_precision: row.min_precision,
        categories: row.categories,
        updated_by: row.updated_by,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** How staff met the suggestions of a council: taken, chosen against, not decided yet. */
export function suggestionOutcomes(db: Db, councilId: number) {
  return db
    .selectFrom('category_suggestion as s')
    .innerJoin('aspiration as a', 'a.id', 's.aspiration_id')
    .select(['s.outcome', (eb) => eb.fn.countAll<string>().as('n')])
    .where('a.council_id', '=', councilId)
    .groupBy('s.outcome')
    .execute();
}

// ---------------------------------------------------------------- spikes

/**
 * Aspirations per category × kecamatan in nine windows of seven days ending on `today` (window 8
 * is the last seven days, 0 the oldest), from the kept facts. Cells and windows with none are absent.
 */
export function weeklyCells(db: Db, councilId: number, today: string) {
  return (
    db
      .selectFrom('aspiration_fact')
      .where('council_id', '=', councilId)
      .where(sql<SqlBool>`received_day > ${today}::date - 63`)
      .where(sql<SqlBool>`received_day <= ${today}::date`)
      .select([
        'category_id',
        'kecamatan_id',
        sql<number>`8 - (${today}::date - received_day) / 7`.as('week'),
        sql<string>`count(*)`.as('n'),
      ])
      // By position: the window's expression holds a parameter, which GROUP BY cannot match by text.
      .groupBy([sql`1`, sql`2`, sql`3`])
      .execute()
  );
}

/** The sealed addresses of the active accounts of a komisi's members. */
export function komisiAddresses(db: Db, komisiId: number) {
  return db
    .selectFrom('app_user')
    .select('email_sealed')
    .where('status', '=', 'active')
    .where('member_id', 'in', (eb) =>
      eb.selectFrom('body_membership').select('member_id').where('body_id', '=', komisiId),
    )
    .orderBy('id')
    .execute();
}

/** The cells (category × kecamatan) alerted since a moment. */
export function spikeAlertsSince(db: Db, councilId: number, since: Date) {
  return db
    .selectFrom('spike_alert')
    .select(['category_id', 'kecamatan_id'])
    .where('council_id', '=', councilId)
    .where('created_at', '>=', since)
    .execute();
}

export async function insertSpikeAlert(db: Db, row: Insert<'spike_alert'>): Promise<void> {
  await db.insertInto('spike_alert').values(row).execute();
}

/** Aspirations received since a moment per kelurahan (those with one). */
export function countsByKelurahan(db: Db, councilId: number, since: Date) {
  return db
    .selectFrom('aspiration')
    .select(['kelurahan_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('council_id', '=', councilId)
    .where('received_at', '>=', since)
    .where('kelurahan_id', 'is not', null)
    .groupBy('kelurahan_id')
    .execute();
}

/**
 * Per title/description stem (the indonesian lexemes of the stored search vector, weights A and B),
 * in how many aspirations it occurs in each of the nine windows of seven days ending today
 * (Jakarta): 8 the last seven days, 0 the oldest.
 */
export async function weeklyStems(db: Db, councilId: number, today: string) {
  const result = await sql<{ week: number; stem: string; n: string }>`
    select 8 - (${today}::date - (a.received_at at time zone 'Asia/Jakarta')::date) / 7 as week,
           u.lexeme as stem, count(*) as n
    from aspiration a, unnest(a.public_search) u
    where a.council_id = ${councilId}
      and a.received_at >= (${today}::date - 62)::timestamp at time zone 'Asia/Jakarta'
      and a.received_at < (${today}::date + 1)::timestamp at time zone 'Asia/Jakarta'
      and array_to_string(u.weights, '') ~ '[AB]'
    group by 1, 2`.execute(db);
  return result.rows;
}
