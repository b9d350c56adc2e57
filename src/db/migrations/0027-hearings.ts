/**
 * Virtual hearings: a meeting of the agenda that takes citizens' questions while it is streamed.
 * Questions come from an account or from an address confirmed by a mailed link; they wait for a
 * moderator, who approves, rejects or merges them into another; people support them (one vote a
 * person); each is answered with words or the point of the recording where it was answered, or
 * after the meeting becomes an aspiration (channel "siaran").
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await sql`alter table aspiration drop constraint if exists aspiration_channel_check`.execute(db);
  await sql`alter table aspiration add constraint aspiration_channel_check
    check (channel in ('web','ruang_aspirasi','telepon','surat','reses','open311','sms','whatsapp','forum','siaran'))`.execute(
    db,
  );

  await timestamps(
    db.schema
      .createTable('hearing')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('meeting_id', 'integer', (c) => c.notNull().unique().references('meeting.id').onDelete('cascade'))
      .addColumn('questions_open', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('email_questions', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('hearing_council_idx').on('hearing').columns(['council_id', 'id']).execute();

  await timestamps(
    db.schema
      .createTable('hearing_question')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('hearing_id', 'integer', (c) => c.notNull().references('hearing.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('asker_label', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('email_sealed', 'text')
      .addColumn('email_lookup', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().defaultTo('pending').check(sql`status in ('pending','approved','rejected','merged')`),
      )
      .addColumn('merged_into', 'integer', (c) => c.references('hearing_question.id').onDelete('set null'))
      .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('answer', 'text')
      .addColumn('answer_second', 'integer', (c) => c.check(sql`answer_second between 0 and 86400`))
      .addColumn('answered_at', 'timestamptz')
      .addColumn('aspiration_code', 'text')
      .addColumn('moderated_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
      .addColumn('moderated_at', 'timestamptz'),
  ).execute();
  await db.schema
    .createIndex('hearing_question_queue_idx')
    .on('hearing_question')
    .columns(['hearing_id', 'status', 'votes desc', 'id'])
    .execute();
  await db.schema.createIndex('hearing_question_user_idx').on('hearing_question').column('user_id').execute();
  await db.schema.createIndex('hearing_question_email_idx').on('hearing_question').column('email_lookup').execute();

  await db.schema
    .createTable('hearing_vote')
    .addColumn('question_id', 'integer', (c) => c.notNull().references('hearing_question.id').onDelete('cascade'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('hearing_vote_pk', ['question_id', 'voter'])
    .execute();

  await db.schema
    .createTable('hearing_pending_question')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('hearing_id', 'integer', (c) => c.notNull().references('hearing.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('asker_label', 'text', (c) => c.notNull())
    .addColumn('email_sealed', 'text', (c) => c.notNull())
    .addColumn('email_lookup', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('hearing_pending_created_idx')
    .on('hearing_pending_question')
    .column('created_at')
    .execute();
}
