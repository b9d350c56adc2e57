/**
 * What outside clients and an attacker found (issue 13), each as the request that broke: a search
 * of fifty hyphens, a return address in another script, a CSV that spreadsheets misread, an
 * iCalendar file cut short of its last line break, and Open311 answers that were not Open311's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { submitAspiration } from '../src/aspirations/service.ts';
import { getCouncil } from '../src/council/service.ts';
import { deps } from '../src/platform/auth.ts';
import { maskContacts } from '../src/platform/contact.ts';
import { csv } from '../src/platform/feeds.ts';
import { Agent } from './helpers/agent.ts';
import { buildAppWithMailbox, buildTestApp, type TestApp } from './helpers/app.ts';
import { linkIn, type Mailbox } from './helpers/mailbox.ts';
import { createUser, signIn } from './helpers/users.ts';

let t: TestApp;
let mailbox: Mailbox;
before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());

/** An aspiration sent through the service, as the form would, by a reporter with an email address. */
async function fileAspiration(fields: { title: string; description: string; email: string; address?: string }) {
  const structure = await getCouncil(t.database.db);
  const kel = structure.kecamatan[2]?.kelurahan[0];
  const sent = await submitAspiration(deps(t.app), {
    kind: 'pengaduan',
    category: 'jalan-jembatan-drainase',
    location: String(kel?.id),
    showName: false,
    consent: true,
    channel: 'web',
    photos: [],
    userId: null,
    ...fields,
  });
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  return sent;
}

/** Every public output an aspiration appears in: its page, the list, Atom, the API, Open311. */
async function publicOutputs(code: string) {
  return {
    page: (await t.app.inject(`/aspirasi/${code}`)).body,
    list: (await t.app.inject('/aspirasi')).body,
    atom: (await t.app.inject('/aspirasi.atom')).body,
    api: (await t.app.inject(`/api/v1/aspirations/${code}`)).body,
    open311: (await t.app.inject('/open311/v2/requests.json')).body,
    open311xml: (await t.app.inject('/open311/v2/requests.xml')).body,
  };
}

/** A staff officer, signed in, taking one step on an aspiration from its case page. */
async function staffStep(officer: Agent, code: string, form: Record<string, string>) {
  await officer.get(`/kelola/aspirasi/${code}`);
  return officer.post(`/kelola/aspirasi/${code}`, form);
}

describe('what outside clients and an attacker found', () => {
  test('a run of fifty hyphens in any search box is a search, not a server error', async () => {
    const searches = t.app.routeTable.filter(
      (r) => r.method === 'GET' && r.access === 'public' && r.fields.includes('q') && !r.url.includes(':'),
    );
    assert.ok(searches.length >= 6, `the search routes are found (${searches.map((r) => r.url).join(', ')})`);
    for (const q of ['-'.repeat(50), '- '.repeat(50), `jalan ${'--'.repeat(40)} rusak`, 'kata '.repeat(200).trim()]) {
      for (const route of searches) {
        const res = await t.app.inject({ method: 'GET', url: `${route.url}?q=${encodeURIComponent(q)}` });
        assert.ok(res.statusCode < 500, `${route.url}?q=${q.slice(0, 12)}… answered ${res.statusCode}`);
      }
    }
    // The words around the hyphens still search.
    const found = await t.app.inject(`/perda?q=${encodeURIComponent(`bangunan ${'-'.repeat(50)}`)}`);
    assert.equal(found.statusCode, 200);
  });

  test('a return address in another script is followed, encoded, and never leaves the site', async () => {
    const citizen = await createUser(t, 'citizen');
    const a = await signIn(t, citizen, new Agent(t.app, '198.51.100.70'));
    const back = await a.get(`/masuk?lanjut=${encodeURIComponent('/agenda?cari=rapat+€')}`);
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, '/agenda?cari=rapat+%E2%82%AC');
    const page = await a.get(`/masuk?lanjut=${encodeURIComponent('/anggota/Щ')}`);
    assert.equal(page.headers.location, '/anggota/%D0%A9');
    for (const away of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', '/%0d%0aSet-Cookie:x']) {
      const res = await a.get(`/masuk?lanjut=${encodeURIComponent(away)}`);
      assert.equal(res.statusCode, 303, away);
      const location = String(res.headers.location);
      assert.ok(location.startsWith('/') && !location.startsWith('//') && !/[\r\n]/.test(location), location);
    }
    // Signing in with such an address sends the person there too.
    const b = new Agent(t.app, '198.51.100.71');
    await b.get(`/masuk?lanjut=${encodeURIComponent('/agenda?cari=€')}`);
    const signedIn = await b.post('/masuk', {
      email: citizen.email,
      password: citizen.password,
      lanjut: '/agenda?cari=€',
    });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/agenda?cari=%E2%82%AC');
  });

  test('CSV keeps negative numbers as numbers and guards only text that a spreadsheet would run', () => {
    const lines = csv([
      ['lat', 'lon', 'nama', 'catatan', 'tab'],
      [-6.2383, '-6.2383', '=SUM(A1:A2)', '@cmd', '\t=1+2'],
      [106.99, '+62 812', '-ada minus di depan', 'biasa', '\r=x'],
    ])
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    assert.equal(lines[1], `-6.2383,-6.2383,'=SUM(A1:A2),'@cmd,'\t=1+2`);
    assert.equal(lines[2], `106.99,'+62 812,'-ada minus di depan,biasa,"'\r=x"`);
  });

  test('iCalendar feeds end with a line break after END:VCALENDAR', async () => {
    for (const url of ['/agenda.ics']) {
      const body = (await t.app.inject(url)).body;
      assert.ok(body.endsWith('END:VCALENDAR\r\n'), `${url} ends ${JSON.stringify(body.slice(-20))}`);
    }
  });

  test('Open311: the key service is a public page, and an unknown format is answered as Open311', async () => {
    const discovery = (await t.app.inject('/open311/v2/discovery.json')).json<{ key_service: string }>();
    const keyPage = await t.app.inject(new URL(discovery.key_service).pathname);
    assert.equal(keyPage.statusCode, 200, 'no sign-in needed');
    assert.match(keyPage.body, /api_key/);
    assert.match(keyPage.body, /Sekretariat DPRD/);
    for (const [url, type] of [
      ['/open311/v2/requests.csv', 'json'],
      ['/open311/v2/services.txt', 'json'],
      ['/open311/v2/nothing.xml', 'xml'],
    ] as const) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), type === 'json' ? /application\/json/ : /xml/, url);
      if (type === 'json') {
        const errors = res.json<{ code: number; description: string }[]>();
        assert.equal(errors[0]?.code, 404);
        assert.match(errors[0]?.description ?? '', /\.json or \.xml/);
      } else assert.match(res.body, /<errors>\s*<error>\s*<code>404<\/code>/);
    }
  });

  test('a personal access token opens only the API routes that take it, and every token ends', async () => {
    const citizen = await createUser(t, 'citizen');
    const a = await signIn(t, citizen, new Agent(t.app, '198.51.100.80'));
    await a.get('/akun/token');
    const made = await a.post('/akun/token', { name: 'Integrasi', scopes: 'profile:read', days: '' });
    const token = /<code>(dt_[A-Za-z0-9_-]+)<\/code>/.exec(made.body)?.[1] ?? '';
    assert.ok(token);
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await t.app.inject({ url: '/api/v1/me', headers: bearer })).statusCode, 200);

    // The citizen's own aspiration: with a token, no reply is posted (that form wants a session and
    // its CSRF token), and no page or file opens.
    const structure = await getCouncil(t.database.db);
    const kel = structure.kecamatan[0]?.kelurahan[0];
    const sent = await submitAspiration(deps(t.app), {
      kind: 'rahasia',
      category: 'jalan-jembatan-drainase',
      location: String(kel?.id),
      title: 'Pungutan liar di kantor kelurahan',
      description: 'Petugas meminta uang untuk surat pengantar yang seharusnya gratis.',
      email: citizen.email,
      showName: false,
      consent: true,
      channel: 'web',
      photos: [],
      userId: citizen.id,
    });
    if (!sent.ok) throw new Error(`the aspiration was not sent: ${JSON.stringify(sent)}`);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/aspirasi/${sent.code}/balas`,
      headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ body: 'Balasan yang dikirim dengan token tanpa CSRF' }).toString(),
    });
    assert.equal(reply.statusCode, 403);
    assert.match(reply.body, /Token API hanya berlaku/);
    const replies = await t.database.db
      .selectFrom('aspiration_event')
      .select('id')
      .where('kind', '=', 'reply')
      .where('body', 'like', '%dengan token%')
      .execute();
    assert.equal(replies.length, 0, 'nothing was posted');
    for (const url of [`/aspirasi/${sent.code}`, `/aspirasi/${sent.code}/foto/1`, '/akun', '/api/v1/aspirations']) {
      const res = await t.app.inject({ url, headers: bearer });
      assert.equal(res.statusCode, 403, url);
    }

    // Left without a number of days, a token lives a year; one made before that rule ends a year
    // after it was made.
    const row = await t.database.db
      .selectFrom('api_token')
      .select(['id', 'expires_at'])
      .where('user_id', '=', citizen.id)
      .executeTakeFirstOrThrow();
    const days = ((row.expires_at?.getTime() ?? Number.POSITIVE_INFINITY) - Date.now()) / 86_400_000;
    assert.ok(days > 364 && days <= 365, `expires in ${days} days`);
    await t.database.db
      .updateTable('api_token')
      .set({ expires_at: null, created_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', row.id)
      .execute();
    assert.equal((await t.app.inject({ url: '/api/v1/me', headers: bearer })).statusCode, 401);
  });

  test('behind a proxy, a spoofed X-Forwarded-For in front of the trusted one changes nothing', async () => {
    for (const trust of ['127.0.0.1', '1']) {
      const behind = await buildTestApp({ env: { TRUST_PROXY: trust } });
      try {
        const answers: number[] = [];
        for (let i = 0; i < 11; i++) {
          // Each attempt claims another address; our proxy (127.0.0.1) adds the real one last.
          const form = await behind.app.inject({
            url: '/masuk',
            remoteAddress: '127.0.0.1',
            headers: { 'x-forwarded-for': `10.9.8.${i}, 203.0.113.77` },
          });
          const csrfToken = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
          const res = await behind.app.inject({
            method: 'POST',
            url: '/masuk',
            remoteAddress: '127.0.0.1',
            headers: {
              'x-forwarded-for': `6.6.6.${i}, 203.0.113.77`,
              'content-type': 'application/x-www-form-urlencoded',
            },
            cookies: Object.fromEntries(form.cookies.map((c) => [c.name, c.value])),
            payload: new URLSearchParams({
              _csrf: csrfToken,
              email: `coba${i}@example.org`,
              password: 'bukan kata sandinya',
            }).toString(),
          });
          answers.push(res.statusCode);
        }
        assert.deepEqual(answers.slice(0, 10), Array(10).fill(400), `TRUST_PROXY=${trust}`);
        assert.equal(answers[10], 429, `TRUST_PROXY=${trust}: the eleventh try from one client is refused`);
        const ips = await behind.database.db
          .selectFrom('audit_log')
          .select('ip')
          .where('action', '=', 'signin.failed')
          .execute();
        assert.ok(ips.length >= 10);
        assert.ok(
          ips.every((row) => row.ip === '203.0.113.77'),
          `the audit log holds the real address: ${ips.map((r) => r.ip).join(' ')}`,
        );
      } finally {
        await behind.close();
      }
    }
  });

  test('one-line fields refuse line breaks, and the council mail never words a name as its own', async () => {
    const a = new Agent(t.app, '198.51.100.90');
    await a.get('/daftar');
    const attack = 'Budi\r\n\r\nAkun Anda diblokir. Masuk di http://evil.example/masuk';
    const refused = await a.post('/daftar', {
      name: attack,
      email: 'budi.baris@example.org',
      password: 'sebuah kata sandi yang panjang',
      consent: 'yes',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Tulis nama dalam satu baris/);
    const stored = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('email_lookup', '=', t.app.sealer.lookup('budi.baris@example.org'))
      .execute();
    assert.equal(stored.length, 0, 'no account was made');
    const queued = await t.database.db.selectFrom('outbox').select(['subject', 'body']).execute();
    for (const m of queued) assert.doesNotMatch(m.body, /diblokir/);

    // A name that is fine still does not appear in the confirmation: the council's words are its own.
    const ok = await a.post('/daftar', {
      name: 'Budi Santoso',
      email: 'budi.santoso@example.org',
      password: 'sebuah kata sandi yang panjang',
      consent: 'yes',
    });
    assert.equal(ok.statusCode, 200);
    const mail = await t.database.db
      .selectFrom('outbox')
      .select('body')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const text = mail.body;
    assert.match(text, /\/konfirmasi\//);
    assert.doesNotMatch(text, /Budi/);

    // An aspiration's title, name and address are one line each.
    const structure = await getCouncil(t.database.db);
    const kel = structure.kecamatan[0]?.kelurahan[0];
    const sent = await submitAspiration(deps(t.app), {
      kind: 'aspirasi',
      category: 'jalan-jembatan-drainase',
      location: String(kel?.id),
      title: 'Lampu jalan mati\nHubungi petugas di 0812',
      description: 'Lampu jalan di gang kami mati sejak dua minggu lalu.',
      name: 'Warga\nRT 03',
      address: 'Gang Mawar\r\nNo. 5',
      email: 'warga.gang@example.org',
      showName: false,
      consent: true,
      channel: 'web',
      photos: [],
      userId: null,
    });
    assert.equal(sent.ok, false);
    if (sent.ok) return;
    assert.deepEqual(
      sent.errors
        .filter((e) => e.problem === 'singleLine')
        .map((e) => e.field)
        .sort(),
      ['address', 'name', 'title'],
    );
  });

  test('contact details typed into an aspiration are masked wherever the public sees it', async () => {
    assert.equal(
      maskContacts('Hubungi budi.santoso@gmail.com atau 0812-3456-7890, NIK 3275012345678901.'),
      'Hubungi b•••@gmail.com atau 0812-••••-7890, NIK ••••••••••••••••.',
    );
    assert.equal(maskContacts('WA +62 812 3456 7890 ya'), 'WA +62 81• •••• 7890 ya');
    assert.equal(
      maskContacts('Jalan rusak 200 meter, tahun 2026, RT 03/RW 05'),
      'Jalan rusak 200 meter, tahun 2026, RT 03/RW 05',
    );

    const description =
      'Saluran air tersumbat di depan rumah. Hubungi saya di warga.peduli@gmail.com atau 0812-3456-7890. NIK 3275012345678901.';
    const sent = await fileAspiration({
      title: 'Saluran tersumbat, telepon +62 812 3456 7890',
      description,
      address: 'Gang Melati, kontak 0812-3456-7890',
      email: 'warga.peduli@gmail.com',
    });
    const secrets = ['warga.peduli@gmail.com', '0812-3456-7890', '812 3456 7890', '3275012345678901'];
    const outputs = await publicOutputs(sent.code);
    for (const [where, body] of Object.entries(outputs)) {
      for (const secret of secrets) assert.ok(!body.includes(secret), `${where} shows ${secret}`);
    }
    assert.match(outputs.page, /w•••@gmail\.com/);
    assert.match(outputs.page, /0812-••••-7890/);
    for (const q of ['0812-3456-7890', '3275012345678901', 'warga.peduli@gmail.com'])
      assert.ok(
        !(await t.app.inject(`/aspirasi?q=${encodeURIComponent(q)}`)).body.includes(sent.code),
        `the public search finds it by ${q}`,
      );
    assert.ok((await t.app.inject('/aspirasi?q=saluran+tersumbat')).body.includes(sent.code));
    assert.match(outputs.page, /<meta name="description" content="[^"]*w•••@gmail\.com/);

    // The reporter, through their private link, reads what they wrote.
    const reporter = new Agent(t.app, '198.51.100.99');
    await reporter.get(`/lacak/${sent.token}`);
    const own = (await reporter.get(`/aspirasi/${sent.code}`)).body;
    assert.ok(own.includes('warga.peduli@gmail.com') && own.includes('0812-3456-7890'));
  });

  test('staff hide a passage from every public output, with a reason that is shown and audited', async () => {
    const sent = await fileAspiration({
      title: 'Got tersumbat di Gang Kenanga',
      description: 'Got di depan rumah Pak Harjono Wibisono nomor 14 tersumbat sampah sejak dua minggu.',
      email: 'pelapor.got@example.org',
    });
    const passage = 'rumah Pak Harjono Wibisono nomor 14';
    const staff = await signIn(t, await createUser(t, 'staff'), new Agent(t.app, '198.51.100.120'));
    const member = await signIn(t, await createUser(t, 'member'), new Agent(t.app, '198.51.100.121'));
    await staffStep(staff, sent.code, { action: 'verify' });
    await staffStep(staff, sent.code, { action: 'forward', komisi: 'komisi-ii' });

    // A member (who may answer, not triage) is refused; a passage that is not in the text is refused.
    await member.get('/akun');
    const refused = await member.post(`/kelola/aspirasi/${sent.code}`, {
      action: 'hide',
      passage,
      hideReason: 'Nama warga lain.',
    });
    assert.ok([403, 404].includes(refused.statusCode), `a member got ${refused.statusCode}`);
    const absent = await staffStep(staff, sent.code, {
      action: 'hide',
      passage: 'Pak Budi',
      hideReason: 'Nama warga.',
    });
    assert.equal(absent.statusCode, 400);
    assert.match(absent.body, /tidak ada di judul, uraian/);
    const noReason = await staffStep(staff, sent.code, { action: 'hide', passage, hideReason: '' });
    assert.equal(noReason.statusCode, 400);
    const hidden = await staffStep(staff, sent.code, {
      action: 'hide',
      passage,
      hideReason: 'Nama dan alamat rumah warga lain.',
    });
    assert.equal(hidden.statusCode, 303);

    const outputs = await publicOutputs(sent.code);
    for (const [where, body] of Object.entries(outputs)) {
      assert.ok(!body.includes('Harjono'), `${where} still shows the hidden passage`);
    }
    assert.match(outputs.page, /Got di depan \[…\] tersumbat/);
    // The public search does not find it by the hidden words; staff still do.
    assert.ok(!(await t.app.inject('/aspirasi?q=Harjono+Wibisono')).body.includes(sent.code), 'found by hidden words');
    assert.ok((await t.app.inject('/aspirasi?q=got+tersumbat')).body.includes(sent.code), 'found by its public words');
    assert.ok((await staff.get('/kelola/aspirasi?q=Harjono')).body.includes(sent.code), 'staff search everything');
    assert.match(outputs.page, /Sebagian teks disembunyikan dari publik/);
    assert.match(outputs.page, /Nama dan alamat rumah warga lain\./);
    // Staff and the reporter still read the original.
    assert.match((await staff.get(`/kelola/aspirasi/${sent.code}`)).body, /Pak Harjono Wibisono nomor 14/);
    const reporter = new Agent(t.app, '198.51.100.122');
    await reporter.get(`/lacak/${sent.token}`);
    assert.match((await reporter.get(`/aspirasi/${sent.code}`)).body, /Pak Harjono Wibisono nomor 14/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'actor_role'])
      .where('action', '=', 'aspiration.hide')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_role, 'staff');
    assert.match(JSON.stringify(audit.details), /Nama dan alamat rumah warga lain/);
  });

  test('/lacak sends the private link, answers alike for a match and a miss, and is limited per code and contact', async () => {
    const sent = await fileAspiration({
      title: 'Lampu jalan padam di Jalan Cempaka',
      description: 'Tiga lampu jalan padam sejak pekan lalu, jalan gelap saat malam.',
      email: 'pelacak@example.org',
    });
    await t.app.outbox.deliverDue();
    mailbox.clear();
    const ask = async (ip: string, kode: string, kontak: string) => {
      const a = new Agent(t.app, ip);
      await a.get('/lacak');
      return a.post('/lacak', { kode, kontak });
    };
    const miss = await ask('198.51.100.130', sent.code, 'orang.lain@example.org');
    const hit = await ask('198.51.100.131', sent.code, 'pelacak@example.org');
    assert.equal(miss.statusCode, 303);
    assert.equal(hit.statusCode, 303);
    assert.equal(miss.headers.location, hit.headers.location, 'the same answer');
    const bad = await ask('198.51.100.132', 'ASP-12', 'bukan kontak');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /ASP-2026-000123/);
    await t.app.outbox.deliverDue();
    assert.deepEqual(mailbox.to('orang.lain@example.org'), []);
    const link = linkIn(mailbox.to('pelacak@example.org')[0]);

    // Per code, whatever the address: three more tries from new addresses, then the sixth is refused.
    for (let i = 0; i < 3; i++)
      assert.equal((await ask(`198.51.100.${140 + i}`, sent.code, `tebak${i}@example.org`)).statusCode, 303);
    const limited = await ask('198.51.100.150', sent.code, 'pelacak@example.org');
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /Terlalu banyak permintaan/);
    // Per contact, whatever the code and the address.
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await ask(`198.51.100.${160 + i}`, `ASP-2026-9${String(i).padStart(5, '0')}`, '0813-1111-2222')).statusCode,
        303,
      );
    assert.equal((await ask('198.51.100.170', 'ASP-2026-999999', '+62 813 1111 2222')).statusCode, 429);

    // The mailed link opens the aspiration as its reporter; a forged or expired one does not.
    const owner = new Agent(t.app, '198.51.100.171');
    assert.equal((await owner.get(link)).statusCode, 200);
    assert.match((await owner.get(`/aspirasi/${sent.code}`)).body, /Tambahkan informasi/);
    const [, id, expires] = /\/lacak\/(\d+)-(\d+)-/.exec(link) ?? [];
    assert.equal((await t.app.inject(`/lacak/${id}-${expires}-${'A'.repeat(32)}`)).statusCode, 404);
    assert.equal((await t.app.inject(`/lacak/${id}-${Number(expires) + 1}-${link.slice(-32)}`)).statusCode, 404);
  });

  test('a supporter gets mail only after confirming by link, every mail can stop it, and a merge carries it', async () => {
    const sent = await fileAspiration({
      title: 'Trotoar amblas di Jalan Mawar',
      description: 'Trotoar amblas sepanjang lima meter, pejalan kaki turun ke jalan.',
      email: 'pelapor.trotoar@example.org',
    });
    const neighbour = new Agent(t.app, '198.51.100.180');
    await neighbour.get(`/aspirasi/${sent.code}`);
    const supported = await neighbour.post(`/aspirasi/${sent.code}/dukung`, { email: 'Korban.Iseng@example.org' });
    assert.equal(supported.statusCode, 303);
    assert.match(supported.headers.location as string, /pesan=cek-email/);
    const staff = await signIn(t, await createUser(t, 'staff'), new Agent(t.app, '198.51.100.181'));
    await staffStep(staff, sent.code, { action: 'verify' });
    await t.app.outbox.deliverDue();
    // Only the confirmation reached the address someone typed; no step mail before it is used.
    const before = mailbox.to('korban.iseng@example.org');
    assert.deepEqual(
      before.map((m) => m.subject),
      [`Konfirmasi: ikuti aspirasi ${sent.code}`],
    );
    const confirm = linkIn(before[0]);
    const confirmed = await neighbour.get(confirm);
    assert.equal(confirmed.statusCode, 303);
    assert.equal(confirmed.headers.location, `/aspirasi/${sent.code}?pesan=dikonfirmasi`);
    assert.equal((await neighbour.get('/aspirasi/ikuti/tautan-yang-tidak-pernah-ada-12345')).statusCode, 400);

    await staffStep(staff, sent.code, { action: 'forward', komisi: 'komisi-ii' });
    await t.app.outbox.deliverDue();
    const step = mailbox.to('korban.iseng@example.org').at(-1);
    assert.equal(step?.subject, `${sent.code}: Diteruskan`);
    assert.match(step?.text ?? '', /Untuk berhenti: /);

    // The same address on another aspiration that is merged into this one is not followed twice.
    const other = await fileAspiration({
      title: 'Trotoar Jalan Mawar rusak',
      description: 'Trotoar rusak dan amblas di Jalan Mawar dekat sekolah.',
      email: 'pelapor.kedua@example.org',
    });
    const second = new Agent(t.app, '198.51.100.182');
    await second.get(`/aspirasi/${other.code}`);
    await second.post(`/aspirasi/${other.code}/dukung`, { email: 'pengikut.kedua@example.org' });
    await t.app.outbox.deliverDue();
    await second.get(linkIn(mailbox.to('pengikut.kedua@example.org')[0]));
    const merged = await staffStep(staff, other.code, { action: 'duplicate', of: sent.code });
    assert.equal(merged.statusCode, 303);
    const page = (await t.app.inject(`/aspirasi/${sent.code}`)).body;
    assert.match(page, /3 dukungan/, 'the merged reporter and supporter count on the one that stays');
    await t.app.outbox.deliverDue();
    mailbox.clear();
    await staffStep(staff, sent.code, { action: 'resolve', body: 'Trotoar sudah diperbaiki Dinas BMSDA.' });
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('pengikut.kedua@example.org').length, 1, 'the follower of the merged one follows this one');
    assert.deepEqual(mailbox.to('pelapor.kedua@example.org'), [], 'the merged reporter was not subscribed for them');

    // The stop link ends it; a forged one is refused.
    const stop = /Untuk berhenti: \S+(\/aspirasi\/berhenti\/\S+)/.exec(
      mailbox.to('korban.iseng@example.org')[0]?.text ?? '',
    )?.[1];
    assert.ok(stop !== undefined);
    assert.equal((await t.app.inject(stop.replace(/\/[^/]+$/, '/palsu-palsu-palsu'))).statusCode, 400);
    const stopped = await t.app.inject(stop);
    assert.equal(stopped.statusCode, 200);
    assert.match(stopped.body, /tidak akan mengirim kabar aspirasi ini lagi/);
    await staffStep(staff, sent.code, { action: 'respond', body: 'Terima kasih atas laporannya.' });
    mailbox.clear();
    await t.app.outbox.deliverDue();
    assert.deepEqual(mailbox.to('korban.iseng@example.org'), []);
    assert.equal(mailbox.to('pengikut.kedua@example.org').length, 1);
  });
});
