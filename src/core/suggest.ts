// The one exact value a finding's cell should hold, where the engine knows it: a recomputed
// indicator score, 执行率, 执行率得分, the total, the grade, an amount converted from 元. The
// pane offers it (采用建议值) and writes nothing without the user's click; the value keeps the
// cell's kind (a number stays a number in the unit it is written in, a grade stays text).

import type { Cell, Grid } from './grid';
import { cellAt, parseA1 } from './grid';
import type { Finding } from './types';
import { roundTo } from './format';

export interface Suggestion {
  sheet: string;
  cell: string;
  /** The value as the cell holds it now. */
  current: string | number;
  /** The value to write (the cell keeps its number format). */
  value: string | number;
  /** Both values as the pane shows them. */
  currentText: string;
  valueText: string;
}

/** The cell a finding is on, in the grid. */
export function findingCell(f: { sheet: string; cell: string }, grid: Grid): Cell | undefined {
  const sheet = grid.sheets.find((s) => s.name === f.sheet);
  if (!sheet) return undefined;
  try {
    const { r, c } = parseA1(f.cell);
    return cellAt(sheet, r, c);
  } catch {
    return undefined;
  }
}

/** Decimals a number format shows ('0.00%' -> 2, 'General' -> undefined). */
function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  const m = /0\.(0+)/.exec(format);
  return m ? m[1].length : /0/.test(format) ? 0 : undefined;
}

/** '92.5%' -> 0.925. */
function percentText(s: string | number | undefined): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(-?\d+(?:\.\d+)?)%$/.exec(s.trim());
  return m ? Number(m[1]) / 100 : undefined;
}

function shown(v: string | number): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(12))) : v;
}

function make(f: Finding, cell: Cell, value: string | number): Suggestion | undefined {
  const current = cell.value as string | number;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if (value === current) return undefined;
  return { sheet: f.sheet, cell: f.cell, current, value, currentText: shown(current), valueText: shown(value) };
}

/** A number suggestion for a numeric cell. */
function numeric(f: Finding, cell: Cell, value: number | undefined, digits = 2): Suggestion | undefined {
  if (typeof cell.value !== 'number' || cell.formula || value === undefined) return undefined;
  return make(f, cell, roundTo(value, digits));
}

/**
 * 执行率: the recomputed rate in the unit the cell is written in. A cell holding 0.925 (shown
 * as a percentage) gets a fraction, a cell holding 92.5 gets percent points; the digits kept are
 * those the format shows, plus two (so the stated rate stands within any tolerance).
 */
function rateSuggestion(f: Finding, cell: Cell): Suggestion | undefined {
  const rate = percentText(f.expected);
  const stated = percentText(f.actual);
  if (rate === undefined || stated === undefined || typeof cell.value !== 'number' || cell.formula || stated === 0) return undefined;
  const scale = Math.abs(cell.value / stated - 100) < 1e-6 ? 100 : Math.abs(cell.value / stated - 1) < 1e-6 ? 1 : undefined;
  if (scale === undefined) return undefined;
  const shownDecimals = formatDecimals(cell.format) ?? 2;
  const digits = scale === 1 && cell.format?.includes('%') ? shownDecimals + 2 : shownDecimals + (scale === 1 ? 4 : 2);
  return make(f, cell, roundTo(rate * scale, Math.min(digits, 8)));
}

/**
 * The one value the engine knows the finding's cell should hold, or undefined: for the checks
 * whose expected figure is exact (rules.md §2) and only when the cell holds a plain value of
 * the same kind (never over a formula).
 */
export function suggestionFor(f: Finding, grid: Grid): Suggestion | undefined {
  const cell = findingCell(f, grid);
  if (!cell || cell.error || cell.value === null || typeof cell.value === 'boolean') return undefined;
  switch (f.rule) {
    case 'score.recomputed':
    case 'exec.score':
    case 'score.total':
      return typeof f.expected === 'number' ? numeric(f, cell, f.expected) : undefined;
    case 'exec.rate':
      return rateSuggestion(f, cell);
    case 'score.grade':
      return typeof f.expected === 'string' && typeof cell.value === 'string' && !cell.formula ? make(f, cell, f.expected) : undefined;
    case 'funds.unit':
      return typeof cell.value === 'number' ? numeric(f, cell, cell.value / 10000, 6) : undefined;
    default:
      return undefined;
  }
}
