/**
 * Opens the database: PGlite in DATA_DIR when DATABASE_URL is unset, a PostgreSQL server when it
 * is set. Both speak the same dialect through Kysely, and migrations run on open.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Engine = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Db;
  engine: Engine;
  /** The embedded engine itself, for taking a copy of its files (tests, backups). */
  pglite?: PGlite;
  /** The server's address, for connections of their own (LISTEN for real-time signals). */
  connectionString?: string;
  close(): Promise<void>;
}

/** Thrown when another live process already holds the embedded database directory. */
export class DatabaseBusyError extends Error {
  constructor(
    dir: string,
    readonly pid: number,
  ) {
    super(`The database in ${dir} is in use by process ${pid}; stop it first or choose another DATA_DIR`);
    this.name = 'DatabaseBusyError';
  }
}

// The same JavaScript types from both engines: ids and counts as numbers, dates as 'YYYY-MM-DD'.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;

pg.types.setTypeParser(INT8, parseInt8);
pg.types.setTypeParser(DATE, keepText);
pg.types.setTypeParser(NUMERIC, keepText);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite leaves postmaster.pid behind when its process is killed, and the next open then hangs.
 * Our own lock file says which process holds the directory: when that process is gone, the
 * leftover PostgreSQL lock is stale and is removed.
 */
function takeDirectory(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'dewan-terbuka.lock');
  if (existsSync(lock)) {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseBusyError(dir, pid);
    }
  }
  rmSync(path.join(dir, 'postmaster.pid'), { force: true });
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

export async function openPglite(dataDir: string | undefined, template?: Blob): Promise<OpenDatabase> {
  const dir = dataDir === undefined ? undefined : path.join(dataDir, 'db');
  const release = dir === undefined ? () => {} : takeDirectory(dir);
  try {
    const client = await PGlite.create({
      ...(dir === undefined ? {} : { dataDir: dir }),
      ...(template === undefined ? {} : { loadDataDir: template }),
      extensions: { pg_trgm },
      parsers: { [INT8]: parseInt8, [DATE]: keepText, [NUMERIC]: keepText },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
    return {
      db,
      engine: 'pglite',
      pglite: client,
      async close() {
        await db.destroy();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection that the server drops (restart, failover, a dropped database) must not
  // take the process down: the pool replaces it on the next query.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error(`PostgreSQL connection lost while idle: ${error.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, engine: 'postgres', connectionString, close: () => db.destroy() };
}

export function openDatabase(options: { databaseUrl: string | undefined; dataDir: string; databasePoolSize?: number }) {
  return options.databaseUrl === undefined
    ? openPglite(options.dataDir)
    : openPostgres(options.databaseUrl, options.databasePoolSize);
}
