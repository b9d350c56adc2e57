/**
 * The database's upkeep where nothing else does it: VACUUM and ANALYZE of the tables that need
 * them, by the rules PostgreSQL's autovacuum follows with its default settings.
 *
 * The embedded engine (PGlite) runs no autovacuum: it has no background processes (a table of
 * 2,000 rows updated five times still held 9,774 dead versions 75 seconds later, never vacuumed).
 * A portal on it would never remove a row's old versions, nor gather the statistics its planner
 * chooses by; the queue of outgoing messages is where that shows first: finding the messages due
 * read every version ever pending (86 pages after 1,500 messages, and growing with each one).
 * A PostgreSQL server does this itself, unless its autovacuum is turned off; then this job steps
 * in, and otherwise leaves the server to it.
 */
import { sql } from 'kysely';
import type { Db, Engine } from '../db/index.ts';
import type { Job } from './jobs.ts';

/** Autovacuum's default thresholds: a base number of rows plus a share of the table. */
const VACUUM_BASE = 50;
const VACUUM_SHARE = 0.2;
const INSERT_VACUUM_BASE = 1000;
const INSERT_VACUUM_SHARE = 0.2;
const ANALYZE_BASE = 50;
const ANALYZE_SHARE = 0.1;

export interface UpkeepReport {
  /** Why nothing was looked at: the server's own autovacuum does this work. */
  leftToServer?: true;
  vacuumed: string[];
  analyzed: string[];
}

/** Whether the portal must look after its tables itself: always on PGlite, on PostgreSQL only without autovacuum. */
export function upkeepIsOurs(engine: Engine, autovacuum: string): boolean {
  return engine === 'pglite' || autovacuum !== 'on';
}

interface TableActivity {
  name: string;
  live: number;
  dead: number;
  insertedSinceVacuum: number;
  changedSinceAnalyze: number;
}

/**
 * What each table needs, from the counts PostgreSQL keeps of it: VACUUM (with ANALYZE) for one
 * whose dead versions or rows added since its last vacuum pass autovacuum's thresholds, ANALYZE
 * alone for one changed enough since its statistics were gathered.
 */
export function upkeepPlan(tables: readonly TableActivity[]): { vacuum: string[]; analyze: string[] } {
  const vacuum: string[] = [];
  const analyze: string[] = [];
  for (const t of tables) {
    if (
      t.dead > VACUUM_BASE + VACUUM_SHARE * t.live ||
      t.insertedSinceVacuum > INSERT_VACUUM_BASE + INSERT_VACUUM_SHARE * t.live
    )
      vacuum.push(t.name);
    else if (t.changedSinceAnalyze > ANALYZE_BASE + ANALYZE_SHARE * t.live) analyze.push(t.name);
  }
  return { vacuum, analyze };
}

async function tableActivity(db: Db): Promise<TableActivity[]> {
  const result = await sql<{
    name: string;
    live: string;
    dead: string;
    inserted: string;
    changed: string;
  }>`select relname as name, n_live_tup as live, n_dead_tup as dead,
            n_ins_since_vacuum as inserted, n_mod_since_analyze as changed
       from pg_stat_user_tables where schemaname = current_schema() order by relname`.execute(db);
  return result.rows.map((r) => ({
    name: r.name,
    live: Number(r.live),
    dead: Number(r.dead),
    insertedSinceVacuum: Number(r.inserted),
    changedSinceAnalyze: Number(r.changed),
  }));
}

/** Vacuums and analyses the tables that need it, one at a time, unless the server's autovacuum does. */
export async function keepUpDatabase(db: Db, engine: Engine, signal?: AbortSignal): Promise<UpkeepReport> {
  const setting = await sql<{ autovacuum: string }>`select current_setting('autovacuum') as autovacuum`.execute(db);
  if (!upkeepIsOurs(engine, setting.rows[0]?.autovacuum ?? 'off'))
    return { leftToServer: true, vacuumed: [], analyzed: [] };
  const plan = upkeepPlan(await tableActivity(db));
  const report: UpkeepReport = { vacuumed: [], analyzed: [] };
  // One table at a time: on the embedded engine each holds its only connection while it runs.
  for (const table of plan.vacuum) {
    if (signal?.aborted) return report;
    await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
    report.vacuumed.push(table);
  }
  for (const table of plan.analyze) {
    if (signal?.aborted) return report;
    await sql`analyze ${sql.table(table)}`.execute(db);
    report.analyzed.push(table);
  }
  return report;
}

/** Looked at every five minutes (autovacuum looks every minute; this costs one read of the counts). */
export function upkeepJob(db: Db, engine: Engine, log: { info(obj: object, msg: string): void }): Job {
  return {
    name: 'database-upkeep',
    everyMs: 5 * 60 * 1000,
    run: async (signal) => {
      const began = performance.now();
      const report = await keepUpDatabase(db, engine, signal);
      if (report.vacuumed.length + report.analyzed.length > 0)
        log.info({ ...report, ms: Math.round(performance.now() - began) }, 'database upkeep');
    },
  };
}
