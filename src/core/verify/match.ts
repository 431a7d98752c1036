// How a figure in the text is matched to the workbook's facts: by the words around it (shared
// character pairs with the fact's label) and by value (within the rounding the text shows).

import type { Fact } from './facts';
import { normCountUnit } from './facts';
import type { TextFigure } from './types';

/** Letters, digits and CJK only. */
export function words(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The character pairs of a text's words (digits dropped: they are the figures, not what they are about). */
export function bigrams(s: string): Set<string> {
  const w = words(s).replace(/[0-9]+/g, ' ');
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) if (w[i] !== ' ' && w[i + 1] !== ' ') out.add(w.slice(i, i + 2));
  return out;
}

const pairCache = new Map<string, Set<string>>();

/** The pairs of a label (labels repeat across figures: computed once). */
export function labelPairs(label: string): Set<string> {
  let b = pairCache.get(label);
  if (!b) {
    b = bigrams(label);
    if (pairCache.size > 20000) pairCache.clear();
    pairCache.set(label, b);
  }
  return b;
}

/** How many of the label's pairs the context holds, and which share of the label that is. */
export function overlap(label: string, context: Set<string>): { shared: number; coverage: number } {
  const lb = labelPairs(label);
  let shared = 0;
  for (const b of lb) if (context.has(b)) shared++;
  return { shared, coverage: lb.size ? shared / lb.size : 0 };
}

/** The step a 余/多 figure stands for: 500余 -> 100, 20余 -> 10, 3万余 -> 10000. */
function moreStep(v: number): number {
  if (v <= 0) return 1;
  return Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
}

/** The rounding a written figure allows, in the fact's terms (amounts in 万元). */
function tolerance(t: TextFigure): number {
  const half = 0.5 * Math.pow(10, -t.decimals) + 1e-9;
  if (t.cls === 'amount' && t.unit === '元') return half / 1e4;
  if (t.cls === 'amount' && t.unit === '亿元') return half * 1e4;
  return half;
}

/** A number in the text against a table number (value as the fact holds it). */
export function sameNumber(t: TextFigure, value: number, f?: Pick<Fact, 'more' | 'approx'>): boolean {
  const v = t.value;
  if (Math.abs(v - value) <= tolerance(t)) return true;
  if (t.more && value >= v && value < v + moreStep(v)) return true;
  if (f?.more && v >= value && v < value + moreStep(value)) return true;
  if ((t.approx && !t.more) || (f?.approx && !f.more)) return Math.abs(v - value) <= 0.1 * Math.max(Math.abs(v), Math.abs(value));
  return false;
}

/** The facts a figure can be compared with: same class, and for counts the same unit. */
export function sameKind(t: TextFigure, facts: Fact[]): Fact[] {
  if (t.cls === 'count') {
    const u = normCountUnit(t.unit);
    return facts.filter((f) => f.cls === 'count' && f.unit === u);
  }
  return facts.filter((f) => f.cls === t.cls);
}

export function equalFact(t: TextFigure, f: Fact): boolean {
  if (t.cls === 'grade') return f.unit === t.unit;
  return sameNumber(t, f.value, f);
}
