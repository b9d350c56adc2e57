/**
 * Bundles the browser modules and the style sheet into public/assets with content hashes in
 * their names, and writes manifest.json so pages can link the current files. Run by `npm start`
 * and `npm test`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'public/assets');

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  // The map (Leaflet) is a chunk of its own, fetched only when a page shows a map, so the first
  // load of every page stays within the page-weight budget.
  entryPoints: ['src/client/main.ts', 'src/client/main.css', 'src/client/map.css'],
  outdir,
  entryNames: '[name].[hash]',
  chunkNames: 'chunk.[hash]',
  splitting: true,
  // Leaflet's style sheet names a few small images; they are copied beside it with hashed names.
  loader: { '.png': 'file' },
  assetNames: '[name].[hash]',
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome80', 'firefox78', 'safari13'],
  metafile: true,
  logLevel: 'warning',
});

const manifest: Record<string, string> = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (output.entryPoint === undefined) continue;
  const logical = path.basename(output.entryPoint).replace(/\.ts$/, '.js');
  manifest[logical] = path.basename(file);
}
writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`client assets: ${Object.values(manifest).join(', ')}`);
