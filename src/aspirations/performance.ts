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
import { jakartaDay, workingDaysUntil } from '../platform/working-days.ts';
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

type Row = Awaited<ReturnType<typeof q.performanceRows>>[number];

/** The nearest-rank percentile of sorted numbers. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

const spreadOf = (days: number[]): Spread => {
  const sorted = [...days].sort((a, b) => a - b);
  return { n: sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
};

interface Fact {
  month: string;
  komisiId: number | null;
  kecamatanId: number;
  verifyDays: number | null;
  verifiedInTarget: boolean;
  answerDays: number | null;
  resolveDays: number | null;
  resolvedInTarget: boolean;
  reopened: boolean;
  rating: number | null;
  fixed: boolean | null;
}

function figuresOf(facts: Fact[]): Figures {
  const ratings: Figures['ratings'] = [0, 0, 0, 0, 0];
  let yes = 0;
  let no = 0;
  for (const f of facts) {
    if (f.rating !== null && f.rating >= 1 && f.rating <= 5) ratings[f.rating - 1] = (ratings[f.rating - 1] ?? 0) + 1;
    if (f.fixed === true) yes++;
    if (f.fixed === false) no++;
  }
  const days = (pick: (f: Fact) => number | null) => facts.map(pick).filter((d): d is number => d !== null);
  return {
    received: facts.length,
    verified: facts.filter((f) => f.verifyDays !== null).length,
    verifiedInTarget: facts.filter((f) => f.verifiedInTarget).length,
    answered: facts.filter((f) => f.answerDays !== null).length,
    resolved: facts.filter((f) => f.resolveDays !== null).length,
    resolvedInTarget: facts.filter((f) => f.resolvedInTarget).length,
    reopened: facts.filter((f) => f.reopened).length,
    toVerify: spreadOf(days((f) => f.verifyDays)),
    toAnswer: spreadOf(days((f) => f.answerDays)),
    toResolve: spreadOf(days((f) => f.resolveDays)),
    ratings,
    fixed: { yes, no },
  };
}

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
  const rows = await q.performanceRows(deps.db, structure.council.id, {
    from: startOfMonth(filter.from),
    until: startOfMonth(nextMonth(filter.until)),
    komisiId: filter.komisiId,
    dapilId: filter.dapilId,
    kecamatanId: filter.kecamatanId,
    categoryId: filter.categoryId,
    channel: filter.channel,
  });
  const { holidays } = structure;
  const factOf = (r: Row): Fact => {
    const received = jakartaDay(r.received_at);
    const dayOf = (at: Date | null) => (at === null ? null : jakartaDay(new Date(at)));
    const verified = dayOf(r.verified_at);
    const answered = dayOf(r.answered_at);
    const resolved = dayOf(r.resolved_at);
    const between = (day: string | null) =>
      day === null ? null : Math.max(0, workingDaysUntil(received, day, holidays));
    return {
      month: received.slice(0, 7),
      komisiId: r.komisi_id,
      kecamatanId: r.kecamatan_id,
      verifyDays: between(verified),
      verifiedInTarget: verified !== null && verified <= r.verify_due,
      answerDays: between(answered),
      resolveDays: between(resolved),
      resolvedInTarget: resolved !== null && r.resolve_due !== null && resolved <= r.resolve_due,
      reopened: r.reopened,
      rating: r.rating,
      fixed: r.fixed_answer,
    };
  };
  const facts = rows.map(factOf);
  const byMonth = groupBy(facts, (f) => f.month);
  const byKomisi = groupBy(facts, (f) => f.komisiId);
  const byKecamatan = groupBy(facts, (f) => f.kecamatanId);
  return {
    total: figuresOf(facts),
    months: monthsBetween(filter.from, filter.until).map((month) => ({
      month,
      figures: figuresOf(byMonth.get(month) ?? []),
    })),
    byKomisi: [...byKomisi.entries()].map(([komisiId, list]) => ({ komisiId, figures: figuresOf(list) })),
    byKecamatan: [...byKecamatan.entries()].map(([kecamatanId, list]) => ({ kecamatanId, figures: figuresOf(list) })),
  };
}
