/**
 * More than one app instance. On PostgreSQL: three server processes on one database, with Redis
 * for the rate limits and nginx in front, show that nothing is done twice and nothing is lost —
 * queued mail sent once, scheduled jobs run once, the sign-in limit counted across instances, an
 * inbox update reaching a browser on another instance, and an instance restarted under load with
 * no failed request. On the embedded database one process owns the data: a second is refused.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { enqueueEmail } from '../src/platform/outbox.ts';
import { Agent, overHttp } from './helpers/agent.ts';
import { buildTestApp, type TestApp, testConfig } from './helpers/app.ts';
import { sendAspiration } from './helpers/aspirations.ts';
import { launchBrowser } from './helpers/browser.ts';
import { type Child, startChild } from './helpers/child.ts';
import { childDataPlace, testEngine } from './helpers/database.ts';
import { type Mailbox, startMailbox } from './helpers/mailbox.ts';
import { createUser, signIn } from './helpers/users.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Eight clients asking for a page one after another until stopped; counts what failed. With
 * `retryClosedConnection`, a client behaves like a browser (RFC 9112 §9.3.1): a GET whose
 * connection was closed or reset under it is sent again once, and counted in `retried` with where
 * it broke (before the answer, or while its body was read). A second failure is a failure.
 */
function startLoad(url: string, options: { retryClosedConnection?: boolean } = {}) {
  let stop = false;
  const failures: string[] = [];
  const retried: string[] = [];
  let answered = 0;
  const closedUnder = (error: unknown) => {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
  };
  const describe = (error: unknown) =>
    `${error} ${(error as { cause?: { code?: string; message?: string } }).cause?.code ?? ''}`;
  const once = async (): Promise<string> => {
    let stage = 'before the answer';
    try {
      const res = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } });
      stage = 'while reading the body';
      const body = await res.text();
      return res.status === 200 && body.trimEnd().endsWith('</html>') ? 'ok' : `status ${res.status}`;
    } catch (error) {
      if (options.retryClosedConnection === true && closedUnder(error))
        throw Object.assign(new Error(stage), { error });
      return describe(error);
    }
  };
  const client = async () => {
    while (!stop) {
      let outcome: string;
      try {
        outcome = await once();
      } catch (closed) {
        retried.push(`${(closed as Error).message}: ${describe((closed as { error: unknown }).error)}`);
        outcome = await once().catch((again: unknown) => describe((again as { error?: unknown }).error ?? again));
      }
      if (outcome === 'ok') answered++;
      else failures.push(outcome);
    }
  };
  const clients = Array.from({ length: 8 }, client);
  return {
    answered: () => answered,
    async stop() {
      stop = true;
      await Promise.all(clients);
      return { answered, failures, retried };
    },
  };
}

if (testEngine === 'pglite') {
  test('a second server on the same embedded data directory is refused and says why', async () => {
    const place = await childDataPlace();
    try {
      const first = startChild('src/server.ts', { ...place.env, PORT: '0' });
      await first.waitFor(/is running at/);
      const second = startChild('src/server.ts', { ...place.env, PORT: '0' });
      const { code } = await second.exited;
      assert.notEqual(code, 0, 'the second process stops');
      assert.match(second.output.join('\n'), /is in use by process \d+; stop it first or choose another DATA_DIR/);
      first.process.kill('SIGTERM');
      assert.equal((await first.exited).code, 0, 'the first one was never disturbed');
    } finally {
      await place.remove();
    }
  });

  test('start:cluster on the embedded database is refused and says what to use', async () => {
    const place = await childDataPlace();
    try {
      const primary = startChild('src/cluster.ts', { ...place.env, PORT: '0' });
      assert.equal((await primary.exited).code, 78);
      assert.match(primary.output.join('\n'), /DATABASE_URL: several processes need a PostgreSQL server/);
    } finally {
      await place.remove();
    }
  });
} else {
  describe('three instances on one PostgreSQL database', () => {
    const redisUrl = process.env.TEST_REDIS_URL;
    let t: TestApp;
    let mailbox: Mailbox;
    const ports: number[] = [];
    const servers: Child[] = [];
    let env: Record<string, string>;

    const start = async (i: number) => {
      const child = startChild('src/server.ts', { ...env, PORT: String(ports[i]) });
      await child.waitFor(/is running at/);
      servers[i] = child;
    };
    const base = (i: number) => `http://127.0.0.1:${ports[i]}`;

    before(async () => {
      if (redisUrl === undefined || redisUrl === '') {
        throw new Error('The PostgreSQL pass needs TEST_REDIS_URL (a Redis server) for limits across instances');
      }
      // The test's own handle on the database (for accounts and checks), with the instances' keys.
      t = await buildTestApp();
      mailbox = await startMailbox();
      const config = testConfig();
      env = {
        DATABASE_URL: t.database.connectionString ?? '',
        SEED_DEMO: 'false',
        SESSION_SECRET: config.sessionSecret,
        DATA_KEYS: config.dataKeys.map((k) => k.toString('base64')).join(','),
        LOOKUP_KEY: config.lookupKey.toString('base64'),
        REDIS_URL: redisUrl,
        REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mailbox.port),
        SMTP_FROM: 'DPRD <dprd@example.org>',
        UPLOAD_DIR: t.config.uploadDir,
        DATA_DIR: t.config.uploadDir,
        SHUTDOWN_TIMEOUT_MS: '4000',
      };
      for (let i = 0; i < 3; i++) ports.push(await freePort());
      await Promise.all([0, 1, 2].map(start));
    });
    after(async () => {
      for (const server of servers) server?.process.kill('SIGTERM');
      await Promise.all(servers.map((s) => s?.exited));
      await mailbox?.close();
      await t?.close();
    });

    test('each scheduled job ran once, though three instances started', async () => {
      const rows = await until(
        'every job recorded',
        async () => {
          const found = await t.database.db.selectFrom('scheduled_job').selectAll().execute();
          return found.length >= 20 && found.every((r) => r.last_finished_at !== null) ? found : undefined;
        },
        40_000,
      );
      assert.deepEqual(rows.map((r) => r.name).sort(), [
        'appointments.reminders',
        'aspirations.compact-tally',
        'aspirations.follow-up',
        'aspirations.orphan-photos',
        'aspirations.spike-alerts',
        'aspirations.suggest-categories',
        'aspirations.train-categories',
        'consultations.tell-followers',
        'database-upkeep',
        'information-requests.adopt-aspirations',
        'information-requests.erase-identities',
        'projects.orphan-photos',
        'reports.monthly',
        'reses.orphan-photos',
        'retention',
        'surveys.invite',
        'text-messages.clean-up',
        'training.erase-contacts',
        'training.evaluation-surveys',
        'training.reminders',
      ]);
      for (const row of rows) assert.equal(row.runs, 1, `${row.name} ran ${row.runs} times`);
    });

    test('200 queued emails reach the SMTP server exactly once each', async () => {
      mailbox.clear();
      for (let i = 0; i < 200; i++) {
        await enqueueEmail(t.database.db, t.app.sealer, {
          to: `penerima${i}@example.org`,
          subject: `Kabar ${i}`,
          text: 'Isi pesan',
        });
      }
      // Each instance's worker looks every 5 s; all three share the queue.
      await until('200 messages', async () => (mailbox.messages.length >= 200 ? true : undefined), 60_000);
      await sleep(6000);
      assert.equal(mailbox.messages.length, 200, 'no message was sent twice');
      assert.equal(new Set(mailbox.messages.flatMap((m) => m.to)).size, 200);
      const pending = await t.database.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
      assert.equal(pending.length, 0);
    });

    test('the sign-in limit counts tries spread over the three instances', async () => {
      const agents = [0, 1, 2].map((i) => new Agent(overHttp(base(i))));
      const statuses: number[] = [];
      for (let n = 0; n < 12; n++) {
        const agent = agents[n % 3] as Agent;
        await agent.get('/masuk');
        // A different address each time: the per-account lock-out (in the database) stays out of it.
        const res = await agent.post('/masuk', { email: `bukan.akun${n}@example.org`, password: 'salah sekali' });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) assert.match(res.body, /Terlalu banyak|coba lagi/i);
      }
      // Ten tries in five minutes from one address: the eleventh is refused, wherever it lands.
      assert.deepEqual(
        statuses.map((s) => s === 429),
        [...Array(10).fill(false), true, true],
        statuses.join(' '),
      );
    });

    test('a new aspiration sent to one instance reaches the inbox open on another', async () => {
      const staff = await createUser(t, 'staff');
      // Signed in through the test's own app: sessions live in the database, so any instance knows it.
      const officer = await signIn(t, staff);
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext();
        await context.addCookies(
          [...officer.cookies].map(([name, value]) => ({ name, value: encodeURIComponent(value), url: base(1) })),
        );
        const page = await context.newPage();
        await page.goto(`${base(1)}/kelola/aspirasi`);
        // The page marks itself once its stream says the instance listens: from then on nothing escapes it.
        await page.locator('[data-module="inbox-live"][data-listening]').waitFor();

        await sendAspiration(t, 'Lampu jalan mati', { via: new Agent(overHttp(base(0))) });

        await page.getByRole('link', { name: '1 aspirasi baru masuk. Muat ulang daftar.' }).waitFor({ timeout: 5000 });
      } finally {
        await browser.close();
      }
    });

    test('an instance restarted under load behind nginx: no request fails', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dewan-lb-'));
      chmodSync(dir, 0o755);
      const port = await freePort();
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream portal {
${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`,
      );
      const nginx: ChildProcess = spawn('/usr/sbin/nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
        stdio: 'ignore',
      });
      try {
        const front = `http://127.0.0.1:${port}`;
        await until(
          'nginx answers',
          () =>
            fetch(`${front}/healthz`).then(
              (r) => (r.ok ? true : undefined),
              () => undefined,
            ),
          10_000,
        );

        const load = startLoad(`${front}/anggota`);
        await sleep(1000);
        const before = load.answered();
        const old = servers[1] as Child;
        old.process.kill('SIGTERM');
        assert.equal((await old.exited).code, 0, 'the instance drained and stopped cleanly');
        await start(1);
        await sleep(2500);
        const { answered, failures } = await load.stop();

        assert.ok(before > 0 && answered > before + 20, `requests went on through the restart (${answered})`);
        assert.deepEqual(failures, [], `${failures.length} of ${answered + failures.length} requests failed`);
        const ready = await fetch(`${base(1)}/readyz`);
        assert.equal(ready.status, 200, 'the restarted instance is ready');
      } finally {
        nginx.kill('SIGTERM');
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('start:cluster: two workers on one port, restarted one by one under load, keep serving', async () => {
      const port = await freePort();
      const primary = startChild('src/cluster.ts', { ...env, PORT: String(port), CLUSTER_WORKERS: '2' });
      try {
        await primary.waitFor(/\[cluster\] 2 workers listening/);
        const load = startLoad(`http://127.0.0.1:${port}/anggota`, { retryClosedConnection: true });
        await sleep(1000);
        const before = load.answered();
        primary.process.kill('SIGHUP');
        await primary.waitFor(/\[cluster\] rolling restart done/, 60_000);
        await sleep(1000);
        const { answered, failures, retried } = await load.stop();
        const report = `${answered} answered; ${failures.length} failed: ${JSON.stringify(failures)}; ${retried.length} sent again: ${JSON.stringify(retried)}`;
        console.log(`start:cluster rolling restart: ${report}`);
        assert.equal(primary.output.filter((line) => /replaced by/.test(line)).length, 2, 'both workers replaced');
        assert.ok(before > 0 && answered > before + 20, `requests went on through the restart (${answered})`);
        // A leaving worker stops listening but leaves its kept-alive connections open: each gets
        // `Connection: close` with its next answer (platform/drain.ts). Only a connection still idle
        // when the worker finally closes can be closed under a client starting to reuse it, which
        // a browser sends again by itself: rare, and never twice for one request.
        assert.deepEqual(failures, [], report);
        assert.ok(retried.length <= answered / 1000, report);
      } finally {
        primary.process.kill('SIGTERM');
        assert.equal((await primary.exited).code, 0, 'the cluster stops cleanly');
      }
    });
  });
}
