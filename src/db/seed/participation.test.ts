import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/helpers/app.ts';
import { jakartaDay } from '../../platform/working-days.ts';
import { seedDemoAppointments } from './appointments.ts';
import { seedDemoAspirations } from './aspirations.ts';
import { seedDemoConsultations } from './consultations.ts';
import { seedDemoForums } from './forums.ts';
import { seedDemoHearings } from './hearings.ts';
import { seedDemoMeetings } from './meetings.ts';
import { seedDemoPokir } from './pokir.ts';
import { seedDemoDrafts } from './regulations.ts';
import { seedDemoReses } from './reses.ts';

test('the demo has an RPJMD chapter open for comments, a Raperda consultation with its report out, forum threads, the aspiration room open, a reses with its reports, and pokir at each step', async () => {
  const t = await buildTestApp();
  try {
    const db = t.database.db;
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await seedDemoDrafts(db, council.id, 2026);
    const today = jakartaDay(new Date());
    assert.deepEqual(await seedDemoConsultations(db, council.id, today), { consultations: 2 });
    assert.deepEqual(await seedDemoConsultations(db, council.id, today), { consultations: 0 }, 'only once');

    const list = JSON.parse((await t.app.inject('/api/v1/consultations')).body) as {
      data: { id: number; kind: string; phase: string; comments: number; raperda: { id: number } | null }[];
    };
    const open = list.data.find((c) => c.kind === 'rpjmd');
    const closed = list.data.find((c) => c.kind === 'raperda');
    assert.equal(open?.phase, 'comments');
    assert.ok((open?.comments ?? 0) >= 5);
    assert.equal(closed?.phase, 'report');
    assert.ok(closed?.raperda !== null, 'the closed consultation is on a draft of the Propemperda');

    const report = (await t.app.inject(`/konsultasi/${closed?.id}/laporan`)).body;
    assert.match(report, /Tenggat penyerahan ruang terbuka hijau/);
    const unanswered = await db
      .selectFrom('consultation_comment')
      .select('id')
      .where('consultation_id', '=', closed?.id ?? 0)
      .where('fate', 'is', null)
      .execute();
    assert.equal(unanswered.length, 0, 'every comment of the closed consultation has its fate');
    assert.match((await t.app.inject(`/raperda/${closed?.raperda?.id}`)).body, /laporan hasil konsultasi/);
    assert.match((await t.app.inject('/')).body, /Rancangan RPJMD 2026–2030/);

    // Forum threads by komisi and kecamatan, with a member's and the secretariat's badge.
    assert.deepEqual(await seedDemoForums(db, council.id), { threads: 3 });
    assert.deepEqual(await seedDemoForums(db, council.id), { threads: 0 }, 'only once');
    const komisi = (await t.app.inject('/forum/komisi/komisi-iv')).body;
    assert.match(komisi, /Antrean puskesmas sejak subuh/);
    assert.match((await t.app.inject('/forum/kecamatan/jatiasih')).body, /Antrean puskesmas sejak subuh/);
    const thread = await db
      .selectFrom('forum_thread')
      .select('id')
      .where('title', '=', 'Antrean puskesmas sejak subuh')
      .executeTakeFirstOrThrow();
    assert.match((await t.app.inject(`/forum/utas/${thread.id}`)).body, /Sekretariat DPRD<\/span>/);

    // The aspiration room opens for the coming weeks: mornings at the general desk, afternoons per komisi.
    const room = await seedDemoAppointments(db, council.id, today, t.app.sealer);
    assert.ok(room.slots >= 40, `${room.slots} opening times`);
    assert.equal(room.appointments, 3);
    assert.deepEqual(await seedDemoAppointments(db, council.id, today, t.app.sealer), { slots: 0, appointments: 0 });
    const times = (await t.app.inject('/janji-temu')).body;
    assert.match(times, /Meja layanan umum/);
    assert.match(times, /Ruang rapat Komisi/);
    assert.match(times, /1 tempat tersisa/, 'a booked place is no longer offered');

    // A reses period that has ended, with a published report for a member of each dapil; the
    // input listed there is the demo aspirations of the reses channel raised in that dapil.
    const sealer = t.app.sealer;
    await seedDemoAspirations(db, council.id, sealer);
    const reses = await seedDemoReses(db, council.id, today);
    const dapils = await db.selectFrom('dapil').select('id').where('council_id', '=', council.id).execute();
    assert.equal(reses.reports, dapils.length);
    assert.deepEqual(await seedDemoReses(db, council.id, today), { reports: 0 });
    assert.match((await t.app.inject('/reses')).body, /Reses Masa Sidang III/);
    const inputs = await db
      .selectFrom('reses_input')
      .innerJoin('aspiration', 'aspiration.code', 'reses_input.aspiration_code')
      .select('aspiration.channel')
      .execute();
    assert.ok(inputs.length > 0);
    assert.ok(inputs.every((i) => i.channel === 'reses'));

    // A pokir list for next year with items at each step, each from aspirations of its place,
    // whose trail shows it.
    const pokir = await seedDemoPokir(db, council.id, today);
    assert.ok(pokir.items >= 4, `${pokir.items} pokir items`);
    assert.deepEqual(await seedDemoPokir(db, council.id, today), { items: 0 });
    const steps = await db.selectFrom('pokir_item').select('status').distinct().execute();
    assert.deepEqual(steps.map((r) => r.status).sort(), ['apbd', 'diusulkan', 'rkpd', 'selesai']);
    const source = await db
      .selectFrom('pokir_source')
      .select(['aspiration_code', 'pokir_id'])
      .executeTakeFirstOrThrow();
    assert.match(
      (await t.app.inject(`/aspirasi/${source.aspiration_code}`)).body,
      new RegExp(`<a href="/pokir/${source.pokir_id}">Dimasukkan dalam pokok-pokok pikiran DPRD`),
    );
    assert.match((await t.app.inject('/pokir')).body, /Masuk APBD/);
  } finally {
    await t.close();
  }
});

test('the demo has a hearing held with its questions answered, and one ahead with its livestream announced', async () => {
  const t = await buildTestApp();
  try {
    const db = t.database.db;
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const now = new Date();
    await seedDemoMeetings(db, council.id, Number(jakartaDay(now).slice(0, 4)));
    // In the last days of December no plenary of the demo year lies ahead.
    const plenaryAhead = await db
      .selectFrom('meeting')
      .select('id')
      .where('type', '=', 'paripurna')
      .where('starts_at', '>', now)
      .executeTakeFirst();
    const expected = plenaryAhead === undefined ? 1 : 2;
    assert.deepEqual(await seedDemoHearings(db, council.id, now), { hearings: expected });
    assert.deepEqual(await seedDemoHearings(db, council.id, now), { hearings: 0 }, 'only once');
    const list = (await t.app.inject('/api/v1/hearings')).json() as {
      hearings: {
        id: number;
        live: boolean;
        taking_questions: boolean;
        recording_url: string | null;
        answered: number;
      }[];
    };
    const held = list.hearings.find((h) => h.recording_url !== null);
    const ahead = list.hearings.find((h) => h.taking_questions);
    assert.ok(held !== undefined);
    assert.equal(ahead !== undefined, plenaryAhead !== undefined);
    assert.equal(held.answered, 4);
    const questions = (await t.app.inject(`/api/v1/hearings/${held.id}/questions`)).json() as {
      questions: { answer: string | null; recording_second: number | null; supporters: number }[];
    };
    assert.ok(questions.questions.every((q) => q.answer !== null || q.recording_second !== null));
    assert.equal(questions.questions[0]?.supporters, 41, 'most supported first');
    const page = await t.app.inject(`/siaran/${held.id}`);
    assert.match(page.body, /Tonton rekamannya/);
    assert.doesNotMatch(page.body, /Promosi jasa pinjaman/, 'the rejected one is not shown');
  } finally {
    await t.close();
  }
});
