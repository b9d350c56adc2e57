/**
 * The first sheet of an uploaded spreadsheet, read off the event loop (platform/off-thread.ts), with
 * a memory and a time limit of its own.
 */
import { OffThreadLimitError, runOffThread } from './off-thread.ts';
import { type SheetRow, SpreadsheetError } from './xlsx.ts';

const LIMITS = { memoryMb: 512, timeMs: 30_000 };

type Answer = { ok: true; rows: SheetRow[] } | { ok: false; spreadsheet: boolean; message: string };

export async function readFirstSheetOffThread(data: Uint8Array): Promise<SheetRow[]> {
  let answer: Answer;
  try {
    answer = await runOffThread<Answer>(new URL('./xlsx-worker.ts', import.meta.url), data, LIMITS);
  } catch (error) {
    // Out of time or memory in the worker is the file's fault, not ours.
    if (error instanceof OffThreadLimitError)
      throw new SpreadsheetError(error.limit === 'time' ? 'took too long to read' : 'too large to read');
    throw error;
  }
  if (answer.ok) return answer.rows;
  throw answer.spreadsheet ? new SpreadsheetError(answer.message) : new Error(answer.message);
}
