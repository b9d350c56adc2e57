/**
 * Where uploaded files live: a folder on this machine (UPLOAD_DIR, the default) or a bucket of an
 * S3-compatible object store (S3_BUCKET and friends), so that several app instances on several
 * machines see the same photos and documents. Either way the app serves them itself, through the
 * same routes and access rules; the bucket is never exposed to browsers.
 *
 * Names are `<folder>/<file>`, with `file` a name the app made (a random UUID): nothing a person
 * typed ever becomes part of a path or key.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../config.ts';

export interface StoredEntry {
  name: string;
  modifiedMs: number;
}

export interface FileStore {
  /** Where files go, for the operator: a folder or s3://bucket. */
  readonly where: string;
  /** Writes a new file; when this resolves the file survives a crash (synced, or acknowledged by the store). */
  put(folder: string, name: string, data: Buffer, type: string): Promise<void>;
  /** The file's bytes, or undefined when there is none. */
  read(folder: string, name: string): Promise<Buffer | undefined>;
  /** The file as a stream, to send without holding it in memory; undefined when there is none. */
  open(folder: string, name: string): Promise<Readable | undefined>;
  /** Removes a file; a missing one is not an error. */
  remove(folder: string, name: string): Promise<void>;
  /** The files of a folder and when each was written. */
  list(folder: string): Promise<StoredEntry[]>;
}

/** Only names the app makes: letters, digits, dot, dash, underscore. */
function safe(part: string): string {
  const base = path.basename(part);
  if (!/^[A-Za-z0-9._-]+$/.test(base) || base.startsWith('.')) throw new Error(`not a stored file name: ${part}`);
  return base;
}

export function localStore(dir: string): FileStore {
  const existing = async (folder: string, name: string) => {
    const file = path.join(dir, safe(folder), safe(name));
    const info = await stat(file).catch(() => undefined);
    return info?.isFile() ? file : undefined;
  };
  return {
    where: dir,
    async put(folder, name, data) {
      const target = path.join(dir, safe(folder));
      await mkdir(target, { recursive: true });
      const handle = await open(path.join(target, safe(name)), 'wx', 0o640);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async read(folder, name) {
      const file = await existing(folder, name);
      return file === undefined ? undefined : readFile(file);
    },
    async open(folder, name) {
      const file = await existing(folder, name);
      return file === undefined ? undefined : createReadStream(file);
    },
    async remove(folder, name) {
      await rm(path.join(dir, safe(folder), safe(name)), { force: true });
    },
    async list(folder) {
      const target = path.join(dir, safe(folder));
      const names = await readdir(target).catch(() => [] as string[]);
      const entries: StoredEntry[] = [];
      for (const name of names) {
        const info = await stat(path.join(target, name)).catch(() => undefined);
        if (info?.isFile()) entries.push({ name, modifiedMs: info.mtimeMs });
      }
      return entries;
    },
  };
}

export function s3Store(s3: S3Config): FileStore {
  const client = new S3Client({
    region: s3.region,
    ...(s3.endpoint === undefined ? {} : { endpoint: s3.endpoint }),
    forcePathStyle: s3.pathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    maxAttempts: 3,
    // Integrity comes from Content-MD5, which every S3-compatible store checks; the SDK's newer
    // CRC checksums are refused by several self-hosted ones.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (folder: string, name: string) => `${s3.prefix}${safe(folder)}/${safe(name)}`;
  /** The object's body, or undefined when the store has no such key. */
  const get = async (folder: string, name: string) => {
    try {
      return (await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key(folder, name) }))).Body;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  };
  return {
    where: `s3://${s3.bucket}/${s3.prefix}`,
    async put(folder, name, data, type) {
      // The store checks the body against its MD5: a file cut short in transit is refused, not kept.
      await client.send(
        new PutObjectCommand({
          Bucket: s3.bucket,
          Key: key(folder, name),
          Body: data,
          ContentType: type,
          ContentMD5: createHash('md5').update(data).digest('base64'),
        }),
      );
    },
    async read(folder, name) {
      const body = await get(folder, name);
      return body === undefined ? undefined : Buffer.from(await body.transformToByteArray());
    },
    async open(folder, name) {
      // In Node.js the SDK's body is a readable stream (the HTTP response itself).
      return (await get(folder, name)) as Readable | undefined;
    },
    async remove(folder, name) {
      await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: key(folder, name) }));
    },
    async list(folder) {
      const entries: StoredEntry[] = [];
      const prefix = `${s3.prefix}${safe(folder)}/`;
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key === undefined) continue;
          entries.push({ name: item.Key.slice(prefix.length), modifiedMs: item.LastModified?.getTime() ?? 0 });
        }
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      return entries;
    },
  };
}

const stores = new WeakMap<Config, FileStore>();

/** The store the configuration names; one per configuration, so the S3 client is made once. */
export function fileStore(config: Config): FileStore {
  let store = stores.get(config);
  if (store === undefined) {
    store = config.s3 === undefined ? localStore(config.uploadDir) : s3Store(config.s3);
    stores.set(config, store);
  }
  return store;
}
