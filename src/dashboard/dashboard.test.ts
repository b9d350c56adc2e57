import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { forgetCouncil, getCouncil } from '../council/service.ts';
import type { AspirationKind, AspirationStatus } from '../db/schema.ts';
import { newToken } from '../platform/crypto.ts';
import { jakartaDay, workingDaysUntil } from '../platform/working-days.ts';

let t: TestApp;
const DAY = 24 * 3600_000;
const today = jakartaDay(new Date());
/** The Jakarta day `n` calendar days before today. */
const daysAgo = (n: number) => jakartaDay(new Date(Date.now() - n * DAY));

/**
 * The fixture: the only aspirations in this database. Two komisi (A, B), two dapil (1, 2); late
 * ones are due some weeks back, so the working days late are counted whatever today is.
 */
interface Fixture {
  code: string;
  status: AspirationStatus;
  kind: AspirationKind;
  komisi: 'A' | 'B' | null;
  dapil: 0 | 1;
  receivedDaysAgo: number;
  due: string;
  /** A step taken by the staff member, so the official of the last step is known. */
  handled: boolean;
  askedFixed?: boolean;
}
const fixtures: Fixture[] = [
  {
    code: 'ASP-2026-880001',
    status: 'received',
    kind: 'pengaduan',
    komisi: null,
    dapil: 0,
    receivedDaysAgo: 2,
    due: daysAgo(1),
    handled: false,
  },
  {
    code: 'ASP-2026-880002',
    status: 'forwarded',
    kind: 'pengaduan',
    komisi: 'A',
    dapil: 1,
    receivedDaysAgo: 80,
    due: daysAgo(45),
    handled: true,
  },
  {
    code: 'ASP-2026-880003',
    status: 'forwarded',
    kind: 'aspirasi',
    komisi: 'A',
    dapil: 1,
    receivedDaysAgo: 60,
    due: daysAgo(-20),
    handled: false,
  },
  {
    code: 'ASP-2026-880004',
    status: 'verified',
    kind: 'pengaduan',
    komisi: 'B',
    dapil: 0,
    receivedDaysAgo: 60,
    due: daysAgo(12),
    handled: true,
  },
  {
    code: 'ASP-2026-880005',
    status: 'resolved',
    kind: 'pengaduan',
    komisi: 'B',
    dapil: 0,
    receivedDaysAgo: 60,
    due: daysAgo(20),
    handled: false,
    askedFixed: true,
  },
  {
    code: 'ASP-2026-880006',
    status: 'forwarded',
    kind: 'rahasia',
    komisi: 'B',
    dapil: 0,
    receivedDaysAgo: 60,
    due: daysAgo(-10),
    handled: false,
  },
];
const open = fixtures.filter((f) => ['received', 'verified', 'forwarded'].includes(f.status));
const late = open.filter((f) => f.due < today);

let staffName = '';
let komisiNames: { A: string; B: string } = { A: '', B: '' };
let holidays: ReadonlySet<string> = new Set();
/** A member of komisi A (not in the council's leadership), and one of the pimpinan. */
let memberOfA: { id: number; slug: string; name: string; dapilId: number | null } | undefined;
let leader: { id: number } | undefined;
let dapilIds: [number, number] = [0, 0];

before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const structure = await getCouncil(db);
  holidays = structure.holidays;
  const councilId = structure.council.id;
  const [a, b] = structure.komisi;
  assert.ok(a !== undefined && b !== undefined);
  komisiNames = { A: a.name, B: b.name };
  const [d1, d2] = structure.dapil;
  assert.ok(d1 !== undefined && d2 !== undefined);
  dapilIds = [d1.id, d2.id];
  const staff = await createUser(t, 'staff');
  staffName = staff.name;
  const category = await db
    .insertInto('aspiration_category')
    .values({
      council_id: councilId,
      slug: 'uji-dasbor',
      name: 'Uji dasbor',
      name_en: 'Dashboard test',
      komisi_id: null,
      target_days: 10,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const f of fixtures) {
    const dapil = structure.dapil[f.dapil];
    const place = structure.kecamatan.find((k) => k.dapilNumber === dapil?.number);
    assert.ok(dapil !== undefined && place !== undefined);
    const received = new Date(Date.now() - f.receivedDaysAgo * DAY);
    const { id } = await db
      .insertInto('aspiration')
      .values({
        council_id: councilId,
        code: f.code,
        kind: f.kind,
        category_id: category.id,
        title: `Uji dasbor ${f.code}`,
        description: 'Aspirasi untuk menguji dasbor.',
        kecamatan_id: place.id,
        dapil_id: dapil.id,
        channel: 'web',
        status: f.status,
        komisi_id: f.komisi === null ? null : f.komisi === 'A' ? a.id : b.id,
        access_token_hash: newToken().hash,
        received_at: received,
        verify_due: f.status === 'received' ? f.due : daysAgo(f.receivedDaysAgo - 3),
        resolve_due: f.status === 'received' ? null : f.due,
        fixed_asked_at: f.askedFixed === true ? new Date(Date.now() - 3 * DAY) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (f.handled)
      await db
        .insertInto('aspiration_event')
        .values({ aspiration_id: id, kind: 'verified', public: true, actor_user_id: staff.id, created_at: received })
        .execute();
    // A message about the verified one did not go out.
    if (f.code === 'ASP-2026-880004')
      await db
        .insertInto('outbox')
        .values({
          channel: 'sms',
          recipient_sealed: t.app.sealer.seal('+6281234567890'),
          subject: '',
          body: 'Uji',
          status: 'failed',
          topic: `aspiration:${id}`,
        })
        .execute();
  }
  // A survey that runs now.
  await db
    .insertInto('survey')
    .values({
      council_id: councilId,
      kind: 'general',
      title: 'Survei uji dasbor',
      opens_on: daysAgo(5),
      closes_on: daysAgo(-5),
      status: 'published',
    })
    .execute();
  const members = await db
    .selectFrom('member')
    .innerJoin('body_membership', 'body_membership.member_id', 'member.id')
    .innerJoin('body', 'body.id', 'body_membership.body_id')
    .select(['member.id', 'member.slug', 'member.name', 'member.dapil_id', 'body.id as body_id', 'body.kind'])
    .where('member.council_id', '=', councilId)
    .execute();
  const inLeadership = new Set(members.filter((m) => m.kind === 'pimpinan').map((m) => m.id));
  const found = members.find((m) => m.body_id === a.id && !inLeadership.has(m.id));
  assert.ok(found !== undefined, 'a member of the first komisi outside the pimpinan');
  memberOfA = { id: found.id, slug: found.slug, name: found.name, dapilId: found.dapil_id };
  const head = members.find((m) => m.kind === 'pimpinan');
  assert.ok(head !== undefined, 'the council has a pimpinan');
  leader = { id: head.id };
  forgetCouncil(db);
});
after(() => t.close());

const agent = () => new Agent(t.app, '192.0.2.91');

/** The cells of the table row that starts with `name` (the row's heading), as the page writes them. */
function row(body: string, name: string): string[] | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(
    `<tr><th scope="row">(?:<a [^>]*>)?${escaped}(?:</a>)?</th>((?:<td[^>]*>[^<]*</td>)+)</tr>`,
  ).exec(body);
  return match?.[1]?.match(/<td[^>]*>([^<]*)<\/td>/g)?.map((cell) => cell.replace(/<[^>]+>/g, ''));
}

async function asMember(memberId: number): Promise<Agent> {
  const user = await createUser(t, 'member');
  await t.database.db.updateTable('app_user').set({ member_id: memberId }).where('id', '=', user.id).execute();
  return signIn(t, user, agent());
}

describe('the dashboard', () => {
  test('staff see the open work of the whole council: where it is, how late, and who acted last', async () => {
    const staff = await signIn(t, await createUser(t, 'staff'), agent());
    const res = await staff.get('/kelola/dasbor');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(
      body,
      new RegExp(`<dt>Aspirasi terbuka</dt><dd><a href="/kelola/aspirasi\\?status=open">${open.length}</a></dd>`),
    );
    assert.match(body, new RegExp(`<dt>Lewat tenggat</dt><dd>${late.length}</dd>`));
    assert.match(body, /<dt>Menunggu verifikasi<\/dt><dd><a href="\/kelola\/aspirasi\?status=received">1<\/a><\/dd>/);
    assert.match(
      body,
      /<dt>Menunggu jawaban warga (?:"|&quot;)Sudah beres\?(?:"|&quot;)<\/dt><dd>1, yang terlama sejak /,
    );
    const count = (list: Fixture[]) => String(list.length);
    const ofKomisi = (k: Fixture['komisi']) => open.filter((f) => f.komisi === k);
    assert.deepEqual(row(body, komisiNames.A), [
      count(ofKomisi('A')),
      count(ofKomisi('A').filter((f) => late.includes(f))),
    ]);
    assert.deepEqual(row(body, komisiNames.B), [
      count(ofKomisi('B')),
      count(ofKomisi('B').filter((f) => late.includes(f))),
    ]);
    assert.deepEqual(row(body, 'Belum diteruskan ke komisi'), ['1', '1']);
    assert.deepEqual(row(body, 'Dapil 1'), [
      count(open.filter((f) => f.dapil === 0)),
      count(late.filter((f) => f.dapil === 0)),
    ]);
    const handled = open.filter((f) => f.handled);
    assert.deepEqual(row(body, staffName), [count(handled), count(handled.filter((f) => late.includes(f)))]);
    assert.deepEqual(row(body, 'Belum ada yang menangani'), [
      count(open.filter((f) => !f.handled)),
      count(open.filter((f) => !f.handled && late.includes(f))),
    ]);
    // A member sees what was forwarded to their komisi, or to their dapil unless confidential.
    assert.ok(memberOfA !== undefined);
    const mine = open.filter(
      (f) =>
        f.status !== 'received' &&
        (f.komisi === 'A' || (f.kind !== 'rahasia' && dapilIds[f.dapil] === memberOfA?.dapilId)),
    );
    assert.deepEqual(row(body, memberOfA.name), [count(mine), count(mine.filter((f) => late.includes(f)))]);

    // Lateness in working days, counted here with the calendar's own rule.
    const daysLate = late.map((f) => workingDaysUntil(f.due, today, holidays));
    const band = (from: number, to: number) => String(daysLate.filter((d) => d >= from && d <= to).length);
    assert.deepEqual(row(body, 'sampai 5 hari kerja'), [band(0, 5)]);
    assert.deepEqual(row(body, '6–10 hari kerja'), [band(6, 10)]);
    assert.deepEqual(row(body, '11–20 hari kerja'), [band(11, 20)]);
    assert.deepEqual(row(body, 'lebih dari 20 hari kerja'), [band(21, 10_000)]);
    assert.match(body, /<svg/, 'the lateness chart is drawn on the server');
    // The longest late first, each linked to its case.
    const oldest = [...late].sort((x, y) => x.due.localeCompare(y.due));
    const shown = [...body.matchAll(/<th scope="row"><a href="\/kelola\/aspirasi\/(ASP-[0-9-]+)">/g)].map((m) => m[1]);
    assert.deepEqual(
      shown.filter((code) => code !== undefined && late.some((f) => f.code === code)),
      oldest.map((f) => f.code),
    );
    const longest = oldest[0];
    assert.ok(longest !== undefined);
    assert.equal(row(body, longest.code)?.at(-1), String(workingDaysUntil(longest.due, today, holidays)));

    // Messages that did not go out, and what runs now.
    assert.deepEqual(row(body, 'SMS'), ['1']);
    assert.match(body, /<a href="\/kelola\/aspirasi\/ASP-2026-880004">ASP-2026-880004<\/a> Uji dasbor ASP-2026-880004/);
    assert.match(body, /<a href="\/kelola\/survei\/\d+\/hasil">Survei uji dasbor<\/a>, 0 jawaban/);

    // The leadership's part: this week one came in (none the week before), in a rising category.
    assert.match(body, /Untuk pimpinan: seluruh DPRD/);
    assert.deepEqual(row(body, 'Diterima'), ['1', '0', '+1']);
    assert.deepEqual(row(body, 'Uji dasbor'), ['1', '0', '+1']);
    assert.match(body, /<a href="\/kelola\/aspirasi\?kategori=uji-dasbor">Uji dasbor<\/a>/);
  });

  test('a member sees the figures of their komisi and dapil; only the pimpinan also sees the council’s trends', async () => {
    assert.ok(memberOfA !== undefined && leader !== undefined);
    const member = await asMember(memberOfA.id);
    const res = await member.get('/kelola/dasbor');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Angka ini untuk aspirasi yang diteruskan ke komisi dan dapil Anda\./);
    const mine = open.filter(
      (f) =>
        f.status !== 'received' &&
        (f.komisi === 'A' || (f.kind !== 'rahasia' && dapilIds[f.dapil] === memberOfA?.dapilId)),
    );
    assert.match(
      res.body,
      new RegExp(`<dt>Aspirasi terbuka</dt><dd><a href="/kelola/aspirasi\\?status=open">${mine.length}</a></dd>`),
    );
    assert.doesNotMatch(res.body, /Menunggu verifikasi/);
    assert.doesNotMatch(res.body, /Untuk pimpinan/);
    assert.doesNotMatch(res.body, /<th scope="row">SMS<\/th>/, 'the outbox of the whole portal is the secretariat’s');
    // Surveys are linked to their public page: their back office is the secretariat's.
    assert.match(res.body, /<a href="\/survei\/\d+">Survei uji dasbor<\/a>/);

    const head = await asMember(leader.id);
    const theirs = await head.get('/kelola/dasbor');
    assert.equal(theirs.statusCode, 200);
    assert.match(theirs.body, /Untuk pimpinan: seluruh DPRD/);
  });

  test('the back office links to it; citizens, moderators and visitors may not open it', async () => {
    const admin = await signIn(t, await createUser(t, 'administrator'), agent());
    assert.match((await admin.get('/kelola')).body, /<a href="\/kelola\/dasbor">Dasbor<\/a>/);
    assert.equal((await admin.get('/kelola/dasbor?lang=en')).statusCode, 200);
    for (const role of ['citizen', 'moderator'] as const) {
      const outsider = await signIn(t, await createUser(t, role), agent());
      assert.equal((await outsider.get('/kelola/dasbor')).statusCode, 403, role);
    }
    const visitor = await agent().get('/kelola/dasbor');
    assert.equal(visitor.statusCode, 303);
    assert.match(visitor.headers.location ?? '', /^\/masuk/);
  });
});
