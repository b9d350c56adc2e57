/** The register of public information (Daftar Informasi Publik): one named query each. */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Database, PublicInformationCategory } from '../db/schema.ts';
import { matchesWords } from '../platform/search.ts';

type Entry = Omit<Database['public_information'], 'search'>;
export type NewEntry = Pick<
  Entry,
  'category' | 'title' | 'summary' | 'officer' | 'form' | 'retention' | 'location' | 'link' | 'exemption'
> & { council_id: number };

const columns = [
  'id',
  'category',
  'title',
  'summary',
  'officer',
  'form',
  'retention',
  'location',
  'link',
  'exemption',
  'updated_at',
] as const;

export interface RegisterFilter {
  q?: string | undefined;
  category?: PublicInformationCategory | undefined;
}

function registerQuery(db: Db, councilId: number, f: RegisterFilter) {
  let query = db.selectFrom('public_information').where('council_id', '=', councilId);
  if (f.category !== undefined) query = query.where('category', '=', f.category);
  if (f.q !== undefined && f.q.trim() !== '') query = query.where(matchesWords(sql`search`, f.q));
  return query;
}

/** Entries the filter finds, by kind (in the law's order) and title. */
export function registerRows(db: Db, councilId: number, f: RegisterFilter, limit: number, offset = 0) {
  return registerQuery(db, councilId, f)
    .select(columns)
    .orderBy(sql`array_position(array['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']::text[], category)`)
    .orderBy('title')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** A page of the register, and how many entries the filter finds in all. */
export async function registerPage(db: Db, councilId: number, f: RegisterFilter, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    registerRows(db, councilId, f, limit, offset),
    registerQuery(db, councilId, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function entryById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('public_information')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertEntry(db: Db, entry: NewEntry): Promise<number> {
  const row = await db.insertInto('public_information').values(entry).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an entry of the council; whether there was one. */
export async function updateEntry(db: Db, councilId: number, id: number, entry: Omit<NewEntry, 'council_id'>) {
  const result = await db
    .updateTable('public_information')
    .set({ ...entry, updated_at: sql<Date>`now()` })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes an entry of the council; its title when there was one. */
export async function deleteEntry(db: Db, councilId: number, id: number) {
  const row = await db
    .deleteFrom('public_information')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .returning('title')
    .executeTakeFirst();
  return row?.title;
}

// ----------------------------------------------------------------------------- requests

type RequestRow = Database['information_request'];
export type NewRequest = Pick<
  RequestRow,
  | 'council_id'
  | 'code'
  | 'token_hash'
  | 'user_id'
  | 'name_sealed'
  | 'address_sealed'
  | 'email_sealed'
  | 'phone_sealed'
  | 'identity_sealed'
  | 'information'
  | 'purpose'
  | 'delivery'
  | 'received_on'
> & { aspiration_code?: string | null };

/** What the request is, without who asked: for the applicant's page and the office's list. */
const requestColumns = [
  'id',
  'code',
  'information',
  'purpose',
  'delivery',
  'received_on',
  'extension_days',
  'extension_reason',
  'extended_at',
  'decision',
  'exemption',
  'answer',
  'answer_link',
  'answered_at',
  'answered_on',
  'identity_erased_at',
  'aspiration_code',
  'created_at',
] as const;

/** Who asked, sealed: read by the PPID officer, and to write to the applicant. */
const identityColumns = ['name_sealed', 'address_sealed', 'email_sealed', 'phone_sealed', 'identity_sealed'] as const;

export async function requestCodeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('information_request').select('id').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function insertRequest(db: Db, request: NewRequest): Promise<number> {
  const row = await db.insertInto('information_request').values(request).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRequestStep(
  db: Db,
  step: {
    request_id: number;
    kind: Database['information_request_step']['kind'];
    text: string | null;
    actor_user_id: number | null;
    /** When it happened, if not now: a step brought from an aspiration's history. */
    created_at?: Date;
  },
) {
  await db.insertInto('information_request_step').values(step).execute();
}

export async function insertDocuments(
  db: Db,
  rows: { request_id: number; title: string; file: string; bytes: number }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('information_request_document').values(rows).execute();
}

/** The documents an answer gave, in the order they were attached. */
export function documentsOf(db: Db, requestId: number) {
  return db
    .selectFrom('information_request_document')
    .select(['title', 'file', 'bytes'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

/** Requests answered after a moment (then by id), oldest first, with the contact still kept. */
export function answeredAfter(db: Db, councilId: number, after: { at: Date; id: number }, limit: number) {
  return db
    .selectFrom('information_request')
    .select(['id', 'code', 'answered_at', 'email_sealed', 'phone_sealed'])
    .where('council_id', '=', councilId)
    .where('identity_erased_at', 'is', null)
    .where((eb) =>
      eb.or([eb('answered_at', '>', after.at), eb.and([eb('answered_at', '=', after.at), eb('id', '>', after.id)])]),
    )
    .orderBy('answered_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** A request moved from this aspiration already, by its code. */
export async function requestOfAspiration(db: Db, aspirationCode: string) {
  return db
    .selectFrom('information_request')
    .select('id')
    .where('aspiration_code', '=', aspirationCode)
    .executeTakeFirst();
}

/** The applicant completes a request moved from an aspiration: who they are, why, how to receive it. */
export async function completeRequest(
  db: Db,
  id: number,
  values: Pick<
    RequestRow,
    'name_sealed' | 'address_sealed' | 'email_sealed' | 'phone_sealed' | 'identity_sealed' | 'purpose' | 'delivery'
  >,
  at: Date,
): Promise<boolean> {
  const done = await db
    .updateTable('information_request')
    .set({ ...values, updated_at: at })
    .where('id', '=', id)
    .where('purpose', 'is', null)
    .where('identity_erased_at', 'is', null)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

export function requestByToken(db: Db, councilId: number, tokenHash: string) {
  return db
    .selectFrom('information_request')
    .select([...requestColumns, ...identityColumns])
    .where('council_id', '=', councilId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function requestByCode(db: Db, councilId: number, code: string) {
  return db
    .selectFrom('information_request')
    .select(requestColumns)
    .where('council_id', '=', councilId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export function requestById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('information_request')
    .select([...requestColumns, ...identityColumns])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type RequestTab = 'open' | 'answered' | 'objections';

/**
 * A tab of the PPID officer's list. Open: unanswered, oldest first (their clock runs out first).
 * Answered: newest answer first. Objections: those whose objection waits for the superior's answer.
 */
export async function requestPage(db: Db, councilId: number, tab: RequestTab, limit: number, offset: number) {
  let base = db.selectFrom('information_request').where('council_id', '=', councilId);
  if (tab === 'open') base = base.where('decision', 'is', null);
  else if (tab === 'answered') base = base.where('decision', 'is not', null);
  else
    base = base.where('id', 'in', (sub) =>
      sub.selectFrom('information_objection').select('request_id').where('outcome', 'is', null),
    );
  const [rows, count] = await Promise.all([
    base
      .select(requestColumns)
      .orderBy(tab === 'answered' ? 'answered_at' : 'received_on', tab === 'answered' ? 'desc' : 'asc')
      .orderBy('id', tab === 'answered' ? 'desc' : 'asc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function requestSteps(db: Db, requestId: number) {
  return db
    .selectFrom('information_request_step')
    .select(['kind', 'text', 'created_at'])
    .where('request_id', '=', requestId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Records the one extension; false when the request was extended or answered meanwhile. */
export async function extendRequest(db: Db, id: number, days: number, reason: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('information_request')
    .set({ extension_days: days, extension_reason: reason, extended_at: at, updated_at: at })
    .where('id', '=', id)
    .where('extension_days', 'is', null)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records the decision and the answer; false when it was answered meanwhile. */
export async function answerRequest(
  db: Db,
  id: number,
  answer: Pick<RequestRow, 'decision' | 'exemption' | 'answer' | 'answer_link' | 'answered_on'> & { at: Date },
): Promise<boolean> {
  const { at, ...fields } = answer;
  const result = await db
    .updateTable('information_request')
    .set({ ...fields, answered_at: at, updated_at: at })
    .where('id', '=', id)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Erases who asked from requests answered before a moment; how many were erased. */
export async function eraseIdentities(db: Db, answeredBefore: Date, at: Date): Promise<number> {
  const result = await db
    .updateTable('information_request')
    .set({
      name_sealed: null,
      address_sealed: null,
      email_sealed: null,
      phone_sealed: null,
      identity_sealed: null,
      identity_erased_at: at,
      updated_at: at,
    })
    .where('answered_at', '<', answeredBefore)
    .where('identity_erased_at', 'is', null)
    // An objection still waiting keeps its applicant: the superior's answer is owed to them.
    .where('id', 'not in', (sub) =>
      sub.selectFrom('information_objection').select('request_id').where('outcome', 'is', null),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** What the clock of every unanswered request needs. */
export function openRequestClocks(db: Db, councilId: number) {
  return db
    .selectFrom('information_request')
    .select(['received_on', 'extension_days', 'answered_on'])
    .where('council_id', '=', councilId)
    .where('decision', 'is', null)
    .execute();
}

/** The requests an account sent (signed in), newest first: for the person's copy of their data. */
export function requestsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('information_request')
    .select([...requestColumns, 'name_sealed', 'address_sealed', 'email_sealed', 'phone_sealed'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * An account erased: its answered requests lose who asked at once; those still open keep the
 * contact the answer is owed to (erased on schedule once answered), and none stays linked to it.
 */
export async function forgetApplicant(db: Db, userId: number, at: Date) {
  await db
    .updateTable('information_request')
    .set({
      name_sealed: null,
      address_sealed: null,
      email_sealed: null,
      phone_sealed: null,
      identity_sealed: null,
      identity_erased_at: at,
      updated_at: at,
    })
    .where('user_id', '=', userId)
    .where('decision', 'is not', null)
    .where('identity_erased_at', 'is', null)
    .execute();
  await db
    .updateTable('information_request')
    .set({ user_id: null, updated_at: at })
    .where('user_id', '=', userId)
    .execute();
}

// ----------------------------------------------------------------------------- objections

const objectionColumns = [
  'reasons',
  'statement',
  'filed_on',
  'outcome',
  'answer',
  'answered_on',
  'created_at',
] as const;

export function objectionOf(db: Db, requestId: number) {
  return db
    .selectFrom('information_objection')
    .select(objectionColumns)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/** Files the one objection of a request; false when one was filed meanwhile. */
export async function insertObjection(
  db: Db,
  objection: Pick<Database['information_objection'], 'request_id' | 'reasons' | 'statement' | 'filed_on'>,
): Promise<boolean> {
  const rows = await db
    .insertInto('information_objection')
    .values(objection)
    .onConflict((c) => c.column('request_id').doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Records the superior's answer; false when it was answered meanwhile. */
export async function answerObjection(
  db: Db,
  requestId: number,
  answer: Pick<Database['information_objection'], 'outcome' | 'answer' | 'answered_on' | 'answered_by'>,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('information_objection')
    .set({ ...answer, answered_at: at, updated_at: at })
    .where('request_id', '=', requestId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The filing day of every objection still waiting for the superior's answer. */
export function openObjectionDays(db: Db, councilId: number) {
  return db
    .selectFrom('information_objection')
    .innerJoin('information_request', 'information_request.id', 'information_objection.request_id')
    .select('information_objection.filed_on')
    .where('information_request.council_id', '=', councilId)
    .where('information_objection.outcome', 'is', null)
    .execute();
}

// ----------------------------------------------------------------------------- the annual report

/** The requests received in a year, with their objection if any: what the annual report counts. */
export function yearRequests(db: Db, councilId: number, year: number) {
  return db
    .selectFrom('information_request as r')
    .leftJoin('information_objection as o', 'o.request_id', 'r.id')
    .select([
      'r.received_on',
      'r.extension_days',
      'r.decision',
      'r.answered_on',
      'r.delivery',
      'o.filed_on as objection_filed_on',
      'o.outcome as objection_outcome',
    ])
    .where('r.council_id', '=', councilId)
    .where('r.received_on', '>=', `${year}-01-01`)
    .where('r.received_on', '<=', `${year}-12-31`)
    .execute();
}

/** The years with requests, newest first. */
export async function requestYears(db: Db, councilId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('information_request')
    .select(sql<number>`distinct extract(year from received_on)::int`.as('year'))
    .where('council_id', '=', councilId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => Number(r.year));
}
