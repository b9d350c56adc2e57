/**
 * Web Push: a browser that allows notifications gives a push subscription (an address at its push
 * service and the keys to encrypt to); the portal keeps it with what it follows, writes each
 * notification to the outbox in the caller's transaction (channel "push", to the subscription's
 * id), and the outbox worker sends it encrypted (RFC 8291) and signed (VAPID, RFC 8292) by the
 * web-push library. A subscription the push service says is gone (404/410) is removed, and the
 * message counts as done.
 */
import webpush from 'web-push';
import type { PushConfig } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Sealer } from './crypto.ts';
import { enqueueMessage, type Mailer, type OutboxRow, outboxRow } from './outbox.ts';
import type { Subject } from './subscriptions.ts';

/** What a notification shows, and the page it opens. */
export interface PushNotice {
  title: string;
  body: string;
  /** A path on this portal ("/aspirasi/ASP-2026-000123"). */
  url: string;
}

export interface NewPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * A subscription as a browser gives it, at one of the push services the configuration names (a
 * host name over https, its subdomains too, or an exact origin); anything else is refused, so that
 * nobody can make the portal post to addresses of their choosing.
 */
export function readSubscription(value: unknown, services: readonly string[]): NewPushSubscription | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } };
  const { endpoint } = v;
  const p256dh = v.keys?.p256dh;
  const auth = v.keys?.auth;
  if (typeof endpoint !== 'string' || typeof p256dh !== 'string' || typeof auth !== 'string') return undefined;
  if (
    endpoint.length > 1000 ||
    !/^[A-Za-z0-9_-]{80,100}={0,2}$/.test(p256dh) ||
    !/^[A-Za-z0-9_-]{16,30}={0,2}$/.test(auth)
  )
    return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return undefined;
  }
  const known = services.some((service) =>
    service.includes('://')
      ? url.origin === service
      : url.protocol === 'https:' && (url.hostname === service || url.hostname.endsWith(`.${service}`)),
  );
  return known ? { endpoint, p256dh, auth } : undefined;
}

/** Keeps a browser's subscription (updated if it was known) and what it asked to follow. */
export async function subscribePush(
  db: Db,
  subscription: NewPushSubscription,
  options: { userId: number | null; follow?: Subject | undefined; staffQueue?: boolean | undefined },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('push_subscription')
      .values({ ...subscription, user_id: options.userId, staff_queue: options.staffQueue === true })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet((eb) => ({
          p256dh: eb.ref('excluded.p256dh'),
          auth: eb.ref('excluded.auth'),
          user_id: eb.fn.coalesce(eb.ref('excluded.user_id'), eb.ref('push_subscription.user_id')),
          staff_queue: options.staffQueue === true ? true : eb.ref('push_subscription.staff_queue'),
          updated_at: new Date(),
        })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    if (options.follow !== undefined)
      await trx
        .insertInto('push_follow')
        .values({ subscription_id: id, subject_type: options.follow.type, subject_id: options.follow.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
  });
}

/** Stops one follow of a browser, or all its notifications when no subject is named. */
export async function unsubscribePush(db: Db, endpoint: string, follow?: Subject): Promise<void> {
  if (follow === undefined) {
    await db.deleteFrom('push_subscription').where('endpoint', '=', endpoint).execute();
    return;
  }
  await db
    .deleteFrom('push_follow')
    .where('subject_type', '=', follow.type)
    .where('subject_id', '=', follow.id)
    .where('subscription_id', 'in', (eb) =>
      eb.selectFrom('push_subscription').select('id').where('endpoint', '=', endpoint),
    )
    .execute();
}

/** A browser of the account that gets notifications: its push service, since when, and what for. */
export interface PushDevice {
  service: string;
  since: Date;
  staffQueue: boolean;
  follows: Subject[];
}

/** The browsers an account subscribed while signed in (its copy of personal data shows them). */
export async function pushDevicesOf(db: Db, userId: number): Promise<PushDevice[]> {
  const rows = await db
    .selectFrom('push_subscription as s')
    .leftJoin('push_follow as f', 'f.subscription_id', 's.id')
    .select(['s.id', 's.endpoint', 's.created_at', 's.staff_queue', 'f.subject_type', 'f.subject_id'])
    .where('s.user_id', '=', userId)
    .orderBy('s.id')
    .orderBy('f.id')
    .execute();
  const devices = new Map<number, PushDevice>();
  for (const row of rows) {
    let device = devices.get(row.id);
    if (device === undefined) {
      // The push service's host says which browser it is; the rest of the address is its secret.
      device = { service: new URL(row.endpoint).host, since: row.created_at, staffQueue: row.staff_queue, follows: [] };
      devices.set(row.id, device);
    }
    if (row.subject_type !== null && row.subject_id !== null)
      device.follows.push({ type: row.subject_type as Subject['type'], id: row.subject_id });
  }
  return [...devices.values()];
}

/** Ends every notification to the browsers of an account (its erasure, or consent withdrawn). */
export async function forgetPushDevices(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('push_subscription').where('user_id', '=', userId).execute();
}

async function enqueue(db: Db, sealer: Sealer, ids: number[], notice: PushNotice, topic?: string) {
  for (const id of ids)
    await enqueueMessage(db, sealer, {
      channel: 'push',
      to: String(id),
      subject: notice.title,
      text: JSON.stringify(notice),
      topic,
    });
}

/** Writes a notification to every browser that follows a subject by push, in the caller's transaction. */
export async function pushToFollowers(db: Db, sealer: Sealer, subject: Subject, notice: PushNotice): Promise<void> {
  const rows = await db
    .selectFrom('push_follow')
    .select('subscription_id')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
  await enqueue(
    db,
    sealer,
    rows.map((r) => r.subscription_id),
    notice,
    `${subject.type}:${subject.id}`,
  );
}

/**
 * The notifications for every official's browser that asked for news of the queue, ready to be
 * written with the change they tell of (see `outboxRow`).
 */
export async function staffQueuePushes(db: Db, sealer: Sealer, notice: PushNotice): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('push_subscription')
    .select('id')
    .where('staff_queue', '=', true)
    .where('user_id', 'is not', null)
    .execute();
  const notices: OutboxRow[] = [];
  for (const r of rows) {
    const row = await outboxRow(db, sealer, {
      channel: 'push',
      to: String(r.id),
      subject: notice.title,
      text: JSON.stringify(notice),
    });
    if (row !== undefined) notices.push(row);
  }
  return notices;
}

/** The outbox's push channel: `to` is a subscription id, `text` the notification as JSON. */
export function pushChannel(config: PushConfig, db: Db): Mailer {
  return {
    async send(message) {
      const subscription = await db
        .selectFrom('push_subscription')
        .select(['id', 'endpoint', 'p256dh', 'auth'])
        .where('id', '=', Number(message.to))
        .executeTakeFirst();
      // Unsubscribed since: nothing to send, and nothing to retry.
      if (subscription === undefined) return;
      // web-push encrypts and signs; the request is ours, so that the one transport (fetch, with
      // its timeout) serves every push service — and the loopback one of the tests.
      const request = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        message.text,
        {
          vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: config.privateKey },
          TTL: 24 * 60 * 60,
          contentEncoding: 'aes128gcm',
        },
      );
      const answer = await fetch(request.endpoint, {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: request.body === null ? null : new Uint8Array(request.body),
        signal: AbortSignal.timeout(15_000),
      });
      await answer.body?.cancel();
      if (answer.status === 404 || answer.status === 410) {
        await db.deleteFrom('push_subscription').where('id', '=', subscription.id).execute();
        return;
      }
      if (!answer.ok) throw new Error(`push service answered ${answer.status}`);
    },
  };
}
