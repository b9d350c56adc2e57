/**
 * Web Push end to end, against a push service on loopback that does what a browser's does: checks
 * the VAPID signature (RFC 8292) and decrypts the message with the subscription's own keys
 * (RFC 8291, aes128gcm) — never a real push service.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { tellFollowersOfTimetable } from '../src/consultations/service.ts';
import { deps } from '../src/platform/auth.ts';
import { pushToFollowers } from '../src/platform/push.ts';
import { Agent } from './helpers/agent.ts';
import { buildTestApp, type TestApp, testVapid } from './helpers/app.ts';
import {
  browserSubscription,
  checkVapid,
  decrypt,
  type PushService,
  startPushService,
} from './helpers/push-service.ts';
import { createUser, signIn } from './helpers/users.ts';

let t: TestApp;
let service: PushService;

before(async () => {
  service = await startPushService();
  // The loopback push service is the one service this portal may post to.
  t = await buildTestApp({ env: { PUSH_SERVICES: service.base } });
});
after(async () => {
  await t.close();
  await service.close();
});
beforeEach(() => {
  service.received.length = 0;
  service.gone.clear();
});

async function subscribe(a: Agent, page: string, body: Record<string, unknown>) {
  const html = (await a.get(page)).body;
  const csrf =
    /data-module="push-follow"[^>]*data-csrf="([^"]+)"|data-csrf="([^"]+)"[^>]*data-module="push-follow"/.exec(html);
  const token = csrf?.[1] ?? csrf?.[2] ?? /data-csrf="([^"]+)"/.exec(html)?.[1] ?? '';
  return t.app.inject({
    method: 'POST',
    url: '/push/langganan',
    payload: body,
    headers: { 'x-csrf-token': token },
    cookies: Object.fromEntries(a.cookies),
    remoteAddress: a.ip,
  });
}

/** A citizen files an aspiration through the form; its id and code. */
async function fileOne(title: string): Promise<{ id: number; code: string }> {
  const citizen = new Agent(t.app, `198.51.100.${90 + service.received.length}`);
  const kel = await t.database.db.selectFrom('kelurahan').select('id').limit(1).executeTakeFirstOrThrow();
  await citizen.get('/aspirasi/baru');
  const step = await citizen.post('/aspirasi/baru', {
    kind: 'aspirasi',
    category: 'pendidikan',
    location: String(kel.id),
    title,
  });
  assert.equal(step.statusCode, 200);
  const sent = await citizen.postMultipart('/aspirasi/kirim', {
    kind: 'aspirasi',
    category: 'pendidikan',
    location: String(kel.id),
    title,
    kunci: /name="kunci" value="([^"]+)"/.exec(step.body)?.[1] ?? '',
    description: 'Anak-anak di kampung kami jauh dari perpustakaan.',
    email: 'baca@example.org',
    consent: 'yes',
  });
  assert.equal(sent.statusCode, 303);
  return t.database.db
    .selectFrom('aspiration')
    .select(['id', 'code'])
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
}

describe('Web Push', () => {
  test('a citizen follows an aspiration on their phone; its next step arrives encrypted to that phone and signed by the portal', async () => {
    const { id, code } = await fileOne('Taman bermain anak rusak');
    const browser = browserSubscription(service, 'warga-1');
    const citizen = new Agent(t.app, '198.51.100.77');
    const page = await citizen.get(`/aspirasi/${code}`);
    assert.match(page.body, new RegExp(`data-module="push-follow"[^>]*data-key="${testVapid.publicKey}"`));
    const res = await subscribe(citizen, `/aspirasi/${code}`, {
      subscription: browser.json,
      follow: { type: 'aspiration', id },
    });
    assert.equal(res.statusCode, 200, res.body);

    // Staff verify it: a public step, told to followers.
    const staff = await signIn(t, await createUser(t, 'staff'), new Agent(t.app, '198.51.100.78'));
    await staff.get(`/kelola/aspirasi/${code}`);
    const acted = await staff.post(`/kelola/aspirasi/${code}`, { action: 'verify' });
    assert.equal(acted.statusCode, 303, acted.body.slice(0, 300));
    await t.app.outbox.deliverDue();
    const delivered = service.received.filter((r) => r.path === '/push/warga-1');
    assert.equal(delivered.length, 1);
    const first = delivered[0];
    assert.ok(first !== undefined);
    checkVapid(service, first.headers);
    const notice = JSON.parse(decrypt(first.body, browser)) as { title: string; body: string; url: string };
    assert.equal(notice.url, `/aspirasi/${code}`);
    assert.ok(notice.title.includes(code), notice.title);
    assert.ok(notice.body.length > 0);
  });

  test('a subscription the push service says is gone is removed, and the message counts as done', async () => {
    const { id, code } = await fileOne('Lampu taman padam');
    const browser = browserSubscription(service, 'hilang');
    const citizen = new Agent(t.app, '198.51.100.79');
    assert.equal(
      (
        await subscribe(citizen, `/aspirasi/${code}`, {
          subscription: browser.json,
          follow: { type: 'aspiration', id },
        })
      ).statusCode,
      200,
    );
    service.gone.add('/push/hilang');
    await pushToFollowers(t.database.db, t.app.sealer, { type: 'aspiration', id }, { title: 'x', body: 'y', url: '/' });
    await t.app.outbox.deliverDue();
    assert.equal(service.received.length, 1);
    const left = await t.database.db
      .selectFrom('push_subscription')
      .select('id')
      .where('endpoint', '=', browser.json.endpoint)
      .execute();
    assert.deepEqual(left, []);
    const rows = await t.database.db
      .selectFrom('outbox')
      .select('status')
      .where('channel', '=', 'push')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    assert.equal(rows[0]?.status, 'sent');
  });

  test('officials who triage get news of new aspirations in their queue; others may not ask for it', async () => {
    const { code } = await fileOne('Jalan setapak licin');
    const browser = browserSubscription(service, 'petugas');
    const officer = await signIn(t, await createUser(t, 'staff'), new Agent(t.app, '198.51.100.80'));
    const asked = await subscribe(officer, '/kelola/aspirasi', { subscription: browser.json, queue: true });
    assert.equal(asked.statusCode, 200, asked.body);
    for (const role of ['citizen', 'member'] as const) {
      const other = await signIn(t, await createUser(t, role), new Agent(t.app, '198.51.100.81'));
      const refused = await subscribe(other, `/aspirasi/${code}`, {
        subscription: browserSubscription(service, `x-${role}`).json,
        queue: true,
      });
      assert.equal(refused.statusCode, 403, role);
    }
    const anonymous = await subscribe(new Agent(t.app, '198.51.100.82'), `/aspirasi/${code}`, {
      subscription: browserSubscription(service, 'x-anon').json,
      queue: true,
    });
    assert.equal(anonymous.statusCode, 403);

    // A citizen files one: the officer's phone hears of it.
    service.received.length = 0;
    await fileOne('Perpustakaan keliling untuk kampung');
    await t.app.outbox.deliverDue();
    const toOfficer = service.received.filter((r) => r.path === '/push/petugas');
    assert.equal(toOfficer.length, 1);
    const notice = JSON.parse(decrypt(toOfficer[0]?.body ?? Buffer.alloc(0), browser)) as {
      title: string;
      url: string;
    };
    assert.match(notice.title, /^Aspirasi baru ASP-\d{4}-\d{6}$/);
    assert.match(notice.url, /^\/kelola\/aspirasi\/ASP-/);
  });

  test("a signed-in person's phones are in their copy of personal data, and hear nothing once the account is erased", async () => {
    const { id, code } = await fileOne('Trotoar berlubang di depan sekolah');
    const user = await createUser(t, 'citizen');
    const citizen = await signIn(t, user, new Agent(t.app, '198.51.100.83'));
    const browser = browserSubscription(service, 'warga-akun');
    const res = await subscribe(citizen, `/aspirasi/${code}`, {
      subscription: browser.json,
      follow: { type: 'aspiration', id },
    });
    assert.equal(res.statusCode, 200, res.body);

    const copy = (await citizen.get('/akun/data.json')).json<{
      pushDevices: { service: string; staffQueue: boolean; follows: { type: string; id: number }[] }[];
    }>();
    assert.deepEqual(
      copy.pushDevices.map((d) => ({ service: d.service, staffQueue: d.staffQueue, follows: d.follows })),
      [{ service: new URL(service.base).host, staffQueue: false, follows: [{ type: 'aspiration', id }] }],
    );
    const page = await citizen.get('/akun/data');
    assert.match(
      page.body,
      new RegExp(
        `Layanan push ${new URL(service.base).host.replace('.', '\\.')}, sejak [^<]+, untuk 1 hal yang diikuti\\.`,
      ),
    );
    // The push address is the browser's secret: the copy names only its service.
    assert.ok(!page.body.includes(browser.json.endpoint));

    await citizen.get('/akun');
    const erased = await citizen.post('/akun/hapus', { confirm: user.password, kind: 'erasure' });
    assert.equal(erased.headers.location, '/masuk?pesan=akun-dihapus');
    const left = await t.database.db
      .selectFrom('push_subscription')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.deepEqual(left, []);
    await pushToFollowers(t.database.db, t.app.sealer, { type: 'aspiration', id }, { title: 'x', body: 'y', url: '/' });
    await t.app.outbox.deliverDue();
    assert.equal(service.received.filter((r) => r.path === '/push/warga-akun').length, 0);
  });

  test('a phone that follows a consultation hears when its comments open', async () => {
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const day = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
    const { id } = await t.database.db
      .insertInto('consultation')
      .values({
        council_id: council.id,
        kind: 'lainnya',
        title: 'Konsultasi Rencana Taman Kota',
        summary: 'Rencana taman kota baru dan fasilitasnya untuk warga.',
        opens_on: day(-2),
        comments_from: day(5),
        comments_until: day(25),
        report_due: day(45),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const browser = browserSubscription(service, 'warga-konsultasi');
    const citizen = new Agent(t.app, '198.51.100.81');
    const res = await subscribe(citizen, `/konsultasi/${id}`, {
      subscription: browser.json,
      follow: { type: 'consultation', id },
    });
    assert.equal(res.statusCode, 200, res.body);

    await tellFollowersOfTimetable(deps(t.app));
    await t.app.outbox.deliverDue();
    assert.equal(service.received.filter((r) => r.path === '/push/warga-konsultasi').length, 0, 'not open yet');
    await t.database.db
      .updateTable('consultation')
      .set({ comments_from: day(0) })
      .where('id', '=', id)
      .execute();
    await tellFollowersOfTimetable(deps(t.app));
    await tellFollowersOfTimetable(deps(t.app));
    await t.app.outbox.deliverDue();
    const delivered = service.received.filter((r) => r.path === '/push/warga-konsultasi');
    assert.equal(delivered.length, 1);
    checkVapid(service, delivered[0]?.headers ?? {});
    const notice = JSON.parse(decrypt(delivered[0]?.body ?? Buffer.alloc(0), browser)) as {
      title: string;
      body: string;
      url: string;
    };
    assert.equal(notice.title, 'Konsultasi Rencana Taman Kota');
    assert.match(notice.body, /^Komentar dibuka sampai \d+ \w+ \d{4}\.$/);
    assert.equal(notice.url, `/konsultasi/${id}`);
  });

  test('a subscription that is not one a browser gives, or a subject that cannot be followed: 400, nothing kept', async () => {
    const { code } = await fileOne('Pasar becek setiap hujan');
    const a = new Agent(t.app, '198.51.100.84');
    const bad = [
      {
        subscription: { endpoint: 'http://push.example/x', keys: browserSubscription(service, 'a').json.keys },
        follow: { type: 'aspiration', id: 1 },
      },
      {
        subscription: { endpoint: 'http://127.0.0.1:1/kelola', keys: browserSubscription(service, 'a').json.keys },
        follow: { type: 'aspiration', id: 1 },
      },
      {
        subscription: { endpoint: 'https://internal.example/push', keys: browserSubscription(service, 'a').json.keys },
        follow: { type: 'aspiration', id: 1 },
      },
      {
        subscription: { endpoint: `${service.base}/push/b`, keys: { p256dh: 'pendek', auth: 'x' } },
        follow: { type: 'aspiration', id: 1 },
      },
      { subscription: browserSubscription(service, 'c').json, follow: { type: 'rahasia', id: 1 } },
      { subscription: browserSubscription(service, 'd').json },
    ];
    for (const body of bad) {
      const res = await subscribe(a, `/aspirasi/${code}`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/push/langganan',
      payload: { subscription: browserSubscription(service, 'e').json },
    });
    assert.equal(noToken.statusCode, 403);
    const kept = await t.database.db.selectFrom('push_subscription').select('endpoint').execute();
    assert.ok(kept.every((k) => !/\/push\/[abcde]$/.test(k.endpoint)));
  });
});
