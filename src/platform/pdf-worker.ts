/**
 * Reads the text of a PDF in a worker thread (see platform/off-thread.ts and pdfText in pdf.ts).
 * pdf.js is loaded here and nowhere else: its legacy build, the one that runs on Node 20, installs
 * core-js's copies of built-ins (Array.prototype.push among them, seven times slower than V8's), and
 * in the portal's own thread every push of every request would pay for them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const { data, maxPages } = workerData as { data: Uint8Array; maxPages: number };

/** The text of every page, pages separated by a blank line; at most `maxPages` pages are read. */
async function textOf(bytes: Uint8Array, pagesAtMost: number): Promise<string> {
  const task = getDocument({
    data: bytes,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= Math.min(pdf.numPages, pagesAtMost); n++) {
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
}

try {
  parentPort?.postMessage({ ok: true, text: await textOf(data, maxPages) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
