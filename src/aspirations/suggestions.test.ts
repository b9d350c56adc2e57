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
import { createUser, signIn } from '../../test/helpers/users.ts';
import { forgetCouncil, getCouncil } from '../council/service.ts';
import type { OpenDatabase } from '../db/index.ts';
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
});
