/**
 * Accounts: sign-up with email confirmation, sign-in with lock-out, password reset, invitations
 * for officials, and sessions kept in the database. Expected outcomes are returned as values;
 * messages to people leave through the outbox in the same transaction as the change.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Role, TokenPurpose } from '../db/schema.ts';
import { recordAudit } from '../platform/audit.ts';
import { isEmail, normaliseEmail } from '../platform/contact.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps, MailContext } from '../platform/deps.ts';
import { enqueueEmail } from '../platform/outbox.ts';
import { isOfficial } from '../platform/permissions.ts';
import { isSingleLine } from '../platform/validation.ts';
import { hashPassword, type PasswordProblem, passwordProblem, verifyDecoy, verifyPassword } from './passwords.ts';
import * as q from './queries.ts';

export const CONSENT_VERSION = '2026-11';

export interface Origin {
  ip: string;
  userAgent: string | undefined;
}

const HOUR = 60 * 60 * 1000;
const lifetimes: Record<TokenPurpose, number> = {
  verify_email: 48 * HOUR,
  reset_password: HOUR,
  invitation: 7 * 24 * HOUR,
};

export const NAME_MAX = 120;

async function issueToken(db: Db, userId: number, purpose: TokenPurpose): Promise<string> {
  const { token, hash } = newToken();
  await q.retireTokens(db, userId, purpose, new Date());
  await q.insertToken(db, {
    token_hash: hash,
    user_id: userId,
    purpose,
    expires_at: new Date(Date.now() + lifetimes[purpose]),
  });
  return token;
}

function link(config: Config, path: string): string {
  return `${config.publicBaseUrl}${path}`;
}

export type SignUpProblem = 'email' | 'consent' | 'required' | 'nameTooLong' | 'nameLine' | PasswordProblem;
export type SignUpResult = { ok: true } | { ok: false; errors: { field: string; problem: SignUpProblem }[] };

export async function signUp(
  deps: Deps,
  mail: MailContext,
  input: { name: string; email: string; password: string; consent: boolean },
): Promise<SignUpResult> {
  const email = normaliseEmail(input.email);
  const errors: { field: string; problem: SignUpProblem }[] = [];
  const name = input.name.trim();
  if (name === '') errors.push({ field: 'name', problem: 'required' });
  else if (name.length > NAME_MAX) errors.push({ field: 'name', problem: 'nameTooLong' });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'nameLine' });
  if (!isEmail(email)) errors.push({ field: 'email', problem: 'email' });
  const weak = passwordProblem(input.password, email);
  if (weak !== undefined) errors.push({ field: 'password', problem: weak });
  if (!input.consent) errors.push({ field: 'consent', problem: 'consent' });
  if (errors.length > 0) return { ok: false, errors };

  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await q.userByLookup(trx, deps.sealer.lookup(email));
    if (existing !== undefined) {
      // Never tell the visitor that the address is registered; tell the owner instead.
      await enqueueEmail(trx, deps.sealer, {
        to: email,
        subject: mail.t('mail.signupExisting.subject', { site: mail.site }),
        text: mail.t('mail.signupExisting.body', { site: mail.site, link: link(deps.config, '/masuk') }),
      });
      return;
    }
    const now = new Date();
    const { id } = await q.insertUser(trx, {
      email_lookup: deps.sealer.lookup(email),
      email_sealed: deps.sealer.seal(email),
      name_sealed: deps.sealer.seal(input.name.trim()),
      password_hash: passwordHash,
      role: 'citizen',
      status: 'active',
      consent_version: CONSENT_VERSION,
      consent_at: now,
    });
    const token = await issueToken(trx, id, 'verify_email');
    await enqueueEmail(trx, deps.sealer, {
      to: email,
      subject: mail.t('mail.signup.subject', { site: mail.site }),
      text: mail.t('mail.signup.body', {
        name: input.name.trim(),
        site: mail.site,
        link: link(deps.config, `/konfirmasi/${token}`),
      }),
    });
    await recordAudit(trx, {
      actorUserId: id,
      actorRole: 'citizen',
      action: 'account.created',
      subjectType: 'user',
      subjectId: id,
    });
  });
  return { ok: true };
}

export async function confirmEmail(deps: Deps, token: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const now = new Date();
    const found = await q.validToken(trx, hashToken(token), 'verify_email', now);
    if (found === undefined || !(await q.useToken(trx, found.id, now))) return false;
    await q.updateUser(trx, found.user_id, { email_verified_at: now });
    await recordAudit(trx, {
      actorUserId: found.user_id,
      actorRole: 'citizen',
      action: 'account.email_confirmed',
      subjectType: 'user',
      subjectId: found.user_id,
    });
    return true;
  });
}

export const LOCK_AFTER = 5;
/** Minutes an account stays locked after the nth failure beyond the limit: 1, 2, 4 … 60. */
export function lockMinutes(failures: number): number {
  return Math.min(2 ** (failures - LOCK_AFTER), 60);
}

export type SignInResult =
  | { ok: true; userId: number; role: Role; needsMfa: boolean }
  | { ok: false; reason: 'failed' }
  | { ok: false; reason: 'locked'; minutes: number }
  | { ok: false; reason: 'unverified' };

export async function signIn(
  deps: Deps,
  mail: MailContext,
  input: { email: string; password: string },
  origin: Origin,
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const lookup = deps.sealer.lookup(email);
  const now = new Date();
  // Failures count per address whether or not it has an account: a lock-out tells nothing.
  const throttle = await q.throttleOf(deps.db, lookup);
  if (throttle?.locked_until != null && throttle.locked_until > now) {
    return {
      ok: false,
      reason: 'locked',
      minutes: Math.ceil((throttle.locked_until.getTime() - now.getTime()) / 60_000),
    };
  }
  const failed = async (user: { id: number; role: Role } | undefined): Promise<SignInResult> => {
    const failures = await q.countFailure(deps.db, lookup);
    const locked = failures >= LOCK_AFTER ? new Date(now.getTime() + lockMinutes(failures) * 60_000) : null;
    if (locked !== null) await q.lockThrottle(deps.db, lookup, locked);
    await recordAudit(deps.db, {
      actorUserId: user?.id ?? null,
      actorRole: user?.role ?? 'visitor',
      action: locked === null ? 'signin.failed' : 'signin.locked',
      ...(user === undefined ? {} : { subjectType: 'user', subjectId: user.id }),
      ip: origin.ip,
      details: { failures, known: user !== undefined },
    });
    return locked === null
      ? { ok: false, reason: 'failed' }
      : { ok: false, reason: 'locked', minutes: lockMinutes(failures) };
  };
  const user = await q.userByLookup(deps.db, lookup);
  if (user === undefined || user.password_hash === null || user.status !== 'active') {
    await verifyDecoy(input.password);
    return failed(undefined);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) return failed(user);
  if (user.email_verified_at === null) {
    await deps.db.transaction().execute(async (trx) => {
      const token = await issueToken(trx, user.id, 'verify_email');
      await enqueueEmail(trx, deps.sealer, {
        to: email,
        subject: mail.t('mail.signup.subject', { site: mail.site }),
        text: mail.t('mail.signup.body', {
          name: deps.sealer.open(user.name_sealed),
          site: mail.site,
          link: link(deps.config, `/konfirmasi/${token}`),
        }),
      });
    });
    return { ok: false, reason: 'unverified' };
  }
  await q.clearThrottle(deps.db, lookup);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'signin.succeeded',
    subjectType: 'user',
    subjectId: user.id,
    ip: origin.ip,
  });
  return {
    ok: true,
    userId: user.id,
    role: user.role,
    needsMfa: isOfficial(user.role) || user.totp_enabled_at !== null,
  };
}

export async function requestPasswordReset(deps: Deps, mail: MailContext, rawEmail: string): Promise<void> {
  const email = normaliseEmail(rawEmail);
  if (!isEmail(email)) return;
  await deps.db.transaction().execute(async (trx) => {
    const user = await q.userByLookup(trx, deps.sealer.lookup(email));
    if (user === undefined || user.status === 'disabled') return;
    const token = await issueToken(trx, user.id, 'reset_password');
    await enqueueEmail(trx, deps.sealer, {
      to: email,
      subject: mail.t('mail.reset.subject', { site: mail.site }),
      text: mail.t('mail.reset.body', { link: link(deps.config, `/atur-sandi/${token}`) }),
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'password.reset_requested',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}

export type SetPasswordResult = { ok: true; userId: number } | { ok: false; problem: PasswordProblem | 'token' };

/** Completes a reset or an invitation: single use, sets the password, ends every session. */
export async function setPasswordWithToken(
  deps: Deps,
  purpose: 'reset_password' | 'invitation',
  token: string,
  password: string,
): Promise<SetPasswordResult> {
  const found = await q.validToken(deps.db, hashToken(token), purpose, new Date());
  if (found === undefined) return { ok: false, problem: 'token' };
  const user = await q.userById(deps.db, found.user_id);
  if (user === undefined) return { ok: false, problem: 'token' };
  const weak = passwordProblem(password, deps.sealer.open(user.email_sealed));
  if (weak !== undefined) return { ok: false, problem: weak };
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const now = new Date();
    if (!(await q.useToken(trx, found.id, now))) return { ok: false, problem: 'token' } as const;
    await q.updateUser(trx, user.id, {
      password_hash: passwordHash,
      email_verified_at: user.email_verified_at ?? now,
      ...(purpose === 'invitation' ? { status: 'active' as const } : {}),
    });
    await q.deleteSessionsOf(trx, user.id);
    await q.clearThrottle(trx, user.email_lookup);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: purpose === 'invitation' ? 'invitation.accepted' : 'password.reset',
      subjectType: 'user',
      subjectId: user.id,
    });
    return { ok: true, userId: user.id } as const;
  });
}

/** Whether a link can still be used: checked before its form is shown. */
export async function tokenIsValid(deps: Deps, purpose: TokenPurpose, token: string): Promise<boolean> {
  return (await q.validToken(deps.db, hashToken(token), purpose, new Date())) !== undefined;
}

export async function invitationRole(deps: Deps, token: string): Promise<Role | undefined> {
  const found = await q.validToken(deps.db, hashToken(token), 'invitation', new Date());
  if (found === undefined) return undefined;
  return (await q.userById(deps.db, found.user_id))?.role;
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; field: 'current' | 'password'; problem: PasswordProblem | 'wrong' };

export async function changePassword(
  deps: Deps,
  user: CurrentUser,
  current: string,
  next: string,
): Promise<ChangePasswordResult> {
  const row = await q.userById(deps.db, user.id);
  if (row?.password_hash == null || !(await verifyPassword(row.password_hash, current))) {
    return { ok: false, field: 'current', problem: 'wrong' };
  }
  const weak = passwordProblem(next, user.email);
  if (weak !== undefined) return { ok: false, field: 'password', problem: weak };
  const passwordHash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    await q.updateUser(trx, user.id, { password_hash: passwordHash });
    await q.deleteSessionsOf(trx, user.id, user.sessionId);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'password.changed',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
  return { ok: true };
}

// Sessions ----------------------------------------------------------------------------------

const OFFICIAL_IDLE_MINUTES = 30;
const OFFICIAL_ABSOLUTE_HOURS = 12;

function limits(config: Config, role: Role) {
  const official = isOfficial(role);
  return {
    idleMs: Math.min(config.sessionIdleMinutes, official ? OFFICIAL_IDLE_MINUTES : Number.POSITIVE_INFINITY) * 60_000,
    absoluteMs:
      Math.min(config.sessionAbsoluteHours, official ? OFFICIAL_ABSOLUTE_HOURS : Number.POSITIVE_INFINITY) * HOUR,
  };
}

export async function startSession(
  deps: Deps,
  userId: number,
  role: Role,
  origin: Origin,
  mfaPassed: boolean,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + limits(deps.config, role).absoluteMs);
  await q.insertSession(deps.db, {
    token_hash: hash,
    user_id: userId,
    mfa_passed: mfaPassed,
    ip: origin.ip,
    user_agent: origin.userAgent?.slice(0, 300) ?? null,
    expires_at: expiresAt,
  });
  return { token, expiresAt };
}

/** The user behind a session cookie, or null when the session is unknown, idle too long or over. */
export async function resolveSession(deps: Deps, token: string): Promise<CurrentUser | null> {
  const row = await q.sessionWithUser(deps.db, hashToken(token));
  if (row === undefined) return null;
  const now = new Date();
  const { idleMs } = limits(deps.config, row.role);
  if (row.status !== 'active' || row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > idleMs) {
    await q.deleteSession(deps.db, row.session_id);
    return null;
  }
  // Write the last-seen time at most once a minute, not on every request.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) await q.touchSession(deps.db, row.session_id, now);
  return currentUser(deps, row, { id: row.session_id, expiresAt: row.expires_at, mfaPassed: row.mfa_passed });
}

/** The signed-in person as handlers see them, from an account row and what authenticated it. */
export function currentUser(
  deps: Deps,
  row: {
    id: number;
    role: Role;
    name_sealed: string;
    email_sealed: string;
    member_id: number | null;
    totp_enabled_at: Date | null;
  },
  session: { id: number; expiresAt: Date; mfaPassed: boolean },
): CurrentUser {
  return {
    id: row.id,
    role: row.role,
    name: deps.sealer.open(row.name_sealed),
    email: deps.sealer.open(row.email_sealed),
    memberId: row.member_id,
    sessionId: session.id,
    sessionExpiresAt: session.expiresAt,
    mfaPassed: session.mfaPassed,
    totpEnabled: row.totp_enabled_at !== null,
  };
}

export async function endSession(deps: Deps, user: CurrentUser): Promise<void> {
  await q.deleteSession(deps.db, user.sessionId);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'signout',
    subjectType: 'user',
    subjectId: user.id,
  });
}

export async function endOtherSessions(deps: Deps, user: CurrentUser): Promise<void> {
  await q.deleteSessionsOf(deps.db, user.id, user.sessionId);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'signout.everywhere',
    subjectType: 'user',
    subjectId: user.id,
  });
}

export function listSessions(deps: Deps, user: CurrentUser) {
  return q.sessionsOf(deps.db, user.id);
}

// Administration ----------------------------------------------------------------------------

export type InviteResult =
  | { ok: true; userId: number }
  | { ok: false; errors: { field: string; problem: 'email' | 'exists' | 'member' | 'name' }[] };

export async function inviteUser(
  deps: Deps,
  mail: MailContext,
  admin: CurrentUser,
  input: { name: string; email: string; role: Role; memberId: number | null },
): Promise<InviteResult> {
  const email = normaliseEmail(input.email);
  const errors: { field: string; problem: 'email' | 'exists' | 'member' | 'name' }[] = [];
  if (input.name.trim() === '') errors.push({ field: 'name', problem: 'name' });
  if (!isEmail(email)) errors.push({ field: 'email', problem: 'email' });
  if (input.role === 'member' && input.memberId === null) errors.push({ field: 'member', problem: 'member' });
  if (errors.length > 0) return { ok: false, errors };
  return deps.db.transaction().execute(async (trx) => {
    if ((await q.userByLookup(trx, deps.sealer.lookup(email))) !== undefined) {
      return { ok: false, errors: [{ field: 'email', problem: 'exists' as const }] };
    }
    const { id } = await q.insertUser(trx, {
      email_lookup: deps.sealer.lookup(email),
      email_sealed: deps.sealer.seal(email),
      name_sealed: deps.sealer.seal(input.name.trim()),
      role: input.role,
      member_id: input.role === 'member' ? input.memberId : null,
      status: 'invited',
    });
    const token = await issueToken(trx, id, 'invitation');
    await enqueueEmail(trx, deps.sealer, {
      to: email,
      subject: mail.t('mail.invite.subject', { site: mail.site }),
      text: mail.t('mail.invite.body', {
        name: input.name.trim(),
        site: mail.site,
        role: mail.t(`role.${input.role}`),
        link: link(deps.config, `/undangan/${token}`),
      }),
    });
    await recordAudit(trx, {
      actorUserId: admin.id,
      actorRole: admin.role,
      action: 'user.invited',
      subjectType: 'user',
      subjectId: id,
      details: { role: input.role },
    });
    return { ok: true, userId: id };
  });
}

export interface UserSummary {
  id: number;
  name: string;
  email: string;
  role: Role;
  status: 'invited' | 'active' | 'disabled';
  totpEnabled: boolean;
  memberName: string | null;
}

/** Every account with its personal data opened: an audited read. */
export async function listUsers(deps: Deps, reader: CurrentUser, ip: string): Promise<UserSummary[]> {
  const rows = await q.allUsers(deps.db);
  await recordAudit(deps.db, {
    actorUserId: reader.id,
    actorRole: reader.role,
    action: 'personal_data.read',
    subjectType: 'user',
    ip,
    details: { what: 'user list', count: rows.length },
  });
  return rows.map((r) => ({
    id: r.id,
    name: deps.sealer.open(r.name_sealed),
    email: deps.sealer.open(r.email_sealed),
    role: r.role,
    status: r.status,
    totpEnabled: r.totp_enabled_at !== null,
    memberName: r.member_name,
  }));
}

export type ChangeUserResult = { ok: true; name: string } | { ok: false; problem: 'self' | 'missing' };

/** A change of role or status ends every session of that user: privileges are never stale. */
export async function changeUser(
  deps: Deps,
  admin: CurrentUser,
  userId: number,
  change: { role?: Role; status?: 'active' | 'disabled'; memberId?: number | null },
  ip: string,
): Promise<ChangeUserResult> {
  if (userId === admin.id) return { ok: false, problem: 'self' };
  return deps.db.transaction().execute(async (trx) => {
    const user = await q.userById(trx, userId);
    if (user === undefined) return { ok: false, problem: 'missing' } as const;
    const status = change.status === 'active' && user.status === 'invited' ? 'invited' : change.status;
    await q.updateUser(trx, userId, {
      ...(change.role === undefined
        ? {}
        : { role: change.role, member_id: change.role === 'member' ? (change.memberId ?? user.member_id) : null }),
      ...(status === undefined ? {} : { status }),
    });
    await q.deleteSessionsOf(trx, userId);
    await recordAudit(trx, {
      actorUserId: admin.id,
      actorRole: admin.role,
      action: change.role === undefined ? 'user.status_changed' : 'user.role_changed',
      subjectType: 'user',
      subjectId: userId,
      ip,
      details: { from: { role: user.role, status: user.status }, to: change },
    });
    return { ok: true, name: deps.sealer.open(user.name_sealed) } as const;
  });
}

/**
 * Creates the first administrator from the command line (npm run admin:create), so a fresh
 * installation can be managed at all. It goes through the normal invitation link.
 */
export async function createFirstAdministrator(deps: Deps, mail: MailContext, input: { name: string; email: string }) {
  const email = normaliseEmail(input.email);
  if (!isEmail(email)) throw new Error(`not an email address: ${input.email}`);
  return deps.db.transaction().execute(async (trx) => {
    if ((await q.userByLookup(trx, deps.sealer.lookup(email))) !== undefined)
      throw new Error(`${email} already has an account`);
    const { id } = await q.insertUser(trx, {
      email_lookup: deps.sealer.lookup(email),
      email_sealed: deps.sealer.seal(email),
      name_sealed: deps.sealer.seal(input.name.trim()),
      role: 'administrator',
      status: 'invited',
    });
    const token = await issueToken(trx, id, 'invitation');
    await recordAudit(trx, {
      actorUserId: null,
      actorRole: 'console',
      action: 'user.invited',
      subjectType: 'user',
      subjectId: id,
      details: { role: 'administrator' },
    });
    return { userId: id, link: link(deps.config, `/undangan/${token}`), site: mail.site };
  });
}

/** Where to write to these accounts (active, with a confirmed address), for features that tell people of an outcome. */
export async function contactsOf(deps: Deps, ids: number[]): Promise<{ id: number; email: string; name: string }[]> {
  const rows = await q.activeUsersByIds(deps.db, ids);
  return rows
    .map((r) => ({ id: r.id, email: deps.sealer.open(r.email_sealed), name: deps.sealer.open(r.name_sealed) }))
    .filter((r) => r.email !== '');
}
