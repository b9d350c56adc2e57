/**
 * Real-time signals between app processes through PostgreSQL LISTEN/NOTIFY: a change committed
 * by one process (a new aspiration) reaches the open inboxes of every process. Signals are sent
 * after the change commits, never inside its transaction (see Signals). On the embedded engine the
 * same statements run inside PGlite.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/index.ts';

export type Listener = (payload: string) => void;

export interface Realtime {
  subscribe(channel: string, listener: Listener): () => void;
  /**
   * Settles once this process listens on the channel (after a subscribe): a signal committed
   * from then on reaches its listeners. Never rejects; a failed LISTEN is logged and retried.
   */
  listening(channel: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Sends signals of changes that have committed. They are gathered into short transactions of
 * their own rather than sent in the transaction that made the change, because PostgreSQL lets one
 * notifying commit through at a time: it holds a single lock from before the commit until the
 * commit's WAL is on disk (PreCommit_Notify to AtCommit_Notify). Writes that notified therefore
 * queued behind each other's fsync, one by one, and a crowd asking questions in a hearing stalled
 * for seconds whenever the disk slowed (the bench's hearing row: asks and aspiration submissions
 * waiting on Lock/object). A statement that only notifies writes no data, and its commit does not
 * wait for the disk (pg_stat_wal: 200 one-row inserts, 200 WAL syncs; 200 notify-only statements,
 * none), so it holds the lock for a moment. The price: a process that dies
 * between a change's commit and its signal loses the signal, and a live page misses that update
 * until the next one or a reload.
 */
export interface Signals {
  /** Sends soon, with whatever else is waiting. Call after the change's transaction committed. */
  send(channel: string, payload: string): void;
  /** Settles when everything sent so far has left. */
  flush(): Promise<void>;
}

export function gatheredSignals(db: Db, log: { error(obj: object, msg: string): void }): Signals {
  // Keyed by channel and payload: PostgreSQL delivers one of identical signals of a transaction
  // anyway, so a burst of supports for one question leaves as one.
  let waiting = new Map<string, [string, string]>();
  let sending: Promise<void> | undefined;

  const pump = async () => {
    // Whatever the current turn of the event loop sends goes in the same statement.
    await new Promise((resolve) => setImmediate(resolve));
    while (waiting.size > 0) {
      const batch = [...waiting.values()];
      waiting = new Map();
      try {
        // One statement, one transaction of its own.
        await sql`select pg_notify(c, p)
          from unnest(${batch.map((b) => b[0])}::text[], ${batch.map((b) => b[1])}::text[]) as s(c, p)`.execute(db);
      } catch (error) {
        log.error({ err: error, signals: batch.length }, 'signals not sent');
      }
    }
    // Set in the same turn as the emptiness was seen: a signal sent after it starts a new pump.
    sending = undefined;
  };

  return {
    send(channel, payload) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      // PostgreSQL refuses a payload of 8,000 bytes or more, and with it the whole batch.
      if (Buffer.byteLength(payload) >= 8000) throw new Error(`signal on ${channel} too long`);
      waiting.set(`${channel}\n${payload}`, [channel, payload]);
      sending ??= pump();
    },
    async flush() {
      while (sending !== undefined) await sending;
    },
  };
}

class Listeners {
  private readonly byChannel = new Map<string, Set<Listener>>();
  private readonly ready = new Map<string, { promise: Promise<void>; resolve: () => void }>();

  /** The promise that settles when the channel is listened to; `heard` settles it. */
  listening(channel: string): Promise<void> {
    let entry = this.ready.get(channel);
    if (entry === undefined) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      entry = { promise, resolve };
      this.ready.set(channel, entry);
    }
    return entry.promise;
  }

  heard(channel: string): void {
    void this.listening(channel);
    this.ready.get(channel)?.resolve();
  }

  add(channel: string, listener: Listener): boolean {
    let set = this.byChannel.get(channel);
    const first = set === undefined;
    if (set === undefined) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    set.add(listener);
    return first;
  }

  remove(channel: string, listener: Listener): void {
    this.byChannel.get(channel)?.delete(listener);
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }

  emit(channel: string, payload: string): void {
    for (const listener of this.byChannel.get(channel) ?? []) listener(payload);
  }
}

export function pgliteRealtime(client: PGlite): Realtime {
  const listeners = new Listeners();
  const stops: Promise<() => Promise<void>>[] = [];
  return {
    subscribe(channel, listener) {
      if (listeners.add(channel, listener)) {
        const stop = client.listen(channel, (p) => listeners.emit(channel, p));
        stops.push(stop);
        void stop.then(
          () => listeners.heard(channel),
          () => {},
        );
      }
      return () => listeners.remove(channel, listener);
    },
    listening: (channel) => listeners.listening(channel),
    async close() {
      for (const stop of await Promise.all(stops)) await stop().catch(() => {});
    },
  };
}

/** One dedicated connection listens for the whole process and reconnects when it is lost. */
export function postgresRealtime(connectionString: string, log: { error(obj: object, msg: string): void }): Realtime {
  const listeners = new Listeners();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString });
      c.on('notification', (n) => listeners.emit(n.channel, n.payload ?? ''));
      c.on('error', (error) => {
        log.error({ err: error }, 'realtime connection lost');
        client = undefined;
        connecting = undefined;
        if (!closed) setTimeout(() => void connect().catch(() => {}), 1000).unref();
      });
      await c.connect();
      for (const channel of listeners.channels()) {
        await c.query(`listen "${channel}"`);
        listeners.heard(channel);
      }
      client = c;
      return c;
    })();
    return connecting;
  };

  return {
    subscribe(channel, listener) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (listeners.add(channel, listener)) {
        void connect()
          .then(async (c) => {
            if (c !== client) return;
            await c.query(`listen "${channel}"`);
            listeners.heard(channel);
          })
          .catch((error: unknown) => log.error({ err: error }, 'realtime listen failed'));
      }
      return () => listeners.remove(channel, listener);
    },
    listening: (channel) => listeners.listening(channel),
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
