/** Training sessions and their registrations: every query of the feature, by name. */

import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { TrainingAudience, TrainingRegistrationTable, TrainingSessionTable } from '../db/schema.ts';

const sessionColumns = [
  'id',
  'audience',
  'topic',
  'title',
  'description',
  'trainer',
  'place',
  'online_url',
  'material_url',
  'material_file',
  'material_bytes',
  'survey_id',
  'starts_at',
  'ends_at',
  'capacity',
  'registered',
  'checkin_code',
  'cancelled_at',
] as const;

export async function insertSession(db: Db, values: Insertable<TrainingSessionTable>): Promise<number> {
  const row = await db.insertInto('training_session').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Puts the uploaded materials on a session; returns the file they replace, to be removed. */
export async function setMaterial(db: Db, councilId: number, id: number, file: string, bytes: number) {
  const before = await db
    .selectFrom('training_session')
    .select('material_file')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (before === undefined) return undefined;
  await db
    .updateTable('training_session')
    .set({ material_file: file, material_bytes: bytes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return { replaced: before.material_file };
}

export function sessionById(db: Db, councilId: number, id: number) {
  return db
    .selectFrom('training_session')
    .select(sessionColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function sessionByCheckin(db: Db, councilId: number, code: string) {
  return db
    .selectFrom('training_session')
    .select(sessionColumns)
    .where('council_id', '=', councilId)
    .where('checkin_code', '=', code)
    .executeTakeFirst();
}

/** Sessions not yet over and not cancelled, soonest first. */
export function upcomingSessions(db: Db, councilId: number, audiences: TrainingAudience[], now: Date, limit: number) {
  return db
    .selectFrom('training_session')
    .select(sessionColumns)
    .where('council_id', '=', councilId)
    .where('audience', 'in', audiences)
    .where('cancelled_at', 'is', null)
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Every session, the latest first, with how many attended and their mean rating. */
export function officeSessions(db: Db, councilId: number, limit: number) {
  return db
    .selectFrom('training_session as s')
    .select(sessionColumns.map((c) => `s.${c}` as const))
    .select((eb) => [
      eb
        .selectFrom('training_registration as r')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('r.session_id', '=', 's.id')
        .where('r.attended_at', 'is not', null)
        .as('attended'),
    ])
    .where('s.council_id', '=', councilId)
    .orderBy('s.starts_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}

/** Takes a place if one is left and the session has not begun; false otherwise. */
export async function takePlace(db: Db, sessionId: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('training_session')
    .set({ registered: sql`registered + 1`, updated_at: now })
    .where('id', '=', sessionId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', now)
    .whereRef('registered', '<', 'capacity')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRegistration(db: Db, values: Insertable<TrainingRegistrationTable>): Promise<number> {
  const row = await db.insertInto('training_registration').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A citizen's registration, unless one with the same contact exists for the session: its id, or undefined. */
export async function insertCitizenRegistration(
  db: Db,
  values: Insertable<TrainingRegistrationTable>,
): Promise<number | undefined> {
  const row = await db
    .insertInto('training_registration')
    .values(values)
    .onConflict((oc) => oc.columns(['session_id', 'contact_lookup']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function deleteRegistration(db: Db, id: number): Promise<void> {
  await db.deleteFrom('training_registration').where('id', '=', id).execute();
}

const registrationColumns = [
  'id',
  'session_id',
  'user_id',
  'name_sealed',
  'email_sealed',
  'phone_sealed',
  'attended_at',
  'rating',
  'feedback',
  'evaluated_at',
  'certificate_code',
  'created_at',
] as const;

export function registrationOfUser(db: Db, sessionId: number, userId: number) {
  return db
    .selectFrom('training_registration')
    .select(registrationColumns)
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function registrationByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('training_registration')
    .select(registrationColumns)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function registrationsOf(db: Db, sessionId: number) {
  return db
    .selectFrom('training_registration')
    .select(registrationColumns)
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
}

export async function updateRegistration(
  db: Db,
  id: number,
  values: Updateable<TrainingRegistrationTable>,
): Promise<void> {
  await db
    .updateTable('training_registration')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function certificateCodeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('training_registration')
    .select('id')
    .where('certificate_code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function checkinCodeTaken(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('training_session').select('id').where('checkin_code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export function certificateByCode(db: Db, code: string) {
  return db
    .selectFrom('training_registration as r')
    .innerJoin('training_session as s', 's.id', 'r.session_id')
    .select([
      'r.id',
      'r.name_sealed',
      'r.attended_at',
      'r.certificate_code',
      's.council_id',
      's.title',
      's.topic',
      's.trainer',
      's.starts_at',
      's.ends_at',
    ])
    .where('r.certificate_code', '=', code)
    .executeTakeFirst();
}

/** The sessions a person registered for, the latest first. */
export function registrationsOfUser(db: Db, userId: number) {
  return db
    .selectFrom('training_registration as r')
    .innerJoin('training_session as s', 's.id', 'r.session_id')
    .select([
      'r.id',
      'r.attended_at',
      'r.evaluated_at',
      'r.certificate_code',
      's.id as session_id',
      's.title',
      's.topic',
      's.starts_at',
      's.ends_at',
      's.cancelled_at',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('s.starts_at', 'desc')
    .execute();
}

/** Every attendance of a year (by the session's start in Jakarta), for the totals per person. */
export function attendancesOfYear(db: Db, councilId: number, year: number) {
  return db
    .selectFrom('training_registration as r')
    .innerJoin('training_session as s', 's.id', 'r.session_id')
    .select(['r.user_id', 'r.name_sealed', 's.id as session_id', 's.audience', 's.topic', 's.starts_at', 's.ends_at'])
    .where('s.council_id', '=', councilId)
    .where('r.attended_at', 'is not', null)
    .where(sql<string>`extract(year from s.starts_at at time zone 'Asia/Jakarta')`, '=', String(year))
    .orderBy('r.id')
    .execute();
}

/** Who a registration is and how to reach them: its own contact, or an official's account email. */
const contactColumns = [
  'r.id',
  'r.name_sealed',
  'r.email_sealed',
  'r.phone_sealed',
  'u.email_sealed as account_email_sealed',
] as const;

/** Registrations for sessions that start within the window, not yet reminded. */
export function toRemind(db: Db, from: Date, until: Date) {
  return db
    .selectFrom('training_registration as r')
    .innerJoin('training_session as s', 's.id', 'r.session_id')
    .leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select([
      ...contactColumns,
      'r.token_hash',
      's.id as session_id',
      's.title',
      's.starts_at',
      's.place',
      's.online_url',
    ])
    .where('s.cancelled_at', 'is', null)
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', until)
    .where('r.reminded_at', 'is', null)
    .orderBy('r.id')
    .execute();
}

/** Names the survey that evaluates a session, or none. */
export async function setSurvey(db: Db, councilId: number, id: number, surveyId: number | null): Promise<boolean> {
  const done = await db
    .updateTable('training_session')
    .set({ survey_id: surveyId, updated_at: new Date() })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

/** Those present at a session that is over and has an evaluation survey, not yet invited to it. */
export function toInviteToSurvey(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('training_registration as r')
    .innerJoin('training_session as s', 's.id', 'r.session_id')
    .leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select([...contactColumns, 's.id as session_id', 's.council_id', 's.title', 's.survey_id'])
    .where('s.survey_id', 'is not', null)
    .where('s.cancelled_at', 'is', null)
    .where('s.ends_at', '<=', now)
    .where('r.attended_at', 'is not', null)
    .where('r.survey_invited_at', 'is', null)
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

/** Officials who can be invited by email: active accounts of the roles that act for the council. */
export function officialsToInvite(db: Db) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email_sealed', 'name_sealed'])
    .where('status', '=', 'active')
    .where('role', 'in', ['staff', 'member', 'moderator', 'administrator', 'ppid'])
    .orderBy('id')
    .execute();
}

/** Unlinks an erased account from its registrations and erases the name kept with them. */
export async function forgetUser(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('training_registration')
    .set({
      user_id: null,
      name_sealed: null,
      email_sealed: null,
      phone_sealed: null,
      contact_lookup: null,
      updated_at: new Date(),
    })
    .where('user_id', '=', userId)
    .execute();
}

/** Erases the contact kept for reminders once a session ended before the given time; how many. */
export async function eraseContacts(db: Db, endedBefore: Date): Promise<number> {
  const result = await db
    .updateTable('training_registration')
    .set({ email_sealed: null, phone_sealed: null, contact_lookup: null, updated_at: new Date() })
    .where('session_id', 'in', (sub) =>
      sub.selectFrom('training_session').select('id').where('ends_at', '<', endedBefore),
    )
    .where((eb) => eb.or([eb('email_sealed', 'is not', null), eb('phone_sealed', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
