import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testEngine } from '../../test/helpers/database.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** Listens on a channel; `until(payload)` settles when that payload has been heard. */
async function listen(channel: string) {
  const heard: string[] = [];
  const waiters: { payload: string; resolve: () => void }[] = [];
  const stop = t.app.realtime.subscribe(channel, (payload) => {
    heard.push(payload);
    for (const w of waiters) if (w.payload === payload) w.resolve();
  });
  await t.app.realtime.listening(channel);
  return {
    heard,
    stop,
    until: (payload: string) =>
      new Promise<void>((resolve, reject) => {
        if (heard.includes(payload)) return resolve();
        const timer = setTimeout(() => reject(new Error(`${payload} not heard; heard ${heard.join(' ')}`)), 10_000);
        waiters.push({
          payload,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

describe(`signals between app processes (${testEngine})`, () => {
  test('a burst of signals reaches a listener in order, each one once', async () => {
    const listener = await listen('test_burst');
    // 300 sends of 200 different signals in one turn of the event loop: 100 are repeats.
    for (let i = 0; i < 300; i++) t.app.signals.send('test_burst', `s${i % 200}`);
    await t.app.signals.flush();
    t.app.signals.send('test_burst', 'end');
    await listener.until('end');
    listener.stop();
    assert.deepEqual(listener.heard, [...Array.from({ length: 200 }, (_v, i) => `s${i}`), 'end']);
  });

  test('a signal sent while others are on their way is not lost', async () => {
    const listener = await listen('test_during');
    t.app.signals.send('test_during', 'first');
    // The first batch has left for the database; these wait for the next.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    t.app.signals.send('test_during', 'second');
    t.app.signals.send('test_during', 'third');
    await listener.until('third');
    listener.stop();
    assert.deepEqual(listener.heard, ['first', 'second', 'third']);
    await t.app.signals.flush();
  });

  test('a bad channel name or an over-long payload is refused at once, not with the batch', async () => {
    const listener = await listen('test_refused');
    assert.throws(() => t.app.signals.send('drop table; --', 'x'), /bad channel name/);
    assert.throws(() => t.app.signals.send('test_refused', 'x'.repeat(8000)), /too long/);
    t.app.signals.send('test_refused', 'fine');
    await listener.until('fine');
    listener.stop();
    assert.deepEqual(listener.heard, ['fine']);
  });
});
