import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const module = fileURLToPath(new URL('./log-destination.ts', import.meta.url));
// The child's file lies outside the project: it names what it imports by where it is.
const pinoAt = import.meta.resolve('pino');

/**
 * A process logging through the batch as the server does, to standard output. Between its steps it
 * blocks its own thread (no timer of its can fire then) and says on standard error where it is.
 */
const script = `
import { writeSync } from 'node:fs';
import pino from ${JSON.stringify(pinoAt)};
import { batchedStdout } from ${JSON.stringify(module)};
const batched = batchedStdout();
const log = pino({ level: 'info', hooks: batched.hooks }, batched.stream);
const block = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const say = (what) => writeSync(2, what + '\\n');
log.info('first');
say('quiet');
await new Promise((r) => setTimeout(r, 2500));
log.info('second');
log.warn('third');
block(2000);
say('after the warning');
log.child({ reqId: 'x' }).info('fourth');
process.exit(0);
`;

test('the log is written in batches: a quiet line within a second or two, a warning at once with what came before, the rest at exit', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dewan-log-'));
  try {
    const file = path.join(dir, 'child.mts');
    writeFileSync(file, script);
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** Every line from either stream in the order this process read them. */
    const seen: string[] = [];
    const read = (from: 'out' | 'err') => (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n'))
        if (line !== '') seen.push(from === 'out' ? String(JSON.parse(line).msg) : `(${line})`);
    };
    child.stdout.on('data', read('out'));
    child.stderr.on('data', read('err'));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, seen.join('\n'));
    assert.deepEqual(seen, ['(quiet)', 'first', 'second', 'third', '(after the warning)', 'fourth']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
