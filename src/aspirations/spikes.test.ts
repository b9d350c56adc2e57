/**
 * What is rising: a synthetic spike in one category × kecamatan is found, an unchanged week and a
 * small new cell are not; the Poisson tail against a hand computation; /kelola/wawasan lists it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import type { Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { newToken } from '../platform/crypto.ts';
import { alertSpikes, poissonTail, risingStems, spikes } from './spikes.ts';

let t: TestApp;
let mailbox: Mailbox;
const now = new Date();
const DAY = 86_400_000;

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
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

  test('/kelola/wawasan maps the aspirations of the last 90 days per kelurahan, circles by volume, with a table', async () => {
    const db = t.database.db;
    const structure = await getCouncil(db);
    const [first, second] = structure.kecamatan[1]?.kelurahan ?? [];
    assert.ok(first !== undefined && second !== undefined && first.lat !== null && second.lat !== null);
    const place = (kelurahanId: number, i: number, daysAgo: number) => ({
      council_id: structure.council.id,
      code: `ASP-2026-${String(950000 + i)}`,
      kind: 'aspirasi' as const,
      category_id: structure.categories[0]?.id ?? 0,
      title: `Uji peta ${i}`,
      description: 'Aspirasi untuk menguji peta.',
      kecamatan_id: structure.kecamatan[1]?.id ?? 0,
      kelurahan_id: kelurahanId,
      access_token_hash: newToken().hash,
      received_at: new Date(now.getTime() - daysAgo * DAY),
      verify_due: '2030-01-01',
    });
    await db
      .insertInto('aspiration')
      .values([
        ...[1, 2, 3, 4].map((i) => place(first.id, i, 20)),
        place(second.id, 5, 30),
        place(second.id, 6, 120), // older than 90 days: not counted
        // (none in the last seven days, so they make no spike of their own)
      ])
      .execute();
    const staff = await signIn(t, await createUser(t, 'staff'));
    const page = (await staff.get('/kelola/wawasan')).body;
    const section = page.slice(page.indexOf('<h2 id="peta">'), page.indexOf('id="rute-otomatis"'));
    assert.match(section, /Aspirasi per kelurahan, 90 hari terakhir/);
    assert.match(section, new RegExp(`<th scope="row">${first.name}</th><td>[^<]+</td><td class="number">4</td>`));
    assert.match(section, new RegExp(`<th scope="row">${second.name}</th><td>[^<]+</td><td class="number">1</td>`));
    // The wide drawing: a circle per kelurahan of the region, the busier one larger and named.
    const wide = section.slice(section.indexOf('chart-wide'));
    const radii = [...wide.matchAll(/<circle [^>]*r="([\d.]+)" fill="#8a1c1c"/g)].map((m) => Number(m[1]));
    assert.equal(radii.length, 2, 'two kelurahan with aspirations');
    assert.ok(Math.abs(Math.max(...radii) / Math.min(...radii) - 2) < 0.01, 'areas in proportion: 4 against 1');
    assert.ok(wide.includes(`>${first.name}</text>`));
  });

  test('a word whose count jumps this week is listed for staff; one used only in earlier weeks is not', async () => {
    const db = t.database.db;
    const structure = await getCouncil(db);
    await db
      .insertInto('aspiration')
      .values(
        [1, 2, 3, 4, 5].map((i) => ({
          council_id: structure.council.id,
          code: `ASP-2026-${String(960000 + i)}`,
          kind: 'pengaduan' as const,
          category_id: structure.categories[0]?.id ?? 0,
          title: `Kabel listrik menjuntai di gang ${i}`,
          description: 'Kabel menjuntai rendah, membahayakan pejalan kaki.',
          kecamatan_id: structure.kecamatan[i % 3]?.id ?? 0,
          access_token_hash: newToken().hash,
          received_at: new Date(now.getTime() - (i % 5) * DAY - 3600_000),
          verify_due: '2030-01-01',
        })),
      )
      .execute();
    const words = await risingStems(deps(t.app), now);
    const kabel = words.find((w) => w.stem === 'kabel');
    assert.ok(kabel !== undefined, JSON.stringify(words));
    assert.equal(kabel.week, 5);
    assert.equal(kabel.before, 0);
    assert.equal(
      words.find((w) => w.stem === 'peta'),
      undefined,
      'the map test used "peta" weeks ago only',
    );
    const staff = await signIn(t, await createUser(t, 'staff'));
    const page = (await staff.get('/kelola/wawasan')).body;
    assert.match(page, /<h2 id="kata-naik">Kata yang sedang naik<\/h2>/);
    assert.match(
      page,
      /<a href="\/kelola\/aspirasi\?q=kabel">kabel<\/a><\/th><td class="number">5<\/td><td class="number">0<\/td>/,
    );
  });

  test('/kinerja tells everyone what is rising, by counts only, linked to the public list', async () => {
    const structure = await getCouncil(t.database.db);
    const kecamatan = structure.kecamatan[0];
    const page = await t.app.inject({ method: 'GET', url: '/kinerja' });
    assert.equal(page.statusCode, 200);
    const section = page.body.slice(page.body.indexOf('id="meningkat"'), page.body.indexOf('id="meningkat"') + 2000);
    assert.match(section, /Sedang meningkat minggu ini/);
    assert.match(
      section,
      new RegExp(
        `<a href="/aspirasi\\?kategori=banjir&amp;kecamatan=${kecamatan?.slug}">Banjir dan sungai di Kecamatan ${kecamatan?.name}</a>: 8 aspirasi dalam tujuh hari, biasanya 1 per minggu`,
      ),
    );
    assert.doesNotMatch(section, /Pendidikan di Kecamatan/, 'an unchanged week is not rising');
    assert.doesNotMatch(section, /Uji lonjakan/, 'no aspiration is named');
    const english = await t.app.inject({ method: 'GET', url: '/kinerja?lang=en' });
    assert.match(english.body, /Rising this week/);
  });

  test("the spike is mailed to its komisi's members once a week while it lasts; other accounts are not told", async () => {
    const db = t.database.db;
    const structure = await getCouncil(db);
    const banjir = structure.categories.find((c) => c.slug === 'banjir');
    assert.ok(banjir?.komisiId != null, 'the flood category has a komisi');
    const komisi = structure.komisi.find((k) => k.id === banjir.komisiId);
    // Two council members: one in that komisi, one not; both with accounts.
    const inside = await db
      .selectFrom('body_membership')
      .select('member_id')
      .where('body_id', '=', banjir.komisiId)
      .executeTakeFirstOrThrow();
    const outside = await db
      .selectFrom('member')
      .select('id')
      .where('id', 'not in', (eb) =>
        eb
          .selectFrom('body_membership')
          .select('member_id')
          .where('body_id', '=', banjir.komisiId as number),
      )
      .executeTakeFirstOrThrow();
    const told = await createUser(t, 'member');
    const notTold = await createUser(t, 'member');
    await db.updateTable('app_user').set({ member_id: inside.member_id }).where('id', '=', told.id).execute();
    await db.updateTable('app_user').set({ member_id: outside.id }).where('id', '=', notTold.id).execute();

    assert.equal(await alertSpikes(deps(t.app), now), 1);
    await t.app.outbox.deliverDue();
    const mails = mailbox.to(told.email);
    assert.equal(mails.length, 1);
    const kecamatan = structure.kecamatan[0];
    assert.equal(mails[0]?.subject, `Lonjakan aspirasi: Banjir dan sungai di Kecamatan ${kecamatan?.name}`);
    assert.match(mails[0]?.text ?? '', /Dalam tujuh hari terakhir masuk 8 aspirasi Banjir dan sungai/);
    assert.match(mails[0]?.text ?? '', /rata-ratanya 1 per minggu/);
    assert.match(mails[0]?.text ?? '', new RegExp(`/kelola/aspirasi\\?kategori=banjir&kecamatan=${kecamatan?.slug}`));
    assert.equal(mailbox.to(notTold.email).length, 0, `not a member of ${komisi?.name}`);

    // The next run, an hour later, says nothing new; once the alert is a week old, it is told again.
    assert.equal(await alertSpikes(deps(t.app), new Date(now.getTime() + 3600_000)), 0);
    const row = await db.selectFrom('spike_alert').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.recipients, 1);
    assert.equal(row.week, 8);
    await db
      .updateTable('spike_alert')
      .set({ created_at: new Date(now.getTime() - 7 * DAY - 60_000) })
      .execute();
    assert.equal(await alertSpikes(deps(t.app), now), 1);
  });
});
