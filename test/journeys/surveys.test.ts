import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { jakartaDay } from '../../src/platform/working-days.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };
const day = (n: number) => jakartaDay(new Date(Date.now() + n * 86_400_000));

/** Ticks an answer of one question, found by the question it belongs to. */
const choose = (page: Page, question: string, answer: string) =>
  page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();

describe('the IKM survey on a phone with JavaScript off', () => {
  test('staff publish it; a citizen answers screen by screen; the results read the same on a phone', async () => {
    const base = j.served.baseUrl;
    const problems: string[] = [];

    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staff = await signInAs(j, office, await createUser(j.served, 'staff'));
    await staff.goto(`${base}/kelola/survei`);
    problems.push(...(await pageProblems(j, staff, '/kelola/survei')));
    await staff.getByLabel('Unit layanan').selectOption({ label: 'Layanan informasi publik' });
    const ikmForm = staff.locator('form[action="/kelola/survei/ikm"]');
    await ikmForm.getByLabel('Dibuka').fill(day(0));
    await ikmForm.getByLabel('Ditutup').fill(day(20));
    await staff.getByRole('button', { name: 'Buat survei IKM' }).click();
    await staff.waitForURL(/pesan=dibuat/);
    problems.push(...(await pageProblems(j, staff, '/kelola/survei/:id')));
    await staff.getByRole('link', { name: 'Pratinjau' }).click();
    problems.push(...(await pageProblems(j, staff, '/kelola/survei/:id/pratinjau')));
    await staff.goBack();
    await staff.getByRole('button', { name: 'Terbitkan survei' }).click();
    await staff.waitForURL(/pesan=terbit/);
    const editUrl = staff.url().replace(/\?.*$/, '');

    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const citizen = await context.newPage();
    await citizen.goto(`${base}/survei`);
    problems.push(...(await pageProblems(j, citizen, '/survei')));
    await citizen.getByRole('link', { name: 'Survei Kepuasan Masyarakat: Layanan informasi publik' }).click();
    problems.push(...(await pageProblems(j, citizen, '/survei/:id')));
    await citizen.getByRole('button', { name: 'Mulai mengisi' }).click();

    assert.equal(await citizen.locator('.progress-line').textContent(), '20% Bagian 1 dari 5');
    await choose(citizen, 'Berapa umur Anda? (boleh dilewati)', '36–45 tahun');
    await choose(citizen, 'Layanan apa yang Anda gunakan? (boleh dilewati)', 'Meminta informasi publik');
    problems.push(...(await pageProblems(j, citizen, '/survei/:id/isi (1)')));
    await citizen.getByRole('button', { name: 'Lanjut' }).click();

    // One answer forgotten: the summary names it and its link lands on the question.
    await choose(citizen, 'Apakah persyaratan layanan sesuai dengan jenis layanannya?', 'Sesuai');
    await choose(citizen, 'Seberapa mudah prosedur layanan ini?', 'Mudah');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    assert.equal(await citizen.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    problems.push(...(await pageProblems(j, citizen, '/survei/:id/isi (refused)')));
    await citizen.getByRole('alert').getByRole('link', { name: 'Jawab pertanyaan ini.' }).click();
    assert.match(citizen.url(), /#q_u3$/);
    await choose(citizen, 'Seberapa cepat layanan diberikan?', 'Cepat');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();

    await choose(citizen, 'Bagaimana biaya atau tarif layanan ini?', 'Gratis');
    await choose(citizen, 'Apakah hasil layanan sesuai dengan yang dijanjikan dalam standar pelayanan?', 'Sesuai');
    await choose(citizen, 'Seberapa cakap petugas yang melayani Anda?', 'Cakap');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    await choose(citizen, 'Seberapa sopan dan ramah petugas?', 'Sangat sopan dan ramah');
    await choose(citizen, 'Bagaimana pengaduan, saran dan masukan ditangani?', 'Ditangani dengan baik');
    await choose(citizen, 'Bagaimana mutu sarana dan prasarana layanan?', 'Baik');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    assert.equal(await citizen.locator('.progress-line').textContent(), '100% Bagian 5 dari 5');
    await citizen.getByLabel(/Apa saran Anda/).fill('Jawaban permohonan dikirim juga lewat WhatsApp.');
    await citizen.getByRole('button', { name: 'Kirim jawaban' }).click();
    await citizen.waitForURL(/terima-kasih/);
    problems.push(...(await pageProblems(j, citizen, '/survei/:id/terima-kasih')));

    // Staff close it; the results are public and readable on the phone.
    await staff.goto(editUrl);
    await staff.getByRole('button', { name: 'Tutup survei sekarang' }).click();
    await staff.waitForURL(/pesan=tutup/);
    await citizen.goto(`${base}/survei`);
    await citizen.getByRole('link', { name: 'Survei Kepuasan Masyarakat: Layanan informasi publik' }).click();
    await citizen.getByRole('heading', { name: 'Indeks Kepuasan Masyarakat' }).waitFor();
    // 3+3+3+4+3+3+4+4+3 = 30 points over nine elements: 30 / 9 × 25 = 83.33, grade B.
    assert.equal(await citizen.locator('dt:text("Nilai IKM") + dd').textContent(), '83,33');
    assert.equal(await citizen.locator('dt:text("Mutu pelayanan") + dd').textContent(), 'B (Baik)');
    problems.push(...(await pageProblems(j, citizen, '/survei/:id/hasil')));

    assert.deepEqual(problems, []);
  });
});
