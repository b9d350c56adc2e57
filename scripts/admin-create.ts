/**
 * npm run admin:create -- "Full Name" email@example.org
 * Creates the first administrator of an installation and prints the invitation link to open in a
 * browser (the person sets a password and two-step verification there). Audited. With the
 * embedded database, stop the portal first (one process at a time may open it); it says so.
 */
import { createFirstAdministrator } from '../src/accounts/service.ts';
import { loadConfig } from '../src/config.ts';
import { getCouncil } from '../src/council/service.ts';
import { DatabaseBusyError, openDatabase } from '../src/db/index.ts';
import { seedCouncil } from '../src/db/seed/index.ts';
import { createSealer } from '../src/platform/crypto.ts';
import { translator } from '../src/platform/i18n.ts';
import { gatheredSignals } from '../src/platform/realtime.ts';

const [name, email] = process.argv.slice(2);
if (name === undefined || email === undefined) {
  console.error('usage: npm run admin:create -- "Full Name" email@example.org');
  process.exit(2);
}
const config = loadConfig();
let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase(config);
} catch (error) {
  if (!(error instanceof DatabaseBusyError)) throw error;
  // The embedded database opens in one process at a time: the running portal holds it.
  console.error(
    `The portal is running on the embedded database (process ${error.pid}): stop it, run this command again, then start the portal. With DATABASE_URL (PostgreSQL) it works beside a running portal.`,
  );
  process.exit(75);
}
try {
  if (config.seedDemo) await seedCouncil(database.db, config.seedCouncil);
  const { council } = await getCouncil(database.db);
  const result = await createFirstAdministrator(
    {
      db: database.db,
      sealer: createSealer(config.dataKeys, config.lookupKey),
      config,
      signals: gatheredSignals(database.db, console),
    },
    { t: translator(config.defaultLanguage), site: council.name },
    { name, email },
  );
  console.log(`Administrator invited. Open this link within 7 days to set the password:\n${result.link}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await database.close();
}
