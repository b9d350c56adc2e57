/** The real application on a test database, for route tests with `app.inject`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig, newVapidKeys } from '../../src/config.ts';
import type { OpenDatabase } from '../../src/db/index.ts';
import { openTestDatabase, type TestDatabaseOptions } from './database.ts';
import { type Mailbox, startMailbox } from './mailbox.ts';

export interface TestApp {
  app: FastifyInstance;
  database: OpenDatabase;
  config: Config;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** One VAPID key pair for every test app (the embedded mode would write it to ./data). */
export const testVapid = newVapidKeys();

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    VAPID_PUBLIC_KEY: testVapid.publicKey,
    VAPID_PRIVATE_KEY: testVapid.privateKey,
    SESSION_SECRET: 'test-session-secret-that-is-long-enough',
    DATA_KEYS: Buffer.alloc(32, 7).toString('base64'),
    LOOKUP_KEY: Buffer.alloc(32, 8).toString('base64'),
    LOG_LEVEL: 'info',
    PUBLIC_BASE_URL: 'http://localhost:3000',
    // In-process tests drive the app through inject() in one tight chain of promises, which starves
    // the timers that measure the event loop: the measure would say "overloaded" about the test
    // itself. Overload is tested on a real server in test/overload.test.ts.
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    // Tests read what they just wrote; the page cache is tested on its own (platform/page-cache.test.ts).
    PAGE_CACHE_SECONDS: '0',
    ...overrides,
  });
}

export async function buildTestApp(
  options: TestDatabaseOptions & {
    env?: Record<string, string>;
    database?: OpenDatabase;
    /** Routes of the test's own, registered in the site beside the features'. */
    routes?: FastifyPluginAsync[];
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase(options));
  // Uploads of each app go to their own folder, removed with it.
  const uploadDir = mkdtempSync(path.join(tmpdir(), 'dewan-uploads-'));
  const config = testConfig({ UPLOAD_DIR: uploadDir, ...options.env });
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
      done();
    },
  });
  const app = await buildApp({ config, database, logStream, routes: options.routes ?? [] });
  return {
    app,
    database,
    config,
    logs,
    async close() {
      await app.close();
      await database.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

/** The app with its mail going to a real SMTP server on loopback that keeps every message. */
export async function buildAppWithMailbox(
  options: TestDatabaseOptions & { env?: Record<string, string> } = {},
): Promise<{ app: TestApp; mailbox: Mailbox }> {
  const mailbox = await startMailbox();
  const app = await buildTestApp({
    ...options,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailbox.port),
      SMTP_FROM: 'DPRD <dprd@example.org>',
      ...options.env,
    },
  });
  const close = app.close;
  app.close = async () => {
    await close();
    await mailbox.close();
  };
  return { app, mailbox };
}
