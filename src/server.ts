/**
 * Starts the portal: reads the configuration, opens the database (loading the demo council into
 * an empty one), builds the app and listens. SIGTERM and SIGINT close it cleanly: requests in
 * flight are finished, then the database is closed.
 */
import cluster from 'node:cluster';
import { buildApp } from './app.ts';
import { configOrExit } from './config.ts';
import { openDatabase } from './db/index.ts';
import { loadDemo } from './db/seed/demo.ts';
import { scheduleJobs } from './platform/jobs.ts';
import { type ListenCopies, listenCopies } from './platform/listen-copies.ts';
import { retentionJob } from './platform/retention.ts';
import { upkeepJob } from './platform/upkeep.ts';

/** How long after the portal starts listening its scheduled jobs are first looked at. */
const JOBS_AFTER_START_MS = 5_000;

async function main() {
  const config = configOrExit();

  const database = await openDatabase(config);
  if (config.seedDemo) await loadDemo(database, config, (line) => console.log(line));
  const app = await buildApp({ config, database });
  app.outbox.start();
  const jobs = [
    retentionJob(database.db, config.retention),
    ...app.features.flatMap((f) => f.jobs?.(app) ?? []),
    // Last in each round: the jobs before it leave the rows it may vacuum.
    upkeepJob(database.db, database.engine, app.log),
  ];
  let stopJobs = async () => {};

  let copies: ListenCopies | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down, finishing requests in flight`);
    // The running job is told now and awaited before the database closes under it, within what is
    // left of the shutdown's time once the requests in flight are done (it had that time to stop).
    const deadline = Date.now() + config.shutdownTimeoutMs;
    const jobsStopped = stopJobs();
    try {
      await app.drain({
        quietMs: config.shutdownQuietMs,
        maxMs: config.shutdownTimeoutMs,
        stopListening: cluster.isWorker,
      });
      copies?.close();
      await app.close();
      await app.outbox.stop();
      await jobsEnded(jobsStopped, Math.max(0, deadline - Date.now()), app.log);
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // A cluster's worker does not accept connections itself: its primary hands them over.
  if (!cluster.isWorker) copies = await listenCopies(app.server, config.listenCopies, (m) => app.log.warn(m));
  // A signal that came while the copies were made found none to close.
  if (closing) copies?.close();
  // The jobs begin a few seconds after the portal answers: its first visitors after a restart are
  // served before the background work (on the embedded database that work runs on this thread).
  else stopJobs = scheduleJobs(database.db, jobs, app.log, 60_000, JOBS_AFTER_START_MS);
  const where = config.databaseUrl === undefined ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const bound = app.server.address();
  const local =
    typeof bound === 'object' && bound !== null ? `http://${config.host}:${bound.port}` : config.publicBaseUrl;
  console.log(`Dewan Terbuka is running at ${local} (${where}); public address ${config.publicBaseUrl}`);
}

/** Waits for the running job to end, at most `ms`; one that will not is left to the exit. */
async function jobsEnded(stopped: Promise<void>, ms: number, log: { warn(msg: string): void }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  if ((await Promise.race([stopped, late])) === 'late') log.warn(`a scheduled job was still running after ${ms} ms`);
  clearTimeout(timer);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
