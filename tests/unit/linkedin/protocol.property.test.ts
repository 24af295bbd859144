import { describe, expect, it } from 'vitest';
import { BgToCs } from '../../../src/protocol/channels';
import { parseBgToCs } from '../../../src/protocol/guards';

// The content script's hand-written guards must accept and return exactly what the zod schemas do.
// Property test: a few thousand messages built at random from the protocol's own vocabulary and its
// near misses, with a fixed seed so a failure can be replayed.

/** Mulberry32: a tiny seeded generator, enough for reproducible test data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  'bg:ping',
  'bg:observe',
  'bg:turnOff',
  'bg:guide',
  'cs:report',
  'ui:startRun',
  'BG:PING',
  '',
  'bg:turnoff',
];
const VALUES: unknown[] = [
  undefined,
  null,
  0,
  7,
  '',
  'ai-training',
  true,
  false,
  [],
  {},
  ['ai-training'],
  { id: 1 },
  Number.NaN,
];
const KEYS = ['type', 'settingId', 'guide', 'extra', '__proto__', 'constructor'];

function arbitrary(next: () => number): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const roll = next();
  if (roll < 0.1) return pick(VALUES);
  if (roll < 0.15) return pick(TYPES);
  if (roll < 0.2) return [pick(VALUES)];
  const message: Record<string, unknown> = {};
  if (next() < 0.85) message.type = next() < 0.8 ? pick(TYPES) : pick(VALUES);
  for (let i = Math.floor(next() * 3); i > 0; i--) {
    const key = pick(KEYS);
    const value = next() < 0.5 ? pick(VALUES) : pick(TYPES);
    if (key === '__proto__')
      Object.defineProperty(message, key, { value, enumerable: true, configurable: true, writable: true });
    else message[key] = value;
  }
  return message;
}

describe('the content script guards agree with the schemas on random messages', () => {
  const next = random(0x5eed);
  const samples = Array.from({ length: 3000 }, () => arbitrary(next));

  it('generates every kind of message the content script must accept', () => {
    const accepted = new Set(samples.map((s) => BgToCs.safeParse(s)).flatMap((r) => (r.success ? [r.data.type] : [])));
    expect([...accepted].sort()).toEqual(['bg:observe', 'bg:ping']);
  });

  it('BgToCs: same verdict and the same data for every sample', () => {
    for (const sample of samples) {
      const zod = BgToCs.safeParse(sample);
      expect(parseBgToCs(sample), JSON.stringify(sample)).toEqual(zod.success ? zod.data : undefined);
    }
  });
});
