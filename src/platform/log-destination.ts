/**
 * Where the portal's log goes when no stream is given: standard output, written in batches. A
 * line written on its own for every request cost a kept page a quarter of its CPU (7.6 µs of 28 per
 * hit, measured by leaving the raw path's line out): a write to the file per turn of the event loop,
 * through libuv's thread pool. Lines are now gathered here and handed to pino's writer 16 KB at a
 * time, or within a second when fewer come; a line at warn level or above goes at once, with every
 * line before it. What is left is written when the process exits, however it exits, except on
 * SIGKILL, which can lose the last second of info lines, never a warning or an error.
 *
 * The gathering is ours, not SonicBoom's own `minLength`: that one measures the bytes of its whole
 * waiting buffer again for every line it is given.
 */
import pino, { type DestinationStream, type LoggerOptions } from 'pino';

/** How much is gathered before it is written. */
const BATCH_CHARS = 16_000;
/** The longest a line waits in a quiet moment. */
const BATCH_MS = 1000;
/** Pino's number for warn: lines at this level and above are written at once. */
const WARN = 40;

export interface BatchedLog {
  /** The destination and hook that send the logger's lines through the batch. */
  stream: DestinationStream;
  hooks: NonNullable<LoggerOptions['hooks']>;
  /** Writes what is waiting and stops the timer (the app closing); what comes later is written at exit. */
  close(): void;
}

export function batchedStdout(): BatchedLog {
  // pino's writer to standard output: asynchronous, retries a busy pipe, and written out at exit.
  const out = pino.destination({ dest: 1, sync: false });
  let gathered = '';
  const flush = () => {
    if (gathered === '') return;
    out.write(gathered);
    gathered = '';
  };
  const timer = setInterval(flush, BATCH_MS);
  timer.unref();
  // pino writes out its writer at exit before this runs (it registered first): write what is
  // gathered, then out again, synchronously.
  const atExit = () => {
    if (gathered === '') return;
    flush();
    out.flushSync();
  };
  process.on('exit', atExit);
  return {
    stream: {
      write(line: string) {
        gathered += line;
        if (gathered.length >= BATCH_CHARS) flush();
      },
    },
    hooks: {
      logMethod(args, method, level) {
        method.apply(this, args);
        if (level >= WARN) flush();
      },
    },
    close() {
      // Lines logged later (the rest of a shutdown) are written at exit.
      clearInterval(timer);
      flush();
    },
  };
}
