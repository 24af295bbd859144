// `npm run lint` step: no tracked code line over 120 characters. Biome's formatter wraps code at
// 120 but leaves strings, comments and test names as they are; this catches those.
// Checked: tracked .ts, .mts, .cts, .js, .mjs, .cjs, .css and .html files, except the HTML copies of
// LinkedIn pages in tests/unit/fixtures/ (JSON and Markdown are not checked at all).
// One exception: a line that is long only because of a URL, which cannot be broken. A URL is a run
// of `http://` or `https://` up to whitespace, a quote, a backtick or an angle bracket; a line is
// allowed when it fits once its longest URL is taken out.
// Prints `file:line: length` for each line over and exits 1 if there is any.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const MAX = 120;
const CODE = /\.(?:[cm]?[jt]s|css|html)$/;
const EXCLUDED = /^tests\/unit\/fixtures\//;
const URL_PATTERN = /https?:\/\/[^\s'"`<>]+/g;

/** Whether `line` is over MAX characters, not counting a single URL in it. */
export function tooLong(line: string): boolean {
  if (line.length <= MAX) return false;
  const longestUrl = Math.max(0, ...[...line.matchAll(URL_PATTERN)].map((m) => m[0].length));
  return line.length - longestUrl > MAX;
}

/** `file:line: length` for each line of `text` that is too long. */
export function longLines(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (tooLong(line) ? [`${file}:${i + 1}: ${line.length}`] : []));
}

if (process.argv[1]?.endsWith('check-lines.ts')) {
  const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((f) => CODE.test(f) && !EXCLUDED.test(f));
  const found = files.flatMap((f) => longLines(f, readFileSync(f, 'utf8')));
  for (const line of found) console.log(line);
  if (found.length > 0) {
    console.error(`${found.length} line(s) over ${MAX} characters (a URL alone may overflow)`);
    process.exit(1);
  }
}
