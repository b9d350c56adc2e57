import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { Agent } from '../../test/helpers/agent.ts';
import { buildAppWithMailbox, type TestApp } from '../../test/helpers/app.ts';
import type { Mailbox } from '../../test/helpers/mailbox.ts';
import { createUser, signIn } from '../../test/helpers/users.ts';
import { submitAspiration } from '../aspirations/service.ts';
import { getCouncil } from '../council/service.ts';
import { deps } from '../platform/auth.ts';

let t: TestApp;
let mailbox: Mailbox;
let ip = 0;
const agent = () => new Agent(t.app, `198.18.0.${++ip % 250}`);

before(async () => {
  ({ app: t, mailbox } = await buildAppWithMailbox());
});
after(() => t.close());
beforeEach(() => mailbox.clear());

describe('the council’s pokir', () => {
  test('the secretariat assembles a proposal from aspirations; each step and the project show on their trail and their citizens are told', async () => {
    const structure = await getCouncil(t.database.db);
    const kecamatan = structure.kecamatan[0];
    const kelurahan = kecamatan?.kelurahan[0];
    const category = structure.categories[0];
    assert.ok(kecamatan !== undefined && kelurahan !== undefined && category !== undefined);
    const codes: string[] = [];
    for (const [i, title] of ['Lampu jalan di Jalan Melati padam', 'Jalan Melati gelap pada malam hari'].entries()) {
      const sent = await submitAspiration(deps(t.app), {
        kind: 'aspirasi',
        category: category.slug,
        location: String(kelurahan.id),
        title,
        description: 'Sudah tiga bulan lampu penerangan jalan di Jalan Melati tidak menyala sama sekali.',
        email: `pokir.warga${i}@example.org`,
        showName: false,
        consent: true,
        channel: 'web',
        photos: [],
        userId: null,
      });
      assert.ok(sent.ok);
      codes.push(sent.code);
    }
    const staff = await signIn(t, await createUser(t, 'staff'), agent());

    // Finding the aspirations and assembling: mistakes first, nothing stored.
    const found = await staff.get(`/kelola/pokir?q=${encodeURIComponent('lampu jalan melati')}`);
    assert.equal(found.statusCode, 200);
    for (const code of codes) assert.match(found.body, new RegExp(`value="${code}"`));
    const bad = await staff.post('/kelola/pokir', { year: '99', title: '', location: '', cost: 'banyak', agency: '' });
    assert.equal(bad.statusCode, 400);
    for (const message of [
      /Pilih paling sedikit satu aspirasi\./,
      /Tahun RKPD: isian ini tidak sah\./,
      /Judul usulan: isian ini wajib diisi\./,
      /Perkiraan biaya \(Rp, tidak wajib\): isian ini tidak sah\./,
      /Perangkat daerah tujuan: isian ini wajib diisi\./,
    ])
      assert.match(bad.body, message);
    assert.equal((await t.database.db.selectFrom('pokir_item').select('id').execute()).length, 0);

    await staff.get('/kelola/pokir');
    await t.app.outbox.deliverDue();
    mailbox.clear();
    const saved = await staff.post('/kelola/pokir', [
      ['codes', codes[0] ?? ''],
      ['codes', codes[1] ?? ''],
      ['year', '2027'],
      ['title', 'Penerangan Jalan Melati'],
      ['description', 'Pemasangan 20 titik lampu penerangan jalan umum.'],
      ['location', String(kelurahan.id)],
      ['cost', 'Rp 350.000.000'],
      ['agency', 'Dinas Perhubungan'],
    ]);
    assert.equal(saved.statusCode, 303);
    const id = Number(/\/kelola\/pokir\/(\d+)/.exec(String(saved.headers.location))?.[1]);
    const item = await t.database.db
      .selectFrom('pokir_item')
      .select(['estimated_cost', 'status', 'year'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, { estimated_cost: 350_000_000, status: 'diusulkan', year: 2027 });

    // Into the RKPD, then the project it became; a step backwards or in the future is refused.
    await staff.get(`/kelola/pokir/${id}`);
    assert.equal(
      (
        await staff.post(`/kelola/pokir/${id}/tahap`, {
          status: 'rkpd',
          day: '2026-11-20',
          note: 'Disepakati dalam Musrenbang.',
        })
      ).statusCode,
      303,
    );
    await staff.get(`/kelola/pokir/${id}`);
    const back = await staff.post(`/kelola/pokir/${id}/tahap`, { status: 'rkpd', day: '2099-01-01', note: '' });
    assert.equal(back.statusCode, 400);
    assert.match(back.body, /Tahap: pilih tahap sesudah tahap sekarang\./);
    assert.match(back.body, /Tanggal: tanggal ini belum tiba\./);
    const council = await t.database.db.selectFrom('council').select('id').executeTakeFirstOrThrow();
    const project = await t.database.db
      .insertInto('project')
      .values({
        council_id: council.id,
        name: 'PJU Jalan Melati',
        opd: 'Dinas Perhubungan',
        kecamatan_id: kecamatan.id,
        kelurahan_id: kelurahan.id,
        budget: 340_000_000,
        funding_source: 'APBD',
        year: 2027,
        progress: 60,
        status: 'berjalan',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await staff.get(`/kelola/pokir/${id}`);
    const wrong = await staff.post(`/kelola/pokir/${id}/proyek`, { project: '/proyek/999999' });
    assert.match(wrong.body, /Proyek: isian ini tidak sah\./);
    assert.equal(
      (await staff.post(`/kelola/pokir/${id}/proyek`, { project: `/proyek/${project.id}` })).statusCode,
      303,
    );

    // The whole trail on the aspiration's page.
    const page = (await agent().get(`/aspirasi/${codes[0]}`)).body;
    assert.match(
      page,
      new RegExp(
        `<a href="/pokir/${id}">Dimasukkan dalam pokok-pokok pikiran DPRD tahun 2027: Penerangan Jalan Melati</a>`,
      ),
    );
    assert.match(
      page,
      new RegExp(`<a href="/pokir/${id}">Pokir &quot;Penerangan Jalan Melati&quot; masuk RKPD tahun 2027</a>`),
    );
    assert.match(page, new RegExp(`<a href="/proyek/${project.id}">Dikerjakan sebagai proyek: PJU Jalan Melati</a>`));
    // Each citizen is told of each step.
    await t.app.outbox.deliverDue();
    const told = mailbox.to('pokir.warga1@example.org').map((m) => m.subject);
    assert.equal(told.length, 3, told.join(' | '));

    // The public pages: the year's list by dapil, and the proposal with its project's progress.
    const list = await agent().get('/pokir?tahun=2027');
    assert.match(list.body, new RegExp(`<a href="/pokir/${id}">Penerangan Jalan Melati</a>`));
    assert.match(list.body, /Masuk RKPD/);
    assert.match(list.body, /Rp 350\.000\.000/);
    const one = await agent().get(`/pokir/${id}`);
    assert.match(one.body, /PJU Jalan Melati<\/a> · 60% selesai/);
    for (const code of codes) assert.match(one.body, new RegExp(`/aspirasi/${code}`));

    // The same as open data: the year's list by dapil, and the item with its steps and sources.
    const api = (await t.app.inject('/api/v1/pokir?year=2027')).json() as {
      year: number;
      items: { id: number; status: string; estimated_cost: number; project_id: number; aspirations: number }[];
    };
    assert.equal(api.year, 2027);
    const listed = api.items.find((x) => x.id === id);
    assert.equal(listed?.status, 'rkpd');
    assert.equal(listed?.estimated_cost, 350_000_000);
    assert.equal(listed?.project_id, project.id);
    assert.equal(listed?.aspirations, codes.length);
    const detail = (await t.app.inject(`/api/v1/pokir/${id}`)).json() as {
      aspiration_codes: string[];
      steps: unknown[];
    };
    assert.deepEqual([...detail.aspiration_codes].sort(), [...codes].sort());
    assert.ok(detail.steps.length >= 2);
    assert.equal((await t.app.inject('/api/v1/pokir/999999')).statusCode, 404);

    // Only the secretariat assembles.
    for (const role of ['citizen', 'member', 'moderator'] as const) {
      const other = await signIn(t, await createUser(t, role), agent());
      assert.equal((await other.get('/kelola/pokir')).statusCode, 403, role);
    }

    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    for (const html of [found.body, list.body, one.body, (await staff.get(`/kelola/pokir/${id}`)).body, page]) {
      const report = await validator.validateString(html);
      assert.deepEqual(
        report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)),
        [],
      );
    }
  });
});
