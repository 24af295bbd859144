import type { CapturedElement, CapturedNode } from './types';

const describe = (el: CapturedElement) =>
  [
    el.tag,
    ...Object.entries(el.attrs ?? {}).map(([name, value]) =>
      value === '' ? name : `${name}=${JSON.stringify(value)}`,
    ),
  ].join(' ');

/** Text directly under an element, whitespace collapsed; '' when it has none. */
const ownText = (el: CapturedElement) =>
  (el.children ?? [])
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A captured tree as indented lines a person can read: one element per line with its kept
 * attributes, and its kept text in quotes.
 */
export function outline(node: CapturedNode | null, depth = 0): string[] {
  if (!node || typeof node === 'string') return [];
  const text = ownText(node);
  const line = `${'  '.repeat(depth)}${describe(node)}${text ? ` ${JSON.stringify(text)}` : ''}`;
  return [line, ...(node.children ?? []).flatMap((child) => outline(child, depth + 1))];
}
