/**
 * Public consultations: a document (an RPJMD chapter, a Raperda, any text) split into sections
 * that citizens comment on, support and answer agree / disagree / unsure; dated phases; the
 * meetings where offline sessions happen; moderation (reports, held and hidden comments); and the
 * closing report, which gives every comment its fate.
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
      .createTable('consultation')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rpjmd','raperda','lainnya')`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body_id', 'integer', (c) => c.references('body.id').onDelete('set null'))
      .addColumn('raperda_id', 'integer', (c) => c.references('raperda.id').onDelete('set null'))
      .addColumn('opens_on', 'date', (c) => c.notNull())
      .addColumn('comments_from', 'date', (c) => c.notNull())
      .addColumn('comments_until', 'date', (c) => c.notNull())
      .addColumn('report_due', 'date', (c) => c.notNull())
      .addColumn('hold_first_comments', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('report_summary', 'text')
      .addColumn('report_published_at', 'timestamptz')
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addCheckConstraint(
        'consultation_phases_in_order',
        sql`opens_on <= comments_from and comments_from <= comments_until and comments_until <= report_due`,
      ),
  ).execute();
  await db.schema
    .createIndex('consultation_council_idx')
    .on('consultation')
    .columns(['council_id', 'opens_on'])
    .execute();
  await db.schema.createIndex('consultation_raperda_idx').on('consultation').column('raperda_id').execute();

  await timestamps(
    db.schema
      .createTable('consultation_section')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('heading', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      // "What we heard and what we did" for this section, written when the comments are answered.
      .addColumn('report', 'text')
      .addUniqueConstraint('consultation_section_position', ['consultation_id', 'position']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('consultation_meeting')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
      .addUniqueConstraint('consultation_meeting_once', ['consultation_id', 'meeting_id']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('consultation_comment')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
      .addColumn('section_id', 'integer', (c) => c.notNull().references('consultation_section.id').onDelete('cascade'))
      // One level of replies: a reply's parent is a comment that is not itself a reply.
      .addColumn('parent_id', 'integer', (c) => c.references('consultation_comment.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      // The name shown with the comment, as its author chose it; empty shows "Warga".
      .addColumn('author_label', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('online','offline')`))
      // Offline input: where it came from (a letter, a musyawarah's minutes), entered by staff.
      .addColumn('source', 'text')
      .addColumn('quote', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('kecamatan_id', 'integer', (c) => c.references('kecamatan.id').onDelete('set null'))
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('published').check(sql`status in ('published','held','hidden')`),
      )
      .addColumn('hidden_reason', 'text')
      .addColumn('support_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('open_reports', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('fate', 'text', (c) => c.check(sql`fate in ('accepted','partly','rejected')`))
      .addColumn('fate_reason', 'text')
      .addColumn('fate_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('consultation_comment_section_idx')
    .on('consultation_comment')
    .columns(['section_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('consultation_comment_consultation_idx')
    .on('consultation_comment')
    .columns(['consultation_id', 'status'])
    .execute();
  await db.schema
    .createIndex('consultation_comment_parent_idx')
    .on('consultation_comment')
    .column('parent_id')
    .execute();
  await db.schema.createIndex('consultation_comment_user_idx').on('consultation_comment').column('user_id').execute();

  await timestamps(
    db.schema
      .createTable('consultation_support')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comment.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addUniqueConstraint('consultation_support_once', ['comment_id', 'user_id']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('consultation_report')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('consultation_comment.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('consultation_report_comment_idx')
    .on('consultation_report')
    .column('comment_id')
    .execute();

  await timestamps(
    db.schema
      .createTable('consultation_stance')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('section_id', 'integer', (c) => c.notNull().references('consultation_section.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('stance', 'text', (c) => c.notNull().check(sql`stance in ('agree','disagree','unsure')`))
      .addUniqueConstraint('consultation_stance_once', ['section_id', 'user_id']),
  ).execute();
}
