/**
 * Reses: the council's recess periods, and each member's report of one — the places and days
 * visited with attendance and photos, and the input received there, each item filed as an
 * aspiration (channel "reses") so that it is routed and followed like any other.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('reses_period')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'date', (c) => c.notNull())
      .addColumn('ends_on', 'date', (c) => c.notNull())
      .addUniqueConstraint('reses_period_name', ['council_id', 'name'])
      .addCheckConstraint('reses_period_order', sql`starts_on <= ends_on`),
  ).execute();

  await timestamps(
    db.schema
      .createTable('reses_report')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('period_id', 'integer', (c) => c.notNull().references('reses_period.id').onDelete('cascade'))
      .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id').onDelete('cascade'))
      .addColumn('dapil_id', 'integer', (c) => c.references('dapil.id').onDelete('set null'))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('published_at', 'timestamptz')
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addUniqueConstraint('reses_report_once', ['period_id', 'member_id']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('reses_visit')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reses_report.id').onDelete('cascade'))
      .addColumn('visited_on', 'date', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull())
      .addColumn('kelurahan_id', 'integer', (c) => c.references('kelurahan.id').onDelete('set null'))
      .addColumn('attendance', 'integer', (c) => c.notNull().check(sql`attendance between 0 and 100000`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await db.schema.createIndex('reses_visit_report_idx').on('reses_visit').column('report_id').execute();

  await timestamps(
    db.schema
      .createTable('reses_photo')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('visit_id', 'integer', (c) => c.notNull().references('reses_visit.id').onDelete('cascade'))
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('reses_photo_visit_idx').on('reses_photo').column('visit_id').execute();

  await timestamps(
    db.schema
      .createTable('reses_input')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('report_id', 'integer', (c) => c.notNull().references('reses_report.id').onDelete('cascade'))
      .addColumn('visit_id', 'integer', (c) => c.references('reses_visit.id').onDelete('set null'))
      .addColumn('aspiration_code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('reses_input_report_idx').on('reses_input').column('report_id').execute();
  await db.schema.createIndex('reses_input_code_idx').on('reses_input').column('aspiration_code').execute();
}
