/**
 * Office Open XML spreadsheets (.xlsx), the format regions' finance offices export and open-data
 * users ask for. Reading takes the first worksheet's cells as text with their row numbers; writing
 * makes a plain workbook of one or more sheets. Both use fflate for the zip container and read the
 * few XML parts a spreadsheet needs; the sizes a file claims are capped, so a "zip bomb" stops at
 * the cap instead of filling memory.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { escapeXml } from './feeds.ts';

/** Thrown when a file is not a spreadsheet we can read (not a zip, no worksheet, too large inside). */
export class SpreadsheetError extends Error {}

export interface SheetRow {
  /** The row number people see in their spreadsheet program (1-based). */
  line: number;
  fields: string[];
}

const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Columns read from a row: far more than any import needs; a cell further right is ignored, never padded to. */
export const MAX_COLUMNS = 256;
/** Rows a sheet may have: more is refused before the rows are kept. */
export const MAX_ROWS = 200_000;

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] === undefined ? undefined : unescapeXml(m[1]);
}

/** The text of every <t> inside a fragment (a shared string may be split into formatted runs). */
function textOf(fragment: string): string {
  let out = '';
  for (const m of fragment.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g))
    out += unescapeXml(m[1] ?? '');
  // Phonetic runs (<rPh>) repeat text for East Asian readings; they are not part of the value.
  return out;
}

/** Column letters of a cell reference ("AB12") as a 0-based index. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A number as people would have typed it: integers plainly, others to at most 2 decimals. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** The rows of the first worksheet, as text, skipping rows that are entirely empty. */
export function readFirstSheet(data: Uint8Array): SheetRow[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) =>
        f.originalSize <= MAX_PART_BYTES &&
        (f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          f.name.startsWith('xl/worksheets/sheet')),
    });
  } catch {
    throw new SpreadsheetError('not a zip file');
  }
  const part = (name: string) => (files[name] === undefined ? undefined : strFromU8(files[name]));
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels') ?? '';
  if (workbook === undefined) throw new SpreadsheetError('no workbook');
  const firstSheet = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbook)?.[0];
  const relId = firstSheet === undefined ? undefined : attribute(firstSheet, 'r:id');
  const rel = [...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => m[0]).find((r) => attribute(r, 'Id') === relId);
  const target = rel === undefined ? 'worksheets/sheet1.xml' : (attribute(rel, 'Target') ?? '');
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheet = part(sheetPath);
  if (sheet === undefined) throw new SpreadsheetError('no worksheet');

  const shared = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map(
    (m) => textOf((m[1] ?? '').replace(/<(?:\w+:)?rPh[\s\S]*?<\/(?:\w+:)?rPh>/g, '')),
  );
  const rows: SheetRow[] = [];
  let nextLine = 1;
  for (const rowMatch of sheet.matchAll(/<(?:\w+:)?row(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const line = Number(attribute(rowMatch[1] ?? '', 'r') ?? nextLine);
    nextLine = line + 1;
    if (line > MAX_ROWS) throw new SpreadsheetError(`more than ${MAX_ROWS} rows`);
    const fields: string[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<(?:\w+:)?c(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = cellMatch[1] ?? '';
      const body = cellMatch[2] ?? '';
      const ref = attribute(attrs, 'r');
      const column = ref === undefined ? nextColumn : columnIndex(ref);
      nextColumn = column + 1;
      // A cell in column XFD must not make every row 16,384 fields long (20,000 such rows froze the portal).
      if (column < 0 || column >= MAX_COLUMNS) continue;
      const type = attribute(attrs, 't') ?? 'n';
      const value = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let text = '';
      if (type === 'inlineStr') text = textOf(body);
      else if (value === undefined) text = '';
      else if (type === 's') text = shared[Number(value)] ?? '';
      else if (type === 'str' || type === 'e') text = unescapeXml(value);
      else if (type === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
      else text = numberText(unescapeXml(value));
      while (fields.length < column) fields.push('');
      fields[column] = text;
    }
    if (fields.some((f) => f.trim() !== '')) rows.push({ line, fields });
  }
  return rows;
}

/** "A", "B", … "AA" for a 0-based column index. */
function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export interface Sheet {
  /** Up to 31 characters; Excel refuses longer names and some characters. */
  name: string;
  rows: (string | number | null | undefined)[][];
}

/** A workbook with the given sheets: numbers as numbers, everything else as text; the first row bold. */
export function writeXlsx(sheets: Sheet[]): Uint8Array {
  const safeName = (s: string, i: number) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || `Sheet${i + 1}`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((s, i) => `<sheet name="${escapeXml(safeName(s.name, i))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((s, i) => {
    const rows = s.rows
      .map((row, r) => {
        const style = r === 0 ? ' s="1"' : '';
        const cells = row
          .map((v, c) => {
            const ref = `${columnName(c)}${r + 1}`;
            if (v === null || v === undefined || v === '') return '';
            if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style}><v>${v}</v></c>`;
            // Characters XML 1.0 cannot hold are dropped rather than making an unreadable file.
            // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what XML forbids.
            const text = String(v).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
            return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join('');
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
    );
  });
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
