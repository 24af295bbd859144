import type { BgToCs } from './channels';

// Hand-written twins of the zod schemas in ./channels.ts: zod would triple the content script's
// size. tests/unit/linkedin/content.test.ts checks they accept and return what the schemas do.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseBgToCs(message: unknown): BgToCs | undefined {
  if (!isRecord(message)) return undefined;
  const { type } = message;
  return type === 'bg:observe' || type === 'bg:ping' ? { type } : undefined;
}
