// Headings of a written report by their numbering: 一、 (section), （一） or （1） (subsection),
// 1. / 1、 (item). A section or subsection heading is a short paragraph without a sentence end.

import { chineseNumeral, toHalfWidth } from '../value';
import type { Paragraph } from './types';

export type Marker =
  | { level: 1; n: number; style: 'cn'; mark: string }
  | { level: 2; n: number; style: 'cn' | 'ar'; mark: string }
  | { level: 3; n: number; style: 'ar'; mark: string };

export interface Numbered {
  p: Paragraph;
  marker: Marker;
  /** The heading's text without its number. */
  title: string;
}

const CN = '一二三四五六七八九十';
const L1 = new RegExp(`^([${CN}]{1,3})\\s*[、.]`);
const L2CN = new RegExp(`^[(]\\s*([${CN}]{1,3})\\s*[)]`);
const L2AR = /^[(]\s*(\d{1,2})\s*[)]/;
const L3 = /^(\d{1,2})\s*[、.](?!\d)/;

/** Short, and no sentence inside: a heading as typed. */
export function headingLike(p: Paragraph, text: string): boolean {
  return p.heading === true || (text.length <= 50 && !/[。；;！？!?]/.test(text));
}

function cnNumber(s: string): number | undefined {
  const n = chineseNumeral(s);
  return n !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The numbering a paragraph opens with, if it is a heading or a numbered item. Table cells have none. */
export function markerOf(p: Paragraph): Numbered | undefined {
  if (p.origin.kind === 'table' || p.row !== undefined) return undefined;
  const original = p.text.trim();
  const text = toHalfWidth(original);
  const mk = (m: RegExpExecArray) => original.slice(0, m[0].length);
  const head = headingLike(p, text);
  let m: RegExpExecArray | null;
  if (head && (m = L1.exec(text))) {
    const n = cnNumber(m[1]);
    if (n) return { p, marker: { level: 1, n, style: 'cn', mark: mk(m) }, title: original.slice(m[0].length).trim() };
  }
  if (head && (m = L2CN.exec(text))) {
    const n = cnNumber(m[1]);
    if (n) return { p, marker: { level: 2, n, style: 'cn', mark: mk(m) }, title: original.slice(m[0].length).trim() };
  }
  if (head && (m = L2AR.exec(text))) return { p, marker: { level: 2, n: Number(m[1]), style: 'ar', mark: mk(m) }, title: original.slice(m[0].length).trim() };
  if ((m = L3.exec(text))) return { p, marker: { level: 3, n: Number(m[1]), style: 'ar', mark: mk(m) }, title: original.slice(m[0].length).trim() };
  return undefined;
}

export function numberedOf(paragraphs: Paragraph[]): Numbered[] {
  const out: Numbered[] = [];
  for (const p of paragraphs) {
    const n = markerOf(p);
    if (n) out.push(n);
  }
  return out;
}
