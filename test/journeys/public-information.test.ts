import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('the register of public information on a phone with JavaScript off', () => {
  test('staff list an exempted document, correcting a mistake; a citizen finds it and reads why', async () => {
    const base = j.served.baseUrl;
    const problems: string[] = [];

    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staff = await signInAs(j, office, await createUser(j.served, 'staff'));
    await staff.goto(`${base}/kelola`);
    await staff.getByRole('link', { name: 'Daftar informasi publik' }).click();
    problems.push(...(await pageProblems(j, staff, '/kelola/ppid')));
    await staff.getByRole('link', { name: 'Tambah informasi' }).click();
    await staff.getByLabel('Dikecualikan').check();
    await staff.getByLabel('Judul informasi').fill('Catatan rapat tertutup Badan Kehormatan');
    await staff
      .getByLabel('Ringkasan isi')
      .fill('Catatan pemeriksaan dugaan pelanggaran kode etik anggota selama pemeriksaan berjalan.');
    await staff.getByLabel('Pejabat atau unit penanggung jawab').fill('Bagian Persidangan');
    await staff.getByLabel('Bentuk informasi').selectOption({ label: 'Tercetak' });
    await staff.getByLabel('Jangka waktu penyimpanan').fill('10 tahun');
    await staff.getByLabel('Tempat informasi').fill('Ruang arsip Sekretariat DPRD');
    await staff.getByRole('button', { name: 'Simpan' }).click();

    // The reason was left out: the summary says so and its link goes to the field.
    assert.equal(await staff.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    problems.push(...(await pageProblems(j, staff, '/kelola/ppid/daftar (refused)')));
    await staff
      .getByRole('alert')
      .getByRole('link', { name: /^Alasan pengecualian:/ })
      .click();
    assert.match(staff.url(), /#exemption$/);
    assert.equal(await staff.getByLabel('Judul informasi').inputValue(), 'Catatan rapat tertutup Badan Kehormatan');
    await staff
      .getByLabel('Alasan pengecualian')
      .fill('Pasal 17 huruf h: mengungkap rahasia pribadi anggota yang diperiksa sebelum ada putusan.');
    await staff.getByRole('button', { name: 'Simpan' }).click();
    await staff.waitForURL(/\/kelola\/ppid\?pesan=ditambahkan$/);
    assert.match((await staff.locator('main').textContent()) ?? '', /Informasi ditambahkan ke daftar\./);

    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const citizen = await context.newPage();
    await citizen.goto(`${base}/informasi-publik`);
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik')));
    await citizen.getByLabel('Cari dalam daftar').fill('kode etik');
    await citizen.getByLabel('Jenis informasi').selectOption({ label: 'Dikecualikan' });
    await citizen.getByRole('button', { name: 'Tampilkan' }).click();
    assert.match(citizen.url(), /q=kode\+etik/);
    assert.equal(await citizen.getByRole('status').textContent(), '1 informasi');
    const entry = citizen.getByRole('listitem').filter({ hasText: 'Catatan rapat tertutup Badan Kehormatan' });
    assert.match((await entry.textContent()) ?? '', /Pasal 17 huruf h: mengungkap rahasia pribadi/);
    problems.push(...(await pageProblems(j, citizen, '/informasi-publik?q=…')));
    const download = await citizen.getByRole('link', { name: 'Unduh daftar ini (CSV)' }).getAttribute('href');
    assert.equal(download, '/informasi-publik.csv?q=kode+etik&jenis=dikecualikan');

    assert.deepEqual(problems, []);
    await office.close();
    await context.close();
  });
});
