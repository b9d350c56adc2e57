/**
 * A fresh, migrated database with the demo council for one test file, on the engine the run
 * asks for: TEST_ENGINE=pglite (default; loaded from the template the runner prepared) or
 * TEST_ENGINE=postgres (a new database on TEST_DATABASE_URL's server, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Engine, type OpenDatabase, openPglite, openPostgres } from '../../src/db/index.ts';
import { seedCouncil } from '../../src/db/seed/index.ts';

export const testEngine: Engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') throw new Error('TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  return url;
}

/** The server address of TEST_DATABASE_URL with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dewan_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: databaseUrl(name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface TestDatabaseOptions {
  /** Load the demo council (default true). */
  seed?: boolean | string;
}

export async function openTestDatabase({ seed = true }: TestDatabaseOptions = {}): Promise<OpenDatabase> {
  const council = typeof seed === 'string' ? seed : 'kota-bekasi';
  if (testEngine === 'postgres') {
    const created = await createPostgresDatabase();
    const open = await openPostgres(created.url, 4);
    if (seed !== false) await seedCouncil(open.db, council);
    return {
      ...open,
      async close() {
        await open.close();
        await created.drop();
      },
    };
  }
  const template = process.env.TEST_PGLITE_TEMPLATE;
  const useTemplate = template !== undefined && template !== '' && seed === true;
  const open = useTemplate
    ? await openPglite(undefined, new Blob([await readFile(template)]))
    : await openPglite(undefined);
  if (!useTemplate && seed !== false) await seedCouncil(open.db, council);
  return open;
}

/**
 * Where a child server or writer keeps its data: a fresh DATA_DIR and, on the PostgreSQL pass, a
 * fresh database. `env` is what the child needs; `remove()` cleans both up.
 */
export async function childDataPlace(): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dewan-child-'));
  const created = testEngine === 'postgres' ? await createPostgresDatabase() : undefined;
  return {
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: created?.url ?? '',
      SESSION_SECRET: 'child-process-session-secret-long-enough',
      DATA_KEYS: Buffer.alloc(32, 3).toString('base64'),
      LOOKUP_KEY: Buffer.alloc(32, 4).toString('base64'),
    },
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      await created?.drop();
    },
  };
}
