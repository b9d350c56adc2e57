/**
 * Scheduled work that runs once across app instances. Every instance looks at each job once a
 * minute; the one whose single upsert moves the job's start time on runs it, the others see no row
 * come back. The database's clock decides, so instances whose clocks differ still agree.
 *
 * An advisory lock alone would only keep two runs from overlapping: an instance whose timer fires
 * just after another's run finished would run the job again. The row says when it last started.
 */
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export interface Job {
  /** Stable across releases, e.g. "aspirations.follow-up": the row that records its runs. */
  name: string;
  /** How often it runs (at most once per this long, across every instance). */
  everyMs: number;
  /** The signal is aborted when the instance shuts down: a long job may stop at its next step. */
  run(signal: AbortSignal): Promise<unknown>;
}

/** Who ran a job, for the operator reading scheduled_job: host and process. */
export const instanceName = `${hostname()}:${process.pid}`;

/**
 * Claims this period's run of a job: true for exactly one caller however many ask at once. The
 * conflict clause re-reads the row after taking its lock, so a second claimer sees the first's
 * start time and gets nothing back.
 */
export async function claimJobRun(db: Db, name: string, everyMs: number, instance = instanceName): Promise<boolean> {
  const claimed = await db
    .insertInto('scheduled_job')
    .values({ name, last_started_at: sql<Date>`now()`, last_instance: instance })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({
          last_started_at: sql<Date>`now()`,
          last_instance: instance,
          runs: sql<number>`scheduled_job.runs + 1`,
          updated_at: sql<Date>`now()`,
        })
        .where(sql<boolean>`scheduled_job.last_started_at <= now() - make_interval(secs => ${everyMs / 1000})`),
    )
    .returning('name')
    .executeTakeFirst();
  return claimed !== undefined;
}

async function recordOutcome(db: Db, name: string, error: unknown): Promise<void> {
  const reason = error === undefined ? null : (error instanceof Error ? error.message : String(error)).slice(0, 500);
  await db
    .updateTable('scheduled_job')
    .set({ last_finished_at: sql<Date>`now()`, last_error: reason, updated_at: sql<Date>`now()` })
    .where('name', '=', name)
    .execute();
}

/** Runs a job if this instance claims it; a failure is logged and recorded, and tried next period. */
export async function runJobIfDue(
  db: Db,
  job: Job,
  log: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void },
  instance = instanceName,
  signal: AbortSignal = new AbortController().signal,
): Promise<boolean> {
  if (!(await claimJobRun(db, job.name, job.everyMs, instance))) return false;
  let failure: unknown;
  try {
    await job.run(signal);
  } catch (error) {
    if (signal.aborted) {
      failure = new Error('stopped: the instance shut down');
      log.warn({ job: job.name }, 'scheduled job stopped by shutdown');
    } else {
      failure = error;
      log.error({ err: error, job: job.name }, 'scheduled job failed');
    }
  }
  await recordOutcome(db, job.name, failure);
  return true;
}

/**
 * Looks at every job after `firstMs` and then every `checkMs` (a minute), one job after another:
 * at most one job's queries hold a connection of the pool and its work the event loop. Started all
 * at once, the nineteen jobs of a portal just started took every connection (the first pages waited
 * up to half a second behind them) and their CPU-bound steps came together. Returns the function
 * that stops the schedule: it tells the running job (its signal) and resolves when that job has
 * ended, so the database is not closed under it.
 */
export function scheduleJobs(
  db: Db,
  jobs: readonly Job[],
  log: {
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
  },
  checkMs = 60_000,
  firstMs = 0,
): () => Promise<void> {
  const stopping = new AbortController();
  let checking: Promise<void> | undefined;
  const check = () => {
    // A round still going (a long job) goes on; the jobs it has not reached yet are looked at then.
    if (checking !== undefined || stopping.signal.aborted) return;
    checking = (async () => {
      const began = performance.now();
      const ran: string[] = [];
      for (const job of jobs) {
        if (stopping.signal.aborted) return;
        try {
          if (await runJobIfDue(db, job, log, instanceName, stopping.signal)) ran.push(job.name);
        } catch (error) {
          log.error({ err: error, job: job.name }, 'scheduled job not claimed');
        }
      }
      // One line per round that ran something: what ran here and how long the round took.
      if (ran.length > 0) log.info({ ran, ms: Math.round(performance.now() - began) }, 'scheduled jobs ran');
    })().finally(() => {
      checking = undefined;
    });
  };
  const first = setTimeout(check, firstMs);
  first.unref();
  const timer = setInterval(check, checkMs);
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    stopping.abort();
    await checking;
  };
}
