import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { RESET_ANSWER_MS } from './routes.tsx';

let t: TestApp;
let mailbox: Mailbox;
let ipCounter = 0;
/** Each test comes from its own address, so rate limits of one test do not touch another. */
const agent = () => new Agent(t.app, `198.51.100.${++ipCounter}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

const countUsers = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a citizen creates an account', () => {
  test('signs up, confirms by the emailed link, signs in and out', async () => {
    const a = agent();
    await a.get('/daftar');
    const res = await a.post('/daftar', {
      name: 'Siti Warga',
      email: 'Siti.Warga@Example.org',
      password: 'pohon mangga di depan rumah',
      consent: 'yes',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Periksa email Anda/);
    await t.app.outbox.deliverDue();
    const [mail] = mailbox.to('siti.warga@example.org');
    assert.ok(mail, 'a confirmation email arrives');
    assert.match(mail.subject, /Konfirmasi pendaftaran/);

    // Before confirming, sign-in is refused and a fresh link is sent.
    await a.get('/masuk');
    const early = await a.post('/masuk', { email: 'siti.warga@example.org', password: 'pohon mangga di depan rumah' });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /belum dikonfirmasi/);
    await t.app.outbox.deliverDue();
    const fresh = mailbox.to('siti.warga@example.org')[1];
    assert.ok(fresh);

    // The first link was retired by the second.
    assert.equal((await a.get(linkIn(mail))).statusCode, 400);
    const confirmed = await a.get(linkIn(fresh));
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, '/masuk?pesan=aktif');
    assert.equal((await a.get(linkIn(fresh))).statusCode, 400, 'a link works once');

    await a.get('/masuk?pesan=aktif');
    const signedIn = await a.post('/masuk', {
      email: 'siti.warga@example.org',
      password: 'pohon mangga di depan rumah',
    });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/akun');
    const account = await a.get('/akun');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Siti Warga/);
    assert.match(account.body, /siti\.warga@example\.org/);
    assert.equal(account.headers['cache-control'], 'private, no-cache');

    const out = await a.post('/keluar', {});
    assert.equal(out.headers.location, '/masuk?pesan=keluar');
    const after = await a.get('/akun');
    assert.equal(after.statusCode, 303);
    assert.match(after.headers.location as string, /^\/masuk\?lanjut=/);
  });

  test('personal data is stored encrypted, with the consent that was given', async () => {
    const a = agent();
    await a.submit('/daftar', '/daftar', {
      name: 'Budi Rahasia',
      email: 'budi.rahasia@example.org',
      password: 'sepeda biru tua sekali',
      consent: 'yes',
    });
    const row = await t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('email_lookup', '=', t.app.sealer.lookup('budi.rahasia@example.org'))
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    assert.doesNotMatch(stored, /budi\.rahasia|Budi Rahasia/);
    assert.equal(t.app.sealer.open(row.name_sealed), 'Budi Rahasia');
    assert.match(row.password_hash ?? '', /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(row.consent_version, '2026-11');
    assert.ok(row.consent_at instanceof Date);
  });

  test('bad input gets a message beside each field, and nothing is stored', async () => {
    const before = await countUsers();
    const a = agent();
    await a.get('/daftar');
    const res = await a.post('/daftar', { name: '', email: 'bukan-email', password: 'password123', consent: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Ada yang perlu diperbaiki/);
    assert.match(res.body, /href="#email">Tulis alamat email yang benar/);
    assert.match(res.body, /href="#name">Tulis nama Anda\.<\/a>/);
    assert.match(res.body, /id="name-error">Tulis nama Anda\.<\/p>/);
    assert.match(res.body, /terlalu umum/);
    assert.match(res.body, /perlu menyetujui pemrosesan data pribadi/);
    assert.match(res.body, /value="bukan-email"/, 'what was typed is kept');
    assert.doesNotMatch(res.body, /value="password123"/, 'a password is never echoed');
    const short = await a.post('/daftar', { name: 'X', email: 'x@example.org', password: 'pendek', consent: 'yes' });
    assert.match(short.body, /paling sedikit 10 karakter/);
    const huge = await a.post('/daftar', {
      name: 'x'.repeat(5000),
      email: 'x@example.org',
      password: 'a'.repeat(20),
      consent: 'yes',
    });
    assert.equal(huge.statusCode, 400);
    assert.equal(await countUsers(), before);
  });

  test('signing up with a registered address reveals nothing and warns the owner', async () => {
    const owner = await createUser(t, 'citizen');
    const a = agent();
    await a.get('/daftar');
    const res = await a.post('/daftar', {
      name: 'Penyusup',
      email: owner.email,
      password: 'kata sandi yang panjang',
      consent: 'yes',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Periksa email Anda/);
    await t.app.outbox.deliverDue();
    const [mail] = mailbox.to(owner.email);
    assert.match(mail?.subject ?? '', /Percobaan pendaftaran/);
  });
});

describe('signing in', () => {
  test('a wrong password and an unknown address get the same answer', async () => {
    const user = await createUser(t, 'citizen');
    const a = agent();
    await a.get('/masuk');
    const wrong = await a.post('/masuk', { email: user.email, password: 'bukan kata sandinya' });
    const unknown = await a.post('/masuk', { email: 'tidak.ada@example.org', password: 'bukan kata sandinya' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(unknown.statusCode, 400);
    const message = (body: string) => /<a href="#email">([^<]+)<\/a>/.exec(body)?.[1];
    assert.equal(message(wrong.body), 'Email atau kata sandi salah.');
    assert.equal(message(unknown.body), message(wrong.body));
  });

  test('repeated failures lock the account with a growing wait, even for the right password', async () => {
    const user = await createUser(t, 'citizen');
    const a = agent();
    await a.get('/masuk');
    for (let i = 1; i <= 4; i++)
      assert.equal((await a.post('/masuk', { email: user.email, password: `salah ${i} kali ya` })).statusCode, 400);
    const locked = await a.post('/masuk', { email: user.email, password: 'salah lima kali ya' });
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /Terlalu banyak percobaan yang gagal\. Coba lagi setelah 1 menit/);
    const right = await a.post('/masuk', { email: user.email, password: user.password });
    assert.equal(right.statusCode, 429, 'the right password does not open a locked account');
    // When the lock has passed, the right password works and the count starts again.
    const lookup = t.app.sealer.lookup(user.email);
    await t.database.db
      .updateTable('sign_in_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('email_lookup', '=', lookup)
      .execute();
    const later = await a.post('/masuk', { email: user.email, password: user.password });
    assert.equal(later.statusCode, 303);
    const row = await t.database.db
      .selectFrom('sign_in_throttle')
      .select('failures')
      .where('email_lookup', '=', lookup)
      .executeTakeFirst();
    assert.equal(row, undefined, 'a successful sign-in clears the count');
  });

  test('twenty wrong passwords at the same moment all count: the account is locked after them', async () => {
    const user = await createUser(t, 'citizen');
    // Each from its own address, as a guessing script spread over many would send them.
    const agents = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const a = new Agent(t.app, `192.0.2.${100 + i}`);
        await a.get('/masuk');
        return a;
      }),
    );
    const answers = await Promise.all(
      agents.map((a, i) => a.post('/masuk', { email: user.email, password: `tebakan ke-${i} yang salah` })),
    );
    assert.ok(answers.every((r) => r.statusCode === 400 || r.statusCode === 429));
    const row = await t.database.db
      .selectFrom('sign_in_throttle')
      .select(['failures', 'locked_until'])
      .where('email_lookup', '=', t.app.sealer.lookup(user.email))
      .executeTakeFirstOrThrow();
    assert.equal(row.failures, 20, 'every failure was counted');
    assert.ok(row.locked_until !== null && row.locked_until > new Date(), 'the account is locked');
    const right = await agents[0]?.post('/masuk', { email: user.email, password: user.password });
    assert.equal(right?.statusCode, 429, 'the right password does not open it now');
  });

  test('an address without an account locks the same way, so the lock reveals nothing', async () => {
    const a = agent();
    await a.get('/masuk');
    const answers: number[] = [];
    for (let i = 1; i <= 5; i++)
      answers.push(
        (await a.post('/masuk', { email: 'tidak.pernah.daftar@example.org', password: `coba ${i} kali lagi` }))
          .statusCode,
      );
    assert.deepEqual(answers, [400, 400, 400, 400, 429]);
    const locked = await a.post('/masuk', {
      email: 'tidak.pernah.daftar@example.org',
      password: 'coba enam kali lagi',
    });
    assert.match(locked.body, /Terlalu banyak percobaan yang gagal/);
  });

  test('too many attempts from one address get 429 with Retry-After and a page that says so', async () => {
    const a = agent();
    await a.get('/masuk');
    const token = a.csrf();
    let last = await a.post('/masuk', { email: 'a@example.org', password: 'x'.repeat(12) }, { csrf: token });
    for (let i = 0; i < 10; i++)
      last = await a.post('/masuk', { email: 'a@example.org', password: 'x'.repeat(12) }, { csrf: token });
    assert.equal(last.statusCode, 429);
    assert.ok(Number(last.headers['retry-after']) > 0);
    assert.match(last.body, /Terlalu banyak permintaan/);
    assert.match(last.body, /Coba lagi dalam \d+ detik/);
  });

  test('every sign-in gets a new session; a cookie set beforehand is never promoted', async () => {
    const user = await createUser(t, 'citizen');
    const a = agent();
    a.cookies.set('sid', 'planted-by-an-attacker-000000000000000000');
    await signIn(t, user, a);
    const sid = a.cookies.get('sid');
    assert.ok(sid);
    assert.notEqual(sid, 'planted-by-an-attacker-000000000000000000');
    await signIn(t, user, a);
    assert.notEqual(a.cookies.get('sid'), sid, 'signing in again rotates the session');
    const stale = new Agent(t.app);
    stale.cookies.set('sid', sid);
    assert.equal((await stale.get('/akun')).statusCode, 303, 'the old session is gone');
  });

  test('a session ends after the idle time and after the absolute lifetime', async () => {
    const user = await createUser(t, 'citizen');
    const a = await signIn(t, user);
    assert.equal((await a.get('/akun')).statusCode, 200);
    await t.database.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 121 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    assert.equal((await a.get('/akun')).statusCode, 303, 'idle for 121 minutes');
    const b = await signIn(t, user);
    await t.database.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    assert.equal((await b.get('/akun')).statusCode, 303, 'past its absolute expiry');
  });

  test('a person sees their sessions and can end every other one', async () => {
    const user = await createUser(t, 'citizen');
    const phone = await signIn(t, user, agent());
    const laptop = await signIn(t, user, agent());
    const page = await laptop.get('/akun');
    assert.equal((page.body.match(/terakhir aktif/g) ?? []).length, 2);
    assert.match(page.body, /\(sesi ini\)/);
    const res = await laptop.post('/akun/keluar-semua', {});
    assert.equal(res.headers.location, '/akun?pesan=keluar-semua');
    assert.equal((await laptop.get('/akun')).statusCode, 200);
    assert.equal((await phone.get('/akun')).statusCode, 303);
  });
});

describe('forms are protected against cross-site requests', () => {
  test('a POST without a valid CSRF token is refused with a clear page', async () => {
    const user = await createUser(t, 'citizen');
    const a = await signIn(t, user);
    const none = await a.post('/akun/keluar-semua', {}, { csrf: null });
    assert.equal(none.statusCode, 403);
    assert.match(none.body, /Formulir ini sudah kedaluwarsa/);
    const forged = await a.post('/akun/keluar-semua', {}, { csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);
    const other = agent();
    await other.get('/masuk');
    const foreign = await a.post('/akun/keluar-semua', {}, { csrf: other.csrf() });
    assert.equal(foreign.statusCode, 403, 'a token from another visitor does not fit this one');
    const signUp = await agent().post(
      '/daftar',
      { name: 'x', email: 'x@example.org', password: 'y'.repeat(12), consent: 'yes' },
      { csrf: null },
    );
    assert.equal(signUp.statusCode, 403);
  });
});

describe('passwords', () => {
  test('asking for a reset takes as long whether or not the address has an account', async () => {
    const user = await createUser(t, 'citizen');
    const a = agent();
    await a.get('/lupa-sandi');
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await a.post('/lupa-sandi', { email });
      assert.equal(res.statusCode, 200);
      return { ms: performance.now() - started, body: res.body.replace(/value="[^"]{20,}"/g, '') };
    };
    const known = await timed(user.email);
    const unknown = await timed(`tidak.ada.${Date.now()}@example.org`);
    // No timing is compared: both answers wait for the same floor, which is longer than the work.
    assert.ok(known.ms >= RESET_ANSWER_MS && unknown.ms >= RESET_ANSWER_MS, `${known.ms} / ${unknown.ms} ms`);
    assert.equal(
      known.body.replace(user.email, 'X'),
      unknown.body.replace(/tidak\.ada\.\d+@example\.org/, 'X'),
      'the same page either way',
    );
  });

  test('a forgotten password is reset by a single-use link, ending every session', async () => {
    const user = await createUser(t, 'citizen');
    const old = await signIn(t, user);
    const a = agent();
    await a.get('/lupa-sandi');
    const res = await a.post('/lupa-sandi', { email: user.email });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /tautan untuk mengatur kata sandi sudah dikirim/);
    await a.post('/lupa-sandi', { email: 'tidak.terdaftar@example.org' });
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('tidak.terdaftar@example.org').length, 0);
    const link = linkIn(mailbox.to(user.email)[0]);
    await a.get(link);
    const weak = await a.post(link, { password: 'qwertyuiop' });
    assert.equal(weak.statusCode, 400);
    const done = await a.post(link, { password: 'sawah hijau di kampung' });
    assert.equal(done.headers.location, '/masuk?pesan=sandi-baru');
    assert.equal((await old.get('/akun')).statusCode, 303, 'the old session ended');
    await a.get(link);
    assert.equal((await a.get(link)).statusCode, 400, 'the link is used up');
    await signIn(t, { ...user, password: 'sawah hijau di kampung' });
  });

  test('changing the password needs the current one and ends other sessions', async () => {
    const user = await createUser(t, 'citizen');
    const other = await signIn(t, user);
    const a = await signIn(t, user);
    await a.get('/akun');
    const wrong = await a.post('/akun/sandi', { current: 'bukan ini sandinya', password: 'gunung salak tinggi' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Kata sandi sekarang salah/);
    const ok = await a.post('/akun/sandi', { current: user.password, password: 'gunung salak tinggi' });
    assert.equal(ok.headers.location, '/akun?pesan=sandi');
    assert.equal((await a.get('/akun')).statusCode, 200);
    assert.equal((await other.get('/akun')).statusCode, 303);
  });
});
