/**
 * A person's rights over their data (UU 27/2022 PDP): a copy of everything held about them,
 * correction, withdrawal of consent, and erasure. Each request is timestamped in data_request
 * (self-service requests complete at once) and recorded in the audit log. What a person made
 * public (later: aspirations, comments) stays, without their name.
 */
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../platform/audit.ts';
import { normaliseEmail, PHONE_PATTERN } from '../platform/contact.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { PersonalDataHooks, PersonalDataSection } from '../platform/feature.ts';
import { forgetPushDevices, pushDevicesOf } from '../platform/push.ts';
import { forgetFollows, stopFollowing } from '../platform/subscriptions.ts';
import { isSingleLine } from '../platform/validation.ts';
import { verifyPassword } from './passwords.ts';
import * as q from './queries.ts';

export interface PersonalDataCopy {
  generatedAt: string;
  account: {
    name: string;
    email: string;
    phone: string | null;
    role: string;
    status: string;
    emailConfirmedAt: string | null;
    twoStepVerification: boolean;
    createdAt: string;
  };
  consent: { version: string | null; givenAt: string | null; withdrawnAt: string | null };
  sessions: { ip: string | null; device: string | null; lastSeenAt: string; createdAt: string }[];
  messages: { channel: string; subject: string; status: string; createdAt: string; sentAt: string | null }[];
  activity: { at: string; action: string; ip: string | null }[];
  requests: { kind: string; requestedAt: string; completedAt: string | null }[];
  /** Browsers that get notifications for the account: their push service, and what they follow. */
  pushDevices: { service: string; since: string; staffQueue: boolean; follows: { type: string; id: number }[] }[];
  /** What each feature holds about the person (e.g. the aspirations they sent while signed in). */
  sections: PersonalDataSection[];
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export async function copyOfPersonalData(
  deps: Deps,
  hooks: readonly PersonalDataHooks[],
  user: CurrentUser,
  ip: string,
): Promise<PersonalDataCopy> {
  const now = new Date();
  await q.insertDataRequest(deps.db, { user_id: user.id, kind: 'access', requested_at: now, completed_at: now });
  await recordAudit(deps.db, {
    actorUserId: user.id,
    actorRole: user.role,
    action: 'personal_data.exported',
    subjectType: 'user',
    subjectId: user.id,
    ip,
  });
  const row = await q.userById(deps.db, user.id);
  if (row === undefined) throw new Error(`user ${user.id} vanished`);
  const subject = { userId: user.id, emailLookup: row.email_lookup };
  const [sessions, activity, requests, messages, devices, sections] = await Promise.all([
    q.sessionsOf(deps.db, user.id),
    q.auditAbout(deps.db, user.id),
    q.dataRequestsOf(deps.db, user.id),
    q.messagesTo(deps.db, (sealed) => {
      try {
        return deps.sealer.open(sealed).toLowerCase() === user.email.toLowerCase();
      } catch {
        return false;
      }
    }),
    pushDevicesOf(deps.db, user.id),
    Promise.all(hooks.map((hook) => hook.copy(deps, subject))),
  ]);
  return {
    generatedAt: now.toISOString(),
    account: {
      name: deps.sealer.open(row.name_sealed),
      email: deps.sealer.open(row.email_sealed),
      phone: row.phone_sealed === null ? null : deps.sealer.open(row.phone_sealed),
      role: row.role,
      status: row.status,
      emailConfirmedAt: iso(row.email_verified_at),
      twoStepVerification: row.totp_enabled_at !== null,
      createdAt: row.created_at.toISOString(),
    },
    consent: { version: row.consent_version, givenAt: iso(row.consent_at), withdrawnAt: iso(row.consent_withdrawn_at) },
    sessions: sessions.map((s) => ({
      ip: s.ip,
      device: s.user_agent,
      lastSeenAt: s.last_seen_at.toISOString(),
      createdAt: s.created_at.toISOString(),
    })),
    messages: messages.map((m) => ({
      channel: m.channel,
      subject: m.subject,
      status: m.status,
      createdAt: m.created_at.toISOString(),
      sentAt: iso(m.sent_at),
    })),
    activity: activity.map((a) => ({ at: a.at.toISOString(), action: a.action, ip: a.ip })),
    requests: requests.map((r) => ({
      kind: r.kind,
      requestedAt: r.requested_at.toISOString(),
      completedAt: iso(r.completed_at),
    })),
    pushDevices: devices.map((d) => ({
      service: d.service,
      since: d.since.toISOString(),
      staffQueue: d.staffQueue,
      follows: d.follows,
    })),
    sections: sections.flat(),
  };
}

/**
 * The person's own lists on /akun: what each feature holds of theirs (the aspirations they sent,
 * what they follow by email), as in their copy but without recording a request for it.
 */
export async function ownLists(
  deps: Deps,
  hooks: readonly PersonalDataHooks[],
  user: CurrentUser,
): Promise<PersonalDataSection[]> {
  const subject = { userId: user.id, emailLookup: deps.sealer.lookup(normaliseEmail(user.email)) };
  return (await Promise.all(hooks.map((hook) => hook.copy(deps, subject)))).flat();
}

/** Ends one of the account's follows from /akun; false when the follow is not theirs (or gone). */
export function stopOwnFollow(deps: Deps, user: CurrentUser, subscriptionId: number): Promise<boolean> {
  return stopFollowing(deps.db, deps.sealer.lookup(normaliseEmail(user.email)), subscriptionId);
}

export type CorrectionResult =
  | { ok: true }
  | { ok: false; errors: { field: 'name' | 'phone'; problem: 'required' | 'tooLong' | 'line' | 'phone' }[] };

export async function correctPersonalData(
  deps: Deps,
  user: CurrentUser,
  input: { name: string; phone: string },
  ip: string,
): Promise<CorrectionResult> {
  const name = input.name.trim();
  const phone = input.phone.trim();
  const errors: { field: 'name' | 'phone'; problem: 'required' | 'tooLong' | 'line' | 'phone' }[] = [];
  if (name === '') errors.push({ field: 'name', problem: 'required' });
  else if (name.length > 120) errors.push({ field: 'name', problem: 'tooLong' });
  else if (!isSingleLine(name)) errors.push({ field: 'name', problem: 'line' });
  if (phone !== '' && !PHONE_PATTERN.test(phone)) errors.push({ field: 'phone', problem: 'phone' });
  if (errors.length > 0) return { ok: false, errors };
  await deps.db.transaction().execute(async (trx) => {
    const now = new Date();
    await q.updateUser(trx, user.id, {
      name_sealed: deps.sealer.seal(name),
      phone_sealed: phone === '' ? null : deps.sealer.seal(phone),
    });
    await q.insertDataRequest(trx, { user_id: user.id, kind: 'correction', requested_at: now, completed_at: now });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'personal_data.corrected',
      subjectType: 'user',
      subjectId: user.id,
      ip,
    });
  });
  return { ok: true };
}

/**
 * Withdrawing consent and deleting the account both end the processing of the person's data:
 * the account is emptied of everything that identifies them and can no longer be used. The
 * password is asked again so that a forgotten open session cannot do it for them.
 */
export async function endAccount(
  deps: Deps,
  hooks: readonly PersonalDataHooks[],
  user: CurrentUser,
  kind: 'withdraw_consent' | 'erasure',
  password: string,
  ip: string,
): Promise<boolean> {
  const row = await q.userById(deps.db, user.id);
  if (row?.password_hash == null || !(await verifyPassword(row.password_hash, password))) return false;
  await deps.db.transaction().execute(async (trx) => {
    const now = new Date();
    // What the address follows by email, and every notification to its browsers, end with it.
    await forgetFollows(trx, row.email_lookup);
    await forgetPushDevices(trx, user.id);
    await q.eraseUser(trx, user.id, {
      lookup: `erased:${user.id}:${randomBytes(8).toString('hex')}`,
      email: deps.sealer.seal(''),
      name: deps.sealer.seal(''),
    });
    for (const hook of hooks) await hook.forget?.(trx, { userId: user.id, emailLookup: row.email_lookup });
    if (kind === 'withdraw_consent') await q.updateUser(trx, user.id, { consent_withdrawn_at: now });
    await q.insertDataRequest(trx, { user_id: user.id, kind, requested_at: now, completed_at: now });
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: kind === 'erasure' ? 'account.erased' : 'consent.withdrawn',
      subjectType: 'user',
      subjectId: user.id,
      ip,
    });
  });
  return true;
}

export async function phoneOf(deps: Deps, user: CurrentUser): Promise<string> {
  const row = await q.userById(deps.db, user.id);
  return row?.phone_sealed == null ? '' : deps.sealer.open(row.phone_sealed);
}

/** The copy as a file: each feature's section under its own key, as the JSON has always had it. */
export function personalDataJson(copy: PersonalDataCopy): string {
  const { sections, ...rest } = copy;
  const extra = Object.fromEntries(sections.map((section) => [section.key, section.items.map((item) => item.record)]));
  return JSON.stringify({ ...rest, ...extra }, null, 2);
}
