/**
 * Runs every test file with node's test runner: first on the embedded database (PGlite), then,
 * when TEST_DATABASE_URL is set, again on that PostgreSQL server. Fails when a test fails or is
 * skipped, or when no test ran.
 *
 *   npm test                       lint, type check, build, then this
 *   npm run test:unit -- src/x.test.ts   only the files named
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/index.ts';
import { seedCouncil } from '../src/db/seed/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(): string[] {
  const found: string[] = [];
  for (const dir of ['src', 'test']) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.test\.tsx?$/.test(entry.name)) {
        found.push(path.relative(root, path.join(entry.parentPath, entry.name)));
      }
    }
  }
  return found.sort();
}

async function pgliteTemplate(dir: string): Promise<string> {
  const open = await openPglite(undefined);
  await seedCouncil(open.db, 'kota-bekasi');
  const dump = await open.pglite?.dumpDataDir('none');
  await open.close();
  if (dump === undefined) throw new Error('PGlite did not dump its data directory');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

interface Summary {
  pass: number;
  fail: number;
  skipped: number;
  todo: number;
  code: number;
  /** Each failed test with its error and where it was thrown, from the TAP report. */
  failures: string[];
}

/**
 * The failed tests of a TAP report, each with its YAML block (error, expected, stack), leaving out
 * the suites that failed only because a test in them did. Printed last, so that a CI log that keeps
 * only its tail still says why.
 */
function failuresIn(tap: string): string[] {
  const lines = tap.split('\n');
  const failures: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i] ?? '');
    if (heading === null) continue;
    const inner = `${heading[1]}  `;
    const block: string[] = [];
    for (let k = i + 1; k < lines.length && (lines[k] ?? '').startsWith(inner); k++) {
      if (lines[k] === `${inner}...`) break;
      if (lines[k] !== `${inner}---`) block.push((lines[k] ?? '').slice(inner.length));
    }
    if (block.some((line) => line.startsWith("failureType: 'subtestsFailed'"))) continue;
    const shown = block.length > 40 ? [...block.slice(0, 40), `… ${block.length - 40} more lines`] : block;
    failures.push([`✖ ${heading[2]}`, ...shown.map((line) => `    ${line}`)].join('\n'));
  }
  return failures;
}

function run(files: string[], env: Record<string, string>, label: string, work: string): Promise<Summary> {
  const tap = path.join(work, `${label}.tap`);
  const args = [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ];
  console.log(`\n=== ${label}: ${files.length} test files ===`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => {
      // A run that ended before its first test (a file not found) wrote no report: it fails by its code.
      const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
      resolve({
        pass: count('pass'),
        fail: count('fail'),
        skipped: count('skipped'),
        todo: count('todo'),
        code: code ?? 1,
        failures: failuresIn(text),
      });
    });
  });
}

const named = process.argv.slice(2);
const files = named.length > 0 ? named : testFiles();
const work = mkdtempSync(path.join(tmpdir(), 'dewan-tests-'));
let failed = false;
try {
  const template = await pgliteTemplate(work);
  const runs: [string, Record<string, string>][] = [
    ['pglite', { TEST_ENGINE: 'pglite', TEST_PGLITE_TEMPLATE: template }],
  ];
  const server = process.env.TEST_DATABASE_URL;
  if (server !== undefined && server !== '') runs.push(['postgres', { TEST_ENGINE: 'postgres' }]);
  else console.log('TEST_DATABASE_URL is not set: the PostgreSQL pass is left out.');

  const totals: Summary = { pass: 0, fail: 0, skipped: 0, todo: 0, code: 0, failures: [] };
  for (const [label, env] of runs) {
    const summary = await run(files, env, label, work);
    console.log(`${label}: ${summary.pass} passed, ${summary.fail} failed, ${summary.skipped} skipped`);
    if (summary.code !== 0 || summary.fail > 0) failed = true;
    if (summary.skipped > 0 || summary.todo > 0) {
      console.error(
        `${label}: ${summary.skipped + summary.todo} tests were skipped or left to do; that counts as a failure.`,
      );
      failed = true;
    }
    if (summary.pass === 0) {
      console.error(`${label}: no test ran.`);
      failed = true;
    }
    totals.pass += summary.pass;
    totals.fail += summary.fail;
    totals.skipped += summary.skipped;
    totals.failures.push(...summary.failures.map((failure) => `[${label}] ${failure}`));
  }
  if (totals.failures.length > 0) console.log(`\n=== what failed ===\n${totals.failures.join('\n\n')}`);
  console.log(`\n${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
