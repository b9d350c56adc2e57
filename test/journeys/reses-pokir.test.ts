import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getCouncil } from '../../src/council/service.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('from a reses to the plan on a phone with JavaScript off', () => {
  test('an aspiration raised in a reses ends in a pokir item linked to a project, and its page shows the whole trail', async () => {
    const db = j.served.database.db;
    const base = j.served.baseUrl;
    const problems: string[] = [];
    const structure = await getCouncil(db);
    const kecamatan = structure.kecamatan[0];
    const kelurahan = kecamatan?.kelurahan[0];
    const category = structure.categories[0];
    assert.ok(kecamatan !== undefined && kelurahan !== undefined && category !== undefined);
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const member = await db.selectFrom('member').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    await db
      .insertInto('reses_period')
      .values({
        council_id: council.id,
        name: 'Reses Masa Sidang I 2026',
        starts_on: '2026-03-02',
        ends_on: '2026-03-07',
      })
      .execute();
    const project = await db
      .insertInto('project')
      .values({
        council_id: council.id,
        name: 'Normalisasi Saluran Cempaka',
        opd: 'Dinas Bina Marga dan Sumber Daya Air',
        kecamatan_id: kecamatan.id,
        kelurahan_id: kelurahan.id,
        budget: 900_000_000,
        funding_source: 'APBD',
        year: 2027,
        progress: 60,
        status: 'berjalan',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // The member records the reses: a visit, and what a resident raised, filed as an aspiration.
    const memberUser = await createUser(j.served, 'member', { name: member.name });
    await db.updateTable('app_user').set({ member_id: member.id }).where('id', '=', memberUser.id).execute();
    const memberContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const m = await signInAs(j, memberContext, memberUser);
    await m.goto(`${base}/kelola/reses`);
    problems.push(...(await pageProblems(j, m, '/kelola/reses')));
    await m.getByRole('button', { name: 'Buka laporan' }).click();
    await m.waitForURL(/\/kelola\/reses\/\d+\?pesan=dibuka/);
    await m.getByLabel('Tanggal kunjungan').fill('2026-03-03');
    await m.getByLabel('Tempat', { exact: true }).fill('Balai RW 07');
    await m.getByLabel('Jumlah warga yang hadir').fill('60');
    await m.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await m.waitForURL(/pesan=kunjungan/);
    await m.getByLabel('Kategori').selectOption(category.slug);
    await m.getByLabel('Lokasi').selectOption(String(kelurahan.id));
    await m.getByLabel('Judul aspirasi').fill('Saluran Cempaka meluap setiap hujan');
    await m
      .getByLabel('Isi aspirasi')
      .fill('Warga RW 07 meminta saluran di Jalan Cempaka dinormalisasi karena meluap setiap hujan deras.');
    await m.getByRole('button', { name: 'Kirim sebagai aspirasi' }).click();
    await m.waitForURL(/pesan=aspirasi/);
    problems.push(...(await pageProblems(j, m, '/kelola/reses/:id')));
    await m
      .getByLabel('Ringkasan laporan')
      .fill('Reses di RW 07 dihadiri 60 warga; keluhan utama banjir dari saluran.');
    await m.getByRole('button', { name: 'Terbitkan' }).click();
    await m.waitForURL(/pesan=terbit/);
    const { aspiration_code: code } = await db
      .selectFrom('reses_input')
      .select('aspiration_code')
      .executeTakeFirstOrThrow();

    // The secretariat takes it into next year's pokir, into the APBD, and links the project.
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staff = await signInAs(j, office, await createUser(j.served, 'staff'));
    await staff.goto(`${base}/kelola/pokir?q=${encodeURIComponent('saluran cempaka')}`);
    problems.push(...(await pageProblems(j, staff, '/kelola/pokir')));
    await staff.getByLabel(new RegExp(code)).check();
    await staff.getByLabel('Tahun RKPD').fill('2027');
    await staff.getByLabel('Judul usulan').fill('Normalisasi saluran Jalan Cempaka');
    await staff.getByLabel('Lokasi').selectOption(String(kelurahan.id));
    await staff.getByLabel('Perkiraan biaya (Rp, tidak wajib)').fill('900.000.000');
    await staff.getByLabel('Perangkat daerah tujuan').fill('Dinas Bina Marga dan Sumber Daya Air');
    await staff.getByRole('button', { name: 'Simpan pokir' }).click();
    await staff.waitForURL(/\/kelola\/pokir\/\d+\?pesan=tersimpan/);
    for (const step of ['Masuk RKPD', 'Masuk APBD']) {
      await staff.getByLabel('Tahap', { exact: true }).selectOption({ label: step });
      await staff.getByRole('button', { name: 'Simpan tahap' }).click();
      await staff.waitForURL(/pesan=tahap/);
    }
    await staff.getByLabel('Proyek').fill(`/proyek/${project.id}`);
    await staff.getByRole('button', { name: 'Tautkan' }).click();
    await staff.waitForURL(/pesan=proyek/);
    problems.push(...(await pageProblems(j, staff, '/kelola/pokir/:id')));

    // A citizen opens the aspiration: the whole trail, each step a link to where it happened.
    const citizenContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${base}/aspirasi/${code}`);
    await citizen.getByRole('link', { name: `Disampaikan dalam reses ${member.name}, 3 Maret 2026` }).waitFor();
    await citizen.getByRole('link', { name: /Dimasukkan dalam pokok-pokok pikiran DPRD tahun 2027/ }).waitFor();
    await citizen.getByRole('link', { name: /masuk APBD tahun 2027/ }).waitFor();
    await citizen.getByRole('link', { name: 'Dikerjakan sebagai proyek: Normalisasi Saluran Cempaka' }).click();
    await citizen.getByText('60').first().waitFor();
    problems.push(...(await pageProblems(j, citizen, '/proyek/:id')));
    await citizen.goto(`${base}/pokir?tahun=2027`);
    problems.push(...(await pageProblems(j, citizen, '/pokir')));
    await citizen.getByRole('link', { name: 'Normalisasi saluran Jalan Cempaka' }).click();
    await citizen.getByText('60% selesai').waitFor();
    problems.push(...(await pageProblems(j, citizen, '/pokir/:id')));
    await citizen.goto(`${base}/reses`);
    problems.push(...(await pageProblems(j, citizen, '/reses')));

    assert.deepEqual(problems, []);
  });
});
