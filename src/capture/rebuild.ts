import { LINKEDIN_ORIGIN } from '../linkedin/selectors';
import type { Capture, CapturedElement, CapturedNode } from './types';

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (value: string) => escapeText(value).replace(/"/g, '&quot;');

/** The address a rebuilt capture stands for (no query string: the capture never holds one). */
export const captureUrl = (capture: Pick<Capture, 'path'>) => `${LINKEDIN_ORIGIN}${capture.path}`;

function html(node: CapturedNode, indent: string): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`))
    .join('');
  const open = `${indent}<${node.tag}${attrs}>`;
  if (VOID.has(node.tag)) return open;
  const children = node.children ?? [];
  // Elements with text stay on one line, so no whitespace is added to what the engine reads.
  if (children.some((c) => typeof c === 'string'))
    return `${open}${children.map((c) => html(c, '')).join('')}</${node.tag}>`;
  if (children.length === 0) return `${open}</${node.tag}>`;
  return `${open}\n${children.map((c) => html(c, `${indent}  `)).join('\n')}\n${indent}</${node.tag}>`;
}

/**
 * A capture as a whole HTML page, ready to be a test fixture: the settings area as captured, plus
 * stand-ins for what was captured only as a yes/no (the signed-in marker, a sign-in form outside
 * the area) and the switch-like controls outside it.
 */
export function captureToHtml(capture: Capture): string {
  const note =
    `Rebuilt from an Untrain capture of ${captureUrl(capture)} ` +
    `(${capture.capturedAt}, Untrain ${capture.extensionVersion}): structure only`;
  const outside: CapturedElement[] = [
    ...(capture.signals.signedIn
      ? [{ tag: 'img', attrs: { class: 'global-nav__me-photo', alt: '', src: 'data:,' } }]
      : []),
    ...(capture.signals.signInForm ? [{ tag: 'form', children: [{ tag: 'input', attrs: { type: 'password' } }] }] : []),
    ...capture.outside,
  ];
  return [
    `<!-- ${note.replace(/--/g, '- -')}. -->`,
    '<!DOCTYPE html>',
    `<html lang="${escapeAttr(capture.lang)}">`,
    '<head><meta charset="utf-8"><title>Untrain capture</title></head>',
    '<body>',
    html({ tag: 'header', children: outside }, ''),
    ...(capture.area ? [html(capture.area, '')] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
