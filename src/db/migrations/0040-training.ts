/**
 * Training: sessions the secretariat runs for members and staff (communication, public service,
 * digital tools, legislative drafting, budget analysis) and classes it opens to citizens (digital
 * literacy); who registered, who was there (checked in at the door by QR or ticked by staff), how
 * they rated it, and the certificate each attendee may show, verifiable by its code.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_session')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    // Officials (members and staff) or citizens (a public class).
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('pejabat','warga')`))
    .addColumn('topic', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`topic in ('komunikasi','pelayanan_publik','alat_digital','legal_drafting','analisis_anggaran','literasi_digital')`,
        ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online_url', 'text')
    .addColumn('material_url', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 10000`))
    .addColumn('registered', 'integer', (c) => c.notNull().defaultTo(0))
    // What the QR code at the door carries: not personal, shown again whenever staff open the session.
    .addColumn('checkin_code', 'text', (c) => c.notNull().unique())
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('training_session_span', sql`ends_at > starts_at`)
    .addCheckConstraint('training_session_where', sql`place is not null or online_url is not null`)
    .addCheckConstraint('training_session_places', sql`registered between 0 and capacity`)
    .execute();
  await db.schema
    .createIndex('training_session_council_start')
    .on('training_session')
    .columns(['council_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('training_registration')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('session_id', 'integer', (c) => c.notNull().references('training_session.id').onDelete('cascade'))
    // An official's account; a citizen in a public class may come without one.
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    // The name as the certificate gives it, and a citizen's contact for reminders; sealed.
    .addColumn('name_sealed', 'text')
    .addColumn('email_sealed', 'text')
    .addColumn('phone_sealed', 'text')
    // A citizen's email (or else phone) as a keyed hash: the same person registering twice (a form
    // sent again on a slow connection) takes one place, not two.
    .addColumn('contact_lookup', 'text')
    // The hash of a citizen's private link (their registration, evaluation and certificate).
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('attended_at', 'timestamptz')
    .addColumn('rating', 'integer', (c) => c.check(sql`rating between 1 and 5`))
    .addColumn('feedback', 'text')
    .addColumn('evaluated_at', 'timestamptz')
    .addColumn('certificate_code', 'text', (c) => c.unique())
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('training_registration_once', ['session_id', 'user_id'])
    .addUniqueConstraint('training_registration_contact_once', ['session_id', 'contact_lookup'])
    .addCheckConstraint('training_registration_evaluation', sql`(rating is null) = (evaluated_at is null)`)
    .addCheckConstraint('training_registration_certificate', sql`certificate_code is null or attended_at is not null`)
    .execute();
  await db.schema.createIndex('training_registration_user').on('training_registration').columns(['user_id']).execute();
}
