// Text helpers of the report: long texts split into items, writers' numbering stripped,
// sentences ended, figures of the ReadResult read as text or numbers.
//
// Long texts (年度工作完成情况, 存在问题, 改进措施, 实际完成情况) are split into items by
// splitItems(): one item per line; inside a line, at ordinal markers (一是…二是…, （1）…（2）…,
// 1、…2、…, ①…②…); for 存在问题 / 改进措施 also at '；' when nothing else splits them.
// The writer's own numbering prefixes are stripped so that the report numbers them 1. 2. …

import type { Fig, Reading } from '../types';
import { roundTo } from '../format';


const ORDINAL_CN = '一二三四五六七八九十';

/** A numbering prefix the writer typed: 1、 1. 1． (1) （1） 一、 （一） 一是 第一， ① … */
const PREFIX_RE = new RegExp(
  '^\\s*(?:' +
    [
      '[（(]\\s*[0-9０-９]{1,2}\\s*[）)]\\s*[、.．,，:：]?',
      `[（(]\\s*[${ORDINAL_CN}]{1,3}\\s*[）)]\\s*[、.．,，:：]?`,
      '[0-9０-９]{1,2}\\s*[、,，:：]',
      '[0-9０-９]{1,2}\\s*[.．](?![0-9０-９])',
      `[${ORDINAL_CN}]{1,3}\\s*[、.．,，:：]`,
      `第?[${ORDINAL_CN}]{1,3}是\\s*[、,，:：]?`,
      `第[${ORDINAL_CN}]{1,3}\\s*[、,，:：]`,
      '[①-⑳]',
    ].join('|') +
    ')\\s*',
);

/** Strips the writer's own numbering prefix (repeatedly: '1、（1）…'). */
export function stripItemNumbering(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 3; i++) {
    const m = PREFIX_RE.exec(t);
    if (!m || m[0].length === 0 || m[0].length >= t.length) break;
    t = t.slice(m[0].length).trim();
  }
  return t;
}

/** Positions in `line` where an ordinal marker starts a new item (not at 0). */
function markerSplits(line: string): number[] {
  const patterns: RegExp[] = [
    new RegExp(`第?[${ORDINAL_CN}]{1,3}是`, 'g'),
    /[（(][0-9０-９]{1,2}[）)]/g,
    /[①-⑳]/g,
  ];
  for (const re of patterns) {
    const found: number[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      const at = m.index;
      // a marker starts an item at the start of the line or after a sentence end
      if (at === 0 || /[。；;！!？?\s]/.test(line[at - 1])) found.push(at);
    }
    // it is a list only when the line starts with the first marker and has a second
    if (found.length >= 2 && found[0] === 0) return found.slice(1);
  }
  // 1、…2、… (numbers in sequence, each after a sentence end)
  const num: number[] = [];
  const re = /([0-9]{1,2})[、.．](?![0-9])/g;
  let m: RegExpExecArray | null;
  let expect = 1;
  while ((m = re.exec(line)) !== null) {
    const at = m.index;
    if (Number(m[1]) === expect && (at === 0 || /[。；;！!？?\s]/.test(line[at - 1]))) {
      num.push(at);
      expect++;
    }
  }
  if (num.length >= 2 && num[0] === 0) return num.slice(1);
  return [];
}

/**
 * A long text as items: one per line, lines split further at ordinal markers, and (when
 * `semicolons`) at '；' when nothing else split the text. Numbering prefixes are stripped.
 */
export function splitItems(text: string | undefined, semicolons = false): string[] {
  if (!text) return [];
  const lines = text
    .split(/\r\n|\r|\n|\u2028/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let items: string[] = [];
  for (const line of lines) {
    const cuts = markerSplits(line);
    let from = 0;
    for (const c of cuts) {
      items.push(line.slice(from, c));
      from = c;
    }
    items.push(line.slice(from));
  }
  if (semicolons && items.length === 1) {
    const parts = items[0].split(/[；;]/).map((p) => p.trim()).filter((p) => p !== '' && !/^[。.]$/.test(p));
    if (parts.length >= 2) items = parts;
  }
  return items
    .map((s) => stripItemNumbering(s))
    .map((s) => s.replace(/^[；;，,、\s]+/, '').trim())
    .filter((s) => s !== '' && !/^[。；;，,.、]+$/.test(s))
    .map(endSentence);
}

/** Ends a sentence with '。' unless it already ends with a punctuation mark. */
export function endSentence(s: string): string {
  const t = s.trim().replace(/[；;，,、]+$/, '');
  if (t === '') return t;
  return /[。！？!?…）)”」》]$/.test(t) ? t : t + '。';
}

/** A text without its final sentence mark (to embed it in a sentence). */
export function bare(s: string): string {
  return s.trim().replace(/[。；;，,、.\s]+$/, '');
}

export function textOf(f: Fig<string> | undefined): string | undefined {
  if (!f || typeof f.value !== 'string') return undefined;
  const t = f.value.trim();
  return t === '' ? undefined : t;
}

export function numOf(f: Fig<number | null> | undefined): number | undefined {
  if (!f || typeof f.value !== 'number' || !Number.isFinite(f.value)) return undefined;
  return f.value;
}

export function readingText(f: Fig<Reading> | undefined): string | undefined {
  if (!f || !f.value) return undefined;
  const t = (f.value.text ?? '').trim();
  if (t === '' || f.value.kind === 'empty') return undefined;
  return t;
}

export const sameAt2 = (a: number, b: number) => roundTo(a, 2) === roundTo(b, 2);
