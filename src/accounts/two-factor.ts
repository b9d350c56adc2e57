/**
 * Two-factor sign-in with TOTP (RFC 6238): a secret shown once as a QR code (inline SVG, no
 * outside service) with the text for typing in by hand; ten one-time recovery codes; a code is
 * accepted once (the time step is remembered, so an overheard code cannot be replayed).
 */
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '../platform/audit.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import * as q from './queries.ts';

const STEP_SECONDS = 30;

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** Starts (or restarts) enrolment: a new secret is kept, not yet enabled, until a code proves it. */
export async function beginEnrolment(deps: Deps, user: CurrentUser, issuer: string): Promise<Enrolment> {
  const row = await q.userById(deps.db, user.id);
  let secret: string;
  if (row?.totp_sealed != null && row.totp_enabled_at === null) {
    secret = deps.sealer.open(row.totp_sealed);
  } else {
    secret = generateSecret({ length: 20 });
    await q.updateUser(deps.db, user.id, { totp_sealed: deps.sealer.seal(secret), totp_enabled_at: null });
  }
  const uri = generateURI({ issuer, label: user.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

async function acceptCode(
  deps: Deps,
  userId: number,
  secret: string,
  lastStep: number | null,
  code: string,
): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: STEP_SECONDS });
  if (!result.valid) return false;
  const step = Math.floor(Date.now() / 1000 / STEP_SECONDS) + (result.delta ?? 0);
  if (lastStep !== null && step <= lastStep) return false;
  await q.updateUser(deps.db, userId, { totp_last_step: step });
  return true;
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomBytes(6).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

const normaliseRecovery = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '');

export type ConfirmResult = { ok: true; recoveryCodes: string[]; sessionToken: string } | { ok: false };

/** Finishes enrolment with a first code; returns the recovery codes, shown to the person once. */
export async function confirmEnrolment(deps: Deps, user: CurrentUser, code: string): Promise<ConfirmResult> {
  const row = await q.userById(deps.db, user.id);
  if (row?.totp_sealed == null) return { ok: false };
  if (!(await acceptCode(deps, user.id, deps.sealer.open(row.totp_sealed), row.totp_last_step, code)))
    return { ok: false };
  const codes = newRecoveryCodes();
  await q.replaceRecoveryCodes(
    deps.db,
    user.id,
    codes.map((c) => hashToken(normaliseRecovery(c))),
  );
  await q.updateUser(deps.db, user.id, { totp_enabled_at: new Date() });
  const { token, hash } = newToken();
  await q.rotateSession(deps.db, user.sessionId, hash, true);
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'mfa.enabled',
    subjectType: 'user',
    subjectId: user.id,
  });
  return { ok: true, recoveryCodes: codes, sessionToken: token };
}

export type ChallengeResult =
  | { ok: true; sessionToken: string; usedRecovery: boolean }
  | { ok: false; locked?: { minutes: number } };

/** Wrong codes an account may send before its pending sign-in is ended and the codes locked. */
export const MFA_LOCK_AFTER = 5;

/**
 * The second step of sign-in: a code from the app, or one of the recovery codes. Wrong codes are
 * counted per account, wherever they come from: after MFA_LOCK_AFTER the pending sign-in is ended
 * and no code (not even the right one) is taken for a growing while.
 */
export async function passChallenge(deps: Deps, user: CurrentUser, code: string, ip: string): Promise<ChallengeResult> {
  const row = await q.userById(deps.db, user.id);
  if (row?.totp_sealed == null || row.totp_enabled_at === null) return { ok: false };
  const key = `mfa:${user.id}`;
  const now = new Date();
  const lock = async (until: Date): Promise<ChallengeResult> => {
    await q.deleteSession(deps.db, user.sessionId);
    return { ok: false, locked: { minutes: Math.ceil((until.getTime() - now.getTime()) / 60_000) } };
  };
  const throttle = await q.throttleOf(deps.db, key);
  if (throttle?.locked_until != null && throttle.locked_until > now) return lock(throttle.locked_until);
  let usedRecovery = false;
  let passed = await acceptCode(deps, user.id, deps.sealer.open(row.totp_sealed), row.totp_last_step, code);
  if (!passed && normaliseRecovery(code).length === 12) {
    passed = await q.useRecoveryCode(deps.db, user.id, hashToken(normaliseRecovery(code)), new Date());
    usedRecovery = passed;
  }
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: passed ? 'mfa.passed' : 'mfa.failed',
    subjectType: 'user',
    subjectId: user.id,
    ip,
    details: usedRecovery ? { recoveryCode: true } : {},
  });
  if (!passed) {
    const failures = await q.countFailure(deps.db, key);
    if (failures < MFA_LOCK_AFTER) return { ok: false };
    // 1, 2, 4 … 60 minutes, growing with each wrong code beyond the limit.
    const minutes = Math.min(2 ** (failures - MFA_LOCK_AFTER), 60);
    const until = new Date(now.getTime() + minutes * 60_000);
    await q.lockThrottle(deps.db, key, until);
    return lock(until);
  }
  await q.clearThrottle(deps.db, key);
  const { token, hash } = newToken();
  await q.rotateSession(deps.db, user.sessionId, hash, true);
  return { ok: true, sessionToken: token, usedRecovery };
}

export async function recoveryCodesLeft(deps: Deps, user: CurrentUser): Promise<number> {
  return Number((await q.unusedRecoveryCodes(deps.db, user.id)).n);
}
