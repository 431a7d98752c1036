// Reading one figure from its cell: numbers, rates, texts and indicator values, each with its
// reference; a cell that cannot be read is reported on that cell (structure.cell_error), once.

import type { Cell } from '../grid';
import { cellText, isBlank } from '../grid';
import type { Fig, Finding, Reading } from '../types';
import { isDateFormat, parseReading, readNumber, readRate, serialToYmd, ymdText } from '../value';
import type { View } from './view';
import { addr } from './view';

/** A cell's text as a message quotes it: at most 40 characters (a cell may hold 100,000). */
export function clipText(t: string, max = 40): string {
  return t.length > max ? t.slice(0, max) + '…' : t;
}

type Shown = { cell: Cell | undefined; r: number; c: number };

/** The findings of one read, and the figure readers that make them. */
export class Ctx {
  readonly findings: Finding[] = [];
  private readonly errorCells = new Set<string>();

  /** Adds a finding the reader met. */
  add(f: Finding): void {
    this.findings.push(f);
  }

  private once(view: View, r: number, c: number): boolean {
    const key = `${view.name}!${r}:${c}`;
    if (this.errorCells.has(key)) return false;
    this.errorCells.add(key);
    return true;
  }

  cellError(view: View, r: number, c: number, err: string, what: string, label?: string): void {
    if (!this.once(view, r, c)) return;
    const where = label ? `“${label}”` : '';
    this.findings.push({
      rule: 'structure.cell_error',
      severity: 'error',
      sheet: view.name,
      cell: addr(r, c),
      message: `${where}单元格显示错误值 ${err}，无法读取该${what}`,
      actual: err,
    });
  }

  /**
   * A figure cell that holds something other than a number: TRUE/FALSE, a date (a serial number with
   * a date format: it shows a date, not the number), or text without a readable figure. It is read
   * as no figure, and reported on its cell, never taken silently as empty.
   */
  cellUnreadable(view: View, r: number, c: number, cell: Cell, label: string): void {
    if (!this.once(view, r, c)) return;
    const { what, shown } = describeUnreadable(cell);
    this.findings.push({
      rule: 'structure.cell_error',
      severity: 'error',
      sheet: view.name,
      cell: addr(r, c),
      message: `“${label}”单元格${what}，不是数字，无法读取`,
      actual: shown,
    });
  }

  /** A figure cell holding an Excel error or a date, which no number may be read from: reported on its cell. */
  private notANumber(view: View, s: Shown, label: string): Fig<number | null> | undefined {
    const cell = s.cell;
    const ref = view.ref(s.r, s.c);
    if (cell?.error) {
      this.cellError(view, s.r, s.c, cell.error, '数字', label);
      return { value: null, ref, error: cell.error, text: cell.error };
    }
    if (cell && typeof cell.value === 'number' && isDateFormat(cell.format)) {
      this.cellUnreadable(view, s.r, s.c, cell, label);
      return { value: null, ref, text: cellText(cell) };
    }
    return undefined;
  }

  private status(view: View, s: Shown, label: string, fig: { error?: string }, rd: { status: string; error?: string }): void {
    if (rd.status === 'error' && rd.error) {
      fig.error = rd.error;
      this.cellError(view, s.r, s.c, rd.error, '数字', label);
    }
    if (rd.status === 'unreadable' && s.cell && !isBlank(s.cell)) this.cellUnreadable(view, s.r, s.c, s.cell, label);
  }

  /** A number figure at (r, c) (the shown cell), scaled by `scale`. */
  num(view: View, r: number, c: number, label: string, scale = 1, own = false): Fig<number | null> {
    const s = own ? { cell: view.cell(r, c), r, c } : view.shown(r, c);
    const bad = this.notANumber(view, s, label);
    if (bad) return bad;
    const cell = s.cell;
    const rd = readNumber(cell);
    const fig: Fig<number | null> = { value: rd.status === 'ok' && rd.value !== null && rd.value !== undefined ? rd.value * scale : null, ref: view.ref(s.r, s.c) };
    const text = cell ? cellText(cell) : '';
    if (text !== '' && (typeof cell?.value !== 'number' || scale !== 1)) fig.text = text;
    this.status(view, s, label, fig, rd);
    return fig;
  }

  rate(view: View, r: number, c: number, label: string): Fig<number | null> & { decimals?: number } {
    const s = view.shown(r, c);
    const bad = this.notANumber(view, s, label);
    if (bad) return bad;
    const cell = s.cell;
    const rd = readRate(cell);
    const fig: Fig<number | null> & { decimals?: number } = { value: rd.status === 'ok' && rd.value !== null && rd.value !== undefined ? rd.value : null, ref: view.ref(s.r, s.c) };
    if (rd.status === 'ok' && typeof rd.decimals === 'number') fig.decimals = rd.decimals;
    const text = cell ? cellText(cell) : '';
    if (text !== '') fig.text = text;
    this.status(view, s, label, fig, rd);
    return fig;
  }

  text(view: View, r: number, c: number, label: string): Fig<string> {
    const s = view.shown(r, c);
    const ref = view.ref(s.r, s.c);
    const cell = s.cell;
    if (cell?.error) {
      this.cellError(view, s.r, s.c, cell.error, '内容', label);
      return { value: '', ref, error: cell.error, text: cell.error };
    }
    return { value: isBlank(cell) ? '' : cellText(cell).trim(), ref };
  }

  reading(view: View, r: number, c: number, label: string): Fig<Reading> {
    const s = view.shown(r, c);
    const ref = view.ref(s.r, s.c);
    const cell = s.cell;
    if (cell?.error) {
      this.cellError(view, s.r, s.c, cell.error, '指标值', label);
      return { value: parseReading(''), ref, error: cell.error, text: cell.error };
    }
    return { value: parseReading(cell ?? ''), ref };
  }
}

function describeUnreadable(cell: Cell): { what: string; shown: string } {
  if (typeof cell.value === 'number') {
    const ymd = Number.isFinite(cell.value) && isDateFormat(cell.format) ? serialToYmd(cell.value) : null;
    const shown = ymd === null ? '数值无效' : ymdText(ymd);
    return { shown, what: ymd === null ? '的数值无效' : `显示的是日期 ${shown}` };
  }
  if (typeof cell.value === 'boolean') {
    const shown = cell.value ? 'TRUE' : 'FALSE';
    return { shown, what: `是逻辑值 ${shown}` };
  }
  const shown = clipText(cellText(cell).trim());
  return { shown, what: `的内容“${shown}”` };
}
