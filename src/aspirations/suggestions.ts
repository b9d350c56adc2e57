/**
 * Suggesting an aspiration's category (and so its komisi) from what the citizen wrote, learnt from
 * the council's own triaged aspirations. It suggests and never decides: staff see the suggestion
 * with its confidence and the words behind it, take it with one click or choose another category,
 * and a choice against it makes the next training come sooner.
 *
 * Training (a job): the triaged aspirations in the order they came; the newest fifth is held out.
 * Naive Bayes and logistic regression both learn from the older part and are judged on the newest
 * (accuracy, macro-F1, confusion matrix, against always saying the most frequent category); the
 * better by macro-F1 is trained again on everything and kept with those figures.
 */
import { getCouncil } from '../council/service.ts';
import type { Deps } from '../platform/deps.ts';
import { bagsOf } from '../platform/indonesian-text.ts';
import {
  type Evaluation,
  type Example,
  evaluate,
  indexOf,
  type LinearModel,
  majorityBaseline,
  pacer,
  suggest,
  trainLogistic,
  trainNaiveBayes,
} from '../platform/text-classifier.ts';
import { applySuggestions } from './auto-route.ts';
import * as q from './queries.ts';

/** Fewer triaged aspirations than this, and no model is trained: its figures would mean little. */
export const MIN_EXAMPLES = 60;
/** The newest share of the triaged aspirations that judges each model. */
const HELD_OUT = 0.2;
/** A model is trained again at least this often, and sooner after a correction. */
const RETRAIN_AFTER_MS = 24 * 3600_000;

export interface ModelEvaluation {
  chosen: LinearModel['kind'];
  baseline: number;
  models: Record<LinearModel['kind'], Evaluation>;
}

export type TrainingOutcome =
  | {
      trained: true;
      modelId: number;
      kind: LinearModel['kind'];
      /** How many triaged aspirations it learnt from and was judged on, together. */
      examples: number;
      accuracy: number;
      macroF1: number;
      ms: number;
    }
  | { trained: false; reason: 'too-few' | 'fresh' };

const textOf = (row: { title: string; description: string }) => `${row.title}. ${row.description}`;

/** Trains when there is no model, after a correction, or once a day; `force` trains now. */
export async function trainCategoryModel(
  deps: Pick<Deps, 'db'>,
  force = false,
  now = new Date(),
  signal?: AbortSignal,
): Promise<TrainingOutcome> {
  const { council } = await getCouncil(deps.db);
  const newest = await q.newestCategoryModel(deps.db, council.id);
  if (
    !force &&
    newest !== undefined &&
    now.getTime() - newest.created_at.getTime() < RETRAIN_AFTER_MS &&
    !(await q.correctedSince(deps.db, council.id, newest.created_at))
  )
    return { trained: false, reason: 'fresh' };
  const rows = await q.triagedTexts(deps.db, council.id);
  if (rows.length < MIN_EXAMPLES) return { trained: false, reason: 'too-few' };
  const started = Date.now();
  const bags = await bagsOf(deps.db, rows.map(textOf));
  const examples: Example[] = rows.map((r, i) => ({ label: String(r.category_id), bag: bags[i] as Example['bag'] }));
  const cut = Math.floor(examples.length * (1 - HELD_OUT));
  const older = examples.slice(0, cut);
  const newer = examples.slice(cut);
  // Judging tens of thousands of held-out texts takes a while: the server answers in between.
  const pace = pacer(10, signal);
  const judged = async (model: LinearModel) => {
    const index = indexOf(model);
    const outcomes: { actual: string; predicted: string | undefined }[] = [];
    for (const e of newer) {
      await pace();
      outcomes.push({ actual: e.label, predicted: suggest(model, e.bag, index)?.label });
    }
    return evaluate(outcomes);
  };
  const models = {
    'naive-bayes': await judged(trainNaiveBayes(older)),
    logistic: await judged(await trainLogistic(older, { signal })),
  };
  const chosen = models.logistic.macroF1 > models['naive-bayes'].macroF1 ? 'logistic' : 'naive-bayes';
  const model = chosen === 'logistic' ? await trainLogistic(examples, { signal }) : trainNaiveBayes(examples);
  const figures = models[chosen];
  const evaluation: ModelEvaluation = { chosen, baseline: majorityBaseline(older, newer), models };
  const ms = Date.now() - started;
  const { id } = await q.insertCategoryModel(deps.db, {
    council_id: council.id,
    kind: chosen,
    trained_on: older.length,
    tested_on: newer.length,
    tested_from: (rows[cut] as { received_at: Date }).received_at,
    accuracy: figures.accuracy,
    macro_f1: figures.macroF1,
    baseline: evaluation.baseline,
    evaluation: JSON.stringify(evaluation),
    model: JSON.stringify(model),
    training_ms: ms,
  });
  await q.dropOldCategoryModels(deps.db, council.id, 3);
  return {
    trained: true,
    modelId: id,
    kind: chosen,
    examples: examples.length,
    accuracy: figures.accuracy,
    macroF1: figures.macroF1,
    ms,
  };
}

/** The model in use per database, parsed once per training (each instance keeps the one it read last). */
const inUse = new WeakMap<object, { id: number; model: LinearModel; index: Map<string, number> }>();

async function modelInUse(deps: Pick<Deps, 'db'>, councilId: number) {
  const row = await q.newestCategoryModel(deps.db, councilId);
  if (row === undefined) return undefined;
  let kept = inUse.get(deps.db);
  if (kept?.id !== row.id) {
    // The weights are read and parsed once per model, not on every run of the job.
    const weights = await q.categoryModelWeights(deps.db, row.id);
    if (weights === undefined) return undefined;
    const model = JSON.parse(weights) as LinearModel;
    kept = { id: row.id, model, index: indexOf(model) };
    inUse.set(deps.db, kept);
  }
  return kept;
}

/**
 * Suggests a category for the aspirations waiting for triage that have none yet (a job), and
 * applies those the administrator allowed to be applied; how many were suggested.
 */
export async function suggestCategories(deps: Pick<Deps, 'db'>, limit = 200): Promise<number> {
  const { council } = await getCouncil(deps.db);
  const current = await modelInUse(deps, council.id);
  if (current === undefined) return 0;
  const rows = await q.unsuggested(deps.db, council.id, limit);
  const bags = await bagsOf(deps.db, rows.map(textOf));
  const suggestions = rows.flatMap((row, i) => {
    const s = suggest(current.model, bags[i] as Example['bag'], current.index);
    if (s === undefined) return [];
    return [
      {
        aspiration_id: row.id,
        model_id: current.id,
        category_id: Number(s.label),
        confidence: s.confidence,
        because: s.because,
      },
    ];
  });
  await q.insertSuggestions(deps.db, suggestions);
  // Only where an administrator switched it on for the category, and its precision allows.
  await applySuggestions(deps, council.id, suggestions);
  return suggestions.length;
}

export interface CategorySuggestion {
  categoryId: number;
  confidence: number;
  because: string[];
  /** The model's accuracy on the newest aspirations held out, and how many they were. */
  accuracy: number;
  testedOn: number;
  outcome: 'accepted' | 'corrected' | 'applied' | null;
}

/**
 * The suggestion staff see on a case, or undefined when there is none or its model's accuracy is
 * below the council's threshold.
 */
export async function categorySuggestion(
  deps: Deps,
  aspirationId: number,
  threshold: number,
): Promise<CategorySuggestion | undefined> {
  const row = await q.suggestionFor(deps.db, aspirationId);
  if (row === undefined || row.accuracy < threshold) return undefined;
  return {
    categoryId: row.category_id,
    confidence: row.confidence,
    because: row.because,
    accuracy: row.accuracy,
    testedOn: row.tested_on,
    outcome: row.outcome,
  };
}

export interface CategoryModelReport {
  kind: LinearModel['kind'];
  trainedAt: Date;
  trainedOn: number;
  testedOn: number;
  testedFrom: Date;
  accuracy: number;
  macroF1: number;
  baseline: number;
  trainingMs: number;
  evaluation: ModelEvaluation;
  /** The council's threshold: below it staff see no suggestion. */
  threshold: number;
  outcomes: { accepted: number; corrected: number; applied: number; open: number };
}

/** The model in use with its figures on the newest aspirations held out, for /kelola/wawasan. */
export async function categoryModelReport(deps: Deps): Promise<CategoryModelReport | undefined> {
  const { council } = await getCouncil(deps.db);
  const [row, outcomes] = await Promise.all([
    q.newestCategoryModel(deps.db, council.id),
    q.suggestionOutcomes(deps.db, council.id),
  ]);
  if (row === undefined) return undefined;
  const count = (outcome: 'accepted' | 'corrected' | 'applied' | null) =>
    Number(outcomes.find((o) => o.outcome === outcome)?.n ?? 0);
  return {
    kind: row.kind,
    trainedAt: row.created_at,
    trainedOn: row.trained_on,
    testedOn: row.tested_on,
    testedFrom: row.tested_from,
    accuracy: row.accuracy,
    macroF1: row.macro_f1,
    baseline: row.baseline,
    trainingMs: row.training_ms,
    evaluation: JSON.parse(row.evaluation) as ModelEvaluation,
    threshold: council.suggestion_min_accuracy,
    outcomes: {
      accepted: count('accepted'),
      corrected: count('corrected'),
      applied: count('applied'),
      open: count(null),
    },
  };
}
