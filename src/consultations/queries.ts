/** Queries over consultations, their sections, linked meetings, comments, supports, reports and views. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import { newestRows } from '../db/newest-rows.ts';
import type { CommentFate, CommentStatus, Database, FollowersTold, Stance, StatementVote } from '../db/schema.ts';

const consultationColumns = [
  'consultation.id',
  'consultation.kind',
  'consultation.title',
  'consultation.summary',
  'consultation.body_id',
  'consultation.raperda_id',
  'consultation.opens_on',
  'consultation.comments_from',
  'consultation.comments_until',
  'consultation.report_due',
  'consultation.hold_first_comments',
  'consultation.email_comments',
  'consultation.report_summary',
  'consultation.report_published_at',
  'consultation.followers_told',
  'consultation.created_at',
  'consultation.updated_at',
  'raperda.title as raperda_title',
] as const;

/** Published comments of a consultation and the people (or offline sources) behind them. */
const commentCount = (db: Db) =>
  db
    .selectFrom('consultation_comment')
    .select((eb) => [
      'consultation_id',
      eb.fn.countAll<string>().as('comments'),
      // A person is an account, or an address that confirmed comments without one; each offline
      // input is its own source.
      sql<string>`count(distinct coalesce(user_id::text, email_lookup, 'x' || id::text))`.as('participants'),
    ])
    .where('status', '=', 'published')
    .groupBy('consultation_id');

export function consultations(db: Db, councilId: number, visibleFrom: string | undefined) {
  let query = db
    .selectFrom('consultation')
    .leftJoin('raperda', 'raperda.id', 'consultation.raperda_id')
    .leftJoin(commentCount(db).as('counts'), 'counts.consultation_id', 'consultation.id')
    .select(consultationColumns)
    .select(['counts.comments', 'counts.participants'])
    .where('consultation.council_id', '=', councilId);
  if (visibleFrom !== undefined) query = query.where('consultation.opens_on', '<=', visibleFrom);
  return query.orderBy('consultation.comments_until', 'desc').orderBy('consultation.id', 'desc').execute();
}

export function consultationById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('consultation')
    .leftJoin('raperda', 'raperda.id', 'consultation.raperda_id')
    .leftJoin(commentCount(db).as('counts'), 'counts.consultation_id', 'consultation.id')
    .select(consultationColumns)
    .select(['counts.comments', 'counts.participants'])
    .where('consultation.council_id', '=', councilId)
    .where('consultation.id', '=', id)
    .executeTakeFirst();
}

export function insertConsultation(db: Db, values: Insertable<Database['consultation']>) {
  return db.insertInto('consultation').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateConsultation(db: Db, id: number, values: Updateable<Database['consultation']>) {
  return db
    .updateTable('consultation')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Records that followers are being told `to`, only if nobody told them since `from` was read: the
 * job's claim, so two instances never send the same news twice.
 */
export async function markFollowersTold(
  db: Db,
  id: number,
  from: FollowersTold | null,
  to: FollowersTold | null,
): Promise<boolean> {
  const row = await db
    .updateTable('consultation')
    .set({ followers_told: to })
    .where('id', '=', id)
    .where((eb) => (from === null ? eb('followers_told', 'is', null) : eb('followers_told', '=', from)))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function raperdaTitle(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('raperda')
    .select(['id', 'title'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The consultations held on a draft regulation, for its page. */
export function consultationsOfDraft(db: Db, councilId: number, raperdaId: number, visibleFrom: string) {
  return db
    .selectFrom('consultation')
    .select(['id', 'title', 'report_published_at'])
    .where('council_id', '=', councilId)
    .where('raperda_id', '=', raperdaId)
    .where('opens_on', '<=', visibleFrom)
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------------------------- sections

export function sectionsOf(db: Db, consultationId: number) {
  const counts = db
    .selectFrom('consultation_comment')
    .select((eb) => ['section_id', eb.fn.countAll<string>().as('comments')])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .groupBy('section_id');
  const stances = db
    .selectFrom('consultation_stance')
    .innerJoin('consultation_section as s', 's.id', 'consultation_stance.section_id')
    .select([
      'section_id',
      sql<string>`count(*) filter (where stance = 'agree')`.as('agree'),
      sql<string>`count(*) filter (where stance = 'disagree')`.as('disagree'),
      sql<string>`count(*) filter (where stance = 'unsure')`.as('unsure'),
    ])
    .where('s.consultation_id', '=', consultationId)
    .groupBy('section_id');
  return db
    .selectFrom('consultation_section')
    .leftJoin(counts.as('counts'), 'counts.section_id', 'consultation_section.id')
    .leftJoin(stances.as('stances'), 'stances.section_id', 'consultation_section.id')
    .select([
      'consultation_section.id',
      'consultation_section.position',
      'consultation_section.heading',
      'consultation_section.body',
      'consultation_section.report',
      'counts.comments',
      'stances.agree',
      'stances.disagree',
      'stances.unsure',
    ])
    .where('consultation_section.consultation_id', '=', consultationId)
    .orderBy('consultation_section.position')
    .execute();
}

export async function lastPosition(db: Db, consultationId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_section')
    .select((eb) => eb.fn.max<number | null>('position').as('last'))
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
  return row?.last ?? 0;
}

export function insertSections(db: Db, rows: Insertable<Database['consultation_section']>[]) {
  return db.insertInto('consultation_section').values(rows).execute();
}

export function setSectionReport(db: Db, consultationId: number, sectionId: number, report: string | null) {
  return db
    .updateTable('consultation_section')
    .set({ report, updated_at: new Date() })
    .where('consultation_id', '=', consultationId)
    .where('id', '=', sectionId)
    .executeTakeFirst();
}

export function removeSection(db: Db, consultationId: number, sectionId: number) {
  return db
    .deleteFrom('consultation_section')
    .where('consultation_id', '=', consultationId)
    .where('id', '=', sectionId)
    .executeTakeFirst();
}

// ------------------------------------------------------------------------------------- meetings

export function meetingsOf(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_meeting')
    .innerJoin('meeting', 'meeting.id', 'consultation_meeting.meeting_id')
    .select(['meeting.id', 'meeting.title', 'meeting.open', 'meeting.starts_at', 'meeting.status'])
    .where('consultation_meeting.consultation_id', '=', consultationId)
    .orderBy('meeting.starts_at')
    .execute();
}

export function linkMeeting(db: Db, consultationId: number, meetingId: number) {
  return db
    .insertInto('consultation_meeting')
    .values({ consultation_id: consultationId, meeting_id: meetingId })
    .onConflict((oc) => oc.columns(['consultation_id', 'meeting_id']).doNothing())
    .execute();
}

// ------------------------------------------------------------------------------------- comments

const commentColumns = [
  'consultation_comment.id',
  'consultation_comment.consultation_id',
  'consultation_comment.section_id',
  'consultation_comment.parent_id',
  'consultation_comment.user_id',
  'consultation_comment.author_label',
  'consultation_comment.origin',
  'consultation_comment.source',
  'consultation_comment.quote',
  'consultation_comment.body',
  'consultation_comment.kecamatan_id',
  'consultation_comment.status',
  'consultation_comment.hidden_reason',
  'consultation_comment.support_count',
  'consultation_comment.open_reports',
  'consultation_comment.fate',
  'consultation_comment.fate_reason',
  'consultation_comment.created_at',
] as const;

export function insertComment(db: Db, values: Insertable<Database['consultation_comment']>) {
  return db.insertInto('consultation_comment').values(values).returning('id').executeTakeFirstOrThrow();
}

export function commentById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('consultation_comment')
    .innerJoin('consultation', 'consultation.id', 'consultation_comment.consultation_id')
    .select(commentColumns)
    .where('consultation.council_id', '=', councilId)
    .where('consultation_comment.id', '=', id)
    .executeTakeFirst();
}

export type CommentOrder = 'newest' | 'supported';

/** A section's comments that are not replies, a page at a time; held comments are nobody's to see yet. */
export function topComments(db: Db, sectionId: number, order: CommentOrder, limit: number, offset: number) {
  let query = db
    .selectFrom('consultation_comment')
    .select(commentColumns)
    .where('section_id', '=', sectionId)
    .where('parent_id', 'is', null)
    .where('status', '!=', 'held');
  if (order === 'supported') query = query.orderBy('support_count', 'desc');
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

export async function countTopComments(db: Db, sectionId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('section_id', '=', sectionId)
    .where('parent_id', 'is', null)
    .where('status', '!=', 'held')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function repliesTo(db: Db, parentIds: number[]) {
  if (parentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('consultation_comment')
    .select(commentColumns)
    .where('parent_id', 'in', parentIds)
    .where('status', '!=', 'held')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Every comment of a consultation with a state, for the staff's answers and the moderators. */
export function allComments(db: Db, consultationId: number, statuses: readonly CommentStatus[]) {
  return db
    .selectFrom('consultation_comment')
    .select(commentColumns)
    .where('consultation_id', '=', consultationId)
    .where('status', 'in', statuses)
    .orderBy('section_id')
    .orderBy('id')
    .execute();
}

export async function publishedCommentsBy(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function commentsSince(db: Db, userId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What one person wrote: with the account, or confirmed by mail from the account's address. */
export function commentsOfPerson(db: Db, userId: number, emailLookup: string) {
  return db
    .selectFrom('consultation_comment')
    .innerJoin('consultation', 'consultation.id', 'consultation_comment.consultation_id')
    .select(commentColumns)
    .select('consultation.title as consultation_title')
    .where((eb) =>
      eb.or([
        eb('consultation_comment.user_id', '=', userId),
        eb('consultation_comment.email_lookup', '=', emailLookup),
      ]),
    )
    .orderBy('consultation_comment.id', 'desc')
    .execute();
}

export function setCommentStatus(
  db: Db,
  id: number,
  values: { status: CommentStatus; hidden_reason: string | null; open_reports?: number },
) {
  return db
    .updateTable('consultation_comment')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function setFate(db: Db, id: number, fate: CommentFate, reason: string) {
  return db
    .updateTable('consultation_comment')
    .set({ fate, fate_reason: reason, fate_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Unlinks a person from what they wrote: the words stay, signed "Warga", with no way back to them. */
export async function forgetAuthor(db: Db, userId: number, emailLookup: string) {
  const unlinked = { author_label: '', user_id: null, email_sealed: null, email_lookup: null, token_hash: null };
  await db
    .updateTable('consultation_comment')
    .set({ ...unlinked, updated_at: new Date() })
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('email_lookup', '=', emailLookup)]))
    .execute();
  await db.deleteFrom('consultation_pending_comment').where('email_lookup', '=', emailLookup).execute();
}

// ------------------------------------------------------------------ comments confirmed by mail

export function insertPendingComment(db: Db, values: Insertable<Database['consultation_pending_comment']>) {
  return db.insertInto('consultation_pending_comment').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Words waiting for their link, when it was mailed after `since` (older links have lapsed). */
export function pendingByToken(db: Db, councilId: number, tokenHash: string, since: Date) {
  return db
    .selectFrom('consultation_pending_comment as p')
    .innerJoin('consultation', 'consultation.id', 'p.consultation_id')
    .selectAll('p')
    .where('consultation.council_id', '=', councilId)
    .where('p.token_hash', '=', tokenHash)
    .where('p.created_at', '>=', since)
    .executeTakeFirst();
}

/** Takes the waiting words out, once: a second use of the same link finds nothing. */
export function takePending(db: Db, id: number) {
  return db.deleteFrom('consultation_pending_comment').where('id', '=', id).returning('id').executeTakeFirst();
}

/** Forgets the words nobody confirmed in time, with the address they carried. */
export function purgePending(db: Db, before: Date) {
  return db.deleteFrom('consultation_pending_comment').where('created_at', '<', before).execute();
}

/** Comments and waiting words from one address since a moment: the address's pace. */
export async function writtenByAddressSince(db: Db, emailLookup: string, since: Date): Promise<number> {
  const [comments, pending] = await Promise.all([
    db
      .selectFrom('consultation_comment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email_lookup', '=', emailLookup)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('consultation_pending_comment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('email_lookup', '=', emailLookup)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(comments.n) + Number(pending.n);
}

export async function publishedCommentsByAddress(db: Db, emailLookup: string): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('email_lookup', '=', emailLookup)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The comment a mailed link confirmed, found again by that link. */
export function commentByToken(db: Db, councilId: number, tokenHash: string) {
  return db
    .selectFrom('consultation_comment')
    .innerJoin('consultation', 'consultation.id', 'consultation_comment.consultation_id')
    .select(commentColumns)
    .where('consultation.council_id', '=', councilId)
    .where('consultation_comment.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The writer takes their name and address off a comment; the link stops working. */
export function unlinkComment(db: Db, id: number, values: { status?: CommentStatus; hidden_reason?: string }) {
  return db
    .updateTable('consultation_comment')
    .set({
      ...values,
      author_label: '',
      email_sealed: null,
      email_lookup: null,
      token_hash: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The addresses behind a consultation's published comments written without an account. */
export function addressCommenters(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_comment')
    .select(['id', 'author_label', 'email_sealed', 'email_lookup', 'fate'])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .where('user_id', 'is', null)
    .where('email_sealed', 'is not', null)
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------------- supports and reports

/** Adds the person's support once; returns whether it was new. */
export async function addSupport(db: Db, commentId: number, userId: number): Promise<boolean> {
  const added = await db
    .insertInto('consultation_support')
    .values({ comment_id: commentId, user_id: userId })
    .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (added === undefined) return false;
  await db
    .updateTable('consultation_comment')
    .set((eb) => ({ support_count: eb('support_count', '+', 1) }))
    .where('id', '=', commentId)
    .execute();
  return true;
}

export function supportedBy(db: Db, userId: number, commentIds: number[]) {
  if (commentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('consultation_support')
    .select('comment_id')
    .where('user_id', '=', userId)
    .where('comment_id', 'in', commentIds)
    .execute();
}

export async function addReport(db: Db, commentId: number, userId: number | null, reason: string) {
  await db.insertInto('consultation_report').values({ comment_id: commentId, user_id: userId, reason }).execute();
  await db
    .updateTable('consultation_comment')
    .set((eb) => ({ open_reports: eb('open_reports', '+', 1) }))
    .where('id', '=', commentId)
    .execute();
}

export function resolveReports(db: Db, commentId: number) {
  return db
    .updateTable('consultation_report')
    .set({ resolved_at: new Date(), updated_at: new Date() })
    .where('comment_id', '=', commentId)
    .where('resolved_at', 'is', null)
    .execute();
}

/** What waits for a moderator: comments held for review and comments reported and not yet looked at. */
export function moderationQueue(db: Db, councilId: number) {
  const reasons = db
    .selectFrom('consultation_report')
    .select(['comment_id', sql<string[]>`array_agg(reason order by id)`.as('reasons')])
    .where('resolved_at', 'is', null)
    .groupBy('comment_id');
  return db
    .selectFrom('consultation_comment')
    .innerJoin('consultation', 'consultation.id', 'consultation_comment.consultation_id')
    .innerJoin('consultation_section', 'consultation_section.id', 'consultation_comment.section_id')
    .leftJoin(reasons.as('reasons'), 'reasons.comment_id', 'consultation_comment.id')
    .select(commentColumns)
    .select(['consultation.title as consultation_title', 'consultation_section.heading', 'reasons.reasons'])
    .where('consultation.council_id', '=', councilId)
    .where((eb) =>
      eb.or([
        eb('consultation_comment.status', '=', 'held'),
        eb.and([eb('consultation_comment.open_reports', '>', 0), eb('consultation_comment.status', '=', 'published')]),
      ]),
    )
    .orderBy('consultation_comment.id')
    .limit(200)
    .execute();
}

export async function countModerationQueue(db: Db, councilId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .innerJoin('consultation', 'consultation.id', 'consultation_comment.consultation_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consultation.council_id', '=', councilId)
    .where((eb) =>
      eb.or([
        eb('consultation_comment.status', '=', 'held'),
        eb.and([eb('consultation_comment.open_reports', '>', 0), eb('consultation_comment.status', '=', 'published')]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ----------------------------------------------------------------------------------- stances

export function setStance(db: Db, sectionId: number, userId: number, stance: Stance) {
  return db
    .insertInto('consultation_stance')
    .values({ section_id: sectionId, user_id: userId, stance })
    .onConflict((oc) => oc.columns(['section_id', 'user_id']).doUpdateSet({ stance, updated_at: new Date() }))
    .execute();
}

export function stanceOf(db: Db, sectionId: number, userId: number) {
  return db
    .selectFrom('consultation_stance')
    .select('stance')
    .where('section_id', '=', sectionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

// ----------------------------------------------------------------------------------- figures

/** Published comments by kecamatan (as the commenters chose to say) and by day, for the figures. */
export function commentsByKecamatan(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_comment')
    .select((eb) => ['kecamatan_id', eb.fn.countAll<string>().as('n')])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .groupBy('kecamatan_id')
    .execute();
}

export function commentsByDay(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_comment')
    .select([
      sql<string>`to_char(created_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD')`.as('day'),
      sql<string>`count(*)`.as('n'),
    ])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
}

/** The distinct accounts that commented (published), to send them the report. */
export function commenters(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_comment')
    .select('user_id')
    .distinct()
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .where('user_id', 'is not', null)
    .execute();
}

export function consultationPages(db: Db, councilId: number, limit: number) {
  return newestRows(db, 'consultation', councilId, limit);
}

// ----------------------------------------------------------------------------------- statements

const statementColumns = [
  'consultation_statement.id',
  'consultation_statement.consultation_id',
  'consultation_statement.user_id',
  'consultation_statement.text',
  'consultation_statement.status',
  'consultation_statement.hidden_reason',
  'consultation_statement.agree',
  'consultation_statement.disagree',
  'consultation_statement.pass',
  'consultation_statement.created_at',
] as const;

export function insertStatement(db: Db, values: Insertable<Database['consultation_statement']>) {
  return db.insertInto('consultation_statement').values(values).returning('id').executeTakeFirstOrThrow();
}

export function statementsOf(db: Db, consultationId: number, statuses: readonly CommentStatus[]) {
  return db
    .selectFrom('consultation_statement')
    .select(statementColumns)
    .where('consultation_id', '=', consultationId)
    .where('status', 'in', statuses)
    .orderBy('id')
    .execute();
}

export function statementById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('consultation_statement')
    .innerJoin('consultation', 'consultation.id', 'consultation_statement.consultation_id')
    .select(statementColumns)
    .where('consultation.council_id', '=', councilId)
    .where('consultation_statement.id', '=', id)
    .executeTakeFirst();
}

export function heldStatements(db: Db, councilId: number) {
  return db
    .selectFrom('consultation_statement')
    .innerJoin('consultation', 'consultation.id', 'consultation_statement.consultation_id')
    .select(statementColumns)
    .select('consultation.title as consultation_title')
    .where('consultation.council_id', '=', councilId)
    .where('consultation_statement.status', '=', 'held')
    .orderBy('consultation_statement.id')
    .limit(200)
    .execute();
}

export async function statementsSince(db: Db, userId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('consultation_statement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function statementsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('consultation_statement')
    .innerJoin('consultation', 'consultation.id', 'consultation_statement.consultation_id')
    .select(statementColumns)
    .select('consultation.title as consultation_title')
    .where('consultation_statement.user_id', '=', userId)
    .orderBy('consultation_statement.id', 'desc')
    .execute();
}

export function setStatementStatus(db: Db, id: number, status: CommentStatus, reason: string | null) {
  return db
    .updateTable('consultation_statement')
    .set({ status, hidden_reason: reason, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Records (or changes) one person's vote and counts the statement's votes again. */
export async function castVote(db: Db, statementId: number, userId: number, vote: StatementVote) {
  await db
    .insertInto('consultation_statement_vote')
    .values({ statement_id: statementId, user_id: userId, vote })
    .onConflict((oc) => oc.columns(['statement_id', 'user_id']).doUpdateSet({ vote, updated_at: new Date() }))
    .execute();
  const count = (which: StatementVote) =>
    db
      .selectFrom('consultation_statement_vote')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('statement_id', '=', statementId)
      .where('vote', '=', which);
  await db
    .updateTable('consultation_statement')
    .set({ agree: count('agree'), disagree: count('disagree'), pass: count('pass'), updated_at: new Date() })
    .where('id', '=', statementId)
    .execute();
}

export function votesBy(db: Db, userId: number, statementIds: number[]) {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('consultation_statement_vote')
    .select(['statement_id', 'vote'])
    .where('user_id', '=', userId)
    .where('statement_id', 'in', statementIds)
    .execute();
}

export async function countStatements(db: Db, consultationId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_statement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published comments by section and fate (null: not answered yet), counted in the database. */
export function fateCounts(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_comment')
    .select((eb) => ['section_id', 'fate', eb.fn.countAll<string>().as('n')])
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .groupBy(['section_id', 'fate'])
    .execute();
}

export async function countHeldStatements(db: Db, councilId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_statement')
    .innerJoin('consultation', 'consultation.id', 'consultation_statement.consultation_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('consultation.council_id', '=', councilId)
    .where('consultation_statement.status', '=', 'held')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
