// Gzip size (level 9) of what each entrypoint loads: its own file plus every chunk it imports.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The part of the built manifest that names the entrypoints. */
export interface Manifest {
  content_scripts: { js: string[]; run_at?: string }[];
  background: { service_worker: string };
}

const gzip = (dir: string, file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

/** The file and the chunks it imports, transitively (paths relative to the build directory). */
function withImports(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    withImports(dir, normalize(spec!.startsWith('/') ? spec!.slice(1) : join(dirname(file), spec!)), seen);
  }
  return seen;
}

/** The scripts an HTML page of the build loads. */
const pageScripts = (dir: string, html: string) =>
  [...readFileSync(join(dir, html), 'utf8').matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)].map(([, src]) => src!);

/** Bytes per entrypoint: { content, background, popup } plus the file lists behind them. */
export function entrypointSizes(dir: string): Record<string, { bytes: number; files: string[] }> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
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
