import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getCouncil } from '../../src/council/service.ts';
import { jakartaDay } from '../../src/platform/working-days.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };
const day = (n: number) => jakartaDay(new Date(Date.now() + n * 86_400_000));

describe('the aspiration room on a phone with JavaScript off', () => {
  test('staff open times; a citizen books one, is checked in, and the conversation becomes an aspiration', async () => {
    const base = j.served.baseUrl;
    const problems: string[] = [];
    const structure = await getCouncil(j.served.database.db);
    const kelurahan = structure.kecamatan[0]?.kelurahan[0];
    const category = structure.categories[0];
    assert.ok(kelurahan !== undefined && category !== undefined);

    // Staff publish the general desk's mornings for the coming two weeks.
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staff = await signInAs(j, office, await createUser(j.served, 'staff'));
    await staff.goto(`${base}/kelola/janji-temu/waktu`);
    problems.push(...(await pageProblems(j, staff, '/kelola/janji-temu/waktu')));
    await staff.getByLabel('Meja').selectOption({ label: 'Meja layanan umum' });
    await staff.getByLabel('Dari tanggal').fill(day(1));
    await staff.getByLabel('Sampai tanggal').fill(day(14));
    await staff.getByLabel('Tempat', { exact: true }).fill('Ruang Aspirasi, Lantai 1');
    await staff.getByRole('button', { name: 'Terbitkan' }).click();
    await staff.waitForURL(/pesan=terbit/);

    // A citizen picks the first time and books it, after one mistake.
    const citizenContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${base}/janji-temu`);
    problems.push(...(await pageProblems(j, citizen, '/janji-temu')));
    await citizen
      .getByRole('link', { name: /^Pilih pukul/ })
      .first()
      .click();
    await citizen.getByLabel('Yang ingin Anda bicarakan').fill('Lampu jalan di gang kami mati sudah tiga bulan.');
    await citizen.getByLabel('Nama', { exact: true }).fill('Nur Aini');
    await citizen.getByRole('button', { name: 'Buat janji temu' }).click();
    assert.equal(await citizen.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    problems.push(...(await pageProblems(j, citizen, '/janji-temu/waktu/:id (refused)')));
    await citizen.getByLabel('Email').fill('nur.aini@example.org');
    await citizen.getByLabel(/Saya setuju nama dan kontak saya/).check();
    await citizen.getByRole('button', { name: 'Buat janji temu' }).click();
    await citizen.waitForURL(/\/janji-temu\/saya\/.+\?pesan=dibuat/);
    const code = (await citizen.locator('dd strong').first().textContent()) ?? '';
    assert.match(code, /^JT-[A-Z0-9]{6}$/);
    problems.push(...(await pageProblems(j, citizen, '/janji-temu/saya/:token')));
    await j.served.app.outbox.deliverDue();
    const mail = j.mailbox.to('nur.aini@example.org');
    assert.equal(mail.length, 1);
    assert.equal(new URL(citizen.url()).pathname, linkIn(mail[0]));

    // At the desk on that day: checked in, then the conversation is recorded as an aspiration.
    const slotDay = await j.served.database.db
      .selectFrom('appointment')
      .innerJoin('room_slot', 'room_slot.id', 'appointment.slot_id')
      .select('room_slot.starts_at')
      .where('appointment.code', '=', code)
      .executeTakeFirstOrThrow();
    await staff.goto(`${base}/kelola/janji-temu?hari=${jakartaDay(slotDay.starts_at)}`);
    problems.push(...(await pageProblems(j, staff, '/kelola/janji-temu')));
    await staff.getByRole('button', { name: 'Catat Nur Aini hadir' }).click();
    await staff.waitForURL(/pesan=hadir/);
    await staff.getByRole('link', { name: 'Catat percakapan dengan Nur Aini' }).click();
    problems.push(...(await pageProblems(j, staff, '/kelola/janji-temu/:id')));
    await staff.getByLabel('Kategori').selectOption(category.slug);
    await staff.getByLabel('Lokasi').selectOption(String(kelurahan.id));
    await staff
      .getByLabel('Isi percakapan')
      .fill('Bu Nur menyampaikan tiga lampu jalan di gangnya mati sejak Agustus dan warga takut keluar malam.');
    await staff.getByRole('button', { name: 'Simpan percakapan' }).click();
    await staff.waitForURL(/pesan=dicatat/);
    const aspiration = await j.served.database.db
      .selectFrom('appointment')
      .select('aspiration_code')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.match(aspiration.aspiration_code ?? '', /^ASP-\d{4}-\d{6}$/);
    await staff.getByText('Percakapan tercatat sebagai aspirasi').waitFor();

    // The citizen follows it with the usual tracking code.
    await citizen.goto(`${base}/aspirasi/${aspiration.aspiration_code}`);
    await citizen.getByText('Lampu jalan di gang kami mati').first().waitFor();

    assert.deepEqual(problems, []);
  });
});
