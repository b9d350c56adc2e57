/**
 * Following something by email (a draft regulation, a project, an aspiration, a forum thread, a
 * consultation): double opt-in — a link to confirm
 * goes to the address and nothing else is sent before it is used — and every later message carries
 * a signed "stop" link that only the portal can make. One table for every kind of subject.
 */
import type { Db } from '../db/index.ts';
import { isEmail, normaliseEmail } from './contact.ts';
import { hashToken, newToken, type Sealer } from './crypto.ts';
import type { Deps } from './deps.ts';
import type { DataSubject, PersonalDataSection } from './feature.ts';
import type { MessageKey } from './i18n.ts';
import { enqueueMessage } from './outbox.ts';

export type SubjectType = 'raperda' | 'project' | 'aspiration' | 'forum' | 'consultation';

/** Where each kind of subject has its pages; its confirm and stop links live under them. */
export const subjectPages: Record<SubjectType, string> = {
  raperda: '/raperda',
  project: '/proyek',
  aspiration: '/aspirasi',
  forum: '/forum/utas',
  consultation: '/konsultasi',
};
export interface Subject {
  type: SubjectType;
  id: number;
}

/**
 * Records the wish to follow and returns the confirmation token to mail, or undefined when the
 * address already follows (nothing needs to be sent then).
 */
async function subscribe(db: Db, sealer: Sealer, subject: Subject, email: string): Promise<string | undefined> {
  const token = newToken();
  const row = await db
    .insertInto('subscription')
    .values({
      subject_type: subject.type,
      subject_id: subject.id,
      email_sealed: sealer.seal(email),
      email_lookup: sealer.lookup(email),
      token_hash: token.hash,
    })
    .onConflict((oc) =>
      oc
        .columns(['subject_type', 'subject_id', 'email_lookup'])
        .doUpdateSet({ token_hash: token.hash, updated_at: new Date() }),
    )
    .returning(['confirmed_at'])
    .executeTakeFirstOrThrow();
  return row.confirmed_at === null ? token.token : undefined;
}

/** Confirms with the mailed token; the subject followed, or undefined for an unknown token. */
export async function confirmSubscription(db: Db, type: SubjectType, token: string): Promise<number | undefined> {
  const row = await db
    .updateTable('subscription')
    .set({ confirmed_at: new Date(), updated_at: new Date() })
    .where('token_hash', '=', hashToken(token))
    .where('subject_type', '=', type)
    .returning('subject_id')
    .executeTakeFirst();
  return row?.subject_id;
}

function signature(sealer: Sealer, type: SubjectType, id: number): string {
  return sealer.lookup(`${type}-stop:${id}`).slice(0, 32);
}

/** The address of the "stop" link for one follower, under the subject's own pages (e.g. /proyek). */
export function stopLink(deps: Deps, type: SubjectType, subscriptionId: number): string {
  return `${deps.config.publicBaseUrl}${subjectPages[type]}/berhenti/${subscriptionId}/${signature(deps.sealer, type, subscriptionId)}`;
}

/**
 * Asks to follow a subject: records the wish and mails the confirmation link (the subject's pages
 * + /ikuti/<token>); nothing else is ever sent before it is used, and nothing at all when the
 * address already follows.
 */
export async function askToFollow(
  deps: Deps,
  subject: Subject,
  rawEmail: string,
  mail: (link: string) => { subject: string; text: string },
): Promise<{ ok: true } | { ok: false; problem: 'email' }> {
  const email = normaliseEmail(rawEmail);
  if (!isEmail(email) || email.length > 320) return { ok: false, problem: 'email' };
  await deps.db.transaction().execute(async (trx) => {
    const token = await subscribe(trx, deps.sealer, subject, email);
    if (token === undefined) return;
    const message = mail(`${deps.config.publicBaseUrl}${subjectPages[subject.type]}/ikuti/${token}`);
    await enqueueMessage(trx, deps.sealer, {
      channel: 'email',
      to: email,
      subject: message.subject,
      text: message.text,
      topic: `${subject.type}:${subject.id}`,
    });
  });
  return { ok: true };
}

/** Ends a subscription from its signed link; the subject, or undefined for a forged or used link. */
export async function unsubscribe(
  db: Db,
  sealer: Sealer,
  type: SubjectType,
  subscriptionId: number,
  sig: string,
): Promise<number | undefined> {
  if (sig !== signature(sealer, type, subscriptionId)) return undefined;
  const row = await db
    .deleteFrom('subscription')
    .where('id', '=', subscriptionId)
    .where('subject_type', '=', type)
    .returning('subject_id')
    .executeTakeFirst();
  return row?.subject_id;
}

/** Everyone who confirmed, with their address opened for sending. */
export async function confirmedSubscribers(
  db: Db,
  sealer: Sealer,
  subject: Subject,
): Promise<{ id: number; email: string }[]> {
  const rows = await db
    .selectFrom('subscription')
    .select(['id', 'email_sealed'])
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('confirmed_at', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: sealer.open(r.email_sealed) }));
}

/**
 * Moves the followers of one subject to another (e.g. when an aspiration is merged into the one it
 * duplicates), keeping whether each confirmed; an address that already follows the other is dropped.
 */
export async function moveSubscriptions(db: Db, from: Subject, to: Subject): Promise<void> {
  await db
    .updateTable('subscription')
    .set({ subject_type: to.type, subject_id: to.id, updated_at: new Date() })
    .where('subject_type', '=', from.type)
    .where('subject_id', '=', from.id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('subscription as other')
            .select('other.id')
            .where('other.subject_type', '=', to.type)
            .where('other.subject_id', '=', to.id)
            .whereRef('other.email_lookup', '=', 'subscription.email_lookup'),
        ),
      ),
    )
    .execute();
  await db.deleteFrom('subscription').where('subject_type', '=', from.type).where('subject_id', '=', from.id).execute();
}

/** What one address follows of one kind of subject, newest first, confirmed or still waiting. */
export function followsOf(
  db: Db,
  emailLookup: string,
  type: SubjectType,
): Promise<{ id: number; subject_id: number; confirmed_at: Date | null; created_at: Date }[]> {
  return db
    .selectFrom('subscription')
    .select(['id', 'subject_id', 'confirmed_at', 'created_at'])
    .where('email_lookup', '=', emailLookup)
    .where('subject_type', '=', type)
    .orderBy('id', 'desc')
    .execute();
}

/** Ends one follow of the address (from its own account page); false when it is not theirs. */
export async function stopFollowing(db: Db, emailLookup: string, subscriptionId: number): Promise<boolean> {
  const row = await db
    .deleteFrom('subscription')
    .where('id', '=', subscriptionId)
    .where('email_lookup', '=', emailLookup)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends every follow of the address: part of erasing the account that holds it. */
export async function forgetFollows(db: Db, emailLookup: string): Promise<void> {
  await db.deleteFrom('subscription').where('email_lookup', '=', emailLookup).execute();
}

/** One followed subject as its feature names it: its page, its title, where it stands. */
export interface FollowedSubject {
  id: number;
  href: string;
  text: string;
  state: MessageKey;
}

/**
 * The section "what you follow" of one kind of subject, for a person's copy of their data and
 * their account page: the feature names its subjects, a follow not yet confirmed says so.
 */
export async function followSection(
  deps: Deps,
  subject: DataSubject,
  type: SubjectType,
  section: { key: string; title: MessageKey },
  describe: (ids: number[]) => Promise<FollowedSubject[]>,
): Promise<PersonalDataSection> {
  const follows = await followsOf(deps.db, subject.emailLookup, type);
  const named = follows.length === 0 ? [] : await describe(follows.map((f) => f.subject_id));
  return {
    ...section,
    items: follows.flatMap((f) => {
      const s = named.find((n) => n.id === f.subject_id);
      if (s === undefined) return [];
      return [
        {
          link: { href: s.href, text: s.text },
          text: s.text,
          at: f.created_at,
          state: f.confirmed_at === null ? 'follow.pending' : s.state,
          followId: f.id,
          record: {
            type,
            page: s.href,
            title: s.text,
            since: f.created_at.toISOString(),
            confirmedAt: f.confirmed_at?.toISOString() ?? null,
          },
        },
      ];
    }),
  };
}
