import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { openPostgres } from '../db/index.ts';
import { gatherMs } from './live.ts';
import { momentText, parseMoment, recordingAt } from './service.ts';
import { embedAddress } from './views/pages.tsx';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `192.0.2.${++ip % 250}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

/** A meeting of the agenda, as staff would have published it. */
async function meeting(values: { startsInHours: number; hours?: number; open?: boolean; livestream?: string | null }) {
  const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
  const startsAt = new Date(Date.now() + values.startsInHours * 3_600_000);
  const row = await t.database.db
    .insertInto('meeting')
    .values({
      council_id: council.id,
      uid: `${Math.random().toString(36).slice(2)}@test`,
      type: 'rdp',
      title: `RDP Komisi III tentang banjir ${Math.random().toString(36).slice(2, 6)}`,
      agenda_items: ['Paparan dinas'],
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (values.hours ?? 2) * 3_600_000),
      place: 'Ruang Rapat Komisi III',
      open: values.open ?? true,
      livestream_url:
        values.livestream === undefined ? 'https://www.youtube.com/watch?v=abcDEF12345' : values.livestream,
      online_url: 'https://meet.example.org/rdp-komisi-iii',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Opens the SSE stream of a hearing on a listening server and collects its "questions" events (and
 * "all", the whole list sent to a browser that reconnects with the `lastEventId` it was given).
 */
async function follow(port: number, path: string, lastEventId?: string) {
  const events: unknown[][] = [];
  const all: unknown[][] = [];
  const ids: string[] = [];
  let response: IncomingMessage | undefined;
  const request = httpRequest({
    host: '127.0.0.1',
    port,
    path,
    headers: lastEventId === undefined ? {} : { 'last-event-id': lastEventId },
  });
  await new Promise<void>((resolve, reject) => {
    request.on('response', (res) => {
      response = res;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: questions$/m.test(message) && data !== undefined) events.push(JSON.parse(data) as unknown[]);
          if (/^event: all$/m.test(message) && data !== undefined) all.push(JSON.parse(data) as unknown[]);
          const id = /^id: (.*)$/m.exec(message)?.[1];
          if (id !== undefined) ids.push(id);
          // The process listens from here on: no approval can slip past this stream.
          if (/^event: ready$/m.test(message)) resolve();
          end = buffer.indexOf('\n\n');
        }
      });
      if (res.statusCode !== 200) resolve();
    });
    request.on('error', reject);
    request.end();
  });
  return {
    status: () => response?.statusCode,
    events,
    all,
    ids,
    close: () => request.destroy(),
  };
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('moments of a recording', () => {
  test('read as minutes, m:ss or h:mm:ss, and linked into a YouTube recording', () => {
    assert.equal(parseMoment('12'), 720);
    assert.equal(parseMoment('12:34'), 754);
    assert.equal(parseMoment('1:02:03'), 3723);
    assert.equal(parseMoment(''), null);
    assert.equal(parseMoment('12:75'), undefined);
    assert.equal(parseMoment('jam dua'), undefined);
    assert.equal(momentText(754), '12:34');
    assert.equal(momentText(3723), '1:02:03');
    assert.equal(recordingAt('https://www.youtube.com/watch?v=abc', 754), 'https://www.youtube.com/watch?v=abc&t=754s');
    assert.equal(recordingAt('https://video.example.org/rapat.mp4', 754), 'https://video.example.org/rapat.mp4');
  });

  test('a livestream is embedded only from an allowed origin, YouTube from its no-cookie site', () => {
    const allowed = ['https://www.youtube-nocookie.com'];
    assert.equal(
      embedAddress('https://www.youtube.com/watch?v=abcDEF12345', allowed),
      'https://www.youtube-nocookie.com/embed/abcDEF12345',
    );
    assert.equal(
      embedAddress('https://youtu.be/abcDEF12345', allowed),
      'https://www.youtube-nocookie.com/embed/abcDEF12345',
    );
    assert.equal(embedAddress('https://www.youtube.com/watch?v=abcDEF12345', []), undefined);
    assert.equal(embedAddress('https://streaming.example.org/live', allowed), undefined);
  });
});

describe('live updates of a crowd', () => {
  test('a small audience hears at once; a crowd gets fewer, fuller messages, still within half a second', () => {
    assert.equal(gatherMs(1), 150);
    assert.equal(gatherMs(500), 150);
    assert.equal(gatherMs(2000), 400);
    for (const viewers of [0, 10, 1000, 2500, 10_000, 1_000_000]) {
      const ms = gatherMs(viewers);
      assert.ok(ms >= 150 && ms <= 500, `${viewers} viewers wait ${ms} ms`);
    }
  });
});

describe('virtual hearings', () => {
  let staff: Agent;
  let moderator: Agent;
  let hearingId = 0;
  let meetingId = 0;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
    moderator = await signIn(t, await createUser(t, 'moderator'), agent());
  });

  test('staff make a public meeting a hearing; a closed meeting cannot be one; others may not', async () => {
    meetingId = await meeting({ startsInHours: -0.5 });
    const closed = await meeting({ startsInHours: 5, open: false });
    const list = await staff.get('/kelola/siaran');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /RDP Komisi III tentang banjir/);
    const refused = await staff.post('/kelola/siaran', { meeting: String(closed) });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Rapat: hanya rapat terbuka yang tidak dibatalkan/);
    const none = await staff.post('/kelola/siaran', { meeting: '' });
    assert.match(none.body, /Rapat: wajib diisi/);
    const ok = await staff.post('/kelola/siaran', { meeting: String(meetingId) });
    assert.equal(ok.statusCode, 303);
    hearingId = Number(/\/kelola\/siaran\/(\d+)\/moderasi/.exec(String(ok.headers.location))?.[1]);
    assert.ok(hearingId > 0);
    await staff.get('/kelola/siaran');
    const twice = await staff.post('/kelola/siaran', { meeting: String(meetingId) });
    assert.equal(twice.statusCode, 400);

    // The moderator may moderate but not set hearings up; a citizen and a member neither.
    const moderation = await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    assert.equal(moderation.statusCode, 200);
    assert.doesNotMatch(moderation.body, /Pengaturan/, 'settings are for staff');
    await moderator.get(`/siaran/${hearingId}`);
    const csrf = moderator.csrf();
    assert.equal((await moderator.post('/kelola/siaran', { meeting: String(meetingId) }, { csrf })).statusCode, 403);
    assert.equal((await moderator.post(`/kelola/siaran/${hearingId}/pengaturan`, {}, { csrf })).statusCode, 403);
    const member = await signIn(t, await createUser(t, 'member'), agent());
    assert.equal((await member.get('/kelola/siaran')).statusCode, 200);
    assert.equal((await member.get(`/kelola/siaran/${hearingId}`)).statusCode, 200);
    assert.equal((await member.get(`/kelola/siaran/${hearingId}/moderasi`)).statusCode, 403);
    const citizen = await signIn(t, await createUser(t, 'citizen'), agent());
    assert.equal((await citizen.get(`/kelola/siaran/${hearingId}`)).statusCode, 403);
    assert.equal((await agent().get(`/kelola/siaran/${hearingId}`)).statusCode, 303);
  });

  test('the agenda shows "live now" and leads to the hearing; the video meeting link is for officials', async () => {
    const page = await agent().get(`/agenda/${meetingId}`);
    assert.match(page.body, /Sedang berlangsung/);
    assert.match(page.body, new RegExp(`href="/siaran/${hearingId}"`));
    assert.doesNotMatch(page.body, /meet\.example\.org/);
    const list = await agent().get('/agenda?dari=2000-01-01');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<a href="\/siaran">Rapat yang disiarkan: tonton dan ajukan pertanyaan<\/a>/);
    const chair = await staff.get(`/kelola/siaran/${hearingId}`);
    assert.match(chair.body, /meet\.example\.org/);
    const hearing = await agent().get(`/siaran/${hearingId}`);
    assert.equal(hearing.statusCode, 200);
    assert.match(hearing.body, /Tonton siaran langsung/);
    assert.match(hearing.body, /data-src="https:\/\/www\.youtube-nocookie\.com\/embed\/abcDEF12345"/);
    assert.doesNotMatch(hearing.body, /<iframe/, 'the player loads only when asked for');
    assert.match(String(hearing.headers['content-security-policy']), /frame-src https:\/\/www\.youtube-nocookie\.com/);
    assert.match(hearing.body, /Muat ulang pertanyaan/);
    const all = await agent().get('/siaran');
    assert.match(all.body, new RegExp(`href="/siaran/${hearingId}"`));
  });

  test('a citizen asks with an account; the moderator approves; people support it once each', async () => {
    const citizen = await signIn(t, await createUser(t, 'citizen', { name: 'Siti Warga' }), agent());
    await citizen.get(`/siaran/${hearingId}`);
    const short = await citizen.post(`/siaran/${hearingId}/tanya`, { body: 'Kapan?', name: 'Siti' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Pertanyaan: terlalu singkat/);
    const asked = await citizen.post(`/siaran/${hearingId}/tanya`, {
      body: 'Kapan normalisasi Kali Bekasi di Jatiasih dikerjakan?',
      name: 'Siti',
    });
    assert.equal(asked.headers.location, `/siaran/${hearingId}?pesan=terkirim#milik-saya`);
    const own = await citizen.get(`/siaran/${hearingId}?pesan=terkirim`);
    assert.match(own.body, /Menunggu diperiksa moderator/);
    const question = await t.database.db
      .selectFrom('hearing_question')
      .select('id')
      .where('hearing_id', '=', hearingId)
      .executeTakeFirstOrThrow();
    // Not public before a moderator approves it.
    assert.doesNotMatch((await agent().get(`/siaran/${hearingId}`)).body, /Kali Bekasi di Jatiasih/);
    assert.equal(
      (await agent().post(`/siaran/pertanyaan/${question.id}/dukung`, {}, { csrf: null })).statusCode,
      403,
      'no form token',
    );

    const queue = await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    assert.match(queue.body, /Kali Bekasi di Jatiasih/);
    const approved = await moderator.post(`/kelola/siaran/pertanyaan/${question.id}/setujui`, {});
    assert.equal(approved.statusCode, 303);
    await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    const again = await moderator.post(`/kelola/siaran/pertanyaan/${question.id}/setujui`, {});
    assert.match(String(again.headers.location), /pesan=berubah/);

    const visitor = agent();
    const page = await visitor.get(`/siaran/${hearingId}`);
    assert.match(page.body, /Kali Bekasi di Jatiasih/);
    const voted = await visitor.post(`/siaran/pertanyaan/${question.id}/dukung`, {});
    assert.equal(voted.headers.location, `/siaran/${hearingId}?pesan=didukung#pertanyaan-${question.id}`);
    await visitor.get(`/siaran/${hearingId}`);
    const twice = await visitor.post(`/siaran/pertanyaan/${question.id}/dukung`, {});
    assert.match(String(twice.headers.location), /pesan=sudah/);
    await citizen.get(`/siaran/${hearingId}`);
    await citizen.post(`/siaran/pertanyaan/${question.id}/dukung`, {});
    const counted = await t.database.db
      .selectFrom('hearing_question')
      .select('votes')
      .where('id', '=', question.id)
      .executeTakeFirstOrThrow();
    assert.equal(counted.votes, 2);
    const shown = await visitor.get(`/siaran/${hearingId}`);
    assert.match(shown.body, /Sudah Anda dukung/);

    // The chair sees it; answered now, it moves to the answered list and the asker is told.
    const chair = await staff.get(`/kelola/siaran/${hearingId}`);
    assert.match(chair.body, /Kali Bekasi di Jatiasih/);
    await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    const done = await moderator.post(`/kelola/siaran/pertanyaan/${question.id}/jawab`, { now: 'yes' });
    assert.equal(done.statusCode, 303);
    await t.app.outbox.deliverDue();
    const mail = mailbox.messages.find((m) => m.subject.startsWith('Pertanyaan Anda dijawab'));
    assert.ok(mail, 'the asker is told');
    assert.match(
      mail.text,
      /Dijawab dalam rapat pada menit \d+:\d\d rekaman: https:\/\/www\.youtube\.com\/watch\?v=abcDEF12345&t=\d+s/,
    );
    const after = await visitor.get(`/siaran/${hearingId}`);
    const settled = after.body.slice(after.body.indexOf('id="terjawab"'));
    assert.match(settled, /Kali Bekasi di Jatiasih/);
  });

  test('without an account: the question waits for the mailed link, then for the moderator', async () => {
    const visitor = agent();
    await visitor.get(`/siaran/${hearingId}`);
    const bad = await visitor.post(`/siaran/${hearingId}/tanya-email`, {
      body: 'Apakah pompa air di Pondok Gede akan ditambah?',
      name: 'Ahmad',
      email: 'bukan-email',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Alamat email: tulis alamat email yang lengkap/);
    assert.match(bad.body, /Saya setuju email saya disimpan/);
    const ok = await visitor.post(`/siaran/${hearingId}/tanya-email`, {
      body: 'Apakah pompa air di Pondok Gede akan ditambah?',
      name: 'Ahmad',
      email: 'ahmad@example.org',
      consent: 'yes',
    });
    assert.equal(ok.headers.location, `/siaran/${hearingId}?pesan=periksa-email#tanya`);
    await t.app.outbox.deliverDue();
    const [mail] = mailbox.to('ahmad@example.org');
    const link = linkIn(mail);
    assert.equal(
      await t.database.db
        .selectFrom('hearing_question')
        .select('id')
        .where('body', 'like', '%Pondok Gede%')
        .executeTakeFirst(),
      undefined,
      'nothing before the link is followed',
    );
    const page = await visitor.get(link);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.match(page.body, /Pondok Gede/);
    const token = visitor.csrf();
    const sent = await visitor.post(link, {});
    assert.equal(sent.headers.location, `/siaran/${hearingId}?pesan=terkirim#tanya`);
    assert.equal((await visitor.get(link)).statusCode, 404);
    assert.equal((await visitor.post(link, {}, { csrf: token })).statusCode, 404, 'a link sends once');
    const row = await t.database.db
      .selectFrom('hearing_question')
      .select(['status', 'email_sealed', 'asker_label'])
      .where('body', 'like', '%Pondok Gede%')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.asker_label, 'Ahmad');
    assert.doesNotMatch(String(row.email_sealed), /ahmad@example/, 'the address is sealed');
  });

  test('duplicates merge into one question with their support; rejected ones stay out', async () => {
    const db = t.database.db;
    const add = async (body: string) =>
      (
        await db
          .insertInto('hearing_question')
          .values({ hearing_id: hearingId, body, asker_label: '', status: 'pending' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const first = await add('Bagaimana pengawasan proyek tanggul di Bekasi Utara?');
    const second = await add('Siapa yang mengawasi tanggul Bekasi Utara?');
    const spam = await add('Beli pulsa murah di toko kami sekarang juga!');
    await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    await moderator.post(`/kelola/siaran/pertanyaan/${first}/setujui`, {});
    await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    await moderator.post(`/kelola/siaran/pertanyaan/${second}/setujui`, {});
    for (const id of [first, second]) {
      const v = agent();
      await v.get(`/siaran/${hearingId}`);
      await v.post(`/siaran/pertanyaan/${id}/dukung`, {});
    }
    const both = agent();
    await both.get(`/siaran/${hearingId}`);
    await both.post(`/siaran/pertanyaan/${first}/dukung`, {});
    await both.get(`/siaran/${hearingId}`);
    await both.post(`/siaran/pertanyaan/${second}/dukung`, {});

    await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    const wrong = await moderator.post(`/kelola/siaran/pertanyaan/${second}/gabung`, { into: String(spam) });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Pilihan ini tidak berlaku/);
    const merged = await moderator.post(`/kelola/siaran/pertanyaan/${second}/gabung`, { into: String(first) });
    assert.equal(merged.statusCode, 303);
    const kept = await db
      .selectFrom('hearing_question')
      .select('votes')
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    assert.equal(kept.votes, 3, 'three people, each counted once');
    await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
    await moderator.post(`/kelola/siaran/pertanyaan/${spam}/tolak`, {});
    const page = await agent().get(`/siaran/${hearingId}`);
    assert.doesNotMatch(page.body, /Siapa yang mengawasi tanggul/);
    assert.doesNotMatch(page.body, /Beli pulsa/);
    assert.match(page.body, /pengawasan proyek tanggul/);
  });

  test('every open page hears of an approval within a second, across the stream', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const one = await follow(port, `/siaran/${hearingId}/langsung`);
    const two = await follow(port, `/siaran/${hearingId}/langsung`);
    try {
      assert.equal(one.status(), 200);
      // A question waiting for the moderator is not sent to the public pages.
      const asker = await signIn(t, await createUser(t, 'citizen'), agent());
      await asker.get(`/siaran/${hearingId}`);
      await asker.post(`/siaran/${hearingId}/tanya`, {
        body: 'Apakah ada jalur sepeda di Jalan Ahmad Yani?',
        name: 'Dewi',
      });
      const { id } = await t.database.db
        .selectFrom('hearing_question')
        .select('id')
        .where('body', '=', 'Apakah ada jalur sepeda di Jalan Ahmad Yani?')
        .executeTakeFirstOrThrow();
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(
        one.events.flat().some((e) => (e as { id: number }).id === id),
        false,
        'not before it is approved',
      );
      await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
      const started = Date.now();
      await moderator.post(`/kelola/siaran/pertanyaan/${id}/setujui`, {});
      const seen = (events: unknown[][]) =>
        events
          .flat()
          .some((e) => (e as { id: number; body?: string }).id === id && (e as { body?: string }).body !== undefined);
      await until(() => seen(one.events) && seen(two.events));
      assert.ok(Date.now() - started < 1000, 'within a second');
      const shown = one.events.flat().find((e) => (e as { id: number }).id === id) as Record<string, unknown>;
      assert.equal(shown.asker, 'Dewi');
      assert.equal(shown.votes, 0);
      assert.equal('email' in shown || 'user' in shown, false, 'nobody’s address or account');
      // A rejection takes it off the open pages.
      await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
      await moderator.post(`/kelola/siaran/pertanyaan/${id}/tolak`, {});
      await until(() =>
        one.events
          .flat()
          .some((e) => (e as { id: number; gone?: boolean }).id === id && (e as { gone?: boolean }).gone === true),
      );
    } finally {
      one.close();
      two.close();
    }
  });

  test('a page whose stream broke is sent the whole public list when it reconnects, and only then', async () => {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const first = await follow(port, `/siaran/${hearingId}/langsung`);
    assert.deepEqual(first.ids, ['1'], 'the ready message carries the id a browser sends back');
    first.close();
    // While the page was away, a question was approved and another rejected.
    const [approved = 0, rejected = 0] = await Promise.all(
      ['Kapan lampu jalan Jatiasih diperbaiki?', 'Mohon info jadwal posyandu'].map(
        async (body) =>
          (
            await t.database.db
              .insertInto('hearing_question')
              .values({ hearing_id: hearingId, body, asker_label: '', status: 'approved' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
      ),
    );
    await t.database.db
      .updateTable('hearing_question')
      .set({ status: 'rejected' })
      .where('id', '=', rejected)
      .execute();
    const again = await follow(port, `/siaran/${hearingId}/langsung`, '1');
    try {
      await until(() => again.all.length === 1);
      const listed = (again.all[0] as { id: number; body?: string }[]).map((x) => x.id);
      const expected = (
        await t.database.db
          .selectFrom('hearing_question')
          .select('id')
          .where('hearing_id', '=', hearingId)
          .where('status', '=', 'approved')
          .execute()
      ).map((r) => r.id);
      assert.deepEqual(new Set(listed), new Set(expected), 'every approved question, nothing else');
      assert.ok(listed.includes(approved));
      assert.ok(!listed.includes(rejected));
      const fresh = await follow(port, `/siaran/${hearingId}/langsung`);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(fresh.all.length, 0, 'a page that never lost its stream is not sent the list');
      fresh.close();
    } finally {
      again.close();
    }
  });

  test('a stream open on another app instance of the same database hears of the approval too', async () => {
    // On PostgreSQL a second pool, as another process has; the embedded engine has one process.
    const database =
      t.database.connectionString === undefined
        ? { ...t.database, close: async () => {} }
        : await openPostgres(t.database.connectionString, 2);
    const other = await buildTestApp({ database });
    try {
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (other.app.server.address() as AddressInfo).port;
      const stream = await follow(port, `/siaran/${hearingId}/langsung`);
      const { id } = await t.database.db
        .insertInto('hearing_question')
        .values({ hearing_id: hearingId, body: 'Bagaimana nasib angkot di Terminal Bekasi?', asker_label: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await moderator.get(`/kelola/siaran/${hearingId}/moderasi`);
      await moderator.post(`/kelola/siaran/pertanyaan/${id}/setujui`, {});
      await until(() => stream.events.flat().some((e) => (e as { id: number; body?: string }).id === id));
      stream.close();
    } finally {
      await other.close();
    }
  });

  test('after the meeting: a written answer, or the question becomes an aspiration and its asker is told', async () => {
    const past = await meeting({ startsInHours: -5 });
    await staff.get('/kelola/siaran');
    const opened = await staff.post('/kelola/siaran', { meeting: String(past) });
    const pastId = Number(/\/kelola\/siaran\/(\d+)\//.exec(String(opened.headers.location))?.[1]);
    const db = t.database.db;
    const asker = await createUser(t, 'citizen', { name: 'Wati' });
    const q1 = (
      await db
        .insertInto('hearing_question')
        .values({
          hearing_id: pastId,
          body: 'Bagaimana nasib pasar tradisional Kranji?',
          asker_label: 'Wati',
          user_id: asker.id,
          status: 'approved',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const q2 = (
      await db
        .insertInto('hearing_question')
        .values({
          hearing_id: pastId,
          body: 'Kapan lampu jalan di Rawalumbu diperbaiki?',
          asker_label: '',
          email_sealed: t.app.sealer.seal('tono@example.org'),
          email_lookup: t.app.sealer.lookup('tono@example.org'),
          status: 'approved',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    // Questions are closed once the meeting is over.
    const visitor = agent();
    const page = await visitor.get(`/siaran/${pastId}`);
    assert.match(page.body, /Rapat sudah selesai/);
    const late = await (await signIn(t, await createUser(t, 'citizen'), agent())).get(`/siaran/${pastId}`);
    assert.doesNotMatch(late.body, /action="\/siaran\/\d+\/tanya"/);

    const form = await moderator.get(`/kelola/siaran/pertanyaan/${q1}`);
    assert.equal(form.statusCode, 200);
    const badMoment = await moderator.post(`/kelola/siaran/pertanyaan/${q1}/jawab`, { answer: '', moment: 'dua jam' });
    assert.equal(badMoment.statusCode, 400);
    assert.match(badMoment.body, /Menit rekaman \(boleh kosong\): tulis menit rekaman seperti 12:34/);
    const answered = await moderator.post(`/kelola/siaran/pertanyaan/${q1}/jawab`, {
      answer: 'Revitalisasi Pasar Kranji dijadwalkan tahun depan dengan anggaran dari APBD.',
      moment: '',
    });
    assert.equal(answered.statusCode, 303);
    await t.app.outbox.deliverDue();
    const toAsker = mailbox.to(asker.email);
    assert.equal(toAsker.length, 1);
    assert.match(toAsker[0]?.text ?? '', /Revitalisasi Pasar Kranji/);

    await moderator.get(`/kelola/siaran/pertanyaan/${q2}`);
    const missing = await moderator.post(`/kelola/siaran/pertanyaan/${q2}/aspirasi`, {
      category: '',
      location: '',
      title: '',
    });
    assert.equal(missing.statusCode, 400);
    const category = await db.selectFrom('aspiration_category').select('slug').executeTakeFirstOrThrow();
    const kelurahan = await db.selectFrom('kelurahan').select('id').executeTakeFirstOrThrow();
    const filed = await moderator.post(`/kelola/siaran/pertanyaan/${q2}/aspirasi`, {
      category: category.slug,
      location: String(kelurahan.id),
      title: 'Lampu jalan di Rawalumbu padam',
    });
    assert.equal(filed.statusCode, 303);
    const code = /kode=(ASP-\d{4}-\d{6})/.exec(String(filed.headers.location))?.[1];
    assert.ok(code);
    const aspiration = await db
      .selectFrom('aspiration')
      .select(['channel', 'title'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(aspiration.channel, 'siaran');
    await t.app.outbox.deliverDue();
    assert.match(mailbox.to('tono@example.org')[0]?.text ?? '', new RegExp(code));
    const shown = await agent().get(`/siaran/${pastId}`);
    assert.match(shown.body, new RegExp(`href="/aspirasi/${code}"`));
    assert.match(shown.body, /Revitalisasi Pasar Kranji/);

    // The API shows the same, with nobody's address.
    const api = await t.app.inject(`/api/v1/hearings/${pastId}/questions`);
    assert.equal(api.statusCode, 200);
    const body = api.json() as { questions: { question: string; answer: string | null; aspiration: string | null }[] };
    assert.equal(body.questions.length, 2);
    assert.equal(
      body.questions.find((x) => x.aspiration === code)?.question,
      'Kapan lampu jalan di Rawalumbu diperbaiki?',
    );
    assert.doesNotMatch(api.body, /tono@example|user_id|email/);
    const list = (await t.app.inject('/api/v1/hearings')).json() as { hearings: { id: number; answered: number }[] };
    assert.equal(list.hearings.find((h) => h.id === pastId)?.answered, 2);
    const csv = await t.app.inject('/data/pertanyaan-rapat-daring.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /Revitalisasi Pasar Kranji/);
    assert.match(csv.body, new RegExp(code));
    assert.doesNotMatch(csv.body, /Wati|tono@example/, 'no asker named in open data');
  });

  test('a hearing of a meeting closed later is no longer public', async () => {
    const later = await meeting({ startsInHours: 30 });
    await staff.get('/kelola/siaran');
    const opened = await staff.post('/kelola/siaran', { meeting: String(later) });
    const id = Number(/\/kelola\/siaran\/(\d+)\//.exec(String(opened.headers.location))?.[1]);
    assert.equal((await agent().get(`/siaran/${id}`)).statusCode, 200);
    await t.database.db.updateTable('meeting').set({ open: false }).where('id', '=', later).execute();
    assert.equal((await agent().get(`/siaran/${id}`)).statusCode, 404);
    assert.equal((await agent().get(`/siaran/${id}/langsung`)).statusCode, 404);
    assert.equal((await t.app.inject(`/api/v1/hearings/${id}/questions`)).statusCode, 404);
  });
});
