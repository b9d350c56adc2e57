/**
 * Similar earlier cases on an officer's case page (issue 21, point 4): found by words, place and
 * time across statuses, each saying why; one click merges, an earlier answer starts a new one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { signedInPerson } from '../../test/helpers/users.ts';
import type { Role } from '../db/schema.ts';

let app: TestApp;
before(async () => {
  app = await buildTestApp();
});
after(() => app.close());

describe('an officer sees earlier aspirations like the one open', () => {
  test('ranked by words, place and time across statuses; merged with one click; an earlier answer reused', async () => {
    const person = (role: Role) => signedInPerson(app, role);
    const staff = await person('staff');
    const step = async (code: string, form: Record<string, string>) => {
      await staff.get(`/kelola/aspirasi/${code}`);
      const done = await staff.post(`/kelola/aspirasi/${code}`, form);
      assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    };

    const road = await sendAspiration(app, 'Jalan berlubang besar di depan SDN Margahayu 3, motor sering jatuh');
    await step(road, { action: 'verify' });
    await step(road, {
      action: 'respond',
      body: 'Dinas PUPR menjadwalkan penambalan jalan di depan SDN Margahayu 3 pekan depan.',
    });
    const rejected = await sendAspiration(app, 'Lubang di jalan depan SDN Margahayu, tolong ditambal');
    await step(rejected, { action: 'reject', reason: 'Laporan ganda dari pengirim yang sama.' });
    const unrelated = await sendAspiration(app, 'Posyandu Melati kekurangan timbangan bayi dan vitamin');
    const current = await sendAspiration(app, 'Jalan depan SDN Margahayu 3 berlubang lagi, sudah ada yang jatuh');
    const later = await sendAspiration(app, 'Jalan depan SDN Margahayu 3 masih berlubang minggu ini');

    const page = (await staff.get(`/kelola/aspirasi/${current}`)).body;
    assert.match(page, /<h2 id="serupa">Aspirasi serupa sebelumnya<\/h2>/);
    const section = page.slice(page.indexOf('id="serupa"'), page.indexOf('id="kategori"'));
    const at = (code: string) => section.indexOf(`>${code}</a>`);
    assert.ok(at(road) > 0 && at(rejected) > 0, 'the answered one and the rejected one are both found');
    assert.ok(at(road) < at(rejected), 'the one sharing more words comes first');
    assert.ok(at(unrelated) === -1 || at(unrelated) > at(rejected), 'the unrelated one is not above them');
    assert.equal(at(later), -1, 'only earlier ones');
    assert.match(section, /kata yang sama: [^<]*jalan[^<]*; kelurahan yang sama; pada hari yang sama\./);
    assert.match(section, /Dinas PUPR menjadwalkan penambalan jalan/);
    assert.match(section, new RegExp(`Tandai duplikat dari ${road}`));
    assert.doesNotMatch(section, new RegExp(`Tandai duplikat dari ${rejected}`), 'a rejected one takes no duplicates');

    // An earlier answer starts this one's response once it is verified.
    await step(current, { action: 'verify' });
    const reuse = (await staff.get(`/kelola/aspirasi/${current}?jawaban=${road}`)).body;
    assert.match(
      reuse,
      /<textarea[^>]*id="respond-body"[^>]*>Dinas PUPR menjadwalkan penambalan jalan di depan SDN Margahayu 3 pekan depan\.<\/textarea>/,
    );
    assert.match(reuse, new RegExp(`href="/kelola/aspirasi/${current}\\?jawaban=${road}#respond-body"`));

    // A member reads the case without the section (merging is triage); a citizen cannot open it.
    const member = await person('member');
    const seen = await member.get(`/kelola/aspirasi/${current}`);
    if (seen.statusCode === 200) assert.doesNotMatch(seen.body, /Aspirasi serupa sebelumnya/);
    const citizen = await person('citizen');
    assert.notEqual((await citizen.get(`/kelola/aspirasi/${current}`)).statusCode, 200);

    // One click merges it into the earlier one, which now counts its sender as a supporter.
    const before = await app.database.db
      .selectFrom('aspiration')
      .select('supporters')
      .where('code', '=', road)
      .executeTakeFirstOrThrow();
    await step(current, { action: 'duplicate', of: road });
    const rows = await app.database.db
      .selectFrom('aspiration')
      .select(['code', 'status', 'supporters'])
      .where('code', 'in', [road, current])
      .execute();
    assert.equal(rows.find((r) => r.code === current)?.status, 'duplicate');
    assert.equal(rows.find((r) => r.code === road)?.supporters, before.supporters + 1);
  });
});

describe('an officer handles a group of open aspirations about the same issue at once', () => {
  test('alike open ones of a kecamatan are grouped with their shared words; the chosen are merged into the oldest', async () => {
    const person = (role: Role) => signedInPerson(app, role);
    const staff = await person('staff');
    const oldest = await sendAspiration(app, 'Lampu PJU di Jalan Cendana Raya mati total, gelap sekali malam hari');
    const second = await sendAspiration(app, 'PJU Jalan Cendana Raya padam, lampu mati sudah seminggu, rawan begal');
    const third = await sendAspiration(app, 'Mohon lampu jalan Cendana Raya diperbaiki, mati semua');
    const apart = await sendAspiration(app, 'Pasar Kranji becek dan bau, saluran pembuangan tersumbat sampah');

    const page = await staff.get('/kelola/aspirasi/kelompok');
    assert.equal(page.statusCode, 200);
    const groups = page.body.split('<section aria-labelledby="kelompok-').slice(1);
    const lamps = groups.find((g) => g.includes(`>${oldest}</a>`));
    assert.ok(lamps !== undefined, 'the three about the street lights form a group');
    for (const code of [second, third]) assert.ok(lamps.includes(`>${code}</a>`), code);
    assert.ok(!lamps.includes(`>${apart}</a>`), 'the market is not in it');
    assert.match(lamps, /<h2 id="kelompok-\d+">3 aspirasi di Kecamatan [^:]+: [^<]*cendana/);
    assert.match(lamps, new RegExp(`Tandai yang dipilih sebagai duplikat dari ${oldest}`));
    assert.ok(
      groups.every((g) => !g.includes(`>${apart}</a>`)),
      'an aspiration like no other is in no group',
    );

    // Who may see and act: those who triage.
    for (const role of ['member', 'citizen'] as const) {
      const other = await person(role);
      assert.equal((await other.get('/kelola/aspirasi/kelompok')).statusCode, 403, role);
      await other.get('/akun');
      const refused = await other.post('/kelola/aspirasi/massal', [
        ['action', 'duplicate'],
        ['of', oldest],
        ['codes', second],
      ]);
      assert.equal(refused.statusCode, 403, role);
    }

    // All three chosen: the oldest cannot be a duplicate of itself, so two are merged into it.
    await staff.get('/kelola/aspirasi/kelompok');
    const merged = await staff.post('/kelola/aspirasi/massal', [
      ['back', 'kelompok'],
      ['of', oldest],
      ['codes', oldest],
      ['codes', second],
      ['codes', third],
      ['action', 'duplicate'],
    ]);
    assert.equal(merged.statusCode, 303);
    assert.equal(merged.headers.location, '/kelola/aspirasi/kelompok?pesan=massal&n=2&lewat=1');
    const rows = await app.database.db
      .selectFrom('aspiration as a')
      .leftJoin('aspiration as d', 'd.id', 'a.duplicate_of_id')
      .select(['a.code', 'a.status', 'd.code as of'])
      .where('a.code', 'in', [oldest, second, third])
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.code, r.status, r.of]).sort(),
      [
        [oldest, 'received', null],
        [second, 'duplicate', oldest],
        [third, 'duplicate', oldest],
      ].sort(),
    );
    const after = await staff.get(merged.headers.location as string);
    assert.match(after.body, /2 aspirasi diproses; 1 dilewati/);
    assert.ok(
      after.body.split('<section aria-labelledby="kelompok-').every((g) => !g.includes(`>${second}</a>`)),
      'a merged one leaves the groups',
    );
  });
});
