/**
 * Schemas every feature's routes use: text of a bounded length, an id in the path, and the query
 * every page accepts (the language and a one-time notice after a redirect).
 */
import { type Static, Type } from 'typebox';

/** Text of at most `max` characters. */
export const text = (max: number) => Type.String({ maxLength: max });
/** Text of at most `max` characters that may be left out. */
export const optionalText = (max: number) => Type.Optional(text(max));

/** A row's id in the path; bounded so that no number reaches the database that it cannot hold. */
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_000_000_000 }) });
export type IdParams = Static<typeof IdParams>;

/** What any page's address may carry: ?lang= and ?pesan= (a notice to show once). */
export const PageQuery = Type.Object({ lang: optionalText(5), pesan: optionalText(40) });
export type PageQuery = Static<typeof PageQuery>;

/**
 * A text parameter of the address, for a page helper that several routes share (their query
 * schemas differ, so the helper cannot be typed by one); the route's schema has checked it already.
 */
export function queryText(request: { query: unknown }, name: string): string | undefined {
  const query = request.query;
  const value: unknown = typeof query === 'object' && query !== null ? Reflect.get(query, name) : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
