/**
 * Personal data at rest: AES-256-GCM with keys from configuration. A ciphertext names the key
 * that made it, so keys can be rotated: the first key encrypts, every listed key decrypts, and
 * re-encryption moves old values to the new key. Lookups of encrypted values go through an HMAC
 * "blind index" under a separate key.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, randomFillSync } from 'node:crypto';

/** Thrown when a ciphertext was made with a key that is no longer configured, or was tampered with. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

const VERSION = 'v1';

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
  /** Whether a value was sealed with an older key and should be re-sealed. */
  isStale(sealed: string): boolean;
  /** HMAC of a normalised value, to find rows without decrypting them. */
  lookup(value: string): string;
}

export function createSealer(keys: Buffer[], lookupKey: Buffer): Sealer {
  const current = keys[0];
  if (current === undefined) throw new Error('at least one data key is needed');
  const byId = new Map(keys.map((k) => [keyId(k), k]));
  const currentId = keyId(current);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentId, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(
        '.',
      );
    },
    open(sealed) {
      const [version, id, iv, body, tag] = sealed.split('.');
      if (version !== VERSION || id === undefined || iv === undefined || body === undefined || tag === undefined) {
        throw new DecryptionError('not a sealed value');
      }
      const key = byId.get(id);
      if (key === undefined) throw new DecryptionError(`sealed with key ${id}, which is not configured`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new DecryptionError('the sealed value was altered');
      }
    },
    isStale(sealed) {
      return sealed.split('.')[1] !== currentId;
    },
    lookup(value) {
      return createHmac('sha256', lookupKey).update(value.trim().toLowerCase()).digest('base64url');
    },
  };
}

/** A random token for links and cookies, and the hash that is stored in its place. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Random bytes drawn from the system's generator 4 KB at a time, handed out once each. */
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;

/**
 * `length` random bytes (at most 4096) as base64url or hex, from the pool above: the same generator
 * as `randomBytes`, asked once per 4 KB instead of once per call. A form token's secret for every
 * visitor of a kept page asked it per call, and that was a tenth of such a hit's CPU.
 */
export function pooledRandom(length: number, encoding: 'base64url' | 'hex'): string {
  if (length > pool.length) throw new RangeError(`at most ${pool.length} bytes at a time`);
  if (poolUsed + length > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  const drawn = pool.toString(encoding, poolUsed, poolUsed + length);
  poolUsed += length;
  return drawn;
}
