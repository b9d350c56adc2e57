/**
 * A Kysely dialect for PGlite, the embedded PostgreSQL. PGlite has one connection, so this
 * driver hands it to one caller at a time: a transaction holds it from BEGIN to COMMIT and no
 * other query can slip in between.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/** How long one turn of the event loop may hand the connection from caller to caller. */
const HOLD_MS = 20;

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && affected > 0 ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite cannot stream; the method exists for the interface.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  /** Callers waiting for the connection (not counting the one holding it). */
  private waiting = 0;
  /** When this turn of the event loop first handed the connection from one caller to the next. */
  private turnBegan: number | undefined;

  constructor(private readonly client: PGlite) {
    this.connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.waiting++;
    try {
      await previous;
    } finally {
      this.waiting--;
    }
    this.release = release;
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    if (release === undefined) return;
    if (this.waiting === 0) return release();
    // PGlite runs each query on this thread. Handed over at once, a queue of waiting callers runs
    // one after another in a single turn of the event loop: 64 searches at once held it for over a
    // second, in which no timer ran, no socket was read and no kept page was served. Handed over on
    // the next turn every time, the database got so small a share of the loop beside a crowd reading
    // kept pages that writes queued up (a hearing's questions: 46 asked a second before, 29 after).
    // So the queue runs at once for up to HOLD_MS of a turn, then lets the loop turn once.
    const now = performance.now();
    if (this.turnBegan === undefined) {
      this.turnBegan = now;
      setImmediate(() => {
        this.turnBegan = undefined;
      });
    }
    if (now - this.turnBegan < HOLD_MS) return release();
    setImmediate(release);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async destroy(): Promise<void> {
    await this.queue;
    await this.client.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly client: PGlite) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.client);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own dialects take Kysely<any> here.
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
