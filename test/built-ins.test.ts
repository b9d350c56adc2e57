/**
 * The portal leaves JavaScript's built-ins as V8 made them. A dependency that installs polyfills
 * in the portal's thread slows every caller: pdf.js's legacy build replaced Array.prototype.push
 * with core-js's copy, seven times slower, for every request of the portal (now it is loaded in a
 * worker only, platform/pdf-worker.ts). The app is imported after the built-ins are noted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

const holders: Record<string, object> = {
  Array: Array,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  Object: Object,
  'Object.prototype': Object.prototype,
  JSON: JSON,
  Promise: Promise,
  'Promise.prototype': Promise.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Map.prototype': Map.prototype,
  'Set.prototype': Set.prototype,
  'RegExp.prototype': RegExp.prototype,
  '%TypedArray%.prototype': Object.getPrototypeOf(Uint8Array.prototype) as object,
};

function builtIns(): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [name, holder] of Object.entries(holders))
    for (const key of Reflect.ownKeys(holder)) {
      const property = Object.getOwnPropertyDescriptor(holder, key);
      found.set(`${name}.${String(key)}`, property?.value ?? property?.get);
    }
  return found;
}

const before = builtIns();

test('building the app and answering pages leaves the built-ins as they were', async () => {
  const { buildTestApp } = await import('./helpers/app.ts');
  const t = await buildTestApp();
  try {
    for (const url of ['/', '/anggaran', '/perda', '/konsultasi'])
      assert.equal((await t.app.inject(url)).statusCode, 200, url);
    const after = builtIns();
    const changed = [...after.keys()].filter((key) => !before.has(key) || before.get(key) !== after.get(key));
    assert.deepEqual(changed, []);
  } finally {
    await t.close();
  }
});
