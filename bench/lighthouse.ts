/**
 * npm run bench:lighthouse — Lighthouse 12's mobile performance score of the main pages, as a
 * cheap phone on a slow 4G network sees them (Lighthouse's default: Moto G Power emulation,
 * simulated throttling), with Debian's Chromium.
 *
 *   npm run bench:lighthouse                  3 runs of each page, medians
 *   npm run bench:lighthouse -- --runs 5 --pages /,/agenda
 *
 * Starts the portal as `npm start` does (embedded database with the demo data, in a folder of its
 * own), asks each page once so the page cache holds it as it would in use, then runs Lighthouse on
 * each page in a fresh headless Chromium. Prints the score and the metrics behind it, and writes
 * bench/results/lighthouse-latest.md. Not part of npm test.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 3);
const pages = (option('pages') ?? '/,/agenda,/perda,/anggaran,/aspirasi,/aspirasi/baru,/anggota,/kios').split(',');
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Measure {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
  bytes: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function startPortal(): Promise<{ address: string; stop: () => void; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dewan-lighthouse-'));
  const logFile = path.join(dataDir, 'portal.log');
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: path.join(dataDir, 'data'), SEED_DEMO: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  for (let i = 0; i < 1200; i++) {
    const found = /is running at (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'));
    if (found?.[1] !== undefined) return { address: found[1], stop: () => child.kill('SIGTERM'), dataDir };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the portal did not start:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
}

async function measure(url: string): Promise<Measure> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromium,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const lhr = result?.lhr;
    if (lhr === undefined) throw new Error(`no Lighthouse result for ${url}`);
    if (lhr.runtimeError !== undefined) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
      bytes: audit('total-byte-weight'),
    };
  } finally {
    chrome.kill();
  }
}

const portal = await startPortal();
const rows: string[] = [];
let lowest = 100;
try {
  for (const page of pages) await fetch(`${portal.address}${page}`).then((r) => r.arrayBuffer());
  console.log(`Lighthouse 12, mobile (simulated slow 4G, 4x CPU slowdown), ${runs} runs each, medians\n`);
  const header = '| page | score | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | transferred KB |';
  rows.push(header, '| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(header);
  for (const page of pages) {
    const measures: Measure[] = [];
    for (let i = 0; i < runs; i++) measures.push(await measure(`${portal.address}${page}`));
    const m = (key: keyof Measure) => median(measures.map((x) => x[key]));
    const scores = measures.map((x) => x.score).join(', ');
    lowest = Math.min(lowest, m('score'));
    const row = `| ${page} | ${m('score')} (${scores}) | ${Math.round(m('fcp'))} | ${Math.round(m('lcp'))} | ${Math.round(m('tbt'))} | ${m('cls').toFixed(3)} | ${Math.round(m('si'))} | ${(m('bytes') / 1024).toFixed(1)} |`;
    rows.push(row);
    console.log(row);
  }
} finally {
  portal.stop();
  rmSync(portal.dataDir, { recursive: true, force: true });
}
const results = path.join(root, 'bench/results');
mkdirSync(results, { recursive: true });
writeFileSync(
  path.join(results, 'lighthouse-latest.md'),
  `# Lighthouse mobile performance (${new Date().toISOString()})\n\nLighthouse 12, Chromium ${chromium}, ${runs} runs a page, medians (each run's score in brackets).\n\n${rows.join('\n')}\n`,
);
console.log(`\nlowest median score: ${lowest} (target ≥ 95)`);
process.exitCode = lowest >= 95 ? 0 : 1;
