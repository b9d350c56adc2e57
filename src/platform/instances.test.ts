/**
 * What several app instances share through the database, tried in one process with one database
 * handle per "instance" (on PostgreSQL, pools of their own as separate processes have): outbox
 * workers that never send a message twice, and scheduled jobs that run once per period.
 * test/instances.test.ts tries the same with real server processes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp } from '../../test/helpers/app.ts';
import { openTestDatabase, testEngine } from '../../test/helpers/database.ts';
import { type Mailbox, startMailbox } from '../../test/helpers/mailbox.ts';
import { type Db, type OpenDatabase, openPostgres } from '../db/index.ts';
import { createSealer } from './crypto.ts';
import { claimJobRun, runJobIfDue, scheduleJobs } from './jobs.ts';
import { enqueueEmail, enqueueMessage, OutboxWorker, smtpMailer } from './outbox.ts';
import { pacer } from './text-classifier.ts';

const sealer = createSealer([Buffer.alloc(32, 5)], Buffer.alloc(32, 6));
const quiet = { info() {}, error() {}, warn() {} };

let database: OpenDatabase;
const others: OpenDatabase[] = [];
/** Three handles on the one database: the test's own and two more on PostgreSQL. */
let handles: Db[];
let mailbox: Mailbox;

before(async () => {
  database = await openTestDatabase();
  mailbox = await startMailbox();
  if (database.connectionString !== undefined) {
    for (let i = 0; i < 2; i++) others.push(await openPostgres(database.connectionString, 4));
  }
  handles = [database.db, ...others.map((o) => o.db)];
  while (handles.length < 3) handles.push(database.db);
});
after(async () => {
  for (const other of others) await other.close();
  await database.close();
  await mailbox.close();
});

const smtp = () =>
  smtpMailer({
    host: '127.0.0.1',
    port: mailbox.port,
    secure: false,
    user: undefined,
    password: undefined,
    from: 'DPRD <dprd@example.org>',
  });

describe(`the outbox with three workers (${testEngine})`, () => {
  test('200 queued emails are each delivered exactly once', async () => {
    mailbox.clear();
    for (let i = 0; i < 200; i++) {
      await enqueueEmail(database.db, sealer, { to: `warga${i}@example.org`, subject: `Pesan ${i}`, text: 'Isi' });
    }
    const workers = handles.map((db) => new OutboxWorker(db, sealer, { email: smtp() }, quiet));
    const handled = await Promise.all(workers.map((w) => w.deliverDue()));

    assert.equal(
      handled.reduce((a, b) => a + b, 0),
      200,
      'the workers between them handled each message once',
    );
    assert.equal(mailbox.messages.length, 200, 'the SMTP server received 200 messages');
    const recipients = new Set(mailbox.messages.flatMap((m) => m.to));
    assert.equal(recipients.size, 200, 'one to each address');
    const rows = await database.db.selectFrom('outbox').select(['status', 'attempts']).execute();
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1));
    if (testEngine === 'postgres') {
      assert.ok(handled.filter((n) => n > 0).length >= 2, `the work was shared: ${handled.join(', ')}`);
    }
  });

  test('a message claimed by a worker that died is left alone until its lease ends, then sent', async () => {
    mailbox.clear();
    await database.db.deleteFrom('outbox').execute();
    await enqueueEmail(database.db, sealer, { to: 'sekali@example.org', subject: 'Sekali', text: 'Isi' });
    // A worker whose channel never answers stands for one that died holding the message.
    const stuck = new OutboxWorker(
      handles[1] as Db,
      sealer,
      { email: { send: () => new Promise<void>(() => {}) } },
      quiet,
    );
    void stuck.deliverDue();
    // Its claim is written before the channel is asked.
    for (let i = 0; i < 100; i++) {
      const row = await database.db.selectFrom('outbox').select('next_attempt_at').executeTakeFirstOrThrow();
      if (row.next_attempt_at.getTime() > Date.now()) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const healthy = new OutboxWorker(handles[2] as Db, sealer, { email: smtp() }, quiet);
    assert.equal(await healthy.deliverDue(), 0, 'another worker does not take a claimed message');
    assert.equal(mailbox.to('sekali@example.org').length, 0);

    await database.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .execute();
    assert.equal(await healthy.deliverDue(), 1, 'after the lease it is sent');
    assert.equal(mailbox.to('sekali@example.org').length, 1);
  });

  test('a failed delivery is tried again later, not at once', async () => {
    await database.db.deleteFrom('outbox').execute();
    await enqueueEmail(database.db, sealer, { to: 'gagal@example.org', subject: 'Gagal', text: 'Isi' });
    const failing = new OutboxWorker(
      database.db,
      sealer,
      {
        email: {
          send: async () => {
            throw new Error('server menolak');
          },
        },
      },
      quiet,
    );
    assert.equal(await failing.deliverDue(), 1);
    const row = await database.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error', 'next_attempt_at'])
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, 'server menolak');
    const wait = row.next_attempt_at.getTime() - Date.now();
    assert.ok(wait > 20_000 && wait <= 30_000, `next try in about 30 s, not ${wait} ms`);
  });

  test('messages no channel carries are each marked unconfigured once, with the channel named', async () => {
    await database.db.deleteFrom('outbox').execute();
    for (let i = 0; i < 23; i++) {
      await enqueueMessage(database.db, sealer, {
        channel: i % 2 === 0 ? 'email' : 'sms',
        to: i % 2 === 0 ? `warga${i}@example.org` : `08123456${String(i).padStart(4, '0')}`,
        subject: `Pesan ${i}`,
        text: 'Isi',
      });
    }
    const worker = new OutboxWorker(database.db, sealer, {}, quiet);
    assert.equal(await worker.deliverDue(), 23, 'every message handled in one run');
    assert.equal(await worker.deliverDue(), 0, 'and none again');
    const rows = await database.db
      .selectFrom('outbox')
      .select(['channel', 'status', 'attempts', 'last_error'])
      .execute();
    assert.equal(rows.length, 23);
    for (const row of rows) {
      assert.equal(row.status, 'unconfigured');
      assert.equal(row.attempts, 1);
      assert.equal(row.last_error, `no ${row.channel} channel is configured`);
    }
  });

  test('a message queued while a run is sending is delivered by that run, not at the next tick', async () => {
    mailbox.clear();
    await database.db.deleteFrom('outbox').execute();
    await enqueueEmail(database.db, sealer, { to: 'pertama@example.org', subject: 'Pertama', text: 'Isi' });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sending = () => {};
    const started = new Promise<void>((resolve) => {
      sending = resolve;
    });
    const mailer = smtp();
    const worker = new OutboxWorker(
      database.db,
      sealer,
      {
        email: {
          async send(message) {
            sending();
            await held;
            await mailer.send(message);
          },
        },
      },
      quiet,
    );
    const run = worker.deliverDue();
    await started;
    // The run has claimed the first message and is sending it; a request queues a second one.
    await enqueueEmail(database.db, sealer, { to: 'kedua@example.org', subject: 'Kedua', text: 'Isi' });
    const again = worker.deliverDue();
    assert.equal(again, run, 'one run at a time');
    release();
    assert.equal(await run, 2, 'the run claimed once more and sent the second');
    assert.equal(mailbox.to('kedua@example.org').length, 1);
  });

  test('a burst of answers that queued messages makes one claim, which sends them all soon', async () => {
    mailbox.clear();
    await database.db.deleteFrom('outbox').execute();
    const worker = new OutboxWorker(database.db, sealer, { email: smtp() }, quiet);
    const runs: Promise<number>[] = [];
    const deliver = worker.deliverDue.bind(worker);
    worker.deliverDue = () => {
      const run = deliver();
      runs.push(run);
      return run;
    };
    // Not started, the worker has no schedule: a kick is not its business (a test app's requests).
    worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(runs.length, 0, 'a worker that was not started does nothing on a kick');
    worker.start(60 * 60 * 1000);
    try {
      for (let i = 0; i < 5; i++) {
        await enqueueEmail(database.db, sealer, {
          to: `serentak${i}@example.org`,
          subject: `Serentak ${i}`,
          text: 'Isi',
        });
        worker.kick();
      }
      for (let i = 0; i < 100 && runs.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(runs.length, 1, 'one run for the five kicks');
      assert.equal(await runs[0], 5, 'the run sent every message queued before it');
      assert.equal(mailbox.messages.length, 5);
      // The next kick is a new claim.
      await enqueueEmail(database.db, sealer, { to: 'kemudian@example.org', subject: 'Kemudian', text: 'Isi' });
      worker.kick();
      for (let i = 0; i < 100 && runs.length === 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(await runs[1], 1);
      assert.equal(mailbox.to('kemudian@example.org').length, 1);
    } finally {
      await worker.stop();
    }
    // A stopped worker leaves a kick alone: no claim after the process began to stop.
    worker.kick();
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(runs.length, 2);
  });
});

describe(`scheduled jobs across instances (${testEngine})`, () => {
  test('three instances asking at once: one runs the job; none runs it again within the period', async () => {
    let runs = 0;
    const job = {
      name: 'test.once',
      everyMs: 60 * 60 * 1000,
      run: async () => {
        runs++;
      },
    };
    const ran = await Promise.all(handles.map((db, i) => runJobIfDue(db, job, quiet, `instance-${i}`)));
    assert.equal(ran.filter(Boolean).length, 1, 'exactly one instance claimed the run');
    assert.equal(runs, 1);
    assert.equal((await Promise.all(handles.map((db) => runJobIfDue(db, job, quiet)))).filter(Boolean).length, 0);

    const row = await database.db
      .selectFrom('scheduled_job')
      .selectAll()
      .where('name', '=', 'test.once')
      .executeTakeFirstOrThrow();
    assert.equal(row.runs, 1);
    assert.match(row.last_instance, /^instance-[012]$/);
    assert.ok(row.last_finished_at !== null, 'the finish is recorded');
    assert.equal(row.last_error, null);
  });

  test('when the period has passed, the next asker runs it; a failure is recorded', async () => {
    const job = {
      name: 'test.period',
      everyMs: 60 * 60 * 1000,
      run: async () => {
        throw new Error('disk penuh');
      },
    };
    assert.equal(await claimJobRun(database.db, job.name, job.everyMs), true);
    assert.equal(await claimJobRun(handles[1] as Db, job.name, job.everyMs), false);
    await database.db
      .updateTable('scheduled_job')
      .set({ last_started_at: new Date(Date.now() - 61 * 60 * 1000) })
      .where('name', '=', job.name)
      .execute();
    assert.equal(await runJobIfDue(handles[2] as Db, job, quiet, 'instance-2'), true);
    const row = await database.db
      .selectFrom('scheduled_job')
      .selectAll()
      .where('name', '=', job.name)
      .executeTakeFirstOrThrow();
    assert.equal(row.runs, 2);
    assert.equal(row.last_instance, 'instance-2');
    assert.equal(row.last_error, 'disk penuh');
  });
});

describe(`one instance's schedule (${testEngine})`, () => {
  test('its jobs run one after another, never side by side', async () => {
    let running = 0;
    let most = 0;
    const ended: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((letter) => ({
      name: `test.in-turn-${letter}`,
      everyMs: 60 * 60 * 1000,
      run: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running--;
        ended.push(letter);
      },
    }));
    const rounds: { ran: string[] }[] = [];
    const stop = scheduleJobs(database.db, jobs, {
      ...quiet,
      info: (fields: object, msg: string) => {
        if (msg === 'scheduled jobs ran') rounds.push(fields as { ran: string[] });
      },
    });
    while (rounds.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await stop();
    assert.equal(most, 1, 'one job at a time');
    assert.deepEqual(ended, ['a', 'b', 'c', 'd'], 'in the order they are listed');
    assert.deepEqual(
      rounds[0]?.ran,
      jobs.map((j) => j.name),
      'the round is logged once it ended, with what it ran',
    );
  });

  test('stopping tells the running job and waits for it; the stop is recorded and the jobs after it do not start', async () => {
    const warned: string[] = [];
    let started = false;
    let later = false;
    let stepsAfterStop = 0;
    let stoppedAt = 0;
    const long = {
      name: 'test.long',
      everyMs: 60 * 60 * 1000,
      // Long work paced as the category training is: it yields every few milliseconds.
      run: async (signal: AbortSignal) => {
        started = true;
        const pace = pacer(2, signal);
        for (;;) {
          const t0 = performance.now();
          while (performance.now() - t0 < 3);
          if (stoppedAt > 0) stepsAfterStop++;
          await pace();
        }
      },
    };
    const next = {
      name: 'test.after-long',
      everyMs: 60 * 60 * 1000,
      run: async () => {
        later = true;
      },
    };
    const stop = scheduleJobs(database.db, [long, next], {
      ...quiet,
      warn: (_: object, msg: string) => warned.push(msg),
    });
    while (!started) await new Promise((resolve) => setTimeout(resolve, 5));
    stoppedAt = performance.now();
    await stop();
    assert.ok(stepsAfterStop <= 2, `the job stopped at its next step (${stepsAfterStop} steps after the stop)`);
    assert.equal(later, false, 'the job after it was not started');
    assert.deepEqual(warned, ['scheduled job stopped by shutdown']);
    const row = await database.db
      .selectFrom('scheduled_job')
      .selectAll()
      .where('name', '=', long.name)
      .executeTakeFirstOrThrow();
    assert.equal(row.last_error, 'stopped: the instance shut down');
    assert.ok(row.last_finished_at !== null, 'its end is recorded before the stop resolves');
  });
});

describe(`rate limits when Redis cannot be reached (${testEngine})`, () => {
  test('sign-in still works: requests are let through uncounted, not failed', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const t = await buildTestApp({ database, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const agent = new Agent(t.app, '198.51.100.77');
      await agent.get('/masuk');
      const res = await agent.post('/masuk', { email: 'tidak.ada@example.org', password: 'salah sekali' });
      assert.equal(res.statusCode, 400, res.body.slice(0, 300));
      assert.match(res.body, /Email atau kata sandi salah/);
    } finally {
      await t.app.close();
    }
  });
});
