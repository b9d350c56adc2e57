/**
 * A form token and its cookie for a visitor served a kept page before routing (platform/page-cache.ts),
 * made exactly as @fastify/csrf-protection makes and later checks them (app.ts registers it with a
 * signed cookie and @fastify/csrf's defaults): a new random secret; the token `salt-sha256(salt-secret)`
 * in base64url; the cookie `secret.hmacSha256(secret)` in base64 without padding, signed with the
 * site's session secret as @fastify/cookie's Signer signs.
 *
 * Why not call the plugins' own functions, as this did before: each hit of a kept page with a form
 * made a Hash and an Hmac object, and under load those cost far more than the hashing itself (a
 * consultation page, a core of its own: 13,100 hits/s with them, 15,800/s with the one-shot `hash`
 * below, 16,400/s with no token made at all). HMAC is computed from its definition (RFC 2104) with
 * the key's two padded blocks prepared once. The tests check both against the plugins' functions.
 */
import { hash } from 'node:crypto';
import { pooledRandom } from './crypto.ts';

/** SHA-256 works on blocks of 64 bytes (RFC 2104 calls it B). */
const BLOCK = 64;
/** The longest secret a cookie holds (the plugin's secrets are 18 bytes: 24 characters). */
const MAX_SECRET = 64;

export interface FormToken {
  /** The value of the form's `_csrf` field. */
  token: string;
  /** The Set-Cookie header that gives the visitor the secret the token was made from. */
  setCookie: string;
}

/**
 * Makes tokens for visitors. `cookieAttributes` is asked once, at the first token, for what follows
 * the cookie's value in its Set-Cookie header ("; Path=/; HttpOnly; SameSite=Lax"); the site makes it
 * with the cookie plugin, which is ready only once the app is.
 */
export function formTokenMaker(sessionSecret: string, cookieName: string, cookieAttributes: () => string) {
  let key = Buffer.from(sessionSecret);
  if (key.length > BLOCK) key = hash('sha256', key, 'buffer');
  // The inner block is followed by the message (the secret), the outer by the inner digest.
  const inner = Buffer.alloc(BLOCK + MAX_SECRET, 0x36);
  const outer = Buffer.alloc(BLOCK + 32, 0x5c);
  for (let i = 0; i < key.length; i++) {
    inner[i] = (inner[i] as number) ^ (key[i] as number);
    outer[i] = (outer[i] as number) ^ (key[i] as number);
  }
  let attributes: string | undefined;

  /** @fastify/cookie's signature of `value`: base64 without its padding (one "=" for 32 bytes). */
  const signature = (value: string): string => {
    const length = inner.write(value, BLOCK, 'latin1');
    hash('sha256', inner.subarray(0, BLOCK + length), 'buffer').copy(outer, BLOCK);
    return hash('sha256', outer, 'base64').slice(0, 43);
  };

  return {
    /** A new visitor's token and cookie. */
    make(): FormToken {
      // A secret as the plugin's secretSync makes it: 18 random bytes as base64url.
      const secret = pooledRandom(18, 'base64url');
      // The plugin's salts are 8 base62 characters; any without "-" (which ends the salt) will do.
      const salt = pooledRandom(6, 'hex');
      attributes ??= cookieAttributes();
      return {
        token: `${salt}-${hash('sha256', `${salt}-${secret}`, 'base64url')}`,
        setCookie: `${cookieName}=${secret}.${signature(secret)}${attributes}`,
      };
    },
  };
}
