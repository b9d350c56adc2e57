/**
 * The first administrator, invited from the command line: it works on a database no one holds, and
 * while the portal holds the embedded one it says in one line what to do, without a stack trace.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startChild } from './helpers/child.ts';
import { childDataPlace, testEngine } from './helpers/database.ts';

let place: Awaited<ReturnType<typeof childDataPlace>>;
before(async () => {
  place = await childDataPlace();
});
after(() => place.remove());

const run = async (env: Record<string, string> = {}) => {
  const child = startChild('scripts/admin-create.ts', { ...place.env, ...env }, [
    'Admin Pertama',
    'admin.pertama@example.org',
  ]);
  const { code } = await child.exited;
  return { code, output: child.output.join('\n') };
};

describe(`npm run admin:create (${testEngine})`, () => {
  test('invites the first administrator and prints the link', async () => {
    const { code, output } = await run();
    assert.equal(code, 0, output);
    assert.match(
      output,
      /Administrator invited\. Open this link within 7 days to set the password:\nhttp:\/\/\S+\/undangan\/\S+/,
    );
  });

  test('while a running portal holds the embedded database, it says what to do in one line', async () => {
    // The lock a running portal leaves: a process that is alive (this test's own). The embedded
    // database on both runs: PostgreSQL is shared by design.
    const dir = path.join(place.env.DATA_DIR ?? '', 'db');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'dewan-terbuka.lock'), String(process.pid));
    const { code, output } = await run({ DATABASE_URL: '' });
    assert.equal(code, 75);
    assert.equal(output.trim().split('\n').length, 1, output);
    assert.match(
      output,
      new RegExp(
        `The portal is running on the embedded database \\(process ${process.pid}\\): stop it, run this command again, then start the portal`,
      ),
    );
    assert.doesNotMatch(output, /\n\s+at |Error:/);
  });
});
