import { z } from 'zod/mini';
import { REGION_IDS } from './ids.ts';

/** A region's id, as catalogued and as stored: its own module, so storage's schemas carry none of the catalogue's. */
export const RegionId = z.enum(REGION_IDS);
export type RegionId = z.infer<typeof RegionId>;
