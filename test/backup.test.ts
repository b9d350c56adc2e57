/**
 * Backup and restore with the real commands: a portal with data (an aspiration with a photo and
 * sealed contact details, the demo's PDFs and projects) is backed up, restored into an empty place,
 * and compared table by table and file by file; a damaged backup restores nothing.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { createSealer } from '../src/platform/crypto.ts';
import { startChild } from './helpers/child.ts';
import { childDataPlace, testEngine } from './helpers/database.ts';

const places: Awaited<ReturnType<typeof childDataPlace>>[] = [];
const folders: string[] = [];
/** A place for a portal; in the embedded mode without keys in the environment, so they are generated. */
async function newPlace() {
  const place = await childDataPlace();
  places.push(place);
  const env = { ...place.env };
  if (testEngine === 'pglite') {
    delete env.SESSION_SECRET;
    delete env.DATA_KEYS;
    delete env.LOOKUP_KEY;
  }
  return env;
}
const scrubbed = { SESSION_SECRET: undefined, DATA_KEYS: undefined, LOOKUP_KEY: undefined };
let backupDir = '';
before(() => {
  backupDir = path.join(mkdtempSync(path.join(tmpdir(), 'dewan-backup-')), 'cadangan');
  folders.push(path.dirname(backupDir));
});
after(async () => {
  for (const p of places) await p.remove();
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

async function command(script: string, arg: string, env: Record<string, string>) {
  const child = startChild(script, { ...scrubbed, ...env }, [arg]);
  const { code } = await child.exited;
  return { code, output: child.output.join('\n') };
}

/** Every table's rows, hashed: equal hashes mean equal contents. */
async function tableHashes(env: Record<string, string>): Promise<Record<string, string>> {
  const open = await openDatabase({ dataDir: env.DATA_DIR ?? '', databaseUrl: env.DATABASE_URL || undefined });
  try {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(open.db);
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const row = await sql<{
        h: string;
      }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(name)} t`.execute(
        open.db,
      );
      out[name] = row.rows[0]?.h ?? '';
    }
    return out;
  } finally {
    await open.close();
  }
}

function fileHashes(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return out;
}

/** Files an aspiration with a photo through the running portal, as a browser would. */
async function fileAspiration(address: string): Promise<string> {
  const form = await fetch(`${address}/aspirasi/baru`);
  const cookie = (form.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const location = /<option value="(\d+)"/.exec(
    await (await fetch(`${address}/aspirasi/baru`, { headers: { cookie } })).text(),
  )?.[1];
  const body = new FormData();
  for (const [k, v] of Object.entries({
    _csrf: csrf,
    kind: 'pengaduan',
    category: 'jalan-jembatan-drainase',
    location: location ?? '',
    title: 'Jembatan kayu lapuk',
    description: 'Papan jembatan penyeberangan sudah lapuk dan berlubang.',
    email: 'cadangan@example.org',
    consent: 'yes',
  }))
    body.append(k, v);
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 10, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();
  body.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'jembatan.jpg');
  const sent = await fetch(`${address}/aspirasi/kirim`, {
    method: 'POST',
    body,
    headers: { cookie },
    redirect: 'manual',
  });
  assert.equal(sent.status, 303, await sent.text());
  return sent.headers.get('location') ?? '';
}

describe(`backup and restore (${testEngine})`, () => {
  test('a backup restored into an empty place holds the same rows, files and keys; a damaged one restores nothing', async () => {
    const source = await newPlace();
    const server = startChild('src/server.ts', { ...scrubbed, ...source, PORT: '0' });
    let tracking = '';
    try {
      const [, address] = await server.waitFor(/is running at (http:\/\/\S+)/);
      tracking = await fileAspiration(address ?? '');
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    const made = await command('scripts/backup.ts', backupDir, source).catch((e: unknown) => ({
      code: -1,
      output: String(e),
    }));
    assert.equal(made.code, 0, made.output);
    assert.match(made.output, /Backed up the/);
    // A second backup into the same folder is refused: nothing is overwritten.
    assert.equal((await command('scripts/backup.ts', backupDir, source)).code, 65);

    const target = await newPlace();
    const restored = await command('scripts/restore.ts', backupDir, target);
    assert.equal(restored.code, 0, restored.output);

    const before = await tableHashes(source);
    const afterRestore = await tableHashes(target);
    assert.ok(Object.keys(before).length > 30);
    assert.deepEqual(afterRestore, before, 'every table holds the same rows');
    const sourceConfig = loadConfig({ ...source });
    const targetConfig = loadConfig({ ...target });
    const uploads = fileHashes(sourceConfig.uploadDir);
    assert.ok(
      Object.keys(uploads).some((f) => f.startsWith('aspirasi/')),
      'the photo is among the files',
    );
    assert.ok(
      Object.keys(uploads).some((f) => f.endsWith('.pdf')),
      "the demo's PDFs are among the files",
    );
    assert.deepEqual(fileHashes(targetConfig.uploadDir), uploads, 'every uploaded file, byte for byte');

    // The restored keys open the sealed contact details.
    const open = await openDatabase({ dataDir: target.DATA_DIR ?? '', databaseUrl: target.DATABASE_URL || undefined });
    try {
      const sealer = createSealer(targetConfig.dataKeys, targetConfig.lookupKey);
      const reporter = await open.db
        .selectFrom('aspiration_reporter')
        .select('email_sealed')
        .where('email_lookup', '=', sealer.lookup('cadangan@example.org'))
        .executeTakeFirstOrThrow();
      assert.equal(sealer.open(reporter.email_sealed ?? ''), 'cadangan@example.org');
    } finally {
      await open.close();
    }

    // The restored portal serves the aspiration and its photo.
    const again = startChild('src/server.ts', { ...scrubbed, ...target, PORT: '0' });
    try {
      const [, address] = await again.waitFor(/is running at (http:\/\/\S+)/);
      const page = await fetch(`${address}${tracking}`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Jembatan kayu lapuk/);
      const photo = /src="(\/aspirasi\/ASP-\d{4}-\d{6}\/foto\/\d+-kecil)"/.exec(html)?.[1];
      assert.ok(photo !== undefined);
      assert.equal((await fetch(`${address}${photo}`)).status, 200);
    } finally {
      again.process.kill('SIGTERM');
      await again.exited;
    }

    // One damaged byte in the backup: the restore refuses before writing anything.
    const photoFile = Object.keys(uploads).find((f) => f.startsWith('aspirasi/')) ?? '';
    const copy = path.join(backupDir, 'uploads', photoFile);
    const bytes = readFileSync(copy);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(copy, bytes);
    const third = await newPlace();
    const refused = await command('scripts/restore.ts', backupDir, third);
    assert.equal(refused.code, 65);
    assert.match(refused.output, /damaged \(checksum differs\): nothing was restored/);
    assert.deepEqual(fileHashes(path.join(third.DATA_DIR ?? '', 'uploads')), {});
    assert.ok(
      !existsSync(path.join(third.DATA_DIR ?? '', 'db')) ||
        readdirSync(path.join(third.DATA_DIR ?? '', 'db')).length === 0,
    );
  });
});
