// A worksheet part -> its populated cells (a holey array of holey rows: a far cell costs what
// it holds), its merges (ranges, never expanded) and its hidden columns.

import type { Area, Cell } from '../../core/grid';
import { toCell, type RawCell } from './cellValue';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, corrupt } from './limits';
import type { Attrs, XmlHandler } from './xml';

/** A sheet-local problem: the sheet becomes unreadable, the others are checked. */
export class SheetError extends Error {}

export interface SheetContext {
  file: string;
  sheetName: string;
  /** cellXfs index -> number format code (undefined: General). */
  formats: (string | undefined)[];
  sst: (i: number) => string;
  date1904: boolean;
  /** Called once per stored cell (the workbook's cell limit). */
  onCell: () => void;
  /** Called once per merge (the workbook's merge limit). */
  onMerge: () => void;
}

interface ColSpec {
  min: number;
  max: number;
  hidden: boolean;
}

const A = 65;

/** 'XFD1048576' -> column index (0-based) and row number (1-based; 0 when the address has none). */
function splitRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) & ~32;
    if (ch < A || ch > 90) break;
    col = col * 26 + (ch - A + 1);
    if (col > EXCEL_MAX_COLS) return { col: col - 1, row: 0 };
  }
  if (i === 0) return { col: -1, row: 0 };
  const row = i < ref.length ? Number(ref.slice(i)) : 0;
  return { col: col - 1, row: Number.isInteger(row) ? row : -1 };
}

const enum Text {
  None,
  Val,
  Formula,
  Run,
}

export class SheetParser implements XmlHandler {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: Area[] = [];
  /** Indices of the rows holding cells, in the order first filled. */
  private readonly filled: number[] = [];
  private readonly cols: ColSpec[] = [];
  private inData = false;
  private inMerges = false;
  private inCols = false;
  private row: (Cell | undefined)[] | undefined;
  private rowNo = 0;
  private col = -1;
  private cell: RawCell | undefined;
  private mode = Text.None;
  private fText = '';
  private runText: string | undefined;
  /** Depth inside a phonetic run (<rPh>), whose text is not the cell's. */
  private skip = 0;

  constructor(private readonly ctx: SheetContext) {}

  private beyond(what: string, n: number | string, max: number): never {
    throw corrupt(this.ctx.file, `工作表“${this.ctx.sheetName}”的${what} ${n} 超出 Excel 的上限 ${max.toLocaleString('en-US')}`);
  }

  open(name: string, a: Attrs): void {
    if (this.skip) {
      this.skip++;
      return;
    }
    if (this.inData) return this.openData(name, a);
    switch (name) {
      case 'sheetData':
        this.inData = true;
        return;
      case 'mergeCells':
        this.inMerges = true;
        return;
      case 'mergeCell':
        if (this.inMerges) this.addMerge(a.ref);
        return;
      case 'cols':
        this.inCols = true;
        return;
      case 'col':
        if (this.inCols) this.cols.push({ min: parseInt(a.min || '0', 10), max: parseInt(a.max || '0', 10), hidden: a.hidden === '1' || a.hidden === 'true' });
        return;
    }
  }

  private openData(name: string, a: Attrs): void {
    switch (name) {
      case 'row':
        return this.openRow(a);
      case 'c':
        return this.openCell(a);
      case 'v':
        if (this.cell) this.mode = Text.Val;
        return;
      case 'f':
        if (!this.cell) return;
        this.mode = Text.Formula;
        this.fText = '';
        if (a.t !== undefined) this.cell.formula = true;
        return;
      case 'r':
        if (this.cell) this.runText = '';
        return;
      case 't':
        if (this.cell) this.mode = this.runText !== undefined ? Text.Run : Text.Val;
        return;
      case 'rPh':
        this.skip = 1;
        return;
    }
  }

  private openRow(a: Attrs): void {
    const r = a.r === undefined ? this.rowNo + 1 : Number(a.r);
    if (!Number.isInteger(r) || r < 1) throw new SheetError(`行号不正确：${a.r}`);
    if (r > EXCEL_MAX_ROWS) this.beyond('行号', a.r, EXCEL_MAX_ROWS);
    this.rowNo = r;
    this.col = -1;
    // A row given twice: the later one replaces the earlier (as ExcelJS reads it).
    this.row = undefined;
    if (this.rows[r - 1]) delete this.rows[r - 1];
  }

  private openCell(a: Attrs): void {
    if (this.rowNo === 0) throw new SheetError('单元格不在任何行中');
    let col = this.col + 1;
    if (a.r !== undefined) {
      const ref = splitRef(a.r);
      if (ref.col < 0 || ref.row < 0) throw new SheetError(`单元格地址不正确：${a.r}`);
      if (ref.col >= EXCEL_MAX_COLS) this.beyond('列', a.r, EXCEL_MAX_COLS);
      if (ref.row > EXCEL_MAX_ROWS) this.beyond('行号', a.r, EXCEL_MAX_ROWS);
      col = ref.col;
    }
    if (col >= EXCEL_MAX_COLS) this.beyond('列', col + 1, EXCEL_MAX_COLS);
    this.col = col;
    const s = a.s ? parseInt(a.s, 10) : 0;
    this.cell = { t: a.t, fmt: s ? this.ctx.formats[s] : undefined, val: undefined, runs: undefined, formula: false };
  }

  text(t: string): void {
    const cell = this.cell;
    if (!cell || this.skip) return;
    switch (this.mode) {
      case Text.Val:
        cell.val = cell.val === undefined ? t : cell.val + t;
        return;
      case Text.Formula:
        this.fText += t;
        return;
      case Text.Run:
        this.runText += t;
        return;
    }
  }

  close(name: string): void {
    if (this.skip) {
      this.skip--;
      return;
    }
    switch (name) {
      case 'v':
      case 't':
        this.mode = Text.None;
        return;
      case 'f':
        if (this.cell && this.fText !== '') this.cell.formula = true;
        this.mode = Text.None;
        return;
      case 'r':
        if (this.cell && this.runText !== undefined) (this.cell.runs ??= []).push(decodeEscapes(this.runText));
        this.runText = undefined;
        return;
      case 'c':
        return this.closeCell();
      case 'sheetData':
        this.inData = false;
        return;
      case 'mergeCells':
        this.inMerges = false;
        return;
      case 'cols':
        this.inCols = false;
        return;
    }
  }

  private closeCell(): void {
    const raw = this.cell;
    this.cell = undefined;
    this.mode = Text.None;
    if (!raw) return;
    const cell = toCell(raw, this.ctx.sst, this.ctx.date1904);
    const r = this.rowNo - 1;
    let row = this.row;
    if (cell === undefined) return;
    if (!row) {
      row = this.row = this.rows[r] = [];
      this.filled.push(r);
    }
    if (!row[this.col]) this.ctx.onCell();
    row[this.col] = cell;
  }

  private addMerge(ref: string | undefined): void {
    if (!ref) return;
    const [p, q] = ref.split(':');
    const a = splitRef(p.replace(/\$/g, ''));
    const b = q === undefined ? a : splitRef(q.replace(/\$/g, ''));
    for (const x of [a, b]) {
      if (x.col < 0 || x.row < 1) throw new SheetError(`合并区域不正确：${ref}`);
      if (x.col >= EXCEL_MAX_COLS) this.beyond('合并区域', ref, EXCEL_MAX_COLS);
      if (x.row > EXCEL_MAX_ROWS) this.beyond('合并区域', ref, EXCEL_MAX_ROWS);
    }
    this.ctx.onMerge();
    this.merges.push({ r1: Math.min(a.row, b.row) - 1, c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row) - 1, c2: Math.max(a.col, b.col) });
  }

  /** The indices of the rows holding cells, ascending. */
  populated(): number[] {
    const f = this.filled;
    let sorted = true;
    for (let i = 1; i < f.length && sorted; i++) sorted = f[i - 1] < f[i];
    if (sorted) return f;
    return [...new Set(f)].sort((x, y) => x - y).filter((r) => this.rows[r] !== undefined);
  }

  /** Hidden columns, 0-based, as ExcelJS expands <col> ranges (sorted by min; a later range does not reach back). */
  hiddenColumns(): number[] {
    const out: number[] = [];
    const cols = [...this.cols].sort((x, y) => x.min - y.min);
    let next = 1;
    for (const c of cols) {
      if (next < c.min) next = c.min;
      const max = Math.min(c.max, EXCEL_MAX_COLS);
      for (; next <= max; next++) if (c.hidden) out.push(next - 1);
    }
    return out;
  }
}

/** ExcelJS's reading of `_xHHHH_` escapes in <t> texts of shared strings and rich runs. */
export function decodeEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
