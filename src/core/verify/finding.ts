// A TextFinding: its rule's severity, the paragraph, a short quote of the sentence, the cell.

import type { Ref } from '../types';
import { textRule, type TextRuleId } from './rules';
import type { Paragraph, TextFigure, TextFinding } from './types';

/** How long a quote may be, in characters. */
export const QUOTE_MAX = 40;

/** A short quote: the sentence, or a window of it around [start, end). */
export function quoteOf(text: string, start = 0, end = text.length): string {
  const t = text.trim();
  if (t.length <= QUOTE_MAX) return t;
  const off = text.indexOf(t);
  const s = Math.max(0, start - off);
  const e = Math.max(s, end - off);
  const room = Math.max(0, QUOTE_MAX - (e - s));
  let a = Math.max(0, s - Math.floor(room / 2));
  const b = Math.min(t.length, a + QUOTE_MAX);
  a = Math.max(0, b - QUOTE_MAX);
  return (a > 0 ? '…' : '') + t.slice(a, b) + (b < t.length ? '…' : '');
}

/** The quote of a figure: its sentence, narrowed around it when long. */
export function quoteFigure(f: TextFigure): string {
  return quoteOf(f.sentence, f.start - f.sentenceStart, f.end - f.sentenceStart);
}

export function textFinding(
  rule: TextRuleId,
  p: Paragraph,
  quote: string,
  message: string,
  ref?: Ref,
  values: { expected?: number | string; actual?: number | string } = {},
): TextFinding {
  const f: TextFinding = {
    rule,
    severity: textRule(rule).severity,
    sheet: ref?.sheet ?? '',
    cell: ref?.cell ?? '',
    message,
    paragraph: p.no,
    quote,
    origin: p.origin,
  };
  if (ref) f.ref = { sheet: ref.sheet, cell: ref.cell };
  if (values.expected !== undefined) f.expected = values.expected;
  if (values.actual !== undefined) f.actual = values.actual;
  return f;
}
