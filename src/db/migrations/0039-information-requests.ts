/**
 * Requests for public information (UU 14/2008 KIP, Pasal 21–22): the applicant's identity as the
 * law asks for it, sealed (name, address, contact, identity document number), what is wanted, why,
 * and how it is to be received; the day it was received, from which the legal clock runs in
 * working days (10, once extended by up to 7 with a reason); the decision and the answer; the
 * applicant's objection (keberatan, Pasal 35–36) and its answer; every step in its history. A new
 * role, the PPID officer, handles them and alone sees the identity.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table app_user drop constraint app_user_role_check`.execute(db);
  await sql`alter table app_user add constraint app_user_role_check
    check (role in ('citizen','staff','member','moderator','administrator','ppid'))`.execute(db);

  await db.schema
    .createTable('information_request')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // The hash of the private link that shows the applicant the whole request.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    // The identity, sealed; erased (null) once the request is long closed.
    .addColumn('name_sealed', 'text')
    .addColumn('address_sealed', 'text')
    .addColumn('email_sealed', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('identity_sealed', 'text')
    .addColumn('identity_erased_at', 'timestamptz')
    .addColumn('information', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull().check(sql`delivery in ('lihat','ambil','pos','email')`))
    // The Jakarta day it was received: the clock's day zero.
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('extension_days', 'integer', (c) => c.check(sql`extension_days between 1 and 7`))
    .addColumn('extension_reason', 'text')
    .addColumn('extended_at', 'timestamptz')
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('penuh','sebagian','ditolak','tidak_dikuasai')`))
    .addColumn('exemption', 'text')
    .addColumn('answer', 'text')
    .addColumn('answer_link', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'information_request_extension',
      sql`(extension_days is null) = (extension_reason is null) and (extension_days is null) = (extended_at is null)`,
    )
    .addCheckConstraint(
      'information_request_answer',
      sql`(decision is null) = (answered_at is null) and (decision is null) = (answered_on is null)
        and (decision is null) = (answer is null)`,
    )
    .addCheckConstraint(
      'information_request_exemption',
      sql`(decision in ('sebagian','ditolak')) = (exemption is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('information_request_council')
    .on('information_request')
    .columns(['council_id', 'received_on'])
    .execute();

  await db.schema
    .createTable('information_request_step')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('information_request.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('diterima','diperpanjang','dijawab','keberatan','keberatan_dijawab')`),
    )
    .addColumn('text', 'text')
    .addColumn('actor_user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('information_request_step_request')
    .on('information_request_step')
    .columns(['request_id', 'created_at'])
    .execute();

  // One objection per request, to the PPID's superior, for one or more of the law's reasons.
  await db.schema
    .createTable('information_objection')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'integer', (c) =>
      c.notNull().unique().references('information_request.id').onDelete('cascade'),
    )
    .addColumn('reasons', sql`text[]`, (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('dikabulkan','ditolak')`))
    .addColumn('answer', 'text')
    .addColumn('answered_on', 'date')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'information_objection_reasons',
      sql`cardinality(reasons) >= 1 and reasons <@ array['pengecualian','berkala','tidak_ditanggapi','tidak_sesuai','tidak_dipenuhi','biaya','terlambat']::text[]`,
    )
    .addCheckConstraint(
      'information_objection_answer',
      sql`(outcome is null) = (answer is null) and (outcome is null) = (answered_on is null) and (outcome is null) = (answered_at is null)`,
    )
    .execute();
}
