// `npm run zip`: the store packages, named from package.json's name and version, in .output/:
//   untrain-<version>-chrome.zip   Chrome Web Store (Edge Add-ons takes the same file)
//   untrain-<version>-firefox.zip  addons.mozilla.org
//   untrain-<version>-sources.zip  the sources AMO asks for; docs/store/BUILD.md says how to build them
// `npm run zip -- --verify` then builds the sources zip as a reviewer would (a fresh directory,
// `npm ci`, `npm run build:firefox`) and checks that every file matches the Firefox zip's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const zips = {
  chrome: `.output/${name}-${version}-chrome.zip`,
  firefox: `.output/${name}-${version}-firefox.zip`,
  sources: `.output/${name}-${version}-sources.zip`,
};

function run(cmd: string, args: string[], cwd = process.cwd()) {
  const status = spawnSync(cmd, args, { cwd, stdio: 'inherit' }).status;
  if (status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${status}) in ${cwd}`);
}

// WXT packs the working tree (minus node_modules, .output...), so the sources must be the commit's.
const dirty = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout?.trim();
if (dirty && !process.argv.includes('--allow-dirty')) {
  console.error(
    `The sources zip would not match a commit; commit or remove these first (or pass --allow-dirty):\n${dirty}`,
  );
  process.exit(1);
}

rmSync('.output', { recursive: true, force: true });
run('npx', ['wxt', 'zip']);
run('npx', ['wxt', 'zip', '-b', 'firefox']);
for (const file of Object.values(zips)) if (!existsSync(file)) throw new Error(`missing ${file}`);

if (process.argv.includes('--verify')) {
  const dir = mkdtempSync(join(tmpdir(), `${name}-sources-`));
  try {
    const sources = await JSZip.loadAsync(readFileSync(zips.sources));
    for (const entry of Object.values(sources.files)) {
      if (entry.dir) continue;
      mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
      writeFileSync(join(dir, entry.name), await entry.async('nodebuffer'));
    }
    run('npm', ['ci', '--no-audit', '--no-fund'], dir);
    run('npm', ['run', 'build:firefox'], dir);
    const shipped = await JSZip.loadAsync(readFileSync(zips.firefox));
    const differ: string[] = [];
    for (const entry of Object.values(shipped.files)) {
      if (entry.dir) continue;
      const built = join(dir, '.output/firefox-mv2', entry.name);
      if (!existsSync(built) || !readFileSync(built).equals(await entry.async('nodebuffer'))) differ.push(entry.name);
    }
    if (differ.length) throw new Error(`the sources build differs from ${zips.firefox} in: ${differ.join(', ')}`);
    console.log(
      `\nverified: the sources zip builds to exactly the ${Object.keys(shipped.files).length} entries ` +
        `of ${zips.firefox}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`\n${Object.values(zips).join('\n')}`);
