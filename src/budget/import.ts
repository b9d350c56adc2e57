/**
 * Reads a budget file as regions export it: CSV with a header row, separated by commas or
 * semicolons (Indonesian spreadsheets use ';' because ',' is their decimal mark), amounts written
 * 1234567, 1.234.567 or 1.234.567,00. Every line with a problem is reported with its number and the
 * reason; a file with any problem is not taken at all.
 */
import type { BudgetStage } from '../db/schema.ts';

export interface BudgetLine {
  line: number;
  accountCode: string;
  accountName: string;
  opd: string;
  programCode: string;
  kegiatanCode: string;
  subkegiatanCode: string;
  programName: string;
  kegiatanName: string;
  subkegiatanName: string;
  planned: number;
  realised: number;
}

export type LineProblem =
  | 'columns'
  | 'code'
  | 'name'
  | 'amount'
  | 'negative'
  | 'year'
  | 'stage'
  | 'duplicate'
  | 'aggregate'
  | 'empty'
  | 'tooMany';
export interface LineError {
  line: number;
  problem: LineProblem;
  value?: string;
}

const columns = {
  code: ['kode_akun', 'kode_rekening', 'account_code'],
  name: ['nama_akun', 'uraian', 'nama_rekening', 'account_name'],
  planned: ['anggaran', 'pagu', 'planned'],
  realised: ['realisasi', 'realised'],
  opd: ['opd', 'skpd', 'perangkat_daerah'],
  program: ['kode_program', 'program'],
  kegiatan: ['kode_kegiatan', 'kegiatan'],
  subkegiatan: ['kode_subkegiatan', 'sub_kegiatan', 'kode_sub_kegiatan'],
  programName: ['nama_program'],
  kegiatanName: ['nama_kegiatan'],
  subkegiatanName: ['nama_subkegiatan', 'nama_sub_kegiatan'],
  year: ['tahun', 'year'],
  stage: ['tahap', 'stage'],
} as const;

export const MAX_LINES = 50_000;

/** Splits CSV text into records (RFC 4180 quoting), with the line number each record starts on. */
function records(text: string, separator: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return out.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/** Whole rupiah from the ways people write them; undefined when it is not an amount. */
export function parseAmount(raw: string): number | undefined {
  const v = raw.replace(/^Rp\.?/i, '').replace(/\s/g, '');
  if (v === '') return undefined;
  // Indonesian grouping (1.234.567,89), English grouping (1,234,567.89), or plain digits.
  const forms: [RegExp, string][] = [
    [/^(-?\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/, '.'],
    [/^(-?\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/, ','],
    [/^(-?\d+)(?:[.,](\d{1,2}))?$/, ''],
  ];
  const form = forms.map(([pattern, group]) => ({ m: pattern.exec(v), group })).find((f) => f.m !== null);
  if (form?.m == null) return undefined;
  const whole = (form.m[1] ?? '').replaceAll(form.group === '' ? '\u0000' : form.group, '');
  const fraction = form.m[2] ?? '';
  const value = Number(whole) + (fraction === '' ? 0 : Math.sign(Number(whole) || 1) * Number(`0.${fraction}`));
  return Number.isSafeInteger(Math.round(value)) ? Math.round(value) : undefined;
}

/** A header cell compared loosely: "Kode Rekening", "kode_rekening" and "KODE-REKENING" are one name. */
function find(header: string[], names: readonly string[]): number {
  return header.findIndex((h) =>
    names.includes(
      h
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    ),
  );
}

export type ParseResult = { ok: true; lines: BudgetLine[] } | { ok: false; errors: LineError[] };

export function parseBudgetCsv(text: string, expected: { year: number; stage: BudgetStage }): ParseResult {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parseBudgetRows(records(clean, separator), expected);
}

/**
 * Checks rows from a CSV file or a spreadsheet's first sheet. Spreadsheets often carry a title
 * block above the table, so the header is the first row that names the required columns.
 */
export function parseBudgetRows(
  rows: { line: number; fields: string[] }[],
  expected: { year: number; stage: BudgetStage },
): ParseResult {
  const headAt = rows
    .slice(0, 20)
    .findIndex((r) => find(r.fields, columns.code) >= 0 && find(r.fields, columns.planned) >= 0);
  const [head, ...body] = headAt > 0 ? rows.slice(headAt) : rows;
  if (head === undefined || body.length === 0) return { ok: false, errors: [{ line: 1, problem: 'empty' }] };
  if (body.length > MAX_LINES)
    return { ok: false, errors: [{ line: 1, problem: 'tooMany', value: String(MAX_LINES) }] };
  const at = {
    code: find(head.fields, columns.code),
    name: find(head.fields, columns.name),
    planned: find(head.fields, columns.planned),
    realised: find(head.fields, columns.realised),
    opd: find(head.fields, columns.opd),
    program: find(head.fields, columns.program),
    kegiatan: find(head.fields, columns.kegiatan),
    subkegiatan: find(head.fields, columns.subkegiatan),
    programName: find(head.fields, columns.programName),
    kegiatanName: find(head.fields, columns.kegiatanName),
    subkegiatanName: find(head.fields, columns.subkegiatanName),
    year: find(head.fields, columns.year),
    stage: find(head.fields, columns.stage),
  };
  const missing = (['code', 'name', 'planned'] as const).filter((k) => at[k] < 0);
  if (missing.length > 0)
    return {
      ok: false,
      errors: [{ line: head.line, problem: 'columns', value: missing.map((k) => columns[k][0]).join(', ') }],
    };

  const errors: LineError[] = [];
  const lines: BudgetLine[] = [];
  const seen = new Map<string, number>();
  const cell = (fields: string[], i: number) => (i < 0 ? '' : (fields[i] ?? '').trim());
  for (const r of body) {
    const code = cell(r.fields, at.code).replace(/\s/g, '');
    const name = cell(r.fields, at.name);
    const plannedRaw = cell(r.fields, at.planned);
    const realisedRaw = cell(r.fields, at.realised);
    if (!/^[456](\.\d{1,4}){0,8}$/.test(code)) errors.push({ line: r.line, problem: 'code', value: code.slice(0, 40) });
    if (name === '' || name.length > 500) errors.push({ line: r.line, problem: 'name' });
    const planned = parseAmount(plannedRaw);
    const realised = realisedRaw === '' ? 0 : parseAmount(realisedRaw);
    if (planned === undefined) errors.push({ line: r.line, problem: 'amount', value: plannedRaw.slice(0, 40) });
    else if (planned < 0) errors.push({ line: r.line, problem: 'negative', value: plannedRaw.slice(0, 40) });
    if (realised === undefined) errors.push({ line: r.line, problem: 'amount', value: realisedRaw.slice(0, 40) });
    else if (realised < 0) errors.push({ line: r.line, problem: 'negative', value: realisedRaw.slice(0, 40) });
    const year = cell(r.fields, at.year);
    if (year !== '' && year !== String(expected.year))
      errors.push({ line: r.line, problem: 'year', value: year.slice(0, 10) });
    const stage = cell(r.fields, at.stage).toLowerCase();
    if (stage !== '' && stage !== expected.stage)
      errors.push({ line: r.line, problem: 'stage', value: stage.slice(0, 20) });
    const line: BudgetLine = {
      line: r.line,
      accountCode: code,
      accountName: name.slice(0, 500),
      opd: cell(r.fields, at.opd).slice(0, 200),
      programCode: cell(r.fields, at.program).slice(0, 60),
      kegiatanCode: cell(r.fields, at.kegiatan).slice(0, 60),
      subkegiatanCode: cell(r.fields, at.subkegiatan).slice(0, 60),
      programName: cell(r.fields, at.programName).slice(0, 300),
      kegiatanName: cell(r.fields, at.kegiatanName).slice(0, 300),
      subkegiatanName: cell(r.fields, at.subkegiatanName).slice(0, 300),
      planned: planned ?? 0,
      realised: realised ?? 0,
    };
    const key = `${line.accountCode}|${line.opd}|${line.subkegiatanCode}`;
    const before = seen.get(key);
    if (before !== undefined) errors.push({ line: r.line, problem: 'duplicate', value: String(before) });
    else seen.set(key, r.line);
    lines.push(line);
  }
  // A line whose code is the parent of another line's code would be counted twice: only details.
  const codes = new Set(lines.map((l) => l.accountCode));
  for (const l of lines) {
    const parent = [...codes].find((c) => c !== l.accountCode && c.startsWith(`${l.accountCode}.`));
    if (parent !== undefined) errors.push({ line: l.line, problem: 'aggregate', value: l.accountCode });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, lines };
}
