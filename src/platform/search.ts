/**
 * Full-text search as people type it (PostgreSQL's web-search syntax: words, "phrases", -not, or).
 * What reaches PostgreSQL is bounded first: a run of operators with no word between them (fifty
 * hyphens) makes it build a query "too complex" to run, and a hundred words say no more than twelve.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

export const MAX_SEARCH_WORDS = 12;

/** The words of a search, at most MAX_SEARCH_WORDS, each holding a letter or a digit. */
export function searchWords(typed: string): string {
  return typed
    .split(/\s+/)
    .map((word) => word.replace(/^-{2,}/, '-'))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_SEARCH_WORDS)
    .join(' ');
}

/** `websearch_to_tsquery` over the bounded words, in the given text-search configuration. */
export function tsQuery(config: 'indonesian' | 'simple', typed: string): RawBuilder<unknown> {
  return sql`websearch_to_tsquery(${sql.lit(config)}, ${searchWords(typed)})`;
}

/**
 * Whether a column's tsvector holds the words stemmed in Indonesian or as written (a name, a number
 * the stemmer would change), as one `@@`. Two `@@` joined by OR made the planner cost each of them
 * on every search (about 2 ms of planning over 100 000 aspirations, more than the search). When
 * stemming changes no word the two queries are the same, and joining them anyway made the index
 * check every word twice (40 % fewer searches a second on the bench's words); both queries are
 * constant for the statement, so PostgreSQL works out which to use once, when planning.
 */
export function matchesWords(
  column: RawBuilder<unknown>,
  typed: string,
  /**
   * `'row by row'`: the same match in a form no index serves and whose share of rows the planner
   * takes for a half (`coalesce(match, false)`), for reading a run of rows newest first until
   * enough match. Given the match as it is, the planner joined such a run with the search index and
   * read every match of a common word in the whole table (24,780 for "jalan rusak" over 100,000
   * aspirations: 12-15 ms, where reading the newest 370 rows finds 101 in 0.4 ms); given it inside
   * another expression, it took it for rare and read the whole run before sorting it (6.6 ms for
   * 6,500 rows, against 0.8 ms stopping at the 80th match).
   */
  read: 'by index' | 'row by row' = 'by index',
): RawBuilder<SqlBool> {
  const words = searchWords(typed);
  const stemmed = sql`websearch_to_tsquery('indonesian', ${words})`;
  const written = sql`websearch_to_tsquery('simple', ${words})`;
  const match = sql<SqlBool>`${column} @@ (case when ${stemmed} = ${written} then ${stemmed} else ${stemmed} || ${written} end)`;
  return read === 'by index' ? match : sql<SqlBool>`coalesce(${match}, false)`;
}

/** At most this many words are merged from word lists; a longer search is matched text by text. */
export const MAX_LISTED_WORDS = 5;

/** One word of a query tree as PostgreSQL prints it, with nothing in it that needs escaping. */
const PRINTED_WORD = /^'([^'\\]+)'$/;

/** The words of a query tree that only says "all of these words" (`'jalan' & 'rusak'`), else undefined. */
function allOf(tree: string): string[] | undefined {
  const words: string[] = [];
  for (const part of tree.split(' & ')) {
    const word = PRINTED_WORD.exec(part)?.[1];
    if (word === undefined) return undefined;
    if (!words.includes(word)) words.push(word);
  }
  return words.length > 0 && words.length <= MAX_LISTED_WORDS ? words : undefined;
}

/** The word lists of searches already worked out, per database (its stemmer), by the words typed. */
const listsOf = new WeakMap<object, Map<string, readonly (readonly string[])[] | null>>();
const MAX_KEPT_LISTS = 2000;

/**
 * What a search asks, as the sets of words of which a text must have every word of one set: the
 * words stemmed in Indonesian, and, when stemming changed one, the words as written (as
 * `matchesWords` matches). `undefined` when the search says more than "all these words" (a
 * "phrase", -not, or), has no word left, or more than MAX_LISTED_WORDS: such a search is matched
 * text by text. Worked out by PostgreSQL's own parser and stemmer, once per distinct search.
 */
export async function searchWordLists(
  db: Kysely<Database>,
  typed: string,
): Promise<readonly (readonly string[])[] | undefined> {
  const words = searchWords(typed);
  let known = listsOf.get(db);
  if (known === undefined) {
    known = new Map();
    listsOf.set(db, known);
  }
  let lists = known.get(words);
  if (lists === undefined) {
    const { rows } = await sql<{ stemmed: string; written: string }>`select
        websearch_to_tsquery('indonesian', ${words})::text as stemmed,
        websearch_to_tsquery('simple', ${words})::text as written`.execute(db);
    const stemmed = allOf(rows[0]?.stemmed ?? '');
    const written = allOf(rows[0]?.written ?? '');
    lists =
      stemmed === undefined || written === undefined
        ? null
        : stemmed.join(' ') === written.join(' ')
          ? [stemmed]
          : [stemmed, written];
    if (known.size >= MAX_KEPT_LISTS) known.clear();
    known.set(words, lists);
  }
  return lists ?? undefined;
}
