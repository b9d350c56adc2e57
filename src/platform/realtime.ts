/**
 * Real-time signals between app processes through PostgreSQL LISTEN/NOTIFY: a change committed
 * by one process (a new aspiration) reaches the open inboxes of every process. A notification
 * sent inside a transaction is delivered only if that transaction commits. On the embedded
 * engine the same statements run inside PGlite.
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

/** Sends a signal; inside a transaction it leaves at commit. Channel names are fixed identifiers. */
export async function publish(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
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
