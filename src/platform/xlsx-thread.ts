/**
 * The first sheet of an uploaded spreadsheet, read off the event loop: a worker thread with its
 * own memory limit and a time limit, so that pages keep answering during an import and a file
 * built to exhaust memory ends the worker, not the portal.
 */
import { Worker } from 'node:worker_threads';
import { type SheetRow, SpreadsheetError } from './xlsx.ts';

const WORKER_MEMORY_MB = 512;
const WORKER_TIME_MS = 30_000;

type Answer = { ok: true; rows: SheetRow[] } | { ok: false; spreadsheet: boolean; message: string };

export function readFirstSheetOffThread(data: Uint8Array): Promise<SheetRow[]> {
  return new Promise((resolve, reject) => {
    // The portal runs its TypeScript through tsx; a worker registers tsx before loading its module
    // (Node 20 does not pass the --import hooks on to a worker's own entry file).
    const entry = new URL('./xlsx-worker.ts', import.meta.url).href;
    const worker = new Worker(
      `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB } },
    );
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new SpreadsheetError('took too long to read'));
    }, WORKER_TIME_MS);
    const finish = () => clearTimeout(timer);
    worker.once('message', (answer: Answer) => {
      finish();
      void worker.terminate();
      if (answer.ok) resolve(answer.rows);
      else reject(answer.spreadsheet ? new SpreadsheetError(answer.message) : new Error(answer.message));
    });
    worker.once('error', (error) => {
      finish();
      // Out of memory in the worker (ERR_WORKER_OUT_OF_MEMORY) is the file's fault, not ours.
      const code = (error as NodeJS.ErrnoException).code;
      reject(code === 'ERR_WORKER_OUT_OF_MEMORY' ? new SpreadsheetError('too large to read') : error);
    });
  });
}
