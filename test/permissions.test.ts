/**
 * Walks every registered route with every role and checks the answer against the permission the
 * route declares: allowed roles get through, the others are sent to sign in (visitors) or
 * refused (403). A route added without a declared permission stops the app from starting at all.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../src/db/schema.ts';
import { can, roles } from '../src/platform/permissions.ts';
import { Agent } from './helpers/agent.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { createUser, signIn, type TestUser } from './helpers/users.ts';

let t: TestApp;
// Readers make the GET requests; writers the POSTs, which may end their own other sessions.
const readers = new Map<Role, TestUser>();
const writers = new Map<Role, TestUser>();
let target: TestUser;
before(async () => {
  t = await buildTestApp();
  for (const role of roles) {
    readers.set(role, await createUser(t, role));
    writers.set(role, await createUser(t, role));
  }
  target = await createUser(t, 'citizen');
});
after(() => t.close());

let ip = 0;
async function agentFor(role: Role | 'visitor', users: Map<Role, TestUser>): Promise<Agent> {
  const agent = new Agent(t.app, `10.9.${Math.floor(++ip / 250)}.${ip % 250}`);
  if (role === 'visitor') return agent;
  const user = users.get(role);
  assert.ok(user);
  return signIn(t, user, agent);
}

function example(url: string): string {
  const values: Record<string, string> = {
    slug: 'tidak-ada-anggota',
    token: 'x'.repeat(43),
    id: String(target.id),
    number: '1',
    kode: 'ASP-2026-999999',
    code: 'ASP-2026-999999',
    name: 'tidak-ada.json',
    day: '1999-01-01',
    doc: '1',
    follower: '1',
    sig: 'xxxxxxxxxxxxxxxx',
    file: 'tidak-ada.ics',
    foto: '1',
    section: '1',
    kind: 'komisi',
    child: '1',
    format: 'csv',
    bulan: '1999-01',
  };
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`add an example value for :${name} (${url}) to this test`);
    return value;
  });
}

test('every route answers every role as its declared permission says', async () => {
  const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/static/'));
  assert.ok(routes.length > 20);
  const problems: string[] = [];
  for (const role of ['visitor', ...roles] as const) {
    const reader = await agentFor(role, readers);
    for (const route of routes) {
      assert.ok(route.access, `${route.method} ${route.url} declares who may call it`);
      const url = example(route.url);
      // A fresh session for each change, so one route (say, signing out) cannot disturb the next.
      const agent = route.method === 'GET' ? reader : await agentFor(role, writers);
      let res: Awaited<ReturnType<Agent['get']>>;
      if (route.method === 'GET' && route.stream) {
        // A stream stays open: its status and headers say enough; the body is not waited for.
        const streamed = await t.app.inject({
          method: 'GET',
          url,
          cookies: Object.fromEntries(agent.cookies),
          remoteAddress: agent.ip,
          payloadAsStream: true,
        });
        streamed.stream().destroy();
        res = streamed;
      } else if (route.method === 'GET') res = await agent.get(url);
      else {
        await agent.get('/');
        const token =
          /name="_csrf" value="([^"]+)"/.exec((await agent.get(role === 'visitor' ? '/masuk' : '/akun')).body)?.[1] ??
          null;
        res = await agent.post(url, {}, { csrf: token });
      }
      const allowed = can(role === 'visitor' ? undefined : role, route.access ?? 'public');
      const toSignIn = res.statusCode === 303 && String(res.headers.location).startsWith('/masuk?lanjut=');
      // A route behind an application key refuses everyone who comes without one, whatever the role.
      const keyRefusal = route.appKey && res.statusCode === 403 && res.body.includes('api_key');
      const refused = !keyRefusal && (res.statusCode === 401 || res.statusCode === 403 || toSignIn);
      const where = `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.headers.location ?? ''}`;
      if (allowed && refused) problems.push(`${where}: should be allowed`);
      if (!allowed && !refused) problems.push(`${where}: should be refused`);
      if (!allowed && role === 'visitor' && route.url.startsWith('/api/') && res.statusCode !== 401)
        problems.push(`${where}: API wants 401`);
      if (!allowed && role !== 'visitor' && res.statusCode !== 403) problems.push(`${where}: signed in, wants 403`);
      if (res.statusCode >= 500) problems.push(`${where}: server error`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the permission catalogue grants what the issue asks', () => {
  assert.equal(can(undefined, 'public'), true);
  assert.equal(can(undefined, 'account.self'), false);
  for (const role of roles) assert.equal(can(role, 'account.self'), true);
  assert.equal(can('citizen', 'backoffice.enter'), false);
  assert.equal(can('staff', 'users.manage'), false);
  assert.equal(can('administrator', 'users.manage'), true);
  assert.equal(can('moderator', 'audit.read'), false);
  assert.equal(can('administrator', 'audit.read'), true);
  // Aspirations: staff triage; members read and respond within their dapil and komisi.
  assert.equal(can('citizen', 'aspiration.read'), false);
  assert.equal(can('moderator', 'aspiration.read'), false);
  assert.equal(can('member', 'aspiration.read'), true);
  assert.equal(can('member', 'aspiration.triage'), false);
  assert.equal(can('member', 'aspiration.respond'), true);
  assert.equal(can('staff', 'aspiration.triage'), true);
  // Who asked for information is the PPID officer's alone (UU 14/2008; UU 27/2022).
  for (const role of roles) assert.equal(can(role, 'ppid.requests'), role === 'ppid', role);
  assert.equal(can('ppid', 'backoffice.enter'), true);
  assert.equal(can('ppid', 'aspiration.read'), false);
});

test('a route that does not declare who may call it stops the app from starting', async () => {
  const other = await buildTestApp();
  try {
    assert.throws(() => other.app.get('/tanpa-izin', async () => 'x'), /does not declare who may call it/);
  } finally {
    await other.close();
  }
});
