import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import type { Mailbox } from '../../test/helpers/mailbox.ts';
import { getCouncil } from '../council/service.ts';

let t: TestApp;
let mailbox: Mailbox;
let ipCounter = 0;
const agent = () => new Agent(t.app, `198.51.100.${++ipCounter}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

async function kelurahanId(): Promise<string> {
  const structure = await getCouncil(t.database.db);
  const kel = structure.kecamatan[0]?.kelurahan[0];
  assert.ok(kel !== undefined);
  return String(kel.id);
}

const filedWithTitle = (title: string) =>
  t.database.db.selectFrom('aspiration').select(['id', 'code']).where('title', '=', title).execute();

/** A citizen's second step, as the server gave it: the details form with its fields and key. */
async function detailsForm(title: string): Promise<{ a: Agent; fields: Record<string, string> }> {
  const a = agent();
  await a.get('/aspirasi/baru');
  const step = await a.post('/aspirasi/baru', {
    kind: 'pengaduan',
    category: 'jalan-jembatan-drainase',
    location: await kelurahanId(),
    title,
  });
  assert.equal(step.statusCode, 200);
  const key = /name="kunci" value="([^"]*)"/.exec(step.body)?.[1] ?? '';
  assert.match(key, /^[A-Za-z0-9_-]{40,}$/, 'the details form names a random submission key');
  return {
    a,
    fields: {
      kind: 'pengaduan',
      category: 'jalan-jembatan-drainase',
      location: await kelurahanId(),
      title,
      kunci: key,
      description: 'Genangan setinggi lutut setiap hujan deras di depan pasar.',
      email: 'warga.sinyal@example.org',
      consent: 'yes',
    },
  };
}

describe('a form sent twice files one aspiration', () => {
  test('sent again after a lost answer: the same aspiration, no second email', async () => {
    const title = 'Genangan di depan pasar lama';
    const { a, fields } = await detailsForm(title);
    const first = await a.postMultipart('/aspirasi/kirim', fields);
    assert.equal(first.statusCode, 303);
    assert.match(String(first.headers.location), /^\/lacak\/[A-Za-z0-9_-]+\?baru=1$/);
    const [filed] = await filedWithTitle(title);
    assert.ok(filed !== undefined);

    // The phone never saw that answer and sends the same form again, from another browser even.
    const again = await agent().postMultipart('/aspirasi/kirim', fields, [], { csrf: a.csrf() });
    assert.equal(again.statusCode, 403, 'still a form of this browser only');
    const repeated = await a.postMultipart('/aspirasi/kirim', fields);
    assert.equal(repeated.statusCode, 303);
    assert.equal(repeated.headers.location, `/aspirasi/${filed.code}`);
    assert.equal((await filedWithTitle(title)).length, 1);
    // The reporter's view: the browser that holds the key is the reporter's.
    const page = await a.get(`/aspirasi/${filed.code}`);
    assert.match(page.body, /Tambahkan informasi atau balas tanggapan/);
    await t.app.outbox.deliverDue();
    assert.equal(mailbox.to('warga.sinyal@example.org').length, 1, 'one confirmation, not two');
  });

  test('sent twice at the same moment: one aspiration, both answers name it', async () => {
    const title = 'Trotoar ambles dekat halte';
    const { a, fields } = await detailsForm(title);
    const answers = await Promise.all([
      a.postMultipart('/aspirasi/kirim', fields),
      a.postMultipart('/aspirasi/kirim', fields),
      a.postMultipart('/aspirasi/kirim', fields),
    ]);
    for (const answer of answers) assert.equal(answer.statusCode, 303);
    const filed = await filedWithTitle(title);
    assert.equal(filed.length, 1);
    const code = filed[0]?.code ?? '';
    const places = answers.map((r) => String(r.headers.location));
    assert.equal(places.filter((p) => p.startsWith('/lacak/')).length, 1, 'one answer carries the private link');
    assert.equal(places.filter((p) => p === `/aspirasi/${code}`).length, 2);
  });

  test('a key not shaped like one is not trusted: each sending is its own aspiration', async () => {
    const title = 'Pohon tumbang menutup jalan';
    const { a, fields } = await detailsForm(title);
    const weak = { ...fields, kunci: 'abc' };
    assert.equal((await a.postMultipart('/aspirasi/kirim', weak)).statusCode, 303);
    assert.equal((await a.postMultipart('/aspirasi/kirim', weak)).statusCode, 303);
    assert.equal((await filedWithTitle(title)).length, 2);
  });
});

describe('the installable app sends what was kept on a phone', () => {
  const json = { accept: 'application/json' };

  test('asked for JSON: 201 with the code and the private link, then 200 with the same code', async () => {
    const title = 'Jembatan kayu lapuk di kampung';
    const { a, fields } = await detailsForm(title);
    const first = await a.postMultipart('/aspirasi/kirim', fields, [], { headers: json });
    assert.equal(first.statusCode, 201);
    const body = first.json() as { code: string; link: string };
    assert.match(body.code, /^ASP-\d{4}-\d{6}$/);
    assert.match(body.link, /^\/lacak\/[A-Za-z0-9_-]+\?baru=1$/);
    const again = await a.postMultipart('/aspirasi/kirim', fields, [], { headers: json });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), { code: body.code, link: `/aspirasi/${body.code}` });
    assert.equal((await filedWithTitle(title)).length, 1);
  });

  test('a refused draft comes back as the field messages, in the language of the browser, and nothing is stored', async () => {
    const title = 'Lampu lalu lintas padam';
    const { a, fields } = await detailsForm(title);
    const refused = await a.postMultipart(
      '/aspirasi/kirim',
      { ...fields, description: 'pendek', email: 'bukan-email' },
      [],
      { headers: json },
    );
    assert.equal(refused.statusCode, 400);
    const { errors } = refused.json() as { errors: Record<string, string> };
    assert.match(errors.description ?? '', /^Uraian/);
    assert.match(errors.email ?? '', /email/i);
    assert.equal((await filedWithTitle(title)).length, 0);
  });

  test('the one-page form for no signal: every field, no token, marked for the app, and kept by no one else', async () => {
    const page = await agent().get('/aspirasi/baru/luring');
    assert.equal(page.statusCode, 200);
    for (const field of ['kind', 'category', 'location', 'title', 'description', 'photos', 'email', 'phone', 'consent'])
      assert.match(page.body, new RegExp(`name="${field}"`), `the form asks for ${field}`);
    assert.doesNotMatch(page.body, /name="_csrf"/);
    assert.match(page.body, /<input type="hidden" name="luring" value="1"\/?>/);
    assert.match(page.body, /action="\/aspirasi\/kirim"/);
    assert.doesNotMatch(String(page.headers['cache-control'] ?? ''), /no-store/, 'the app may keep it');

    // Sent straight from a browser without the app, it is refused like any form without its token.
    const direct = await agent().postMultipart('/aspirasi/kirim', { luring: '1', title: 'x' }, [], { csrf: null });
    assert.equal(direct.statusCode, 403);
  });

  test('the queue page: a place for the app to list what waits, in both languages', async () => {
    const page = await agent().get('/aspirasi/antrean');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Laporan di ponsel ini<\/h1>/);
    assert.match(page.body, /data-module="draft-queue"/);
    assert.match(page.body, /Tidak ada laporan yang menunggu di ponsel ini\./);
    const english = await agent().get('/aspirasi/antrean?lang=en');
    assert.match(english.body, /<h1>Reports on this phone<\/h1>/);
    assert.match(english.body, /Kept on \{date\} at \{time\}/);
  });
});
