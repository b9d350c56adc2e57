import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { addWorkingDays, jakartaDay } from '../platform/working-days.ts';
import { getCouncil } from './service.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** The next Monday to Friday that is not a listed holiday, counted from tomorrow. */
async function nextWorkingDay(): Promise<string> {
  const structure = await getCouncil(t.database.db);
  return addWorkingDays(jakartaDay(new Date()), 1, structure.holidays);
}

async function sendAspiration(category: string) {
  const structure = await getCouncil(t.database.db);
  const kel = structure.kecamatan[0]?.kelurahan[0];
  assert.ok(kel !== undefined);
  const a = agent();
  await a.get('/aspirasi/baru');
  await a.post('/aspirasi/baru', {
    kind: 'aspirasi',
    category,
    location: String(kel.id),
    title: 'Usul untuk pengaturan',
  });
  const res = await a.postMultipart('/aspirasi/kirim', {
    kind: 'aspirasi',
    category,
    location: String(kel.id),
    title: 'Usul untuk pengaturan',
    description: 'Uraian yang cukup panjang untuk diterima.',
    email: 'pengaturan@example.org',
    consent: 'yes',
  });
  assert.equal(res.statusCode, 303);
  return t.database.db
    .selectFrom('aspiration')
    .select(['id', 'code', 'verify_due', 'category_id'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

describe('an administrator sets up the aspiration service', () => {
  test('a new holiday, a shorter verification period and a new target change the deadlines of what comes next', async () => {
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    const page = await admin.get('/kelola/pengaturan');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Jalan, jembatan dan drainase/);

    // Tomorrow's working day becomes a local holiday; verification takes 1 working day.
    const holiday = await nextWorkingDay();
    assert.equal(
      (
        await admin.post('/kelola/pengaturan/libur', {
          day: holiday,
          kind: 'lokal',
          source: 'Keputusan Wali Kota (uji)',
        })
      ).statusCode,
      303,
    );
    await admin.get('/kelola/pengaturan');
    assert.equal((await admin.post('/kelola/pengaturan/verifikasi', { verifyDays: '1' })).statusCode, 303);
    const structure = await getCouncil(t.database.db);
    assert.ok(structure.holidays.has(holiday), 'the cached calendar was refreshed');
    const sent = await sendAspiration('pendidikan');
    assert.equal(sent.verify_due, addWorkingDays(holiday, 1, new Set()), 'the deadline skips the new holiday');

    // Education now has a 2-working-day target: verifying sets the resolution deadline from it.
    const pendidikan = structure.categories.find((c) => c.slug === 'pendidikan');
    assert.ok(pendidikan !== undefined);
    await admin.get('/kelola/pengaturan');
    const changed = await admin.post(`/kelola/pengaturan/kategori/${pendidikan.id}`, {
      name: 'Pendidikan dan sekolah',
      nameEn: 'Education and schools',
      komisi: 'komisi-iv',
      targetDays: '2',
    });
    assert.equal(changed.statusCode, 303);
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    await staff.get(`/kelola/aspirasi/${sent.code}`);
    await staff.post(`/kelola/aspirasi/${sent.code}`, { action: 'verify' });
    const verified = await t.database.db
      .selectFrom('aspiration')
      .select('resolve_due')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    const holidays = (await getCouncil(t.database.db)).holidays;
    assert.equal(verified.resolve_due, addWorkingDays(jakartaDay(new Date()), 2, holidays));
    assert.match((await agent().get(`/aspirasi/${sent.code}`)).body, /Pendidikan dan sekolah/);

    // A category added here is offered on the form and in Open311 at once.
    await admin.get('/kelola/pengaturan');
    const added = await admin.post('/kelola/pengaturan/kategori', {
      name: 'Pemakaman',
      nameEn: 'Cemeteries',
      slug: '',
      komisi: 'komisi-ii',
      targetDays: '14',
    });
    assert.equal(added.statusCode, 303);
    assert.match((await agent().get('/aspirasi/baru')).body, /<option value="pemakaman">Pemakaman<\/option>/);
    assert.match((await t.app.inject('/open311/v2/services.json')).body, /"service_code":"pemakaman"/);

    // Removing the holiday puts the day back into the count.
    await admin.get('/kelola/pengaturan');
    assert.equal((await admin.post(`/kelola/pengaturan/libur/${holiday}/hapus`, {})).statusCode, 303);
    assert.equal((await getCouncil(t.database.db)).holidays.has(holiday), false);
    const changes = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', [
        'holiday.set',
        'holiday.removed',
        'category.changed',
        'category.added',
        'council.verify_days_changed',
      ])
      .execute();
    assert.equal(changes.length, 5);
  });

  test('bad settings get a clear message and change nothing; only administrators may change them', async () => {
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    const before = await getCouncil(t.database.db);
    const cases: [string, Record<string, string>, RegExp][] = [
      ['/kelola/pengaturan/verifikasi', { verifyDays: '0' }, /jumlah hari kerja yang masuk akal/],
      ['/kelola/pengaturan/verifikasi', { verifyDays: 'tiga' }, /jumlah hari kerja yang masuk akal/],
      ['/kelola/pengaturan/saran', { minAccuracy: '101' }, /bilangan bulat dari 0 sampai 100/],
      ['/kelola/pengaturan/saran', { minAccuracy: 'enam puluh' }, /bilangan bulat dari 0 sampai 100/],
      [
        `/kelola/pengaturan/kategori/${before.categories[0]?.id}`,
        { name: 'x', komisi: '', targetDays: '5' },
        /nama 2 sampai 120/,
      ],
      [
        `/kelola/pengaturan/kategori/${before.categories[0]?.id}`,
        { name: 'Jalan', komisi: 'komisi-ix', targetDays: '5' },
        /Pilih komisi/,
      ],
      [
        `/kelola/pengaturan/kategori/${before.categories[0]?.id}`,
        { name: 'Jalan', komisi: '', targetDays: '999' },
        /masuk akal/,
      ],
      [
        '/kelola/pengaturan/kategori',
        { name: 'Banjir lagi', slug: 'banjir', komisi: '', targetDays: '5' },
        /sudah dipakai/,
      ],
      [
        '/kelola/pengaturan/kategori',
        { name: 'Salah', slug: 'Huruf Besar!', komisi: '', targetDays: '5' },
        /tidak sah/,
      ],
      ['/kelola/pengaturan/libur', { day: '2026-02-30', kind: 'lokal', source: 'uji' }, /tanggal yang benar/],
      ['/kelola/pengaturan/libur', { day: '2026-12-31', kind: 'cuti', source: 'uji' }, /jenis hari libur/],
      ['/kelola/pengaturan/libur', { day: '2026-12-31', kind: 'lokal', source: '' }, /dasar penetapannya/],
    ];
    for (const [url, form, message] of cases) {
      await admin.get('/kelola/pengaturan');
      const res = await admin.post(url, form);
      assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(form)}`);
      assert.match(res.body, message);
      assert.match(res.body, /class="error-summary"/);
    }
    await admin.get('/kelola/pengaturan');
    assert.equal((await admin.post('/kelola/pengaturan/libur/2026-02-30/hapus', {})).statusCode, 400);
    const after = await getCouncil(t.database.db);
    assert.deepEqual(after.categories, before.categories);
    assert.equal(after.council.verify_days, before.council.verify_days);
    assert.equal(after.council.suggestion_min_accuracy, before.council.suggestion_min_accuracy);
    assert.deepEqual([...after.holidays].sort(), [...before.holidays].sort());
    for (const role of ['staff', 'member', 'citizen', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/pengaturan')).statusCode, 403, role);
      await other.get('/akun'); // a page with a form, for the token
      assert.equal((await other.post('/kelola/pengaturan/saran', { minAccuracy: '0' })).statusCode, 403, role);
    }
  });

  test('the administrator sets how accurate category suggestions must be before staff see them', async () => {
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    const page = await admin.get('/kelola/pengaturan');
    assert.match(page.body, /Ketepatan minimum untuk menampilkan saran \(persen\)/);
    assert.match(page.body, /name="minAccuracy"[^>]*value="60"|value="60"[^>]*name="minAccuracy"/);
    assert.equal((await admin.post('/kelola/pengaturan/saran', { minAccuracy: '75' })).statusCode, 303);
    assert.equal((await getCouncil(t.database.db)).council.suggestion_min_accuracy, 0.75);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'council.suggestion_threshold_changed')
      .execute();
    assert.equal(audit.length, 1);
  });
});
