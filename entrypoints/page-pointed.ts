import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { loadedAtOf } from '../src/linkedin/detect';
import { readPointed } from '../src/linkedin/pointed';
import type { PointedRequest } from '../src/protocol/channels';
import { takeRequest } from '../src/protocol/injected';

// Injected by the background into a LinkedIn settings tab whose report left a setting's switch
// unidentified where the member once pointed one out: reads that report's settings through the
// switches pointed out, in the document the report speaks for, at once. Reads; clicks nothing.
export default defineUnlistedScript(() => {
  const request = takeRequest() as PointedRequest | undefined;
  if (!request || request.report.loadedAt !== loadedAtOf(document)) return undefined;
  return readPointed(document, request.report, request.pointed);
});
