/**
 * Web Push: the browsers that asked for notifications (each push subscription, with the keys the
 * message is encrypted to), what each follows (an aspiration, a draft, a project, a forum thread),
 * and whether an official's browser wants news of new items in the queue. The outbox gains the
 * channel "push".
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_subscription')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('cascade'))
    .addColumn('staff_queue', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('push_follow')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('push_subscription.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('push_follow_once', ['subscription_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('push_follow_subject')
    .on('push_follow')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await sql`alter table outbox drop constraint outbox_channel_check`.execute(db);
  await sql`alter table outbox add constraint outbox_channel_check check (channel in ('email','sms','whatsapp','push'))`.execute(
    db,
  );
}
