// The indicator table of one level-1 group in 三（二）, in one of three shapes:
//   scored     二级指标 | 三级指标 | 指标值 | 完成值 | 分值 | 得分
//   unscored   二级指标 | 三级指标 | 指标值 | 完成值 | 得分       (no 分值 column: the 20 + 80 layout)
//   scoring    二级指标 | 三级指标 | 分值 | 评分标准 | 自评得分   (a department scoring table)
// A ★ core indicator is marked; its 其中 detail lines follow it, indented, with their target
// and actual and no score: they are not indicators and are never counted as such.

import type { IndicatorDetail, Table } from '../types';
import type { Ctx, Scored } from './context';
import { lab } from './context';
import { readingText, textOf } from './text';
import { num, text, type ReportCell, type ReportTable } from './model';
import * as W from './wording';

export type Shape = 'scored' | 'unscored' | 'scoring';

export function shapeOf(t: Table, unscored: boolean): Shape {
  if (t.kind === 'department-scoring') return 'scoring';
  return unscored ? 'unscored' : 'scored';
}

const HEADERS: Record<Shape, { header: string[]; widths: number[] }> = {
  scored: { header: W.INDICATOR_HEADER, widths: [13, 25, 14, 14, 8, 8] },
  unscored: { header: W.INDICATOR_HEADER_UNSCORED, widths: [13, 29, 16, 16, 8] },
  scoring: { header: W.SCORING_HEADER, widths: [12, 20, 7, 34, 9] },
};

export function indicatorTable(c: Ctx, t: Table, list: Scored[], shape: Shape, caption?: string): Omit<ReportTable, 'type'> {
  const rows: ReportCell[][] = [];
  for (const s of list) {
    rows.push(indicatorRow(c, t, s, shape));
    for (const d of Array.isArray(s.ind.details) ? s.ind.details : []) rows.push(detailRow(c, t, d, shape));
  }
  return { caption, ...HEADERS[shape], rows };
}

/** The shown name of an indicator: ★ before a core indicator. */
export function shownName(s: Scored): string {
  return s.ind.core ? W.CORE_MARK + s.ind.name : s.ind.name;
}

function valueCells(c: Ctx, t: Table, name: string, target: IndicatorDetail['target'], actual: IndicatorDetail['actual']): ReportCell[] {
  const tt = readingText(target);
  const at = readingText(actual);
  if (tt) c.b.fig(lab(t, `${name}：指标值`), tt, tt, target.ref);
  if (at) c.b.fig(lab(t, `${name}：完成值`), at, at, actual.ref);
  return [text(tt ?? W.NOT_FILLED_CELL), text(at ?? W.NOT_FILLED_CELL)];
}

function weightCell(c: Ctx, t: Table, s: Scored): ReportCell {
  if (s.weight === undefined || !s.ind.weight) return text(W.NONE_CELL);
  c.b.score(lab(t, `${s.ind.name}：分值`), s.weight, s.ind.weight.ref);
  return num(s.weight, 'score');
}

function scoreCell(c: Ctx, t: Table, s: Scored): ReportCell {
  if (s.score === undefined) return text(W.NONE_CELL);
  const stated = s.recomputed && s.stated !== undefined && Math.abs(s.stated - s.score) >= 0.005 ? W.NOTE_STATED(`${s.stated}分`) : undefined;
  c.b.score(lab(t, `${s.ind.name}：得分${s.recomputed ? '（重算）' : ''}`), s.score, s.ind.score?.ref ?? s.ind.nameRef, stated);
  return num(s.score, 'score');
}

function indicatorRow(c: Ctx, t: Table, s: Scored, shape: Shape): ReportCell[] {
  const head = [text(s.ind.level2), text(shownName(s))];
  if (shape === 'scoring') {
    const crit = textOf(s.ind.criteria);
    return [...head, weightCell(c, t, s), text(crit ? W.shortCriteria(crit) : W.NONE_CELL), scoreCell(c, t, s)];
  }
  const values = valueCells(c, t, s.ind.name, s.ind.target, s.ind.actual);
  if (shape === 'unscored') return [...head, ...values, scoreCell(c, t, s)];
  return [...head, ...values, weightCell(c, t, s), scoreCell(c, t, s)];
}

function detailRow(c: Ctx, t: Table, d: IndicatorDetail, shape: Shape): ReportCell[] {
  const head = [text(''), text(W.DETAIL_INDENT + (d?.name ?? ''))];
  if (shape === 'scoring') return [...head, text(''), text(''), text('')];
  const values = d && d.target && d.actual ? valueCells(c, t, d.name, d.target, d.actual) : [text(W.NOT_FILLED_CELL), text(W.NOT_FILLED_CELL)];
  return shape === 'unscored' ? [...head, ...values, text('')] : [...head, ...values, text(''), text('')];
}
