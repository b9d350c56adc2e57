import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { journey, pageProblems, signInAs } from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';
import { createUser } from '../helpers/users.ts';

const j = journey();
const phone = { width: 360, height: 740 };

describe('a virtual hearing with live questions', () => {
  test('a question approved by the moderator appears within a second on open pages (JavaScript on) and after a reload (off)', async () => {
    const db = j.served.database.db;
    const base = j.served.baseUrl;
    const problems: string[] = [];
    const council = await db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const startsAt = new Date(Date.now() - 30 * 60_000);
    const meeting = await db
      .insertInto('meeting')
      .values({
        council_id: council.id,
        uid: 'rdp-banjir@test',
        type: 'rdp',
        title: 'RDP Komisi III: penanganan banjir',
        agenda_items: ['Paparan Dinas SDA'],
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
        place: 'Ruang Rapat Komisi III',
        open: true,
        livestream_url: 'https://www.youtube.com/watch?v=abcDEF12345',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Staff make the meeting a hearing (JavaScript off).
    const staffUser = await createUser(j.served, 'staff');
    const staffContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const staff = await signInAs(j, staffContext, staffUser);
    await staff.goto(`${base}/kelola/siaran`);
    await staff.getByLabel('Rapat').selectOption(String(meeting.id));
    await staff.getByRole('button', { name: 'Buka pertanyaan' }).click();
    await staff.waitForURL(/\/kelola\/siaran\/\d+\/moderasi\?pesan=dibuka/);
    const hearingId = Number(/siaran\/(\d+)\//.exec(staff.url())?.[1]);
    problems.push(...(await pageProblems(j, staff, '/kelola/siaran/:id/moderasi')));

    // The agenda says it is live and leads there.
    const offContext = await j.newContext({ javaScriptEnabled: false, viewport: phone });
    const off = await offContext.newPage();
    await off.goto(`${base}/agenda/${meeting.id}`);
    await off.getByText('Sedang berlangsung').first().waitFor();
    await off.getByRole('link', { name: /Ikuti rapat ini secara daring/ }).click();
    await off.waitForURL(`${base}/siaran/${hearingId}`);
    problems.push(...(await pageProblems(j, off, '/siaran/:id')));

    // A citizen without an account asks (JavaScript off) and confirms by the mailed link.
    await off.getByLabel('Pertanyaan', { exact: true }).fill('Kapan tanggul Kali Bekasi di Jatiasih diperkuat?');
    await off.getByLabel('Nama yang ditampilkan (boleh kosong)').fill('Rina');
    await off.getByLabel('Alamat email').fill('rina.siaran@example.org');
    await off.getByLabel(/Saya setuju email saya disimpan/).check();
    await off.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await off.getByText('Hampir selesai').waitFor();
    await j.served.app.outbox.deliverDue();
    const link = linkIn(j.mailbox.to('rina.siaran@example.org')[0]);
    await off.goto(`${base}${link}`);
    await off.getByRole('button', { name: 'Kirim pertanyaan ini' }).click();
    await off.getByText('Pertanyaan Anda terkirim dan menunggu diperiksa moderator.').waitFor();

    // Two people follow the hearing with JavaScript on.
    const viewers = await Promise.all(
      [1, 2].map(async () => {
        const context = await j.newContext({ viewport: phone });
        const page = await context.newPage();
        await page.goto(`${base}/siaran/${hearingId}`);
        await page.getByText('Belum ada pertanyaan yang menunggu jawaban.').waitFor();
        // The stream is open and the server listens before the moderator acts.
        await page.locator('[data-module="hearing-live"][data-listening]').waitFor();
        return page;
      }),
    );

    await staff.goto(`${base}/kelola/siaran/${hearingId}/moderasi`);
    await staff.getByText('Kapan tanggul Kali Bekasi di Jatiasih diperkuat?').waitFor();
    await staff.getByRole('button', { name: /^Setujui/ }).click();
    await staff.waitForURL(/moderasi/);
    for (const viewer of viewers)
      await viewer.getByText('Kapan tanggul Kali Bekasi di Jatiasih diperkuat?').waitFor({ timeout: 1000 });
    const [first, second] = viewers;
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(await first.getByText('Belum ada pertanyaan yang menunggu jawaban.').isVisible(), false);

    // Without JavaScript, a reload shows it.
    await off.goto(`${base}/siaran/${hearingId}`);
    await off.getByText('Kapan tanggul Kali Bekasi di Jatiasih diperkuat?').waitFor();

    // One supports it; the other page's count follows.
    await first.getByRole('button', { name: /Dukung pertanyaan/ }).click();
    await first.getByText('Dukungan Anda tercatat.').waitFor();
    await second.locator('[data-slot="votes"]', { hasText: '1' }).waitFor({ timeout: 1000 });

    // Answered now: it moves to the answered list with the moment of the recording.
    await staff.goto(`${base}/kelola/siaran/${hearingId}/moderasi`);
    await staff.getByRole('button', { name: /terjawab sekarang/ }).click();
    await staff.waitForURL(/moderasi/);
    const answered = second.locator('[data-list="settled"] li', { hasText: 'Kali Bekasi di Jatiasih' });
    await answered.waitFor({ timeout: 1000 });
    await answered.getByText('Dijawab dalam rekaman pada menit').waitFor();

    // A weak signal: the pages lose their streams while a question is approved and another is
    // rejected (written straight to the database, so no live message carries them); when a stream
    // comes back, its page is told the whole list.
    const shownBefore = first.locator('[data-list="open"] li, [data-list="settled"] li');
    j.served.app.server.closeAllConnections();
    await first.locator('[data-module="hearing-live"][data-listening]').waitFor({ state: 'detached' });
    const missed = await db
      .insertInto('hearing_question')
      .values({
        hearing_id: hearingId,
        body: 'Bagaimana nasib taman kota di Bekasi Timur?',
        asker_label: '',
        status: 'approved',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('hearing_question')
      .set({ status: 'rejected' })
      .where('body', 'like', 'Kapan tanggul%')
      .execute();
    await first.locator(`#pertanyaan-${missed.id}`).waitFor({ timeout: 10_000 });
    await first.getByText('Kapan tanggul Kali Bekasi di Jatiasih diperkuat?').waitFor({ state: 'detached' });
    assert.equal(await shownBefore.count(), 1, 'the rejected question left, the approved one came');

    // The chair's screen shows the queue; the hearings list the meeting as live.
    await staff.goto(`${base}/kelola/siaran/${hearingId}`);
    problems.push(...(await pageProblems(j, staff, '/kelola/siaran/:id')));
    await off.goto(`${base}/siaran`);
    await off.getByText('Sedang berlangsung').first().waitFor();
    problems.push(...(await pageProblems(j, off, '/siaran')));

    await j.served.app.outbox.deliverDue();
    assert.ok(
      j.mailbox.to('rina.siaran@example.org').some((m) => m.subject.startsWith('Pertanyaan Anda dijawab')),
      'the asker is told',
    );
    assert.deepEqual(problems, []);
  });
});
