/** The bundled browser files: their hashed names (from public/assets/manifest.json), served from memory. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { NotFoundError } from './errors.tsx';
import { chooseEncoding } from './page-cache.ts';

export const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));

export interface Assets {
  css: string;
  js: string;
  /** Leaflet's style sheet, linked by the map module when a map is shown. */
  mapCss: string;
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
  if (css === undefined || js === undefined || mapCss === undefined)
    throw new AssetsMissingError(`${file} (main.css, main.js, map.css)`);
  return { css: `/static/assets/${css}`, js: `/static/assets/${js}`, mapCss: `/static/assets/${mapCss}` };
}

/** One built file, held in memory in each encoding the build wrote. */
interface HeldFile {
  type: string;
  etag: string;
  identity: Buffer;
  br: Buffer | undefined;
  gzip: Buffer | undefined;
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the built files (public/assets) from memory, with the .br and .gz the build made beside
 * each: no disk read, no compression and no hashing per request. Their names carry a hash of
 * their content, so browsers keep them for a year.
 */
export function registerAssetFiles(app: FastifyInstance): void {
  const dir = `${publicDir}assets/`;
  const held = new Map<string, HeldFile>();
  for (const name of readdirSync(dir)) {
    const type = types[path.extname(name)];
    if (type === undefined) continue;
    const identity = readFileSync(path.join(dir, name));
    const beside = (suffix: string) =>
      existsSync(path.join(dir, name + suffix)) ? readFileSync(path.join(dir, name + suffix)) : undefined;
    held.set(name, {
      type,
      etag: `"${createHash('sha1').update(identity).digest('base64url')}"`,
      identity,
      br: beside('.br'),
      gzip: beside('.gz'),
    });
  }
  app.get<{ Params: { file: string } }>(
    '/static/assets/:file',
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 200 }) }) },
    },
    (request, reply) => {
      const file = held.get(request.params.file);
      if (file === undefined) throw new NotFoundError(`asset ${request.params.file}`);
      const immutable = request.params.file !== 'manifest.json';
      reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
        .header('etag', file.etag)
        .header('vary', 'accept-encoding')
        .type(file.type);
      if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      const bytes = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : undefined;
      if (bytes === undefined) return reply.send(file.identity);
      return reply.header('content-encoding', encoding).send(bytes);
    },
  );
}
