/**
 * Personal access tokens for integrations with /api/v1: shown once, stored only as a hash,
 * limited to named scopes, optionally expiring, revocable. They are separate from cookie
 * sessions: a request with a token carries no cookie and needs no CSRF token.
 */
import { recordAudit } from '../platform/audit.ts';
import { hashToken, newToken } from '../platform/crypto.ts';
import type { CurrentUser, Deps, TokenUser } from '../platform/deps.ts';
import { scopes } from '../platform/permissions.ts';
import * as q from './queries.ts';
import { currentUser } from './service.ts';

export const TOKEN_PREFIX = 'dt_';

/** The longest a token lives: one left without a number of days gets this many. */
export const TOKEN_MAX_DAYS = 365;
const DAY = 24 * 3600 * 1000;

export type CreateTokenResult = { ok: true; token: string } | { ok: false; problem: 'name' | 'scopes' };

export async function createApiToken(
  deps: Deps,
  user: CurrentUser,
  input: { name: string; scopes: string[]; days: number | null },
  ip: string,
): Promise<CreateTokenResult> {
  const name = input.name.trim();
  if (name === '' || name.length > 80) return { ok: false, problem: 'name' };
  const chosen = [...new Set(input.scopes)];
  if (chosen.length === 0 || chosen.some((s) => !(s in scopes))) return { ok: false, problem: 'scopes' };
  const { token } = newToken();
  const full = `${TOKEN_PREFIX}${token}`;
  const days = Math.min(input.days ?? TOKEN_MAX_DAYS, TOKEN_MAX_DAYS);
  const expires = new Date(Date.now() + days * DAY);
  const { id } = await q.insertApiToken(deps.db, {
    user_id: user.id,
    name,
    token_hash: hashToken(full),
    scopes: chosen,
    expires_at: expires,
  });
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'api_token.created',
    subjectType: 'api_token',
    subjectId: id,
    ip,
    details: { scopes: chosen },
  });
  return { ok: true, token: full };
}

export function listApiTokens(deps: Deps, user: CurrentUser) {
  return q.apiTokensOf(deps.db, user.id);
}

export async function revokeApiToken(deps: Deps, user: CurrentUser, id: number, ip: string): Promise<boolean> {
  const result = await q.revokeApiToken(deps.db, user.id, id, new Date());
  const revoked = Number(result.numUpdatedRows) === 1;
  if (revoked)
    await recordAudit(deps.db, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: id,
      ip,
    });
  return revoked;
}

/** The user behind a bearer token, or null when it is unknown, revoked, expired or its account is not active. */
export async function resolveApiToken(deps: Deps, bearer: string): Promise<TokenUser | null> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.apiTokenWithUser(deps.db, hashToken(bearer));
  const now = new Date();
  if (row === undefined || row.revoked_at !== null || row.status !== 'active') return null;
  // Tokens made before every token had an end live TOKEN_MAX_DAYS from when they were made.
  const end = row.expires_at ?? new Date(row.created_at.getTime() + TOKEN_MAX_DAYS * DAY);
  if (end <= now) return null;
  if (row.last_used_at === null || now.getTime() - row.last_used_at.getTime() > 60_000)
    await q.touchApiToken(deps.db, row.token_id, now);
  // The token was made in a session that had passed every factor; it is the credential now.
  const session = { id: 0, expiresAt: end, mfaPassed: true };
  return { ...currentUser(deps, row, session), scopes: row.scopes };
}
