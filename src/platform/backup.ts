/**
 * Backup and restore of everything a portal holds: the database (the embedded engine's files, or a
 * pg_dump of the PostgreSQL database), the uploaded files, and the generated secrets that open the
 * sealed personal data. A backup is a folder with a manifest of SHA-256 checksums; restore checks
 * every checksum before it writes anything, and only into an empty place.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Config } from '../config.ts';
import { openPglite } from '../db/index.ts';

/** Thrown when a backup or restore cannot be done as asked; the message says what to do. */
export class BackupError extends Error {}

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: 1;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  database: ManifestFile;
  secrets: ManifestFile | null;
  uploads: ManifestFile[];
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function entry(root: string, relative: string): ManifestFile {
  const data = readFileSync(path.join(root, relative));
  return { path: relative, bytes: data.length, sha256: sha256(data) };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.on('error', (error) => reject(new BackupError(`${command} could not run: ${error.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (${code}): ${errors.trim()}`)),
    );
  });
}

/** Writes a backup of the portal described by `config` into `target`, a new or empty folder. */
export async function backup(config: Config, target: string): Promise<Manifest> {
  if (!isEmptyDir(target)) throw new BackupError(`${target} is not empty: choose a new folder for the backup`);
  mkdirSync(target, { recursive: true });
  let database: ManifestFile;
  let engine: Manifest['engine'];
  if (config.databaseUrl === undefined) {
    engine = 'pglite';
    // Opening takes the directory's lock: a running portal makes this fail with a clear message.
    const open = await openPglite(config.dataDir);
    try {
      const dump = await open.pglite?.dumpDataDir('none');
      if (dump === undefined) throw new BackupError('the embedded database gave no copy of its files');
      writeFileSync(path.join(target, 'database.tar.gz'), gzipSync(Buffer.from(await dump.arrayBuffer())));
    } finally {
      await open.close();
    }
    database = entry(target, 'database.tar.gz');
  } else {
    engine = 'postgres';
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      '--file',
      path.join(target, 'database.dump'),
      config.databaseUrl,
    ]);
    database = entry(target, 'database.dump');
  }

  const uploads: ManifestFile[] = [];
  for (const relative of filesUnder(config.uploadDir)) {
    const to = path.join(target, 'uploads', relative);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(config.uploadDir, relative), to);
    uploads.push(entry(path.join(target, 'uploads'), relative));
  }
  const secretsFile = path.join(config.dataDir, 'secrets.json');
  let secrets: ManifestFile | null = null;
  if (existsSync(secretsFile)) {
    copyFileSync(secretsFile, path.join(target, 'secrets.json'));
    chmodSync(path.join(target, 'secrets.json'), 0o600);
    secrets = entry(target, 'secrets.json');
  }
  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), engine, database, secrets, uploads };
  writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Checks a backup's files against its manifest; the manifest when every file is whole. */
export function verify(source: string): Manifest {
  const manifestFile = path.join(source, 'manifest.json');
  if (!existsSync(manifestFile)) throw new BackupError(`${source} holds no manifest.json: is it a backup folder?`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  const check = (root: string, file: ManifestFile) => {
    const full = path.join(root, file.path);
    if (!existsSync(full) || sha256(readFileSync(full)) !== file.sha256)
      throw new BackupError(`${file.path} is missing or damaged (checksum differs): nothing was restored`);
  };
  check(source, manifest.database);
  if (manifest.secrets !== null) check(source, manifest.secrets);
  for (const file of manifest.uploads) check(path.join(source, 'uploads'), file);
  return manifest;
}

/**
 * Restores a backup into the portal described by `config`: an empty data directory (embedded) or
 * an empty database (PostgreSQL), and an empty upload folder.
 */
export async function restore(config: Config, source: string): Promise<Manifest> {
  const manifest = verify(source);
  const embedded = config.databaseUrl === undefined;
  if ((manifest.engine === 'pglite') !== embedded)
    throw new BackupError(
      `this backup is of the ${manifest.engine === 'pglite' ? 'embedded database' : 'PostgreSQL server'}; restore it into the same kind (${embedded ? 'set DATABASE_URL' : 'unset DATABASE_URL'})`,
    );
  if (!isEmptyDir(config.uploadDir) && filesUnder(config.uploadDir).length > 0)
    throw new BackupError(`${config.uploadDir} already holds files: restore into an empty place`);

  if (embedded) {
    if (!isEmptyDir(path.join(config.dataDir, 'db')))
      throw new BackupError(`${config.dataDir} already holds a database: restore into an empty data directory`);
    const tar = gunzipSync(readFileSync(path.join(source, manifest.database.path)));
    const open = await openPglite(config.dataDir, new Blob([tar]));
    await open.close();
  } else {
    const url = config.databaseUrl ?? '';
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--dbname',
      url,
      path.join(source, manifest.database.path),
    ]);
  }
  for (const file of manifest.uploads) {
    const to = path.join(config.uploadDir, file.path);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(path.join(source, 'uploads', file.path), to);
  }
  // The embedded mode's generated keys open the sealed personal data: they come back with it (a
  // fresh data directory may already hold new ones, which nothing depends on yet). With
  // DATABASE_URL the keys come from the environment and must be the same as before.
  const secretsFile = path.join(config.dataDir, 'secrets.json');
  if (manifest.secrets !== null && (embedded || !existsSync(secretsFile))) {
    mkdirSync(config.dataDir, { recursive: true });
    copyFileSync(path.join(source, manifest.secrets.path), secretsFile);
    chmodSync(secretsFile, 0o600);
  }
  return manifest;
}

/** The size of a folder's files, for the commands' report. */
export function folderBytes(dir: string): number {
  return filesUnder(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}
