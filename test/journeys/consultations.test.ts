import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jakartaDay } from '../../src/platform/working-days.ts';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

const day = (n: number) => jakartaDay(new Date(Date.now() + n * 86_400_000));

describe('a public consultation on a phone with JavaScript off', () => {
  test('staff open a consultation on a Raperda; two citizens comment, one reports abuse, a moderator hides it; staff answer every comment and each commenter learns the fate of theirs', async () => {
    const db = j.served.database.db;
    const base = j.served.baseUrl;
    const problems: string[] = [];
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const draft = await db
      .insertInto('raperda')
      .values({
        council_id: council.id,
        propemperda_year: 2026,
        title: 'Raperda tentang Pengelolaan Pasar Rakyat',
        initiator: 'pemerintah',
        stage: 'pembahasan',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Staff open the consultation and paste the draft's text.
    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staff = await signInAs(j, office, await createUser(j.served, 'staff'));
    await staff.goto(`${base}/kelola/konsultasi`);
    problems.push(...(await pageProblems(j, staff, '/kelola/konsultasi')));
    await staff.getByLabel('Jenis dokumen').selectOption('raperda');
    await staff.getByLabel('Judul').fill('Konsultasi Raperda Pasar Rakyat');
    await staff
      .getByLabel('Ringkasan')
      .fill('Rancangan ini mengatur lapak, retribusi dan kebersihan pasar rakyat milik kota.');
    await staff.getByLabel('Rancangan perda').fill(String(draft.id));
    await staff.getByLabel('Tampil untuk publik mulai').fill(day(-1));
    await staff.getByLabel('Komentar dibuka').fill(day(0));
    await staff.getByLabel('Komentar ditutup (hari terakhir)').fill(day(10));
    await staff.getByLabel('Laporan terbit paling lambat').fill(day(20));
    await staff.getByRole('button', { name: 'Simpan konsultasi' }).click();
    await staff.waitForURL(/\/kelola\/konsultasi\/\d+\?pesan=tersimpan/);
    const id = Number(/\/kelola\/konsultasi\/(\d+)/.exec(staff.url())?.[1]);
    await staff
      .getByLabel('Naskah')
      .fill(
        'Pasal 1\nPasar rakyat adalah pasar milik Pemerintah Daerah tempat pedagang kecil berjualan.\n\nPasal 2\nSetiap pedagang berhak atas lapak dengan sewa yang ditetapkan setiap tahun.\n\nPasal 3\nRetribusi kebersihan dipungut harian dan diumumkan di papan pasar.',
      );
    await staff.getByRole('button', { name: 'Tambahkan bagian' }).click();
    await staff.waitForURL(/pesan=bagian/);
    problems.push(...(await pageProblems(j, staff, '/kelola/konsultasi/:id')));

    // Two citizens comment on different articles.
    const siti = await createUser(j.served, 'citizen', { name: 'Siti Pedagang' });
    const budi = await createUser(j.served, 'citizen', { name: 'Budi Pembeli' });
    const sitiContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const a = await signInAs(j, sitiContext, siti);
    await a.goto(`${base}/konsultasi`);
    problems.push(...(await pageProblems(j, a, '/konsultasi')));
    await a.getByRole('link', { name: 'Konsultasi Raperda Pasar Rakyat' }).click();
    problems.push(...(await pageProblems(j, a, '/konsultasi/:id')));
    await a.getByRole('link', { name: 'Pasal 2' }).click();
    await a.getByText('sewa yang ditetapkan setiap tahun').first().waitFor();
    // A mistake first: the error summary, and the words typed kept.
    await a.getByLabel('Komentar', { exact: true }).fill('Mahal');
    await a.getByRole('button', { name: 'Kirim komentar' }).click();
    assert.equal(await a.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    problems.push(...(await pageProblems(j, a, '/konsultasi/:id/bagian/:section (refused)')));
    await a
      .getByLabel('Komentar', { exact: true })
      .fill('Sewa lapak naik setiap tahun tanpa batas; mohon ada batas kenaikan paling banyak 5 persen.');
    await a.getByLabel('Kutipan dari naskah (tidak wajib)').fill('sewa yang ditetapkan setiap tahun');
    await a.getByLabel('Kecamatan Anda (tidak wajib)').selectOption({ label: 'Bekasi Timur' });
    await a.getByRole('button', { name: 'Kirim komentar' }).click();
    await a.waitForURL(/pesan=terkirim/);
    assert.equal((await a.getByRole('status').textContent())?.trim(), 'Komentar Anda sudah tampil. Terima kasih.');
    problems.push(...(await pageProblems(j, a, '/konsultasi/:id/bagian/:section')));

    const budiContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const b = await signInAs(j, budiContext, budi);
    await b.goto(`${base}/konsultasi/${id}`);
    await b.getByRole('link', { name: 'Pasal 3' }).click();
    await b
      .getByLabel('Komentar', { exact: true })
      .fill('Pedagang di blok C selalu membuang sampah ke selokan, usir saja mereka semua dari pasar.');
    await b.getByRole('button', { name: 'Kirim komentar' }).click();
    await b.waitForURL(/pesan=terkirim/);

    // Siti reports Budi's comment.
    const budiComment = await db
      .selectFrom('consultation_comment')
      .select('id')
      .where('consultation_id', '=', id)
      .where('user_id', '=', budi.id)
      .executeTakeFirstOrThrow();
    await a.goto(`${base}/konsultasi/komentar/${budiComment.id}`);
    await a.getByText('Laporkan komentar ini').click();
    await a.getByLabel('Apa yang melanggar aturan?').fill('Menghasut untuk mengusir pedagang.');
    await a.getByRole('button', { name: 'Kirim laporan' }).click();
    await a.waitForURL(/pesan=dilaporkan/);
    problems.push(...(await pageProblems(j, a, '/konsultasi/komentar/:id')));

    // A moderator hides it, with the reason shown in its place.
    const modContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const moderator = await signInAs(j, modContext, await createUser(j.served, 'moderator'));
    await moderator.goto(`${base}/kelola/moderasi`);
    await moderator.getByText('Menghasut untuk mengusir pedagang.').waitFor();
    problems.push(...(await pageProblems(j, moderator, '/kelola/moderasi')));
    await moderator.getByLabel('Alasan (bila disembunyikan)').fill('Menghasut untuk mengusir orang');
    await moderator.getByRole('button', { name: 'Sembunyikan' }).click();
    await moderator.waitForURL(/pesan=moderasi/);
    await b.goto(`${base}/konsultasi/${id}/bagian/${(await sectionOf(budiComment.id)).id}`);
    await b.getByText('Komentar ini disembunyikan oleh moderator: Menghasut untuk mengusir orang').waitFor();
    assert.equal(await b.getByText('usir saja mereka').count(), 0);

    // The comment phase ends; staff answer every comment and publish the report.
    await db
      .updateTable('consultation')
      .set({ opens_on: day(-12), comments_from: day(-11), comments_until: day(-1) })
      .where('id', '=', id)
      .execute();
    await staff.goto(`${base}/kelola/konsultasi/${id}`);
    const sitiComment = await db
      .selectFrom('consultation_comment')
      .select('id')
      .where('user_id', '=', siti.id)
      .executeTakeFirstOrThrow();
    const answer = staff.locator(`#tanggapan-${sitiComment.id}`);
    await answer.getByLabel('Diterima sebagian').check();
    await answer.getByLabel('Alasan').fill('Kenaikan sewa kini dibatasi paling banyak 10 persen setahun.');
    await answer.getByRole('button', { name: 'Simpan tanggapan' }).click();
    await staff.waitForURL(/pesan=tersimpan/);
    problems.push(...(await pageProblems(j, staff, '/kelola/konsultasi/:id (closing)')));
    await staff
      .getByLabel('Ringkasan laporan')
      .fill('Kami membatasi kenaikan sewa lapak dan mengumumkan retribusi di papan pasar.');
    await staff.getByRole('button', { name: 'Terbitkan laporan dan beri tahu peserta' }).click();
    await staff.waitForURL(/pesan=laporan/);

    // Each commenter whose comment was answered receives the report and sees the fate.
    await j.served.app.outbox.deliverDue();
    const mail = j.mailbox.to(siti.email);
    assert.equal(mail.length, 1);
    assert.match(mail[0]?.text ?? '', /Diterima sebagian/);
    assert.equal(j.mailbox.to(budi.email).length, 0, 'a hidden comment has no fate to tell');
    await a.goto(`${base}${linkIn(mail[0])}`);
    await a.getByText('laporan').first().waitFor();
    await a.goto(`${base}/konsultasi/komentar/${sitiComment.id}`);
    await a.getByText('Kenaikan sewa kini dibatasi paling banyak 10 persen setahun.').waitFor();
    await a.getByText('Diterima sebagian').first().waitFor();
    problems.push(...(await pageProblems(j, a, '/konsultasi/komentar/:id (answered)')));
    await a.goto(`${base}/konsultasi/${id}/laporan`);
    problems.push(...(await pageProblems(j, a, '/konsultasi/:id/laporan')));
    await a.goto(`${base}/raperda/${draft.id}`);
    await a.getByRole('link', { name: 'laporan hasil konsultasi' }).waitFor();

    assert.deepEqual(problems, []);
  });
  test('a citizen starts a forum thread, a member answers under the badge of the role, and short statements are voted on', async () => {
    const base = j.served.baseUrl;
    const problems: string[] = [];
    const citizen = await createUser(j.served, 'citizen', { name: 'Yanti Warga' });
    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await signInAs(j, context, citizen);
    await page.goto(`${base}/forum`);
    problems.push(...(await pageProblems(j, page, '/forum')));
    await page.getByRole('link', { name: 'Komisi III' }).first().click();
    problems.push(...(await pageProblems(j, page, '/forum/komisi/:slug')));
    await page.getByRole('link', { name: 'Mulai diskusi' }).click();
    problems.push(...(await pageProblems(j, page, '/forum/baru')));
    await page.getByLabel('Judul').fill('Lampu jalan padam di Jalan Cut Meutia');
    await page
      .getByLabel('Isi', { exact: true })
      .fill('Sudah tiga minggu lampu jalan padam dan warga takut melintas malam hari.');
    await page.getByLabel('Kecamatan (tidak wajib)').selectOption({ label: 'Bekasi Timur' });
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.waitForURL(/\/forum\/utas\/\d+\?pesan=terkirim/);
    const threadUrl = page.url().replace(/\?.*$/, '');
    problems.push(...(await pageProblems(j, page, '/forum/utas/:id')));

    const office = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const member = await signInAs(j, office, await createUser(j.served, 'member', { name: 'Ir. Bambang Wijaya' }));
    await member.goto(threadUrl);
    await member.getByLabel('Balasan Anda').fill('Kami sudah meminta Dinas Perhubungan memperbaikinya minggu ini.');
    await member.getByRole('button', { name: 'Kirim balasan' }).click();
    await member.waitForURL(/pesan=terkirim/);
    await page.goto(threadUrl);
    await page.getByText('Anggota DPRD').waitFor();
    problems.push(...(await pageProblems(j, page, '/forum/utas/:id (answered)')));
    await page.getByRole('link', { name: 'Laporkan' }).first().click();
    problems.push(...(await pageProblems(j, page, '/forum/pesan/:id')));

    // Short statements on an open consultation: propose, and vote once a moderator let it through.
    const council = await j.served.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const consultation = await j.served.database.db
      .insertInto('consultation')
      .values({
        council_id: council.id,
        kind: 'lainnya',
        title: 'Konsultasi penerangan jalan',
        summary: 'Bagaimana kota menerangi jalan lingkungan dengan biaya yang wajar.',
        opens_on: day(-2),
        comments_from: day(-1),
        comments_until: day(10),
        report_due: day(20),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/konsultasi/${consultation.id}/pernyataan`);
    await page.getByLabel('Pernyataan').fill('Setiap gang perlu lampu tenaga surya');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await page.waitForURL(/pesan=diusulkan/);
    await j.served.database.db
      .updateTable('consultation_statement')
      .set({ status: 'published' })
      .where('consultation_id', '=', consultation.id)
      .execute();
    await page.goto(`${base}/konsultasi/${consultation.id}/pernyataan`);
    await page.getByRole('button', { name: 'Setuju: Setiap gang perlu lampu tenaga surya', exact: true }).click();
    await page.waitForURL(/pesan=dipilih/);
    await page.getByText('Pilihan Anda: Setuju').waitFor();
    problems.push(...(await pageProblems(j, page, '/konsultasi/:id/pernyataan')));
    assert.deepEqual(problems, []);
  });
  test('someone without an account comments on a phone, opens the mailed link and publishes the comment', async () => {
    const db = j.served.database.db;
    const base = j.served.baseUrl;
    const problems: string[] = [];
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const c = await db
      .insertInto('consultation')
      .values({
        council_id: council.id,
        kind: 'rpjmd',
        title: 'Konsultasi RPJMD bab pendidikan',
        summary: 'Rancangan bab pendidikan dalam rencana pembangunan lima tahun kota.',
        opens_on: day(-2),
        comments_from: day(-1),
        comments_until: day(10),
        report_due: day(20),
        email_comments: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const section = await db
      .insertInto('consultation_section')
      .values({
        consultation_id: c.id,
        position: 1,
        heading: 'BAB IV PENDIDIKAN',
        body: 'Setiap kelurahan memiliki paling sedikit satu sekolah dasar negeri yang dapat dicapai berjalan kaki.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const context = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const page = await context.newPage();
    await page.goto(`${base}/konsultasi/${c.id}/bagian/${section.id}`);
    await page.getByText('Tidak punya akun?').waitFor();
    await page
      .getByLabel('Komentar', { exact: true })
      .fill('Mohon ditambahkan sekolah menengah pertama di setiap kecamatan, bukan hanya sekolah dasar.');
    await page.getByLabel('Nama yang ditampilkan (tidak wajib)').fill('Ibu Ratna');
    await page.getByLabel('Alamat email', { exact: true }).fill('ratna.tanpa.akun@example.org');
    // The consent is forgotten first: the error summary says so, and the words typed are kept.
    await page.getByRole('button', { name: 'Kirim tautan konfirmasi' }).click();
    assert.equal(await page.getByRole('alert').getByRole('heading').textContent(), 'Ada yang perlu diperbaiki');
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Centang persetujuan/ })
      .waitFor();
    problems.push(...(await pageProblems(j, page, '/konsultasi/:id/bagian/:section (by email, refused)')));
    await page.getByLabel(/Saya setuju alamat email saya disimpan tersandi/).check();
    await page.getByRole('button', { name: 'Kirim tautan konfirmasi' }).click();
    await page.waitForURL(/pesan=periksa-email/);
    await page.getByText('buka email kami dan tekan tautannya').waitFor();

    await j.served.app.outbox.deliverDue();
    const mail = j.mailbox.to('ratna.tanpa.akun@example.org');
    assert.equal(mail.length, 1);
    await page.goto(`${base}${linkIn(mail[0])}`);
    await page.getByText('Komentar ini belum tampil.').waitFor();
    problems.push(...(await pageProblems(j, page, '/konsultasi/email/:token (waiting)')));
    await page.getByRole('button', { name: 'Terbitkan komentar' }).click();
    await page.waitForURL(/pesan=terkirim/);
    await page.getByText('sekolah menengah pertama di setiap kecamatan').waitFor();
    await page.getByText('Ibu Ratna').first().waitFor();
    await page.goto(`${base}${linkIn(mail[0])}`);
    await page.getByRole('button', { name: 'Tarik komentar saya' }).waitFor();
    problems.push(...(await pageProblems(j, page, '/konsultasi/email/:token (confirmed)')));

    assert.deepEqual(problems, []);
  });
});

async function sectionOf(commentId: number) {
  return j.served.database.db
    .selectFrom('consultation_comment')
    .select('section_id as id')
    .where('id', '=', commentId)
    .executeTakeFirstOrThrow();
}
