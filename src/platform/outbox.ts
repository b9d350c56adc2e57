/**
 * The transactional outbox: a message is written in the same transaction as the change it tells
 * of, and a worker delivers it afterwards with retries and backoff. A channel that is not
 * configured is recorded as such ("unconfigured"), never reported as sent.
 */
import { type Insertable, sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Database, OutboxStatus } from '../db/schema.ts';
import { normalisePhone } from './contact.ts';
import type { Sealer } from './crypto.ts';
import { fitSms } from './sms.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Sends one message or throws; implementations are channels (SMTP, an SMS/WhatsApp gateway). */
export interface Mailer {
  send(message: Email): Promise<void>;
}

export type ChannelName = 'email' | 'sms' | 'whatsapp' | 'push';
export type Channels = Partial<Record<ChannelName, Mailer>>;

export interface GatewayConfig {
  url: string;
  token: string;
  channels: ('sms' | 'whatsapp')[];
}

/**
 * An SMS/WhatsApp gateway reached over HTTP: POST {channel, to, text} as JSON with a bearer
 * token; any 2xx answer is delivery accepted, anything else (or no answer in 15 s) a failure
 * that the outbox retries. Most Indonesian gateways can be fronted by this shape.
 */
export function gatewayChannel(gateway: GatewayConfig, channel: 'sms' | 'whatsapp'): Mailer {
  return {
    async send(message) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.token}` },
        body: JSON.stringify({ channel, to: message.to, text: message.text }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`gateway answered ${response.status}`);
      await response.body?.cancel();
    },
  };
}

export function smtpMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
    // Without TLS on the connection, STARTTLS is used when the server offers it.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

export async function enqueueEmail(db: Db, sealer: Sealer, message: Email): Promise<void> {
  await enqueueMessage(db, sealer, { channel: 'email', ...message });
}

export interface OutgoingMessage extends Email {
  /** For "push", `to` is the push subscription's id and `text` the notification as JSON (platform/push.ts). */
  channel: ChannelName;
  /** What the message tells of (e.g. "aspiration:12"), so its delivery can be shown there. */
  topic?: string | undefined;
}

/** A message as the outbox keeps it: the recipient sealed, an SMS fitted. */
export type OutboxRow = Insertable<Database['outbox']>;

/**
 * A message made ready for the outbox, for a statement that writes it together with the change it
 * tells of; nothing for a number that sent STOP (see `stopMessages`). An SMS is made to fit one
 * message of the GSM alphabet (platform/sms.ts).
 */
export async function outboxRow(db: Db, sealer: Sealer, message: OutgoingMessage): Promise<OutboxRow | undefined> {
  if ((message.channel === 'sms' || message.channel === 'whatsapp') && (await stoppedNumber(db, sealer, message.to)))
    return undefined;
  return {
    channel: message.channel,
    recipient_sealed: sealer.seal(message.to),
    subject: message.subject,
    body: message.channel === 'sms' ? fitSms(message.text) : message.text,
    topic: message.topic ?? null,
  };
}

/** Queues a message in the caller's transaction (see `outboxRow`). */
export async function enqueueMessage(db: Db, sealer: Sealer, message: OutgoingMessage): Promise<void> {
  const row = await outboxRow(db, sealer, message);
  if (row !== undefined) await db.insertInto('outbox').values(row).execute();
}

/** The ways a person gave to be reached; an empty string is a way they did not give. */
export interface Contact {
  email: string;
  phone: string;
}

/**
 * Tells a person one thing on every way they gave: the mail to their email, the short text by
 * SMS, both under one topic. Written in the caller's transaction, like every message here.
 */
export async function enqueueToContact(
  db: Db,
  sealer: Sealer,
  to: Contact,
  message: { subject: string; mail: string; sms: string; topic: string },
): Promise<void> {
  if (to.email !== '')
    await enqueueMessage(db, sealer, {
      channel: 'email',
      to: to.email,
      subject: message.subject,
      text: message.mail,
      topic: message.topic,
    });
  if (to.phone !== '')
    await enqueueMessage(db, sealer, {
      channel: 'sms',
      to: to.phone,
      subject: message.subject,
      text: message.sms,
      topic: message.topic,
    });
}

export const MAX_ATTEMPTS = 8;
/** Messages a worker claims at a time, and how long they stay its own (a channel gives up on one within 40 s). */
const CLAIM_BATCH = 10;
const CLAIM_LEASE_MS = 15 * 60 * 1000;
/**
 * At most this many per run (a run starts every 5 s and after each request that queued mail): a
 * backlog of thousands is worked off steadily beside the requests, not in one burst that keeps a
 * database connection busy; several instances share it.
 */
const MAX_PER_RUN = 100;

/**
 * Messages that did not go out since `since`, per channel: given up after every attempt, or with
 * no channel configured to carry them.
 */
export async function undeliveredByChannel(db: Db, since: Date): Promise<{ channel: ChannelName; n: number }[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['channel', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', 'in', ['failed', 'unconfigured'])
    .where('created_at', '>=', since)
    .groupBy('channel')
    .orderBy('channel')
    .execute();
  return rows.map((r) => ({ channel: r.channel, n: Number(r.n) }));
}

/** Seconds to wait after the nth failed attempt: 30 s, 1 min, 2 min … at most 6 hours. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 6 * 60 * 60);
}

/**
 * The next batch of messages due, the longest due first (a new message falls due when it is
 * queued, so new ones go out in the order they came), locked for the claim and skipping those
 * another worker holds. It reads the index of pending messages in that order and stops at the
 * batch's end, however many messages are kept (migration 0051). Versions of rows that were once
 * pending stay in that index until they are vacuumed (platform/upkeep.ts sees to that where no
 * autovacuum does).
 */
export function dueMessages(db: Db) {
  // The database's clock, not this process's: a message is queued at the database's now(), to
  // the microsecond, and a process clock read in the same millisecond would find it not yet due.
  // Several app instances also agree on one clock this way.
  return db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(CLAIM_BATCH)
    .forUpdate()
    .skipLocked();
}

/**
 * How long a kick waits for others to join it before the worker claims. A claim and its status
 * update are two statements; when every answer that queued a message claimed at once, a stream of
 * submissions (400 a second) made one claim per two or three of them, about a sixth of what the
 * database did for each submission. A message waits at most this long more.
 */
const KICK_DELAY_MS = 200;

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  /** A kick's claim, waiting for others to join it. */
  private kicked: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  /** Asked to deliver while a run was under way: the run claims once more before it ends. */
  private askedAgain = false;

  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
    private readonly channels: Channels,
    private readonly log: { error(obj: object, msg: string): void },
  ) {}

  /** Delivers messages that are due (up to 100); returns how many were handled. One run at a time. */
  deliverDue(): Promise<number> {
    if (this.running !== undefined) {
      this.askedAgain = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Claims a batch of due messages for this worker: their next attempt moves a lease ahead, in one
   * statement that skips rows another worker has locked, so however many instances run, each
   * message goes to one of them. A worker that dies mid-batch leaves its messages to be tried again
   * when the lease runs out. The batch is small so that even slow channels finish within the lease.
   */
  private async claim() {
    const claimed = await this.db
      .updateTable('outbox')
      .set({
        next_attempt_at: sql<Date>`now() + ${CLAIM_LEASE_MS} * interval '1 millisecond'`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', 'in', dueMessages(this.db))
      .returning(['id', 'channel', 'recipient_sealed', 'subject', 'body', 'attempts'])
      .execute();
    return claimed.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /**
   * Claims and delivers until a claim comes back short of a full batch (nothing more is due, or
   * the rest is another worker's) and nobody asked again meanwhile — a message queued while the
   * claim was under way may have missed it — or until 100 were handled.
   */
  private async run(): Promise<number> {
    let handled = 0;
    let more = true;
    while (more && handled < MAX_PER_RUN) {
      this.askedAgain = false;
      const due = await this.claim();
      await this.deliver(due);
      handled += due.length;
      more = due.length === CLAIM_BATCH || this.askedAgain;
    }
    return handled;
  }

  private async deliver(due: Awaited<ReturnType<OutboxWorker['claim']>>): Promise<void> {
    // Messages no channel can carry are marked in one statement: nothing was attempted, so
    // nothing is lost if the process dies before (they are claimed again after the lease).
    const unconfigured = due.filter((m) => this.channels[m.channel] === undefined);
    if (unconfigured.length > 0)
      await this.db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'unconfigured',
          attempts: eb('attempts', '+', 1),
          updated_at: new Date(),
          last_error: sql<string>`'no ' || channel || ' channel is configured'`,
        }))
        .where(
          'id',
          'in',
          unconfigured.map((m) => m.id),
        )
        .execute();
    for (const message of due) {
      const channel = this.channels[message.channel];
      if (channel === undefined) continue;
      const update = async (
        status: OutboxStatus,
        extra: { last_error?: string | null; sent_at?: Date; next_attempt_at?: Date },
      ) =>
        this.db
          .updateTable('outbox')
          .set({ status, attempts: message.attempts + 1, updated_at: new Date(), ...extra })
          .where('id', '=', message.id)
          .execute();
      try {
        await channel.send({
          to: this.sealer.open(message.recipient_sealed),
          subject: message.subject,
          text: message.body,
        });
        await update('sent', { sent_at: new Date(), last_error: null });
      } catch (error) {
        const attempts = message.attempts + 1;
        const reason = error instanceof Error ? error.message : String(error);
        this.log.error({ err: error, outboxId: message.id }, 'message not delivered');
        await update(attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', {
          last_error: reason.slice(0, 500),
          next_attempt_at: new Date(Date.now() + backoffSeconds(attempts) * 1000),
        });
      }
    }
  }

  /**
   * Deliver soon, without waiting for the next tick (after a request wrote a message): within
   * KICK_DELAY_MS, in one claim for every kick meanwhile.
   */
  kick(): void {
    if (this.timer === undefined || this.kicked !== undefined) return;
    this.kicked = setTimeout(() => {
      this.kicked = undefined;
      void this.deliverDue().catch(() => {});
    }, KICK_DELAY_MS);
    this.kicked.unref();
  }

  start(intervalMs = 5000): void {
    this.timer = setInterval(() => void this.deliverDue().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.kicked);
    this.timer = undefined;
    this.kicked = undefined;
    await this.running;
  }
}

/** Whether a number sent STOP (and has not asked for messages again). */
export async function stoppedNumber(db: Db, sealer: Sealer, phone: string): Promise<boolean> {
  const row = await db
    .selectFrom('message_opt_out')
    .select('phone_lookup')
    .where('phone_lookup', '=', sealer.lookup(normalisePhone(phone)))
    .executeTakeFirst();
  return row !== undefined;
}

/** A number asked for no more messages (STOP), or asked for them again (false). */
export async function stopMessages(db: Db, sealer: Sealer, phone: string, stop: boolean): Promise<void> {
  const lookup = sealer.lookup(normalisePhone(phone));
  if (stop) {
    await db
      .insertInto('message_opt_out')
      .values({ phone_lookup: lookup })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('message_opt_out').where('phone_lookup', '=', lookup).execute();
  }
}
