/**
 * npm run backup -- <folder> — copies the database, the uploaded files and the generated secrets
 * into a new folder with a manifest of checksums. With the embedded database, stop the portal
 * first (one process at a time may open it); with DATABASE_URL it runs beside the portal.
 * The folder holds keys to personal data: keep it as safe as the server itself.
 */
import { loadConfig } from '../src/config.ts';
import { BackupError, backup, folderBytes } from '../src/platform/backup.ts';

const target = process.argv[2];
if (target === undefined) {
  console.error('Usage: npm run backup -- <new folder>');
  process.exit(64);
}
try {
  const config = loadConfig();
  const manifest = await backup(config, target);
  console.log(
    `Backed up the ${manifest.engine === 'pglite' ? 'embedded' : 'PostgreSQL'} database and ${manifest.uploads.length} uploaded files into ${target} (${Math.round(folderBytes(target) / 1024)} KB).`,
  );
  if (config.s3 !== undefined)
    console.log(
      `Uploaded files kept in the object store (s3://${config.s3.bucket}/${config.s3.prefix}) are not in this backup: keep the bucket versioned, or copy it with the store's own tools.`,
    );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = error instanceof BackupError ? 65 : 1;
}
