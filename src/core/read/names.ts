// Names as the reader keeps them: standard level names, level-3 names without numbering, and the
// template's blank lines.

import { cleanLevel, level1Of, level2Of } from '../labels';
import { toHalfWidth } from '../value';

/** Half-width, without white space. */
export const half = (s: string): string => toHalfWidth(s).replace(/[\s\u3000]/g, '');

/** A level-1 name as the standard names it where it matches one, else the cleaned text. */
export function standardLevel1(s: string): string {
  return level1Of(s) ?? cleanLevel(s);
}

/** A level-2 name as the standard names it where it matches one, else the cleaned text. */
export function standardLevel2(s: string): string {
  return level2Of(s) ?? cleanLevel(s);
}

/** A level-3 name without its numbering prefix (指标1： 1. 1、 (1) ①). */
export function stripNumbering(s: string): string {
  let t = s.replace(/^[\s\u3000]+/, '').trim();
  t = t.replace(/^指标\s*[0-9０-９]+\s*[:：.、．]\s*/, '');
  t = t.replace(/^[0-9０-９]+\s*(?:[、．]|\.(?![0-9０-９]))\s*/, '');
  t = t.replace(/^[（(]\s*[0-9０-９]+\s*[)）]\s*/, '');
  t = t.replace(/^[①-⑳]\s*/, '');
  return t.trim();
}

/** A template placeholder name: empty, 指标2, 1, ……. */
export function isTemplateName(s: string): boolean {
  const t = half(s).replace(/[:：.、]+$/, '');
  if (t === '') return true;
  if (/^(三级)?指标[0-9]*$/.test(t) || /^[0-9]+$/.test(t)) return true;
  if (/^[.。…·\-—_、]+$/.test(t)) return true;
  return false;
}

/** A core indicator's mark: ★ (or ☆) before its name. */
export function isCoreName(s: string): boolean {
  return /^[\s\u3000]*[★☆]/.test(s);
}

/** The name without its core mark. */
export function stripCoreMark(s: string): string {
  return s.replace(/^[\s\u3000]*[★☆]+[\s\u3000]*/, '');
}

/** A detail line of the indicator above it: 其中：…, 其中… . */
export function isDetailName(s: string): boolean {
  return /^[\s\u3000]*其中/.test(s);
}
