import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { enqueueMessage } from '../platform/outbox.ts';
import { fitsOneSms } from '../platform/sms.ts';
import { removeOldTextMessages } from './service.ts';

const SECRET = 'rahasia-bersama-gateway-pesan-masuk-2026';

interface Sent {
  channel: string;
  to: string;
  text: string;
}

let t: TestApp;
let gateway: Server;
let sent: Sent[] = [];
let photo: Buffer;

before(async () => {
  // A phone photo with the camera's GPS position: it must not survive.
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#886644' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretCam' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 3000/100' } })
    .toBuffer();
  // The loopback gateway: takes the council's outgoing messages and holds photos of WhatsApp messages.
  gateway = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/media/foto.jpg') {
      res.setHeader('content-type', 'image/jpeg');
      res.end(photo);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      sent.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Sent);
      res.statusCode = 202;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const port = (gateway.address() as AddressInfo).port;
  t = await buildTestApp({
    env: {
      MESSAGE_GATEWAY_URL: `http://127.0.0.1:${port}/kirim`,
      MESSAGE_GATEWAY_TOKEN: 'token-keluar',
      MESSAGE_GATEWAY_CHANNELS: 'sms,whatsapp',
      MESSAGE_GATEWAY_INBOUND_SECRET: SECRET,
    },
  });
});
after(async () => {
  await t.close();
  await new Promise((resolve) => gateway.close(resolve));
});
beforeEach(() => {
  sent = [];
});

let ids = 0;
/** A message through the generic webhook, signed as the gateway signs it. */
async function message(
  from: string,
  text: string,
  options: { channel?: 'sms' | 'whatsapp'; id?: string; media?: Buffer[]; signature?: string } = {},
) {
  const body = Buffer.from(
    JSON.stringify({
      channel: options.channel ?? 'sms',
      from,
      text,
      id: options.id ?? `msg-${++ids}`,
      ...(options.media === undefined
        ? {}
        : { media: options.media.map((m) => ({ type: 'image/jpeg', data: m.toString('base64') })) }),
    }),
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/messages/inbound',
    payload: body,
    headers: {
      'content-type': 'application/json',
      'x-signature': options.signature ?? `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    },
  });
}

/** The replies the council sent since the last look, after the outbox ran. */
async function replies(): Promise<Sent[]> {
  await t.app.outbox.deliverDue();
  const got = sent;
  sent = [];
  return got;
}

async function only(to: string): Promise<Sent> {
  const got = await replies();
  assert.equal(got.length, 1, `one reply, got ${JSON.stringify(got)}`);
  const [first] = got;
  assert.ok(first !== undefined);
  assert.equal(first.to, to);
  return first;
}

const aspirationsFrom = async (title: string) =>
  t.database.db.selectFrom('aspiration').selectAll().where('description', 'like', `${title}%`).execute();

describe('a citizen reports by SMS with one message', () => {
  test('LAPOR <kecamatan> <isi> files an aspiration, the code comes back in one SMS, and CEK tells its status', async () => {
    const structure = await getCouncil(t.database.db);
    const kec = structure.kecamatan.find((k) => k.name === 'Bekasi Timur');
    assert.ok(kec !== undefined);
    const res = await message(
      '+62 812-3456-7001',
      'lapor bekasi timur Jalan berlubang besar di depan SDN 5, sudah dua motor jatuh',
    );
    assert.equal(res.statusCode, 200, res.body);
    const answer = res.json() as { outcome: string; code: string };
    assert.equal(answer.outcome, 'filed');
    assert.match(answer.code, /^ASP-\d{4}-\d{6}$/);

    const [filed] = await aspirationsFrom('Jalan berlubang besar di depan SDN 5');
    assert.ok(filed !== undefined);
    assert.equal(filed.code, answer.code);
    assert.equal(filed.channel, 'sms');
    assert.equal(filed.kind, 'pengaduan');
    assert.equal(filed.kecamatan_id, kec.id);
    assert.equal(filed.title, 'Jalan berlubang besar di depan SDN 5, sudah dua motor jatuh');
    // The catch-all category that no komisi holds: staff sort it at triage.
    const category = structure.categories.find((c) => c.id === filed.category_id);
    assert.equal(category?.komisiId, null);

    const code = await only('081234567001');
    assert.equal(code.channel, 'sms');
    assert.ok(code.text.includes(answer.code), code.text);
    assert.ok(fitsOneSms(code.text), `one SMS: ${code.text}`);

    await message('081234567001', `CEK ${answer.code.toLowerCase()}`);
    const received = await only('081234567001');
    assert.match(received.text, new RegExp(`${answer.code} diterima\\. Lihat: http.*/aspirasi/${answer.code}$`));
    await t.database.db.updateTable('aspiration').set({ status: 'verified' }).where('id', '=', filed.id).execute();
    await message('081234567001', `CEK ${answer.code}`);
    assert.match((await only('081234567001')).text, /diverifikasi/);
    await message('081234567001', 'CEK ASP-2026-999999');
    assert.match((await only('081234567001')).text, /kode ASP-2026-999999 tidak ditemukan/);
  });

  test('an unknown kecamatan, a text too short and an unknown word each get a plain answer and file nothing', async () => {
    const before = await t.database.db.selectFrom('aspiration').select('id').execute();
    await message('081234567002', 'LAPOR Atlantis jalan rusak parah sekali');
    assert.match(
      (await only('081234567002')).text,
      /^Format: LAPOR <kecamatan> <isi laporan>\. Kecamatan "Atlantis" tidak kami kenal/,
    );
    await message('081234567002', 'LAPOR Bekasi Barat rusak');
    assert.match((await only('081234567002')).text, /terlalu pendek/);
    await message('081234567002', 'halo pak dewan');
    const help = await only('081234567002');
    assert.match(help.text, /kirim LAPOR <kecamatan> <isi laporan>, atau LAPOR saja untuk dipandu\. CEK <kode>/);
    assert.ok(fitsOneSms(help.text));
    assert.equal((await t.database.db.selectFrom('aspiration').select('id').execute()).length, before.length);
  });
});

describe('a citizen is guided by WhatsApp', () => {
  test('kind, kecamatan, text with a photo, confirm: filed with the photo stripped, every answer by WhatsApp', async () => {
    const from = '6281234567003';
    const to = '081234567003';
    const step = async (text: string, media?: Buffer[]) => {
      const res = await message(from, text, { channel: 'whatsapp', ...(media === undefined ? {} : { media }) });
      assert.equal(res.statusCode, 200, res.body);
      const reply = await only(to);
      assert.equal(reply.channel, 'whatsapp');
      return reply.text;
    };
    assert.match(await step('LAPOR'), /^Jenis laporan\? Balas 1 untuk aspirasi/);
    assert.match(await step('9'), /^Jenis laporan\?/, 'an answer that is not a kind is asked again');
    assert.match(await step('2'), /^Di kecamatan mana\?/);
    assert.match(await step('Atlantis'), /^Kecamatan "Atlantis" tidak kami kenal/);
    assert.match(await step('kec. medan satria'), /^Tulis laporan Anda/);
    assert.match(await step('', [photo]), /^Foto diterima\./);
    const confirm = await step('Lampu penerangan jalan mati total di Jl. Sultan Agung dekat pasar');
    assert.match(confirm, /^Kirim laporan "Lampu penerangan jalan mati total di\.\.\." di Medan Satria\? .*Balas YA/);
    assert.match(await step('nanti dulu'), /^Balas YA untuk mengirim laporan/);
    const res = await message(from, 'ya', { channel: 'whatsapp' });
    const answer = res.json() as { outcome: string; code: string };
    assert.equal(answer.outcome, 'filed');
    const code = await only(to);
    assert.equal(code.channel, 'whatsapp');
    assert.ok(code.text.includes(answer.code));

    const [filed] = await aspirationsFrom('Lampu penerangan jalan mati total');
    assert.ok(filed !== undefined);
    assert.equal(filed.channel, 'whatsapp');
    assert.equal(filed.kind, 'pengaduan');
    const photos = await t.database.db
      .selectFrom('aspiration_photo')
      .selectAll()
      .where('aspiration_id', '=', filed.id)
      .execute();
    assert.equal(photos.length, 1);
    const stored = readFileSync(path.join(t.config.uploadDir, 'aspirasi', photos[0]?.file ?? ''));
    const meta = await sharp(stored).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.exif, undefined, 'no EXIF (no GPS) left');
    // The conversation is over: the next message is a new start.
    assert.match(await step('ya'), /kirim LAPOR <kecamatan>/);
    const left = await t.database.db.selectFrom('text_conversation').selectAll().execute();
    assert.equal(left.length, 0);
  });

  test('BATAL drops an unfinished report', async () => {
    await message('081234567004', 'LAPOR');
    await replies();
    await message('081234567004', '1');
    await replies();
    await message('081234567004', 'batal');
    assert.match((await only('081234567004')).text, /^Laporan dibatalkan\./);
    await message('081234567004', 'Bekasi Utara');
    assert.match((await only('081234567004')).text, /kirim LAPOR/, 'no conversation left');
  });
});

describe('STOP and the limits', () => {
  test('STOP is confirmed and then nothing goes to the number, not even news of its aspiration, until it writes again', async () => {
    const to = '081234567005';
    await message(to, 'LAPOR Jatiasih Pohon tumbang menutup jalan di perumahan Jatiasih Indah');
    const code = (await aspirationsFrom('Pohon tumbang menutup jalan'))[0]?.code;
    await replies();
    await message(to, 'STOP');
    assert.match((await only(to)).text, /tidak akan menerima pesan lagi dari kami\. Kirim AKTIF/);
    await message(to, 'halo');
    assert.deepEqual(await replies(), [], 'a stopped number gets no help text');
    // Staff news of the aspiration would go by SMS: it does not.
    await enqueueMessage(t.database.db, t.app.sealer, { channel: 'sms', to, subject: 'x', text: `Kabar ${code}` });
    assert.deepEqual(await replies(), []);
    await message(to, 'AKTIF');
    assert.match((await only(to)).text, /pesan dari kami aktif lagi/);
    await enqueueMessage(t.database.db, t.app.sealer, {
      channel: 'sms',
      to: '+62 812 3456 7005',
      subject: 'x',
      text: 'Kabar',
    });
    assert.equal((await replies()).length, 1);
  });

  test('the same message posted twice is handled once', async () => {
    const first = await message('081234567006', 'LAPOR Rawalumbu Saluran air tersumbat sampah di RW 07', {
      id: 'sama-1',
    });
    const again = await message('081234567006', 'LAPOR Rawalumbu Saluran air tersumbat sampah di RW 07', {
      id: 'sama-1',
    });
    assert.equal((first.json() as { outcome: string }).outcome, 'filed');
    assert.deepEqual(again.json(), { outcome: 'duplicate' });
    assert.equal((await aspirationsFrom('Saluran air tersumbat sampah di RW 07')).length, 1);
    assert.equal((await replies()).length, 1, 'one tracking code sent');
  });

  test('a number that floods gets one warning, then silence, and files nothing more', async () => {
    const from = '081234567007';
    for (let i = 0; i < 30; i++) await message(from, 'halo');
    assert.equal((await replies()).length, 30);
    await message(from, 'LAPOR Bekasi Selatan jalan rusak di depan kantor kelurahan');
    assert.match((await only(from)).text, /Terlalu banyak pesan dari nomor ini/);
    const last = await message(from, 'LAPOR Bekasi Selatan jalan rusak di depan kantor kelurahan');
    assert.deepEqual(last.json(), { outcome: 'limited' });
    assert.deepEqual(await replies(), []);
    assert.equal((await aspirationsFrom('jalan rusak di depan kantor kelurahan')).length, 0);
  });
});

describe('the webhooks refuse what is not the gateway', () => {
  test('a wrong or missing signature: 401, nothing stored, nothing sent', async () => {
    const wrong = await message('081234567008', 'LAPOR Bekasi Timur jalan rusak di gang mawar', {
      signature: 'sha256=00',
    });
    assert.equal(wrong.statusCode, 401);
    assert.match(String(wrong.headers['content-type']), /application\/problem\+json/);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages/inbound',
      payload: { from: '081234567008', text: 'halo' },
    });
    assert.equal(unsigned.statusCode, 401);
    assert.equal((await aspirationsFrom('jalan rusak di gang mawar')).length, 0);
    assert.deepEqual(await replies(), []);
    const received = await t.database.db.selectFrom('text_message_in').selectAll().execute();
    assert.ok(received.every((r) => r.gateway_id !== null));
  });

  test('a broken body or a sender that is not a number: 400 with the reason', async () => {
    const notJson = Buffer.from('{from:');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages/inbound',
      payload: notJson,
      headers: {
        'content-type': 'application/json',
        'x-signature': `sha256=${createHmac('sha256', SECRET).update(notJson).digest('hex')}`,
      },
    });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /not valid JSON/);
    const notPhone = await message('pak RT', 'halo');
    assert.equal(notPhone.statusCode, 400);
    assert.match(notPhone.body, /is not a phone number/);
  });

  test('the WhatsApp gateway style: a form with sender and message, the token, and a photo at the gateway', async () => {
    const port = (gateway.address() as AddressInfo).port;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages/inbound/wa?token=salah',
      payload: 'sender=6281234567009&message=halo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(refused.statusCode, 401);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages/inbound/wa',
      payload: new URLSearchParams({
        sender: '6281234567009',
        message: 'LAPOR Mustika Jaya Tiang listrik miring hampir roboh di RT 02',
        id: 'wa-1',
        url: `http://127.0.0.1:${port}/media/foto.jpg`,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-webhook-token': SECRET },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as { outcome: string }).outcome, 'filed');
    const [filed] = await aspirationsFrom('Tiang listrik miring');
    assert.ok(filed !== undefined);
    assert.equal(filed.channel, 'whatsapp');
    const photos = await t.database.db
      .selectFrom('aspiration_photo')
      .select('id')
      .where('aspiration_id', '=', filed.id)
      .execute();
    assert.equal(photos.length, 1, 'the photo at the gateway was fetched and kept');
    assert.equal((await only('081234567009')).channel, 'whatsapp');
  });

  test('the SMS server style: GET with from, text and the token, as Kannel calls it', async () => {
    const query = new URLSearchParams({ token: SECRET, from: '+6281234567010', text: 'apa ini', id: 'k-1' });
    const res = await t.app.inject(`/api/v1/messages/inbound/sms?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { outcome: 'help' });
    const help = await only('081234567010');
    assert.equal(help.channel, 'sms');
    const wrong = await t.app.inject(`/api/v1/messages/inbound/sms?token=x&from=081234567010&text=halo`);
    assert.equal(wrong.statusCode, 401);
  });

  test('with no shared secret configured, the webhooks are not there: 404 naming the setting', async () => {
    const bare = await buildTestApp();
    try {
      const res = await bare.app.inject({
        method: 'POST',
        url: '/api/v1/messages/inbound',
        payload: { from: '081234567011', text: 'halo' },
      });
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /MESSAGE_GATEWAY_INBOUND_SECRET/);
    } finally {
      await bare.close();
    }
  });
});

describe('what is kept of messages', () => {
  test('the clean-up removes received messages past their days and conversations left for a day', async () => {
    await message('081234567012', 'LAPOR');
    await replies();
    const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await t.database.db.updateTable('text_conversation').set({ updated_at: old }).execute();
    await t.database.db
      .updateTable('text_message_in')
      .set({ received_at: new Date(Date.now() - (t.config.retention.messages + 1) * 24 * 60 * 60 * 1000) })
      .where('gateway_id', '=', `msg-${ids}`)
      .execute();
    await removeOldTextMessages(deps(t.app));
    assert.deepEqual(await t.database.db.selectFrom('text_conversation').selectAll().execute(), []);
    const left = await t.database.db.selectFrom('text_message_in').select('gateway_id').execute();
    assert.ok(!left.some((r) => r.gateway_id === `msg-${ids}`));
    assert.ok(left.length > 0, 'recent messages stay');
  });
});
