/** The hashed names of the bundled browser files, from public/assets/manifest.json. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
