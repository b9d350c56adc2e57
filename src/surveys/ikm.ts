/**
 * The community satisfaction index (Indeks Kepuasan Masyarakat) of PermenPAN-RB 14/2017: nine
 * elements each scored 1–4; per element the mean score (NRR); IKM = Σ(NRR × 1/9) × 25, graded A–D.
 * Computed here from raw scores only, so a result can always be recomputed from the stored answers.
 */

/** The nine elements (unsur) in the regulation's order; a survey's question carries its number. */
export const IKM_ELEMENTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type IkmElement = (typeof IKM_ELEMENTS)[number];

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/** The lowest index of each grade (the regulation's conversion intervals), best first. */
const gradeFloors: readonly [IkmGrade, number][] = [
  ['A', 88.31],
  ['B', 76.61],
  ['C', 65.0],
  ['D', 25.0],
];

export interface IkmResult {
  respondents: number;
  /** NRR per element, in element order; null where no one scored it. */
  nrr: (number | null)[];
  /** The index on the 25–100 scale, rounded to two decimals as the regulation writes it. */
  index: number;
  grade: IkmGrade;
  /**
   * Half the width of the 95 % confidence interval of the index, from the spread of each
   * respondent's own index (1.96 × s / √n); null with fewer than two respondents.
   */
  margin: number | null;
}

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

export function gradeOf(index: number): IkmGrade {
  const rounded = round2(index);
  for (const [grade, floor] of gradeFloors) if (rounded >= floor) return grade;
  return 'D';
}

/**
 * The IKM of a set of respondents, each given as their nine scores (element 1 first). A
 * respondent who left an element out counts for the others only. Undefined without respondents.
 */
export function computeIkm(respondents: readonly (readonly (number | null)[])[]): IkmResult | undefined {
  if (respondents.length === 0) return undefined;
  const nrr = IKM_ELEMENTS.map((_, i) => {
    const scores = respondents.map((r) => r[i]).filter((s): s is number => typeof s === 'number');
    return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
  });
  const known = nrr.filter((n): n is number => n !== null);
  // Each element weighs the same: 1/9 when all nine were scored (the regulation's weight).
  const weight = 1 / known.length;
  const index = known.reduce((sum, n) => sum + n * weight, 0) * 25;
  const own = respondents
    .map((r) => r.filter((s): s is number => typeof s === 'number'))
    .filter((r) => r.length > 0)
    .map((r) => (r.reduce((a, b) => a + b, 0) / r.length) * 25);
  let margin: number | null = null;
  if (own.length >= 2) {
    const mean = own.reduce((a, b) => a + b, 0) / own.length;
    const variance = own.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (own.length - 1);
    margin = round2((1.96 * Math.sqrt(variance)) / Math.sqrt(own.length));
  }
  return {
    respondents: respondents.length,
    nrr: nrr.map((n) => (n === null ? null : Math.round(n * 1000) / 1000)),
    index: round2(index),
    grade: gradeOf(index),
    margin,
  };
}
