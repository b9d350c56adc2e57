/**
 * Bundles the browser modules and the style sheet into public/assets with content hashes in
 * their names, and writes manifest.json so pages can link the current files. Each text file is
 * also compressed once here, at the highest levels (brotli 11, gzip 9), into .br and .gz beside
 * it, which the server sends as they are. Run by `npm start` and `npm test`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

// The service worker is a classic script of its own (no chunks, no imports), served at /sw.js by
// the installable-app feature with the shell's file names before it.
const worker = await build({
  absWorkingDir: root,
  entryPoints: ['src/client/sw.ts'],
  outdir,
  entryNames: '[name].[hash]',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'chrome80', 'firefox78', 'safari13'],
  metafile: true,
  logLevel: 'warning',
});

const manifest: Record<string, string> = {};
for (const [file, output] of [...Object.entries(result.metafile.outputs), ...Object.entries(worker.metafile.outputs)]) {
  if (output.entryPoint === undefined) continue;
  const logical = path.basename(output.entryPoint).replace(/\.ts$/, '.js');
  manifest[logical] = path.basename(file);
}
// The chunks a page that works offline loads on demand, and what they import: the service worker
// keeps them with the app shell (they are dynamic imports, so their names come from here).
const offline = new Set<string>();
const addWithImports = (file: string) => {
  if (offline.has(file)) return;
  offline.add(file);
  for (const imported of result.metafile.outputs[file]?.imports ?? [])
    if (imported.kind === 'import-statement') addWithImports(imported.path);
};
for (const [file, output] of Object.entries(result.metafile.outputs))
  if (output.entryPoint === 'src/client/modules/draft-queue.ts') addWithImports(file);
if (offline.size === 0) throw new Error('The drafts queue was not built into a chunk of its own');
manifest.offline = [...offline].map((file) => path.basename(file)).join(' ');
writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of readdirSync(outdir)) {
  if (!/\.(js|css|svg|json)$/.test(file)) continue;
  const bytes = readFileSync(path.join(outdir, file));
  writeFileSync(
    path.join(outdir, `${file}.br`),
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  writeFileSync(path.join(outdir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
}
console.log(`client assets: ${Object.values(manifest).join(', ')} (with .br and .gz)`);
