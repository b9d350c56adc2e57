/**
 * A child process for the crash tests: opens the database the way the server does and commits
 * rows one by one, printing "ack <id>" only after each commit returned. The test kills it with
 * SIGKILL and checks that every acknowledged row survived.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';
import { payloadOf } from './crash-payload.ts';

const dataDir = process.env.DATA_DIR ?? './data';
const databaseUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
const start = Number(process.env.START_ID ?? '1');

const open = await openDatabase({ dataDir, databaseUrl });
await sql`create table if not exists crash_probe (id integer primary key, payload text not null)`.execute(open.db);
process.stdout.write('ready\n');
for (let id = start; ; id++) {
  await open.db.transaction().execute(async (trx) => {
    await sql`insert into crash_probe (id, payload) values (${id}, ${payloadOf(id)})`.execute(trx);
  });
  process.stdout.write(`ack ${id}\n`);
}
