/**
 * PDF text in and out. `pdfText` extracts the text of a PDF (pdf.js, no rendering) so documents
 * can be searched; `simplePdf` writes a plain text PDF (for the demo regulations and tests).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

/** The text of every page, pages separated by a blank line; at most `maxPages` pages are read. */
export async function pdfText(data: Buffer, maxPages = 500): Promise<string> {
  try {
    const task = getDocument({
      data: new Uint8Array(data),
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    });
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      pages.push(lines.join('\n'));
    }
    await pdf.destroy();
    return pages
      .join('\n\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
  } catch (error) {
    throw new PdfUnreadableError(error);
  }
}

/**
 * A minimal valid PDF 1.4 with the given lines of text in Helvetica, 50 lines a page. Characters
 * outside Latin-1 are replaced; enough for generated documents, not for typesetting.
 */
export function simplePdf(lines: string[]): Buffer {
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
