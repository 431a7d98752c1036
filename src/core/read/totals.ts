// Totals (workbook.md §3.5): the 总分 row's 分值 and 得分, and the stated grade.

import type { Fig, Table, Totals } from '../types';
import { labelWeight, matchLabel, splitLabelValue } from '../labels';
import { readNumber } from '../value';
import type { Ctx } from './figures';
import type { IndHeader } from './indicatorHeader';
import { rowLabelIs } from './match';
import { half } from './names';
import type { View } from './view';
import { GRADE_LABEL, GRADE_WORDS, TOTALS_ROW } from './vocabulary';

/** The first totals row in [from, r1), or -1. */
export function findTotalsRow(view: View, from: number, r1: number): number {
  for (const r of view.rowsIn(from, r1)) if (rowLabelIs(view.row(r), TOTALS_ROW)) return r;
  return -1;
}

function readTotalsRow(ctx: Ctx, view: View, t: number, h: IndHeader | undefined): Totals {
  const cols = h?.cols ?? {};
  const label = view.row(t)[0];
  const totals: Totals = { labelRef: view.ref(t, label.c) };
  if (cols.weight !== undefined) totals.weight = ctx.num(view, t, cols.weight, '总分分值');
  else {
    const w = labelWeight(label.text);
    if (w !== undefined) totals.weight = { value: w, ref: totals.labelRef, text: label.text };
  }
  // A cell merged in from the left (自评等级 … 优 spanning the 得分 column) is not the total's 得分.
  const fromLeft = (c: number): boolean => (view.mergeAt(t, c)?.c1 ?? c) < c;
  if (cols.score !== undefined && !fromLeft(cols.score)) totals.score = ctx.num(view, t, cols.score, '总分得分');
  if (cols.weight === undefined && (!totals.score || totals.score.value === null)) {
    // No 分值 column: the first number right of the label is the stated total.
    const end = view.endCol(t, label.c);
    for (const o of view.row(t)) {
      if (o.c <= end) continue;
      if (o.cell.error || readNumber(o.cell).status === 'ok') {
        totals.score = ctx.num(view, t, o.c, '总分');
        break;
      }
    }
  }
  return totals;
}

/** The grade after a 评价等级 label (own row or the totals row), else alone at the right end of the totals row. */
function readGrade(ctx: Ctx, view: View, t: number, from: number, r1: number): Fig<string> | undefined {
  const start = t >= 0 ? t : from;
  for (const r of view.rowsIn(start, Math.min(r1, start + 6))) {
    for (const o of view.row(r)) {
      if (typeof o.cell.value !== 'string') continue;
      if (matchLabel(o.text, GRADE_LABEL)) {
        const next = view.nextRight(r, o.c);
        return next ? ctx.text(view, r, next.c, '评价等级') : { value: '', ref: view.ref(r, view.endCol(r, o.c) + 1) };
      }
      const sv = splitLabelValue(o.text);
      if (sv && matchLabel(sv.label, GRADE_LABEL)) return { value: sv.value, ref: view.ref(r, o.c), text: o.text };
    }
  }
  if (t < 0) return undefined;
  const row = view.row(t);
  const last = row[row.length - 1];
  if (row.length > 1 && typeof last.cell.value === 'string' && GRADE_WORDS.has(half(last.text))) return { value: last.text.trim(), ref: view.ref(t, last.c) };
  return undefined;
}

/** Reads the totals from row `from` on; returns the totals row, or -1 when the table has none. */
export function readTotals(ctx: Ctx, view: View, table: Table, h: IndHeader | undefined, from: number, r1: number): number {
  const t = findTotalsRow(view, from, r1);
  let totals = t >= 0 ? readTotalsRow(ctx, view, t, h) : undefined;
  const grade = readGrade(ctx, view, t, from, r1);
  if (grade) {
    if (!totals) totals = { labelRef: grade.ref };
    totals.grade = grade;
  }
  if (totals) table.totals = totals;
  return t;
}
