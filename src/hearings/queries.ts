/** Queries over virtual hearings, their questions, the votes for them and questions awaiting a mailed confirmation. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database, QuestionStatus } from '../db/schema.ts';

const hearingColumns = ['id', 'meeting_id', 'questions_open', 'email_questions', 'created_at', 'updated_at'] as const;

export function hearingById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('hearing')
    .select(hearingColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function hearingsOfMeetings(db: Db, councilId: number, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hearing')
    .select(['id', 'meeting_id'])
    .where('council_id', '=', councilId)
    .where('meeting_id', 'in', meetingIds)
    .execute();
}

/** Every hearing with its meeting's time, newest meeting first, and how many questions it took. */
export function listHearings(db: Db, councilId: number) {
  return db
    .selectFrom('hearing')
    .innerJoin('meeting', 'meeting.id', 'hearing.meeting_id')
    .select([
      'hearing.id',
      'hearing.meeting_id',
      'hearing.questions_open',
      'meeting.starts_at',
      'meeting.updated_at as meeting_updated_at',
      'hearing.updated_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('hearing_question')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('hearing_question.hearing_id', '=', 'hearing.id')
        .where('hearing_question.status', '=', 'approved')
        .as('questions'),
      eb
        .selectFrom('hearing_question')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('hearing_question.hearing_id', '=', 'hearing.id')
        .where('hearing_question.status', '=', 'approved')
        .where((w) => w.or([w('hearing_question.answered_at', 'is not', null), w('aspiration_code', 'is not', null)]))
        .as('answered'),
    ])
    .where('hearing.council_id', '=', councilId)
    .orderBy('meeting.starts_at', 'desc')
    .execute();
}

export async function insertHearing(db: Db, values: Insertable<Database['hearing']>) {
  const row = await db
    .insertInto('hearing')
    .values(values)
    .onConflict((oc) => oc.column('meeting_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function updateHearing(db: Db, id: number, values: Updateable<Database['hearing']>) {
  return db
    .updateTable('hearing')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Touches the hearing so that its cached pages and feeds are known to have changed. */
export function touchHearing(db: Db, id: number) {
  return db.updateTable('hearing').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

// The columns anyone may see: never the asker's account or address.
const publicColumns = [
  'hearing_question.id',
  'hearing_question.hearing_id',
  'hearing_question.body',
  'hearing_question.asker_label',
  'hearing_question.status',
  'hearing_question.merged_into',
  'hearing_question.votes',
  'hearing_question.answer',
  'hearing_question.answer_second',
  'hearing_question.answered_at',
  'hearing_question.aspiration_code',
  'hearing_question.created_at',
] as const;

export function questionsOf(db: Db, hearingId: number, statuses: readonly QuestionStatus[]) {
  return db
    .selectFrom('hearing_question')
    .select(publicColumns)
    .where('hearing_id', '=', hearingId)
    .where('status', 'in', statuses)
    .orderBy('votes', 'desc')
    .orderBy('id')
    .execute();
}

export function approvedOfHearings(db: Db, hearingIds: number[]) {
  if (hearingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hearing_question')
    .select(publicColumns)
    .where('hearing_id', 'in', hearingIds)
    .where('status', '=', 'approved')
    .orderBy('hearing_id')
    .orderBy('votes', 'desc')
    .orderBy('id')
    .execute();
}

export function questionsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('hearing_question').select(publicColumns).where('id', 'in', ids).execute();
}

export function questionById(db: Db, id: number) {
  return db
    .selectFrom('hearing_question')
    .innerJoin('hearing', 'hearing.id', 'hearing_question.hearing_id')
    .select(publicColumns)
    .select(['hearing.council_id', 'hearing_question.user_id', 'hearing_question.email_sealed'])
    .where('hearing_question.id', '=', id)
    .executeTakeFirst();
}

/** The questions merged into this one: their askers hear of its answer too. */
export function mergedInto(db: Db, id: number) {
  return db
    .selectFrom('hearing_question')
    .select(['id', 'user_id', 'email_sealed'])
    .where('merged_into', '=', id)
    .execute();
}

export async function insertQuestion(db: Db, values: Insertable<Database['hearing_question']>) {
  const row = await db.insertInto('hearing_question').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function updateQuestion(db: Db, id: number, values: Updateable<Database['hearing_question']>) {
  return db
    .updateTable('hearing_question')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Moves a state only from the one expected: two moderators acting at once cannot both win. */
export async function moveQuestion(
  db: Db,
  id: number,
  from: readonly QuestionStatus[],
  values: Updateable<Database['hearing_question']>,
) {
  const result = await db
    .updateTable('hearing_question')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A merge carries the votes over: each voter counts once on the question that remains. */
export async function carryVotes(db: Db, from: number, to: number) {
  await sql`insert into hearing_vote (question_id, voter, created_at)
    select ${to}, voter, created_at from hearing_vote where question_id = ${from}
    on conflict do nothing`.execute(db);
  await recountVotes(db, to);
}

export async function recountVotes(db: Db, id: number) {
  await sql`update hearing_question
    set votes = (select count(*) from hearing_vote where question_id = ${id})
    where id = ${id}`.execute(db);
}

/**
 * Counts a voter's support once, in one statement: false when this voter supported the question
 * already. The question's row is locked only while the statement runs; as a transaction of several
 * round trips it stayed locked while the process was busy elsewhere, and a crowd supporting one
 * question queued on it until the pool ran dry (bench: most pool connections "idle in
 * transaction", the rest waiting on the row).
 */
export async function addVote(db: Db, questionId: number, voter: string) {
  const result = await sql<{ id: number }>`
    with added as (
      insert into hearing_vote (question_id, voter) values (${questionId}, ${voter})
      on conflict (question_id, voter) do nothing
      returning question_id
    )
    update hearing_question set votes = votes + 1
    where id in (select question_id from added)
    returning id`.execute(db);
  return result.rows.length > 0;
}

export async function votedBy(db: Db, hearingId: number, voter: string) {
  const rows = await db
    .selectFrom('hearing_vote')
    .innerJoin('hearing_question', 'hearing_question.id', 'hearing_vote.question_id')
    .select('hearing_vote.question_id')
    .where('hearing_question.hearing_id', '=', hearingId)
    .where('hearing_vote.voter', '=', voter)
    .execute();
  return new Set(rows.map((r) => r.question_id));
}

/** What an asker sent that still waits for a moderator, shown to them alone. */
export function waitingOf(db: Db, hearingId: number, userId: number) {
  return db
    .selectFrom('hearing_question')
    .select(['id', 'body', 'status', 'created_at'])
    .where('hearing_id', '=', hearingId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['pending', 'rejected'])
    .orderBy('id')
    .execute();
}

export async function askedSince(db: Db, hearingId: number, by: { userId: number } | { lookup: string }, since: Date) {
  const row = await db
    .selectFrom('hearing_question')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('hearing_id', '=', hearingId)
    .where('created_at', '>', since)
    .where((w) => ('userId' in by ? w('user_id', '=', by.userId) : w('email_lookup', '=', by.lookup)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Questions waiting for a moderator, by hearing. */
export function waitingByHearing(db: Db, councilId: number) {
  return db
    .selectFrom('hearing_question')
    .innerJoin('hearing', 'hearing.id', 'hearing_question.hearing_id')
    .select([
      'hearing.id',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.min('hearing_question.created_at').as('oldest'),
    ])
    .where('hearing.council_id', '=', councilId)
    .where('hearing_question.status', '=', 'pending')
    .groupBy('hearing.id')
    .execute();
}

// ------------------------------------------------------------------ confirmation by mail

export function insertPending(db: Db, values: Insertable<Database['hearing_pending_question']>) {
  return db.insertInto('hearing_pending_question').values(values).execute();
}

export function pendingByToken(db: Db, tokenHash: string, since: Date) {
  return db
    .selectFrom('hearing_pending_question')
    .select(['id', 'hearing_id', 'body', 'asker_label', 'email_sealed', 'email_lookup'])
    .where('token_hash', '=', tokenHash)
    .where('created_at', '>', since)
    .executeTakeFirst();
}

/** Takes the waiting words out as they are confirmed: a second press finds nothing. */
export function takePending(db: Db, id: number) {
  return db.deleteFrom('hearing_pending_question').where('id', '=', id).returning('id').executeTakeFirst();
}

export function purgePending(db: Db, before: Date) {
  return db.deleteFrom('hearing_pending_question').where('created_at', '<=', before).execute();
}

// ------------------------------------------------------------------ personal data

export function questionsOfPerson(db: Db, userId: number, lookup: string) {
  return db
    .selectFrom('hearing_question')
    .select(['id', 'hearing_id', 'body', 'status', 'answer', 'created_at'])
    .where((w) => w.or([w('user_id', '=', userId), w('email_lookup', '=', lookup)]))
    .orderBy('id')
    .execute();
}

/** Erasure: the words stay with the meeting, unsigned; the account and address go. */
export async function forgetPerson(db: Db, userId: number, lookup: string) {
  await db
    .updateTable('hearing_question')
    .set({ user_id: null, email_sealed: null, email_lookup: null, asker_label: '' })
    .where((w) => w.or([w('user_id', '=', userId), w('email_lookup', '=', lookup)]))
    .execute();
  await db.deleteFrom('hearing_pending_question').where('email_lookup', '=', lookup).execute();
}
