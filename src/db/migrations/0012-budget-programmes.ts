/**
 * Budget lines carry the names of their programme, kegiatan and sub-kegiatan (Permendagri 90/2019
 * codes were kept already), so spending can be read by what it is for, not only by account.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('budget_line')
    .addColumn('program_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kegiatan_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subkegiatan_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`create index budget_line_program_idx on budget_line (council_id, year, stage, program_code)`.execute(db);
}
