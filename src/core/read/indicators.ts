// The indicator block (workbook.md §3.4): one indicator per row below the header until the totals
// row. Level cells inherit downwards; ★ core indicators keep their 其中 lines and the rows their
// merged 分值/得分 covers as details, never as indicators of their own.

import { cellText, isBlank } from '../grid';
import type { Indicator, IndicatorDetail, Ref, Table } from '../types';
import { labelWeight } from '../labels';
import { parseReading } from '../value';
import type { Ctx } from './figures';
import type { IndHeader } from './indicatorHeader';
import { rowLabelIs } from './match';
import { isCoreName, isDetailName, isTemplateName, standardLevel1, standardLevel2, stripCoreMark, stripNumbering } from './names';
import type { View } from './view';
import { GRADE_LABEL, TOTALS_ROW, type IndCol } from './vocabulary';

type Cols = Partial<Record<IndCol, number>>;
type Level = { text: string; ref: Ref };

/** The state carried from row to row: inherited level cells and the declared level-1 weights seen. */
class Walk {
  prev1?: Level;
  prev2?: Level;
  seenL1 = new Set<string>();
  lastGroup = '';
  constructor(
    readonly view: View,
    readonly cols: Cols,
  ) {}

  level(r: number, col: number | undefined, prev: Level | undefined): Level {
    if (col === undefined) return prev ?? { text: '', ref: this.view.ref(r, this.cols.name ?? 0) };
    const s = this.view.shown(r, col);
    if (!isBlank(s.cell)) return { text: cellText(s.cell).trim(), ref: this.view.ref(s.r, s.c) };
    return prev ?? { text: '', ref: this.view.ref(r, col) };
  }

  /** The row's level cells; a new level-1 cell starts a new group (no level-2 inherited across groups). */
  levels(r: number, table: Table): { l1: Level; l2: Level } {
    const l1 = this.level(r, this.cols.level1, this.prev1);
    if (this.prev1 && l1.ref.cell !== this.prev1.ref.cell) this.prev2 = undefined;
    const l2 = this.level(r, this.cols.level2, this.prev2);
    this.prev1 = l1;
    this.prev2 = l2;
    if (this.cols.level1 !== undefined && l1.text) this.declare(l1, table);
    return { l1, l2 };
  }

  /** One declared weight per group: a merged cell, a cell with blanks below, or the same text repeated row by row. */
  private declare(l1: Level, table: Table): void {
    const key = l1.ref.cell;
    const w = labelWeight(l1.text);
    const group = standardLevel1(l1.text) + '\u0000' + String(w);
    if (!this.seenL1.has(key) && group !== this.lastGroup && w !== undefined) table.level1Weights.push({ name: standardLevel1(l1.text), weight: w, ref: l1.ref });
    this.seenL1.add(key);
    this.lastGroup = group;
  }
}

const blankAt = (view: View, r: number, col: number | undefined): boolean => col === undefined || isBlank(view.shown(r, col).cell);

/** A row under the header that carries no indicator: a note merged across the name column (其他需要说明事项). */
function isNoteRow(view: View, r: number, cols: Cols): boolean {
  const first = view.row(r)[0];
  if (!first || cols.name === undefined || first.c >= cols.name) return false;
  return view.endCol(r, first.c) >= cols.name;
}

/** Whether the row's 分值 or 得分 cell is covered by a merge that starts on an earlier row. */
function coveredFromAbove(view: View, r: number, cols: Cols): number | undefined {
  for (const col of [cols.score, cols.weight]) {
    if (col === undefined) continue;
    const m = view.mergeAt(r, col);
    if (m && m.r1 < r) return m.r1;
  }
  return undefined;
}

/** The row has a 分值 of its own (not one merged down from above). */
function ownWeight(view: View, r: number, cols: Cols): boolean {
  if (cols.weight === undefined) return false;
  const m = view.mergeAt(r, cols.weight);
  return !(m && m.r1 < r) && !isBlank(view.cell(r, cols.weight));
}

function detailOf(ctx: Ctx, view: View, r: number, cols: Cols, nameRaw: string): IndicatorDetail {
  const nameCol = cols.name ?? 0;
  const ns = view.shown(r, nameCol);
  return {
    name: stripNumbering(nameRaw),
    nameRef: view.ref(ns.r, ns.c),
    target: cols.target !== undefined ? ctx.reading(view, r, cols.target, '年度指标值') : { value: parseReading(''), ref: view.ref(r, nameCol) },
    actual: cols.actual !== undefined ? ctx.reading(view, r, cols.actual, '实际完成值') : { value: parseReading(''), ref: view.ref(r, nameCol) },
  };
}

function readOptional(ctx: Ctx, view: View, r: number, cols: Cols, ind: Indicator): void {
  if (cols.weight !== undefined) ind.weight = ctx.num(view, r, cols.weight, '分值');
  if (cols.score !== undefined) ind.score = ctx.num(view, r, cols.score, '得分');
  if (cols.deviation !== undefined) ind.deviation = ctx.text(view, r, cols.deviation, '偏差原因');
  const texts: [IndCol, 'tier' | 'comparator' | 'unit' | 'criteria', string][] = [
    ['tier', 'tier', '完成档次'],
    ['comparator', 'comparator', '指标性质'],
    ['unit', 'unit', '度量单位'],
    ['criteria', 'criteria', '评分标准'],
  ];
  for (const [col, field, label] of texts) {
    const c = cols[col];
    if (c === undefined) continue;
    const f = ctx.text(view, r, c, label);
    if (f.value) ind[field] = f;
  }
}

function newIndicator(ctx: Ctx, view: View, r: number, cols: Cols, lv: { l1: Level; l2: Level }, nameRaw: string): Indicator {
  const d = detailOf(ctx, view, r, cols, stripCoreMark(nameRaw));
  const ind: Indicator = { level1: standardLevel1(lv.l1.text), level1Ref: lv.l1.ref, level2: standardLevel2(lv.l2.text), level2Ref: lv.l2.ref, ...d };
  if (isCoreName(nameRaw)) ind.core = true;
  readOptional(ctx, view, r, cols, ind);
  return ind;
}

/** Reads the indicators below header h; returns the row it stopped at (a totals or grade row, or r1). */
export function readIndicators(ctx: Ctx, view: View, table: Table, h: IndHeader, stops: number[], r1: number): number {
  const cols = h.cols;
  const walk = new Walk(view, cols);
  let last: { ind: Indicator; row: number } | undefined;
  for (const r of view.rowsIn(h.bottom + 1, r1)) {
    if (stops.includes(r)) return r;
    const row = view.row(r);
    if (rowLabelIs(row, TOTALS_ROW) || rowLabelIs(row, GRADE_LABEL)) return r;
    if (isNoteRow(view, r, cols)) continue;
    const lv = walk.levels(r, table);
    const nameRaw = view.shownText(r, cols.name);
    const empty = [cols.target, cols.actual, cols.weight, cols.score].every((c) => blankAt(view, r, c));
    if (empty && isTemplateName(nameRaw)) continue;
    const ownScore = !blankAt(view, r, cols.score) || !blankAt(view, r, cols.weight);
    const top = ownWeight(view, r, cols) ? undefined : coveredFromAbove(view, r, cols);
    if (last && ((top !== undefined && top === last.row) || (isDetailName(nameRaw) && !ownScore))) {
      (last.ind.details ??= []).push(detailOf(ctx, view, r, cols, nameRaw));
      continue;
    }
    const ind = newIndicator(ctx, view, r, cols, lv, nameRaw);
    table.indicators.push(ind);
    last = { ind, row: r };
  }
  return r1;
}

/** A page cut short: its last indicator row shows only a name (no target, actual, 分值 or 得分). */
export function dropCutEdge(table: Table): Indicator | undefined {
  const last = table.indicators[table.indicators.length - 1];
  if (!last) return undefined;
  const blank = (f: { value: unknown } | undefined): boolean => !f || f.value === null || f.value === '';
  if (last.target.value.kind === 'empty' && last.actual.value.kind === 'empty' && blank(last.weight) && blank(last.score) && !last.details) return table.indicators.pop();
  return undefined;
}
