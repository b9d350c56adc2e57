import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pooledRandom } from './crypto.ts';

test('secrets drawn from the random pool are the length asked for and never repeat, across refills', () => {
  const seen = new Set<string>();
  // 18 bytes from a pool of 4096: some 230 draws a pool, so this crosses it many times.
  for (let i = 0; i < 5000; i++) {
    const secret = pooledRandom(18, 'base64url');
    assert.match(secret, /^[A-Za-z0-9_-]{24}$/);
    assert.ok(!seen.has(secret), `drawn twice: ${secret}`);
    seen.add(secret);
  }
  // Not all zero bytes, a refill that did not happen.
  assert.ok(![...seen].some((s) => s === 'AAAAAAAAAAAAAAAAAAAAAAAA'));
  assert.match(pooledRandom(6, 'hex'), /^[0-9a-f]{12}$/);
  assert.throws(() => pooledRandom(5000, 'hex'), RangeError);
});
