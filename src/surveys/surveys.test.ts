import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { publishedSurvey } from '../../test/helpers/surveys.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { deps } from '../platform/auth.ts';
import { pdfText } from '../platform/pdf.ts';
import { jakartaDay } from '../platform/working-days.ts';
import { readFirstSheet } from '../platform/xlsx.ts';
import { makeDueReport } from '../reports/service.ts';
import { inviteServiceUsers } from './service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip % 250}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());

const today = () => jakartaDay(new Date());
const inDays = (n: number) => jakartaDay(new Date(Date.now() + n * 86_400_000));
const idFrom = (location: unknown) => Number(/\/kelola\/survei\/(\d+)/.exec(String(location))?.[1]);

/** The twelve respondents of the IKM fixture: their scores on elements U1…U9. */
const fixture = [
  [4, 4, 3, 4, 3, 3, 4, 3, 3],
  [3, 3, 3, 4, 3, 3, 3, 3, 3],
  [3, 2, 2, 4, 3, 3, 4, 2, 3],
  [4, 3, 3, 4, 4, 4, 4, 3, 4],
  [3, 3, 2, 4, 3, 3, 3, 3, 2],
  [2, 3, 3, 4, 3, 2, 3, 2, 3],
  [3, 3, 3, 4, 3, 3, 4, 3, 3],
  [4, 4, 4, 4, 4, 4, 4, 4, 4],
  [3, 3, 2, 3, 3, 3, 3, 3, 3],
  [3, 2, 3, 4, 3, 3, 3, 2, 3],
  [3, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 3, 3, 4, 2, 3, 3, 3, 3],
];
// Worked by hand from the table above: the sums per element are 38, 36, 34, 47, 37, 38, 42, 34, 37
// out of 12 respondents, so NRR = sum / 12; Σ NRR = 343 / 12 = 28.583; IKM = 28.583 / 9 × 25 =
// 79.40, grade B (76.61–88.30). Each respondent's own index (their mean × 25) has a sample standard
// deviation of 9.361, so the margin is 1.96 × 9.361 / √12 = 5.30.
const expectedNrr = ['3,167', '3,000', '2,833', '3,917', '3,083', '3,167', '3,500', '2,833', '3,083'];
const expectedWeighted = ['0,352', '0,333', '0,315', '0,435', '0,343', '0,352', '0,389', '0,315', '0,343'];

/** A person answering the IKM survey in a browser without JavaScript, screen by screen. */
async function answerIkm(who: Agent, id: number, scores: number[], profile: Record<string, string> = {}) {
  const front = await who.get(`/survei/${id}`);
  assert.equal(front.statusCode, 200);
  const started = await who.post(`/survei/${id}/mulai`, {});
  assert.equal(started.headers.location, `/survei/${id}/isi`);
  const screens: Record<string, string>[] = [
    profile,
    { q_u1: String(scores[0]), q_u2: String(scores[1]), q_u3: String(scores[2]) },
    { q_u4: String(scores[3]), q_u5: String(scores[4]), q_u6: String(scores[5]) },
    { q_u7: String(scores[6]), q_u8: String(scores[7]), q_u9: String(scores[8]) },
    { q_saran: '' },
  ];
  let last: Awaited<ReturnType<Agent['post']>> | undefined;
  for (const [i, answers] of screens.entries()) {
    const page = await who.get(`/survei/${id}/isi`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`Bagian ${i + 1} dari 5`));
    last = await who.post(`/survei/${id}/isi`, { bagian: String(i + 1), arah: 'lanjut', ...answers });
    assert.equal(last.statusCode, 303, last.body.slice(0, 400));
  }
  assert.equal(last?.headers.location, `/survei/${id}/terima-kasih`);
}

describe('the IKM survey', () => {
  let staff: Agent;
  let id = 0;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
  });

  test('staff make the IKM survey of a service unit from the ready questionnaire and publish it', async () => {
    await staff.get('/kelola/survei');
    const bad = await staff.post('/kelola/survei/ikm', {
      unit: 'kantin',
      ikmOpensOn: inDays(5),
      ikmClosesOn: inDays(1),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Unit layanan: isiannya tidak dikenal/);
    assert.match(bad.body, /Ditutup: tanggal tutup harus sesudah tanggal buka/);
    const made = await staff.post('/kelola/survei/ikm', {
      unit: 'aspiration',
      ikmOpensOn: today(),
      ikmClosesOn: inDays(30),
    });
    assert.equal(made.statusCode, 303);
    id = idFrom(made.headers.location);
    const page = await staff.get(`/kelola/survei/${id}`);
    assert.match(page.body, /Survei Kepuasan Masyarakat: Layanan aspirasi dan pengaduan/);
    assert.match(page.body, /Apakah persyaratan layanan sesuai dengan jenis layanannya\?/);
    assert.match(page.body, /Sangat mahal \/ Cukup mahal \/ Murah \/ Gratis/);
    // The regulation's questionnaire is not for changing.
    assert.doesNotMatch(page.body, /Tambah pertanyaan/);
    // A draft is not public.
    assert.equal((await agent().get(`/survei/${id}`)).statusCode, 404);
    await staff.get(`/kelola/survei/${id}`);
    const published = await staff.post(`/kelola/survei/${id}/terbitkan`, {});
    assert.equal(published.headers.location, `/kelola/survei/${id}?pesan=terbit`);
    const list = await agent().get('/survei');
    assert.match(list.body, new RegExp(`href="/survei/${id}"`));
    const english = await agent().get(`/survei/${id}?lang=en`);
    assert.match(english.body, /Public satisfaction survey: Aspirations and complaints service/);
  });

  test('twelve respondents answer with JavaScript off; the result shows the NRR, IKM and grade worked by hand', async () => {
    for (const [i, scores] of fixture.entries())
      await answerIkm(agent(), id, scores, i % 3 === 0 ? { q_umur: '26-35', q_jenis_kelamin: 'p' } : {});

    // Before the survey ends its figures are not public; staff see them already.
    const early = await agent().get(`/survei/${id}/hasil`);
    assert.match(early.body, /Hasil survei ini terbit setelah survei ditutup\./);
    assert.doesNotMatch(early.body, /79,40/);
    const running = await staff.get(`/kelola/survei/${id}/hasil`);
    assert.match(running.body, /79,40/);

    await staff.get(`/kelola/survei/${id}`);
    assert.equal((await staff.post(`/kelola/survei/${id}/tutup`, {})).statusCode, 303);
    const res = await agent().get(`/survei/${id}/hasil`);
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(body, /<dt>Nilai IKM<\/dt>\s*<dd>79,40<\/dd>/);
    assert.match(body, /<dt>Mutu pelayanan<\/dt>\s*<dd>B \(Baik\)<\/dd>/);
    assert.match(body, /<dt>Jumlah responden<\/dt>\s*<dd>12<\/dd>/);
    assert.match(body, /± 5,30 poin \(selang kepercayaan 95%\)/);
    for (const [i, nrr] of expectedNrr.entries()) {
      const row = new RegExp(
        `<th scope="row">U${i + 1} [^<]+</th><td class="number">${nrr}</td><td class="number">${expectedWeighted[i]}</td>`,
      );
      assert.match(body, row, `U${i + 1}`);
    }
    assert.match(body, /IKM = Σ\(NRR × 1\/9\) × 25/);
    assert.match(body, /<svg/, 'a chart drawn on the server');
    // The profile's counts: four of the twelve said 26–35 years.
    assert.match(body, /<th scope="row">26–35 tahun<\/th><td class="number">4<\/td><td class="number">100%<\/td>/);
    // Listed among the results, and in the open data.
    assert.match((await agent().get('/survei')).body, new RegExp(`href="/survei/${id}/hasil"`));
    const data = await agent().get('/data/indeks-kepuasan-masyarakat.csv');
    assert.equal(data.statusCode, 200);
    const row = data.body.split(/\r?\n/).find((line) => line.startsWith(`${id},`));
    assert.equal(
      row,
      `${id},Layanan aspirasi dan pengaduan,${today()},${inDays(30)},12,3.167,3,2.833,3.917,3.083,3.167,3.5,2.833,3.083,79.4,B,5.3,http://localhost:3000/survei/${id}/hasil`,
    );
    // The leadership's monthly report, made by its job on a fixed clock, carries the unit's index,
    // grade and respondents.
    assert.equal(await makeDueReport(deps(t.app), new Date('2026-11-02T08:00:00+07:00')), '2026-10');
    const kept = await t.database.db.selectFrom('monthly_report').select('pdf').executeTakeFirstOrThrow();
    const text = (await pdfText(Buffer.from(kept.pdf))).replace(/\s+/g, ' ');
    assert.match(text, /Indeks Kepuasan Masyarakat .*Layanan aspirasi dan pengaduan .*79,40 B 12/);
    // Closed: nobody starts answering any more.
    const late = await agent().get(`/survei/${id}`);
    assert.match(late.body, /Survei ini sudah ditutup\./);
    assert.doesNotMatch(late.body, /Mulai mengisi/);
  });
});

describe('answering a survey', () => {
  let staff: Agent;
  let id = 0;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
    await staff.get('/kelola/survei');
    const made = await staff.post('/kelola/survei/ikm', {
      unit: 'aspiration_room',
      ikmOpensOn: today(),
      ikmClosesOn: inDays(10),
    });
    id = idFrom(made.headers.location);
    await staff.get(`/kelola/survei/${id}`);
    await staff.post(`/kelola/survei/${id}/terbitkan`, {});
  });

  test('a missing or made-up answer is named beside its question; what was answered stays', async () => {
    const who = agent();
    await who.get(`/survei/${id}`);
    await who.post(`/survei/${id}/mulai`, {});
    await who.get(`/survei/${id}/isi`);
    await who.post(`/survei/${id}/isi`, { bagian: '1', arah: 'lanjut' });
    await who.get(`/survei/${id}/isi`);
    const missing = await who.post(`/survei/${id}/isi`, { bagian: '2', arah: 'lanjut', q_u1: '3', q_u2: '9' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /<a href="#q_u2">Pilih salah satu jawaban yang tersedia\.<\/a>/);
    assert.match(missing.body, /<a href="#q_u3">Jawab pertanyaan ini\.<\/a>/);
    assert.match(missing.body, /id="q_u1-3"[^>]*checked/);
    const malformed = await who.post(`/survei/${id}/isi`, { bagian: '2', arah: 'lanjut', 'q_u1"><script>': '1' });
    assert.equal(malformed.statusCode, 400);
    assert.doesNotMatch(malformed.body, /<script>/);
  });

  test('going back keeps the answers; a link carries on in another browser; one answer per browser', async () => {
    const phone = agent();
    await phone.get(`/survei/${id}`);
    await phone.post(`/survei/${id}/mulai`, {});
    await phone.get(`/survei/${id}/isi`);
    await phone.post(`/survei/${id}/isi`, { bagian: '1', arah: 'lanjut', q_layanan: 'meet' });
    await phone.get(`/survei/${id}/isi`);
    await phone.post(`/survei/${id}/isi`, { bagian: '2', arah: 'lanjut', q_u1: '4', q_u2: '4', q_u3: '4' });
    const third = await phone.get(`/survei/${id}/isi`);
    assert.match(third.body, /Bagian 3 dari 5/);
    assert.match(third.body, /<progress max="5" value="3"/);
    const back = await phone.post(`/survei/${id}/isi`, { bagian: '3', arah: 'kembali', q_u4: '2' });
    assert.equal(back.statusCode, 303);
    const second = await phone.get(`/survei/${id}/isi`);
    assert.match(second.body, /Bagian 2 dari 5/);
    assert.match(second.body, /id="q_u1-4"[^>]*checked/);

    // The link under the form takes the answers to another device.
    const link = /href="http:\/\/localhost:3000(\/survei\/\d+\/lanjut\?kunci=[^"]+)"/.exec(second.body)?.[1];
    assert.ok(link);
    const laptop = agent();
    const opened = await laptop.get(link.replaceAll('&amp;', '&'));
    assert.equal(opened.headers.location, `/survei/${id}/isi`);
    await laptop.get(`/survei/${id}/isi`);
    await laptop.post(`/survei/${id}/isi`, { bagian: '2', arah: 'lanjut', q_u1: '4', q_u2: '4', q_u3: '4' });
    const kept = await laptop.get(`/survei/${id}/isi`);
    assert.match(kept.body, /id="q_u4-2"[^>]*checked/, 'the answer given before going back is still there');
    await laptop.post(`/survei/${id}/isi`, { bagian: '3', arah: 'lanjut', q_u4: '4', q_u5: '4', q_u6: '4' });
    await laptop.get(`/survei/${id}/isi`);
    await laptop.post(`/survei/${id}/isi`, { bagian: '4', arah: 'lanjut', q_u7: '4', q_u8: '4', q_u9: '4' });
    await laptop.get(`/survei/${id}/isi`);
    const sent = await laptop.post(`/survei/${id}/isi`, {
      bagian: '5',
      arah: 'lanjut',
      q_saran: 'Ruang tunggu lebih sejuk.',
    });
    assert.equal(sent.headers.location, `/survei/${id}/terima-kasih`);

    // Sent once: the same browser sees it done and cannot start again.
    const front = await laptop.get(`/survei/${id}`);
    assert.match(front.body, /Anda sudah mengisi survei ini\./);
    assert.doesNotMatch(front.body, /Mulai mengisi/);
    assert.equal((await laptop.get(`/survei/${id}/isi`)).headers.location, `/survei/${id}/terima-kasih`);
    // The phone still shows the second screen: sending from it changes nothing.
    const again = await phone.post(`/survei/${id}/isi`, {
      bagian: '2',
      arah: 'lanjut',
      q_u1: '1',
      q_u2: '1',
      q_u3: '1',
    });
    assert.equal(again.headers.location, `/survei/${id}?pesan=sudah`);
    const rows = await t.database.db
      .selectFrom('survey_response')
      .select(['submitted_at', 'user_id'])
      .where('survey_id', '=', id)
      .where('submitted_at', 'is not', null)
      .execute();
    assert.equal(rows.length, 1);
    const answers = await t.database.db
      .selectFrom('survey_answer')
      .innerJoin('survey_question', 'survey_question.id', 'survey_answer.question_id')
      .select(['survey_question.code', 'survey_answer.value'])
      .where('survey_question.survey_id', '=', id)
      .execute();
    assert.deepEqual(Object.fromEntries(answers.map((a) => [a.code, a.value])), {
      layanan: 'meet',
      u1: '4',
      u2: '4',
      u3: '4',
      u4: '4',
      u5: '4',
      u6: '4',
      u7: '4',
      u8: '4',
      u9: '4',
      saran: 'Ruang tunggu lebih sejuk.',
    });
  });

  test('an account answers an anonymous survey once, and nothing ties the answers to it', async () => {
    const citizen = await createUser(t, 'citizen');
    const first = await signIn(t, citizen, agent());
    await answerIkm(first, id, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const participant = await t.database.db
      .selectFrom('survey_participant')
      .select('user_id')
      .where('survey_id', '=', id)
      .execute();
    assert.deepEqual(participant, [{ user_id: citizen.id }]);
    const named = await t.database.db
      .selectFrom('survey_response')
      .select('id')
      .where('survey_id', '=', id)
      .where('user_id', 'is not', null)
      .execute();
    assert.deepEqual(named, [], 'the response carries no account');
    // The same account in another browser is refused at the start.
    const second = await signIn(t, citizen, agent());
    await second.get(`/survei/${id}`);
    const refused = await second.post(`/survei/${id}/mulai`, {});
    assert.equal(refused.headers.location, `/survei/${id}?pesan=sudah`);
    assert.match((await second.get(`/survei/${id}?pesan=sudah`)).body, /Akun Anda sudah mengisi survei ini\./);
    // It is listed in the person's data, without what they answered.
    const data = await second.get('/akun/data.json');
    assert.equal(data.statusCode, 200);
    assert.match(data.body, /"surveys"/);
    assert.doesNotMatch(data.body, /"u1"/);
  });
});

describe('a survey with names', () => {
  test('answering asks for an account; the answers are in the person’s copy of their data', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const id = await publishedSurvey(
      t,
      staff,
      { title: 'Evaluasi pelatihan warga', anonymous: '' },
      { kind: 'short_text', prompt: 'Materi yang paling berguna' },
    );
    const visitor = agent();
    const front = await visitor.get(`/survei/${id}`);
    assert.match(front.body, /Survei ini tidak tanpa nama/);
    assert.match(front.body, /Masuk untuk mengisi/);
    const citizen = await signIn(t, await createUser(t, 'citizen'), agent());
    await citizen.get(`/survei/${id}`);
    await citizen.post(`/survei/${id}/mulai`, {});
    await citizen.get(`/survei/${id}/isi`);
    const sent = await citizen.post(`/survei/${id}/isi`, {
      bagian: '1',
      arah: 'lanjut',
      q_p1: 'Menulis surat pengaduan',
    });
    assert.equal(sent.headers.location, `/survei/${id}/terima-kasih`);
    const data = await citizen.get('/akun/data.json');
    const copy = JSON.parse(data.body) as { surveys?: { survey: number; answers?: object }[] };
    const mine = copy.surveys?.find((x) => x.survey === id);
    assert.deepEqual(mine?.answers, { p1: 'Menulis surat pengaduan' });
  });
});

describe('building a survey', () => {
  let staff: Agent;
  let id = 0;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
  });

  test('staff build sections and questions of every kind, with a condition on an earlier answer', async () => {
    await staff.get('/kelola/survei');
    const bad = await staff.post('/kelola/survei', { title: '', opensOn: 'besok', closesOn: today() });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Judul survei: isian ini wajib diisi\./);
    assert.match(bad.body, /Dibuka: isiannya tidak dikenal/);
    const made = await staff.post('/kelola/survei', {
      title: 'Survei Forum Warga 2026',
      intro: 'Pendapat Anda tentang forum warga.',
      opensOn: today(),
      closesOn: inDays(14),
      anonymous: 'yes',
    });
    id = idFrom(made.headers.location);
    const page = `/kelola/survei/${id}`;
    await staff.get(page);
    const early = await staff.post(`${page}/terbitkan`, {});
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /Survei belum punya pertanyaan\./);
    await staff.post(`${page}/bagian`, { sectionTitle: 'Kehadiran', sectionIntro: '' });
    await staff.get(page);
    await staff.post(`${page}/bagian`, { sectionTitle: 'Pendapat', sectionIntro: 'Tentang forum terakhir.' });
    const sections = await t.database.db
      .selectFrom('survey_section')
      .select(['id', 'title'])
      .where('survey_id', '=', id)
      .orderBy('position')
      .execute();
    const [first, second] = sections.map((s) => String(s.id));
    assert.ok(first !== undefined && second !== undefined);
    await staff.get(page);
    const noChoices = await staff.post(`${page}/pertanyaan`, {
      section: first,
      kind: 'single',
      prompt: 'Pernah hadir?',
      options: 'Ya',
      required: 'yes',
    });
    assert.equal(noChoices.statusCode, 400);
    assert.match(noChoices.body, /Pilihan jawaban: tulis paling sedikit dua pilihan\./);
    const add = async (fields: Record<string, string>) => {
      await staff.get(page);
      const res = await staff.post(`${page}/pertanyaan`, { required: 'yes', ...fields });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    };
    await add({ section: first, kind: 'single', prompt: 'Pernah hadir di forum warga?', options: 'Ya\nBelum' });
    await add({ section: first, kind: 'number', prompt: 'Berapa kali tahun ini?', min: '0', max: '50', required: '' });
    const p1 = await t.database.db
      .selectFrom('survey_question')
      .select('id')
      .where('survey_id', '=', id)
      .where('code', '=', 'p1')
      .executeTakeFirstOrThrow();
    // Asked only of those who came: the condition names an answer of the first part.
    await add({ section: second, kind: 'likert5', prompt: 'Forum itu bermanfaat.', showIf: `${p1.id}:1` });
    await add({
      section: second,
      kind: 'multiple',
      prompt: 'Topik yang Anda minati',
      options: 'Jalan\nBanjir\nSekolah',
      required: '',
    });
    await add({
      section: second,
      kind: 'matrix',
      prompt: 'Nilai penyelenggaraan',
      options: 'Buruk\nCukup\nBaik',
      rows: 'Tempat\nWaktu',
    });
    await add({ section: second, kind: 'short_text', prompt: 'Usul tempat berikutnya', required: '' });
    await add({ section: second, kind: 'long_text', prompt: 'Saran lain', required: '' });
    await staff.get(page);
    const wrongCondition = await staff.post(`${page}/pertanyaan`, {
      section: first,
      kind: 'long_text',
      prompt: 'X',
      showIf: `${p1.id}:1`,
    });
    assert.match(
      wrongCondition.body,
      /Tampilkan pertanyaan ini: isiannya tidak dikenal/,
      'a condition on its own part is refused',
    );
    const preview = await staff.get(`${page}/pratinjau`);
    assert.match(preview.body, /Forum itu bermanfaat\./);
    assert.match(preview.body, /name="q_p5--b2"/);
    await staff.get(page);
    assert.equal((await staff.post(`${page}/terbitkan`, {})).statusCode, 303);
  });

  test('the condition skips a question, a matrix wants every row, and the results and downloads follow', async () => {
    const skip = agent();
    await skip.get(`/survei/${id}`);
    await skip.post(`/survei/${id}/mulai`, {});
    await skip.get(`/survei/${id}/isi`);
    const number = await skip.post(`/survei/${id}/isi`, { bagian: '1', arah: 'lanjut', q_p1: '2', q_p2: '99' });
    assert.equal(number.statusCode, 400);
    assert.match(number.body, /Angkanya paling besar 50\./);
    await skip.post(`/survei/${id}/isi`, { bagian: '1', arah: 'lanjut', q_p1: '2', q_p2: '0' });
    const second = await skip.get(`/survei/${id}/isi`);
    assert.doesNotMatch(second.body, /Forum itu bermanfaat/, 'not asked of one who never came');
    const partial = await skip.post(`/survei/${id}/isi`, { bagian: '2', arah: 'lanjut', 'q_p5--b1': '3' });
    assert.equal(partial.statusCode, 400);
    assert.match(partial.body, /href="#q_p5--b2">Jawab setiap baris\./);
    const done = await skip.post(`/survei/${id}/isi`, [
      ['bagian', '2'],
      ['arah', 'lanjut'],
      ['q_p4', '1'],
      ['q_p4', '3'],
      ['q_p5--b1', '3'],
      ['q_p5--b2', '2'],
      ['q_p6', 'Balai RW 05'],
    ]);
    assert.equal(done.headers.location, `/survei/${id}/terima-kasih`);

    const came = agent();
    await came.get(`/survei/${id}`);
    await came.post(`/survei/${id}/mulai`, {});
    await came.get(`/survei/${id}/isi`);
    await came.post(`/survei/${id}/isi`, { bagian: '1', arah: 'lanjut', q_p1: '1', q_p2: '3' });
    const asked = await came.get(`/survei/${id}/isi`);
    assert.match(asked.body, /Forum itu bermanfaat/);
    const needed = await came.post(`/survei/${id}/isi`, {
      bagian: '2',
      arah: 'lanjut',
      'q_p5--b1': '3',
      'q_p5--b2': '3',
    });
    assert.match(needed.body, /href="#q_p3">Jawab pertanyaan ini\./);
    await came.post(`/survei/${id}/isi`, [
      ['bagian', '2'],
      ['arah', 'lanjut'],
      ['q_p3', '4'],
      ['q_p4', '1'],
      ['q_p5--b1', '3'],
      ['q_p5--b2', '3'],
      ['q_p7', 'Nama saya Siti, rumah saya di Jalan Melati 3.'],
    ]);

    // Answers exist: the questions are locked, a new version is the way to change them.
    const page = `/kelola/survei/${id}`;
    const locked = await staff.get(page);
    assert.match(locked.body, /Pertanyaan tidak dapat diubah lagi/);
    const refused = await staff.post(`${page}/pertanyaan`, { section: '1', kind: 'long_text', prompt: 'Tambahan' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /survei sudah diisi/);

    const results = await staff.get(`${page}/hasil`);
    assert.match(results.body, /<th scope="row">Jalan<\/th><td class="number">2<\/td><td class="number">100%<\/td>/);
    assert.match(results.body, /<th scope="row">Banjir<\/th><td class="number">0<\/td>/);
    assert.match(
      results.body,
      /<th scope="row">Tempat<\/th><td class="number">0<\/td><td class="number">0<\/td><td class="number">2<\/td>/,
    );
    assert.match(results.body, /2 jawaban · rata-rata 1,5 · median 1,5 · terkecil 0 · terbesar 3/);
    assert.match(results.body, /Rata-rata 4,00/);
    assert.match(results.body, /1 jawaban tertulis\./);
    assert.doesNotMatch(results.body, /Siti/, 'written answers are not shown in the figures');

    const csv = await staff.get(`${page}/jawaban.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="survei-\d+-jawaban\.csv"/);
    const lines = csv.body.trim().split(/\r?\n/);
    assert.equal(lines[0], 'no,tanggal,p1,p2,p3,p4,p5.b1,p5.b2,p6,p7');
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', new RegExp(`^1,${today()},2,0,,1; 3,3,2,Balai RW 05,$`));
    const xlsx = await staff.get(`${page}/jawaban.xlsx`);
    const sheet = readFirstSheet(xlsx.rawPayload);
    assert.equal(sheet.length, 3);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'survey.export')
      .execute();
    assert.equal(audit.length, 2);

    await staff.get(page);
    const version = await staff.post(`${page}/versi-baru`, {});
    const newId = idFrom(version.headers.location);
    assert.notEqual(newId, id);
    const copy = await staff.get(`/kelola/survei/${newId}`);
    assert.match(copy.body, /Draf/);
    assert.match(copy.body, /Tambah pertanyaan/);
    assert.match(copy.body, /Tampil jika p1 = Ya/, 'the condition follows the copied question');
  });

  test('only those who manage surveys may build them or download answers', async () => {
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const outsider = await signIn(t, await createUser(t, role), agent());
      assert.equal((await outsider.get('/kelola/survei')).statusCode, 403, role);
      assert.equal((await outsider.get(`/kelola/survei/${id}/jawaban.csv`)).statusCode, 403, role);
      await outsider.get('/survei');
      assert.equal(
        (await outsider.post('/kelola/survei', { title: 'Bukan haknya' }, { csrf: null })).statusCode,
        403,
        role,
      );
    }
    const stranger = await agent().get('/kelola/survei');
    assert.equal(stranger.statusCode, 303);
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    assert.equal((await admin.get('/kelola/survei')).statusCode, 200);
  });
});

describe('inviting people to answer', () => {
  let staff: Agent;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
  });

  const invitationsTo = async (address: string) => {
    await t.app.outbox.deliverDue();
    return mailbox.to(address).filter((m) => m.subject.startsWith('Bagaimana layanan kami?'));
  };

  test('citizens whose aspiration was resolved are invited once each, and only they can answer', async () => {
    await staff.get('/kelola/survei');
    const noUnit = await staff.post('/kelola/survei', {
      title: 'Kepuasan penanganan aspirasi',
      opensOn: today(),
      closesOn: inDays(20),
      anonymous: 'yes',
      audience: 'service_users',
    });
    assert.equal(noUnit.statusCode, 400);
    assert.match(noUnit.body, /Pengguna layanan yang diundang: isian ini wajib diisi\./);
    const id = await publishedSurvey(
      t,
      staff,
      { title: 'Kepuasan penanganan aspirasi', audience: 'service_users', usersOf: 'aspiration' },
      { kind: 'likert4', prompt: 'Penanganannya memuaskan.' },
    );
    const page = `/kelola/survei/${id}`;

    // Two aspirations, one resolved: only its citizen is invited.
    const resolved = await sendAspiration(t, 'Saluran air tersumbat di RT 03', { email: 'puas@example.org' });
    await sendAspiration(t, 'Lampu taman mati', { email: 'menunggu@example.org' });
    await t.database.db
      .updateTable('aspiration')
      .set({ status: 'resolved', resolved_at: new Date() })
      .where('code', '=', resolved)
      .execute();
    assert.ok((await inviteServiceUsers(deps(t.app))) >= 1);
    const mails = await invitationsTo('puas@example.org');
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.text ?? '', new RegExp(`Aspirasi Anda ${resolved} sudah selesai ditangani`));
    assert.equal((await invitationsTo('menunggu@example.org')).length, 0);
    await inviteServiceUsers(deps(t.app));
    assert.equal((await invitationsTo('puas@example.org')).length, 1, 'invited once');

    // Without the link nobody starts.
    const stranger = agent();
    const front = await stranger.get(`/survei/${id}`);
    assert.match(front.body, /Survei ini hanya untuk yang diundang\./);
    assert.doesNotMatch(front.body, /Mulai mengisi/);

    const invited = agent();
    const link = linkIn(mails[0]);
    const opened = await invited.get(link);
    assert.equal(opened.headers.location, `/survei/${id}/isi`);
    await invited.get(`/survei/${id}/isi`);
    const sent = await invited.post(`/survei/${id}/isi`, { bagian: '1', arah: 'lanjut', q_p1: '4' });
    assert.equal(sent.headers.location, `/survei/${id}/terima-kasih`);
    // The link again, in another browser: the same answers, already sent.
    const twice = agent();
    await twice.get(link);
    assert.equal((await twice.get(`/survei/${id}/isi`)).headers.location, `/survei/${id}/terima-kasih`);
    const wrong = await agent().get(`/survei/${id}/undangan?kunci=${'x'.repeat(43)}`);
    assert.equal(wrong.headers.location, `/survei/${id}?pesan=tautan`);
    assert.match((await staff.get(page)).body, /1 terkirim, 1 dijawab/);
  });

  test('visitors received at the aspiration room are invited to its IKM survey', async () => {
    await staff.get('/kelola/survei');
    const made = await staff.post('/kelola/survei/ikm', {
      unit: 'aspiration_room',
      ikmOpensOn: today(),
      ikmClosesOn: inDays(20),
    });
    const id = idFrom(made.headers.location);
    await staff.get(`/kelola/survei/${id}`);
    const saved = await staff.post(`/kelola/survei/${id}`, {
      opensOn: today(),
      closesOn: inDays(20),
      audience: 'service_users',
    });
    assert.equal(saved.statusCode, 303);
    await staff.get(`/kelola/survei/${id}`);
    await staff.post(`/kelola/survei/${id}/terbitkan`, {});
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('appointment')
      .values({
        council_id: council.id,
        code: 'JT-SURVEI',
        topic: 'Perbaikan jalan lingkungan',
        name_sealed: t.app.sealer.seal('Tamu Ruang Aspirasi'),
        email_sealed: t.app.sealer.seal('tamu@example.org'),
        walk_in: true,
        status: 'done',
        checked_in_at: new Date(),
      })
      .execute();
    await inviteServiceUsers(deps(t.app));
    const mails = await invitationsTo('tamu@example.org');
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.text ?? '', /Terima kasih sudah datang ke ruang aspirasi \(JT-SURVEI\)/);
    assert.match(mails[0]?.text ?? '', /Survei Kepuasan Masyarakat: Layanan ruang aspirasi/);
  });

  test('applicants whose request for public information was answered are invited to its IKM survey, once each', async () => {
    await staff.get('/kelola/survei');
    const made = await staff.post('/kelola/survei/ikm', {
      unit: 'information',
      ikmOpensOn: today(),
      ikmClosesOn: inDays(20),
    });
    const id = idFrom(made.headers.location);
    await staff.get(`/kelola/survei/${id}`);
    await staff.post(`/kelola/survei/${id}`, {
      opensOn: today(),
      closesOn: inDays(20),
      audience: 'service_users',
      anonymous: 'yes',
    });
    await staff.get(`/kelola/survei/${id}`);
    assert.equal((await staff.post(`/kelola/survei/${id}/terbitkan`, {})).statusCode, 303);
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const request = (code: string, email: string, answered: boolean) => ({
      council_id: council.id,
      code,
      token_hash: `hash-${code}`,
      email_sealed: t.app.sealer.seal(email),
      information: 'Salinan risalah rapat Komisi I bulan lalu.',
      purpose: 'Bahan diskusi warga.',
      delivery: 'email' as const,
      received_on: today(),
      ...(answered
        ? {
            decision: 'penuh' as const,
            answer: 'Risalah terlampir.',
            answered_at: new Date(),
            answered_on: today(),
          }
        : {}),
    });
    await t.database.db
      .insertInto('information_request')
      .values([
        request('PPID-2026-SRVEYA', 'dijawab.ppid@example.org', true),
        request('PPID-2026-SRVEYB', 'menunggu.ppid@example.org', false),
      ])
      .execute();
    await inviteServiceUsers(deps(t.app));
    await inviteServiceUsers(deps(t.app));
    const mails = await invitationsTo('dijawab.ppid@example.org');
    assert.equal(mails.length, 1, 'invited once');
    assert.match(mails[0]?.text ?? '', /Permohonan informasi Anda \(PPID-2026-SRVEYA\) sudah dijawab\./);
    assert.match(mails[0]?.text ?? '', /Survei Kepuasan Masyarakat: Layanan informasi publik/);
    assert.equal((await invitationsTo('menunggu.ppid@example.org')).length, 0, 'not before the answer');
    const opened = await agent().get(linkIn(mails[0]));
    assert.equal(opened.headers.location, `/survei/${id}/isi`);
  });

  test('a sample list is invited by email, once per address', async () => {
    await staff.get('/kelola/survei');
    const id = await publishedSurvey(
      t,
      staff,
      { title: 'Survei sampel warga', audience: 'sample' },
      { kind: 'short_text', prompt: 'Satu kata untuk DPRD' },
    );
    const page = `/kelola/survei/${id}`;
    await staff.get(page);
    const bad = await staff.post(`${page}/undangan`, { list: 'sampel.satu@example.org\nbukan-alamat' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Alamat email yang diundang: bukan alamat email: bukan-alamat\./);
    assert.match(bad.body, /sampel\.satu@example\.org/, 'the list stays in the box');
    const ok = await staff.post(`${page}/undangan`, {
      list: 'Sampel.Satu@example.org\nsampel.dua@example.org, sampel.satu@example.org',
    });
    assert.equal(ok.headers.location, `${page}?pesan=undangan`);
    await staff.get(page);
    await staff.post(`${page}/undangan`, { list: 'sampel.dua@example.org' });
    assert.equal((await invitationsTo('sampel.satu@example.org')).length, 1);
    assert.equal((await invitationsTo('sampel.dua@example.org')).length, 1, 'an address is invited once');
    const stored = await t.database.db
      .selectFrom('survey_invitation')
      .select('source_ref')
      .where('survey_id', '=', id)
      .execute();
    assert.equal(stored.length, 2);
    assert.ok(
      stored.every((r) => !r.source_ref.includes('@')),
      'no address is kept with the invitation',
    );
  });
});
