/**
 * The bench's load and its ceiling, each in a process of its own so that neither competes with the
 * measuring code: Debian's `wrk` (autocannon's CLI with workers only when wrk is missing), and
 * nginx (Debian's nginx-light) serving the same bytes from files with gzip_static, from a
 * temporary configuration started and stopped here.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LoadResult {
  /** Answers with a 2xx or 3xx status per second: served, not shed. */
  rps: number;
  /** Every answer per second, including 4xx/5xx. */
  answered: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** What a Lua script counted per second and printed as "Counted: n" (wrk only), e.g. aspirations sent. */
  countedPerSecond?: number;
}

/** What a browser sends: it takes brotli and gzip. */
export const browserEncoding = { 'accept-encoding': 'gzip, deflate, br' };

const require = createRequire(import.meta.url);
export const hasWrk = () => existsSync('/usr/bin/wrk');

/** "1.23ms", "850.00us", "1.02s" in milliseconds. */
function millis(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (m === null) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

/** Parses wrk's --latency report. */
export function parseWrk(output: string, seconds: number): LoadResult {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socket === null ? 0 : socket.slice(1).reduce((s, n) => s + Number(n), 0);
  const percentile = (p: string) => millis(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output)?.[1] ?? '');
  const elapsed = Number(/requests in ([\d.]+)s/.exec(output)?.[1] ?? seconds);
  const counted = /^Counted: (\d+)/m.exec(output)?.[1];
  return {
    ...(counted === undefined ? {} : { countedPerSecond: Number(counted) / elapsed }),
    rps: (requests - non2xx) / elapsed,
    answered: requests / elapsed,
    p50: percentile('50'),
    p99: percentile('99'),
    non2xx,
    errors,
  };
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}):\n${out}`)),
    );
  });
}

/** How many loads with a script this bench has made: the number each script is given (bench/searches.ts). */
let scriptedLoads = 0;

/**
 * Loads `url` for `seconds` with `connections` open at once. A Lua script (wrk only) may make each
 * request differ (e.g. a new search each time); it is given the load's number.
 */
export async function load(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string>; script?: string },
): Promise<LoadResult> {
  const headers = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  if (hasWrk()) {
    const args = ['-t', '2', '-c', String(options.connections), '-d', `${options.seconds}s`, '--latency', ...headers];
    let dir: string | undefined;
    if (options.script !== undefined) {
      dir = mkdtempSync(path.join(tmpdir(), 'dewan-wrk-'));
      const file = path.join(dir, 'requests.lua');
      writeFileSync(file, options.script);
      args.push('-s', file);
    }
    try {
      const scriptArgs = dir === undefined ? [] : ['--', String(++scriptedLoads)];
      return parseWrk(await run('/usr/bin/wrk', [...args, url, ...scriptArgs]), options.seconds);
    } finally {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    }
  }
  // The fallback: autocannon's command line, in its own process, with two workers.
  const out = await run(process.execPath, [
    path.join(path.dirname(require.resolve('autocannon')), 'autocannon.js'),
    '--json',
    '-w',
    '2',
    '-c',
    String(options.connections),
    '-d',
    String(options.seconds),
    ...headers,
    url,
  ]);
  const json = JSON.parse(out.slice(out.indexOf('{'))) as {
    '2xx': number;
    requests: { total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    rps: json['2xx'] / options.seconds,
    answered: json.requests.total / options.seconds,
    p50: json.latency.p50,
    p99: json.latency.p99,
    non2xx: json.non2xx,
    errors: json.errors + json.timeouts,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Ceiling {
  /** The address of each file given, by its name. */
  url(name: string): string;
  stop(): Promise<void>;
}

/**
 * nginx serving the given bytes as files, each with a .gz made at the highest level beside it
 * (gzip_static: what a browser asking for gzip or brotli gets from it), from a temporary folder.
 */
export async function startNginx(files: Record<string, { body: Buffer; type: string }>): Promise<Ceiling> {
  if (!existsSync('/usr/sbin/nginx')) throw new Error('nginx is missing: run bench/ensure-tools.sh');
  const dir = mkdtempSync(path.join(tmpdir(), 'dewan-nginx-'));
  // nginx's workers drop root for an unprivileged user, who must be able to read the files.
  chmodSync(dir, 0o755);
  const root = path.join(dir, 'root');
  mkdirSync(root, { mode: 0o755 });
  const types = new Map<string, string>();
  for (const [name, file] of Object.entries(files)) {
    writeFileSync(path.join(root, name), file.body);
    writeFileSync(path.join(root, `${name}.gz`), gzipSync(file.body, { level: 9 }));
    types.set(path.extname(name).slice(1), file.type.split(';')[0] ?? 'text/html');
  }
  const port = await freePort();
  const typeLines = [...types].map(([ext, type]) => `${type} ${ext};`).join(' ');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  types { ${typeLines} }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=1000 inactive=60s;
  gzip_static on;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { etag on; }
  }
}
`,
  );
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/${Object.keys(files)[0] ?? ''}`);
      await res.arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGQUIT');
      }),
  };
}

/** A bare Fastify server answering "ok", in a process of its own: what /healthz is measured against. */
export async function startBareFastify(): Promise<Ceiling> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const f = require('fastify')(); f.get('/', async () => ({ status: 'ok' })); f.listen({ port: ${port}, host: '127.0.0.1' });`,
    ],
    { stdio: 'ignore', cwd: path.dirname(path.dirname(require.resolve('fastify'))) },
  );
  for (let i = 0; i < 100; i++) {
    try {
      await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url: () => `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Whether wrk is there (else the fallback is used); for the report. */
export function loadGenerator(): string {
  if (!hasWrk()) return 'autocannon (fallback, 2 workers)';
  try {
    return execFileSync('/usr/bin/wrk', ['-v'], { encoding: 'utf8' }).split('\n')[0] ?? 'wrk';
  } catch (error) {
    // wrk -v exits with status 1 after printing its version.
    return String((error as { stdout?: string }).stdout ?? 'wrk').split('\n')[0] ?? 'wrk';
  }
}
