import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('a request for public information on a phone with JavaScript off', () => {
  test('a citizen asks; the PPID officer extends with a reason and answers in part citing an exemption; the citizen objects; the superior answers', async () => {
    const base = j.served.baseUrl;
    const problems: string[] = [];

    // The citizen finds the form from the register, makes one mistake, then sends the request.
    const citizenContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${base}/informasi-publik`);
    await citizen.getByRole('link', { name: /Ajukan permintaan informasi/ }).click();
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik/permohonan')));
    await citizen
      .getByLabel('Informasi yang dibutuhkan')
      .fill('Daftar hadir dan risalah rapat Komisi III bulan Oktober 2026.');
    await citizen.getByLabel('Tujuan penggunaan informasi').fill('Liputan media kampus tentang kehadiran anggota.');
    await citizen.getByLabel('Salinan elektronik lewat email').check();
    await citizen.getByLabel('Nama lengkap').fill('Fajar Nugroho');
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    assert.equal(await citizen.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik/permohonan (refused)')));
    await citizen.getByLabel('Nomor identitas').fill('3275 0101 0190 0003');
    await citizen.getByLabel('Alamat', { exact: true }).fill('Jl. Ahmad Yani No. 1, Bekasi Selatan');
    await citizen.getByLabel('Email', { exact: true }).fill('fajar.ppid@example.org');
    await citizen.getByLabel(/Saya setuju data saya disimpan/).check();
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
    await citizen.waitForURL(/\/informasi-publik\/permohonan\/.+\?pesan=terkirim/);
    const code = (await citizen.locator('dd strong').first().textContent()) ?? '';
    assert.match(code, /^PPID-\d{4}-[A-Z2-9]{6}$/);
    await citizen
      .getByText(/hari kerja lagi/)
      .first()
      .waitFor();
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik/permohonan/:token')));
    await j.served.app.outbox.deliverDue();
    const [receipt] = j.mailbox.to('fajar.ppid@example.org');
    const privatePage = linkIn(receipt);
    assert.equal(new URL(citizen.url()).pathname, privatePage);

    // The PPID officer extends the time with a reason, then answers in part citing an exemption.
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const ppid = await signInAs(j, office, await createUser(j.served, 'ppid'));
    await ppid.goto(`${base}/kelola/ppid/permohonan`);
    problems.push(...(await pageProblems(j, ppid, '/kelola/ppid/permohonan')));
    await ppid.getByRole('link', { name: code }).click();
    await ppid.getByText('3275010101900003').waitFor();
    problems.push(...(await pageProblems(j, ppid, '/kelola/ppid/permohonan/:id')));
    await ppid.getByLabel('Tambahan hari kerja').fill('4');
    await ppid.getByLabel('Alasan perpanjangan').fill('Risalah Komisi III masih ditandatangani pimpinan.');
    await ppid.getByRole('button', { name: 'Perpanjang' }).click();
    await ppid.waitForURL(/pesan=diperpanjang/);
    await ppid.getByLabel('Diberikan sebagian').check();
    await ppid
      .getByLabel('Pasal pengecualian dan alasannya')
      .fill('Pasal 17 huruf h: daftar hadir memuat tanda tangan dan nomor telepon anggota.');
    await ppid
      .getByLabel('Jawaban', { exact: true })
      .fill('Risalah rapat terlampir; daftar hadir tidak dapat diberikan.');
    await ppid.getByLabel('Tautan dokumen').fill('/agenda');
    await ppid.getByRole('button', { name: 'Kirim jawaban' }).click();
    await ppid.waitForURL(/pesan=dijawab/);

    // The citizen reads the answer and objects.
    await citizen.goto(`${base}${privatePage}`);
    await citizen.getByText('Diberikan sebagian').first().waitFor();
    await citizen
      .getByText(/Pasal 17 huruf h/)
      .first()
      .waitFor();
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik/permohonan/:token (answered)')));
    await citizen.getByLabel('Permohonan ditolak dengan alasan pengecualian').check();
    await citizen
      .getByLabel('Uraian keberatan')
      .fill('Daftar hadir cukup diberikan tanpa tanda tangan dan nomor telepon.');
    await citizen.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await citizen.waitForURL(/pesan=keberatan/);
    await citizen.getByText('Keberatan Anda tercatat.').waitFor();

    // The superior (a PPID officer) upholds it; the citizen is told the road to the Komisi Informasi.
    await ppid.goto(`${base}/kelola/ppid/permohonan?tab=keberatan`);
    await ppid.getByRole('link', { name: code }).click();
    await ppid.getByLabel('Keberatan dikabulkan').check();
    await ppid
      .getByLabel('Tanggapan atas keberatan')
      .fill('Daftar hadir diberikan dengan tanda tangan dan nomor telepon dihitamkan.');
    await ppid.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await ppid.waitForURL(/pesan=keberatan-dijawab/);
    await citizen.goto(`${base}${privatePage}`);
    await citizen.getByText(/ke Komisi Informasi paling lambat/).waitFor();
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik/permohonan/:token (objection answered)')));

    // Anyone with the number sees only where it stands.
    const visitor = await (await j.newContext({ javaScriptEnabled: false, viewport: phone })).newPage();
    await visitor.goto(`${base}/informasi-publik/lacak`);
    await visitor.getByLabel('Nomor registrasi').fill(code);
    await visitor.getByRole('button', { name: 'Lacak' }).click();
    await visitor.getByText(/Dijawab .*; batasnya/).waitFor();
    problems.push(...(await pageProblems(j, visitor, '/informasi-publik/lacak')));
    assert.equal(await visitor.getByText('Fajar Nugroho').count(), 0);

    assert.deepEqual(problems, []);
  });
});
