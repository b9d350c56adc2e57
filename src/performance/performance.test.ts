import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { foldFigureSums, performanceFigures } from '../aspirations/service.ts';
import { forgetCouncil, getCouncil } from '../council/service.ts';
import type { AspirationChannel, AspirationStatus } from '../db/schema.ts';
import { deps } from '../platform/auth.ts';
import { newToken } from '../platform/crypto.ts';

let t: TestApp;
const agent = () => new Agent(t.app, '192.0.2.77');

/** An instant in Jakarta. */
const wib = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`);

/**
 * The fixture: aspirations of a category of their own (the demo data has none of it), each with
 * the steps the council took and when. Working days in October 2026 (no holiday in the calendar):
 * Mon 5 → Tue 6 is 1; Mon 5 → Fri 9 is 4; Mon 5 → Mon 12 is 5; Mon 5 → Wed 14 is 7;
 * Wed 7 → Thu 8 is 1; Wed 7 → Fri 23 is 12.
 */
interface Fixture {
  code: string;
  received: Date;
  verifyDue: string;
  resolveDue: string | null;
  komisi: 0 | 1;
  kecamatan: 0 | 1 | 2;
  channel: AspirationChannel;
  status: AspirationStatus;
  steps: [string, Date][];
  rating?: number;
  fixed?: boolean;
}
const fixtures: Fixture[] = [
  {
    code: 'ASP-2026-990001',
    received: wib('2026-10-05'),
    verifyDue: '2026-10-08',
    resolveDue: '2026-10-20',
    komisi: 0,
    kecamatan: 0,
    channel: 'web',
    status: 'resolved',
    steps: [
      ['verified', wib('2026-10-06')],
      ['response', wib('2026-10-09')],
      ['resolved', wib('2026-10-14')],
    ],
    rating: 5,
    fixed: true,
  },
  {
    code: 'ASP-2026-990002',
    received: wib('2026-10-05', '14:00'),
    verifyDue: '2026-10-08',
    resolveDue: null,
    komisi: 1,
    kecamatan: 1,
    channel: 'web',
    status: 'verified',
    steps: [['verified', wib('2026-10-12')]],
  },
  {
    code: 'ASP-2026-990003',
    received: wib('2026-10-07'),
    verifyDue: '2026-10-12',
    resolveDue: '2026-10-21',
    komisi: 0,
    kecamatan: 0,
    channel: 'web',
    status: 'resolved',
    steps: [
      ['verified', wib('2026-10-08')],
      ['response', wib('2026-10-08', '15:00')],
      ['resolved', wib('2026-10-23')],
      ['reopened', wib('2026-10-26')],
      ['resolved', wib('2026-10-30')],
    ],
    rating: 2,
    fixed: false,
  },
  {
    code: 'ASP-2026-990004',
    received: wib('2026-10-20'),
    verifyDue: '2026-10-23',
    resolveDue: null,
    komisi: 1,
    kecamatan: 2,
    channel: 'sms',
    status: 'received',
    steps: [],
  },
  // A duplicate joins the one it repeats: not counted again.
  {
    code: 'ASP-2026-990005',
    received: wib('2026-10-21'),
    verifyDue: '2026-10-26',
    resolveDue: null,
    komisi: 0,
    kecamatan: 0,
    channel: 'web',
    status: 'duplicate',
    steps: [],
  },
  // September's.
  {
    code: 'ASP-2026-990006',
    received: wib('2026-09-30'),
    verifyDue: '2026-10-05',
    resolveDue: null,
    komisi: 0,
    kecamatan: 0,
    channel: 'web',
    status: 'received',
    steps: [],
  },
];

let komisi: { slug: string; name: string }[] = [];
let kecamatan: { name: string }[] = [];

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const structure = await getCouncil(db);
  const holidays = [...structure.holidays].filter((d) => d.startsWith('2026-09') || d.startsWith('2026-10'));
  assert.deepEqual(holidays, [], 'the working days above assume no holiday in September or October 2026');
  const councilId = structure.council.id;
  const bodies = structure.komisi.slice(0, 2);
  komisi = bodies;
  const places = structure.kecamatan.slice(0, 3);
  kecamatan = places;
  const category = await db
    .insertInto('aspiration_category')
    .values({
      council_id: councilId,
      slug: 'uji-kinerja',
      name: 'Uji kinerja',
      name_en: 'Performance test',
      komisi_id: null,
      target_days: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const f of fixtures) {
    const place = places[f.kecamatan];
    const body = bodies[f.komisi];
    assert.ok(place !== undefined && body !== undefined);
    const { id } = await db
      .insertInto('aspiration')
      .values({
        council_id: councilId,
        code: f.code,
        kind: 'pengaduan',
        category_id: category.id,
        title: `Uji kinerja ${f.code}`,
        description: 'Aspirasi untuk menguji angka kinerja.',
        kecamatan_id: place.id,
        channel: f.channel,
        status: f.status,
        komisi_id: body.id,
        access_token_hash: newToken().hash,
        received_at: f.received,
        verify_due: f.verifyDue,
        resolve_due: f.resolveDue,
        rating: f.rating ?? null,
        fixed_answer: f.fixed ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [kind, at] of f.steps)
      await db
        .insertInto('aspiration_event')
        .values({ aspiration_id: id, kind, public: true, created_at: at })
        .execute();
  }
  forgetCouncil(db);
});
after(() => t.close());

/** The value beside a term of a summary list, its quotes as the page writes them. */
const dd = (body: string, term: string) => {
  const pattern = term.replace(/[()?]/g, '\\$&').replaceAll('"', '(?:"|&quot;)');
  return new RegExp(`<dt>${pattern}</dt>\\s*<dd>([^<]*)</dd>`).exec(body)?.[1];
};

describe('public performance', () => {
  test('a month’s figures are those counted from its aspirations, in working days', async () => {
    const res = await agent().get('/kinerja?dari=2026-10&sampai=2026-10&kategori=uji-kinerja');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.equal(dd(body, 'Aspirasi diterima'), '4');
    assert.equal(dd(body, 'Diverifikasi tepat waktu'), '2 dari 4 (50%)');
    assert.equal(dd(body, 'Sudah dijawab'), '2 dari 4 (50%)');
    assert.equal(dd(body, 'Selesai'), '2 dari 4 (50%)');
    assert.equal(dd(body, 'Selesai tepat waktu'), '1 dari 2 (50%)');
    assert.equal(dd(body, 'Dibuka kembali oleh warga'), '1 dari 2 (50%)');
    // To verification: 1, 5 and 1 working days; to an answer: 4 and 1; to resolution: 7, and 12
    // for the one first resolved on Friday 23 October (the resolution after it was reopened does
    // not count again; it was past its target of 21 October).
    assert.equal(dd(body, 'Lama sampai diverifikasi'), 'median 1 hari kerja; 9 dari 10 dalam 5 hari kerja');
    assert.equal(dd(body, 'Lama sampai dijawab'), 'median 1 hari kerja; 9 dari 10 dalam 4 hari kerja');
    assert.equal(dd(body, 'Lama sampai selesai'), 'median 7 hari kerja; 9 dari 10 dalam 12 hari kerja');
    assert.equal(dd(body, 'Penilaian warga (1–5)'), 'rata-rata 3,5 dari 2 penilaian');
    assert.equal(dd(body, 'Jawaban "Sudah beres?"'), '1 ya, 1 belum');
    assert.match(body, /<svg/, 'charts drawn on the server');
  });

  test('the filters narrow the figures; the month table downloads as CSV', async () => {
    const first = komisi[0];
    assert.ok(first !== undefined);
    const byKomisi = await agent().get(
      `/kinerja?dari=2026-10&sampai=2026-10&kategori=uji-kinerja&komisi=${first.slug}`,
    );
    assert.equal(dd(byKomisi.body, 'Aspirasi diterima'), '2');
    const bySms = await agent().get('/kinerja?dari=2026-10&sampai=2026-10&kategori=uji-kinerja&kanal=sms');
    assert.equal(dd(bySms.body, 'Aspirasi diterima'), '1');
    const twoMonths = await agent().get('/kinerja?dari=2026-09&sampai=2026-10&kategori=uji-kinerja');
    assert.equal(dd(twoMonths.body, 'Aspirasi diterima'), '5');
    // Each kecamatan's count is written on its tile and in the table.
    const place = kecamatan[0];
    assert.ok(place !== undefined);
    assert.match(twoMonths.body, new RegExp(`<th scope="row">${place.name}</th><td class="number">3</td>`));

    const file = await agent().get('/kinerja.csv?dari=2026-09&sampai=2026-10&kategori=uji-kinerja');
    assert.equal(file.statusCode, 200);
    const lines = file.body.trim().split(/\r?\n/);
    assert.equal(
      lines[0],
      'bulan,diterima,diverifikasi,diverifikasi_tepat_waktu,dijawab,selesai,selesai_tepat_waktu,dibuka_kembali,median_hari_verifikasi,p90_hari_verifikasi,median_hari_jawab,p90_hari_jawab,median_hari_selesai,p90_hari_selesai',
    );
    assert.equal(lines[1], '2026-09,1,0,0,0,0,0,0,,,,,,');
    assert.equal(lines[2], '2026-10,4,3,2,2,2,1,1,1,5,1,4,7,12');
    // The same figures per komisi: the first holds the ones of 5 and 7 October and September's,
    // the second the other two.
    const perKomisi = await agent().get('/kinerja.csv?dari=2026-09&sampai=2026-10&kategori=uji-kinerja&tabel=komisi');
    const [firstKomisi, secondKomisi] = komisi;
    assert.ok(firstKomisi !== undefined && secondKomisi !== undefined);
    const komisiLines = perKomisi.body.trim().split(/\r?\n/);
    assert.equal(komisiLines[0]?.split(',')[0], 'komisi');
    assert.ok(komisiLines.includes(`${firstKomisi.name},3,2,2,2,2,1,1,1,1,1,4,7,12`), komisiLines.join('\n'));
    assert.ok(komisiLines.includes(`${secondKomisi.name},2,1,0,0,0,0,0,5,5,,,,`), komisiLines.join('\n'));
    const bad = await agent().get('/kinerja.csv?tabel=fraksi');
    assert.equal(bad.statusCode, 400);
  });

  test('the facts kept as aspirations and their steps are written are those worked out from scratch', async () => {
    const db = t.database.db;
    // The fixtures: new aspirations (rated, resolved, reopened, a duplicate) written with their
    // steps after them, as a submission and a bulk load write them. Worked out again from
    // scratch, no fact differs from the one stored (a differing fact would be deleted and written
    // anew, with a new row version), none is missing and none is left over.
    const stored = await sql<{ aspiration_id: number; version: string }>`
      select aspiration_id, xmin::text as version from aspiration_fact order by aspiration_id`.execute(db);
    const counted = await db
      .selectFrom('aspiration')
      .select(sql<string>`count(*)`.as('n'))
      .where('status', '!=', 'duplicate')
      .executeTakeFirstOrThrow();
    assert.equal(stored.rows.length, Number(counted.n));
    assert.ok(stored.rows.length >= fixtures.length - 1);
    await sql`select aspiration_facts_refresh(array(select id from aspiration))`.execute(db);
    const again = await sql<{ aspiration_id: number; version: string }>`
      select aspiration_id, xmin::text as version from aspiration_fact order by aspiration_id`.execute(db);
    assert.deepEqual(again.rows, stored.rows);
    const duplicate = await db
      .selectFrom('aspiration')
      .innerJoin('aspiration_fact', 'aspiration_fact.aspiration_id', 'aspiration.id')
      .select('aspiration.id')
      .where('aspiration.status', '=', 'duplicate')
      .execute();
    assert.deepEqual(duplicate, [], 'a duplicate has no fact');
  });

  test('the figures follow every write at once: a new step, a duplicate, a holiday added and taken back', async () => {
    const db = t.database.db;
    const month = '/kinerja.csv?dari=2026-10&sampai=2026-10&kategori=uji-kinerja';
    // Every filter but category and channel is read from the kept sums, the rest from the facts:
    // after each write both give the same figures, for the whole council, a komisi and a kecamatan.
    const structure = await getCouncil(db);
    const filters = [
      { from: '2026-09', until: '2026-10' },
      { from: '2026-10', until: '2026-10', komisiId: structure.komisi[0]?.id },
      { from: '2026-01', until: '2026-12', kecamatanId: structure.kecamatan[0]?.id },
      { from: '2026-01', until: '2026-12', dapilId: structure.dapil[0]?.id },
    ];
    const bothWaysAgree = async () => {
      for (const filter of filters)
        assert.equal(
          JSON.stringify(await performanceFigures(deps(t.app), filter, 'tally'), null, 1),
          JSON.stringify(await performanceFigures(deps(t.app), filter, 'facts'), null, 1),
          JSON.stringify(filter),
        );
    };
    const october = async () => {
      await bothWaysAgree();
      return (await agent().get(month)).body.trim().split(/\r?\n/)[1];
    };
    assert.equal(await october(), '2026-10,4,3,2,2,2,1,1,1,5,1,4,7,12');
    const waiting = await db
      .selectFrom('aspiration')
      .select('id')
      .where('code', '=', 'ASP-2026-990004')
      .executeTakeFirstOrThrow();
    // Tuesday 20 → Thursday 22 October: verified in 2 working days, within its target of the 23rd.
    const step = await db
      .insertInto('aspiration_event')
      .values({ aspiration_id: waiting.id, kind: 'verified', public: true, created_at: wib('2026-10-22') })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.equal(await october(), '2026-10,4,4,3,2,2,1,1,1,5,1,4,7,12');
    // Found to repeat another: it leaves the figures.
    await db.updateTable('aspiration').set({ status: 'duplicate' }).where('id', '=', waiting.id).execute();
    assert.equal(await october(), '2026-10,3,3,2,2,2,1,1,1,5,1,4,7,12');
    await db.updateTable('aspiration').set({ status: 'received' }).where('id', '=', waiting.id).execute();
    await db.deleteFrom('aspiration_event').where('id', '=', step.id).execute();
    assert.equal(await october(), '2026-10,4,3,2,2,2,1,1,1,5,1,4,7,12');
    // A holiday on Tuesday 13 October: the resolutions across it took a working day less (7 → 6
    // and 12 → 11); the verification on Monday 12 is before it. Taken back, they count as before.
    await db.insertInto('holiday').values({ day: '2026-10-13', kind: 'lokal', source: 'uji' }).execute();
    assert.equal(await october(), '2026-10,4,3,2,2,2,1,1,1,5,1,4,6,11');
    await db.deleteFrom('holiday').where('day', '=', '2026-10-13').execute();
    assert.equal(await october(), '2026-10,4,3,2,2,2,1,1,1,5,1,4,7,12');

    // Each change appended rows of its own to the sums (no writer waits for another's row). The
    // job folds them into one row per place and month, one per step and number of days, and
    // the figures stay what they were.
    const rows = async () => ({
      sums: await db.selectFrom('aspiration_tally').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      places: await db
        .selectFrom(
          db
            .selectFrom('aspiration_tally')
            .select(['council_id', 'month', 'komisi_id', 'dapil_id', 'kecamatan_id'])
            .distinct()
            .as('cells'),
        )
        .select(sql<string>`count(*)`.as('n'))
        .executeTakeFirstOrThrow(),
      days: await db
        .selectFrom('aspiration_tally_days')
        .select(sql<string>`count(*)`.as('n'))
        .executeTakeFirstOrThrow(),
    });
    const before = await rows();
    assert.ok(Number(before.sums.n) > Number(before.places.n), JSON.stringify(before));
    assert.ok((await foldFigureSums(deps(t.app))) > 0);
    const folded = await rows();
    assert.equal(folded.sums.n, folded.places.n);
    assert.ok(Number(folded.days.n) < Number(before.days.n));
    assert.equal(await october(), '2026-10,4,3,2,2,2,1,1,1,5,1,4,7,12');
    assert.equal(await foldFigureSums(deps(t.app)), 0, 'nothing left to fold');
    // A change that moves no figure (an internal note) appends nothing.
    await db
      .insertInto('aspiration_event')
      .values({ aspiration_id: waiting.id, kind: 'note', public: false, body: 'Dicek ke lapangan besok.' })
      .execute();
    assert.deepEqual(await rows(), folded);
  });

  test('a member’s page lists the answers they gave to aspirations the public may see', async () => {
    const db = t.database.db;
    const member = await db.selectFrom('member').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
    const answered = await db
      .selectFrom('aspiration')
      .select('id')
      .where('code', '=', 'ASP-2026-990002')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('aspiration_event')
      .values({
        aspiration_id: answered.id,
        kind: 'response',
        public: true,
        actor_member_id: member.id,
        body: 'Kami tinjau minggu ini.',
      })
      .execute();
    // An answer on a confidential report is not the public's to see.
    const secret = await db
      .selectFrom('aspiration')
      .select('id')
      .where('code', '=', 'ASP-2026-990004')
      .executeTakeFirstOrThrow();
    await db.updateTable('aspiration').set({ kind: 'rahasia' }).where('id', '=', secret.id).execute();
    await db
      .insertInto('aspiration_event')
      .values({
        aspiration_id: secret.id,
        kind: 'response',
        public: true,
        actor_member_id: member.id,
        body: 'Rahasia.',
      })
      .execute();
    const page = await agent().get(`/anggota/${member.slug}`);
    assert.match(page.body, /Tanggapan atas aspirasi warga/);
    assert.match(page.body, /1 tanggapan diterbitkan\./);
    assert.match(page.body, /<a href="\/aspirasi\/ASP-2026-990002">Uji kinerja ASP-2026-990002<\/a>/);
    assert.doesNotMatch(page.body, /ASP-2026-990004/);
    await db.updateTable('aspiration').set({ kind: 'pengaduan' }).where('id', '=', secret.id).execute();
  });

  test('a filter it cannot understand is said so, with a 400', async () => {
    const res = await agent().get('/kinerja?dari=2026-13&kategori=uji-kinerja');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Masa yang dipilih tidak dapat dipakai/);
    const unknown = await agent().get('/kinerja?komisi=tidak-ada');
    assert.equal(unknown.statusCode, 400);
  });
});
