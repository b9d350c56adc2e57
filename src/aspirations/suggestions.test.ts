/**
 * Suggesting an aspiration's category. First the classifiers on the evaluation set
 * (evaluation-set.txt: 600 hand-written aspirations, 40 per category, in the registers citizens
 * use), stemmed by the test database's own `indonesian` configuration, with a quarter of each
 * category held out by a fixed seed. Then the council's side: training on its triaged aspirations,
 * suggestions on the case page, taking one, correcting one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { sendAspiration } from '../../test/helpers/aspirations.ts';
import { openTestDatabase } from '../../test/helpers/database.ts';
import { evaluationSet, storeAsTriaged } from '../../test/helpers/evaluation-set.ts';
import { createUser, signedInPerson, signIn } from '../../test/helpers/users.ts';
import { forgetCouncil, getCouncil } from '../council/service.ts';
import type { OpenDatabase } from '../db/index.ts';
import type { Role } from '../db/schema.ts';
import { deps } from '../platform/auth.ts';
import { bagsOf, topicalStem, writtenOut } from '../platform/indonesian-text.ts';
import {
  type Example,
  evaluate,
  indexOf,
  type LinearModel,
  majorityBaseline,
  seededRandom,
  suggest,
  trainLogistic,
  trainNaiveBayes,
} from '../platform/text-classifier.ts';
import { type ModelEvaluation, suggestCategories, trainCategoryModel } from './suggestions.ts';

let database: OpenDatabase;
let training: Example[];
let heldOut: Example[];

before(async () => {
  database = await openTestDatabase({ seed: false });
  const set = evaluationSet();
  const bags = await bagsOf(
    database.db,
    set.map((s) => s.text),
  );
  const examples: Example[] = set.map((s, i) => ({ label: s.label, bag: bags[i] as Map<string, number> }));
  const random = seededRandom(2026);
  training = [];
  heldOut = [];
  for (const label of new Set(set.map((s) => s.label))) {
    const mine = examples.filter((e) => e.label === label);
    for (let i = mine.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [mine[i], mine[j]] = [mine[j] as Example, mine[i] as Example];
    }
    const cut = Math.floor(mine.length / 4);
    heldOut.push(...mine.slice(0, cut));
    training.push(...mine.slice(cut));
  }
});
after(async () => {
  await database.close();
});

function scored(model: LinearModel) {
  const index = indexOf(model);
  return evaluate(heldOut.map((e) => ({ actual: e.label, predicted: suggest(model, e.bag, index)?.label })));
}

describe('suggesting a category from what a citizen wrote', () => {
  test('the evaluation set is what the README says: 600 texts, 40 in each of 15 categories', () => {
    const set = evaluationSet();
    assert.equal(set.length, 600);
    const perLabel = new Map<string, number>();
    for (const s of set) perLabel.set(s.label, (perLabel.get(s.label) ?? 0) + 1);
    assert.equal(perLabel.size, 15);
    assert.ok([...perLabel.values()].every((n) => n === 40));
    assert.equal(new Set(set.map((s) => s.text)).size, 600, 'no text twice');
  });

  test('short forms and doubled words are written out before stemming, and grammar words dropped', async () => {
    assert.equal(writtenOut('Jln udh rusak gk diperbaiki2'), 'jalan sudah rusak tidak diperbaiki');
    assert.equal(writtenOut('anak-anak parahhh'), 'anak parah');
    const [bag] = await bagsOf(database.db, ['Jln di depan sekolah yg rusak parahhh, gk diperbaiki2']);
    assert.deepEqual([...(bag ?? new Map()).keys()].sort(), ['baik', 'depan', 'jalan', 'parah', 'rusak', 'seko']);
    assert.equal(topicalStem('yang'), false);
    assert.equal(topicalStem('2026'), false);
  });

  test('both models beat the majority-class baseline on the held-out quarter by at least 45 points', async (t) => {
    const baseline = majorityBaseline(training, heldOut);
    const bayes = scored(trainNaiveBayes(training));
    const logistic = scored(await trainLogistic(training, { seed: 7 }));
    t.diagnostic(
      `held out ${heldOut.length}; baseline ${baseline.toFixed(3)}; naive Bayes accuracy ${bayes.accuracy.toFixed(3)} macro-F1 ${bayes.macroF1.toFixed(3)}; logistic accuracy ${logistic.accuracy.toFixed(3)} macro-F1 ${logistic.macroF1.toFixed(3)}`,
    );
    assert.equal(heldOut.length, 150);
    for (const result of [bayes, logistic]) {
      assert.ok(result.accuracy >= baseline + 0.45, `accuracy ${result.accuracy} against baseline ${baseline}`);
      assert.ok(result.macroF1 >= 0.45, `macro-F1 ${result.macroF1}`);
      assert.equal(
        result.confusion.flat().reduce((a, b) => a + b, 0),
        150,
        'every held-out text is in the matrix',
      );
    }
  });

  test('the same data and seed give the same model; a suggestion names the words that drove it', async () => {
    // Training lets the event loop turn while it works (a server that trains still answers): a
    // chain of setImmediate callbacks started beside it gets to run before it ends.
    let turns = 0;
    let stillTraining = true;
    const turn = () => {
      turns++;
      if (stillTraining) setImmediate(turn);
    };
    setImmediate(turn);
    const one = await trainLogistic(training, { seed: 7 });
    stillTraining = false;
    assert.ok(turns > 1, `the event loop turned ${turns} times during a training of 40 passes`);
    const two = await trainLogistic(training, { seed: 7 });
    assert.deepEqual(one.weights, two.weights);
    const bag = new Map([
      ['banjir', 1],
      ['tanggul', 1],
      ['kali', 1],
    ]);
    for (const model of [trainNaiveBayes(training), one]) {
      const s = suggest(model, bag);
      assert.equal(s?.label, 'banjir', model.kind);
      assert.ok((s?.confidence ?? 0) > 0.3, `${model.kind} ${s?.confidence}`);
      assert.ok(s?.because.includes('banjir'), `${model.kind}: ${s?.because.join(', ')}`);
      assert.equal(s?.ranking.length, 15);
      const sum = (s?.ranking ?? []).reduce((a, r) => a + r.probability, 0);
      assert.ok(Math.abs(sum - 1) < 1e-9);
    }
    assert.equal(suggest(one, new Map([['tidakadadikamus', 1]])), undefined, 'no known word, no suggestion');
  });
});

describe("staff see the model's suggestion and stay in charge", () => {
  let app: TestApp;
  before(async () => {
    app = await buildTestApp();
    // The council's triaged aspirations: the evaluation set in an order fixed by a seed, one a day.
    await storeAsTriaged(app.database.db, 11);
  });
  after(() => app.close());

  test('trained on the older part and judged on the newest fifth, it beats always saying the most frequent category', async () => {
    const staff = await signIn(app, await createUser(app, 'staff'));
    assert.match((await staff.get('/kelola/wawasan')).body, /Belum ada model\. Sistem perlu sedikitnya 60 aspirasi/);
    const outcome = await trainCategoryModel(deps(app.app), true);
    assert.ok(outcome.trained);
    const model = await app.database.db.selectFrom('category_model').selectAll().executeTakeFirstOrThrow();
    assert.equal(model.trained_on, 480);
    assert.equal(model.tested_on, 120);
    assert.ok(model.accuracy >= model.baseline + 0.35, `accuracy ${model.accuracy}, baseline ${model.baseline}`);
    const evaluation = JSON.parse(model.evaluation) as ModelEvaluation;
    assert.deepEqual(Object.keys(evaluation.models).sort(), ['logistic', 'naive-bayes']);
    assert.equal(model.kind, evaluation.chosen);
    assert.ok(evaluation.models[evaluation.chosen].macroF1 >= evaluation.models.logistic.macroF1);
    assert.deepEqual(
      await trainCategoryModel(deps(app.app)),
      { trained: false, reason: 'fresh' },
      'nothing new to learn',
    );

    // /kelola/wawasan shows the figures the model was stored with, to staff and members only.
    const report = await staff.get('/kelola/wawasan');
    assert.match(report.body, /Diuji pada<\/dt><dd>120 aspirasi terbaru, diterima sejak/);
    const percent = (Math.round(model.accuracy * 1000) / 10).toString().replace('.', ',');
    assert.ok(report.body.includes(`Ketepatan</dt><dd>${percent}%`), percent);
    assert.match(report.body, /Matriks kekeliruan/);
    const member = await signIn(app, await createUser(app, 'member'));
    assert.equal((await member.get('/kelola/wawasan')).statusCode, 200);
    for (const role of ['citizen', 'moderator'] as const) {
      const other = await signIn(app, await createUser(app, role));
      assert.equal((await other.get('/kelola/wawasan')).statusCode, 403, role);
    }
  });

  test('a new aspiration gets a suggestion with its words; one click takes it, and nothing changes without a person', async () => {
    const db = app.database.db;
    const structure = await getCouncil(db);
    const code = await sendAspiration(app, 'Kali meluap dan tanggul jebol, rumah kebanjiran setinggi pinggang');
    assert.equal(await suggestCategories(deps(app.app)), 1);
    const row = await db
      .selectFrom('aspiration')
      .select(['id', 'category_id'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const first = structure.categories[0];
    assert.equal(row.category_id, first?.id, 'the suggestion is not applied by itself');

    const staff = await signIn(app, await createUser(app, 'staff'));
    const page = await staff.get(`/kelola/aspirasi/${code}`);
    assert.match(page.body, /Saran sistem: Banjir dan sungai \(keyakinan \d+%\), dari kata: [^<]*banjir/);
    assert.match(page.body, /Saran ini benar untuk \d+% dari 120 aspirasi terbaru yang diuji/);

    // A member may read the case but not set its category; a citizen may not even read it.
    const member = await signIn(app, await createUser(app, 'member'));
    const seen = await member.get(`/kelola/aspirasi/${code}`);
    if (seen.statusCode === 200) assert.doesNotMatch(seen.body, /Saran sistem/);
    await member.get('/akun'); // a page with a form, for the token
    const refused = await member.post(`/kelola/aspirasi/${code}`, { action: 'category', category: 'banjir' });
    assert.ok([403, 404].includes(refused.statusCode), String(refused.statusCode));
    const citizen = await signIn(app, await createUser(app, 'citizen'));
    assert.notEqual((await citizen.get(`/kelola/aspirasi/${code}`)).statusCode, 200);

    await staff.get(`/kelola/aspirasi/${code}`);
    const taken = await staff.post(`/kelola/aspirasi/${code}`, { action: 'category', category: 'banjir' });
    assert.equal(taken.statusCode, 303);
    const after = await db
      .selectFrom('aspiration')
      .select('category_id')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.category_id, structure.categories.find((c) => c.slug === 'banjir')?.id);
    const decided = await db
      .selectFrom('category_suggestion')
      .selectAll()
      .where('aspiration_id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(decided.outcome, 'accepted');
    const shown = await staff.get(`/aspirasi/${code}`);
    assert.match(shown.body, /Kategori diubah menjadi Banjir dan sungai/);

    // A category that does not exist: 400 with the message beside the field, nothing changed.
    await staff.get(`/kelola/aspirasi/${code}`);
    const wrong = await staff.post(`/kelola/aspirasi/${code}`, { action: 'category', category: 'tidak-ada' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Kategori: /);
    const still = await db
      .selectFrom('aspiration')
      .select('category_id')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.category_id, after.category_id);

    // Below the council's threshold, staff see no suggestion.
    await db.updateTable('council').set({ suggestion_min_accuracy: 0.99 }).execute();
    forgetCouncil(db);
    assert.doesNotMatch((await staff.get(`/kelola/aspirasi/${code}`)).body, /Saran sistem/);
    await db.updateTable('council').set({ suggestion_min_accuracy: 0.6 }).execute();
    forgetCouncil(db);
  });

  test('a correction teaches the model: after retraining, a near-identical text gets the category staff chose', async () => {
    const db = app.database.db;
    const staff = await signIn(app, await createUser(app, 'staff'));
    const ask = async (title: string) => {
      const code = await sendAspiration(app, title);
      await suggestCategories(deps(app.app));
      const { id } = await db.selectFrom('aspiration').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      const s = await db
        .selectFrom('category_suggestion')
        .select('category_id')
        .where('aspiration_id', '=', id)
        .executeTakeFirstOrThrow();
      return { code, suggested: s.category_id };
    };
    const structure = await getCouncil(db);
    const before = await ask('Tiang bendera di lapangan upacara kantor kecamatan miring dan talinya putus');
    const right =
      structure.categories.find((c) => c.id !== before.suggested && c.slug === 'lainnya') ??
      structure.categories.find((c) => c.id !== before.suggested && c.slug === 'pelayanan-publik');
    assert.ok(right !== undefined);
    await staff.get(`/kelola/aspirasi/${before.code}`);
    assert.equal((await staff.post(`/kelola/aspirasi/${before.code}`, { action: 'verify' })).statusCode, 303);
    await staff.get(`/kelola/aspirasi/${before.code}`);
    assert.equal(
      (await staff.post(`/kelola/aspirasi/${before.code}`, { action: 'category', category: right.slug })).statusCode,
      303,
    );
    const decided = await db
      .selectFrom('category_suggestion')
      .select('outcome')
      .where('aspiration_id', 'in', (eb) => eb.selectFrom('aspiration').select('id').where('code', '=', before.code))
      .executeTakeFirstOrThrow();
    assert.equal(decided.outcome, 'corrected');
    const setAside = await staff.get(`/kelola/aspirasi/${before.code}`);
    assert.match(setAside.body, /Petugas sudah memilih kategori lain/);
    assert.doesNotMatch(setAside.body, /Pakai kategori/);

    const retrained = await trainCategoryModel(deps(app.app));
    assert.ok(retrained.trained, 'a correction makes the next run train');
    const again = await ask('Tiang bendera lapangan upacara kecamatan miring lagi, talinya putus');
    assert.equal(again.suggested, right.id);

    // Three trainings later the two older models stay only for the suggestions they made, without weights.
    for (let i = 0; i < 3; i++) await trainCategoryModel(deps(app.app), true);
    const models = await db.selectFrom('category_model').select(['id', 'model']).orderBy('id').execute();
    const used = new Set(
      (await db.selectFrom('category_suggestion').select('model_id').execute()).map((r) => r.model_id),
    );
    assert.equal(models.length, 5);
    assert.ok(
      models.slice(-3).every((m) => m.model !== '{}'),
      'the newest three keep their weights',
    );
    assert.ok(models.slice(0, 2).every((m) => used.has(m.id) && m.model === '{}'));
  });

  test('an administrator lets the model apply chosen categories above a precision; below it, or not chosen, officers decide', async () => {
    const db = app.database.db;
    const structure = await getCouncil(db);
    const slug = (s: string) => structure.categories.find((c) => c.slug === s) as (typeof structure.categories)[number];
    const banjir = slug('banjir');
    const jalan = slug('jalan-jembatan-drainase');
    const sampah = slug('sampah-lingkungan');
    await trainCategoryModel(deps(app.app), true);
    // The model in use, with figures fixed for the test: banjir guessed 20 times and right 16 times
    // (precision 80 %), sampah guessed 5 times (too few to judge), jalan never wrong.
    const newest = await db.selectFrom('category_model').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    const figures = {
      n: 60,
      accuracy: 0.8,
      macroF1: 0.8,
      labels: [String(banjir.id), String(jalan.id), String(sampah.id)],
      confusion: [
        [16, 0, 0],
        [4, 30, 0],
        [0, 5, 5],
      ],
      perLabel: [],
    };
    const { id: _, ...copy } = newest;
    await db
      .insertInto('category_model')
      .values({
        ...copy,
        evaluation: JSON.stringify({
          chosen: newest.kind,
          baseline: 0.5,
          models: { 'naive-bayes': figures, logistic: figures },
        }),
      })
      .execute();

    const person = (role: Role) => signedInPerson(app, role);
    const admin = await person('administrator');
    const staff = await person('staff');
    const page = await admin.get('/kelola/wawasan');
    assert.match(page.body, /<h2 id="rute-otomatis">Kategori otomatis<\/h2>/);
    assert.match(page.body, /80% dari 20 tebakan/);
    assert.match(page.body, /action="\/kelola\/wawasan\/rute-otomatis"/);
    const staffPage = await staff.get('/kelola/wawasan');
    assert.match(staffPage.body, /Kategori otomatis/, 'staff see which categories are applied');
    assert.doesNotMatch(staffPage.body, /action="\/kelola\/wawasan\/rute-otomatis"/, 'but cannot switch them');
    for (const role of ['staff', 'member', 'moderator', 'citizen'] as const) {
      const other = role === 'staff' ? staff : await person(role);
      await other.get('/akun');
      const refused = await other.post('/kelola/wawasan/rute-otomatis', { minPrecision: '50', categories: 'banjir' });
      assert.equal(refused.statusCode, 403, role);
    }

    // Bad input: 400, the message beside the field, nothing stored.
    await admin.get('/kelola/wawasan');
    const low = await admin.post('/kelola/wawasan/rute-otomatis', { minPrecision: '40', categories: 'banjir' });
    assert.equal(low.statusCode, 400);
    assert.match(low.body, /Isi presisi sebagai bilangan bulat dari 50 sampai 100\./);
    const unknown = await admin.post('/kelola/wawasan/rute-otomatis', { minPrecision: '80', categories: 'tidak-ada' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /Pilih kategori dari daftar\./);
    assert.equal(await db.selectFrom('category_auto_route').selectAll().executeTakeFirst(), undefined);

    let rw = 0;
    const flood = async () => {
      const code = await sendAspiration(
        app,
        `Kali meluap lagi dan tanggul jebol di RW ${++rw}, rumah warga kebanjiran setinggi lutut`,
      );
      await suggestCategories(deps(app.app));
      const row = await db
        .selectFrom('aspiration as a')
        .innerJoin('category_suggestion as s', 's.aspiration_id', 'a.id')
        .select(['a.category_id', 's.category_id as suggested', 's.outcome'])
        .where('a.code', '=', code)
        .executeTakeFirstOrThrow();
      assert.equal(row.suggested, banjir.id, 'the model suggests banjir for a flood');
      return { code, ...row };
    };
    const save = async (minPrecision: string, categories: string[]) => {
      await admin.get('/kelola/wawasan');
      const saved = await admin.post('/kelola/wawasan/rute-otomatis', [
        ['minPrecision', minPrecision],
        ...categories.map((c): [string, string] => ['categories', c]),
      ]);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/kelola/wawasan?pesan=tersimpan#rute-otomatis');
    };

    // Switched on for other categories only: a flood waits for an officer.
    await save('50', ['jalan-jembatan-drainase', 'sampah-lingkungan']);
    const notChosen = await flood();
    assert.notEqual(notChosen.category_id, banjir.id);
    assert.equal(notChosen.outcome, null);
    const standing = await admin.get('/kelola/wawasan?pesan=tersimpan');
    assert.match(standing.body, /Pengaturan kategori otomatis tersimpan\./);
    assert.match(standing.body, /Diizinkan, tetapi tebakan kurang dari 10: diputuskan petugas/, 'sampah: 5 guesses');

    // Chosen, but its precision (80 %) is below the level (90 %): still an officer's.
    await save('90', ['banjir']);
    assert.match((await admin.get('/kelola/wawasan')).body, /Diizinkan, tetapi presisi di bawah batas/);
    const imprecise = await flood();
    assert.notEqual(imprecise.category_id, banjir.id);
    assert.equal(imprecise.outcome, null);

    // At 80 % it is applied: public on the timeline as the system's step, audited, marked applied.
    await save('80', ['banjir']);
    const applied = await flood();
    assert.equal(applied.category_id, banjir.id);
    assert.equal(applied.outcome, 'applied');
    assert.match(
      (await staff.get(`/aspirasi/${applied.code}`)).body,
      /Kategori ditetapkan otomatis oleh sistem menjadi Banjir dan sungai/,
    );
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_role', 'details'])
      .where('action', '=', 'aspiration.category_applied')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.actor_role, 'system');
    assert.match(audit[0]?.details ?? '', new RegExp(applied.code));
    assert.equal(
      (await db.selectFrom('audit_log').select('id').where('action', '=', 'aspiration.auto_route_changed').execute())
        .length,
      3,
    );

    // An officer still decides: the case says the system applied it, and changing it is a correction.
    const casePage = await staff.get(`/kelola/aspirasi/${applied.code}`);
    assert.match(casePage.body, /Sistem sudah menerapkan saran ini/);
    const changed = await staff.post(`/kelola/aspirasi/${applied.code}`, { action: 'category', category: 'lainnya' });
    assert.equal(changed.statusCode, 303);
    const corrected = await db
      .selectFrom('category_suggestion as s')
      .innerJoin('aspiration as a', 'a.id', 's.aspiration_id')
      .select('s.outcome')
      .where('a.code', '=', applied.code)
      .executeTakeFirstOrThrow();
    assert.equal(corrected.outcome, 'corrected');

    // Switched off (none chosen): the next flood waits for an officer again.
    await save('80', []);
    const off = await flood();
    assert.notEqual(off.category_id, banjir.id);
  });
});
