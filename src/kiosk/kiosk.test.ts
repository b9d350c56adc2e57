import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { getCouncil } from '../council/service.ts';

let t: TestApp;
let ipCounter = 0;
const agent = () => new Agent(t.app, `203.0.113.${++ipCounter}`);

before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** The hidden answers and the screen a kiosk page shows. */
function screenOf(html: string): { step: string; hidden: Record<string, string> } {
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    if (m[1] !== '_csrf') hidden[m[1] ?? ''] = (m[2] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return { step: hidden.langkah ?? '', hidden };
}

/** Answers the screen on show and goes on (or back). */
async function answer(a: Agent, html: string, given: Record<string, string>) {
  const { hidden } = screenOf(html);
  return a.post('/kios/aspirasi', { ...hidden, ...given });
}

describe('a citizen at the kiosk', () => {
  test('files an aspiration one question a screen, goes back without losing answers, and gets a receipt with a QR code', async () => {
    const structure = await getCouncil(t.database.db);
    const kec = structure.kecamatan.find((k) => k.name === 'Bekasi Utara') ?? structure.kecamatan[0];
    const kel = kec?.kelurahan[0];
    assert.ok(kec !== undefined && kel !== undefined);
    const a = agent();
    const home = await a.get('/kios');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<html lang="id" class="kiosk-screen">/);
    assert.match(home.body, /<noscript><meta http-equiv="refresh" content="90;url=\/kios"\/?><\/noscript>/);
    assert.doesNotMatch(home.body, /Panggil petugas/, 'only a browser set up as the kiosk may call staff');
    assert.doesNotMatch(home.body, /class="menu"/, 'no menu to wander off into');

    let page = await a.get('/kios/aspirasi');
    assert.equal(screenOf(page.body).step, 'jenis');
    assert.match(page.body, /<legend><h1>Apa yang ingin Anda sampaikan\?<\/h1><\/legend>/);
    assert.match(page.body, /Langkah 1 dari 8/);
    assert.doesNotMatch(page.body, /informasi-publik\/permohonan/, 'the kiosk does not lead away');
    const key = screenOf(page.body).hidden.kunci ?? '';
    assert.ok(key.length >= 40, 'a submission key from the first screen');

    // Nothing chosen: the same screen, with the reason.
    let next = await answer(a, page.body, {});
    assert.equal(next.statusCode, 400);
    assert.match(next.body, /Pilih salah satu/);
    page = await answer(a, next.body, { kind: 'pengaduan' });
    assert.equal(screenOf(page.body).step, 'kategori');
    page = await answer(a, page.body, { category: 'banjir' });
    assert.equal(screenOf(page.body).step, 'kecamatan');
    page = await answer(a, page.body, { kecamatan: String(kec.id) });
    assert.equal(screenOf(page.body).step, 'kelurahan');
    assert.match(page.body, new RegExp(kel.name));
    page = await answer(a, page.body, { kelurahan: String(kel.id) });
    assert.equal(screenOf(page.body).step, 'judul');
    next = await answer(a, page.body, { title: 'Ba' });
    assert.equal(next.statusCode, 400);
    assert.match(next.body, /Terlalu pendek: tulis paling sedikit 5 huruf/);
    page = await answer(a, next.body, { title: 'Banjir setinggi lutut di gang masjid' });
    assert.equal(screenOf(page.body).step, 'uraian');
    // Back: the title screen again, with the title as typed.
    const back = await answer(a, page.body, { description: '', arah: 'kembali' });
    assert.equal(screenOf(back.body).step, 'judul');
    assert.match(back.body, /value="Banjir setinggi lutut di gang masjid"/);
    // The browser sends the title field as it shows it, filled in.
    page = await answer(a, back.body, { title: 'Banjir setinggi lutut di gang masjid' });
    page = await answer(a, page.body, { description: 'Setiap hujan deras air masuk ke rumah warga di RT 04.' });
    assert.equal(screenOf(page.body).step, 'kontak');
    next = await answer(a, page.body, { name: 'Pak Darto', phone: 'nomor saya', email: '' });
    assert.match(next.body, /Nomor HP tidak sesuai/);
    page = await answer(a, next.body, { name: 'Pak Darto', phone: '0812 7777 1234', email: '' });
    assert.equal(screenOf(page.body).step, 'periksa');
    assert.match(page.body, /Banjir setinggi lutut di gang masjid/);
    assert.match(page.body, new RegExp(`${kel.name}, ${kec.name}`));
    // A contact given: consent is asked before it is used.
    next = await answer(a, page.body, {});
    assert.equal(next.statusCode, 400);
    assert.match(next.body, /Centang persetujuan/);
    const sent = await answer(a, next.body, { consent: 'yes' });
    assert.equal(sent.statusCode, 303);
    const receiptAt = String(sent.headers.location);
    const code = /kode=(ASP-\d{4}-\d{6})$/.exec(receiptAt)?.[1];
    assert.ok(code !== undefined, receiptAt);

    const [filed] = await t.database.db.selectFrom('aspiration').selectAll().where('code', '=', code).execute();
    assert.equal(filed?.channel, 'ruang_aspirasi');
    assert.equal(filed?.kelurahan_id, kel.id);
    assert.equal(filed?.kind, 'pengaduan');
    assert.equal(filed?.show_name, false);
    const sms = await t.database.db
      .selectFrom('outbox')
      .select(['channel', 'body'])
      .where('topic', '=', `aspiration:${filed?.id}`)
      .execute();
    assert.equal(sms[0]?.channel, 'sms', 'the code also goes to the phone');

    const receipt = await a.get(receiptAt);
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, new RegExp(`<p class="kiosk-code">${code}</p>`));
    assert.match(
      receipt.body,
      /<figure class="kiosk-qr" role="img" aria-label="Kode QR alamat laporan ASP-[^"]+"><span><svg/,
    );
    assert.equal(receipt.headers['cache-control'], 'no-store');

    // A double tap on "send": the same aspiration.
    const token = /name="_csrf" value="([^"]+)"/.exec(next.body)?.[1] ?? '';
    const again = await a.post('/kios/aspirasi', { ...screenOf(next.body).hidden, consent: 'yes' }, { csrf: token });
    assert.equal(again.headers.location, receiptAt);
    assert.equal(
      (
        await t.database.db
          .selectFrom('aspiration')
          .select('id')
          .where('title', '=', filed?.title ?? '')
          .execute()
      ).length,
      1,
    );
  });

  test('a form cut short goes back to the first screen it lacks; without a contact no consent is asked', async () => {
    const a = agent();
    await a.get('/kios/aspirasi');
    const jumped = await a.post('/kios/aspirasi', {
      langkah: 'uraian',
      description: 'Ada pohon tumbang di jalan utama.',
    });
    assert.equal(jumped.statusCode, 400);
    assert.equal(screenOf(jumped.body).step, 'jenis');
    const structure = await getCouncil(t.database.db);
    const kec = structure.kecamatan[1];
    assert.ok(kec !== undefined);
    const review = await a.post('/kios/aspirasi', {
      langkah: 'kontak',
      kind: 'aspirasi',
      category: 'pendidikan',
      kecamatan: String(kec.id),
      kelurahan: '',
      title: 'Tambah ruang kelas SD',
      description: 'Kelas di SD kami penuh, murid belajar bergantian.',
      name: '',
      phone: '',
      email: '',
      kunci: 'k'.repeat(43),
    });
    assert.equal(screenOf(review.body).step, 'periksa');
    assert.doesNotMatch(review.body, /name="consent" type="checkbox"|type="checkbox"[^>]*name="consent"/);
    const sent = await answer(a, review.body, {});
    assert.equal(sent.statusCode, 303);
    const code = /kode=(ASP-\d{4}-\d{6})$/.exec(String(sent.headers.location))?.[1] ?? '';
    const [filed] = await t.database.db.selectFrom('aspiration').selectAll().where('code', '=', code).execute();
    assert.equal(filed?.kelurahan_id, null, '"I do not know" files the kecamatan alone');
    assert.equal(filed?.kecamatan_id, kec.id);
  });

  test('follows a report by its code; an unknown code says so', async () => {
    const [any] = await t.database.db
      .selectFrom('aspiration')
      .select(['code', 'title'])
      .where('kind', '!=', 'rahasia')
      .limit(1)
      .execute();
    assert.ok(any !== undefined);
    const found = await agent().get(`/kios/lacak?kode=${any.code.toLowerCase()}`);
    assert.equal(found.statusCode, 200);
    assert.ok(found.body.includes(any.code));
    const missing = await agent().get('/kios/lacak?kode=ASP-2026-999999');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /Kode itu tidak kami temukan/);
    assert.equal((await agent().get('/kios/terima?kode=bukan-kode')).statusCode, 404);
  });
});

describe('calling staff from the kiosk', () => {
  test('only a browser staff set up as the kiosk may call; the desk sees the call and marks it helped', async () => {
    const refused = agent();
    // A browser with a token of its own, but not the kiosk.
    await refused.get('/kios/aspirasi');
    const res = await refused.post('/kios/panggil', {});
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /hanya bekerja di layar layanan/);

    const staff = await createUser(t, 'staff');
    const desk = await signIn(t, staff, agent());
    let office = await desk.get('/kelola/kios');
    assert.equal(office.statusCode, 200);
    assert.match(office.body, /Browser ini belum menjadi kios/);
    const short = await desk.post('/kelola/kios/perangkat', { place: 'x' });
    assert.equal(short.statusCode, 400);
    const installed = await desk.post('/kelola/kios/perangkat', { place: 'Ruang Aspirasi, lantai 1' });
    assert.equal(installed.statusCode, 303);
    // Signed out, the browser stays the kiosk.
    await desk.get('/akun');
    await desk.post('/keluar', {});
    const home = await desk.get('/kios');
    assert.match(home.body, /Panggil petugas/);
    const called = await desk.post('/kios/panggil', {});
    assert.equal(called.statusCode, 200);
    assert.match(called.body, /Petugas sedang dipanggil/);

    const officer = await signIn(t, staff, agent());
    office = await officer.get('/kelola/kios');
    assert.match(office.body, /Ruang Aspirasi, lantai 1, dipanggil \d\d:\d\d WIB/);
    assert.match(office.body, /data-source="\/kelola\/kios\/langsung"/);
    const id = /\/kelola\/kios\/(\d+)\/dilayani/.exec(office.body)?.[1];
    assert.ok(id !== undefined);
    const helped = await officer.post(`/kelola/kios/${id}/dilayani`, {});
    assert.equal(helped.statusCode, 303);
    office = await officer.get('/kelola/kios?pesan=dilayani');
    assert.match(office.body, /Dilayani \d\d:\d\d WIB/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'kiosk.call.answered')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal((await officer.post('/kelola/kios/999999/dilayani', {})).statusCode, 404);

    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/kios')).statusCode, 403, role);
    }
  });
});
