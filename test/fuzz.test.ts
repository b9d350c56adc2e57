/**
 * Bad input, generated: every public page, form and API endpoint gets random strings, huge values,
 * wrong types, unicode edge cases, script payloads, broken multipart and wrong content types in
 * every field it declares (and some it does not). Whatever comes, the answer is never a 5xx, a
 * refusal carries words for the person, markup sent in never comes back unescaped, and a refused
 * request leaves no row behind. FUZZ_SEED repeats a run; FUZZ_RUNS makes it longer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { RouteEntry } from '../src/platform/route-table.ts';
import { Agent } from './helpers/agent.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const runs = Number(process.env.FUZZ_RUNS ?? 10);
const SCRIPT = '<script>alert(1)</script>';

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    '../../../../etc/passwd',
    '9'.repeat(400),
    '-1',
    '0',
    '1e309',
    'NaN',
    '2026-02-30',
    '2026-13-01',
    '25:61',
    '\u202Eevil',
    '\uD800',
    '\uFEFF',
    '𝕏'.repeat(60),
    'ASP-2026-000001',
    'k1',
    'null',
    '[]',
    '{"a":1}',
    '',
    ' ',
  ),
);

/** Everything a refused request could have left behind, counted. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(t.database.db);
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    // Throttles count refusals on purpose; audit and outbox are not "records" a person left.
    if (/throttle|attempt|audit|outbox|kysely/.test(name)) continue;
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(t.database.db);
    out[name] = Number(row.rows[0]?.n ?? 0);
  }
  return out;
}

function problemsOf(route: RouteEntry, status: number, type: string, body: string): string[] {
  const problems: string[] = [];
  const where = `${route.method} ${route.url} → ${status}`;
  if (status >= 500 || status === 0) problems.push(`${where}: server error`);
  if (/\bat [\w.<>]+ \(.*\.tsx?:\d+:\d+\)/.test(body)) problems.push(`${where}: a stack trace`);
  if (type.includes('html') && body.includes(SCRIPT)) problems.push(`${where}: markup came back unescaped`);
  if (status >= 400 && status !== 404 && status !== 405) {
    const words = type.includes('json')
      ? /"(detail|description|message|title|error)"\s*:\s*"[^"]{3,}/.test(body)
      : type.includes('html')
        ? /<h1[^>]*>[^<]{3,}/.test(body) || /class="error-(text|summary)"/.test(body)
        : body.trim().length > 3;
    if (!words) problems.push(`${where}: a refusal without words (${type})`);
  }
  return problems;
}

function fill(url: string, values: string[]): string {
  let i = 0;
  return url.replace(/:(\w+)/g, () => encodeURIComponent((values[i++] || 'x').replace(/[\uD800-\uDFFF]/g, '\uFFFD')));
}

let ip = 0;
const nextIp = () => `10.60.${(++ip >> 8) & 255}.${ip & 255}`;

describe('generated bad input', () => {
  test('public pages and APIs answer every query with a page or a 4xx with words, never a 5xx', async () => {
    const routes = t.app.routeTable.filter(
      (r) => r.method === 'GET' && r.access === 'public' && !r.stream && !r.url.startsWith('/static/'),
    );
    assert.ok(routes.length > 40);
    const problems: string[] = [];
    for (const route of routes) {
      const names = [...new Set([...route.fields, 'q', 'page', 'x'])];
      await fc
        .assert(
          fc.asyncProperty(
            fc.dictionary(fc.constantFrom(...names), nasty, { maxKeys: 4 }),
            fc.array(nasty, { minLength: 3, maxLength: 3 }),
            async (query, params) => {
              const search = new URLSearchParams(query).toString();
              const url = `${fill(route.url, params)}${search === '' ? '' : `?${search}`}`;
              const res = await t.app.inject({ method: 'GET', url, remoteAddress: nextIp() });
              const found = problemsOf(route, res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
              problems.push(...found.map((p) => `${p} [${url.slice(0, 160)}]`));
              return found.length === 0;
            },
          ),
          { seed, numRuns: runs, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    assert.deepEqual(problems.slice(0, 20), []);
  });

  test('public forms refuse bad input with words, store nothing, and survive wrong content types and broken multipart', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'POST' && r.access === 'public');
    assert.ok(routes.length > 10);
    const agent = new Agent(t.app, nextIp());
    await agent.get('/masuk');
    const csrf = agent.csrf() ?? '';
    const cookies = Object.fromEntries(agent.cookies);
    const common = [
      'kind',
      'category',
      'location',
      'title',
      'description',
      'email',
      'phone',
      'name',
      'consent',
      'kode',
      'kontak',
    ];
    const problems: string[] = [];
    const bodies = fc.oneof(
      // A form as a browser sends it, with the token.
      fc.dictionary(fc.constantFrom('x', ...common), nasty, { maxKeys: 6 }).map((form) => ({
        type: 'application/x-www-form-urlencoded',
        payload: new URLSearchParams({ _csrf: csrf, ...form }).toString(),
      })),
      // Wrong types: JSON with numbers, arrays and objects where text is expected.
      fc
        .dictionary(
          fc.constantFrom('_csrf', ...common),
          fc.oneof(fc.integer(), fc.array(fc.string()), fc.object(), nasty),
          { maxKeys: 5 },
        )
        .map((form) => ({ type: 'application/json', payload: JSON.stringify({ _csrf: csrf, ...form }) })),
      // Multipart cut short, with a bad boundary, or with parts that never end.
      fc.constantFrom(
        {
          type: 'multipart/form-data; boundary=zz',
          payload: `--zz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nsetengah`,
        },
        { type: 'multipart/form-data; boundary=zz', payload: '--yy\r\nnonsense\r\n--yy--' },
        { type: 'multipart/form-data', payload: 'no boundary at all' },
        {
          type: 'multipart/form-data; boundary=zz',
          payload: `--zz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--zz\r\nContent-Disposition: form-data; name="photos"; filename="${SCRIPT}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff garbage\r\n--zz--\r\n`,
        },
      ),
      fc.constantFrom(
        { type: 'text/plain', payload: SCRIPT },
        {
          type: 'application/xml',
          payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        },
      ),
    );
    for (const route of routes) {
      await fc
        .assert(
          fc.asyncProperty(bodies, fc.array(nasty, { minLength: 3, maxLength: 3 }), async (body, params) => {
            const url = fill(route.url, params);
            const before = await rowCounts();
            const res = await t.app.inject({
              method: 'POST',
              url,
              payload: body.payload,
              headers: { 'content-type': body.type },
              cookies,
              remoteAddress: nextIp(),
            });
            const found = problemsOf(route, res.statusCode, String(res.headers['content-type'] ?? ''), res.body);
            if (res.statusCode >= 400) {
              const afterwards = await rowCounts();
              for (const [table, n] of Object.entries(afterwards))
                if (n !== before[table])
                  found.push(
                    `${route.method} ${route.url} → ${res.statusCode}: left ${n - (before[table] ?? 0)} row(s) in ${table}`,
                  );
            }
            problems.push(...found.map((p) => `${p} [${body.type}: ${body.payload.slice(0, 120)}]`));
            return found.length === 0;
          }),
          { seed, numRuns: runs * 2, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    assert.deepEqual(problems.slice(0, 20), []);
  });
});
