import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { seedDemoBudget } from '../db/seed/budget.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);
const HOUR = 3600_000;

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
  const now = Date.now();
  const meeting = (uid: string, title: string, startsIn: number, extra: Record<string, unknown> = {}) => ({
    council_id: council.id,
    uid,
    type: 'komisi' as const,
    title,
    starts_at: new Date(now + startsIn),
    open: true,
    ...extra,
  });
  await db
    .insertInto('meeting')
    .values([
      meeting('beranda-1@uji', 'Rapat kerja yang sedang berjalan', -HOUR, {
        livestream_url: 'https://video.example/dprd-langsung',
      }),
      meeting('beranda-2@uji', 'Rapat dengar pendapat besok', 24 * HOUR),
      meeting('beranda-3@uji', 'Rapat yang dibatalkan', 26 * HOUR, { status: 'cancelled' }),
      meeting('beranda-4@uji', 'Rapat sepuluh hari lagi', 10 * 24 * HOUR),
      meeting('beranda-5@uji', 'Rapat kemarin yang sudah selesai', -30 * HOUR, { ends_at: new Date(now - 28 * HOUR) }),
    ])
    .execute();
  await db
    .insertInto('raperda')
    .values([
      {
        council_id: council.id,
        propemperda_year: 2026,
        title: 'Raperda Bangunan Gedung',
        stage: 'pembahasan',
        initiator: 'pemerintah',
      },
      {
        council_id: council.id,
        propemperda_year: 2026,
        title: 'Raperda yang sudah ditetapkan',
        stage: 'penetapan',
        initiator: 'dprd',
      },
    ])
    .execute();
  await sendAspiration(t, 'Lampu taman padam', { phone: '0812 3456 7890' });
  await sendAspiration(t, 'Pohon tumbang di jalan');
  // One was answered this month; one answered last year does not count.
  await db
    .updateTable('aspiration')
    .set({ status: 'resolved', resolved_at: new Date() })
    .where('title', '=', 'Lampu taman padam')
    .execute();
  await seedDemoBudget(db, council.id, 2026);
});
after(() => t.close());

describe('the home page tells the council’s story', () => {
  test('this week, citizens’ voices, taking part, the money, projects near me and who represents me, in that order', async () => {
    const res = await agent().get('/');
    assert.equal(res.statusCode, 200);
    const page = res.body;
    const order = [
      'Minggu ini di DPRD',
      'Suara warga',
      'Ikut serta: rancangan perda yang sedang dibahas',
      'Ke mana uang daerah 2026',
      'Proyek di sekitar Anda',
      'Siapa wakil saya?',
    ];
    const at = order.map((heading) => page.indexOf(`>${heading}</h2>`));
    assert.ok(
      at.every((i) => i > 0),
      `every section is there: ${JSON.stringify(at)}`,
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'in the order a citizen asks',
    );

    // This week: what is on now (with its livestream), then what comes; not the cancelled, the past or the far.
    assert.match(
      page,
      /Sedang berlangsung<\/h3><ul class="list"><li><a href="\/agenda\/\d+">Rapat kerja yang sedang berjalan<\/a> · <a href="https:\/\/video\.example\/dprd-langsung">Tonton siaran langsung<\/a>/,
    );
    assert.match(page, /Rapat dengar pendapat besok/);
    for (const hidden of ['Rapat yang dibatalkan', 'Rapat sepuluh hari lagi', 'Rapat kemarin yang sudah selesai'])
      assert.doesNotMatch(page, new RegExp(hidden));

    assert.match(page, /Bulan ini: 2 aspirasi masuk, 1 dijawab\./);
    assert.match(page, /Lampu taman padam/);
    assert.match(page, /<a href="\/raperda\/\d+">Raperda Bangunan Gedung<\/a>/);
    assert.doesNotMatch(page, /Raperda yang sudah ditetapkan/);

    const sums = await sql<{ revenue: string; spending: string }>`
      select sum(planned) filter (where account_code like '4%') as revenue,
             sum(planned) filter (where account_code like '5%') as spending
      from budget_line where year = 2026 and stage = 'murni'`.execute(t.database.db);
    const trillions = (v: string) => (Number(v) / 1e12).toFixed(1).replace('.', ',').replace(/,0$/, '');
    assert.match(
      page,
      new RegExp(`Pendapatan direncanakan</dt><dd>Rp ${trillions(sums.rows[0]?.revenue ?? '0')} triliun`),
    );
    assert.match(
      page,
      new RegExp(`Belanja direncanakan</dt><dd>Rp ${trillions(sums.rows[0]?.spending ?? '0')} triliun`),
    );
    assert.match(page, /<form method="get" action="\/proyek\/dekat"/);
    assert.match(page, /<form method="get" action="\/dapil"/);
  });
});
