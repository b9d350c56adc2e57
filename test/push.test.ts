/**
 * Web Push end to end, against a push service on loopback that does what a browser's does: checks
 * the VAPID signature (RFC 8292) and decrypts the message with the subscription's own keys
 * (RFC 8291, aes128gcm) — never a real push service.
 */
import assert from 'node:assert/strict';
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { tellFollowersOfTimetable } from '../src/consultations/service.ts';
import { deps } from '../src/platform/auth.ts';
import { pushToFollowers } from '../src/platform/push.ts';
import { Agent } from './helpers/agent.ts';
import { buildTestApp, type TestApp, testVapid } from './helpers/app.ts';
import { createUser, signIn } from './helpers/users.ts';

let t: TestApp;
let service: Server;
let base = '';
/** What the push service received, decrypted with the browser's keys. */
let received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
let gone = new Set<string>();

before(async () => {
  service = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = gone.has(req.url ?? '') ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  // The loopback push service is the one service this portal may post to.
  t = await buildTestApp({ env: { PUSH_SERVICES: base } });
});
after(async () => {
  await t.close();
  await new Promise((resolve) => service.close(resolve));
});
beforeEach(() => {
  received = [];
  gone = new Set();
});

/** A browser's push subscription: its own key pair and auth secret, at an address of the service. */
function browserSubscription(name: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: {
      endpoint: `${base}/push/${name}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291: what the user agent does with an aes128gcm message. */
function decrypt(body: Buffer, browser: ReturnType<typeof browserSubscription>): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20] ?? 0;
  const senderPublic = body.subarray(21, 21 + idLength);
  const cipher = body.subarray(21 + idLength);
  const ecdhSecret = browser.ecdh.computeSecret(senderPublic);
  const prkKey = hmac(browser.auth, ecdhSecret);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    browser.ecdh.getPublicKey(),
    senderPublic,
    Buffer.from([1]),
  ]);
  const ikm = hmac(prkKey, keyInfo).subarray(0, 32);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'latin1')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(cipher.subarray(cipher.length - 16));
  const padded = Buffer.concat([decipher.update(cipher.subarray(0, cipher.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end > 0 && padded[end] === 0) end--;
  assert.equal(padded[end], 2, 'the last record ends with the delimiter 0x02');
  return padded.subarray(0, end).toString('utf8');
}

/** RFC 8292: the JWT is signed by the portal's VAPID key, for this push service, not for long. */
function checkVapid(headers: IncomingHttpHeaders) {
  const authorization = String(headers.authorization ?? '');
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization);
  assert.ok(match !== null, authorization);
  const [, jwt = '', k = ''] = match;
  assert.equal(k, testVapid.publicKey);
  const [head = '', payload = '', signature = ''] = jwt.split('.');
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  assert.equal(valid, true, 'the VAPID signature verifies with the public key');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  assert.equal(claims.aud, base);
  assert.ok(claims.exp > Date.now() / 1000 && claims.exp <= Date.now() / 1000 + 24 * 3600);
  assert.match(claims.sub, /^mailto:/);
  assert.equal(headers['content-encoding'], 'aes128gcm');
  assert.ok(Number(headers.ttl) > 0);
}

async function subscribe(a: Agent, page: string, body: Record<string, unknown>) {
  const html = (await a.get(page)).body;
  const csrf =
    /data-module="push-follow"[^>]*data-csrf="([^"]+)"|data-csrf="([^"]+)"[^>]*data-module="push-follow"/.exec(html);
  const token = csrf?.[1] ?? csrf?.[2] ?? /data-csrf="([^"]+)"/.exec(html)?.[1] ?? '';
  return t.app.inject({
    method: 'POST',
    url: '/push/langganan',
    payload: body,
    headers: { 'x-csrf-token': token },
    cookies: Object.fromEntries(a.cookies),
    remoteAddress: a.ip,
  });
}

/** A citizen files an aspiration through the form; its id and code. */
async function fileOne(title: string): Promise<{ id: number; code: string }> {
  const citizen = new Agent(t.app, `198.51.100.${90 + received.length}`);
  const kel = await t.database.db.selectFrom('kelurahan').select('id').limit(1).executeTakeFirstOrThrow();
  await citizen.get('/aspirasi/baru');
  const step = await citizen.post('/aspirasi/baru', {
    kind: 'aspirasi',
    category: 'pendidikan',
    location: String(kel.id),
    title,
  });
  assert.equal(step.statusCode, 200);
  const sent = await citizen.postMultipart('/aspirasi/kirim', {
    kind: 'aspirasi',
    category: 'pendidikan',
    location: String(kel.id),
    title,
    kunci: /name="kunci" value="([^"]+)"/.exec(step.body)?.[1] ?? '',
    description: 'Anak-anak di kampung kami jauh dari perpustakaan.',
    email: 'baca@example.org',
    consent: 'yes',
  });
  assert.equal(sent.statusCode, 303);
  return t.database.db
    .selectFrom('aspiration')
    .select(['id', 'code'])
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
}

describe('Web Push', () => {
  test('a citizen follows an aspiration on their phone; its next step arrives encrypted to that phone and signed by the portal', async () => {
    const { id, code } = await fileOne('Taman bermain anak rusak');
    const browser = browserSubscription('warga-1');
    const citizen = new Agent(t.app, '198.51.100.77');
    const page = await citizen.get(`/aspirasi/${code}`);
    assert.match(page.body, new RegExp(`data-module="push-follow"[^>]*data-key="${testVapid.publicKey}"`));
    const res = await subscribe(citizen, `/aspirasi/${code}`, {
      subscription: browser.json,
      follow: { type: 'aspiration', id },
    });
    assert.equal(res.statusCode, 200, res.body);

    // Staff verify it: a public step, told to followers.
    const staff = await signIn(t, await createUser(t, 'staff'), new Agent(t.app, '198.51.100.78'));
    await staff.get(`/kelola/aspirasi/${code}`);
    const acted = await staff.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    assert.equal(acted.statusCode, 303, acted.body.slice(0, 300));
    await t.app.outbox.deliverDue();
    const delivered = received.filter((r) => r.path === '/push/warga-1');
    assert.equal(delivered.length, 1);
    const first = delivered[0];
    assert.ok(first !== undefined);
    checkVapid(first.headers);
    const notice = JSON.parse(decrypt(first.body, browser)) as { title: string; body: string; url: string };
    assert.equal(notice.url, `/aspirasi/${code}`);
    assert.ok(notice.title.includes(code), notice.title);
    assert.ok(notice.body.length > 0);
  });

  test('a subscription the push service says is gone is removed, and the message counts as done', async () => {
    const { id, code } = await fileOne('Lampu taman padam');
    const browser = browserSubscription('hilang');
    const citizen = new Agent(t.app, '198.51.100.79');
    assert.equal(
      (
        await subscribe(citizen, `/aspirasi/${code}`, {
          subscription: browser.json,
          follow: { type: 'aspiration', id },
        })
      ).statusCode,
      200,
    );
    gone.add('/push/hilang');
    await pushToFollowers(t.database.db, t.app.sealer, { type: 'aspiration', id }, { title: 'x', body: 'y', url: '/' });
    await t.app.outbox.deliverDue();
    assert.equal(received.length, 1);
    const left = await t.database.db
      .selectFrom('push_subscription')
      .select('id')
      .where('endpoint', '=', browser.json.endpoint)
      .execute();
    assert.deepEqual(left, []);
    const rows = await t.database.db
      .selectFrom('outbox')
      .select('status')
      .where('channel', '=', 'push')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    assert.equal(rows[0]?.status, 'sent');
  });

  test('officials who triage get news of new aspirations in their queue; others may not ask for it', async () => {
    const { code } = await fileOne('Jalan setapak licin');
    const browser = browserSubscription('petugas');
    const officer = await signIn(t, await createUser(t, 'staff'), new Agent(t.app, '198.51.100.80'));
    const asked = await subscribe(officer, '/kelola/aspirasi', { subscription: browser.json, queue: true });
    assert.equal(asked.statusCode, 200, asked.body);
    for (const role of ['citizen', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), new Agent(t.app, '198.51.100.81'));
      const refused = await subscribe(other, `/aspirasi/${code}`, {
        subscription: browserSubscription(`x-${role}`).json,
        queue: true,
      });
      assert.equal(refused.statusCode, 403, role);
    }
    const anonymous = await subscribe(new Agent(t.app, '198.51.100.82'), `/aspirasi/${code}`, {
      subscription: browserSubscription('x-anon').json,
      queue: true,
    });
    assert.equal(anonymous.statusCode, 403);

    // A citizen files one: the officer's phone hears of it.
    received = [];
    await fileOne('Perpustakaan keliling untuk kampung');
    await t.app.outbox.deliverDue();
    const toOfficer = received.filter((r) => r.path === '/push/petugas');
    assert.equal(toOfficer.length, 1);
    const notice = JSON.parse(decrypt(toOfficer[0]?.body ?? Buffer.alloc(0), browser)) as {
      title: string;
      url: string;
    };
    assert.match(notice.title, /^Aspirasi baru ASP-\d{4}-\d{6}$/);
    assert.match(notice.url, /^\/kelola\/aspirasi\/ASP-/);
  });

  test('a phone that follows a consultation hears when its comments open', async () => {
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const day = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const { id } = await t.database.db
      .insertInto('consultation')
      .values({
        council_id: council.id,
        kind: 'lainnya',
        title: 'Konsultasi Rencana Taman Kota',
        summary: 'Rencana taman kota baru dan fasilitasnya untuk warga.',
        opens_on: day(-2),
        comments_from: day(5),
        comments_until: day(25),
        report_due: day(45),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const browser = browserSubscription('warga-konsultasi');
    const citizen = new Agent(t.app, '198.51.100.81');
    const res = await subscribe(citizen, `/konsultasi/${id}`, {
      subscription: browser.json,
      follow: { type: 'consultation', id },
    });
    assert.equal(res.statusCode, 200, res.body);

    await tellFollowersOfTimetable(deps(t.app));
    await t.app.outbox.deliverDue();
    assert.equal(received.filter((r) => r.path === '/push/warga-konsultasi').length, 0, 'not open yet');
    await t.database.db
      .updateTable('consultation')
      .set({ comments_from: day(0) })
      .where('id', '=', id)
      .execute();
    await tellFollowersOfTimetable(deps(t.app));
    await tellFollowersOfTimetable(deps(t.app));
    await t.app.outbox.deliverDue();
    const delivered = received.filter((r) => r.path === '/push/warga-konsultasi');
    assert.equal(delivered.length, 1);
    checkVapid(delivered[0]?.headers ?? {});
    const notice = JSON.parse(decrypt(delivered[0]?.body ?? Buffer.alloc(0), browser)) as {
      title: string;
      body: string;
      url: string;
    };
    assert.equal(notice.title, 'Konsultasi Rencana Taman Kota');
    assert.match(notice.body, /^Komentar dibuka sampai \d+ \w+ \d{4}\.$/);
    assert.equal(notice.url, `/konsultasi/${id}`);
  });

  test('a subscription that is not one a browser gives, or a subject that cannot be followed: 400, nothing kept', async () => {
    const { code } = await fileOne('Pasar becek setiap hujan');
    const a = new Agent(t.app, '198.51.100.84');
    const bad = [
      {
        subscription: { endpoint: 'http://push.example/x', keys: browserSubscription('a').json.keys },
        follow: { type: 'aspiration', id: 1 },
      },
      {
        subscription: { endpoint: 'http://127.0.0.1:1/kelola', keys: browserSubscription('a').json.keys },
        follow: { type: 'aspiration', id: 1 },
      },
      {
        subscription: { endpoint: 'https://internal.example/push', keys: browserSubscription('a').json.keys },
        follow: { type: 'aspiration', id: 1 },
      },
      {
        subscription: { endpoint: `${base}/push/b`, keys: { p256dh: 'pendek', auth: 'x' } },
        follow: { type: 'aspiration', id: 1 },
      },
      { subscription: browserSubscription('c').json, follow: { type: 'rahasia', id: 1 } },
      { subscription: browserSubscription('d').json },
    ];
    for (const body of bad) {
      const res = await subscribe(a, `/aspirasi/${code}`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/push/langganan',
      payload: { subscription: browserSubscription('e').json },
    });
    assert.equal(noToken.statusCode, 403);
    const kept = await t.database.db.selectFrom('push_subscription').select('endpoint').execute();
    assert.ok(kept.every((k) => !/\/push\/[abcde]$/.test(k.endpoint)));
  });
});
