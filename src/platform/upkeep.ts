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
  /** Rows as of the last vacuum or analyse (pg_class.reltuples: kept in the catalogue, so it outlives a restart). */
  live: number;
  /** Never vacuumed nor analysed: the planner has nothing to go by. */
  neverAnalysed: boolean;
  dead: number;
  insertedSinceVacuum: number;
  changedSinceAnalyze: number;
}

/**
 * What each table needs, from the counts PostgreSQL keeps of it: VACUUM (with ANALYZE) for one
 * whose dead versions or rows added since its last vacuum pass autovacuum's thresholds, ANALYZE
 * alone for one changed enough since its statistics were gathered, or never analysed at all.
 *
 * The thresholds are shares of the rows the catalogue holds, as autovacuum's are. The counts of
 * changes start from nothing when the embedded engine starts (it keeps no statistics across a
 * restart: 4,000 changes counted before closing, 0 after opening again), so a share of them would
 * call for a vacuum of a large table after its first 50 changes of every run. A table never
 * analysed is analysed whatever the counts say: after a restart they cannot tell.
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
    else if (t.neverAnalysed || t.changedSinceAnalyze > ANALYZE_BASE + ANALYZE_SHARE * t.live) analyze.push(t.name);
  }
  return { vacuum, analyze };
}

async function tableActivity(db: Db): Promise<TableActivity[]> {
  const result = await sql<{
    name: string;
    rows: string;
    dead: string;
    inserted: string;
    changed: string;
  }>`select s.relname as name, c.reltuples as rows, s.n_dead_tup as dead,
            s.n_ins_since_vacuum as inserted, s.n_mod_since_analyze as changed
       from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.schemaname = current_schema() order by s.relname`.execute(db);
  return result.rows.map((r) => ({
    name: r.name,
    // -1: never vacuumed nor analysed (PostgreSQL 14 and later).
    live: Math.max(0, Number(r.rows)),
    neverAnalysed: Number(r.rows) < 0,
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
