/**
 * The back office's figures for decisions (/kelola/dasbor): the open work in an official's scope —
 * per komisi, dapil, member and the official who took the last step, how late the late ones are
 * and which are latest, what waits for the citizen — and, for the council's leadership, the week
 * against the week before and what is rising by category and place.
 */
import { getCouncil } from '../council/service.ts';
import type { AspirationStatus } from '../db/schema.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import { jakartaDay } from '../platform/working-days.ts';
import * as q from './queries.ts';
import { memberScope } from './view.ts';

export interface Load {
  open: number;
  late: number;
}

export interface LateAspiration {
  code: string;
  title: string;
  status: AspirationStatus;
  due: string;
  daysLate: number;
}

export interface Workload {
  /** Whether the figures are of a member's komisi and dapil only. */
  scoped: boolean;
  total: Load & { toVerify: number };
  byKomisi: ({ komisiId: number | null } & Load)[];
  byDapil: ({ dapilId: number | null } & Load)[];
  /** Per member of the council: what was sent to their komisi or (not confidential) their dapil. */
  byMember: (MemberPlaces & Load)[];
  /** By the official who took the last step; `name` null: nobody has acted on them yet. */
  byOfficial: ({ name: string | null } & Load)[];
  /** Late ones by working days late: up to 5, 6–10, 11–20, more. */
  lateBands: [number, number, number, number];
  oldestLate: LateAspiration[];
  /** Resolved ones whose reporter was asked "is it fixed?" and has not answered, and since when. */
  waitingForReporter: { count: number; since: Date | null };
  /** Those whose message to the citizen did not go out in the last 30 days, latest first. */
  undelivered: { code: string; title: string }[];
}

const add = (into: Map<number | null, Load>, key: number | null, open: number, late: number) => {
  const known = into.get(key) ?? { open: 0, late: 0 };
  into.set(key, { open: known.open + open, late: known.late + late });
};

export interface MemberPlaces {
  slug: string;
  dapilId: number | null;
  komisiIds: number[];
}

export async function workload(
  deps: Deps,
  user: CurrentUser,
  /** The council's members with their dapil and komisi, for the per-member counts. */
  members: MemberPlaces[],
  now = new Date(),
): Promise<Workload> {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const scope = await memberScope(deps, user);
  const today = jakartaDay(now);
  const [cells, bands, oldest, officials, waiting, undelivered] = await Promise.all([
    q.workloadCells(deps.db, councilId, scope, today),
    q.lateBands(deps.db, councilId, scope, today),
    q.oldestLate(deps.db, councilId, scope, today, 10),
    q.openByLastOfficial(deps.db, councilId, scope, today),
    q.waitingForReporter(deps.db, councilId, scope),
    q.undelivered(deps.db, councilId, scope, new Date(now.getTime() - 30 * 24 * 3600_000)),
  ]);
  const byKomisi = new Map<number | null, Load>();
  const byDapil = new Map<number | null, Load>();
  let toVerify = 0;
  for (const c of cells) {
    const open = Number(c.open);
    const late = Number(c.late);
    add(byKomisi, c.komisi_id, open, late);
    add(byDapil, c.dapil_id, open, late);
    if (c.unverified) toVerify += open;
  }
  // A member sees what was forwarded (never what is still to verify): to a komisi of theirs, or
  // to their dapil unless it is confidential — the inbox's own rule.
  const byMember = members.map((m) => {
    const load = { open: 0, late: 0 };
    for (const c of cells) {
      if (c.unverified) continue;
      const mine =
        (c.komisi_id !== null && m.komisiIds.includes(c.komisi_id)) ||
        (!c.secret && c.dapil_id !== null && c.dapil_id === m.dapilId);
      if (!mine) continue;
      load.open += Number(c.open);
      load.late += Number(c.late);
    }
    return { ...m, ...load };
  });
  const sum = (pick: (c: (typeof cells)[number]) => string) => cells.reduce((s, c) => s + Number(pick(c)), 0);
  return {
    scoped: scope !== undefined,
    total: { open: sum((c) => c.open), late: sum((c) => c.late), toVerify },
    byKomisi: [...byKomisi.entries()].map(([komisiId, load]) => ({ komisiId, ...load })),
    byDapil: [...byDapil.entries()].map(([dapilId, load]) => ({ dapilId, ...load })),
    byMember: byMember.filter((m) => m.open > 0).sort((a, b) => b.late - a.late || b.open - a.open),
    byOfficial: officials
      .map((o) => ({
        name: o.name_sealed === null ? null : deps.sealer.open(o.name_sealed),
        open: Number(o.open),
        late: Number(o.late),
      }))
      .sort((a, b) => b.late - a.late || b.open - a.open),
    lateBands: [Number(bands.up_to_5), Number(bands.up_to_10), Number(bands.up_to_20), Number(bands.more)],
    oldestLate: oldest.map((o) => ({
      code: o.code,
      title: o.title,
      status: o.status,
      due: o.due ?? '',
      daysLate: Number(o.days_late),
    })),
    waitingForReporter: { count: Number(waiting.n), since: waiting.since === null ? null : new Date(waiting.since) },
    undelivered: undelivered.map((u) => ({ code: u.code, title: u.title })),
  };
}

export interface Change {
  now: number;
  before: number;
}

export interface Trends {
  /** How many days "rising" looks back (and as many before). */
  days: number;
  /** The seven days up to today against the seven before. */
  week: { received: Change; verified: Change; answered: Change; resolved: Change };
  /** The categories and kecamatan with the most more aspirations in the last 28 days than in the 28 before. */
  risingCategories: ({ id: number } & Change)[];
  risingPlaces: ({ id: number } & Change)[];
}

const RISING_DAYS = 28;

/** The whole council's week over week, and what is rising; from the kept facts. */
export async function trends(deps: Deps, now = new Date(), top = 5): Promise<Trends> {
  const structure = await getCouncil(deps.db);
  const today = jakartaDay(now);
  const [week, received] = await Promise.all([
    q.weekOverWeek(deps.db, structure.council.id, today),
    q.receivedByCategoryAndPlace(deps.db, structure.council.id, today, RISING_DAYS),
  ]);
  const change = (n: string, b: string): Change => ({ now: Number(n), before: Number(b) });
  const rising = (rows: { id: number; now: string; before: string }[]) =>
    rows
      .map((r) => ({ id: r.id, ...change(r.now, r.before) }))
      .filter((r) => r.now > r.before)
      .sort((a, b) => b.now - b.before - (a.now - a.before) || b.now - a.now)
      .slice(0, top);
  return {
    days: RISING_DAYS,
    week: {
      received: change(week.received_now, week.received_before),
      verified: change(week.verified_now, week.verified_before),
      answered: change(week.answered_now, week.answered_before),
      resolved: change(week.resolved_now, week.resolved_before),
    },
    risingCategories: rising(
      received
        .filter((r) => r.grouped === 'category')
        .map((r) => ({ id: r.category_id, now: r.now, before: r.before })),
    ),
    risingPlaces: rising(
      received
        .filter((r) => r.grouped === 'kecamatan')
        .map((r) => ({ id: r.kecamatan_id, now: r.now, before: r.before })),
    ),
  };
}
