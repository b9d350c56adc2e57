/**
 * A push service on loopback that does what a browser vendor's does with what the portal sends:
 * keeps each message, answers 201 (or 410 for a subscription it was told is gone), and lets a
 * test check the VAPID signature (RFC 8292) and decrypt the body with the browser's own keys
 * (RFC 8291, aes128gcm). Tests never reach a real push service.
 */
import assert from 'node:assert/strict';
import { createDecipheriv, createECDH, createHmac, createPublicKey, type ECDH, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testVapid } from './app.ts';

export interface PushService {
  /** Its origin, e.g. http://127.0.0.1:40123: what PUSH_SERVICES must name. */
  base: string;
  /** What it received, in order. */
  received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[];
  /** Paths it answers 410 Gone for. */
  gone: Set<string>;
  close(): Promise<void>;
}

export async function startPushService(): Promise<PushService> {
  const received: PushService['received'] = [];
  const gone = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = gone.has(req.url ?? '') ? 410 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    gone,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserSubscription {
  ecdh: ECDH;
  auth: Buffer;
  /** What a browser's PushSubscription.toJSON() gives. */
  json: { endpoint: string; keys: { p256dh: string; auth: string } };
}

/** A browser's push subscription: its own key pair and auth secret, at an address of the service. */
export function browserSubscription(service: PushService, name: string): BrowserSubscription {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: {
      endpoint: `${service.base}/push/${name}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291: what the user agent does with an aes128gcm message. */
export function decrypt(body: Buffer, browser: BrowserSubscription): string {
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
export function checkVapid(service: PushService, headers: IncomingHttpHeaders): void {
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
  assert.equal(claims.aud, service.base);
  assert.ok(claims.exp > Date.now() / 1000 && claims.exp <= Date.now() / 1000 + 24 * 3600);
  assert.match(claims.sub, /^mailto:/);
  assert.equal(headers['content-encoding'], 'aes128gcm');
  assert.ok(Number(headers.ttl) > 0);
}
