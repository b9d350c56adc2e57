import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { generate } from 'otplib';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox, startMailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn, totpCode } from '../../test/helpers/users.ts';

let t: TestApp;
let mailbox: Mailbox;
let ipCounter = 0;
const agent = () => new Agent(t.app, `192.0.2.${++ipCounter}`);

before(async () => {
  mailbox = await startMailbox();
  t = await buildTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailbox.port) } });
});
after(async () => {
  await t.close();
  await mailbox.close();
});
beforeEach(() => mailbox.clear());

const auditActions = async (userId: number) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(userId))
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('an administrator brings in secretariat staff', () => {
  test('invite → password → mandatory two-step setup → back office', async () => {
    const admin = await createUser(t, 'administrator');
    const adminAgent = await signIn(t, admin, agent());
    const page = await adminAgent.get('/kelola/pengguna');
    assert.equal(page.statusCode, 200);
    const invite = await adminAgent.post('/kelola/pengguna', {
      name: 'Rina Staf',
      email: 'rina.staf@example.org',
      role: 'staff',
      member: '',
    });
    assert.equal(invite.headers.location, '/kelola/pengguna?pesan=undangan');
    await t.app.outbox.deliverDue();
    const [mail] = mailbox.to('rina.staf@example.org');
    assert.match(mail?.text ?? '', /sebagai staf sekretariat/);

    const staff = agent();
    const link = linkIn(mail);
    const form = await staff.get(link);
    assert.match(form.body, /Anda diundang sebagai staf sekretariat/);
    const accepted = await staff.post(link, { password: 'meja kerja sekretariat' });
    assert.equal(accepted.headers.location, '/masuk?pesan=aktif');
    assert.equal((await staff.get(link)).statusCode, 400, 'an invitation is used once');

    await staff.get('/masuk');
    const signedIn = await staff.post('/masuk', { email: 'rina.staf@example.org', password: 'meja kerja sekretariat' });
    assert.match(signedIn.headers.location as string, /^\/masuk\/2fa/);
    // Password alone opens nothing for an official: every page sends them to set up 2FA.
    const kelola = await staff.get('/kelola');
    assert.equal(kelola.statusCode, 303);
    assert.equal(kelola.headers.location, '/akun/2fa');
    assert.equal((await staff.get('/masuk/2fa')).headers.location, '/akun/2fa');

    const setup = await staff.get('/akun/2fa');
    assert.equal(setup.statusCode, 200);
    assert.match(setup.body, /<div class="qr" role="img" aria-label="[^"]+"><svg/, 'the QR code is inline SVG');
    const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(setup.body)?.[1]?.replace(/ /g, '');
    assert.ok(secret, 'the key is also shown for typing by hand');
    const wrong = await staff.post('/akun/2fa', { code: '000000' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Kode salah/);
    const before = staff.cookies.get('sid');
    const enrolled = await staff.post('/akun/2fa', { code: await generate({ secret }) });
    assert.equal(enrolled.statusCode, 200);
    const codes = [...enrolled.body.matchAll(/<code>([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})<\/code>/g)].map(
      (m) => m[1] ?? '',
    );
    assert.equal(codes.length, 10);
    assert.notEqual(staff.cookies.get('sid'), before, 'passing the second factor rotates the session');
    assert.equal((await staff.get('/kelola')).statusCode, 200);

    // Staff may not manage users or read the audit log.
    assert.equal((await staff.get('/kelola/pengguna')).statusCode, 403);
    assert.equal((await staff.get('/kelola/audit')).statusCode, 403);

    const row = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email_lookup', '=', t.app.sealer.lookup('rina.staf@example.org'))
      .executeTakeFirstOrThrow();
    assert.deepEqual(await auditActions(row.id), [
      'user.invited',
      'invitation.accepted',
      'signin.succeeded',
      'mfa.enabled',
    ]);
  });

  test('wrong second-step codes are counted per account from any address: the sign-in is ended and locked', async () => {
    const staff = await createUser(t, 'staff');
    const a = agent();
    await a.get('/masuk');
    await a.post('/masuk', { email: staff.email, password: staff.password });
    await a.get('/masuk/2fa');
    const token = a.csrf();
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The same pending sign-in, guessed from a new address each time.
      const guesser = agent();
      for (const [name, value] of a.cookies) guesser.cookies.set(name, value);
      const res = await guesser.post('/masuk/2fa', { code: String(100000 + i * 7919) }, { csrf: token });
      answers.push(res.statusCode);
      if (i === 4) assert.match(res.body, /Terlalu banyak kode yang salah/);
    }
    assert.deepEqual(answers, [400, 400, 400, 400, 429]);
    const right = await a.post('/masuk/2fa', { code: await totpCode(staff.totpSecret ?? '') }, { csrf: token });
    assert.match(String(right.headers.location), /^\/masuk\?/, 'the pending sign-in is over');
    assert.match(String((await a.get('/kelola')).headers.location), /^\/masuk\?/);

    // Signing in again with the password does not reopen the codes before the lock has passed.
    const b = agent();
    await b.get('/masuk');
    await b.post('/masuk', { email: staff.email, password: staff.password });
    await b.get('/masuk/2fa');
    const locked = await b.post('/masuk/2fa', { code: await totpCode(staff.totpSecret ?? '') });
    assert.equal(locked.statusCode, 429, 'not even the right code is taken while locked');
  });

  test('the second step accepts a code once, and each recovery code once', async () => {
    const staff = await createUser(t, 'staff');
    const a = agent();
    await a.get('/masuk');
    const first = await a.post('/masuk', { email: staff.email, password: staff.password });
    assert.match(first.headers.location as string, /^\/masuk\/2fa/);
    assert.equal((await a.get('/kelola')).headers.location, '/masuk/2fa');
    await a.get('/masuk/2fa');
    const code = await totpCode(staff.totpSecret ?? '');
    assert.equal((await a.post('/masuk/2fa', { code })).statusCode, 303);
    assert.equal((await a.get('/kelola')).statusCode, 200);

    const b = agent();
    await b.get('/masuk');
    await b.post('/masuk', { email: staff.email, password: staff.password });
    await b.get('/masuk/2fa');
    const replay = await b.post('/masuk/2fa', { code });
    assert.equal(replay.statusCode, 400, 'an overheard code cannot be used again');

    // Recovery codes: enrol through the pages to get real ones.
    const moderator = await createUser(t, 'moderator', { totp: false });
    const c = await signIn(t, moderator, agent());
    const setup = await c.get('/akun/2fa');
    const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(setup.body)?.[1]?.replace(/ /g, '') ?? '';
    const enrolled = await c.post('/akun/2fa', { code: await generate({ secret }) });
    const recovery = /<code>([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})<\/code>/.exec(enrolled.body)?.[1] ?? '';
    assert.ok(recovery);
    await c.get('/akun');
    await c.post('/keluar', {});

    const withRecovery = async () => {
      const d = agent();
      await d.get('/masuk');
      await d.post('/masuk', { email: moderator.email, password: moderator.password });
      await d.get('/masuk/2fa');
      return { agent: d, res: await d.post('/masuk/2fa', { code: recovery.toUpperCase().replace(/-/g, ' ') }) };
    };
    const used = await withRecovery();
    assert.equal(used.res.statusCode, 303, 'a recovery code signs in (however it is typed)');
    assert.equal((await used.agent.get('/kelola')).statusCode, 200);
    assert.match((await used.agent.get('/akun')).body, /9 kode pemulihan belum dipakai/);
    assert.equal((await withRecovery()).res.statusCode, 400, 'a recovery code works once');
  });

  test('an administrator changes a role: the user is signed out everywhere; their own role is untouchable', async () => {
    const admin = await createUser(t, 'administrator');
    const target = await createUser(t, 'staff');
    const targetAgent = await signIn(t, target, agent());
    const adminAgent = await signIn(t, admin, agent());
    const list = await adminAgent.get('/kelola/pengguna');
    assert.ok(list.body.includes(target.email), 'emails are shown to the administrator');
    const read = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'personal_data.read')
      .where('actor_user_id', '=', admin.id)
      .execute();
    assert.ok(read.length >= 1, 'reading the user list is audited');

    const changed = await adminAgent.post(`/kelola/pengguna/${target.id}`, {
      role: 'moderator',
      status: 'active',
      member: '',
    });
    assert.equal(changed.headers.location, '/kelola/pengguna?pesan=diubah');
    assert.equal((await targetAgent.get('/kelola')).statusCode, 303, 'the old session no longer works');
    const row = await t.database.db
      .selectFrom('app_user')
      .select('role')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.role, 'moderator');

    await adminAgent.get('/kelola/pengguna');
    const self = await adminAgent.post(`/kelola/pengguna/${admin.id}`, {
      role: 'citizen',
      status: 'disabled',
      member: '',
    });
    assert.equal(self.statusCode, 400);
    assert.match(self.body, /tidak dapat mengubah peran atau status akun Anda sendiri/);

    await adminAgent.get('/kelola/pengguna');
    const disabled = await adminAgent.post(`/kelola/pengguna/${target.id}`, {
      role: 'moderator',
      status: 'disabled',
      member: '',
    });
    assert.equal(disabled.statusCode, 303);
    const gone = agent();
    await gone.get('/masuk');
    assert.equal((await gone.post('/masuk', { email: target.email, password: target.password })).statusCode, 400);

    await adminAgent.get('/kelola/pengguna');
    const member = await adminAgent.post('/kelola/pengguna', {
      name: 'Anggota Baru',
      email: 'anggota.baru@example.org',
      role: 'member',
      member: '',
    });
    assert.equal(member.statusCode, 400);
    assert.match(member.body, /Pilih anggota DPRD/);
    const exists = await adminAgent.post('/kelola/pengguna', {
      name: 'Dobel',
      email: target.email,
      role: 'staff',
      member: '',
    });
    assert.match(exists.body, /sudah memiliki akun/);
  });
});
