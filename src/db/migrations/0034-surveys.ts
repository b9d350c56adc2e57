/**
 * Surveys: a survey in sections of questions (with their choices and matrix rows), the
 * responses people give — started, resumable by a key only its hash is kept of, submitted once —,
 * who with an account took part in an anonymous one (apart from what they said), and every raw
 * answer, so that any figure (the IKM above all) is recomputed from them.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('council_id', 'integer', (c) => c.notNull().references('council.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('general', 'ikm')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('service_unit', 'text', (c) =>
      c.check(sql`service_unit in ('aspiration', 'information', 'aspiration_room')`),
    )
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('audience', 'text', (c) =>
      c.notNull().defaultTo('everyone').check(sql`audience in ('everyone', 'service_users', 'sample')`),
    )
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'closed')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('previous_id', 'integer', (c) => c.references('survey.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('survey_period_in_order', sql`opens_on <= closes_on`)
    .addCheckConstraint('survey_ikm_has_unit', sql`kind <> 'ikm' or service_unit is not null`)
    // Who is invited when the audience is those who used a service: the users of its unit.
    .addCheckConstraint('survey_users_of_a_unit', sql`audience <> 'service_users' or service_unit is not null`)
    .execute();
  await db.schema.createIndex('survey_by_council').on('survey').columns(['council_id', 'status', 'opens_on']).execute();

  await db.schema
    .createTable('survey_section')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('template_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_section_position', ['survey_id', 'position'])
    .execute();

  await db.schema
    .createTable('survey_question')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('survey_section.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('single', 'multiple', 'likert4', 'likert5', 'number', 'short_text', 'long_text', 'matrix')`,
        ),
    )
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('help', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('min_value', 'integer')
    .addColumn('max_value', 'integer')
    .addColumn('show_if_question_id', 'integer', (c) => c.references('survey_question.id').onDelete('set null'))
    .addColumn('show_if_value', 'text')
    .addColumn('ikm_element', 'smallint', (c) => c.check(sql`ikm_element between 1 and 9`))
    .addColumn('template_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_question_code', ['survey_id', 'code'])
    .addUniqueConstraint('survey_question_position', ['section_id', 'position'])
    .execute();

  await db.schema
    .createTable('survey_choice')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('question_id', 'integer', (c) => c.notNull().references('survey_question.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('option', 'row')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_choice_value', ['question_id', 'role', 'value'])
    .execute();

  await db.schema
    .createTable('survey_response')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('resume_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('section_position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index survey_response_one_per_account on survey_response (survey_id, user_id) where user_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('survey_response_submitted')
    .on('survey_response')
    .columns(['survey_id', 'submitted_at'])
    .execute();

  // An invitation by a private link: to someone who used the service (an aspiration resolved, a
  // visit to the aspiration room) or to an address of a sample list. Its key is also the key of the
  // answers it leads to, so one invitation gives one response. Addresses are not kept here: the
  // reference of a list's address is its keyed hash, which only stops the same address twice.
  await db.schema
    .createTable('survey_invitation')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('aspiration', 'appointment', 'list')`))
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_invitation_once', ['survey_id', 'source', 'source_ref'])
    .execute();

  // Who with an account has answered an anonymous survey, kept apart from what they answered: the
  // response carries no account, so the answers cannot be traced back through it.
  await db.schema
    .createTable('survey_participant')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('survey.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_participant_once', ['survey_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('survey_answer')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('response_id', 'integer', (c) => c.notNull().references('survey_response.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('survey_question.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('survey_answer_once', ['response_id', 'question_id', 'item'])
    .execute();
  await db.schema.createIndex('survey_answer_by_question').on('survey_answer').columns(['question_id']).execute();
}
