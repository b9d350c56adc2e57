/**
 * npm run bench — how fast the portal is with a realistic volume, measured the same way every time.
 *
 *   npm run bench                          embedded database (PGlite)
 *   DATABASE_URL=postgres://… npm run bench   also on that PostgreSQL server (a fresh database on it)
 *   npm run bench -- --aspirations 20000 --duration 5 --runs 5 --engines postgres
 *
 * For each engine: fills a fresh database (bench/volume.ts), starts the portal as `npm start` does
 * in a child process, and for each page measures requests/s and p50/p99 latency with autocannon at
 * 64 and 256 connections; beside it, the same bytes served from memory by a bare Node http server
 * (the ceiling) in alternating runs; medians of the runs. Then aspiration submissions per second
 * (each committed before its answer) and their median time, the compressed weight of each page's
 * first load (HTML + CSS + JS) against the 30 KB budget, and the server's resident memory. Prints a
 * table and writes bench/results/<time>-<engine>.json. Not part of npm test.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/index.ts';
import { seedCouncil } from '../src/db/seed/index.ts';
import { fillVolume } from './volume.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const volume = {
  aspirations: flag('aspirations', 100_000),
  meetings: flag('meetings', 2000),
  regulations: flag('regulations', 500),
  projects: flag('projects', 1000),
};
const duration = flag('duration', 3);
const runs = flag('runs', 3);
const submissions = flag('submissions', 200);
const engineArg = args.includes('--engines') ? (args[args.indexOf('--engines') + 1] ?? '') : '';
const serverUrl = process.env.DATABASE_URL;
const engines = (engineArg === '' ? ['pglite', ...(serverUrl ? ['postgres'] : [])] : engineArg.split(',')) as (
  | 'pglite'
  | 'postgres'
)[];
const year = Number(new Date().toISOString().slice(0, 4));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? (s[(s.length - 1) / 2] ?? 0)
      : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

interface Child {
  address: string;
  pid: number;
  stop(): Promise<void>;
}

function startPortal(env: Record<string, string | undefined>): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'warn', SEED_DEMO: 'false', TRUST_PROXY: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /is running at (http:\/\/\S+)/.exec(output);
      if (found?.[1] !== undefined) {
        child.stdout.off('data', onData);
        resolve({
          address: found[1],
          pid: child.pid ?? 0,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`the portal stopped (${code}):\n${output}`)));
  });
}

/** A bare Node server answering every request with the same bytes and headers, from memory. */
function ceilingServer(body: Buffer, headers: IncomingHttpHeaders): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': String(headers['content-type'] ?? 'text/html'),
      'content-length': body.length,
    });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

async function load(url: string, connections: number) {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  // Only answers that served the page count: a 503 "come back later" is shed load, not throughput.
  return {
    rps: result['2xx'] / duration,
    answered: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The compressed bytes of a page's first load: the HTML and every style sheet and script it names. */
async function firstLoad(address: string, pagePath: string): Promise<number> {
  const html = await (await fetch(`${address}${pagePath}`)).text();
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
  let total = 0;
  // node:http does not decompress: these are the bytes on the wire, as a browser asking for br gets them.
  for (const url of [pagePath, ...assets])
    total += await new Promise<number>((resolve, reject) =>
      httpGet(`${address}${url}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        let n = 0;
        res.on('data', (chunk: Buffer) => {
          n += chunk.length;
        });
        res.on('end', () => resolve(n));
      }).on('error', reject),
    );
  return total;
}

/** After a load the portal may still be turning requests away (503): wait until it serves again. */
async function quiet(address: string) {
  for (let i = 0; i < 120; i++) {
    const res = await fetch(`${address}/`);
    await res.arrayBuffer();
    if (res.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the portal did not recover within a minute');
}

async function submitMany(address: string, count: number, concurrency: number) {
  const form = await (await fetch(`${address}/aspirasi/baru`)).text();
  const location = /<option value="(\d+)"/.exec(form)?.[1] ?? '';
  const times: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const one = async (n: number) => {
    const forwarded = { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
    const page = await fetch(`${address}/aspirasi/baru`, { headers: forwarded });
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new FormData();
    for (const [k, v] of Object.entries({
      _csrf: csrf,
      kind: 'pengaduan',
      category: 'jalan-jembatan-drainase',
      location,
      title: `Uji beban ${n}`,
      description: 'Saluran tersumbat sampah di depan gang, air meluap ke jalan setiap hujan.',
      email: `beban${n}@example.org`,
      consent: 'yes',
    }))
      body.append(k, v);
    const t0 = performance.now();
    const res = await fetch(`${address}/aspirasi/kirim`, {
      method: 'POST',
      body,
      headers: { cookie, ...forwarded },
      redirect: 'manual',
    });
    await res.arrayBuffer();
    if (res.status === 303) times.push(performance.now() - t0);
    else failures++;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: times.length / seconds, medianMs: median(times), failures };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function prepare(engine: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dewan-bench-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    if (serverUrl === undefined) throw new Error('the postgres engine needs DATABASE_URL');
    const name = `dewan_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    };
  }
  const open = await openDatabase({ dataDir, databaseUrl });
  await seedCouncil(open.db, 'kota-bekasi');
  const t0 = performance.now();
  await fillVolume(open.db, volume, year);
  const fillSeconds = (performance.now() - t0) / 1000;
  const code = await open.db
    .selectFrom('aspiration')
    .select('code')
    .where('status', '=', 'resolved')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  await open.close();
  const secrets = {
    SESSION_SECRET: 'bench-session-secret-long-enough-for-the-check',
    DATA_KEYS: Buffer.alloc(32, 5).toString('base64'),
    LOOKUP_KEY: Buffer.alloc(32, 6).toString('base64'),
  };
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ...secrets },
    code: code.code,
    fillSeconds,
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase();
    },
  };
}

const results: Record<string, unknown>[] = [];
for (const engine of engines) {
  const began = performance.now();
  console.log(`\n${engine}: filling ${JSON.stringify(volume)} …`);
  const place = await prepare(engine);
  console.log(`${engine}: filled in ${place.fillSeconds.toFixed(1)} s; starting the portal`);
  const portal = await startPortal(place.env);
  const pages = [
    { name: 'home', path: '/' },
    { name: '/aspirasi', path: '/aspirasi' },
    {
      name: '/aspirasi filtered+search',
      path: '/aspirasi?kategori=jalan-jembatan-drainase&status=resolved&q=jalan+rusak',
    },
    { name: '/aspirasi/:kode', path: `/aspirasi/${place.code}` },
    { name: '/agenda', path: '/agenda' },
    { name: '/perda?q=', path: '/perda?q=pembangunan' },
    { name: '/api/v1/aspirations', path: '/api/v1/aspirations' },
  ];
  const rows: Record<string, unknown>[] = [];
  try {
    for (const page of pages) {
      // After the previous page's load the portal may still be shedding (503): wait until it serves.
      let res = await fetch(`${portal.address}${page.path}`, { headers: { 'accept-encoding': 'identity' } });
      for (let i = 0; i < 60 && res.status === 503; i++) {
        await new Promise((r) => setTimeout(r, 500));
        res = await fetch(`${portal.address}${page.path}`, { headers: { 'accept-encoding': 'identity' } });
      }
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
      const headers: IncomingHttpHeaders = { 'content-type': res.headers.get('content-type') ?? 'text/html' };
      const ceiling = await ceilingServer(body, headers);
      for (const connections of [64, 256]) {
        const app: Awaited<ReturnType<typeof load>>[] = [];
        const bare: Awaited<ReturnType<typeof load>>[] = [];
        for (let r = 0; r < runs; r++) {
          // Alternating, so a noisy neighbour hurts both sides alike.
          app.push(await load(`${portal.address}${page.path}`, connections));
          bare.push(await load(ceiling.url, connections));
        }
        const row = {
          page: page.name,
          connections,
          rps: median(app.map((a) => a.rps)),
          p50: median(app.map((a) => a.p50)),
          p99: median(app.map((a) => a.p99)),
          shedPerSecond: median(app.map((a) => a.answered - a.rps)),
          non2xx: app.reduce((s, a) => s + a.non2xx, 0),
          errors: app.reduce((s, a) => s + a.errors, 0),
          ceilingRps: median(bare.map((a) => a.rps)),
          ratio: median(app.map((a) => a.rps)) / median(bare.map((a) => a.rps)),
          bytes: body.length,
        };
        rows.push(row);
        console.log(
          `${engine} ${page.name.padEnd(26)} c=${String(connections).padEnd(3)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ceiling ${row.ceilingRps.toFixed(0)}  ratio ${(row.ratio * 100).toFixed(1)}%${row.non2xx + row.errors > 0 ? `  (+${row.shedPerSecond.toFixed(0)}/s answered 503; errors ${row.errors})` : ''}`,
        );
      }
      await ceiling.close();
    }
    await quiet(portal.address);
    const weights: { page: string; bytes: number }[] = [];
    for (const page of [
      ...pages.filter((p) => !p.path.startsWith('/api/')),
      { name: '/aspirasi/baru', path: '/aspirasi/baru' },
      { name: '/anggaran', path: '/anggaran' },
      { name: '/proyek', path: '/proyek' },
    ])
      weights.push({ page: page.name, bytes: await firstLoad(portal.address, page.path) });
    await quiet(portal.address);
    const submitted = await submitMany(portal.address, submissions, 8);
    const rss = rssOf(portal.pid);
    const seconds = (performance.now() - began) / 1000;
    const result = {
      engine,
      volume,
      duration,
      runs,
      pages: rows,
      firstLoad: weights,
      submissions: submitted,
      rssBytes: rss,
      seconds,
    };
    results.push(result);
    mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    const file = path.join(
      root,
      'bench',
      'results',
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${engine}.json`,
    );
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${engine}: first load (compressed HTML + CSS + JS), budget 30 KB`);
    for (const w of weights)
      console.log(
        `  ${w.page.padEnd(28)} ${(w.bytes / 1024).toFixed(1)} KB${w.bytes > 30 * 1024 ? '  OVER BUDGET' : ''}`,
      );
    console.log(
      `${engine}: submissions ${submitted.perSecond.toFixed(1)}/s (8 at a time, each committed before its answer), median ${submitted.medianMs.toFixed(1)} ms${submitted.failures > 0 ? `, ${submitted.failures} failed` : ''}`,
    );
    console.log(
      `${engine}: server resident memory after the run ${(rss / 1024 / 1024).toFixed(0)} MB; ${seconds.toFixed(0)} s in all; ${path.relative(root, file)}`,
    );
  } finally {
    await portal.stop();
    await place.remove();
  }
}

console.log('\nengine    page                       conns  200/s   p50   p99  ceiling  ratio   503/s');
for (const r of results) {
  for (const p of r.pages as {
    page: string;
    connections: number;
    rps: number;
    p50: number;
    p99: number;
    ceilingRps: number;
    ratio: number;
  }[])
    console.log(
      `${String(r.engine).padEnd(9)} ${p.page.padEnd(26)} ${String(p.connections).padStart(5)} ${p.rps.toFixed(0).padStart(7)} ${String(p.p50).padStart(5)} ${String(p.p99).padStart(5)} ${p.ceilingRps.toFixed(0).padStart(8)} ${(p.ratio * 100).toFixed(1).padStart(5)}%`,
    );
}
