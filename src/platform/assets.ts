/** The bundled browser files: their hashed names (from public/assets/manifest.json), served from memory. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFoundError } from './errors.tsx';
import { etagOf, notModified } from './etag.ts';
import { chooseEncoding } from './page-cache.ts';
import { type RawAnswer, sendRaw } from './raw-answer.ts';

export const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

export interface Assets {
  css: string;
  js: string;
  /** Leaflet's style sheet, linked by the map module when a map is shown. */
  mapCss: string;
  /** The service worker's built file (its bytes are served at /sw.js, under the scope "/"). */
  serviceWorker: string;
  /**
   * The script chunks loaded only by pages that work offline (the drafts queue), with what they
   * import: the service worker keeps them with the app shell.
   */
  offlineScripts: string[];
}

/** Thrown when the browser files have not been built (run `npm run build:client`). */
export class AssetsMissingError extends Error {
  constructor(file: string) {
    super(`${file} is missing: run "npm run build:client" first`);
    this.name = 'AssetsMissingError';
  }
}

export function loadAssets(): Assets {
  const file = `${publicDir}assets/manifest.json`;
  if (!existsSync(file)) throw new AssetsMissingError(file);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const css = manifest['main.css'];
  const js = manifest['main.js'];
  const mapCss = manifest['map.css'];
  const serviceWorker = manifest['sw.js'];
  if (css === undefined || js === undefined || mapCss === undefined || serviceWorker === undefined)
    throw new AssetsMissingError(`${file} (main.css, main.js, map.css, sw.js)`);
  return {
    css: `/static/assets/${css}`,
    js: `/static/assets/${js}`,
    mapCss: `/static/assets/${mapCss}`,
    serviceWorker: `/static/assets/${serviceWorker}`,
    offlineScripts: (manifest.offline ?? '')
      .split(' ')
      .filter(Boolean)
      .map((name) => `/static/assets/${name}`),
  };
}

/** One built file, held in memory in each encoding the build wrote. */
interface HeldFile {
  etag: string;
  identity: Buffer;
  br: Buffer | undefined;
  gzip: Buffer | undefined;
  /** The headers of every answer for this file, made once. */
  headers: Record<string, string>;
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const TOP_PATH = '/static/';
const ASSET_PATH = `${TOP_PATH}assets/`;

/** Compressible types: the others (images already compressed) are held as they are. */
const compressible = /^(text\/|application\/json|image\/svg)/;

/**
 * The built files (public/assets), held in memory with the .br and .gz the build made beside each:
 * no disk read, no compression and no hashing per request. Their names carry a hash of their
 * content, so browsers keep them for a year. The files at the top of public/ (the emblem, linked
 * by every page as its icon) are held too, compressed once here, and kept by browsers for an hour:
 * read from disk and compressed for every request by @fastify/static, the emblem cost 470 µs of CPU
 * per request (3,000 a second) where a built file costs 40. A GET for one is answered before Fastify
 * routes it (`serveRaw`), like a kept page; the routes answer the rest (HEAD, a name with a query)
 * the same way.
 */
export class AssetFiles {
  /** By the path they are asked for, e.g. /static/assets/main.X.css, /static/favicon.svg. */
  private readonly held = new Map<string, HeldFile>();

  constructor(
    /** The headers every answer carries (security headers), set on raw answers too. */
    private readonly fixedHeaders: Record<string, string>,
  ) {
    const dir = `${publicDir}assets/`;
    for (const name of readdirSync(dir)) {
      const type = types[path.extname(name)];
      if (type === undefined) continue;
      const beside = (suffix: string) =>
        existsSync(path.join(dir, name + suffix)) ? readFileSync(path.join(dir, name + suffix)) : undefined;
      this.hold(`${ASSET_PATH}${name}`, type, readFileSync(path.join(dir, name)), {
        br: beside('.br'),
        gzip: beside('.gz'),
        lifetime: name === 'manifest.json' ? 'public, max-age=3600' : 'public, max-age=31536000, immutable',
      });
    }
    for (const entry of readdirSync(publicDir, { withFileTypes: true })) {
      const type = types[path.extname(entry.name)];
      if (!entry.isFile() || type === undefined) continue;
      const identity = readFileSync(path.join(publicDir, entry.name));
      const packed = compressible.test(type);
      this.hold(`${TOP_PATH}${entry.name}`, type, identity, {
        br: packed ? brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : undefined,
        gzip: packed ? gzipSync(identity, { level: 9 }) : undefined,
        lifetime: 'public, max-age=3600',
      });
    }
  }

  private hold(
    where: string,
    type: string,
    identity: Buffer,
    { br, gzip, lifetime }: { br: Buffer | undefined; gzip: Buffer | undefined; lifetime: string },
  ) {
    // Weak, as for pages: the br, gzip and plain bytes of one file share it.
    const etag = etagOf(identity);
    this.held.set(where, {
      etag,
      identity,
      br,
      gzip,
      headers: { 'cache-control': lifetime, etag, vary: 'accept-encoding', 'content-type': type },
    });
  }

  /** The answer for a file by the path asked for (undefined when there is none). */
  answer(where: string, ifNoneMatch: string | undefined, acceptEncoding: string | undefined): RawAnswer | undefined {
    const file = this.held.get(where);
    if (file === undefined) return undefined;
    const { headers } = file;
    if (notModified(ifNoneMatch, file.etag)) return { status: 304, headers };
    const encoding = chooseEncoding(acceptEncoding);
    const bytes = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined;
    return bytes === undefined
      ? { status: 200, headers, encoding: 'identity', bytes: file.identity }
      : { status: 200, headers, encoding, bytes };
  }

  /** Serves a GET for a held file before routing; returns whether it did. */
  serveRaw(req: IncomingMessage, res: ServerResponse, log: FastifyBaseLogger): boolean {
    const url = req.url ?? '';
    if (!url.startsWith(TOP_PATH)) return false;
    const answer = this.answer(url, req.headers['if-none-match'], req.headers['accept-encoding']);
    if (answer === undefined) return false;
    sendRaw(req, res, log, this.fixedHeaders, answer);
    return true;
  }
}

export function registerAssetFiles(app: FastifyInstance, files: AssetFiles): void {
  app.get<{ Params: { file: string } }>(
    `${ASSET_PATH}:file`,
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 200 }) }) },
    },
    (request, reply) => {
      const answer = files.answer(
        `${ASSET_PATH}${request.params.file}`,
        request.headers['if-none-match'],
        request.headers['accept-encoding'],
      );
      if (answer === undefined) throw new NotFoundError(`asset ${request.params.file}`);
      reply.headers(answer.headers);
      if (answer.status === 304) return reply.code(304).send();
      if (answer.encoding !== 'identity') reply.header('content-encoding', answer.encoding);
      return reply.send(answer.bytes);
    },
  );
}
