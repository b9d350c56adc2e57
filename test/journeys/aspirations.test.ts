import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { getCouncil } from '../../src/council/service.ts';
import { sendAspiration } from '../helpers/aspirations.ts';
import { journey, pageProblems, signInAs as signInAsUser } from '../helpers/browser.ts';
import { createUser, type TestUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

const signInAs = (context: BrowserContext, user: TestUser): Promise<Page> => signInAsUser(j, context, user);

describe('an aspiration on a phone with JavaScript off', () => {
  test('a citizen files a complaint with a photo, the council handles it, the citizen rates it; every step is public and mailed', async () => {
    const db = j.served.database.db;
    const structure = await getCouncil(db);
    const kec = structure.kecamatan.find((k) => k.name === 'Rawalumbu') ?? structure.kecamatan[0];
    const kel = kec?.kelurahan[0];
    const komisiII = structure.komisi.find((k) => k.shortName === 'Komisi II');
    assert.ok(kec !== undefined && kel !== undefined && komisiII !== undefined);
    const memberRow = await db
      .selectFrom('member')
      .innerJoin('body_membership', 'body_membership.member_id', 'member.id')
      .select(['member.id', 'member.name'])
      .where('body_membership.body_id', '=', komisiII.id)
      .executeTakeFirstOrThrow();
    const staff = await createUser(j.served, 'staff');
    const member = await createUser(j.served, 'member');
    await db.updateTable('app_user').set({ member_id: memberRow.id }).where('id', '=', member.id).execute();
    const problems: string[] = [];
    const email = 'rina.warga@example.org';

    // The citizen, on a phone, without JavaScript.
    const citizen = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await citizen.newPage();
    await page.goto(`${j.served.baseUrl}/aspirasi/baru`);
    problems.push(...(await pageProblems(j, page, '/aspirasi/baru')));
    await page.locator('#kind-pengaduan').check();
    await page.getByLabel('Kategori').selectOption('jalan-jembatan-drainase');
    await page.getByLabel('Lokasi', { exact: true }).selectOption(String(kel.id));
    await page.getByLabel('Judul singkat').fill('Drainase tersumbat, jalan tergenang');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByText('Langkah 2 dari 2').waitFor();
    problems.push(...(await pageProblems(j, page, '/aspirasi/baru langkah 2')));
    await page.getByLabel('Uraian').fill('Setiap hujan air menggenang setinggi lutut karena saluran tersumbat sampah.');
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#6a7' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretCam' } })
      .toBuffer();
    await page.locator('#photos').setInputFiles({ name: 'genangan.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Saya setuju data pribadi saya diproses').check();
    await page.getByRole('button', { name: 'Kirim aspirasi' }).click();
    await page.waitForURL(/\/lacak\/[A-Za-z0-9_-]+\?baru=1$/);
    const code = /ASP-\d{4}-\d{6}/.exec((await page.getByText('Kode pelacakan Anda:').textContent()) ?? '')?.[0];
    assert.ok(code !== undefined);
    await page.getByRole('img', { name: /Foto 1/ }).waitFor();
    problems.push(...(await pageProblems(j, page, '/lacak/:token')));

    // Staff verify and forward it to Komisi II (suggested from the category).
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staffPage = await signInAs(office, staff);
    await staffPage.goto(`${j.served.baseUrl}/kelola/aspirasi`);
    problems.push(...(await pageProblems(j, staffPage, '/kelola/aspirasi')));
    await staffPage.getByRole('link', { name: code }).click();
    await staffPage.getByText(email).waitFor();
    problems.push(...(await pageProblems(j, staffPage, '/kelola/aspirasi/:kode')));
    await staffPage.getByRole('button', { name: 'Verifikasi' }).click();
    await staffPage.waitForURL(/pesan=tersimpan/);
    assert.equal(await staffPage.getByLabel('Komisi').inputValue(), 'komisi-ii');
    await staffPage.getByRole('button', { name: 'Teruskan ke komisi dan anggota dapil' }).click();
    await staffPage.waitForURL(/pesan=tersimpan/);

    // A member of Komisi II responds in their own name.
    const memberContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const memberPage = await signInAs(memberContext, member);
    await memberPage.goto(`${j.served.baseUrl}/kelola/aspirasi/${code}`);
    await memberPage
      .getByLabel('Tanggapan (tampil untuk warga)')
      .fill('Saya akan meninjau saluran ini bersama Dinas BMSDA pekan depan.');
    await memberPage.getByRole('button', { name: 'Terbitkan tanggapan' }).click();
    await memberPage.waitForURL(/pesan=tersimpan/);

    // Staff resolve it.
    await staffPage.goto(`${j.served.baseUrl}/kelola/aspirasi/${code}`);
    await staffPage
      .getByLabel('Hasil penyelesaian (tampil untuk warga)')
      .fill('Saluran sudah dikeruk Dinas BMSDA pada 4 Desember.');
    await staffPage.getByRole('button', { name: 'Tandai selesai' }).click();
    await staffPage.waitForURL(/pesan=tersimpan/);

    // The citizen rates the resolution.
    await page.goto(`${j.served.baseUrl}/aspirasi/${code}`);
    await page.getByLabel('4 — baik').check();
    await page.getByLabel('Komentar (tidak wajib)').fill('Terima kasih, sekarang tidak tergenang.');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.waitForURL(/pesan=dinilai/);
    problems.push(...(await pageProblems(j, page, '/aspirasi/:kode (pelapor)')));

    // Anyone sees every step on the public page, and nothing of the reporter.
    const visitor = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${j.served.baseUrl}/aspirasi/${code}`);
    const text = (await publicPage.locator('main').textContent()) ?? '';
    for (const step of [
      'Diterima melalui Situs web',
      'Diverifikasi',
      'Diteruskan ke Komisi II dan anggota DPRD dapil 3',
      memberRow.name,
      'Saya akan meninjau saluran ini',
      'Saluran sudah dikeruk',
      'Dinilai 4 dari 5 oleh pelapor',
    ]) {
      assert.ok(text.includes(step), `the public page shows "${step}"`);
    }
    assert.equal(text.includes(email), false);
    problems.push(...(await pageProblems(j, publicPage, '/aspirasi/:kode')));
    await publicPage.goto(`${j.served.baseUrl}/aspirasi`);
    await publicPage.getByRole('link', { name: 'Drainase tersumbat, jalan tergenang' }).waitFor();
    problems.push(...(await pageProblems(j, publicPage, '/aspirasi')));
    await publicPage.goto(`${j.served.baseUrl}/lacak`);
    problems.push(...(await pageProblems(j, publicPage, '/lacak')));

    // Every step reached the citizen's mailbox.
    await j.served.app.outbox.deliverDue();
    assert.deepEqual(
      j.mailbox.to(email).map((m) => m.subject),
      [
        `Aspirasi Anda diterima: ${code}`,
        `${code}: Diverifikasi`,
        `${code}: Diteruskan`,
        `${code}: Tanggapan`,
        `${code}: Selesai`,
      ],
    );
    assert.deepEqual(problems, []);
    for (const c of [citizen, office, memberContext, visitor]) await c.close();
  });
});

describe("an officer's inbox with JavaScript on", () => {
  test('it counts what arrives, and says so when its live connection dropped and came back', async () => {
    const staff = await createUser(j.served, 'staff');
    const office = await j.newContext({ viewport: phone });
    const page = await signInAs(office, staff);
    await page.goto(`${j.served.baseUrl}/kelola/aspirasi`);
    const status = page.locator('[data-module="inbox-live"]');
    await page.locator('[data-module="inbox-live"][data-listening]').waitFor();
    await sendAspiration(j.served, 'Lampu jalan di Jatiasih mati sejak seminggu');
    await status.getByRole('link', { name: '1 aspirasi baru masuk. Muat ulang daftar.' }).waitFor();
    // A weak signal: the stream breaks, the browser reconnects by itself, and the page says it may
    // have missed something.
    j.served.app.server.closeAllConnections();
    await page.locator('[data-module="inbox-live"][data-listening]').waitFor({ state: 'detached' });
    await page.locator('[data-module="inbox-live"][data-listening]').waitFor({ timeout: 10_000 });
    await status
      .getByRole('link', { name: 'Sambungan sempat terputus, mungkin ada yang baru. Muat ulang daftar.' })
      .waitFor();
    await page.getByRole('link', { name: /Sambungan sempat terputus/ }).click();
    await page.locator('[data-module="inbox-live"][data-listening]').waitFor();
    assert.equal(await status.getByRole('link').count(), 0, 'after the reload the list is current again');
  });
});
