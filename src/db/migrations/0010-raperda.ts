/**
 * Drafts in progress: the yearly Propemperda list and each Raperda's stage, with a dated history
 * (linked to the meetings that handled it), documents per stage, and people who follow it.
 */
import { type Kysely, sql } from 'kysely';

const stages = sql`('perencanaan','penyusunan','pembahasan','penetapan','pengundangan')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  const timestamps = (t: ReturnType<typeof db.schema.createTable>) =>
    t
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('raperda')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
      .addColumn('propemperda_year', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('initiator', 'text', (c) => c.notNull().check(sql`initiator in ('dprd','pemerintah')`))
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('stage', 'text', (c) => c.notNull().defaultTo('perencanaan').check(sql`stage in ${stages}`))
      .addColumn('body_id', 'integer', (c) => c.references('body.id').onDelete('set null'))
      .addColumn('regulation_id', 'integer', (c) => c.references('regulation.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('raperda_year_idx').on('raperda').columns(['council_id', 'propemperda_year']).execute();

  await timestamps(
    db.schema
      .createTable('raperda_step')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('raperda_id', 'integer', (c) => c.notNull().references('raperda.id').onDelete('cascade'))
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${stages}`))
      .addColumn('happened_on', 'date', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('meeting_id', 'integer', (c) => c.references('meeting.id').onDelete('set null'))
      .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null')),
  ).execute();
  await db.schema.createIndex('raperda_step_idx').on('raperda_step').columns(['raperda_id', 'id']).execute();

  await timestamps(
    db.schema
      .createTable('raperda_document')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('raperda_id', 'integer', (c) => c.notNull().references('raperda.id').onDelete('cascade'))
      .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${stages}`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('file', 'text', (c) => c.notNull().unique())
      .addColumn('bytes', 'integer', (c) => c.notNull()),
  ).execute();

  // Followers confirm by an emailed link; the same token ends the following.
  await timestamps(
    db.schema
      .createTable('raperda_follower')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('raperda_id', 'integer', (c) => c.notNull().references('raperda.id').onDelete('cascade'))
      .addColumn('email_sealed', 'text', (c) => c.notNull())
      .addColumn('email_lookup', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('confirmed_at', 'timestamptz')
      .addUniqueConstraint('raperda_follower_unique', ['raperda_id', 'email_lookup']),
  ).execute();
}
