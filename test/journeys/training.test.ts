import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { pdfText } from '../../src/platform/pdf.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

/** A Jakarta calendar day some days from now, YYYY-MM-DD. */
const dayFromNow = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('training on a phone with JavaScript off', () => {
  test('a staff member registers for a session, is checked in by the QR code, rates it and downloads a certificate that checks out', async () => {
    const base = j.served.baseUrl;
    const problems: string[] = [];

    // The organiser plans the session.
    const organiserContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const organiser = await signInAs(j, organiserContext, await createUser(j.served, 'staff'));
    await organiser.goto(`${base}/kelola/pelatihan`);
    problems.push(...(await pageProblems(j, organiser, '/kelola/pelatihan')));
    await organiser.getByRole('link', { name: 'Rencanakan sesi baru' }).click();
    problems.push(...(await pageProblems(j, organiser, '/kelola/pelatihan/baru')));
    await organiser.getByLabel('Anggota dan staf', { exact: true }).check();
    await organiser.getByLabel('Topik').selectOption('alat_digital');
    await organiser.getByLabel('Judul', { exact: true }).fill('Menjawab aspirasi di portal');
    await organiser
      .getByLabel('Uraian')
      .fill('Latihan memilah, meneruskan dan menjawab aspirasi warga di kotak masuk portal.');
    await organiser.getByLabel('Pelatih').fill('Tim Sekretariat DPRD');
    await organiser.getByLabel('Tanggal').fill(dayFromNow(3));
    await organiser.getByLabel('Mulai (WIB)').fill('13:00');
    await organiser.getByLabel('Selesai (WIB)').fill('15:00');
    await organiser.getByLabel('Tempat', { exact: true }).fill('Ruang Banggar');
    await organiser.getByLabel('Jumlah tempat').fill('20');
    await organiser.getByRole('button', { name: 'Terbitkan' }).click();
    await organiser.waitForURL(/\/kelola\/pelatihan\/\d+\?pesan=terbit/);
    const id = Number(/pelatihan\/(\d+)/.exec(organiser.url())?.[1]);
    problems.push(...(await pageProblems(j, organiser, '/kelola/pelatihan/:id')));

    // A staff member registers from the list.
    const learnerContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const learner = await signInAs(j, learnerContext, await createUser(j.served, 'staff', { name: 'Rudi Hartono' }));
    await learner.goto(`${base}/pelatihan`);
    problems.push(...(await pageProblems(j, learner, '/pelatihan')));
    await learner.getByRole('link', { name: 'Menjawab aspirasi di portal' }).click();
    problems.push(...(await pageProblems(j, learner, '/pelatihan/:id')));
    await learner.getByRole('button', { name: 'Daftar' }).click();
    await learner.getByText('Anda terdaftar. Konfirmasi sudah kami kirim.').waitFor();

    // On the day, the learner opens the address the door's QR code carries.
    await j.served.database.db
      .updateTable('training_session')
      .set({ starts_at: new Date(Date.now() - 5 * 60_000), ends_at: new Date(Date.now() + 115 * 60_000) })
      .where('id', '=', id)
      .execute();
    await organiser.reload();
    const doorLink = (await organiser.getByRole('link', { name: /\/pelatihan\/hadir\// }).getAttribute('href')) ?? '';
    assert.match(doorLink, /\/pelatihan\/hadir\/[A-Z2-9]{16}$/);
    await learner.goto(`${base}${new URL(doorLink).pathname}`);
    problems.push(...(await pageProblems(j, learner, '/pelatihan/hadir/:code')));
    await learner.getByRole('button', { name: 'Catat kehadiran saya' }).click();
    await learner.getByText('Kehadiran Anda tercatat. Selamat belajar!').waitFor();

    // Rates it, then downloads the certificate.
    await learner.getByLabel('5 – Sangat bermanfaat').check();
    await learner.getByLabel(/Saran untuk pelatihan berikutnya/).fill('Tambah contoh jawaban yang baik.');
    await learner.getByRole('button', { name: 'Kirim penilaian' }).click();
    await learner.getByText('Terima kasih. Sertifikat Anda siap diunduh.').waitFor();
    problems.push(...(await pageProblems(j, learner, '/pelatihan/:id (rated)')));
    const download = learner.waitForEvent('download');
    await learner.getByRole('link', { name: 'Unduh sertifikat (PDF)' }).click();
    const file = await (await download).path();
    const text = await pdfText(await readFile(file));
    assert.match(text, /Rudi Hartono/);
    const code = /SERT-[A-Z2-9]{10}/.exec(text)?.[0] ?? '';
    assert.notEqual(code, '');

    // Anyone checks the code; a forged one is not genuine.
    const checker = await (await j.newContext({ javaScriptEnabled: false, viewport: phone })).newPage();
    await checker.goto(`${base}/sertifikat/${code}`);
    await checker.getByText('Sertifikat ini asli.').waitFor();
    await checker.getByText('Rudi Hartono').waitFor();
    problems.push(...(await pageProblems(j, checker, '/sertifikat/:code')));
    await checker.goto(`${base}/sertifikat/SERT-ABCDEFGHJK`);
    await checker.getByText('Sertifikat dengan kode ini tidak kami terbitkan.').waitFor();
    problems.push(...(await pageProblems(j, checker, '/sertifikat/:forged')));

    // The learner's record counts the two hours.
    await learner.goto(`${base}/akun/pelatihan`);
    await learner.getByRole('cell', { name: 'Alat digital' }).waitFor();
    problems.push(...(await pageProblems(j, learner, '/akun/pelatihan')));

    assert.deepEqual(problems, []);
  });
});
