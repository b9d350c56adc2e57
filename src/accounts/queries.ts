/** Queries over accounts, their one-time links and their sessions. */

import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { AppUserTable, DataRequestKind, Role, TokenPurpose } from '../db/schema.ts';

export function userByLookup(db: Db, lookup: string) {
  return db.selectFrom('app_user').selectAll().where('email_lookup', '=', lookup).executeTakeFirst();
}

export function userById(db: Db, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertUser(db: Db, values: Insertable<AppUserTable>) {
  return db.insertInto('app_user').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateUser(db: Db, id: number, values: Updateable<AppUserTable>) {
  return db
    .updateTable('app_user')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function allUsers(db: Db) {
  return db
    .selectFrom('app_user')
    .leftJoin('member', 'member.id', 'app_user.member_id')
    .select([
      'app_user.id',
      'app_user.email_sealed',
      'app_user.name_sealed',
      'app_user.role',
      'app_user.status',
      'app_user.totp_enabled_at',
      'app_user.created_at',
      'member.name as member_name',
    ])
    .orderBy('app_user.id')
    .execute();
}

export function countUsersWithRole(db: Db, role: Role) {
  return db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
}

export function insertToken(
  db: Db,
  values: { token_hash: string; user_id: number; purpose: TokenPurpose; expires_at: Date },
) {
  return db.insertInto('one_time_token').values(values).execute();
}

export function validToken(db: Db, tokenHash: string, purpose: TokenPurpose, now: Date) {
  return db
    .selectFrom('one_time_token')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a token used; false when another request used it first. */
export async function useToken(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('one_time_token')
    .set({ used_at: now, updated_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function retireTokens(db: Db, userId: number, purpose: TokenPurpose, now: Date) {
  return db
    .updateTable('one_time_token')
    .set({ used_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export function insertSession(
  db: Db,
  values: {
    token_hash: string;
    user_id: number;
    mfa_passed: boolean;
    ip: string | null;
    user_agent: string | null;
    expires_at: Date;
  },
) {
  return db.insertInto('user_session').values(values).returning('id').executeTakeFirstOrThrow();
}

export function sessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.id as session_id',
      'user_session.mfa_passed',
      'user_session.last_seen_at',
      'user_session.expires_at',
      'user_session.created_at as session_created_at',
      'app_user.id',
      'app_user.role',
      'app_user.status',
      'app_user.name_sealed',
      'app_user.email_sealed',
      'app_user.totp_enabled_at',
      'app_user.member_id',
    ])
    .where('user_session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function touchSession(db: Db, id: number, now: Date) {
  return db.updateTable('user_session').set({ last_seen_at: now, updated_at: now }).where('id', '=', id).execute();
}

export function deleteSession(db: Db, id: number) {
  return db.deleteFrom('user_session').where('id', '=', id).execute();
}

export function deleteSessionsOf(db: Db, userId: number, exceptId?: number) {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.execute();
}

export function sessionsOf(db: Db, userId: number) {
  return db
    .selectFrom('user_session')
    .select(['id', 'ip', 'user_agent', 'last_seen_at', 'created_at', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export function replaceRecoveryCodes(db: Db, userId: number, hashes: string[]) {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_code')
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
      .execute();
  });
}

/** Uses a recovery code once; false when it is unknown or already used. */
export async function useRecoveryCode(db: Db, userId: number, codeHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('recovery_code')
    .set({ used_at: now, updated_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function unusedRecoveryCodes(db: Db, userId: number) {
  return db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
}

/** Moves a session to a new token (after the second factor): the old cookie is worthless. */
export function rotateSession(db: Db, id: number, tokenHash: string, mfaPassed: boolean) {
  return db
    .updateTable('user_session')
    .set({ token_hash: tokenHash, mfa_passed: mfaPassed, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function insertDataRequest(
  db: Db,
  values: { user_id: number; kind: DataRequestKind; requested_at: Date; completed_at: Date | null; details?: string },
) {
  return db.insertInto('data_request').values(values).execute();
}

export function dataRequestsOf(db: Db, userId: number) {
  return db
    .selectFrom('data_request')
    .select(['kind', 'requested_at', 'completed_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export function auditAbout(db: Db, userId: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'action', 'ip', 'actor_role'])
    .where((eb) =>
      eb.or([
        eb('actor_user_id', '=', userId),
        eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', String(userId))]),
      ]),
    )
    .orderBy('id')
    .execute();
}

export function messagesTo(db: Db, recipientSealedIn: (sealed: string) => boolean) {
  // Recipients are sealed with a random IV, so they cannot be matched in SQL: filter after opening.
  return db
    .selectFrom('outbox')
    .select(['recipient_sealed', 'channel', 'subject', 'status', 'created_at', 'sent_at'])
    .orderBy('id')
    .execute()
    .then((rows) => rows.filter((r) => recipientSealedIn(r.recipient_sealed)));
}

/** Removes what identifies a person and everything that lets the account be used. */
export async function eraseUser(db: Db, userId: number, placeholder: { lookup: string; email: string; name: string }) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
  await db.deleteFrom('one_time_token').where('user_id', '=', userId).execute();
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await db.deleteFrom('api_token').where('user_id', '=', userId).execute();
  await db
    .updateTable('app_user')
    .set({
      email_lookup: placeholder.lookup,
      email_sealed: placeholder.email,
      name_sealed: placeholder.name,
      phone_sealed: null,
      password_hash: null,
      totp_sealed: null,
      totp_enabled_at: null,
      totp_last_step: null,
      status: 'disabled',
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
}

export function insertApiToken(
  db: Db,
  values: { user_id: number; name: string; token_hash: string; scopes: string[]; expires_at: Date | null },
) {
  return db.insertInto('api_token').values(values).returning('id').executeTakeFirstOrThrow();
}

export function apiTokensOf(db: Db, userId: number) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'scopes', 'last_used_at', 'expires_at', 'revoked_at', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

export function revokeApiToken(db: Db, userId: number, id: number, now: Date) {
  return db
    .updateTable('api_token')
    .set({ revoked_at: now, updated_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function apiTokenWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select([
      'api_token.id as token_id',
      'api_token.scopes',
      'api_token.expires_at',
      'api_token.created_at',
      'api_token.revoked_at',
      'api_token.last_used_at',
      'app_user.id',
      'app_user.role',
      'app_user.status',
      'app_user.name_sealed',
      'app_user.email_sealed',
      'app_user.member_id',
      'app_user.totp_enabled_at',
    ])
    .where('api_token.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function touchApiToken(db: Db, id: number, now: Date) {
  return db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
}

export function throttleOf(db: Db, lookup: string) {
  return db
    .selectFrom('sign_in_throttle')
    .select(['failures', 'locked_until'])
    .where('email_lookup', '=', lookup)
    .executeTakeFirst();
}

/**
 * One more failed sign-in for the address, counted in the database in one statement, so that
 * attempts made at the same moment each count (read-then-write let twenty at once count as one).
 */
export async function countFailure(db: Db, lookup: string): Promise<number> {
  const now = new Date();
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ email_lookup: lookup, failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.column('email_lookup').doUpdateSet({ failures: sql`sign_in_throttle.failures + 1`, updated_at: now }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

export function lockThrottle(db: Db, lookup: string, until: Date) {
  return db
    .updateTable('sign_in_throttle')
    .set({ locked_until: until, updated_at: new Date() })
    .where('email_lookup', '=', lookup)
    .execute();
}

export function clearThrottle(db: Db, lookup: string) {
  return db.deleteFrom('sign_in_throttle').where('email_lookup', '=', lookup).execute();
}

/** Active accounts among these ids, with their sealed address and name. */
export function activeUsersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'email_sealed', 'name_sealed'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .where('email_verified_at', 'is not', null)
    .execute();
}
