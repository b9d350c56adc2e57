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
