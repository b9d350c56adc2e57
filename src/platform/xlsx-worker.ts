/**
 * Reads a spreadsheet in a worker thread (see platform/off-thread.ts and xlsx-thread.ts), so that a
 * large or hostile file costs this thread's time and memory, not the event loop that serves pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFirstSheet, SpreadsheetError } from './xlsx.ts';

try {
  parentPort?.postMessage({ ok: true, rows: readFirstSheet(workerData as Uint8Array) });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    spreadsheet: error instanceof SpreadsheetError,
    message: error instanceof Error ? error.message : String(error),
  });
}
