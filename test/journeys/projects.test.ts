import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { getCouncil } from '../../src/council/service.ts';
import { seedDemoBudget } from '../../src/db/seed/budget.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('projects, the budget and open data on a phone with JavaScript off', () => {
  test('staff record a project and report progress with a photo; a citizen finds it near them and follows it', async () => {
    const db = j.served.database.db;
    const structure = await getCouncil(db);
    const kec = structure.kecamatan.find((k) => k.name === 'Rawalumbu') ?? structure.kecamatan[0];
    const kel = kec?.kelurahan[0];
    assert.ok(kec !== undefined && kel !== undefined);
    const problems: string[] = [];

    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staffPage = await signInAs(j, office, await createUser(j.served, 'staff'));
    await staffPage.goto(`${j.served.baseUrl}/kelola/proyek`);
    problems.push(...(await pageProblems(j, staffPage, '/kelola/proyek')));
    await staffPage.getByLabel('Nama program atau proyek').fill('Normalisasi Saluran Rawalumbu');
    await staffPage.getByLabel('Perangkat daerah penanggung jawab (OPD)').fill('Dinas Bina Marga dan Sumber Daya Air');
    await staffPage.getByLabel('Komisi terkait').selectOption({ label: 'Komisi II' });
    await staffPage.getByLabel('Lokasi').selectOption(String(kel.id));
    await staffPage.getByLabel('Pagu anggaran (Rp)').fill('4.750.000.000');
    await staffPage.getByLabel('Sumber dana').fill('APBD');
    await staffPage.getByLabel('Tahun anggaran').fill('2026');
    await staffPage.getByLabel('Tanggal mulai').fill('2026-03-02');
    await staffPage.getByLabel('Rencana selesai').fill('2026-12-15');
    await staffPage.getByLabel('Status').selectOption('berjalan');
    await staffPage.getByRole('button', { name: 'Simpan' }).click();
    await staffPage.waitForURL(/\/kelola\/proyek\/\d+\?pesan=tersimpan/);
    problems.push(...(await pageProblems(j, staffPage, '/kelola/proyek/:id')));
    const id = /\/kelola\/proyek\/(\d+)/.exec(staffPage.url())?.[1];

    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 60, g: 90, b: 120 } },
    })
      .jpeg()
      .toBuffer();
    await staffPage.getByLabel('Tanggal laporan').fill('2026-09-01');
    await staffPage.getByLabel('Kemajuan fisik (%)').first().fill('45');
    await staffPage.getByLabel('Apa yang dikerjakan, kendala, langkah berikutnya').fill('Pengerukan 600 m selesai.');
    await staffPage
      .getByLabel('Foto lapangan')
      .setInputFiles({ name: 'saluran.jpg', mimeType: 'image/jpeg', buffer: photo });
    await staffPage.getByRole('button', { name: 'Simpan laporan' }).click();
    await staffPage.waitForURL(/pesan=kemajuan/);

    const citizen = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await citizen.newPage();
    await page.goto(`${j.served.baseUrl}/proyek`);
    problems.push(...(await pageProblems(j, page, '/proyek')));
    await page.getByLabel('Kecamatan').selectOption(kec.slug);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/kecamatan=/);
    await page.getByRole('link', { name: 'Normalisasi Saluran Rawalumbu' }).click();
    await page.getByText('Pengerukan 600 m selesai.').waitFor();
    // The chart drawn for a phone is the one shown at 360 px.
    await page.locator('.chart-narrow svg').waitFor();
    assert.equal(await page.locator('.chart-wide').isVisible(), false);
    await page.getByRole('img', { name: /Foto 1 laporan/ }).waitFor();
    problems.push(...(await pageProblems(j, page, '/proyek/:id')));
    await page.getByLabel('Email').fill('tetangga@example.org');
    await page.getByRole('button', { name: 'Ikuti' }).click();
    await page.getByText('Periksa email Anda').waitFor();

    await page.getByRole('link', { name: 'Sampaikan aspirasi tentang proyek ini' }).click();
    await page.getByText('Tentang proyek:').waitFor();
    assert.equal(await page.getByLabel('Lokasi', { exact: true }).inputValue(), String(kel.id));

    await page.goto(`${j.served.baseUrl}/proyek/dekat`);
    problems.push(...(await pageProblems(j, page, '/proyek/dekat')));
    await page.getByLabel('Lokasi', { exact: true }).selectOption(String(kel.id));
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('link', { name: 'Normalisasi Saluran Rawalumbu' }).waitFor();
    problems.push(...(await pageProblems(j, page, '/proyek/dekat?location')));
    assert.ok(id !== undefined);

    // With JavaScript and the phone's permission, "use my location" finds the kelurahan.
    assert.ok(kel.lat !== null && kel.lon !== null);
    const located = await j.newContext({
      viewport: phone,
      geolocation: { latitude: kel.lat, longitude: kel.lon },
      permissions: ['geolocation'],
    });
    const here = await located.newPage();
    await here.goto(`${j.served.baseUrl}/proyek/dekat`);
    await here.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await here.getByText(/Titik lokasi:/).waitFor();
    await here.getByRole('button', { name: 'Tampilkan' }).click();
    await here.getByRole('heading', { name: `Di sekitar ${kel.name}, ${kec.name}` }).waitFor();
    await here.getByRole('link', { name: 'Normalisasi Saluran Rawalumbu' }).waitFor();
    assert.deepEqual(problems, []);
    await office.close();
    await citizen.close();
    await located.close();
  });

  test('a citizen reads spending by programme, compares years and downloads the data', async () => {
    const council = await j.served.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    await seedDemoBudget(j.served.database.db, council.id, 2026);
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${j.served.baseUrl}/anggaran`);
    await page.getByRole('heading', { name: 'Perbandingan antartahun' }).waitFor();
    await page
      .getByRole('link', { name: /1\.03\.02 Program Penyelenggaraan Jalan/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: /1\.03\.02\.2\.02 Pembangunan dan Rehabilitasi Sarana/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: /1\.03\.02\.2\.02\.0001/ })
      .first()
      .click();
    await page
      .locator('figure.chart table')
      .getByText('5.2.04.01 Belanja Modal Jalan, Irigasi dan Jaringan')
      .first()
      .waitFor();
    problems.push(...(await pageProblems(j, page, '/anggaran?program=')));
    await page.goto(`${j.served.baseUrl}/data`);
    await page.getByRole('heading', { name: 'Anggaran pendapatan dan belanja daerah (APBD)' }).waitFor();
    problems.push(...(await pageProblems(j, page, '/data')));
    const download = page.waitForEvent('download');
    await page.locator('a[href="/data/anggaran-apbd.xlsx"]').click();
    assert.equal((await download).suggestedFilename(), 'anggaran-apbd.xlsx');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('staff see what a budget file would change, tick the large change, and a second confirmation publishes it', async () => {
    // The demo 2026 budget of the test above is in force.
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staffPage = await signInAs(j, office, await createUser(j.served, 'staff'));
    const problems: string[] = [];
    await staffPage.goto(`${j.served.baseUrl}/kelola/anggaran`);
    problems.push(...(await pageProblems(j, staffPage, '/kelola/anggaran')));
    await staffPage.getByLabel('Tahun anggaran').fill('2026');
    await staffPage.getByLabel('Berkas CSV atau XLSX (paling besar 8 MB)').setInputFiles({
      name: 'uji-4-baris.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'kode_akun;nama_akun;anggaran',
          '4.1.01.09;PBB-P2;20.000.000.000',
          '4.1.01.10;BPHTB;15.000.000.000',
          '5.1.02.01;Belanja Barang;12.000.000.000',
          '5.2.04.01;Belanja Modal Jalan;8.000.000.000',
        ].join('\n'),
      ),
    });
    await staffPage.getByRole('button', { name: 'Periksa berkas' }).click();
    await staffPage.waitForURL(/\/kelola\/anggaran\/unggahan\/\d+$/);
    await staffPage.getByRole('heading', { name: /Perubahan besar/ }).waitFor();
    problems.push(...(await pageProblems(j, staffPage, '/kelola/anggaran/unggahan/:id')));
    await staffPage.getByRole('button', { name: 'Sudah saya periksa: ajukan untuk terbit' }).click();
    await staffPage.getByRole('link', { name: 'Centang bahwa Anda sudah memeriksa perubahan besar ini.' }).waitFor();
    await staffPage.getByLabel(/Saya sudah memeriksa perubahan lebih dari 10% ini/).check();
    await staffPage.getByRole('button', { name: 'Sudah saya periksa: ajukan untuk terbit' }).click();
    await staffPage.waitForURL(/pesan=diperiksa/);
    await staffPage.getByLabel(/Saya sudah memeriksa perubahan lebih dari 10% ini/).check();
    await staffPage.getByRole('button', { name: 'Terbitkan dan ganti' }).click();
    await staffPage.waitForURL(/\/anggaran\?tahun=2026&tahap=murni/);
    await staffPage.getByText('Rp 35 miliar').first().waitFor();
    assert.deepEqual(problems, []);
    await office.close();
  });
});
