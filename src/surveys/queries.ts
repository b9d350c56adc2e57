/** Queries over surveys, their sections, questions and choices, the responses and their raw answers. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database, SurveyStatus } from '../db/schema.ts';

const surveyColumns = [
  'survey.id',
  'survey.kind',
  'survey.title',
  'survey.intro',
  'survey.service_unit',
  'survey.opens_on',
  'survey.closes_on',
  'survey.audience',
  'survey.anonymous',
  'survey.status',
  'survey.version',
  'survey.previous_id',
  'survey.published_at',
  'survey.closed_at',
  'survey.updated_at',
] as const;

/** The council's surveys with how many responses each has, and how many were sent; newest first. */
export function listSurveys(db: Db, councilId: number, statuses: readonly SurveyStatus[]) {
  return db
    .selectFrom('survey')
    .select(surveyColumns)
    .select((eb) => [
      eb
        .selectFrom('survey_response')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('survey_response.survey_id', '=', 'survey.id')
        .where('survey_response.submitted_at', 'is not', null)
        .as('submitted'),
      eb
        .selectFrom('survey_response')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('survey_response.survey_id', '=', 'survey.id')
        .as('started'),
    ])
    .where('survey.council_id', '=', councilId)
    .where('survey.status', 'in', statuses)
    .orderBy('survey.opens_on', 'desc')
    .orderBy('survey.id', 'desc')
    .execute();
}

export function surveyById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('survey')
    .select(surveyColumns)
    .where('survey.council_id', '=', councilId)
    .where('survey.id', '=', id)
    .executeTakeFirst();
}

export async function insertSurvey(db: Db, values: Insertable<Database['survey']>) {
  const row = await db.insertInto('survey').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function updateSurvey(db: Db, id: number, values: Updateable<Database['survey']>) {
  return db
    .updateTable('survey')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Moves a survey on from one status to the next, only if it is still in the first: a claim. */
export async function moveStatus(db: Db, id: number, from: SurveyStatus, values: Updateable<Database['survey']>) {
  const result = await db
    .updateTable('survey')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function sectionsOf(db: Db, surveyId: number) {
  return db
    .selectFrom('survey_section')
    .select(['id', 'position', 'title', 'intro', 'template_key'])
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
}

export function questionsOf(db: Db, surveyId: number) {
  return db
    .selectFrom('survey_question')
    .select([
      'id',
      'section_id',
      'position',
      'code',
      'kind',
      'prompt',
      'help',
      'required',
      'min_value',
      'max_value',
      'show_if_question_id',
      'show_if_value',
      'ikm_element',
      'template_key',
    ])
    .where('survey_id', '=', surveyId)
    .orderBy('section_id')
    .orderBy('position')
    .execute();
}

export function choicesOf(db: Db, surveyId: number) {
  return db
    .selectFrom('survey_choice')
    .innerJoin('survey_question', 'survey_question.id', 'survey_choice.question_id')
    .select([
      'survey_choice.question_id',
      'survey_choice.role',
      'survey_choice.position',
      'survey_choice.value',
      'survey_choice.label',
    ])
    .where('survey_question.survey_id', '=', surveyId)
    .orderBy('survey_choice.question_id')
    .orderBy('survey_choice.role')
    .orderBy('survey_choice.position')
    .execute();
}

export async function insertSection(db: Db, values: Omit<Insertable<Database['survey_section']>, 'position'>) {
  const row = await db
    .insertInto('survey_section')
    .values({
      ...values,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from survey_section where survey_id = ${values.survey_id})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertQuestion(db: Db, values: Omit<Insertable<Database['survey_question']>, 'position'>) {
  const row = await db
    .insertInto('survey_question')
    .values({
      ...values,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from survey_question where section_id = ${values.section_id})`,
    })
    .onConflict((oc) => oc.constraint('survey_question_code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function insertChoices(db: Db, rows: Insertable<Database['survey_choice']>[]) {
  if (rows.length > 0) await db.insertInto('survey_choice').values(rows).execute();
}

export function deleteQuestion(db: Db, surveyId: number, questionId: number) {
  return db.deleteFrom('survey_question').where('survey_id', '=', surveyId).where('id', '=', questionId).execute();
}

export function deleteSection(db: Db, surveyId: number, sectionId: number) {
  return db.deleteFrom('survey_section').where('survey_id', '=', surveyId).where('id', '=', sectionId).execute();
}

/** How many people started answering a survey, and how many of them sent their answers. */
export async function responseCounts(db: Db, surveyId: number) {
  const row = await db
    .selectFrom('survey_response')
    .select((eb) => [eb.fn.countAll<string>().as('started'), eb.fn.count<string>('submitted_at').as('submitted')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { started: Number(row.started), submitted: Number(row.submitted) };
}

// ------------------------------------------------------------ responses

const responseColumns = ['id', 'survey_id', 'user_id', 'section_position', 'submitted_at'] as const;

export async function insertResponse(db: Db, values: Insertable<Database['survey_response']>) {
  return db
    .insertInto('survey_response')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning(responseColumns)
    .executeTakeFirst();
}

export function responseByHash(db: Db, surveyId: number, hash: string) {
  return db
    .selectFrom('survey_response')
    .select(responseColumns)
    .where('survey_id', '=', surveyId)
    .where('resume_hash', '=', hash)
    .executeTakeFirst();
}

export function responseOfUser(db: Db, surveyId: number, userId: number) {
  return db
    .selectFrom('survey_response')
    .select(responseColumns)
    .where('survey_id', '=', surveyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function replaceResponseHash(db: Db, id: number, hash: string) {
  return db
    .updateTable('survey_response')
    .set({ resume_hash: hash, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function answersOf(db: Db, responseId: number) {
  return db
    .selectFrom('survey_answer')
    .select(['question_id', 'item', 'value', 'score'])
    .where('response_id', '=', responseId)
    .orderBy('id')
    .execute();
}

/** The answers to some questions, replaced by new ones (a section sent again after going back). */
export async function replaceAnswers(
  db: Db,
  responseId: number,
  questionIds: number[],
  rows: { question_id: number; item: string; value: string; score: number | null }[],
) {
  if (questionIds.length > 0)
    await db
      .deleteFrom('survey_answer')
      .where('response_id', '=', responseId)
      .where('question_id', 'in', questionIds)
      .execute();
  if (rows.length > 0)
    await db
      .insertInto('survey_answer')
      .values(rows.map((r) => ({ ...r, response_id: responseId })))
      .execute();
}

export function setPosition(db: Db, responseId: number, position: number) {
  return db
    .updateTable('survey_response')
    .set({ section_position: position, updated_at: new Date() })
    .where('id', '=', responseId)
    .where('submitted_at', 'is', null)
    .execute();
}

/** Marks a response sent, once: false when it already was. */
export async function markSubmitted(db: Db, responseId: number, at: Date) {
  const result = await db
    .updateTable('survey_response')
    .set({ submitted_at: at, updated_at: at })
    .where('id', '=', responseId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records that an account took part in an anonymous survey: false when it already had. */
export async function insertParticipant(db: Db, surveyId: number, userId: number) {
  const row = await db
    .insertInto('survey_participant')
    .values({ survey_id: surveyId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasParticipated(db: Db, surveyId: number, userId: number) {
  const row = await db
    .selectFrom('survey_participant')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every raw answer of the sent responses of a survey, response by response. */
export function submittedAnswers(db: Db, surveyId: number) {
  return db
    .selectFrom('survey_answer')
    .innerJoin('survey_response', 'survey_response.id', 'survey_answer.response_id')
    .select([
      'survey_answer.response_id',
      'survey_answer.question_id',
      'survey_answer.item',
      'survey_answer.value',
      'survey_answer.score',
    ])
    .where('survey_response.survey_id', '=', surveyId)
    .where('survey_response.submitted_at', 'is not', null)
    .orderBy('survey_answer.response_id')
    .orderBy('survey_answer.id')
    .execute();
}

/** The sent responses of a survey: when (to the day, for the anonymised export) and how many. */
export function submittedResponses(db: Db, surveyId: number) {
  return db
    .selectFrom('survey_response')
    .select(['id', 'submitted_at'])
    .where('survey_id', '=', surveyId)
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

/** Surveys an account answered with its name on them (not anonymous), and those it took part in. */
export function surveysOfUser(db: Db, userId: number) {
  return db
    .selectFrom('survey')
    .select(['survey.id', 'survey.title', 'survey.anonymous'])
    .select((eb) => [
      eb
        .selectFrom('survey_response')
        .select('survey_response.submitted_at')
        .whereRef('survey_response.survey_id', '=', 'survey.id')
        .where('survey_response.user_id', '=', userId)
        .as('named_at'),
      eb
        .selectFrom('survey_participant')
        .select('survey_participant.created_at')
        .whereRef('survey_participant.survey_id', '=', 'survey.id')
        .where('survey_participant.user_id', '=', userId)
        .as('took_part_at'),
    ])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('survey_response')
            .select('survey_response.id')
            .whereRef('survey_response.survey_id', '=', 'survey.id')
            .where('survey_response.user_id', '=', userId),
        ),
        eb.exists(
          eb
            .selectFrom('survey_participant')
            .select('survey_participant.id')
            .whereRef('survey_participant.survey_id', '=', 'survey.id')
            .where('survey_participant.user_id', '=', userId),
        ),
      ]),
    )
    .orderBy('survey.id')
    .execute();
}

/** What an account answered with its name on it (surveys that are not anonymous), question by question. */
export function namedAnswersOfUser(db: Db, userId: number) {
  return db
    .selectFrom('survey_answer')
    .innerJoin('survey_response', 'survey_response.id', 'survey_answer.response_id')
    .innerJoin('survey_question', 'survey_question.id', 'survey_answer.question_id')
    .select(['survey_response.survey_id', 'survey_question.code', 'survey_answer.item', 'survey_answer.value'])
    .where('survey_response.user_id', '=', userId)
    .orderBy('survey_answer.id')
    .execute();
}

/** Unties an account from the answers it gave with its name: they stay as anonymous figures. */
export async function forgetUser(db: Db, userId: number) {
  await db
    .updateTable('survey_response')
    .set({ user_id: null, updated_at: new Date() })
    .where('user_id', '=', userId)
    .execute();
  await db.deleteFrom('survey_participant').where('user_id', '=', userId).execute();
}

// ------------------------------------------------------------ invitations

/** Open surveys (published, in their period) that invite those who used a service. */
export function invitingSurveys(db: Db, councilId: number, today: string) {
  return db
    .selectFrom('survey')
    .select(['id', 'title', 'kind', 'service_unit', 'opens_on', 'closes_on'])
    .where('council_id', '=', councilId)
    .where('status', '=', 'published')
    .where('audience', '=', 'service_users')
    .where('opens_on', '<=', today)
    .where('closes_on', '>=', today)
    .orderBy('id')
    .execute();
}

/** Published surveys not yet closed, for another service to name as its evaluation. */
export function surveysNotClosed(db: Db, councilId: number, today: string) {
  return db
    .selectFrom('survey')
    .select(['id', 'title', 'opens_on', 'closes_on'])
    .where('council_id', '=', councilId)
    .where('status', '=', 'published')
    .where('closes_on', '>=', today)
    .orderBy('opens_on')
    .orderBy('id')
    .execute();
}

/** A published survey with its period. */
export function publishedSurvey(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('survey')
    .select(['id', 'title', 'opens_on', 'closes_on'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** The references already invited to a survey from one source. */
export async function invitedRefs(
  db: Db,
  surveyId: number,
  source: 'aspiration' | 'appointment' | 'list' | 'information_request',
) {
  const rows = await db
    .selectFrom('survey_invitation')
    .select('source_ref')
    .where('survey_id', '=', surveyId)
    .where('source', '=', source)
    .execute();
  return new Set(rows.map((r) => r.source_ref));
}

/** An invitation, once per survey and reference: undefined when that reference was invited already. */
export async function insertInvitation(db: Db, values: Insertable<Database['survey_invitation']>) {
  const row = await db
    .insertInto('survey_invitation')
    .values(values)
    .onConflict((oc) => oc.constraint('survey_invitation_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function invitationByHash(db: Db, surveyId: number, hash: string) {
  return db
    .selectFrom('survey_invitation')
    .select(['id', 'source'])
    .where('survey_id', '=', surveyId)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

/** Invitations sent for a survey, and how many of them led to answers sent. */
export async function invitationCounts(db: Db, surveyId: number) {
  const row = await db
    .selectFrom('survey_invitation')
    .leftJoin('survey_response', (join) =>
      join
        .onRef('survey_response.resume_hash', '=', 'survey_invitation.token_hash')
        .on('survey_response.submitted_at', 'is not', null),
    )
    .select((eb) => [eb.fn.countAll<string>().as('sent'), eb.fn.count<string>('survey_response.id').as('answered')])
    .where('survey_invitation.survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { sent: Number(row.sent), answered: Number(row.answered) };
}
