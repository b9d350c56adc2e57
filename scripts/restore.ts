/**
 * npm run restore -- <backup folder> — checks every checksum of a backup, then restores it into an
 * empty data directory (DATA_DIR) or, with DATABASE_URL, an empty database, and an empty upload
 * folder. Nothing is written when a file is damaged or the place is not empty.
 */
import { loadConfig } from '../src/config.ts';
import { BackupError, restore } from '../src/platform/backup.ts';

const source = process.argv[2];
if (source === undefined) {
  console.error('Usage: npm run restore -- <backup folder>');
  process.exit(64);
}
try {
  const config = loadConfig();
  const manifest = await restore(config, source);
  console.log(
    `Restored the database of ${manifest.createdAt} and ${manifest.uploads.length} uploaded files${config.databaseUrl === undefined ? ` into ${config.dataDir}` : ''}.`,
  );
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof BackupError ? 65 : 1;
}
