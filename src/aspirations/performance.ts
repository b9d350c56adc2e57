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

const spreadOf = (row: Row, step: 'verify_days' | 'answer_days' | 'resolve_days'): Spread => ({
  n: Number(row[`${step}_n`]),
  median: row[`${step}_median`] === null ? null : Number(row[`${step}_median`]),
  p90: row[`${step}_p90`] === null ? null : Number(row[`${step}_p90`]),
});

function figuresOf(row: Row | undefined): Figures {
  if (row === undefined) return emptyFigures;
  const n = (value: string | number) => Number(value);
  return {
    received: n(row.received),
    verified: n(row.verify_days_n),
    verifiedInTarget: n(row.verified_in_target),
    answered: n(row.answer_days_n),
    resolved: n(row.resolve_days_n),
    resolvedInTarget: n(row.resolved_in_target),
    reopened: n(row.reopened),
    toVerify: spreadOf(row, 'verify_days'),
    toAnswer: spreadOf(row, 'answer_days'),
    toResolve: spreadOf(row, 'resolve_days'),
    ratings: [n(row.rating_1), n(row.rating_2), n(row.rating_3), n(row.rating_4), n(row.rating_5)],
    fixed: { yes: n(row.fixed_yes), no: n(row.fixed_no) },
  };
}

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

export async function performanceFigures(deps: Deps, filter: PerformanceFilter): Promise<PerformanceFigures> {
  const structure = await getCouncil(deps.db);
  const rows = await q.performanceAggregates(deps.db, structure.council.id, {
    from: startOfMonth(filter.from),
    until: startOfMonth(nextMonth(filter.until)),
    komisiId: filter.komisiId,
    dapilId: filter.dapilId,
    kecamatanId: filter.kecamatanId,
    categoryId: filter.categoryId,
    channel: filter.channel,
  });
  const grouped = groupBy(rows, (r) => r.grouped);
  const byMonth = new Map((grouped.get('month') ?? []).map((r) => [r.month, r]));
  return {
    total: figuresOf(grouped.get('total')?.[0]),
    months: monthsBetween(filter.from, filter.until).map((month) => ({
      month,
      figures: figuresOf(byMonth.get(month)),
    })),
    byKomisi: (grouped.get('komisi') ?? []).map((r) => ({ komisiId: r.komisi_id, figures: figuresOf(r) })),
    byKecamatan: (grouped.get('kecamatan') ?? []).map((r) => ({ kecamatanId: r.kecamatan_id, figures: figuresOf(r) })),
  };
}
