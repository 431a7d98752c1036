// The funds block (workbook.md §3.2): header, 年度资金总额 and its component rows, and the splits
// of a department total (按收入性质分 / 按支出性质分) written as 'label：amount' cells.

import type { Fig, FundsBlock, FundsRow, FundsRowKind, FundsSplit } from '../types';
import { labelWeight, matchLabel } from '../labels';
import { readNumber } from '../value';
import type { Ctx } from './figures';
import type { ColMatch } from './match';
import { rowLabelIs } from './match';
import { half } from './names';
import type { OwnCell, View } from './view';
import { FUNDS_ROWS, FUNDS_SPLITS, GOALS_ROW, TOTALS_ROW, type FundsCol } from './vocabulary';

type Unit = '万元' | '元';

function unitOf(t: string): Unit | undefined {
  const s = half(t).replace(/[:：]/g, '');
  if (/\(万元\)?/.test(s) || /单位万元/.test(s)) return '万元';
  if (/\(元\)?$|\(元\)/.test(s) || /单位元/.test(s)) return '元';
  return undefined;
}

function firstUnit(cells: OwnCell[]): Unit | undefined {
  for (const o of cells) {
    const u = unitOf(o.text);
    if (u) return u;
  }
  return undefined;
}

/** Unit: from the header's own labels, else the column labels, else a 单位：元 note above. */
function blockUnit(view: View, h: number, headerCells: OwnCell[], cols: ColMatch<FundsCol>, from: number): Unit {
  const notesAbove: OwnCell[] = [];
  for (const r of view.rowsIn(from, h)) for (const o of view.row(r)) if (/单位/.test(o.text)) notesAbove.push(o);
  return firstUnit(headerCells) ?? firstUnit(Object.values(cols.cells) as OwnCell[]) ?? firstUnit(notesAbove) ?? '万元';
}

/** The funds-row label of a row, left of the amount columns. */
function rowLabel(row: OwnCell[], firstCol: number): { cell: OwnCell; kind: FundsRowKind } | undefined {
  for (const o of row) {
    if (o.c >= firstCol) break;
    if (typeof o.cell.value !== 'string') continue;
    const raw = o.text.replace(/^[\s\u3000]*其中[\s\u3000]*[：:]?/, '');
    const k = matchLabel(raw, FUNDS_ROWS) as FundsRowKind | undefined;
    if (k) return { cell: o, kind: k };
  }
  return undefined;
}

function readRow(ctx: Ctx, view: View, r: number, label: { cell: OwnCell; kind: FundsRowKind }, cols: ColMatch<FundsCol>, scale: number): FundsRow {
  const fr: FundsRow = { kind: label.kind, label: label.cell.text.trim(), labelRef: view.ref(r, label.cell.c) };
  const amount = (col: number | undefined, name: string): Fig<number | null> | undefined => {
    if (col === undefined) return undefined;
    // A value merged down from the row above belongs to that row.
    const m = view.mergeAt(r, col);
    if (m && m.r1 < r) return { value: null, ref: view.ref(r, col) };
    return ctx.num(view, r, col, name, scale);
  };
  const initial = amount(cols.map.initial, '年初预算数');
  const adjusted = amount(cols.map.adjusted, '全年预算数');
  const executed = amount(cols.map.executed, '全年执行数');
  if (initial) fr.initial = initial;
  if (adjusted) fr.adjusted = adjusted;
  if (executed) fr.executed = executed;
  if (label.kind === 'total') {
    if (cols.map.weight !== undefined) fr.weight = ctx.num(view, r, cols.map.weight, '分值');
    if (cols.map.rate !== undefined) fr.rate = ctx.rate(view, r, cols.map.rate, '执行率');
    if (cols.map.score !== undefined) fr.score = ctx.num(view, r, cols.map.score, '得分');
  }
  return fr;
}

/** Reads the funds block whose header is row h, down to (not including) row `end`. */
export function readFunds(ctx: Ctx, view: View, h: number, cols: ColMatch<FundsCol>, from: number, end: number): FundsBlock {
  const firstCol = Math.min(...(Object.values(cols.map) as number[]));
  const headerCells = view.row(h).filter((o) => o.c < firstCol);
  const unit = blockUnit(view, h, headerCells, cols, from);
  const scale = unit === '元' ? 1 / 10000 : 1;
  const has = (k: FundsCol): boolean => cols.map[k] !== undefined;
  const block: FundsBlock = {
    headerRef: view.ref(h, headerCells.length ? headerCells[0].c : firstCol),
    unit,
    columns: { initial: has('initial'), adjusted: has('adjusted'), executed: has('executed'), weight: has('weight'), rate: has('rate'), score: has('score') },
    rows: [],
  };
  for (const o of headerCells) {
    const w = labelWeight(o.text);
    if (w !== undefined) {
      block.headerWeight = { value: w, ref: view.ref(h, o.c), text: o.text };
      break;
    }
  }
  if (readInline(ctx, view, h, cols, end, scale, block)) return block;
  for (const r of view.rowsIn(h + 1, end)) {
    const row = view.row(r);
    const label = rowLabel(row, firstCol);
    if (label) block.rows.push(readRow(ctx, view, r, label, cols, scale));
    else if (rowLabelIs(row, TOTALS_ROW) || rowLabelIs(row, GOALS_ROW)) break;
  }
  const splits = readSplits(view, h + 1, end, scale);
  if (splits.length) block.splits = splits;
  return block;
}

/** 'label：amount' in one cell, with 其中： removed; undefined when the cell is not of that form. */
function labelAmount(text: string, scale: number): { label: string; value: number | null } | undefined {
  const t = text.replace(/^[\s\u3000]*其中[\s\u3000]*[：:]/, '').trim();
  const i = Math.max(t.lastIndexOf(':'), t.lastIndexOf('：'));
  if (i <= 0) return undefined;
  const label = t.slice(0, i).trim();
  const rest = t.slice(i + 1).trim();
  if (rest === '') return { label, value: null };
  const rd = readNumber(rest);
  if (rd.status !== 'ok' || rd.value === null || rd.value === undefined) return undefined;
  return { label, value: rd.value * scale };
}

/** The splits of the total: a head cell '按收入性质分：2030.12' and the 'label：amount' cells below it in its column. */
function readSplits(view: View, from: number, end: number, scale: number): FundsSplit[] {
  const splits: FundsSplit[] = [];
  const byCol = new Map<number, FundsSplit>();
  for (const r of view.rowsIn(from, end)) {
    for (const o of view.row(r)) {
      if (typeof o.cell.value !== 'string') continue;
      const la = labelAmount(o.text, scale);
      const kind = la ? (matchLabel(la.label, FUNDS_SPLITS) as FundsSplit['kind'] | undefined) : (matchLabel(o.text, FUNDS_SPLITS) as FundsSplit['kind'] | undefined);
      if (kind) {
        const s: FundsSplit = { kind, label: o.text.trim(), ref: view.ref(r, o.c), parts: [] };
        if (la && la.value !== null) s.stated = { value: la.value, ref: s.ref, text: o.text };
        splits.push(s);
        byCol.set(o.c, s);
        continue;
      }
      const s = byCol.get(o.c);
      if (s && la) s.parts.push({ label: la.label, amount: { value: la.value, ref: view.ref(r, o.c), text: o.text } });
    }
  }
  return splits;
}

// ---- the key–value layout: 预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 on one row, 其中：财政资金 | 6.84 below

/** The number cell right of a label cell, when there is one. */
function numberRight(view: View, r: number, c: number | undefined): OwnCell | undefined {
  if (c === undefined) return undefined;
  const next = view.nextRight(r, c);
  return next && readNumber(next.cell).status === 'ok' ? next : undefined;
}

/** The rate: a rate label on the row above the header with a number under it, on the header row. */
function inlineRate(ctx: Ctx, view: View, h: number): FundsRow['rate'] {
  for (const o of view.row(h - 1)) {
    if (matchLabel(o.text, FUNDS_COLS_RATE) !== 'rate') continue;
    const own = view.row(h).find((x) => x.c === o.c);
    if (own && readNumber(own.cell).status === 'ok') return ctx.rate(view, h, o.c, '执行率');
  }
  return undefined;
}

/** Reads the key–value layout into block; false when the header is not of that layout. */
function readInline(ctx: Ctx, view: View, h: number, cols: ColMatch<FundsCol>, end: number, scale: number, block: FundsBlock): boolean {
  const adj = numberRight(view, h, cols.map.adjusted);
  const exe = numberRight(view, h, cols.map.executed);
  if (!adj || !exe) return false;
  const head = cols.cells.adjusted!;
  const total: FundsRow = { kind: 'total', label: head.text.trim(), labelRef: view.ref(h, head.c) };
  total.adjusted = ctx.num(view, h, adj.c, '全年预算数', scale);
  total.executed = ctx.num(view, h, exe.c, '全年执行数', scale);
  const rate = inlineRate(ctx, view, h);
  if (rate) total.rate = rate;
  block.rows.push(total);
  for (const r of view.rowsIn(h + 1, end)) {
    let fr: FundsRow | undefined;
    for (const [key, col] of [['adjusted', cols.map.adjusted], ['executed', cols.map.executed]] as const) {
      const label = view.row(r).find((o) => o.c === col);
      const kind = label && (matchLabel(label.text.replace(/^[\s\u3000]*其中[\s\u3000]*[：:]?/, ''), FUNDS_ROWS) as FundsRowKind | undefined);
      const value = numberRight(view, r, col);
      if (!label || !kind || !value) continue;
      fr ??= { kind, label: label.text.trim(), labelRef: view.ref(r, label.c) };
      fr[key] = ctx.num(view, r, value.c, key === 'adjusted' ? '全年预算数' : '全年执行数', scale);
    }
    if (fr) block.rows.push(fr);
  }
  return true;
}

const FUNDS_COLS_RATE = ['rate|执行率|预算执行率|预算执行进度'];
