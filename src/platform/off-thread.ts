/**
 * Work that reads an uploaded file runs in a worker thread of its own: pages keep answering while
 * it runs, a file built to exhaust memory ends the worker and not the portal, one that never ends
 * is stopped, and a library's changes to the built-ins (pdf.js's legacy build replaces
 * Array.prototype.push with a slower copy for every caller) stay in that thread.
 */
import { Worker } from 'node:worker_threads';

/** Thrown when a worker ran out of its time or memory: the file asked too much, the portal is fine. */
export class OffThreadLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(limit === 'time' ? 'took too long' : 'needed too much memory');
    this.name = 'OffThreadLimitError';
  }
}

export interface ThreadLimits {
  memoryMb: number;
  timeMs: number;
}

/**
 * Runs `entry` (a module beside this one, which reads `workerData` and posts one message) in a new
 * worker thread with `input` as its data, and resolves with the message it posts.
 */
export function runOffThread<T>(entry: URL, input: unknown, limits: ThreadLimits): Promise<T> {
  return new Promise((resolve, reject) => {
    // The portal runs its TypeScript through tsx; a worker registers tsx before loading its module
    // (Node 20 does not pass the --import hooks on to a worker's own entry file).
    const worker = new Worker(
      `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`,
      { eval: true, workerData: input, resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } },
    );
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new OffThreadLimitError('time'));
    }, limits.timeMs);
    worker.once('message', (answer: T) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new OffThreadLimitError('memory')
          : error,
      );
    });
    // A worker that ends without a word (its module would not load, or its work never settled) is a
    // fault, told at once rather than at the time limit. Node delivers a worker's messages before
    // its exit, so this comes too late to undo an answer (300 of 300 in a check).
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker ${entry.pathname} ended (${code}) without an answer`));
    });
  });
}
