import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OffThreadLimitError, runOffThread } from './off-thread.ts';
import { PdfUnreadableError, pdfText, simplePdf } from './pdf.ts';

const worker = new URL('./pdf-worker.ts', import.meta.url);

describe('the text of an uploaded PDF', () => {
  test('is read page by page, pages a blank line apart', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Pasal ${i + 1} ayat satu`);
    const text = await pdfText(simplePdf(lines));
    const [first, second] = text.split('\n\n');
    assert.equal(first?.split('\n').length, 50);
    assert.equal(first?.split('\n')[0], 'Pasal 1 ayat satu');
    assert.equal(second?.split('\n').at(-1), 'Pasal 60 ayat satu');
  });

  test('stops at the page limit', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `Baris ${i + 1}`);
    const text = await pdfText(simplePdf(lines), 2);
    assert.equal(text.split('\n\n').length, 2);
    assert.doesNotMatch(text, /Baris 101/);
  });

  test('a generated line longer than the page is broken between words, and every word is read back', async () => {
    const long =
      'Ketentuan tentang pengelolaan sampah dimaksudkan untuk memberikan kepastian hukum bagi masyarakat, pelaku usaha dan pemerintah daerah.';
    const text = await pdfText(simplePdf(['Pasal 2', long]));
    assert.equal(
      text,
      // 81 characters with "hukum": it goes to the next line.
      'Pasal 2\nKetentuan tentang pengelolaan sampah dimaksudkan untuk memberikan kepastian\nhukum bagi masyarakat, pelaku usaha dan pemerintah daerah.',
    );
  });

  test('a file pdf.js cannot read is refused as such', async () => {
    await assert.rejects(pdfText(Buffer.from('%PDF-1.4 rusak')), PdfUnreadableError);
  });

  test("leaves the portal's own built-ins alone: pdf.js and its polyfills stay in the worker", async () => {
    const push = Array.prototype.push;
    const functionText = Function.prototype.toString;
    await pdfText(simplePdf(['Pasal 1']));
    assert.equal(Array.prototype.push, push);
    assert.equal(Function.prototype.toString, functionText);
    assert.equal('pdfjsLib' in globalThis, false);
  });

  test('a reading that outlasts its time is stopped, and says so', async () => {
    const big = simplePdf(Array.from({ length: 5000 }, (_, i) => `Baris ${i}`));
    await assert.rejects(
      runOffThread(worker, { data: new Uint8Array(big), maxPages: 500 }, { memoryMb: 512, timeMs: 50 }),
      (error) => error instanceof OffThreadLimitError && error.limit === 'time',
    );
  });

  test('a reading that outgrows its memory is stopped, and says so', async () => {
    const big = simplePdf(Array.from({ length: 25000 }, (_, i) => `Pasal ${i} rencana pembangunan jangka menengah`));
    await assert.rejects(
      runOffThread(worker, { data: new Uint8Array(big), maxPages: 500 }, { memoryMb: 16, timeMs: 60_000 }),
      (error) => error instanceof OffThreadLimitError && error.limit === 'memory',
    );
  });
});
