import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { createUser, signIn, totpCode } from '../../test/helpers/users.ts';

let t: TestApp;
let ip = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ip}`);

before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('the back office home shows the official’s own work first', () => {
  test('staff land on /kelola after the second step and see what waits, what is late and what did not reach a citizen', async () => {
    const db = t.database.db;
    const staffUser = await createUser(t, 'staff');
    const fresh = agent();
    await fresh.get('/masuk');
    const first = await fresh.post('/masuk', { email: staffUser.email, password: staffUser.password });
    assert.equal(first.headers.location, '/masuk/2fa?lanjut=%2Fkelola', 'no page asked for: their work');
    await fresh.get(first.headers.location as string);
    const second = await fresh.post('/masuk/2fa', { code: await totpCode(staffUser.totpSecret ?? '') });
    assert.equal(second.headers.location, '/kelola');
    assert.match((await fresh.get('/kelola')).body, /Tidak ada yang menunggu Anda saat ini\./);

    const late = await sendAspiration(t, 'Jalan berlubang sudah lama', { kind: 'pengaduan' });
    await sendAspiration(t, 'Saluran tersumbat baru dilaporkan', { kind: 'pengaduan' });
    const handled = await sendAspiration(t, 'Lampu jalan mati di gang', { kind: 'pengaduan' });
    await db.updateTable('aspiration').set({ verify_due: '2026-01-05' }).where('code', '=', late).execute();
    await db
      .updateTable('aspiration')
      .set({ status: 'forwarded', resolve_due: '2026-02-10' })
      .where('code', '=', handled)
      .execute();
    const handledId = (
      await db.selectFrom('aspiration').select('id').where('code', '=', handled).executeTakeFirstOrThrow()
    ).id;
    await db
      .updateTable('outbox')
      .set({ status: 'failed', last_error: 'SMTP 550' })
      .where('topic', '=', `aspiration:${handledId}`)
      .execute();

    const home = (await fresh.get('/kelola')).body;
    const waiting = home.indexOf('>Menunggu Anda</h2>');
    assert.ok(waiting > 0 && waiting < home.indexOf('>Bagian back office</h2>'), 'their work before the links');
    assert.match(home, /2 di antaranya sudah lewat tenggat: tangani lebih dahulu\./);
    assert.match(
      home,
      /<a href="\/kelola\/aspirasi\?status=received">2 aspirasi menunggu verifikasi<\/a> <span class="badge badge-stopped">1 lewat tenggat<\/span><br\/>Tenggat terdekat: 5 Januari 2026/,
    );
    assert.match(
      home,
      /<a href="\/kelola\/aspirasi\?status=open">1 aspirasi sedang ditangani<\/a> <span class="badge badge-stopped">1 lewat tenggat<\/span><br\/>Tenggat terdekat: 10 Februari 2026/,
    );
    assert.match(home, /1 aspirasi dengan pesan ke warga yang tidak terkirim/);
    assert.match(home, new RegExp(`<a href="/kelola/aspirasi/${handled}">${handled} · Lampu jalan mati di gang</a>`));

    // A member sees only what is in their scope; this one has none.
    const member = await signIn(t, await createUser(t, 'member'), agent());
    const memberHome = (await member.get('/kelola')).body;
    assert.doesNotMatch(memberHome, /menunggu verifikasi/);

    // A citizen has no back office.
    const citizen = await signIn(t, await createUser(t, 'citizen'), agent());
    assert.equal((await citizen.get('/kelola')).statusCode, 403);
    assert.equal((await agent().get('/kelola')).headers.location, '/masuk?lanjut=%2Fkelola');
  });
});
