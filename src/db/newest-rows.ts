/** The newest rows of a council's table, by id, with when each last changed: what a sitemap lists. */
import type { Db } from './index.ts';
import type { Database } from './schema.ts';

/** The tables with an id, a council and a last change. */
type CouncilTable = {
  [K in keyof Database]: Database[K] extends { id: unknown; council_id: number; updated_at: unknown } ? K : never;
}[keyof Database];

export function newestRows(db: Db, table: CouncilTable, councilId: number, limit: number) {
  // Typed through one such table: the statement is the same for each.
  return db
    .selectFrom(table as 'regulation')
    .select(['id', 'updated_at'])
    .where('council_id', '=', councilId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
