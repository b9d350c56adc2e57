/**
 * npm run audit:verify — walks the audit log's hash chain on the configured database and reports
 * the first broken entry. Exit code 0 when intact, 1 when broken, 2 when it could not check.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { verifyAuditChain } from '../src/platform/audit.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      console.log(`Audit log intact: ${report.entries} entries, every hash and link holds.`);
    } else {
      console.error(
        `Audit log BROKEN at entry #${report.brokenAt}: ${report.reason} (${report.entries} entries read).`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Could not verify the audit log: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
