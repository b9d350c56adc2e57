/**
 * Short statements on a consultation that citizens propose and everyone votes on (agree, disagree,
 * pass), as in Pol.is: the results show which statements unite people and which divide them. A
 * proposed statement waits for a moderator before anyone can vote on it.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultation_statement')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultation.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('held').check(sql`status in ('published','held','hidden')`),
    )
    .addColumn('hidden_reason', 'text')
    .addColumn('agree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disagree', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pass', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('consultation_statement_idx')
    .on('consultation_statement')
    .columns(['consultation_id', 'status'])
    .execute();
  await db.schema
    .createTable('consultation_statement_vote')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('statement_id', 'integer', (c) =>
      c.notNull().references('consultation_statement.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('vote', 'text', (c) => c.notNull().check(sql`vote in ('agree','disagree','pass')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('consultation_statement_vote_once', ['statement_id', 'user_id'])
    .execute();
}
