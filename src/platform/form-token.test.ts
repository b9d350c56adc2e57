import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signer } from '@fastify/cookie';
import Tokens from '@fastify/csrf';
import { formTokenMaker } from './form-token.ts';

const ATTRIBUTES = '; Path=/; HttpOnly; SameSite=Lax';

/** The secret and its signature in a Set-Cookie header made by the maker. */
function cookieValue(setCookie: string, name: string): { secret: string; signed: string } {
  assert.ok(setCookie.startsWith(`${name}=`), setCookie);
  assert.ok(setCookie.endsWith(ATTRIBUTES), setCookie);
  const signed = setCookie.slice(name.length + 1, -ATTRIBUTES.length);
  return { secret: signed.slice(0, signed.lastIndexOf('.')), signed };
}

test("a kept page's form token and cookie are the ones the CSRF and cookie plugins make and accept", () => {
  const tokens = Tokens();
  // A short secret, one of exactly a block, one longer than a block (hashed first, RFC 2104), and
  // one with characters beyond ASCII (signed as its UTF-8 bytes, as the plugin signs a string).
  for (const sessionSecret of [
    'bench-session-secret-long-enough-for-the-check',
    'x'.repeat(64),
    'a much longer session secret than one block of SHA-256, as an operator may well choose one',
    'rahasia-sesi-dengan-huruf-é-dan-ü-yang-cukup-panjang',
  ]) {
    const signer = new Signer(sessionSecret);
    const maker = formTokenMaker(sessionSecret, 'csrf', () => ATTRIBUTES);
    const made = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { token, setCookie } = maker.make();
      const { secret, signed } = cookieValue(setCookie, 'csrf');
      assert.match(secret, /^[A-Za-z0-9_-]{24}$/);
      assert.equal(signed, signer.sign(secret), 'signed as the cookie plugin signs');
      assert.deepEqual(signer.unsign(signed), { valid: true, renew: false, value: secret });
      assert.ok(tokens.verify(secret, token), 'the CSRF plugin accepts the token with its secret');
      assert.ok(!made.has(token));
      made.add(token);
    }
    // A token is worth nothing with another visitor's secret, and a signature nothing under another key.
    const a = maker.make();
    const b = maker.make();
    assert.ok(!tokens.verify(cookieValue(b.setCookie, 'csrf').secret, a.token));
    assert.equal(new Signer(`${sessionSecret}!`).unsign(cookieValue(a.setCookie, 'csrf').signed).valid, false);
  }
});

test('the cookie attributes are asked for once, when the first token is made', () => {
  let asked = 0;
  const maker = formTokenMaker('bench-session-secret-long-enough-for-the-check', 'csrf', () => {
    asked++;
    return '; Path=/; HttpOnly; Secure; SameSite=Lax';
  });
  assert.equal(asked, 0);
  const first = maker.make();
  const second = maker.make();
  assert.equal(asked, 1);
  for (const { setCookie } of [first, second])
    assert.match(setCookie, /^csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
});
