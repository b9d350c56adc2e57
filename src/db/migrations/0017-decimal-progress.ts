/**
 * Contractors report physical progress with a decimal (61,5 %): the project's progress and each
 * report's become double precision (read as plain numbers by both engines), still 0 to 100.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('project')
    .alterColumn('progress', (c) => c.setDataType('double precision'))
    .execute();
  await db.schema
    .alterTable('project_update')
    .alterColumn('progress', (c) => c.setDataType('double precision'))
    .execute();
}
