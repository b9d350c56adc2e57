import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

const photo = async (shade: number) => ({
  name: `sidang-${shade}.jpg`,
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: shade, g: 80, b: 80 } } })
    .jpeg()
    .toBuffer(),
});

describe('news on a phone with JavaScript off', () => {
  test('a press officer writes about a plenary meeting with a gallery; a second officer approves; it shows on the home page, the meeting, the members named and the feed', async () => {
    const base = j.served.baseUrl;
    const db = j.served.database.db;
    const problems: string[] = [];
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const meeting = await db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: 'berita-perjalanan@dewan-terbuka',
        type: 'paripurna',
        title: 'Rapat Paripurna Pengesahan Perda Cadangan Pangan',
        starts_at: new Date(Date.now() - 86_400_000),
        open: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const named = await db.selectFrom('member').select(['slug', 'name']).orderBy('name').limit(2).execute();

    // The administrator asks for a second officer.
    const admin = await signInAs(
      j,
      await j.newContext({ javaScriptEnabled: false, viewport: phone }),
      await createUser(j.served, 'administrator'),
    );
    await admin.goto(`${base}/kelola/berita`);
    await admin.getByLabel('Wajibkan persetujuan petugas kedua sebelum terbit').check();
    await admin.getByRole('button', { name: 'Simpan aturan' }).click();
    await admin.getByText('Aturan terbit disimpan.').waitFor();
    problems.push(...(await pageProblems(j, admin, '/kelola/berita')));

    // A press officer writes the post.
    const writer = await signInAs(
      j,
      await j.newContext({ javaScriptEnabled: false, viewport: phone }),
      await createUser(j.served, 'staff'),
    );
    await writer.goto(`${base}/kelola/berita`);
    await writer.getByRole('link', { name: 'Tulis berita' }).click();
    problems.push(...(await pageProblems(j, writer, '/kelola/berita/baru')));
    await writer.getByLabel('Judul', { exact: true }).fill('Perda Cadangan Pangan disahkan');
    await writer.getByLabel('Ringkasan').fill('DPRD mengesahkan Perda Cadangan Pangan dalam rapat paripurna.');
    // A first try with a script is refused with the reason, and the text stays.
    await writer.getByLabel('Isi berita').fill('<p>Perda disahkan.</p><script>alert(1)</script>');
    await writer.getByLabel('Kategori').selectOption('paripurna');
    await writer.getByRole('button', { name: 'Simpan draf' }).click();
    await writer.getByRole('link', { name: /Isi berita: tag <script> tidak diizinkan/ }).waitFor();
    problems.push(...(await pageProblems(j, writer, '/kelola/berita/baru (refused)')));
    await writer
      .getByLabel('Isi berita')
      .fill(
        '<p>Rapat paripurna mengesahkan <strong>Perda Cadangan Pangan</strong>.</p><h2>Isi pokok</h2><ul><li>Cadangan beras daerah</li><li>Bantuan saat bencana</li></ul>',
      );
    await writer.getByLabel('Rapat terkait').selectOption(String(meeting.id));
    for (const m of named) await writer.getByLabel(m.name, { exact: true }).check();
    await writer.getByLabel(/Foto \(foto pertama/).setInputFiles([await photo(150), await photo(60), await photo(20)]);
    await writer.getByLabel('Keterangan foto utama').fill('Pimpinan DPRD menandatangani keputusan');
    await writer.getByRole('button', { name: 'Simpan draf' }).click();
    await writer.getByText('Draf disimpan.').waitFor();
    problems.push(...(await pageProblems(j, writer, '/kelola/berita/:id')));
    await writer.getByRole('button', { name: 'Kirim untuk disetujui' }).click();
    await writer.getByText('Berita dikirim untuk disetujui.').waitFor();

    // A second officer approves it.
    const approver = await signInAs(
      j,
      await j.newContext({ javaScriptEnabled: false, viewport: phone }),
      await createUser(j.served, 'staff'),
    );
    await approver.goto(`${base}/kelola/berita`);
    await approver.getByRole('link', { name: 'Perda Cadangan Pangan disahkan' }).click();
    await approver.getByRole('button', { name: 'Setujui dan terbitkan' }).click();
    await approver.getByText('Berita terbit.').waitFor();

    // A citizen finds it on the home page and reads it.
    const reader = await (await j.newContext({ javaScriptEnabled: false, viewport: phone })).newPage();
    await reader.goto(`${base}/`);
    await reader.getByRole('link', { name: 'Perda Cadangan Pangan disahkan' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Perda Cadangan Pangan disahkan' }).waitFor();
    await reader.getByRole('heading', { name: 'Isi pokok' }).waitFor();
    assert.equal(await reader.getByRole('img', { name: 'Pimpinan DPRD menandatangani keputusan' }).count(), 1);
    assert.equal(await reader.locator('section', { hasText: 'Galeri foto' }).getByRole('img').count(), 2);
    problems.push(...(await pageProblems(j, reader, '/berita/:slug')));
    const path = new URL(reader.url()).pathname;

    // The meeting and both members link it; the feed has it.
    await reader.getByRole('link', { name: 'Rapat Paripurna Pengesahan Perda Cadangan Pangan' }).click();
    await reader
      .locator('section', { hasText: 'Berita tentang rapat ini' })
      .getByRole('link', { name: 'Perda Cadangan Pangan disahkan' })
      .waitFor();
    for (const m of named) {
      await reader.goto(`${base}/anggota/${m.slug}`);
      await reader
        .locator('section', { hasText: 'Berita yang menyebut anggota ini' })
        .getByRole('link', { name: 'Perda Cadangan Pangan disahkan' })
        .waitFor();
    }
    const feed = await (await fetch(`${base}/berita.atom?kategori=paripurna`)).text();
    assert.ok(feed.includes(`${path}"`), 'the Atom feed of the category links the post');
    await reader.goto(`${base}/berita`);
    problems.push(...(await pageProblems(j, reader, '/berita')));
    assert.deepEqual(problems, []);
  });
});
