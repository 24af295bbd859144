// Turn a capture (a member's saved page structure) into an HTML fixture.
//   npx jiti scripts/capture-to-fixture.ts tests/captures/<name>.json [tests/unit/fixtures/<name>.html]
// Without an output path the page is printed. A fixture written to tests/unit/fixtures/ is picked up
// by the round-trip test (tests/unit/capture/capture.test.ts) through the address in its header.
import { readFileSync, writeFileSync } from 'node:fs';
import { captureToHtml } from '../src/capture/rebuild';
import { CaptureSchema } from '../src/capture/schema';

const [input, output] = process.argv.slice(2);
if (!input) {
  console.error('usage: npx jiti scripts/capture-to-fixture.ts <capture.json> [fixture.html]');
  process.exit(2);
}
const parsed = CaptureSchema.safeParse(JSON.parse(readFileSync(input, 'utf8')));
if (!parsed.success) {
  console.error(`${input} is not an Untrain capture:\n${parsed.error.message}`);
  process.exit(1);
}
const html = captureToHtml(parsed.data);
if (output) {
  writeFileSync(output, html);
  console.error(`${output}: ${html.length} bytes`);
} else {
  process.stdout.write(html);
}
