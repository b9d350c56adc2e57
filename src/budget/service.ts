/**
 * The regional budget (APBD): staff upload the region's file, see every bad line or a preview of
 * the totals, and save it, which replaces that year and stage in one transaction. Citizens read
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
import type { UploadedFile } from '../platform/uploads.ts';
import { SpreadsheetError } from '../platform/xlsx.ts';
import { readFirstSheetOffThread } from '../platform/xlsx-thread.ts';
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

export async function preview(deps: Deps, id: number) {
  const structure = await getCouncil(deps.db);
  const upload = await q.uploadById(deps.db, structure.council.id, id);
  if (upload === undefined) return undefined;
  const lines = JSON.parse(upload.lines) as BudgetLine[];
  return {
    id,
    year: upload.year,
    stage: upload.stage,
    fileName: upload.file_name,
    count: lines.length,
    totals: totalsOf(lines),
  };
}

export async function saveUpload(
  deps: Deps,
  user: CurrentUser,
  id: number,
  ip: string,
): Promise<{ year: number; stage: BudgetStage } | undefined> {
  const structure = await getCouncil(deps.db);
  return deps.db.transaction().execute(async (trx) => {
    const upload = await q.uploadById(trx, structure.council.id, id);
    if (upload === undefined) return undefined;
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
    const totals = totalsOf(lines);
    await recordAudit(trx, {
      actorUserId: user.id,
      actorRole: user.role,
      action: 'budget.imported',
      subjectType: 'budget',
      subjectId: `${upload.year}-${upload.stage}`,
      ip,
      details: { file: upload.file_name, lines: lines.length, totals },
    });
    return { year: upload.year, stage: upload.stage };
  });
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
