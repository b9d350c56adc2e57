/**
 * A training session's evaluation as a survey of the survey builder: staff name a published
 * survey, and each person present is invited to it once the session is over, by a personal link
 * (an invitation of the new source "training", referring to the registration). And the
 * information service's users, now that its requests are kept here: a source for them too.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('training_session')
    .addColumn('survey_id', 'integer', (c) => c.references('survey.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('training_registration').addColumn('survey_invited_at', 'timestamptz').execute();
  await sql`alter table survey_invitation drop constraint survey_invitation_source_check`.execute(db);
  await sql`alter table survey_invitation add constraint survey_invitation_source_check
    check (source in ('aspiration', 'appointment', 'list', 'training', 'information_request'))`.execute(db);
}
