/**
 * Several app processes on one machine sharing one port (node:cluster), on a PostgreSQL server.
 * The primary brings the database to the latest schema and loads the demo once, then starts the
 * workers, each of them src/server.ts as `npm start` runs it.
 *
 *   SIGTERM, SIGINT  every worker drains and stops, then the primary exits
 *   SIGHUP           rolling restart: one worker at a time, its replacement listening before it stops
 *
 * A worker that dies on its own is replaced; if workers keep dying, the primary gives up and exits
 * with an error rather than restarting them forever.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { configOrExit } from './config.ts';
import { openDatabase } from './db/index.ts';
import { loadDemo } from './db/seed/demo.ts';

const say = (line: string) => console.log(`[cluster] ${line}`);

async function prepare(): Promise<number> {
  const config = configOrExit();
  if (config.databaseUrl === undefined) {
    console.error(
      'Configuration error: DATABASE_URL: several processes need a PostgreSQL server; the embedded database belongs to one process (use npm start)',
    );
    process.exit(78);
  }
  // Migrations and the demo run here once, so that workers starting together do not race.
  const database = await openDatabase(config);
  if (config.seedDemo) await loadDemo(database, config, say);
  await database.close();
  return config.clusterWorkers === 0 ? availableParallelism() : config.clusterWorkers;
}

function exitOf(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.isDead()) resolve();
    else worker.once('exit', () => resolve());
  });
}

function listeningOf(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once('listening', () => resolve());
    worker.once('exit', (code) => reject(new Error(`worker ${worker.process.pid} exited with ${code} while starting`)));
  });
}

async function main() {
  const count = await prepare();
  // The workers run the ordinary server; the demo is already loaded.
  cluster.setupPrimary({ exec: new URL('./server.ts', import.meta.url).pathname, execArgv: ['--import', 'tsx'] });
  const env = { SEED_DEMO: 'false' };
  const workers = new Set<Worker>();
  /** Workers being stopped on purpose (restart or shutdown): their exit is expected. */
  const leaving = new WeakSet<Worker>();
  let stopping = false;
  const deaths: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork(env);
    workers.add(worker);
    worker.on('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping || leaving.has(worker)) return;
      say(`worker ${worker.process.pid} died (${signal ?? code}); starting another`);
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && (deaths[0] ?? now) < now - 60_000) deaths.shift();
      if (deaths.length > 5) {
        say('workers keep dying: giving up');
        process.exit(1);
      }
      setTimeout(() => {
        if (!stopping) fork();
      }, 1000);
    });
    return worker;
  };

  const stop = async (worker: Worker) => {
    leaving.add(worker);
    worker.process.kill('SIGTERM');
    await exitOf(worker);
  };

  let restarting = false;
  const rollingRestart = async () => {
    if (restarting || stopping) return;
    restarting = true;
    say(`rolling restart of ${workers.size} workers`);
    try {
      for (const old of [...workers]) {
        if (stopping) break;
        const fresh = fork();
        await listeningOf(fresh);
        await stop(old);
        say(`worker ${old.process.pid} replaced by ${fresh.process.pid}`);
      }
      say('rolling restart done');
    } catch (error) {
      say(`rolling restart stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      restarting = false;
    }
  };

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ${workers.size} workers`);
    await Promise.all([...workers].map(stop));
    say('all workers stopped');
    process.exit(0);
  };

  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGHUP', () => void rollingRestart());

  const started = Array.from({ length: count }, fork);
  await Promise.all(started.map(listeningOf));
  say(`${count} workers listening`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
