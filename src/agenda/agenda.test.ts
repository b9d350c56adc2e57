import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';
import { jakartaDay } from '../platform/working-days.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);
let staff: Agent;

before(async () => {
  t = await buildTestApp();
  staff = await signIn(t, await createUser(t, 'staff'), agent());
});
after(() => t.close());

/** A day some way ahead, in Jakarta. */
const inDays = (n: number) => jakartaDay(new Date(Date.now() + n * 86_400_000));

async function publish(form: Record<string, string>): Promise<number> {
  await staff.get('/kelola/agenda/baru');
  const res = await staff.post('/kelola/agenda/baru', form);
  assert.equal(res.statusCode, 303, res.body.slice(0, 600));
  const id = Number(/\/kelola\/agenda\/(\d+)/.exec(res.headers.location as string)?.[1]);
  assert.ok(id > 0);
  return id;
}

/** A plenary in the Ruang Paripurna at 09:00 on a day, with its agenda items. */
const plenary = (title: string, date: string, agendaItems: string) =>
  publish({
    type: 'paripurna',
    body: '',
    dapil: '',
    title,
    agendaItems,
    date,
    startTime: '09:00',
    endTime: '',
    place: 'Ruang Paripurna DPRD',
    onlineUrl: '',
    livestreamUrl: '',
    openness: '',
  });

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      status: String(v.getFirstPropertyValue('status') ?? ''),
      location: event.location,
    };
  });
}

describe('staff publish the agenda', () => {
  test('a komisi hearing is announced, moved and then cancelled; calendars follow every change and nothing is erased', async () => {
    const day = inDays(10);
    const id = await publish({
      type: 'rdp',
      body: 'komisi-ii',
      dapil: '',
      title: 'RDP Komisi II dengan Dinas BMSDA tentang banjir',
      agendaItems: 'Paparan Dinas BMSDA\nTanya jawab\nKesimpulan',
      date: day,
      startTime: '10:00',
      endTime: '12:00',
      place: 'Ruang Rapat Komisi II',
      onlineUrl: '',
      livestreamUrl: 'https://www.youtube.com/@dprdkotabekasi',
      openness: '',
    });
    const list = await agent().get('/agenda');
    assert.match(list.body, /RDP Komisi II dengan Dinas BMSDA tentang banjir/);
    const page = await agent().get(`/agenda/${id}`);
    assert.match(page.body, /itemtype="https:\/\/schema.org\/Event"/);
    assert.match(page.body, /<li>Paparan Dinas BMSDA<\/li>/);
    assert.match(page.body, /10:00–12:00 WIB/);

    const first = parseIcs((await agent().get('/agenda.ics')).body).find((e) => e.summary.startsWith('RDP Komisi II'));
    assert.ok(first !== undefined);
    assert.equal(first.sequence, 0);
    assert.equal(first.start.toISOString(), new Date(`${day}T03:00:00Z`).toISOString());
    const bodyFeed = parseIcs((await agent().get('/agenda/badan/komisi-ii.ics')).body);
    assert.ok(bodyFeed.some((e) => e.uid === first.uid));
    assert.ok(!parseIcs((await agent().get('/agenda/badan/komisi-iv.ics')).body).some((e) => e.uid === first.uid));

    // Moved to the afternoon and another room: same UID, higher SEQUENCE, new time.
    await staff.get(`/kelola/agenda/${id}`);
    const moved = await staff.post(`/kelola/agenda/${id}`, {
      type: 'rdp',
      body: 'bapemperda',
      dapil: '',
      title: 'RDP Komisi II dengan Dinas BMSDA tentang banjir',
      agendaItems: 'Paparan Dinas BMSDA\nTanya jawab\nKesimpulan',
      date: day,
      startTime: '13:30',
      endTime: '15:30',
      place: 'Ruang Rapat Gabungan',
      onlineUrl: '',
      livestreamUrl: 'https://www.youtube.com/@dprdkotabekasi',
      openness: '',
      note: 'Bersamaan dengan rapat paripurna pagi hari.',
    });
    assert.equal(moved.statusCode, 303);
    const second = parseIcs((await agent().get('/agenda.ics')).body).find((e) => e.uid === first.uid);
    assert.equal(second?.sequence, 1);
    assert.equal(second?.start.toISOString(), new Date(`${day}T06:30:00Z`).toISOString());
    assert.equal(second?.location, 'Ruang Rapat Gabungan');
    const history = (await agent().get(`/agenda/${id}`)).body;
    assert.match(history, /Bersamaan dengan rapat paripurna pagi hari\./);
    assert.match(history, /<del>Ruang Rapat Komisi II<\/del>/);
    assert.match(history, /<ins>Ruang Rapat Gabungan<\/ins>/);
    assert.match(history, /<del>Komisi II<\/del> → <ins>Badan Pembentukan Peraturan Daerah \(Bapemperda\)<\/ins>/);

    await staff.get(`/kelola/agenda/${id}`);
    const cancelled = await staff.post(`/kelola/agenda/${id}/batal`, { reason: 'Kepala dinas berhalangan hadir.' });
    assert.equal(cancelled.statusCode, 303);
    const third = parseIcs((await agent().get('/agenda.ics')).body).find((e) => e.uid === first.uid);
    assert.equal(third?.status, 'CANCELLED');
    assert.equal(third?.sequence, 2);
    const cancelledPage = (await agent().get(`/agenda/${id}`)).body;
    assert.match(cancelledPage, /Rapat ini dibatalkan\./);
    assert.match(cancelledPage, /Kepala dinas berhalangan hadir\./);
    const feed = (await agent().get('/agenda.atom')).body;
    assert.match(feed, /DIBATALKAN: RDP Komisi II/);
    // A cancelled meeting is not changed again.
    await staff.get(`/kelola/agenda/${id}`);
    assert.equal(
      (await staff.post(`/kelola/agenda/${id}/batal`, { reason: 'Sekali lagi dibatalkan.' })).statusCode,
      400,
    );
  });

  test("after a plenary: documents, decisions, minutes and attendance, shown on the meeting and the members' pages", async () => {
    const id = await plenary(
      'Rapat Paripurna Penetapan Propemperda 2027',
      inDays(-3),
      'Laporan Bapemperda\nPenetapan Propemperda 2027',
    );
    await staff.get(`/kelola/agenda/${id}`);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const uploaded = await staff.postMultipart(
      `/kelola/agenda/${id}/dokumen`,
      { documentTitle: 'Rancangan Keputusan DPRD' },
      [{ field: 'document', filename: 'keputusan.pdf', type: 'application/pdf', data: pdf }],
    );
    assert.equal(uploaded.statusCode, 303);
    await staff.get(`/kelola/agenda/${id}`);
    const notPdf = await staff.postMultipart(`/kelola/agenda/${id}/dokumen`, { documentTitle: 'Bukan PDF' }, [
      { field: 'document', filename: 'x.pdf', type: 'application/pdf', data: Buffer.from('<html>bukan pdf</html>') },
    ]);
    assert.equal(notPdf.statusCode, 400);
    assert.match(notPdf.body, /Berkas ini bukan PDF\./);

    await staff.get(`/kelola/agenda/${id}`);
    const outcome = await staff.post(`/kelola/agenda/${id}/hasil`, {
      decisions: 'Propemperda 2027 ditetapkan dengan 12 Raperda.',
      minutes: 'Rapat dibuka pukul 09.10 oleh Ketua DPRD.',
      recordingUrl: 'https://www.youtube.com/watch?v=contoh',
    });
    assert.equal(outcome.statusCode, 303);

    const structure = await getCouncil(t.database.db);
    const members = await t.database.db
      .selectFrom('member')
      .select(['id', 'slug', 'name'])
      .orderBy('id')
      .limit(3)
      .execute();
    const [a, b, c] = members;
    assert.ok(a !== undefined && b !== undefined && c !== undefined && structure.council.seats > 3);
    const edit = await staff.get(`/kelola/agenda/${id}`);
    assert.match(edit.body, new RegExp(`name="m${a.id}"`), 'every member is expected at a plenary');
    const marked = await staff.post(`/kelola/agenda/${id}/hadir`, {
      [`m${a.id}`]: 'hadir',
      [`m${b.id}`]: 'izin',
      [`m${c.id}`]: 'hadir',
    });
    assert.equal(marked.statusCode, 303);
    await staff.get(`/kelola/agenda/${id}`);
    assert.equal((await staff.post(`/kelola/agenda/${id}/hadir`, { [`m${a.id}`]: 'bolos' })).statusCode, 400);

    const page = (await agent().get(`/agenda/${id}`)).body;
    assert.match(page, /Propemperda 2027 ditetapkan dengan 12 Raperda\./);
    assert.match(page, /2 dari 3 anggota hadir\./);
    const docLink = /href="(\/agenda\/\d+\/dokumen\/\d+)"/.exec(page)?.[1];
    assert.ok(docLink !== undefined);
    const doc = await agent().get(docLink);
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    assert.equal(doc.rawPayload.subarray(0, 5).toString(), '%PDF-');

    const memberPage = (await agent().get(`/anggota/${a.slug}`)).body;
    assert.match(memberPage, /Hadir 100% \(1 dari 1 rapat/);
    assert.match(memberPage, /Rapat Paripurna Penetapan Propemperda 2027/);
    assert.match((await agent().get(`/anggota/${b.slug}`)).body, /Hadir 0% \(0 dari 1 rapat/);
    const memberIcs = parseIcs((await agent().get(`/anggota/${a.slug}/agenda.ics`)).body);
    assert.ok(memberIcs.some((e) => e.summary === 'Rapat Paripurna Penetapan Propemperda 2027'));

    const api = await t.app.inject(`/api/v1/meetings/${id}`);
    assert.equal(api.statusCode, 200);
    assert.equal(api.json().decisions, 'Propemperda 2027 ditetapkan dengan 12 Raperda.');
    const csv = await agent().get('/agenda.csv?jenis=paripurna');
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /Rapat Paripurna Penetapan Propemperda 2027/);
  });

  test('a closed meeting shows only that it takes place; a plenary cannot be closed', async () => {
    const id = await publish({
      type: 'banggar',
      body: 'banggar',
      dapil: '',
      title: 'Pembahasan rancangan KUA-PPAS 2027',
      agendaItems: 'Pendalaman pagu OPD',
      date: inDays(5),
      startTime: '19:00',
      endTime: '',
      place: 'Hotel tempat rapat',
      onlineUrl: '',
      livestreamUrl: '',
      openness: '',
    });
    const page = (await agent().get(`/agenda/${id}`)).body;
    assert.match(page, /Rapat tertutup: Badan Anggaran/);
    assert.doesNotMatch(page, /KUA-PPAS|Pendalaman pagu|Hotel tempat rapat/);
    assert.doesNotMatch((await agent().get('/agenda')).body, /KUA-PPAS/);
    assert.doesNotMatch((await agent().get('/agenda?q=pagu')).body, /Rapat tertutup: Badan Anggaran/);
    // Nor by a word of its title: the match itself would tell what the closed title says.
    for (const words of ['KUA-PPAS', 'rancangan', 'Pembahasan rancangan'])
      assert.doesNotMatch(
        (await agent().get(`/agenda?q=${encodeURIComponent(words)}`)).body,
        /Rapat tertutup: Badan Anggaran/,
        words,
      );
    assert.doesNotMatch((await agent().get('/cari?q=KUA-PPAS')).body, /Rapat tertutup: Badan Anggaran/);
    // An official searching finds it by its title.
    assert.match((await staff.get('/agenda?q=KUA-PPAS')).body, /Pembahasan rancangan KUA-PPAS 2027/);
    assert.doesNotMatch((await agent().get('/agenda.ics')).body, /KUA-PPAS|Hotel tempat rapat/);
    const api = (await t.app.inject(`/api/v1/meetings/${id}`)).json();
    assert.equal(api.title, null);
    assert.deepEqual(api.agenda_items, []);
    // Staff still see everything.
    assert.match((await staff.get(`/agenda/${id}`)).body, /KUA-PPAS/);

    await staff.get('/kelola/agenda/baru');
    const refused = await staff.post('/kelola/agenda/baru', {
      type: 'paripurna',
      body: '',
      dapil: '',
      title: 'Paripurna tertutup',
      agendaItems: '',
      date: inDays(3),
      startTime: '09:00',
      endTime: '08:00',
      place: '',
      onlineUrl: 'bukan alamat',
      livestreamUrl: '',
      openness: 'closed',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Rapat paripurna dan RDPU wajib terbuka untuk umum\./);
    assert.match(refused.body, /Jam selesai: harus setelah jam mulai\./);
    assert.match(refused.body, /diawali https:\/\//);
    assert.match(refused.body, /value="Paripurna tertutup"/, 'what was typed is kept');
    await staff.get('/kelola/agenda/baru');
    const empty = await staff.post('/kelola/agenda/baru', {
      type: '',
      title: '',
      date: '',
      startTime: '',
      openness: 'open',
    });
    assert.equal(empty.statusCode, 400);
    for (const [field, words] of [
      ['type', 'Pilih jenis rapat\\.'],
      ['title', 'Tulis judul rapat\\.'],
      ['date', 'Tulis tanggal rapat\\.'],
      ['startTime', 'Tulis jam mulai, misalnya 09:00\\.'],
    ]) {
      assert.match(empty.body, new RegExp(`<a href="#${field}">${words}</a>`));
      assert.match(empty.body, new RegExp(`id="${field}-error">${words}</p>`));
    }
  });

  test('results of a meeting that has not taken place are kept only when the officer confirms', async () => {
    const id = await plenary('Rapat Paripurna Penyampaian LKPJ (belum berlangsung)', inDays(6), 'Penyampaian LKPJ');
    const decisions = 'Keputusan yang tertulis di rapat yang salah.';
    await staff.get(`/kelola/agenda/${id}`);
    const warned = await staff.post(`/kelola/agenda/${id}/hasil`, { decisions, minutes: '', recordingUrl: '' });
    assert.equal(warned.statusCode, 400);
    assert.match(warned.body, /Rapat ini belum berlangsung\./);
    assert.match(warned.body, /<a href="#confirmEarly">/, 'the error summary links to the confirmation');
    assert.match(warned.body, /name="confirmEarly"/);
    assert.ok(warned.body.includes(decisions), 'what was typed is kept');
    assert.doesNotMatch((await agent().get(`/agenda/${id}`)).body, /Keputusan yang tertulis/, 'nothing saved');
    const confirmed = await staff.post(`/kelola/agenda/${id}/hasil`, {
      decisions,
      minutes: '',
      recordingUrl: '',
      confirmEarly: 'yes',
    });
    assert.equal(confirmed.statusCode, 303);
    assert.match((await agent().get(`/agenda/${id}`)).body, /Keputusan yang tertulis/);

    const [first] = await t.database.db.selectFrom('member').select('id').orderBy('id').limit(1).execute();
    assert.ok(first !== undefined);
    await staff.get(`/kelola/agenda/${id}`);
    const early = await staff.post(`/kelola/agenda/${id}/hadir`, { [`m${first.id}`]: 'sakit' });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, new RegExp(`id="m${first.id}-sakit"[^>]*checked`), 'the marks are kept');
    assert.equal(
      (await staff.post(`/kelola/agenda/${id}/hadir`, { [`m${first.id}`]: 'sakit', confirmEarly: 'yes' })).statusCode,
      303,
    );
  });

  test('a phone user finds the calendar subscription at the top, for all meetings or one body', async () => {
    const page = (await agent().get('/agenda')).body;
    const box = page.indexOf('<summary>Langganan kalender</summary>');
    assert.ok(box > 0, 'offered');
    assert.ok(box < page.indexOf('role="status"'), 'before the list of meetings');
    // A calendar app opens webcal: as a subscription; the address is there to paste as well.
    assert.match(page, /<a href="webcal:\/\/localhost:3000\/agenda\.ics">Kalender semua rapat/);
    assert.match(page, /<code>http:\/\/localhost:3000\/agenda\.ics<\/code>/);
    assert.match(page, /Google Kalender \(juga di ponsel Android\)/);
    const body = (await agent().get('/agenda?badan=komisi-iv')).body;
    assert.match(body, /<a href="webcal:\/\/localhost:3000\/agenda\/badan\/komisi-iv\.ics">Kalender rapat Komisi IV/);
    const ics = await agent().get('/agenda/badan/komisi-iv.ics');
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /text\/calendar/);
  });

  test('week and month views, filters, and who may publish', async () => {
    const day = inDays(2);
    await publish({
      type: 'komisi',
      body: 'komisi-iv',
      dapil: '',
      title: 'Rapat Komisi IV: evaluasi PPDB',
      agendaItems: 'Evaluasi penerimaan peserta didik baru',
      date: day,
      startTime: '10:00',
      endTime: '',
      place: 'Ruang Komisi IV',
      onlineUrl: '',
      livestreamUrl: '',
      openness: '',
    });
    const week = await agent().get(`/agenda?tampilan=minggu&tanggal=${day}`);
    assert.equal(week.statusCode, 200);
    assert.match(week.body, /Rapat Komisi IV: evaluasi PPDB/);
    assert.match(week.body, new RegExp(`id="hari-${day}"`));
    const month = await agent().get(`/agenda?tampilan=bulan&tanggal=${day}`);
    assert.match(month.body, /<table class="month">/);
    assert.match(month.body, /Rapat Komisi IV: evaluasi PPDB/);
    assert.doesNotMatch((await agent().get('/agenda?badan=komisi-i')).body, /evaluasi PPDB/);
    assert.match((await agent().get('/agenda?q=penerimaan')).body, /evaluasi PPDB/);
    assert.equal((await agent().get('/agenda?tampilan=tahun')).statusCode, 400);
    const badDay = await agent().get('/agenda?tampilan=bulan&tanggal=2026-13-01');
    assert.equal(badDay.statusCode, 400);
    assert.match(badDay.body, /Tanggal itu tidak ada/);
    assert.equal((await agent().get('/agenda/999999')).statusCode, 404);
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/agenda')).statusCode, 403, role);
    }
    assert.equal((await agent().get('/kelola/agenda')).statusCode, 303);
  });
});
