/**
 * Uploaded files in an S3-compatible object store (a real one on loopback, which checks every
 * request's signature), so that app instances without a shared disk serve the same photos.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { removeOrphanPhotos } from '../src/aspirations/service.ts';
import { deps } from '../src/platform/auth.ts';
import { fileStore, s3Store } from '../src/platform/storage.ts';
import { storedFile } from '../src/platform/uploads.ts';
import { Agent } from './helpers/agent.ts';
import { buildTestApp, type TestApp, testConfig } from './helpers/app.ts';
import { sendAspiration } from './helpers/aspirations.ts';
import { openTestDatabase, testEngine } from './helpers/database.ts';
import { type ObjectStore, startObjectStore } from './helpers/object-store.ts';

let store: ObjectStore;
before(async () => {
  store = await startObjectStore();
});
after(() => store.close());

describe(`an object store for uploads (${testEngine})`, () => {
  test('files are written, listed, read and removed under the prefix; a missing one is "none"', async () => {
    const config = testConfig({ ...store.env, S3_PREFIX: 'kota-uji/' });
    const files = fileStore(config);
    assert.equal(files.where, 's3://dewan-uji/kota-uji/');
    await files.put('jdih', 'a1.pdf', Buffer.from('%PDF-1.4 isi'), 'application/pdf');
    await files.put('jdih', 'b2.pdf', Buffer.from('%PDF-1.4 lain'), 'application/pdf');
    assert.deepEqual((await files.read('jdih', 'a1.pdf'))?.toString(), '%PDF-1.4 isi');
    assert.equal(await files.read('jdih', 'tidak-ada.pdf'), undefined);
    const listed = await files.list('jdih');
    assert.deepEqual(listed.map((e) => e.name).sort(), ['a1.pdf', 'b2.pdf']);
    assert.ok(
      listed.every((e) => Math.abs(Date.now() - e.modifiedMs) < 5 * 60 * 1000),
      'with when each was written',
    );

    // Another installation in the same bucket sees none of them.
    const other = fileStore(testConfig({ ...store.env, S3_PREFIX: 'kota-lain/' }));
    assert.deepEqual(await other.list('jdih'), []);

    await files.remove('jdih', 'a1.pdf');
    await files.remove('jdih', 'a1.pdf');
    assert.equal(await files.read('jdih', 'a1.pdf'), undefined);
    await assert.rejects(storedFile(files, 'jdih', 'a1.pdf'), { name: 'NotFoundError' });
    // A name is only ever a file name: nothing climbs out of the folder.
    assert.equal((await files.read('jdih', '../../b2.pdf'))?.toString(), '%PDF-1.4 lain');
    await assert.rejects(files.read('jdih', 'nama dengan spasi.pdf'), /not a stored file name/);
  });

  test('an unknown access key is refused by the store, and nothing is written', async () => {
    const settings = testConfig(store.env).s3;
    assert.ok(settings !== undefined);
    const wrong = s3Store({ ...settings, accessKeyId: 'BUKANKUNCI' });
    await assert.rejects(wrong.put('jdih', 'c3.pdf', Buffer.from('x'), 'application/pdf'), (error: Error) =>
      /InvalidAccessKeyId/.test(`${error.name} ${error.message}`),
    );
    assert.equal(await fileStore(testConfig(store.env)).read('jdih', 'c3.pdf'), undefined);
  });
});

describe(`two app instances with no shared disk (${testEngine})`, () => {
  let first: TestApp;
  let second: TestApp;
  before(async () => {
    const database = await openTestDatabase();
    first = await buildTestApp({ database, env: store.env });
    second = await buildTestApp({ database, env: store.env });
  });
  after(async () => {
    await second.app.close();
    await first.close();
  });

  test("a photo sent through one instance is served by the other, and none lands on either's disk", async () => {
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    await sendAspiration(first, 'Saluran air tersumbat', { photos: [photo] });

    const row = await first.database.db
      .selectFrom('aspiration_photo')
      .innerJoin('aspiration', 'aspiration.id', 'aspiration_photo.aspiration_id')
      .select(['aspiration.code', 'aspiration_photo.id', 'aspiration_photo.file'])
      .where('aspiration.title', '=', 'Saluran air tersumbat')
      .executeTakeFirstOrThrow();
    for (const t of [first, second]) assert.deepEqual(readdirSync(t.config.uploadDir), [], 'nothing on local disk');

    const visitor = new Agent(second.app, '203.0.113.92');
    for (const suffix of ['', '-kecil']) {
      const res = await visitor.get(`/aspirasi/${row.code}/foto/${row.id}${suffix}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/webp');
      assert.equal((await sharp(res.rawPayload).metadata()).format, 'webp');
    }

    // The hourly clean-up works on the bucket too: a stray upload goes, the committed photo stays.
    const files = fileStore(first.config);
    await files.put('aspirasi', 'sisa-unggahan.webp', Buffer.from('x'), 'image/webp');
    assert.equal(await removeOrphanPhotos(deps(first.app), Date.now() + 2 * 60 * 60 * 1000), 1);
    assert.deepEqual(
      (await files.list('aspirasi')).map((e) => e.name).sort(),
      [row.file, row.file.replace('.webp', '-kecil.webp')].sort(),
    );

    // A file gone from the store is "not found" for the person asking, never a broken page.
    await files.remove('aspirasi', row.file);
    const gone = await visitor.get(`/aspirasi/${row.code}/foto/${row.id}`);
    assert.equal(gone.statusCode, 404);
  });
});
