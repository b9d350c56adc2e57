/**
 * The regional budget (APBD): staff upload the region's file and see every bad line, or what it
 * would change against the version in force; it is published only on a second confirmation (by
 * another officer when the council's rule says so), which replaces that year and stage in one
 * transaction. Citizens read
 * revenue, spending and financing, drill down the account tree and by OPD, plan against
 * realisation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCouncil } from '../council/service.ts';
import type { BudgetStage } from '../db/schema.ts';
import { councilsDir } from '../db/seed/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { CurrentUser, Deps } from '../platform/deps.ts';
import type { WaitingWork } from '../platform/feature.ts';
import { readNumber } from '../platform/numbers.ts';
import { can } from '../platform/permissions.ts';
import type { UploadedFile } from '../platform/uploads.ts';
import { SpreadsheetError } from '../platform/xlsx.ts';
import { readFirstSheetOffThread } from '../platform/xlsx-thread.ts';
import { type Difference, differenceOf } from './difference.ts';
import { type BudgetLine, type LineError, type ParseResult, parseBudgetCsv, parseBudgetRows } from './import.ts';
import * as q from './queries.ts';

export const stages: readonly BudgetStage[] = ['murni', 'perubahan'];
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Names of the upper account levels (national reference data). */
const accountNames: Record<string, string> = (
  JSON.parse(readFileSync(path.join(councilsDir, 'akun-apbd.json'), 'utf8')) as { akun: Record<string, string> }
).akun;

export interface Totals {
  /** 4, 5 and 6: planned and realised. */
  [top: string]: { planned: number; realised: number };
}

export function totalsOf(lines: { accountCode: string; planned: number; realised: number }[]): Totals {
  const totals: Totals = {};
  for (const l of lines) {
    const top = l.accountCode.split('.')[0] ?? '';
    const t = totals[top] ?? { planned: 0, realised: 0 };
    t.planned += l.planned;
    t.realised += l.realised;
    totals[top] = t;
  }
  return totals;
}

export type UploadResult =
  | { ok: true; id: number }
  | { ok: false; errors: LineError[] }
  | { ok: false; problem: 'year' | 'stage' | 'file' | 'type' | 'tooLarge' };

export async function uploadBudget(
  deps: Deps,
  user: CurrentUser,
  input: { year: string; stage: string; file: UploadedFile | undefined },
): Promise<UploadResult> {
  const year = /^\d{4}$/.test(input.year.trim()) ? Number(input.year) : 0;
  if (year < 2000 || year > 2200) return { ok: false, problem: 'year' };
  const stage = stages.find((s) => s === input.stage);
  if (stage === undefined) return { ok: false, problem: 'stage' };
  const file = input.file;
  if (file === undefined || file.data.length === 0) return { ok: false, problem: 'file' };
  if (file.truncated || file.data.length > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  const parsed = await parseBudgetFile(file.data, { year, stage });
  if (parsed === undefined) return { ok: false, problem: 'type' };
  if (!parsed.ok) return parsed;
  const structure = await getCouncil(deps.db);
  const { id } = await q.insertUpload(deps.db, {
    council_id: structure.council.id,
    year,
    stage,
    file_name: file.filename.slice(0, 200),
    lines: JSON.stringify(parsed.lines),
    created_by: user.id,
  });
  return { ok: true, id };
}

/**
 * CSV or XLSX, told apart by their bytes (a spreadsheet is a zip file starting "PK"), never by the
 * name a browser sends. Undefined when it is neither.
 */
async function parseBudgetFile(
  data: Buffer,
  expected: { year: number; stage: BudgetStage },
): Promise<ParseResult | undefined> {
  if (data.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    try {
      return parseBudgetRows(await readFirstSheetOffThread(data), expected);
    } catch (error) {
      if (error instanceof SpreadsheetError) return undefined;
      throw error;
    }
  }
  const utf8 = data.toString('utf8');
  if (utf8.includes('\u0000')) return undefined;
  // Older spreadsheet programs on Windows save CSV in their ANSI code page, not UTF-8.
  return parseBudgetCsv(utf8.includes('\uFFFD') ? data.toString('latin1') : utf8, expected);
}

/** How this council publishes a budget file; the defaults until an administrator sets it. */
export interface BudgetRule {
  warnPercent: number;
  secondOfficer: boolean;
}

export async function budgetRule(deps: Deps): Promise<BudgetRule> {
  const structure = await getCouncil(deps.db);
  const row = await q.ruleOf(deps.db, structure.council.id);
  return { warnPercent: row?.warn_percent ?? 10, secondOfficer: row?.second_officer ?? false };
}

export async function setBudgetRule(
  deps: Deps,
  user: CurrentUser,
  input: { warnPercent: string; secondOfficer: boolean },
  ip: string,
): Promise<{ ok: true } | { ok: false; problem: 'format' | 'range' }> {
  const read = readNumber(input.warnPercent, { decimals: 0, min: 1, max: 100, unit: 'percent' });
  if (!read.ok) return read;
  const structure = await getCouncil(deps.db);
  const rule = { warn_percent: read.value, second_officer: input.secondOfficer };
  await deps.db.transaction().execute(async (trx) => {
    await q.saveRule(trx, structure.council.id, rule);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'budget.rule_changed',
      subjectType: 'budget',
      subjectId: String(structure.council.id),
      ip,
      details: rule,
    });
  });
  return { ok: true };
}

/** Where the public budget page stands after publishing: which version /anggaran opens on. */
export type PublicDefault = 'replaces' | 'becomes' | 'unchanged';

export interface Preview {
  id: number;
  year: number;
  stage: BudgetStage;
  fileName: string;
  count: number;
  difference: Difference;
  rule: BudgetRule;
  /** The version /anggaran opens on now, if any. */
  shown: { year: number; stage: BudgetStage } | undefined;
  publicDefault: PublicDefault;
  /** The first confirmation, once given. */
  checked: { by: string; at: Date; byViewer: boolean } | undefined;
  /** The viewer may publish it now (second confirmation). */
  mayPublish: boolean;
  /** Names of the account levels compared (4 Pendapatan Daerah, 4.1 PAD …). */
  names: Record<string, string>;
}

/** The file against the version in force, and where its two confirmations stand for this officer. */
export async function preview(deps: Deps, user: CurrentUser, id: number): Promise<Preview | undefined> {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const upload = await q.uploadById(deps.db, councilId, id);
  if (upload === undefined) return undefined;
  const lines = JSON.parse(upload.lines) as BudgetLine[];
  const [current, rule, available, checker] = await Promise.all([
    q.linesOf(deps.db, councilId, upload.year, upload.stage),
    budgetRule(deps),
    q.years(deps.db, councilId),
    upload.checked_by === null ? undefined : q.checkerOf(deps.db, upload.checked_by),
  ]);
  const difference = differenceOf(
    current.map((l) => ({
      accountCode: l.account_code,
      accountName: l.account_name,
      opd: l.opd,
      subkegiatanCode: l.subkegiatan_code,
      planned: Number(l.planned),
      realised: Number(l.realised),
    })),
    lines,
    rule.warnPercent,
  );
  // /anggaran opens on the newest year, its perubahan before its murni (as q.years orders them).
  const shown = available[0];
  const rank = (v: { year: number; stage: BudgetStage }) => v.year * 2 + (v.stage === 'perubahan' ? 1 : 0);
  const publicDefault: PublicDefault =
    shown === undefined || rank(upload) > rank(shown)
      ? 'becomes'
      : rank(upload) === rank(shown)
        ? 'replaces'
        : 'unchanged';
  const checked =
    upload.checked_at === null
      ? undefined
      : {
          by: checker === undefined ? '—' : deps.sealer.open(checker.name_sealed),
          at: upload.checked_at,
          byViewer: upload.checked_by === user.id,
        };
  return {
    id,
    year: upload.year,
    stage: upload.stage,
    fileName: upload.file_name,
    count: lines.length,
    difference,
    rule,
    shown,
    publicDefault,
    checked,
    mayPublish: checked !== undefined && !(rule.secondOfficer && checked.byViewer),
    names: Object.fromEntries(difference.levels.map((l) => [l.code, accountNames[l.code] ?? l.code])),
  };
}

export type ConfirmProblem = 'acknowledge' | 'unchecked' | 'sameOfficer';
export type ConfirmResult = { ok: true } | { ok: false; problem: ConfirmProblem } | { ok: false; missing: true };

/**
 * The first confirmation: the officer has read the difference (and, when a total moves by more
 * than the council's share, said so by ticking the box). Giving it twice changes nothing.
 */
export async function checkUpload(
  deps: Deps,
  user: CurrentUser,
  id: number,
  acknowledged: boolean,
  ip: string,
): Promise<ConfirmResult> {
  const found = await preview(deps, user, id);
  if (found === undefined) return { ok: false, missing: true };
  if (found.checked !== undefined) return { ok: true };
  if (found.difference.warnings.length > 0 && !acknowledged) return { ok: false, problem: 'acknowledge' };
  const structure = await getCouncil(deps.db);
  await deps.db.transaction().execute(async (trx) => {
    if ((await q.markChecked(trx, structure.council.id, id, user.id)) === undefined) return;
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'budget.checked',
      subjectType: 'budget',
      subjectId: `${found.year}-${found.stage}`,
      ip,
      details: { file: found.fileName, upload: id, warnings: found.difference.warnings.length },
    });
  });
  return { ok: true };
}

/**
 * The second confirmation publishes: the year and stage are replaced in one transaction. It needs
 * the first, from another officer when the council's rule says so, and the big-change box again.
 */
export async function saveUpload(
  deps: Deps,
  user: CurrentUser,
  id: number,
  acknowledged: boolean,
  ip: string,
): Promise<ConfirmResult & { year?: number; stage?: BudgetStage }> {
  const found = await preview(deps, user, id);
  if (found === undefined) return { ok: false, missing: true };
  if (found.checked === undefined) return { ok: false, problem: 'unchecked' };
  if (!found.mayPublish) return { ok: false, problem: 'sameOfficer' };
  if (found.difference.warnings.length > 0 && !acknowledged) return { ok: false, problem: 'acknowledge' };
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const upload = await q.uploadById(trx, structure.council.id, id);
    // Published or withdrawn meanwhile by another officer.
    if (upload?.checked_by == null) return { ok: false as const, missing: true as const };
    const lines = JSON.parse(upload.lines) as BudgetLine[];
    await q.replaceYear(
      trx,
      structure.council.id,
      upload.year,
      upload.stage,
      lines.map((l) => ({
        council_id: structure.council.id,
        year: upload.year,
        stage: upload.stage,
        account_code: l.accountCode,
        account_name: l.accountName,
        opd: l.opd,
        program_code: l.programCode,
        kegiatan_code: l.kegiatanCode,
        subkegiatan_code: l.subkegiatanCode,
        program_name: l.programName ?? '',
        kegiatan_name: l.kegiatanName ?? '',
        subkegiatan_name: l.subkegiatanName ?? '',
        planned: l.planned,
        realised: l.realised,
      })),
    );
    await q.deleteUpload(trx, id);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'budget.imported',
      subjectType: 'budget',
      subjectId: `${upload.year}-${upload.stage}`,
      ip,
      details: {
        file: upload.file_name,
        lines: lines.length,
        totals: totalsOf(lines),
        checkedBy: upload.checked_by,
        warnings: found.difference.warnings.length,
      },
    });
    return { ok: true as const, year: upload.year, stage: upload.stage };
  });
}

/** Withdraws a file that should not be published; the version in force stays as it is. */
export async function discardUpload(deps: Deps, user: CurrentUser, id: number, ip: string): Promise<boolean> {
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const upload = await q.uploadById(trx, structure.council.id, id);
    if (upload === undefined) return false;
    await q.deleteUpload(trx, id);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'budget.discarded',
      subjectType: 'budget',
      subjectId: `${upload.year}-${upload.stage}`,
      ip,
      details: { file: upload.file_name, upload: id },
    });
    return true;
  });
}

export type PendingUpload = Awaited<ReturnType<typeof pendingBudgetUploads>>[number];

/** On /kelola: budget files waiting for this officer's first or second confirmation. */
export async function waitingBudget(deps: Deps, user: CurrentUser): Promise<WaitingWork[]> {
  if (!can(user.role, 'budget.import')) return [];
  const structure = await getCouncil(deps.db);
  const [pending, rule] = await Promise.all([q.pendingUploads(deps.db, structure.council.id), budgetRule(deps)]);
  const toCheck = pending.filter((p) => p.checked_at === null).length;
  const toPublish = pending.filter(
    (p) => p.checked_at !== null && !(rule.secondOfficer && p.checked_by === user.id),
  ).length;
  const waiting: WaitingWork[] = [];
  if (toCheck > 0)
    waiting.push({ href: '/kelola/anggaran', label: 'budget.waiting.check', count: toCheck, overdue: 0, due: null });
  if (toPublish > 0)
    waiting.push({
      href: '/kelola/anggaran',
      label: 'budget.waiting.publish',
      count: toPublish,
      overdue: 0,
      due: null,
    });
  return waiting;
}

/** Files waiting to be checked or published, for the officers who give the confirmations. */
export async function pendingBudgetUploads(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const rows = await q.pendingUploads(deps.db, structure.council.id);
  const open = (sealed: string | null) => (sealed === null ? '—' : deps.sealer.open(sealed));
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    stage: r.stage,
    fileName: r.file_name,
    uploadedAt: r.created_at,
    uploadedBy: open(r.uploader_name),
    checked: r.checked_at === null ? undefined : { at: r.checked_at, by: open(r.checker_name) },
  }));
}

export interface BudgetNode {
  code: string;
  name: string;
  planned: number;
  realised: number;
  /** A detail line, with nothing below it. */
  leaf: boolean;
}

export interface ProgrammeNode {
  code: string;
  name: string;
  planned: number;
  realised: number;
  /** A sub-kegiatan's account line: nothing below it. */
  leaf: boolean;
}

export const accountPattern = /^[456](\.\d{1,4}){0,8}$/;
export const programmePattern = /^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6}){0,8}$/;

/** Each year's final figures (perubahan where there is one) for revenue, spending and financing. */
function compareYears(rows: { year: number; stage: BudgetStage; code: string; planned: number; realised: number }[]) {
  const byYear = new Map<number, { year: number; stage: BudgetStage; totals: Totals }>();
  for (const r of rows) {
    const known = byYear.get(r.year);
    if (known !== undefined && known.stage === 'perubahan' && r.stage === 'murni') continue;
    const entry =
      known === undefined || known.stage !== r.stage ? { year: r.year, stage: r.stage, totals: {} as Totals } : known;
    entry.totals[r.code] = { planned: Number(r.planned), realised: Number(r.realised) };
    byYear.set(r.year, entry);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export async function budget(
  deps: Deps,
  filter: {
    year?: number | undefined;
    stage?: BudgetStage | undefined;
    account?: string | undefined;
    programme?: string | undefined;
  },
) {
  const structure = await getCouncil(deps.db);
  const councilId = structure.council.id;
  const available = await q.years(deps.db, councilId);
  const chosen =
    available.find((a) => a.year === filter.year && (filter.stage === undefined || a.stage === filter.stage)) ??
    (filter.year === undefined ? available[0] : undefined);
  const empty = {
    available,
    chosen: undefined,
    top: [],
    children: [],
    opd: [],
    path: [],
    programmes: [],
    programmePath: [],
    years: [],
  };
  if (chosen === undefined) return empty;
  const account = filter.account !== undefined && accountPattern.test(filter.account) ? filter.account : undefined;
  const programme =
    filter.programme !== undefined && programmePattern.test(filter.programme)
      ? await q.programmeLevel(deps.db, councilId, chosen.year, chosen.stage, filter.programme)
      : undefined;
  const [topRows, childRows, opdRows, structureRows, yearRows] = await Promise.all([
    q.childrenOf(deps.db, councilId, chosen.year, chosen.stage, undefined),
    account === undefined ? Promise.resolve([]) : q.childrenOf(deps.db, councilId, chosen.year, chosen.stage, account),
    account === undefined ? Promise.resolve([]) : q.byOpd(deps.db, councilId, chosen.year, chosen.stage, account),
    programme?.level === 'subkegiatan'
      ? Promise.resolve([])
      : q.programmeChildren(
          deps.db,
          councilId,
          chosen.year,
          chosen.stage,
          programme === undefined ? undefined : { level: programme.level, code: filter.programme ?? '' },
        ),
    q.totalsByYear(deps.db, councilId),
  ]);
  // Below a sub-kegiatan, or where a file gave no finer codes, come the account lines themselves.
  const programmeRows =
    programme !== undefined && structureRows.length === 0
      ? await q.programmeLines(deps.db, councilId, chosen.year, chosen.stage, programme.level, filter.programme ?? '')
      : structureRows;
  const leaves = programme !== undefined && structureRows.length === 0;
  const node = (r: { code: string; name: string; planned: number; realised: number }, leaf: boolean): BudgetNode => ({
    code: r.code,
    name: accountNames[r.code] ?? (leaf ? r.name : r.code),
    planned: Number(r.planned),
    realised: Number(r.realised),
    leaf,
  });
  // A child is a detail line when it is exactly one line's code and nothing lies below it.
  const children = childRows.map((r) => node(r, r.exact && Number(r.lines) === 1));
  const segments = account?.split('.') ?? [];
  const path = segments.map((_, i) => {
    const code = segments.slice(0, i + 1).join('.');
    return { code, name: accountNames[code] ?? code };
  });
  const line = programme?.line;
  const programmePath =
    programme === undefined || line === undefined
      ? []
      : [
          { code: line.program_code, name: line.program_name },
          ...(programme.level === 'program' ? [] : [{ code: line.kegiatan_code, name: line.kegiatan_name }]),
          ...(programme.level === 'subkegiatan' ? [{ code: line.subkegiatan_code, name: line.subkegiatan_name }] : []),
        ];
  return {
    available,
    chosen,
    top: topRows.map((r) => node(r, false)),
    children,
    opd: opdRows.map((r) => ({ opd: r.opd || '—', planned: Number(r.planned), realised: Number(r.realised) })),
    path,
    programmes: programmeRows.map(
      (r): ProgrammeNode => ({
        code: r.code,
        name: r.name || r.code,
        planned: Number(r.planned),
        realised: Number(r.realised),
        leaf: leaves,
      }),
    ),
    programmePath,
    years: compareYears(yearRows),
  };
}

/** The budget /anggaran opens on, in two numbers (revenue and spending planned) and what is spent. */
export async function budgetHeadline(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const latest = compareYears(await q.totalsByYear(deps.db, structure.council.id)).at(-1);
  if (latest === undefined) return undefined;
  return {
    year: latest.year,
    stage: latest.stage,
    revenue: latest.totals['4']?.planned ?? 0,
    spending: latest.totals['5']?.planned ?? 0,
    spent: latest.totals['5']?.realised ?? 0,
  };
}

export async function budgetLines(deps: Deps, year: number, stage: BudgetStage) {
  const structure = await getCouncil(deps.db);
  return q.linesOf(deps.db, structure.council.id, year, stage);
}

/** Every line of every year and stage, for the open-data downloads; and when they last changed. */
export async function allBudgetLines(deps: Deps) {
  const structure = await getCouncil(deps.db);
  const available = await q.years(deps.db, structure.council.id);
  const lines = [];
  for (const a of available) {
    for (const l of await q.linesOf(deps.db, structure.council.id, a.year, a.stage))
      lines.push({ year: a.year, stage: a.stage, ...l });
  }
  const modified = await q.lastChange(deps.db, structure.council.id);
  return { lines, modified: modified.at === null ? undefined : new Date(modified.at) };
}
