/**
 * PDF text in and out. `pdfText` extracts the text of a PDF (pdf.js, no rendering, in a worker
 * thread) so documents can be searched; `simplePdf` writes a plain text PDF (for the demo
 * regulations and tests).
 */
import { OffThreadLimitError, runOffThread } from './off-thread.ts';

/** Thrown when a file is not a PDF pdf.js can read. */
export class PdfUnreadableError extends Error {
  constructor(cause: unknown) {
    super('the PDF cannot be read', { cause });
    this.name = 'PdfUnreadableError';
  }
}

export function isPdf(data: Buffer): boolean {
  return data.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** A PDF with more pages is read up to this many. */
const MAX_PAGES = 500;

/**
 * A worker's limits. A 500-page, 2.9 MB PDF took 2.5 s (0.9 s of it starting the worker), with the
 * portal's event loop never held more than 10 ms, where in the portal's own thread it held the loop
 * for all of its 1.4-1.8 s; the process grew by 330 MB meanwhile.
 */
const LIMITS = { memoryMb: 512, timeMs: 60_000 };

type Answer = { ok: true; text: string } | { ok: false; message: string };

/**
 * The text of every page, pages separated by a blank line; at most `maxPages` pages are read. The
 * reading runs in a worker thread (platform/pdf-worker.ts): off the event loop, within a memory
 * and a time limit, and with pdf.js's changes to the built-ins kept out of the portal's thread.
 */
export async function pdfText(data: Buffer, maxPages = MAX_PAGES): Promise<string> {
  let answer: Answer;
  try {
    answer = await runOffThread<Answer>(
      new URL('./pdf-worker.ts', import.meta.url),
      // Only the file's own bytes: a Buffer may be a view of a larger memory, all of which posting it
      // would copy.
      { data: new Uint8Array(data), maxPages },
      LIMITS,
    );
  } catch (error) {
    if (error instanceof OffThreadLimitError) throw new PdfUnreadableError(error);
    throw error;
  }
  if (!answer.ok) throw new PdfUnreadableError(new Error(answer.message));
  return answer.text;
}

/**
 * How many characters of 11-point Helvetica fit between the margins of an A4 page (483 points):
 * its widest common letters take 0.61 em (a lower-case "w" 0.72), so 80 of them fit with room.
 */
const LINE_CHARACTERS = 80;

/**
 * Lines as `simplePdf` sets them: a line too long for the page is broken between words, so that no
 * text runs past the page's edge (where a reader sees nothing, and pdf.js reads nothing either).
 */
export function wrapLines(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    if (line.length <= LINE_CHARACTERS) return [line];
    const wrapped: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && current.length + 1 + word.length > LINE_CHARACTERS) {
        wrapped.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    wrapped.push(current);
    return wrapped;
  });
}

/**
 * A minimal valid PDF 1.4 with the given lines of text in Helvetica, long ones broken between words
 * (`wrapLines`), 50 lines a page. Characters outside Latin-1 are replaced; enough for generated
 * documents, not for typesetting.
 */
export function simplePdf(given: string[]): Buffer {
  const lines = wrapLines(given);
  const literal = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(1, lines.length); i += 50) pages.push(lines.slice(i, i + 50));
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1 catalog, 2 pages, 3 font; then a page and its content stream per page.
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((page, i) => {
    const pageId = 4 + i * 2;
    const contentId = pageId + 1;
    pageIds.push(pageId);
    const text = page.map((l, j) => `${j === 0 ? '' : 'T* '}(${literal(l)}) Tj`).join('\n');
    const stream = `BT /F1 11 Tf 14 TL 56 790 Td\n${text}\nET`;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
