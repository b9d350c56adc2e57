/**
 * A real S3-compatible server on loopback (s3rver, files in a temporary folder), for tests of
 * uploads kept in an object store: the S3 REST protocol (path-style addresses, XML listings,
 * NoSuchKey) and its one access key (S3RVER). It does not verify signature version 4 nor
 * Content-MD5, which production stores (AWS S3, MinIO, Ceph) do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface ObjectStore {
  endpoint: string;
  bucket: string;
  /** The settings that point the app at it. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startObjectStore(bucket = 'dewan-uji'): Promise<ObjectStore> {
  const directory = mkdtempSync(path.join(tmpdir(), 'dewan-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PATH_STYLE: 'true',
    },
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
