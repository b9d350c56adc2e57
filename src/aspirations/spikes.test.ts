/**
 * What is rising: a synthetic spike in one category × kecamatan is found, an unchanged week and a
 * small new cell are not; the Poisson tail against a hand computation; /kelola/wawasan lists it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { newToken } from '../platform/crypto.ts';
import { poissonTail, spikes } from './spikes.ts';

let t: TestApp;
const now = new Date();
const DAY = 86_400_000;

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const structure = await getCouncil(db);
  const category = (slug: string) => structure.categories.find((c) => c.slug === slug)?.id ?? 0;
  const [k0, k1, k2] = structure.kecamatan;
  assert.ok(k0 !== undefined && k1 !== undefined && k2 !== undefined);
  let n = 0;
  const rows: { categoryId: number; kecamatanId: number; daysAgo: number }[] = [];
  // Window w (0 oldest … 8 the last seven days) holds days (8 - w) * 7 + 1 … + 5 before today.
  const inWindow = (w: number, i: number) => (8 - w) * 7 + 1 + (i % 5);
  for (let w = 0; w < 9; w++) {
    // Floods in the first kecamatan: one a week, then eight this week.
    for (let i = 0; i < (w === 8 ? 8 : 1); i++)
      rows.push({ categoryId: category('banjir'), kecamatanId: k0.id, daysAgo: inWindow(w, i) });
    // Schools in the second: two every week, this one too.
    for (let i = 0; i < 2; i++)
      rows.push({ categoryId: category('pendidikan'), kecamatanId: k1.id, daysAgo: inWindow(w, i) });
  }
  // Health in the third: never before, two this week (fewer than three is never a spike).
  for (let i = 0; i < 2; i++)
    rows.push({ categoryId: category('kesehatan'), kecamatanId: k2.id, daysAgo: inWindow(8, i) });
  await db
    .insertInto('aspiration')
    .values(
      rows.map((r) => ({
        council_id: structure.council.id,
        code: `ASP-2026-${String(900000 + ++n)}`,
        kind: 'pengaduan' as const,
        category_id: r.categoryId,
        title: `Uji lonjakan ${n}`,
        description: 'Aspirasi untuk menguji lonjakan.',
        kecamatan_id: r.kecamatanId,
        access_token_hash: newToken().hash,
        received_at: new Date(now.getTime() - r.daysAgo * DAY),
        verify_due: '2030-01-01',
      })),
    )
    .execute();
});
after(() => t.close());

describe('what is rising this week', () => {
  test('the Poisson tail agrees with a hand computation', () => {
    // P(X ≥ 3) for λ = 0.25: 1 − e^−0.25 (1 + 0.25 + 0.25²/2) = 1 − 0.7788008 × 1.28125 = 0.0021615
    assert.ok(Math.abs(poissonTail(3, 0.25) - 0.0021615) < 1e-6);
    // P(X ≥ 2) for λ = 2: 1 − e^−2 (1 + 2) = 1 − 0.1353353 × 3 = 0.5939942
    assert.ok(Math.abs(poissonTail(2, 2) - 0.5939942) < 1e-6);
    assert.equal(poissonTail(0, 5), 1);
  });

  test('a spike in one category × kecamatan is found; an unchanged week and two new reports are not', async () => {
    const structure = await getCouncil(t.database.db);
    const found = await spikes(deps(t.app), now);
    assert.equal(found.length, 1, JSON.stringify(found));
    const [spike] = found;
    assert.equal(spike?.categoryId, structure.categories.find((c) => c.slug === 'banjir')?.id);
    assert.equal(spike?.kecamatanId, structure.kecamatan[0]?.id);
    assert.equal(spike?.week, 8);
    assert.equal(spike?.before, 1);
    assert.ok((spike?.p ?? 1) < 0.001);
  });

  test('/kelola/wawasan lists it with a link to those aspirations in the inbox', async () => {
    const structure = await getCouncil(t.database.db);
    const staff = await signIn(t, await createUser(t, 'staff'));
    const page = await staff.get('/kelola/wawasan');
    assert.equal(page.statusCode, 200);
    const kecamatan = structure.kecamatan[0];
    assert.match(
      page.body,
      new RegExp(`<a href="/kelola/aspirasi\\?kategori=banjir&amp;kecamatan=${kecamatan?.slug}">Banjir dan sungai</a>`),
    );
    assert.doesNotMatch(page.body, /Tidak ada lonjakan/);
  });
});
