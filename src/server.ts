/**
 * Starts the portal: reads the configuration, opens the database (loading the demo council into
 * an empty one), builds the app and listens. SIGTERM and SIGINT close it cleanly: requests in
 * flight are finished, then the database is closed.
 */
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { getCouncil } from './council/service.ts';
import { openDatabase } from './db/index.ts';
import { seedDemoAspirations } from './db/seed/aspirations.ts';
import { seedDemoBudget } from './db/seed/budget.ts';
import { seedCouncil } from './db/seed/index.ts';
import { seedDemoMeetings } from './db/seed/meetings.ts';
import { seedDemoProjects } from './db/seed/projects.ts';
import { seedDemoDrafts, seedDemoRegulations } from './db/seed/regulations.ts';
import { createSealer } from './platform/crypto.ts';
import { scheduleRetention } from './platform/retention.ts';
import { jakartaDay } from './platform/working-days.ts';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }

  const database = await openDatabase(config);
  if (config.seedDemo) {
    const { seeded } = await seedCouncil(database.db, config.seedCouncil);
    if (seeded) console.log(`Loaded the demo council from councils/${config.seedCouncil}/`);
    const { council } = await getCouncil(database.db);
    const year = Number(jakartaDay(new Date()).slice(0, 4));
    const { meetings } = await seedDemoMeetings(database.db, council.id, year);
    if (meetings > 0) console.log(`Loaded ${meetings} demo meetings of ${year} (fictional)`);
    const { regulations } = await seedDemoRegulations(database.db, council.id, config.uploadDir);
    if (regulations > 0) console.log(`Loaded ${regulations} demo legal documents (fictional)`);
    const { drafts } = await seedDemoDrafts(database.db, council.id, year);
    if (drafts > 0) console.log(`Loaded ${drafts} demo drafts of the ${year} Propemperda (fictional)`);
    const { projects } = await seedDemoProjects(database.db, council.id, year, jakartaDay(new Date()));
    if (projects > 0) console.log(`Loaded ${projects} demo projects with progress reports (fictional)`);
    const sealer = createSealer(config.dataKeys, config.lookupKey);
    const { aspirations } = await seedDemoAspirations(database.db, council.id, sealer);
    if (aspirations > 0) console.log(`Loaded ${aspirations} demo aspirations with their handling (fictional)`);
    const { lines } = await seedDemoBudget(database.db, council.id, year);
    if (lines > 0)
      console.log(`Loaded a demo ${year} budget of ${lines} lines (revenue about Rp 6.7 trillion; details fictional)`);
  }
  const app = await buildApp({ config, database });
  app.outbox.start();
  const stopRetention = scheduleRetention(database.db, config.retention, app.log);
  const stopJobs = app.features.flatMap((feature) => (feature.jobs === undefined ? [] : [feature.jobs(app)]));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down, finishing requests in flight`);
    try {
      await app.drain({ quietMs: config.shutdownQuietMs, maxMs: config.shutdownTimeoutMs });
      stopRetention();
      for (const stop of stopJobs) stop();
      await app.close();
      await app.outbox.stop();
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
  const where = config.databaseUrl === undefined ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  const bound = app.server.address();
  const local =
    typeof bound === 'object' && bound !== null ? `http://${config.host}:${bound.port}` : config.publicBaseUrl;
  console.log(`Dewan Terbuka is running at ${local} (${where}); public address ${config.publicBaseUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
