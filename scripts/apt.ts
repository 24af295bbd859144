// Debian's browsers drive the real-browser tests, the demo and the bench; a missing one is
// installed with apt-get.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface DebianBrowser {
  /** As the member knows it: 'Chromium'. */
  name: string;
  /** Where it is looked for: `process.env[pathVariable]` or Debian's path. */
  path: string;
  pathVariable: string;
  /** Debian's package. */
  pkg: string;
}

/** True once the browser is at its path, installing Debian's package first if it is missing. */
export function ensureInstalled({ name, path, pathVariable, pkg }: DebianBrowser): boolean {
  if (existsSync(path)) return true;
  console.log(`${name} not found at ${path}: installing Debian's ${pkg} with apt-get...`);
  const apt = (args: string[]) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0;
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', pkg]) && existsSync(path)) return true;
  console.error(
    `Could not install ${name} (apt-get needs root and Debian's package mirror). ` +
      `Install it yourself (apt-get install ${pkg}) or set ${pathVariable}, then run npm test again.`,
  );
  return false;
}
