import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import { linkIn, type Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { forgetCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';
import { fitsOneSms } from '../platform/sms.ts';
import { sendReminders } from './service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `203.0.113.${++ip % 250}`);

/** A calendar day in Jakarta, n days from today. */
function day(n: number): string {
  return new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

const slotsOf = (desk: 'umum' | 'komisi' | 'anggota', place: string) =>
  t.database.db
    .selectFrom('room_slot')
    .select(['id', 'starts_at', 'ends_at', 'capacity', 'booked'])
    .where('desk', '=', desk)
    .where('place', '=', place)
    .orderBy('starts_at')
    .execute();

async function publish(staff: Agent, form: Record<string, string>) {
  await staff.get('/kelola/janji-temu/waktu');
  return staff.post('/kelola/janji-temu/waktu', {
    desk: 'umum',
    from: day(1),
    until: day(12),
    startTime: '09:00',
    endTime: '10:00',
    minutes: '30',
    capacity: '2',
    place: 'Ruang Aspirasi, Lantai 1',
    ...form,
  });
}

async function bookSlot(person: Agent, slotId: number, form: Record<string, string> = {}) {
  await person.get(`/janji-temu/waktu/${slotId}`);
  return person.post(`/janji-temu/waktu/${slotId}`, {
    topic: 'Jalan di depan rumah kami rusak sejak banjir bulan lalu.',
    aspiration: '',
    name: 'Wati Suryani',
    email: 'wati.janji@example.org',
    phone: '',
    consent: 'yes',
    ...form,
  });
}

describe('the aspiration room', () => {
  let staff: Agent;

  before(async () => {
    staff = await signIn(t, await createUser(t, 'staff'), agent());
  });

  test('staff publish opening times on working days only; mistakes are said and nothing is stored', async () => {
    const page = await staff.get('/kelola/janji-temu/waktu');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<option value="umum">Meja layanan umum<\/option>/);
    assert.match(page.body, /<option value="komisi:[^"]+">Komisi/);

    const before = (await t.database.db.selectFrom('room_slot').select('id').execute()).length;
    const bad = await publish(staff, {
      desk: 'meja-tidak-ada',
      from: day(-3),
      until: day(-5),
      startTime: '25:00',
      endTime: '',
      minutes: '5',
      capacity: '0',
      place: '',
    });
    assert.equal(bad.statusCode, 400);
    for (const message of [
      /Meja: isian ini tidak sah\./,
      /Dari tanggal: tanggal ini sudah lewat\./,
      /Jam mulai \(WIB\): isian ini tidak sah\./,
      /Jam selesai \(WIB\): isian ini wajib diisi\./,
      /Lama tiap janji temu \(menit\): isian ini tidak sah\./,
      /Jumlah tempat tiap waktu: isian ini tidak sah\./,
      /Tulis tempatnya\./,
    ])
      assert.match(bad.body, message);
    const backwards = await publish(staff, { from: day(5), until: day(2), startTime: '11:00', endTime: '10:00' });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /Sampai tanggal: harus sesudah isian sebelumnya\./);
    assert.match(backwards.body, /Jam selesai \(WIB\): harus sesudah isian sebelumnya\./);
    const tooLong = await publish(staff, { from: day(1), until: day(80) });
    assert.match(tooLong.body, /Sampai tanggal: paling lama 60 hari sekaligus\./);
    assert.equal((await t.database.db.selectFrom('room_slot').select('id').execute()).length, before);

    // A week of February 2027 with a local holiday on the Wednesday: Monday, Tuesday, Thursday and
    // Friday get two half-hour times each; the weekend and the holiday none.
    await t.database.db.insertInto('holiday').values({ day: '2027-02-03', kind: 'lokal', source: 'uji' }).execute();
    forgetCouncil(t.database.db);
    const week = await publish(staff, { from: '2027-02-01', until: '2027-02-07', place: 'Ruang Uji Pekan' });
    assert.equal(week.statusCode, 303);
    assert.equal(week.headers.location, '/kelola/janji-temu/waktu?pesan=terbit');
    const made = await slotsOf('umum', 'Ruang Uji Pekan');
    assert.deepEqual(
      made.map((s) => s.starts_at.toISOString()),
      [
        '2027-02-01T02:00:00.000Z',
        '2027-02-01T02:30:00.000Z',
        '2027-02-02T02:00:00.000Z',
        '2027-02-02T02:30:00.000Z',
        '2027-02-04T02:00:00.000Z',
        '2027-02-04T02:30:00.000Z',
        '2027-02-05T02:00:00.000Z',
        '2027-02-05T02:30:00.000Z',
      ],
    );
    // The same times again are not made twice; a weekend alone has nothing to publish.
    assert.equal(
      (await publish(staff, { from: '2027-02-01', until: '2027-02-07', place: 'Ruang Uji Pekan' })).statusCode,
      303,
    );
    assert.equal((await slotsOf('umum', 'Ruang Uji Pekan')).length, 8);
    const weekend = await publish(staff, { from: '2027-02-06', until: '2027-02-07' });
    assert.equal(weekend.statusCode, 400);
    assert.match(weekend.body, /hanya berisi akhir pekan, hari libur/);
  });

  test('a citizen books a place, gets the code, the calendar file and a reminder, then moves and cancels by the link', async () => {
    assert.equal((await publish(staff, { place: 'Ruang Aspirasi Uji Pesan' })).statusCode, 303);
    const slots = await slotsOf('umum', 'Ruang Aspirasi Uji Pesan');
    assert.ok(slots.length >= 4);
    const [first, second] = slots;
    assert.ok(first !== undefined && second !== undefined);

    const list = await agent().get('/janji-temu');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`href="/janji-temu/waktu/${first.id}"`));
    assert.match(list.body, /2 tempat tersisa/);

    // Mistakes: each said beside its field, nothing booked.
    const visitor = agent();
    const bad = await bookSlot(visitor, first.id, {
      topic: 'Jalan',
      aspiration: 'ASP-2026-999999',
      name: '',
      email: 'bukan-email',
      consent: '',
    });
    assert.equal(bad.statusCode, 400);
    for (const message of [
      /Yang ingin Anda bicarakan: terlalu pendek\./,
      /Kode aspirasi terkait \(tidak wajib\): isian ini tidak sah\./,
      /Tulis nama Anda\./,
      /Email: tulis alamat email yang benar/,
      /Centang persetujuan agar kami boleh menyimpan nama dan kontak Anda\./,
    ])
      assert.match(bad.body, message);
    const noContact = await bookSlot(visitor, first.id, { email: '', phone: '' });
    assert.match(noContact.body, /Email: isi email atau nomor telepon agar kami dapat mengirim konfirmasi\./);
    assert.equal((await t.database.db.selectFrom('appointment').select('id').execute()).length, 0);

    const booked = await bookSlot(visitor, first.id, { phone: '0812 3456 7890' });
    assert.equal(booked.statusCode, 303);
    const mine = String(booked.headers.location);
    assert.match(mine, /^\/janji-temu\/saya\/[A-Za-z0-9_-]+\?pesan=dibuat$/);
    const page = await visitor.get(mine);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['cache-control']), /no-store/);
    const code = /<strong>(JT-[A-Z0-9]{6})<\/strong>/.exec(page.body)?.[1] ?? '';
    assert.notEqual(code, '');
    assert.match(page.body, /Janji temu Anda tercatat/);
    assert.match(page.body, /Ruang Aspirasi Uji Pesan/);
    assert.equal((await slotsOf('umum', 'Ruang Aspirasi Uji Pesan'))[0]?.booked, 1);

    // The confirmation goes by email and by SMS (an unconfigured channel is recorded, not faked).
    await t.app.outbox.deliverDue();
    const mail = mailbox.to('wati.janji@example.org');
    assert.equal(mail.length, 1);
    assert.match(mail[0]?.subject ?? '', new RegExp(`^Janji temu ${code}: `));
    assert.match(mail[0]?.text ?? '', /Kode: JT-/);
    assert.match(mail[0]?.text ?? '', /pukul \d\d:\d\d WIB[^ ]/, 'the time is given once, in WIB');
    const link = linkIn(mail[0]);
    assert.equal(link, mine.replace(/\?.*$/, ''));
    const sms = await t.database.db
      .selectFrom('outbox')
      .select(['status', 'body'])
      .where('channel', '=', 'sms')
      .where('topic', '=', `appointment:${code}`)
      .execute();
    assert.deepEqual(
      sms.map((r) => r.status),
      ['unconfigured'],
    );
    // One SMS: the code, the day and the time first (what a cut never reaches), and the link to
    // the appointment, whole, at its end.
    const text = sms[0]?.body ?? '';
    assert.ok(fitsOneSms(text), `one SMS: ${text}`);
    assert.match(text, new RegExp(`janji temu ${code} \\d{1,2} [A-Z][a-z]+ \\d{4} \\d\\d:\\d\\d WIB\\.`));
    assert.ok(text.endsWith(` http://localhost:3000${link}`), text);

    // The calendar file.
    const ics = await visitor.get(`${link}/janji.ics`);
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers['content-type']), /^text\/calendar/);
    assert.match(ics.body, /BEGIN:VEVENT/);
    assert.match(ics.body, new RegExp(`SUMMARY:Janji temu ${code} di ruang aspirasi`));
    assert.match(ics.body, new RegExp(`DTSTART:${first.starts_at.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`));

    // The reminder goes once, the day before.
    mailbox.clear();
    const dayBefore = new Date(first.starts_at.getTime() - 86_400_000);
    // As when the server has just started: nothing of the council read yet. Reading it inside the
    // reminder's transaction would wait forever on PGlite's single connection.
    forgetCouncil(t.database.db);
    assert.equal(await sendReminders(deps(t.app), dayBefore), 1);
    assert.equal(await sendReminders(deps(t.app), dayBefore), 0);
    await t.app.outbox.deliverDue();
    assert.match(mailbox.to('wati.janji@example.org')[0]?.subject ?? '', new RegExp(`^Besok: janji temu ${code}`));

    // Moving: the new place is taken, the old one given back.
    await visitor.get(link);
    const moved = await visitor.post(`${link}/pindah`, { slot: String(second.id) });
    assert.equal(moved.headers.location, `${link}?pesan=dipindah`);
    const after = await slotsOf('umum', 'Ruang Aspirasi Uji Pesan');
    assert.deepEqual([after[0]?.booked, after[1]?.booked], [0, 1]);
    await visitor.get(link);
    const wrongMove = await visitor.post(`${link}/pindah`, { slot: 'x' });
    assert.equal(wrongMove.statusCode, 400);
    assert.match(wrongMove.body, /Pilih salah satu waktu yang tersedia\./);

    // Cancelling gives the place back; the link then only shows what happened.
    await visitor.get(link);
    const cancelled = await visitor.post(`${link}/batal`, {});
    assert.equal(cancelled.headers.location, `${link}?pesan=dibatalkan`);
    assert.equal((await slotsOf('umum', 'Ruang Aspirasi Uji Pesan'))[1]?.booked, 0);
    const gone = await visitor.get(link);
    assert.match(gone.body, /Dibatalkan/);
    assert.doesNotMatch(gone.body, /Batalkan janji temu/);
    await visitor.get(`${link}?x=1`);
    await visitor.get(`/janji-temu/waktu/${first.id}`);
    const again = await visitor.post(`${link}/batal`, {});
    assert.equal(again.headers.location, `${link}?pesan=terlambat`);
    assert.equal((await agent().get('/janji-temu/saya/tidak-ada-janji-dengan-tautan-ini')).statusCode, 404);

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const html of [list.body, bad.body, page.body]) {
      const report = await validator.validateString(html);
      assert.deepEqual(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        [],
      );
    }
  });

  test('when many ask for the last place at the same moment, exactly one gets it', async () => {
    assert.equal(
      (
        await publish(staff, {
          from: day(3),
          until: day(8),
          startTime: '13:00',
          endTime: '14:00',
          capacity: '1',
          place: 'Ruang Uji Rebutan',
        })
      ).statusCode,
      303,
    );
    const [slot] = await slotsOf('umum', 'Ruang Uji Rebutan');
    assert.ok(slot !== undefined);
    const people = Array.from({ length: 12 }, () => agent());
    for (const p of people) await p.get(`/janji-temu/waktu/${slot.id}`);
    const answers = await Promise.all(
      people.map((p, i) =>
        p.post(`/janji-temu/waktu/${slot.id}`, {
          topic: 'Saya ingin menyampaikan soal drainase di gang kami.',
          aspiration: '',
          name: `Warga ${i + 1}`,
          email: `rebutan${i}@example.org`,
          phone: '',
          consent: 'yes',
        }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [303, ...Array(11).fill(409)]);
    assert.match(
      answers.find((a) => a.statusCode === 409)?.body ?? '',
      /Waktu itu baru saja penuh\. Pilih waktu lain\./,
    );
    const stored = await t.database.db.selectFrom('appointment').select('id').where('slot_id', '=', slot.id).execute();
    assert.equal(stored.length, 1);
    assert.equal((await slotsOf('umum', 'Ruang Uji Rebutan'))[0]?.booked, 1);
    assert.doesNotMatch((await agent().get('/janji-temu')).body, new RegExp(`/janji-temu/waktu/${slot.id}"`));
  });

  test('staff cancel a time the room cannot keep; everyone booked in it is told why and how to book again', async () => {
    const published = await publish(staff, {
      from: day(3),
      until: day(10),
      startTime: '15:00',
      endTime: '15:30',
      place: 'Ruang Uji Batal',
    });
    assert.equal(published.statusCode, 303);
    const [slot] = await slotsOf('umum', 'Ruang Uji Batal');
    assert.ok(slot !== undefined);
    assert.equal((await bookSlot(agent(), slot.id, { email: 'batal.satu@example.org' })).statusCode, 303);
    assert.equal((await bookSlot(agent(), slot.id, { email: 'batal.dua@example.org' })).statusCode, 303);

    const page = await staff.get(`/kelola/janji-temu/waktu/${slot.id}`);
    assert.match(page.body, /2 dari 2 terisi/);
    await t.app.outbox.deliverDue();
    const noReason = await staff.post(`/kelola/janji-temu/waktu/${slot.id}/batal`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Alasan: isian ini wajib diisi\./);
    mailbox.clear();
    await staff.get(`/kelola/janji-temu/waktu/${slot.id}`);
    const closed = await staff.post(`/kelola/janji-temu/waktu/${slot.id}/batal`, {
      reason: 'Ruang dipakai untuk rapat paripurna.',
    });
    assert.equal(closed.headers.location, '/kelola/janji-temu/waktu?pesan=ditutup');
    const statuses = await t.database.db
      .selectFrom('appointment')
      .select('status')
      .where('slot_id', '=', slot.id)
      .execute();
    assert.deepEqual(
      statuses.map((r) => r.status),
      ['cancelled', 'cancelled'],
    );
    await t.app.outbox.deliverDue();
    for (const address of ['batal.satu@example.org', 'batal.dua@example.org']) {
      const mail = mailbox.to(address);
      assert.equal(mail.length, 1, address);
      assert.match(mail[0]?.text ?? '', /Ruang dipakai untuk rapat paripurna\./);
      assert.match(mail[0]?.text ?? '', /\/janji-temu\n/);
    }
    assert.doesNotMatch((await agent().get('/janji-temu')).body, new RegExp(`/janji-temu/waktu/${slot.id}"`));
    assert.match((await staff.get(`/kelola/janji-temu/waktu/${slot.id}`)).body, /Dibatalkan/);
    await staff.get('/kelola/janji-temu/waktu');
    const again = await staff.post(`/kelola/janji-temu/waktu/${slot.id}/batal`, { reason: 'Sekali lagi dibatalkan.' });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /Alasan: waktu ini sudah dimulai atau sudah dibatalkan\./);
  });

  test('at the desk, staff check people in, mark who did not come, enter walk-ins and record each conversation', async () => {
    const published = await publish(staff, {
      from: day(2),
      until: day(9),
      startTime: '14:00',
      endTime: '15:00',
      place: 'Ruang Uji Meja',
    });
    assert.equal(published.statusCode, 303);
    const [slot] = await slotsOf('umum', 'Ruang Uji Meja');
    assert.ok(slot !== undefined);
    const slotDay = new Date(slot.starts_at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    assert.equal(
      (await bookSlot(agent(), slot.id, { name: 'Agus Hadir', email: 'agus.hadir@example.org' })).statusCode,
      303,
    );
    assert.equal(
      (await bookSlot(agent(), slot.id, { name: 'Bima Absen', email: 'bima.absen@example.org' })).statusCode,
      303,
    );
    const rows = await t.database.db
      .selectFrom('appointment')
      .select(['id', 'code'])
      .where('slot_id', '=', slot.id)
      .orderBy('id')
      .execute();
    const [agus, bima] = rows;
    assert.ok(agus !== undefined && bima !== undefined);

    const queue = await staff.get(`/kelola/janji-temu?hari=${slotDay}`);
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Agus Hadir/);
    assert.match(queue.body, /agus\.hadir@example\.org/);
    const viewed = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'room.queue-viewed')
      .execute();
    assert.ok(viewed.length > 0, 'reading the names is accounted for');

    // Only the desk's officers may do any of it.
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get(`/kelola/janji-temu?hari=${slotDay}`)).statusCode, 403, role);
      assert.equal((await other.get('/kelola/janji-temu/waktu')).statusCode, 403, role);
      await other.get('/akun');
      assert.equal((await other.post(`/kelola/janji-temu/${agus.id}/hadir`, {})).statusCode, 403, role);
    }
    assert.equal((await agent().get('/kelola/janji-temu')).statusCode, 303, 'a visitor is sent to sign in');

    await staff.get(`/kelola/janji-temu?hari=${slotDay}`);
    const arrived = await staff.post(`/kelola/janji-temu/${agus.id}/hadir`, {});
    assert.equal(arrived.headers.location, `/kelola/janji-temu?hari=${slotDay}&pesan=hadir#janji-${agus.id}`);
    await staff.get(`/kelola/janji-temu?hari=${slotDay}`);
    assert.equal((await staff.post(`/kelola/janji-temu/${bima.id}/tidak-hadir`, {})).statusCode, 303);
    await staff.get(`/kelola/janji-temu?hari=${slotDay}`);
    const twice = await staff.post(`/kelola/janji-temu/${bima.id}/tidak-hadir`, {});
    assert.match(String(twice.headers.location), /pesan=sudah/);

    // The conversation becomes an aspiration of the aspiration room, in the visitor's name.
    const category = await t.database.db.selectFrom('aspiration_category').select('slug').executeTakeFirstOrThrow();
    const kelurahan = await t.database.db.selectFrom('kelurahan').select('id').executeTakeFirstOrThrow();
    const form = await staff.get(`/kelola/janji-temu/${agus.id}`);
    assert.match(form.body, /Percakapan dengan Agus Hadir/);
    const refused = await staff.post(`/kelola/janji-temu/${agus.id}/percakapan`, {
      mode: 'new',
      category: '',
      location: '',
      title: '',
      description: 'Pendek',
      aspiration: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<a href="#category">/);
    assert.match(refused.body, /<a href="#location">/);
    assert.equal(
      (await t.database.db.selectFrom('aspiration').select('id').where('channel', '=', 'ruang_aspirasi').execute())
        .length,
      0,
    );
    mailbox.clear();
    const recorded = await staff.post(`/kelola/janji-temu/${agus.id}/percakapan`, {
      mode: 'new',
      category: category.slug,
      location: String(kelurahan.id),
      title: 'Jalan rusak sejak banjir',
      description: 'Pak Agus menceritakan jalan di depan rumahnya rusak sejak banjir dan belum diperbaiki.',
      aspiration: '',
    });
    assert.equal(recorded.headers.location, `/kelola/janji-temu/${agus.id}?pesan=dicatat`);
    const aspiration = await t.database.db
      .selectFrom('aspiration')
      .select(['code', 'channel', 'title'])
      .where('channel', '=', 'ruang_aspirasi')
      .executeTakeFirstOrThrow();
    assert.equal(aspiration.title, 'Jalan rusak sejak banjir');
    const done = await t.database.db
      .selectFrom('appointment')
      .select(['status', 'aspiration_code'])
      .where('id', '=', agus.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(done, { status: 'done', aspiration_code: aspiration.code });
    await t.app.outbox.deliverDue();
    assert.match(
      mailbox
        .to('agus.hadir@example.org')
        .map((m) => m.text)
        .join('\n'),
      new RegExp(aspiration.code),
      'the visitor receives the tracking code',
    );

    // Someone who walks in is entered, then their conversation linked to an existing aspiration.
    await staff.get(`/kelola/janji-temu?hari=${slotDay}`);
    const badWalkIn = await staff.post('/kelola/janji-temu/tanpa-janji', {
      name: '',
      email: '',
      phone: 'abc',
      topic: '',
    });
    assert.equal(badWalkIn.statusCode, 400);
    assert.match(badWalkIn.body, /Tulis nama Anda\./);
    assert.match(badWalkIn.body, /Nomor telepon atau WhatsApp: tulis nomor telepon yang benar/);
    const walkIn = await staff.post('/kelola/janji-temu/tanpa-janji', {
      name: 'Citra Datang Langsung',
      email: '',
      phone: '',
      topic: 'Menanyakan kelanjutan laporan jalan rusak yang sudah dikirim.',
    });
    assert.equal(walkIn.statusCode, 303);
    const walkInPath = String(walkIn.headers.location);
    await staff.get(walkInPath);
    const noCode = await staff.post(`${walkInPath}/percakapan`, {
      mode: 'link',
      category: '',
      location: '',
      title: '',
      description: '',
      aspiration: '',
    });
    assert.match(noCode.body, /Tulis kode aspirasinya\./);
    const linked = await staff.post(`${walkInPath}/percakapan`, {
      mode: 'link',
      category: '',
      location: '',
      title: '',
      description: '',
      aspiration: aspiration.code,
    });
    assert.equal(linked.statusCode, 303);
    const today = await staff.get('/kelola/janji-temu');
    assert.match(today.body, /Citra Datang Langsung/);
    assert.match(today.body, /tanpa janji/);

    // The room in figures, as open data: counts of this file's visits this month, and no names.
    const figures = await agent().get('/api/v1/appointments');
    assert.equal(figures.statusCode, 200);
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const body = figures.json<{ months: Record<string, unknown>[]; ahead: { places: number; taken: number } }>();
    assert.deepEqual(
      body.months.find((m) => m.month === month),
      { month, booked: 6, walk_ins: 1, met: 2, no_shows: 1, cancelled: 3 },
    );
    assert.ok(body.ahead.places > body.ahead.taken);
    assert.doesNotMatch(figures.body, /Agus|Citra|Wati|example\.org/);

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const html of [queue.body, form.body, (await staff.get('/kelola/janji-temu/waktu')).body]) {
      const report = await validator.validateString(html);
      assert.deepEqual(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        [],
      );
    }
  });
});
