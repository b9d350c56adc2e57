/**
 * Two text classifiers small enough to train on a council's own aspirations on a 2-core machine,
 * and the measures that say how far to trust them. Both end as one kind of model: a linear score
 * per label over the counted stems, turned into probabilities by softmax.
 *
 * - Multinomial naive Bayes: log P(label) + Σ count(stem) · log P(stem | label), Laplace-smoothed.
 *   One pass over the data; its scores are the exact log posteriors, so softmax gives them.
 * - Logistic regression (multinomial): weights learnt by stochastic gradient descent on the
 *   cross-entropy with an L2 penalty, on log-scaled counts normalised to unit length, from a seeded
 *   shuffle so that the same data always gives the same model.
 *
 * A suggestion explains itself: the stems whose weight for the chosen label stands furthest above
 * their mean weight over the other labels, times how often they occur.
 */

/** A text as the classifier sees it: how often each stem occurs. */
export type Bag = ReadonlyMap<string, number>;

export interface Example {
  bag: Bag;
  label: string;
}

export type ModelKind = 'naive-bayes' | 'logistic';

export interface LinearModel {
  kind: ModelKind;
  labels: string[];
  vocabulary: string[];
  bias: number[];
  /** weights[label][stem], in the orders of `labels` and `vocabulary`. */
  weights: number[][];
}

export interface Suggestion {
  label: string;
  /** The model's probability of the label, 0–1. */
  confidence: number;
  /** The stems that pushed most towards the label, strongest first. */
  because: string[];
  /** Every label with its probability, most likely first. */
  ranking: { label: string; probability: number }[];
}

/** A generator of numbers in [0, 1) from a seed (mulberry32): the same seed, the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabularyOf(examples: readonly Example[]): { vocabulary: string[]; index: Map<string, number> } {
  const vocabulary = [...new Set(examples.flatMap((e) => [...e.bag.keys()]))].sort();
  return { vocabulary, index: new Map(vocabulary.map((stem, i) => [stem, i])) };
}

function labelsOf(examples: readonly Example[]): string[] {
  return [...new Set(examples.map((e) => e.label))].sort();
}

export function trainNaiveBayes(examples: readonly Example[], smoothing = 0.5): LinearModel {
  const labels = labelsOf(examples);
  const { vocabulary, index } = vocabularyOf(examples);
  const counts = labels.map(() => new Float64Array(vocabulary.length));
  const docs = new Array<number>(labels.length).fill(0);
  for (const e of examples) {
    const l = labels.indexOf(e.label);
    docs[l] = (docs[l] ?? 0) + 1;
    const row = counts[l] as Float64Array;
    for (const [stem, n] of e.bag) {
      const i = index.get(stem) as number;
      row[i] = (row[i] ?? 0) + n;
    }
  }
  const weights = counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0) + smoothing * vocabulary.length;
    return Array.from(row, (n) => Math.log((n + smoothing) / total));
  });
  const bias = docs.map((n) => Math.log(n / examples.length));
  return { kind: 'naive-bayes', labels, vocabulary, bias, weights };
}

/** Log-scaled counts of the known stems, normalised to unit length (the input logistic weights read). */
function scaled(model: LinearModel, bag: Bag, index: Map<string, number>): [number, number][] {
  const entries: [number, number][] = [];
  for (const [stem, n] of bag) {
    const i = index.get(stem);
    if (i !== undefined) entries.push([i, model.kind === 'naive-bayes' ? n : 1 + Math.log(n)]);
  }
  if (model.kind === 'logistic') {
    const norm = Math.hypot(...entries.map(([, v]) => v)) || 1;
    for (const entry of entries) entry[1] /= norm;
  }
  return entries;
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Lets the event loop answer requests between slices of long work: the returned function yields
 * (setImmediate) once `sliceMs` of work have passed since it last did, and costs a clock read
 * otherwise. A count of items would not do: a small set never reaches it, and a slow machine
 * takes longer per item (measured: 40 passes over 256 texts held the loop 477 ms). Once `signal`
 * is aborted (the server shuts down), the next yield rejects with its reason and the work stops.
 */
export function pacer(sliceMs = 10, signal?: AbortSignal): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        since = performance.now();
        if (signal?.aborted) reject(signal.reason);
        else resolve();
      }),
    );
  };
}

/**
 * Fewer passes as the data grows: 40 over a few hundred texts, 5 over 100,000 (stochastic
 * gradient descent has seen enough by then). Yields to the event loop every 10 ms of work, so a
 * server that trains stays responsive.
 */
export async function trainLogistic(
  examples: readonly Example[],
  options: { seed?: number; epochs?: number; rate?: number; l2?: number; signal?: AbortSignal | undefined } = {},
): Promise<LinearModel> {
  const { seed = 21, rate = 0.5, l2 = 1e-5 } = options;
  const epochs = options.epochs ?? Math.min(40, Math.max(5, Math.ceil(400_000 / Math.max(1, examples.length))));
  const labels = labelsOf(examples);
  const { vocabulary, index } = vocabularyOf(examples);
  const model: LinearModel = {
    kind: 'logistic',
    labels,
    vocabulary,
    bias: labels.map(() => 0),
    weights: labels.map(() => new Array<number>(vocabulary.length).fill(0)),
  };
  const inputs = examples.map((e) => ({ x: scaled(model, e.bag, index), y: labels.indexOf(e.label) }));
  const random = seededRandom(seed);
  const order = inputs.map((_, i) => i);
  // The L2 penalty shrinks every weight a little each step; kept as one running scale instead of
  // touching all of them (the usual trick for sparse inputs).
  let scale = 1;
  const pace = pacer(10, options.signal);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const step = rate / (1 + epoch * 0.1);
    for (const k of order) {
      await pace();
      const { x, y } = inputs[k] as (typeof inputs)[number];
      const scores = model.weights.map(
        (w, l) => (model.bias[l] ?? 0) + scale * x.reduce((s, [i, v]) => s + (w[i] ?? 0) * v, 0),
      );
      const p = softmax(scores);
      scale *= 1 - step * l2;
      for (let l = 0; l < labels.length; l++) {
        const gradient = (p[l] ?? 0) - (l === y ? 1 : 0);
        if (gradient === 0) continue;
        model.bias[l] = (model.bias[l] ?? 0) - step * gradient;
        const w = model.weights[l] as number[];
        for (const [i, v] of x) w[i] = (w[i] ?? 0) - (step * gradient * v) / scale;
      }
    }
    if (scale < 1e-6) {
      for (const w of model.weights) for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) * scale;
      scale = 1;
    }
  }
  for (const w of model.weights) for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) * scale;
  return model;
}

/** Looks stems up by position; built once per model and kept with it by the caller. */
export function indexOf(model: LinearModel): Map<string, number> {
  return new Map(model.vocabulary.map((stem, i) => [stem, i]));
}

/**
 * The most likely label for a text, how sure the model is, and why; undefined for no known stem.
 * Pass the model's index when suggesting for many texts: building it reads the whole vocabulary.
 */
export function suggest(model: LinearModel, bag: Bag, index = indexOf(model), reasons = 5): Suggestion | undefined {
  const x = scaled(model, bag, index);
  if (x.length === 0) return undefined;
  const scores = model.weights.map((w, l) => (model.bias[l] ?? 0) + x.reduce((s, [i, v]) => s + (w[i] ?? 0) * v, 0));
  const p = softmax(scores);
  const ranking = model.labels
    .map((label, l) => ({ label, probability: p[l] ?? 0 }))
    .sort((a, b) => b.probability - a.probability);
  const best = ranking[0] as { label: string; probability: number };
  const l = model.labels.indexOf(best.label);
  const others = model.labels.length - 1 || 1;
  const pushes = x
    .map(([i, v]) => {
      const own = model.weights[l]?.[i] ?? 0;
      const rest = model.weights.reduce((s, w, m) => (m === l ? s : s + (w[i] ?? 0)), 0) / others;
      return { stem: model.vocabulary[i] as string, push: v * (own - rest) };
    })
    .filter((r) => r.push > 0)
    .sort((a, b) => b.push - a.push || a.stem.localeCompare(b.stem));
  return {
    label: best.label,
    confidence: best.probability,
    because: pushes.slice(0, reasons).map((r) => r.stem),
    ranking,
  };
}

export interface Evaluation {
  /** How many held-out texts were judged. */
  n: number;
  accuracy: number;
  /** The mean over labels of each label's F1 (a label never predicted nor present is left out). */
  macroF1: number;
  labels: string[];
  /** confusion[actual][predicted], in the order of `labels`. */
  confusion: number[][];
  /** Per label: precision, recall and F1 (0 when undefined), and how many texts had it. */
  perLabel: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

/** Scores predictions against the truth: accuracy, macro-F1 and the confusion matrix. */
export function evaluate(pairs: readonly { actual: string; predicted: string | undefined }[]): Evaluation {
  const labels = [
    ...new Set(pairs.flatMap((p) => (p.predicted === undefined ? [p.actual] : [p.actual, p.predicted]))),
  ].sort();
  const confusion = labels.map(() => new Array<number>(labels.length).fill(0));
  let right = 0;
  for (const { actual, predicted } of pairs) {
    if (predicted === actual) right++;
    if (predicted === undefined) continue;
    const row = confusion[labels.indexOf(actual)] as number[];
    row[labels.indexOf(predicted)] = (row[labels.indexOf(predicted)] ?? 0) + 1;
  }
  const perLabel = labels.map((label, i) => {
    const tp = confusion[i]?.[i] ?? 0;
    const predicted = confusion.reduce((s, row) => s + (row[i] ?? 0), 0);
    const support = pairs.filter((p) => p.actual === label).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const counted = perLabel.filter((r) => r.support > 0);
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : right / pairs.length,
    macroF1: counted.length === 0 ? 0 : counted.reduce((s, r) => s + r.f1, 0) / counted.length,
    labels,
    confusion,
    perLabel,
  };
}

/** The share a model that always says the most frequent training label would get right. */
export function majorityBaseline(training: readonly Example[], test: readonly Example[]): number {
  const counts = new Map<string, number>();
  for (const e of training) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const majority = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return test.length === 0 ? 0 : test.filter((e) => e.label === majority).length / test.length;
}
