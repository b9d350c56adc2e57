import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app.ts';
import { loadDemo } from './demo.ts';

/**
 * The quick start's first command loads this demo into an empty database; a seed that fails or
 * leaves a page empty would only show on a fresh machine. Loads it once, checks it loads once, and
 * opens the main pages on it.
 */
test('the whole demo loads into an empty database once, and every main page opens on it', async () => {
  const t = await buildTestApp();
  try {
    const said: string[] = [];
    await loadDemo(t.database, t.config, (line) => said.push(line));
    assert.ok(
      said.some((l) => /demo aspirations/.test(l)),
      said.join('\n'),
    );
    assert.ok(
      said.some((l) => /register of 12 kinds of public information/.test(l)),
      said.join('\n'),
    );
    const again: string[] = [];
    await loadDemo(t.database, t.config, (line) => again.push(line));
    assert.deepEqual(again, [], 'a second start loads nothing');

    for (const path of [
      '/',
      '/anggota',
      '/agenda',
      '/perda',
      '/raperda',
      '/proyek',
      '/anggaran',
      '/aspirasi',
      '/konsultasi',
      '/forum',
      '/siaran',
      '/janji-temu',
      '/reses',
      '/pokir',
      '/kinerja',
      '/informasi-publik',
    ]) {
      const page = await t.app.inject(path);
      assert.equal(page.statusCode, 200, path);
    }
    const register = await t.app.inject('/informasi-publik?jenis=dikecualikan');
    assert.match(register.body, /<p role="status">2 informasi<\/p>/);
    // Every link of the demo register leads to a page that opens.
    const links = await t.database.db
      .selectFrom('public_information')
      .select('link')
      .where('link', 'is not', null)
      .execute();
    for (const { link } of links) assert.equal((await t.app.inject(link ?? '')).statusCode, 200, link ?? '');
  } finally {
    await t.close();
  }
});
