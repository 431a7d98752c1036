// One quantity stated with two values (text.conflict): two figures of one class whose words
// and scope are the same but whose values differ. A pair where both figures agree with the
// table figure their words name best is two quantities, not one.

import type { Evaluation } from '../engine';
import { textFinding, quoteFigure } from './finding';
import { equalFact, sameNumber } from './match';
import { factText, type FigureMatch, whereRef } from './figureRules';
import { MSG } from './messages';
import { whereOf } from './text';
import { scopeOf } from './scope';
import { words } from './match';
import type { TextFigure, TextFinding } from './types';

/** The words a figure is stated with (figures.ts: its own, or when they are few with the sentence's words before its clause). */
function keyOf(t: TextFigure): string {
  const strip = (s: string) => words(s).replace(/[0-9]+/g, '').replace(/^(其中|截至)/, '').replace(/(为|是|达|约|共)$/, '');
  return strip(t.subject);
}

function sameValue(a: TextFigure, b: TextFigure): boolean {
  if (a.cls === 'grade') return a.unit === b.unit;
  return sameNumber(a, b.value, b) || sameNumber(b, a.value, a);
}

/** A figure after a comparator is a target (≥95%), not a statement of what was done. */
const TARGET_WORDS = /(≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过|不大于|不小于|以上|以内|目标|计划|指标值为?)\s*$/;

const agrees = (m: FigureMatch) => !!m.named && equalFact(m.figure, m.named);

/**
 * The conflicts among the figures. A pair where one figure already has an error of its own (it
 * differs from its table figure, or its unit slipped) is not reported again as a conflict.
 */
export function findConflicts(ev: Evaluation, matches: FigureMatch[]): TextFinding[] {
  const out: TextFinding[] = [];
  const hasError = (m: FigureMatch) => m.finding?.severity === 'error';
  const first = new Map<string, FigureMatch>();
  const reported = new Set<string>();
  for (const m of matches) {
    const t = m.figure;
    if (t.paragraph.origin.kind === 'table' || t.paragraph.row !== undefined || TARGET_WORDS.test(t.lead)) continue;
    const k = keyOf(t);
    if (!/[\u4e00-\u9fff]{2}/.test(k)) continue;
    const key = `${t.cls}|${t.cls === 'count' ? t.unit : ''}|${k}|${scopeOf(ev, t)}`;
    const prev = first.get(key);
    if (!prev) {
      first.set(key, m);
      continue;
    }
    const p = prev.figure;
    const sameClause = p.paragraph === t.paragraph && p.clause === t.clause && Math.abs(p.start - t.start) <= p.clause.length;
    if (sameClause || sameValue(p, t) || reported.has(key) || (agrees(prev) && agrees(m)) || hasError(prev) || hasError(m)) continue;
    reported.add(key);
    const table = m.named ?? prev.named;
    const msg = MSG.conflict(k, p.text, whereOf(p.paragraph), t.text, table ? `${factText(table)}（${whereRef(table)}）` : undefined);
    out.push(textFinding('text.conflict', t.paragraph, quoteFigure(t), msg, table?.ref, { expected: p.text, actual: t.text }));
  }
  return out;
}
