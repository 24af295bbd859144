// The Chrome build the scripts drive: rebuilt when a source is newer than it (or always, with force).
// mode 'bench' is the bench's variant (WXT writes it to its own directory): the only build whose
// content script emits the 'untrain:classified' measure; production builds carry none of it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_DIR = '.output/chrome-mv3';
/** Where `wxt build --mode <mode>` writes: WXT suffixes the directory with any mode but production. */
export const buildDir = (mode = 'production'): string => (mode === 'production' ? BUILD_DIR : `${BUILD_DIR}-${mode}`);

/** Newest modification time under a path, in ms. */
const newest = (path: string): number =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
    : statSync(path).mtimeMs;

/** Returns false, having said why, when the build fails. */
export function ensureBuild({ force = false, mode = 'production' }: { force?: boolean; mode?: string } = {}): boolean {
  const manifest = join(buildDir(mode), 'manifest.json');
  const sources = ['src', 'entrypoints', 'public', 'wxt.config.ts', 'package-lock.json'].filter(existsSync);
  if (!force && existsSync(manifest) && statSync(manifest).mtimeMs > Math.max(...sources.map(newest))) return true;
  const modeArgs = mode === 'production' ? [] : ['--mode', mode];
  console.log(`Building the extension${modeArgs.length ? ` (${mode} mode)` : ''}…`);
  if (spawnSync('npx', ['wxt', 'build', ...modeArgs], { stdio: 'ignore' }).status === 0 && existsSync(manifest))
    return true;
  console.error(`The build failed: run \`${['npx wxt build', ...modeArgs].join(' ')}\` to see why.`);
  return false;
}
