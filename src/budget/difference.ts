/**
 * What a budget file would change against the version in force for its year and stage: the totals
 * of the first two account levels (4 Pendapatan, 4.1 PAD …), the lines added, removed and changed,
 * and a warning for each top-level total that moves by more than the council's share. Officers
 * read it before the file can be published, so a small test file cannot replace the APBD unseen.
 */

/** A budget line as both the stored version and a file give it. */
export interface ComparedLine {
  accountCode: string;
  accountName: string;
  opd: string;
  subkegiatanCode: string;
  planned: number;
  realised: number;
}

export interface Amounts {
  planned: number;
  realised: number;
}

export interface LevelChange {
  code: string;
  current: Amounts | undefined;
  next: Amounts | undefined;
}

export interface LineChange {
  accountCode: string;
  accountName: string;
  opd: string;
  current: number | undefined;
  next: number | undefined;
}

export interface TotalWarning {
  code: string;
  current: number;
  next: number;
  /** How much the planned total moves, in percent; null when there was nothing before. */
  percent: number | null;
}

export interface Difference {
  /** No version of this year and stage is in force: the file would be the first. */
  first: boolean;
  levels: LevelChange[];
  added: LineChange[];
  removed: LineChange[];
  changed: LineChange[];
  warnings: TotalWarning[];
}

function levelTotals(lines: ComparedLine[]): Map<string, Amounts> {
  const totals = new Map<string, Amounts>();
  for (const l of lines) {
    const parts = l.accountCode.split('.');
    for (const depth of [1, 2]) {
      if (parts.length < depth) continue;
      const code = parts.slice(0, depth).join('.');
      const sum = totals.get(code) ?? { planned: 0, realised: 0 };
      sum.planned += l.planned;
      sum.realised += l.realised;
      totals.set(code, sum);
    }
  }
  return totals;
}

/** Lines keyed by account, OPD and sub-kegiatan; a file may split one key over several rows. */
function keyed(lines: ComparedLine[]): Map<string, ComparedLine> {
  const byKey = new Map<string, ComparedLine>();
  for (const l of lines) {
    const key = `${l.accountCode}\u0000${l.opd}\u0000${l.subkegiatanCode}`;
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? { ...l } : { ...known, planned: known.planned + l.planned });
  }
  return byKey;
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true });

export function differenceOf(current: ComparedLine[], next: ComparedLine[], warnPercent: number): Difference {
  const before = levelTotals(current);
  const after = levelTotals(next);
  const levels = [...new Set([...before.keys(), ...after.keys()])]
    .map((code) => ({ code, current: before.get(code), next: after.get(code) }))
    .sort(byCode);

  const oldLines = keyed(current);
  const newLines = keyed(next);
  const change = (l: ComparedLine, was: number | undefined, now: number | undefined): LineChange => ({
    accountCode: l.accountCode,
    accountName: l.accountName,
    opd: l.opd,
    current: was,
    next: now,
  });
  const added: LineChange[] = [];
  const changed: LineChange[] = [];
  for (const [key, l] of newLines) {
    const old = oldLines.get(key);
    if (old === undefined) added.push(change(l, undefined, l.planned));
    else if (old.planned !== l.planned) changed.push(change(l, old.planned, l.planned));
  }
  const removed = [...oldLines].filter(([key]) => !newLines.has(key)).map(([, l]) => change(l, l.planned, undefined));

  const first = current.length === 0;
  const warnings: TotalWarning[] = first
    ? []
    : levels
        .filter((l) => !l.code.includes('.'))
        .flatMap((l): TotalWarning[] => {
          const was = l.current?.planned ?? 0;
          const now = l.next?.planned ?? 0;
          if (was === 0) return now === 0 ? [] : [{ code: l.code, current: was, next: now, percent: null }];
          const percent = (Math.abs(now - was) / was) * 100;
          return percent > warnPercent ? [{ code: l.code, current: was, next: now, percent }] : [];
        });
  return { first, levels, added, removed, changed, warnings };
}
