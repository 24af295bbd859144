// Gzip size (level 9) of what each entrypoint loads: its own file plus every chunk it imports.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzip = (dir, file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** The file and the chunks it imports, transitively (paths relative to the build directory). */
function withImports(dir, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    withImports(dir, normalize(spec.startsWith('/') ? spec.slice(1) : join(dirname(file), spec)), seen);
  }
  return seen;
}

/** The scripts an HTML page of the build loads. */
const pageScripts = (dir, html) =>
  [...readFileSync(join(dir, html), 'utf8').matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)].map(([, src]) => src);

/** Bytes per entrypoint: { content, background, popup } plus the file lists behind them. */
export function entrypointSizes(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const entries = {
    content: manifest.content_scripts.flatMap((c) => c.js),
    background: [manifest.background.service_worker],
    popup: pageScripts(dir, 'popup.html'),
  };
  return Object.fromEntries(
    Object.entries(entries).map(([name, roots]) => {
      const files = [...new Set(roots.flatMap((root) => [...withImports(dir, root)]))];
      return [name, { bytes: files.reduce((sum, file) => sum + gzip(dir, file), 0), files }];
    }),
  );
}
