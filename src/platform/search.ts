/**
 * Full-text search as people type it (PostgreSQL's web-search syntax: words, "phrases", -not, or).
 * What reaches PostgreSQL is bounded first: a run of operators with no word between them (fifty
 * hyphens) makes it build a query "too complex" to run, and a hundred words say no more than twelve.
 */
import { type RawBuilder, sql } from 'kysely';

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
