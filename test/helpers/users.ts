/** Accounts for tests: made directly in the database, then signed in through the real pages. */
import assert from 'node:assert/strict';
import { generate, generateSecret } from 'otplib';
import { hashPassword } from '../../src/accounts/passwords.ts';
import type { Role } from '../../src/db/schema.ts';
import { isOfficial } from '../../src/platform/permissions.ts';
import { Agent } from './agent.ts';
import type { TestApp } from './app.ts';

export interface TestUser {
  id: number;
  role: Role;
  name: string;
  email: string;
  password: string;
  totpSecret: string | undefined;
}

let counter = 0;
const passwordHash = hashPassword('correct horse battery staple');

export async function createUser(
  t: TestApp,
  role: Role,
  options: { totp?: boolean; verified?: boolean; name?: string } = {},
): Promise<TestUser> {
  counter++;
  const email = `${role}${counter}.${process.pid}@example.org`;
  const name = options.name ?? `Uji ${role} ${counter}`;
  const totp = options.totp ?? isOfficial(role);
  const totpSecret = totp ? generateSecret({ length: 20 }) : undefined;
  const sealer = t.app.sealer;
  const row = await t.database.db
    .insertInto('app_user')
    .values({
      email_lookup: sealer.lookup(email),
      email_sealed: sealer.seal(email),
      name_sealed: sealer.seal(name),
      password_hash: await passwordHash,
      role,
      status: 'active',
      email_verified_at: options.verified === false ? null : new Date(),
      totp_sealed: totpSecret === undefined ? null : sealer.seal(totpSecret),
      totp_enabled_at: totpSecret === undefined ? null : new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, role, name, email, password: 'correct horse battery staple', totpSecret };
}

/** A code the authenticator app would show now. */
export function totpCode(secret: string): Promise<string> {
  return generate({ secret });
}

/** Signs in through /masuk (and /masuk/2fa when the account has a second factor). */
export async function signIn(t: TestApp, user: TestUser, agent = new Agent(t.app)): Promise<Agent> {
  await agent.get('/masuk');
  const res = await agent.post('/masuk', { email: user.email, password: user.password });
  assert.equal(res.statusCode, 303, `sign-in of ${user.email}: ${res.body.slice(0, 300)}`);
  if (user.totpSecret !== undefined) {
    assert.match(res.headers.location as string, /^\/masuk\/2fa/);
    // Each code is accepted once; tests sign in often, so forget the last step used.
    await t.database.db.updateTable('app_user').set({ totp_last_step: null }).where('id', '=', user.id).execute();
    await agent.get(res.headers.location as string);
    const passed = await agent.post('/masuk/2fa', { code: await totpCode(user.totpSecret) });
    assert.equal(passed.statusCode, 303, `second factor of ${user.email}: ${passed.body.slice(0, 300)}`);
  }
  return agent;
}

let personAddress = 0;
/**
 * A new user of the role, signed in from an address of their own (198.51.100.0/24): a test that
 * signs many people in is not stopped by the per-address sign-in limit.
 */
export async function signedInPerson(t: TestApp, role: Role): Promise<Agent> {
  personAddress = (personAddress % 250) + 1;
  return signIn(t, await createUser(t, role), new Agent(t.app, `198.51.100.${personAddress}`));
}
