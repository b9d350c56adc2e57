import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/index.ts';
import { startChild } from './helpers/child.ts';
import { payloadOf } from './helpers/crash-payload.ts';
import { childDataPlace, testEngine } from './helpers/database.ts';

let place: Awaited<ReturnType<typeof childDataPlace>>;
before(async () => {
  place = await childDataPlace();
});
after(() => place.remove());

const env = () => place.env;
const openChildDatabase = () =>
  openDatabase({ dataDir: place.env.DATA_DIR ?? '', databaseUrl: place.env.DATABASE_URL || undefined });

describe(`after a SIGKILL (${testEngine})`, () => {
  test('every write acknowledged before the kill is still there, intact', async () => {
    const acknowledged: number[] = [];
    let next = 1;
    for (let round = 0; round < 3; round++) {
      const writer = startChild('test/helpers/crash-writer.ts', { ...env(), START_ID: String(next) });
      await writer.waitFor(/^ready$/);
      // Kill at a different moment each round: after a few, some or many commits.
      const killAfter = next + (round + 1) ** 3 * 5;
      await writer.waitFor(new RegExp(`^ack ${killAfter}$`));
      writer.process.kill('SIGKILL');
      const { signal } = await writer.exited;
      assert.equal(signal, 'SIGKILL');
      const acks = writer.output.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)));
      acknowledged.push(...acks);
      next = Math.max(...acks) + 2;
    }

    const open = await openChildDatabase();
    try {
      const rows = await sql<{ id: number; payload: string }>`select id, payload from crash_probe`.execute(open.db);
      const stored = new Map(rows.rows.map((r) => [Number(r.id), r.payload]));
      for (const id of acknowledged) {
        assert.equal(stored.get(id), payloadOf(id), `row ${id} was acknowledged and must be intact`);
      }
      assert.ok(acknowledged.length >= 5 + 40 + 135);
    } finally {
      await open.close();
    }
  });

  test('the portal starts again by itself and serves its pages', async () => {
    const first = startChild('src/server.ts', { ...env(), PORT: '0' });
    await first.waitFor(/is running at (http:\/\/\S+)/);
    first.process.kill('SIGKILL');
    await first.exited;

    const second = startChild('src/server.ts', { ...env(), PORT: '0' });
    try {
      const [, address] = await second.waitFor(/is running at (http:\/\/\S+)/);
      const ready = await fetch(`${address}/readyz`);
      assert.equal(ready.status, 200);
      const members = await fetch(`${address}/anggota`);
      assert.equal(members.status, 200);
      assert.match(await members.text(), /Anggota DPRD/);
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });

  test('the portal killed ten times under a load of submissions keeps every one it acknowledged', async (t) => {
    const acknowledged: { title: string; description: string; link: string }[] = [];
    let serial = 0;
    /** One citizen sending one aspiration; the acknowledgement is the tracking link in the answer. */
    const submit = async (address: string, round: number) => {
      const n = ++serial;
      const forwarded = { 'x-forwarded-for': `10.77.${n >> 8}.${n & 255}` };
      const form = await fetch(`${address}/aspirasi/baru`, { headers: forwarded });
      const cookie = form.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const html = await form.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const location = /<option value="(\d+)"/.exec(html)?.[1] ?? '';
      const title = `Uji mati listrik ${round}-${n}`;
      const description = `Laporan ke-${n} ketika server dimatikan paksa pada putaran ${round}.`;
      const body = new FormData();
      for (const [k, v] of Object.entries({
        _csrf: csrf,
        kind: 'aspirasi',
        category: 'jalan-jembatan-drainase',
        location,
        title,
        description,
        email: `warga${n}@example.org`,
        consent: 'yes',
      }))
        body.append(k, v);
      const sent = await fetch(`${address}/aspirasi/kirim`, {
        method: 'POST',
        body,
        headers: { cookie, ...forwarded },
        redirect: 'manual',
      });
      const link = sent.headers.get('location');
      if (sent.status === 303 && link?.startsWith('/lacak/'))
        acknowledged.push({ title, description, link: link.replace(/\?.*$/, '') });
    };
    const verifyAll = async (address: string) => {
      const missing: string[] = [];
      for (let i = 0; i < acknowledged.length; i += 8) {
        await Promise.all(
          acknowledged.slice(i, i + 8).map(async (a) => {
            // A busy server says 503 and when to come back; a client comes back. Durability is the question.
            let page = await fetch(`${address}${a.link}`, { headers: { 'x-forwarded-for': '10.78.0.1' } });
            for (let i = 0; i < 20 && page.status === 503; i++) {
              await page.arrayBuffer();
              await new Promise((r) => setTimeout(r, 500));
              page = await fetch(`${address}${a.link}`, { headers: { 'x-forwarded-for': '10.78.0.1' } });
            }
            const text = await page.text();
            if (page.status !== 200 || !text.includes(a.title) || !text.includes(a.description))
              missing.push(`${a.title}: ${page.status} ${text.slice(0, 200)}`);
          }),
        );
      }
      return missing;
    };

    const crashPlace = await childDataPlace();
    const env = { ...crashPlace.env, PORT: '0', TRUST_PROXY: 'true' };
    try {
      for (let round = 1; round <= 10; round++) {
        const server = startChild('src/server.ts', env);
        const [, address = ''] = await server.waitFor(/is running at (http:\/\/\S+)/);
        // After every restart, everything acknowledged before is there and whole.
        assert.deepEqual(await verifyAll(address), [], `after restart ${round}`);
        let stop = false;
        const clients = Array.from({ length: 6 }, async () => {
          while (!stop) await submit(address, round).catch(() => undefined);
        });
        // Killed at a random moment under the load.
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
        server.process.kill('SIGKILL');
        await server.exited;
        stop = true;
        await Promise.all(clients);
      }
      const last = startChild('src/server.ts', env);
      try {
        const [, address = ''] = await last.waitFor(/is running at (http:\/\/\S+)/);
        assert.deepEqual(await verifyAll(address), []);
      } finally {
        last.process.kill('SIGTERM');
        await last.exited;
      }
      assert.ok(acknowledged.length >= 20, `a real load: ${acknowledged.length} acknowledged`);
      t.diagnostic(`${acknowledged.length} submissions acknowledged over 10 kills, all present after each restart`);
    } finally {
      await crashPlace.remove();
    }
  });

  // Only the embedded database has a directory that two processes could share.
  if (testEngine !== 'pglite') return;
  test('a second process on the same embedded database is refused, not corrupting it', async () => {
    const first = startChild('src/server.ts', { ...env(), PORT: '0' });
    try {
      await first.waitFor(/is running at/);
      const second = startChild('src/server.ts', { ...env(), PORT: '0' });
      const { code } = await second.exited;
      assert.notEqual(code, 0);
      assert.match(second.output.join('\n'), /in use by process \d+/);
    } finally {
      first.process.kill('SIGTERM');
      await first.exited;
    }
  });
});
