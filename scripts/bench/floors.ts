// The physical floors, as real extension pages and scripts of the same extension, generated into
// private copies of the bench build at bench time, so nothing test-only ships in production.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILE_HINT } from '../../build/compile-hints.ts';
import type { Manifest } from './sizes.ts';

/** The pages the popup is measured against; each sets the popup's own 'untrain:interactive' mark. */
export const FLOOR_PAGES = { blank: 'floor-blank.html', minimal: 'floor-minimal.html' };

const page = (script: string) =>
  `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>floor</title>\n ` +
  `   <script type="module" src="/${script}"></script>\n  </head>\n  <body></body>\n</html>\n`;

// An extension page that does nothing but say it is ready.
const BLANK = `performance.mark('untrain:interactive');\n`;
// The floor of any storage-driven popup: one storage read, about 40 lines of text from it.
const MINIMAL = `const items = await chrome.storage.local.get(null);
const keys = Object.keys(items);
const lines = document.createDocumentFragment();
for (let i = 0; i < 40; i++) {
  const key = keys[i % Math.max(1, keys.length)] ?? 'empty';
  const line = document.createElement('p');
  line.textContent = \`\${i + 1}. \${key}: \${JSON.stringify(items[key] ?? null).slice(0, 60)}\`;
  lines.append(line);
}
document.body.append(lines);
performance.mark('untrain:interactive');
`;
// The start-up floor any listening content script pays: it registers a message listener, nothing else.
const EMPTY_CONTENT_SCRIPT = `chrome.runtime.onMessage.addListener(() => false);\n`;
// Not a budget, a yardstick: the least any content script that reports a switch pays. It listens,
// waits for the page's switches, reads each one's id and state, and sends them (the background
// drops the message as unknown).
const READER_CONTENT_SCRIPT = `chrome.runtime.onMessage.addListener(() => false);
const read = () => {
  const found = [...document.querySelectorAll('[role="switch"]')].map((el) => [el.id, el.checked]);
  if (found.length) chrome.runtime.sendMessage({ type: 'floor:read', found }).catch(() => undefined);
  return found.length > 0;
};
if (!read()) {
  const observer = new MutationObserver(() => read() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
}
`;

/**
 * Not a budget either: the empty script, with the content script's own code beside it in a
 * function never called. V8 only pre-parses it, so this is the least a script of that size pays
 * before any of it runs (the compile hint is dropped: it would compile it all).
 */
const unreadContentScript = (code: string) =>
  `${EMPTY_CONTENT_SCRIPT}const unused = () => {\n${code.replace(COMPILE_HINT, '')}\n};\n`;

/**
 * Copies of the build in a temporary directory, each handed to the harness as `extensionDir`:
 * `extension`, the build plus the floor pages; `floorContent`, `readerContent` and `unreadContent`,
 * the same build and manifest with the content script replaced by the empty one, by the minimal
 * reader and by the empty one carrying the code. `remove()` tidies up.
 */
export function floorBuilds(buildDir: string) {
  const root = mkdtempSync(join(tmpdir(), 'untrain-bench-'));
  const extension = join(root, 'extension');
  cpSync(buildDir, extension, { recursive: true });
  writeFileSync(join(extension, FLOOR_PAGES.blank), page('floor-blank.js'));
  writeFileSync(join(extension, 'floor-blank.js'), BLANK);
  writeFileSync(join(extension, FLOOR_PAGES.minimal), page('floor-minimal.js'));
  writeFileSync(join(extension, 'floor-minimal.js'), MINIMAL);
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const withContentScript = (name: string, script: (code: string) => string) => {
    const dir = join(root, name);
    cpSync(buildDir, dir, { recursive: true });
    // The engine's script only: the empty world-first.js (document_start) stays, as in the real build.
    for (const file of manifest.content_scripts.filter((c) => c.run_at !== 'document_start').flatMap((c) => c.js))
      writeFileSync(join(dir, file), script(readFileSync(join(buildDir, file), 'utf8')));
    return dir;
  };
  const floorContent = withContentScript('floor-content', () => EMPTY_CONTENT_SCRIPT);
  const readerContent = withContentScript('reader-content', () => READER_CONTENT_SCRIPT);
  const unreadContent = withContentScript('unread-content', unreadContentScript);
  return {
    extension,
    floorContent,
    readerContent,
    unreadContent,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
