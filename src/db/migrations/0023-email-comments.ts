/**
 * Comments without an account, where a consultation allows them: the words wait in
 * `consultation_pending_comment` until the writer opens the link mailed to them, and only then
 * become a comment. The comment keeps the address sealed (for the closing report's mail and the
 * writer's rights over it) and the link's hash, which stays the writer's way back to it.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consultation')
    .addColumn('email_comments', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('consultation_comment')
    .addColumn('email_sealed', 'text')
    .addColumn('email_lookup', 'text')
    .addColumn('token_hash', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_comment_email_idx')
    .on('consultation_comment')
    .column('email_lookup')
    .where(sql.ref('email_lookup'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('consultation_comment_token_idx')
    .on('consultation_comment')
    .column('token_hash')
    .unique()
    .where(sql.ref('token_hash'), 'is not', null)
    .execute();

  await db.schema
    .createTable('consultation_pending_comment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('consultation_section.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('consultation_comment.id').onDelete('cascade'))
    .addColumn('author_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quote', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kecamatan_id', 'integer', (c) => c.references('kecamatan.id').onDelete('set null'))
    .addColumn('email_sealed', 'text', (c) => c.notNull())
    .addColumn('email_lookup', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('consultation_pending_comment_email_idx')
    .on('consultation_pending_comment')
    .columns(['email_lookup', 'created_at'])
    .execute();
}
