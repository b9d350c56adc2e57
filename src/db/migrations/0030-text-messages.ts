/**
 * Messages that come in by SMS and WhatsApp: each one received (once per gateway message id, and
 * counted per number for the rate limit), the short conversation a number is in while it reports
 * step by step (with the photos it sent, already stripped), and the numbers that sent STOP, which
 * get no message from the council until they ask again. Numbers are kept only as lookups.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_opt_out')
    .addColumn('phone_lookup', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('text_message_in')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms','whatsapp')`))
    .addColumn('gateway_id', 'text')
    .addColumn('phone_lookup', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('text_message_in_gateway_id')
    .on('text_message_in')
    .columns(['council_id', 'channel', 'gateway_id'])
    .unique()
    .where('gateway_id', 'is not', null)
    .execute();
  await db.schema
    .createIndex('text_message_in_phone')
    .on('text_message_in')
    .columns(['phone_lookup', 'received_at'])
    .execute();

  await db.schema
    .createTable('text_conversation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms','whatsapp')`))
    .addColumn('phone_lookup', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('kind','kecamatan','text','confirm')`))
    .addColumn('kind', 'text')
    .addColumn('kecamatan_id', 'integer', (c) => c.references('kecamatan.id').onDelete('cascade'))
    .addColumn('body', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('text_conversation_number', ['council_id', 'channel', 'phone_lookup'])
    .execute();

  await db.schema
    .createTable('text_conversation_photo')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('text_conversation.id').onDelete('cascade'))
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
