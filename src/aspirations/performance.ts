/**
 * The public performance figures of the aspiration service for a period and a filter: how many
 * came in, were verified within the target, answered and resolved; the working days each step
 * took (median and 90th percentile); the share resolved within the target; ratings, "is it
 * fixed?" answers and reopened cases; month by month, per komisi and per kecamatan. Working days
 * follow the council's calendar (weekends and its holidays left out), counted as the targets are.
 */
import { getCouncil } from '../council/service.ts';
import type { AspirationChannel } from '../db/schema.ts';
import type { Deps } from '../platform/deps.ts';
import { groupBy } from '../platform/group-by.ts';
import * as q from './queries.ts';

export interface PerformanceFilter {
  /** The first month, YYYY-MM. */
  from: string;
  /** The last month, YYYY-MM (included). */
  until: string;
  komisiId?: number | undefined;
  dapilId?: number | undefined;
  kecamatanId?: number | undefined;
  categoryId?: number | undefined;
  channel?: AspirationChannel | undefined;
}

/** Median and 90th percentile of working days (nearest rank), with how many they are of. */
export interface Spread {
  n: number;
  median: number | null;
  p90: number | null;
}

export interface Figures {
  received: number;
  verified: number;
  verifiedInTarget: number;
  answered: number;
  resolved: number;
  resolvedInTarget: number;
  reopened: number;
  toVerify: Spread;
  toAnswer: Spread;
  toResolve: Spread;
  /** Ratings 1 to 5: how many gave each. */
  ratings: [number, number, number, number, number];
  /** "Is it fixed?" answered yes and no. */
  fixed: { yes: number; no: number };
}

export interface PerformanceFigures {
  total: Figures;
  months: { month: string; figures: Figures }[];
  byKomisi: { komisiId: number | null; figures: Figures }[];
  byKecamatan: { kecamatanId: number; figures: Figures }[];
}

type Row = Awaited<ReturnType<typeof q.performanceAggregates>>[number];

const spreadOf = (row: Row, step: 'verify_days' | 'answer_days' | 'resolve_days', n: string): Spread => ({
  n: Number(n),
  median: row[`${step}_median`] === null ? null : Number(row[`${step}_median`]),
  p90: row[`${step}_p90`] === null ? null : Number(row[`${step}_p90`]),
});

/** The counts of a group, by the names both sources give them. */
type Counts = Record<
  | 'received'
  | 'verified'
  | 'verified_in_target'
  | 'answered'
  | 'resolved'
  | 'resolved_in_target'
  | 'reopened'
  | 'rating_1'
  | 'rating_2'
  | 'rating_3'
  | 'rating_4'
  | 'rating_5'
  | 'fixed_yes'
  | 'fixed_no',
  string
>;

function figuresFrom(row: Counts, spreads: { verify: Spread; answer: Spread; resolve: Spread }): Figures {
  const n = (value: string) => Number(value);
  return {
    received: n(row.received),
    verified: n(row.verified),
    verifiedInTarget: n(row.verified_in_target),
    answered: n(row.answered),
    resolved: n(row.resolved),
    resolvedInTarget: n(row.resolved_in_target),
    reopened: n(row.reopened),
    toVerify: spreads.verify,
    toAnswer: spreads.answer,
    toResolve: spreads.resolve,
    ratings: [n(row.rating_1), n(row.rating_2), n(row.rating_3), n(row.rating_4), n(row.rating_5)],
    fixed: { yes: n(row.fixed_yes), no: n(row.fixed_no) },
  };
}

const figuresOf = (row: Row): Figures =>
  figuresFrom(row, {
    verify: spreadOf(row, 'verify_days', row.verified),
    answer: spreadOf(row, 'answer_days', row.answered),
    resolve: spreadOf(row, 'resolve_days', row.resolved),
  });

const none: Spread = { n: 0, median: null, p90: null };
/** The figures of a period, place or komisi without aspirations. */
export const emptyFigures: Readonly<Figures> = Object.freeze<Figures>({
  received: 0,
  verified: 0,
  verifiedInTarget: 0,
  answered: 0,
  resolved: 0,
  resolvedInTarget: 0,
  reopened: 0,
  toVerify: none,
  toAnswer: none,
  toResolve: none,
  ratings: [0, 0, 0, 0, 0],
  fixed: { yes: 0, no: 0 },
});

/** The months from one to another, YYYY-MM, both included. */
export function monthsBetween(from: string, until: string): string[] {
  const out: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const m = `${year}-${String(month).padStart(2, '0')}`;
    if (m > until) break;
    out.push(m);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

const startOfMonth = (month: string) => new Date(`${month}-01T00:00:00+07:00`);
const nextMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

type Tally = Awaited<ReturnType<typeof q.tallyAggregates>>;
type Step = Tally['days'][number]['step'];

/**
 * The nearest-rank percentile of a histogram (days in ascending order, with how many took them):
 * the k-th smallest where k = ⌈p·n⌉, as PostgreSQL's percentile_disc reads it.
 */
function percentileOf(histogram: { days: number; n: number }[], total: number, p: number): number | null {
  if (total === 0) return null;
  const k = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bar of histogram) {
    seen += bar.n;
    if (seen >= k) return bar.days;
  }
  return null;
}

/** The figures of each group of the kept sums, its spreads read off its histograms. */
function figuresOfTally(tally: Tally) {
  const keyOf = (r: { grouped: string; month: string; komisi_id: number | null; kecamatan_id: number }) =>
    r.grouped === 'month'
      ? `m${r.month}`
      : r.grouped === 'komisi'
        ? `k${r.komisi_id}`
        : r.grouped === 'kecamatan'
          ? `c${r.kecamatan_id}`
          : 't';
  const histograms = groupBy(
    tally.days.map((d) => ({ key: `${keyOf(d)} ${d.step}`, days: Number(d.days), n: Number(d.n) })),
    (d) => d.key,
  );
  const spread = (key: string, step: Step): Spread => {
    const bars = (histograms.get(`${key} ${step}`) ?? []).sort((a, b) => a.days - b.days);
    const n = bars.reduce((sum, b) => sum + b.n, 0);
    return { n, median: percentileOf(bars, n, 0.5), p90: percentileOf(bars, n, 0.9) };
  };
  return (row: Tally['counts'][number]): Figures => {
    const key = keyOf(row);
    return figuresFrom(row, {
      verify: spread(key, 'verify'),
      answer: spread(key, 'answer'),
      resolve: spread(key, 'resolve'),
    });
  };
}

/**
 * The figures for a period and filter. Filters by komisi, dapil and kecamatan are read from the
 * kept sums (a year is about a thousand rows); by category or channel, from the facts themselves.
 * `source` lets a test read both ways and compare.
 */
export async function performanceFigures(
  deps: Deps,
  filter: PerformanceFilter,
  source: 'auto' | 'facts' | 'tally' = 'auto',
): Promise<PerformanceFigures> {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const fromTally =
    source === 'tally' || (source === 'auto' && filter.categoryId === undefined && filter.channel === undefined);
  type Group = { grouped: string; month: string; komisi_id: number | null; kecamatan_id: number; figures: Figures };
  let groups: Group[];
  if (fromTally) {
    const tally = await q.tallyAggregates(deps.db, councilId, {
      fromMonth: filter.from,
      untilMonth: filter.until,
      komisiId: filter.komisiId,
      dapilId: filter.dapilId,
      kecamatanId: filter.kecamatanId,
    });
    const figuresOf = figuresOfTally(tally);
    // Sums of nothing are a row of zeros; a group exists only where an aspiration came in.
    groups = tally.counts
      .filter((r) => r.grouped === 'total' || Number(r.received) > 0)
      .map((r) => ({ ...r, figures: figuresOf(r) }));
  } else {
    const rows = await q.performanceAggregates(deps.db, councilId, {
      from: startOfMonth(filter.from),
      until: startOfMonth(nextMonth(filter.until)),
      komisiId: filter.komisiId,
      dapilId: filter.dapilId,
      kecamatanId: filter.kecamatanId,
      categoryId: filter.categoryId,
      channel: filter.channel,
    });
    groups = rows.map((r) => ({ ...r, figures: figuresOf(r) }));
  }
  const grouped = groupBy(groups, (r) => r.grouped);
  const byMonth = new Map((grouped.get('month') ?? []).map((r) => [r.month, r.figures]));
  const total = grouped.get('total')?.[0]?.figures;
  return {
    total: total === undefined || total.received === 0 ? emptyFigures : total,
    months: monthsBetween(filter.from, filter.until).map((month) => ({
      month,
      figures: byMonth.get(month) ?? emptyFigures,
    })),
    byKomisi: (grouped.get('komisi') ?? [])
      .map((r) => ({ komisiId: r.komisi_id, figures: r.figures }))
      .sort((a, b) => (a.komisiId ?? 0) - (b.komisiId ?? 0)),
    byKecamatan: (grouped.get('kecamatan') ?? [])
      .map((r) => ({ kecamatanId: r.kecamatan_id, figures: r.figures }))
      .sort((a, b) => a.kecamatanId - b.kecamatanId),
  };
}
