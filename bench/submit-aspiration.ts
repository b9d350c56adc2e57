/**
 * npm run bench:submit — the time to send an aspiration with one phone photo (2400×1800 JPEG with
 * EXIF): a whole multipart POST /aspirasi/kirim through the app (PGlite, or PostgreSQL with
 * TEST_ENGINE=postgres TEST_DATABASE_URL=…), photo re-encoded and
 * synced to disk, record committed; median of 21. Not part of npm test.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { getCouncil } from '../src/council/service.ts';
import { Agent } from '../test/helpers/agent.ts';
import { buildTestApp } from '../test/helpers/app.ts';
import { testEngine } from '../test/helpers/database.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
// Random pixels compress badly: a harder photo than most, so the figure errs on the slow side.
const pixels = randomBytes(2400 * 1800 * 3);
const photo = await sharp(pixels, { raw: { width: 2400, height: 1800, channels: 3 } })
  .jpeg({ quality: 85 })
  .withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 0/1' } })
  .toBuffer();
const t = await buildTestApp({ env: { LOG_LEVEL: 'silent' } });
const structure = await getCouncil(t.database.db);
const kel = structure.kecamatan[0]?.kelurahan[0];
if (kel === undefined) throw new Error('no kelurahan in the demo council');
const times: number[] = [];
for (let i = 0; i < 21; i++) {
  const a = new Agent(t.app, `10.2.${Math.floor(i / 200)}.${i % 200}`);
  await a.get('/aspirasi/baru');
  const t0 = performance.now();
  const res = await a.postMultipart(
    '/aspirasi/kirim',
    {
      kind: 'pengaduan',
      category: 'jalan-jembatan-drainase',
      location: String(kel.id),
      title: `Jalan rusak nomor ${i}`,
      description: 'Lubang besar di tengah jalan, berbahaya bagi pengendara motor pada malam hari.',
      email: `warga${i}@example.org`,
      consent: 'yes',
    },
    [{ field: 'photos', filename: 'IMG_0001.jpg', type: 'image/jpeg', data: photo }],
  );
  times.push(performance.now() - t0);
  if (res.statusCode !== 303) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
}
console.log(`photo: ${(photo.length / 1024).toFixed(0)} KiB JPEG, 2400×1800`);
console.log(
  `POST /aspirasi/kirim with one photo (${testEngine}, inject): median ${median(times).toFixed(1)} ms (n=21, min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
);
await t.close();
