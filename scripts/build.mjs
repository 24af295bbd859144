// The Chrome build the scripts drive: rebuilt when a source is newer than it (or always, with force).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_DIR = '.output/chrome-mv3';

/** Newest modification time under a path, in ms. */
const newest = (path) =>
  statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : statSync(path).mtimeMs;

/** Returns false, having said why, when the build fails. */
export function ensureBuild({ force = false } = {}) {
  const manifest = join(BUILD_DIR, 'manifest.json');
  const sources = ['src', 'entrypoints', 'public', 'wxt.config.ts', 'package-lock.json'].filter(existsSync);
  if (!force && existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(...sources.map(newest))) return true;
  console.log('Building the extension…');
  if (spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' }).status === 0) return true;
  console.error('The build failed: run `npx wxt build` to see why.');
  return false;
}
