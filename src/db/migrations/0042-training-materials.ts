/**
 * A training session's materials as an uploaded PDF, kept by the portal beside (or instead of)
 * a link to materials elsewhere: the file's stored name and its size.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('training_session')
    .addColumn('material_file', 'text')
    .addColumn('material_bytes', 'integer')
    .execute();
  await sql`alter table training_session add constraint training_session_material
    check ((material_file is null) = (material_bytes is null))`.execute(db);
}
