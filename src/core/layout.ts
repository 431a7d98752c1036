// Sheet helpers shared by every layout the core writes (the report sheet, the template,
// the 基本情况 sheet): sheet names no existing sheet has, text widths, the
// formula-looking text that must stay text, Excel's cell limit. The report sheet itself is
// src/core/report/sheet.ts.

/** Excel would take this text, typed into a cell, as a formula: it begins with = + - or @. */
export function isFormulaLike(s: string): boolean {
  return typeof s === 'string' && s.length > 0 && /^[=+\-@]/.test(s);
}

const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[\[\]:*?/\\]/g;

/** Excel compares sheet names without regard to case. */
function fold(s: string): string {
  return s.toUpperCase();
}

function cleanSheetName(s: string): string {
  let t = s.replace(BAD_SHEET_CHARS, '').replace(/[\u0000-\u001f]/g, '');
  t = t.replace(/^'+|'+$/g, '').trim();
  return t === '' ? '自评报告' : t;
}

/** Shortens to at most `n` UTF-16 units without splitting a surrogate pair. */
function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let t = s.slice(0, n);
  const last = t.charCodeAt(t.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1);
  return t;
}

/**
 * A sheet name no existing sheet has: `base`, then `base (2)`, `base (3)` …, compared
 * without regard to case as Excel does; at most 31 characters, without []:*?/\ .
 * An existing sheet is never reused, so a report the user edited is never overwritten.
 */
export function uniqueSheetName(existing: string[], base: string): string {
  const taken = new Set(existing.map(fold));
  taken.add(fold('History')); // reserved by Excel
  const b = cleanSheetName(base);
  const first = clip(b, MAX_SHEET_NAME).trim();
  if (!taken.has(fold(first))) return first;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clip(b, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(fold(name))) return name;
  }
}

/** Width of a text in Excel's character units: a full-width (CJK) character takes two. */
export function textUnits(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/** The most characters Excel keeps in one cell. */
export const MAX_CELL_TEXT = 32767;
