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
  close(): Promise<void>;
}

/** Sends a signal; inside a transaction it leaves at commit. Channel names are fixed identifiers. */
export async function publish(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

class Listeners {
  private readonly byChannel = new Map<string, Set<Listener>>();

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
      if (listeners.add(channel, listener)) stops.push(client.listen(channel, (p) => listeners.emit(channel, p)));
      return () => listeners.remove(channel, listener);
    },
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
      for (const channel of listeners.channels()) await c.query(`listen "${channel}"`);
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
          .then((c) => (c === client ? c.query(`listen "${channel}"`) : undefined))
          .catch((error: unknown) => log.error({ err: error }, 'realtime listen failed'));
      }
      return () => listeners.remove(channel, listener);
    },
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
