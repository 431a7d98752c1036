// A sheet as the block readers see it: its non-empty cells per row (sparse: only the rows that
// hold something are stored and visited), a merge lookup and A1 references.

import type { Area, Cell, Sheet } from '../grid';
import { a1, cellText, forEachDefined, forEachRow, isBlank } from '../grid';
import type { Ref } from '../types';

export interface OwnCell {
  c: number;
  cell: Cell;
  text: string;
}

const KEY = 16384;
const BIG_MERGE = 4096;
const NO_CELLS: OwnCell[] = [];

const colNames: string[] = [];
/** a1() with the column names cached: the reader makes tens of thousands of refs. */
export function addr(r: number, c: number): string {
  let name = colNames[c];
  if (name === undefined) {
    name = a1(0, c).replace(/[0-9]+$/, '');
    if (c < KEY) colNames[c] = name;
  }
  return name + String(r + 1);
}

/** A sheet with its non-empty cells per row and a merge lookup. */
export class View {
  readonly name: string;
  /** The rows that hold at least one own cell, ascending. */
  readonly used: number[] = [];
  private readonly own = new Map<number, OwnCell[]>();
  private readonly mergeMap = new Map<number, Area>();
  private readonly bigMerges: Area[] = [];

  constructor(readonly sheet: Sheet) {
    this.name = sheet.name;
    for (const m of sheet.merges ?? []) this.addMerge(m);
    forEachRow(sheet, (row, r) => {
      // A row that is not a list of cells: the sheet cannot be read (readWorkbook reports it).
      if (!Array.isArray(row)) throw new Error(`row ${r + 1} is not a list of cells`);
      const out: OwnCell[] = [];
      forEachDefined(row, (cell, c) => {
        if (isBlank(cell)) return;
        const m = this.mergeAt(r, c);
        if (m && (m.r1 !== r || m.c1 !== c)) return;
        out.push({ c, cell, text: cellText(cell) });
      });
      if (!out.length) return;
      out.sort((x, y) => x.c - y.c);
      this.own.set(r, out);
      this.used.push(r);
    });
  }

  private addMerge(m: Area | undefined): void {
    if (!m || (m.r1 === m.r2 && m.c1 === m.c2)) return;
    const size = (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
    if (size > BIG_MERGE) {
      this.bigMerges.push(m);
      return;
    }
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (!this.mergeMap.has(r * KEY + c)) this.mergeMap.set(r * KEY + c, m);
  }

  /** One past the last row that holds something. */
  get nRows(): number {
    return this.used.length ? this.used[this.used.length - 1] + 1 : 0;
  }

  /** The own non-empty cells of row r, left to right (empty for a row that holds nothing). */
  row(r: number): OwnCell[] {
    return this.own.get(r) ?? NO_CELLS;
  }

  /** The rows in [r0, r1) that hold something, ascending. */
  rowsIn(r0: number, r1: number): number[] {
    let lo = 0;
    let hi = this.used.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.used[mid] < r0) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.used.length && this.used[i] < r1; i++) out.push(this.used[i]);
    return out;
  }

  /** The first row at or after r that holds something, or -1. */
  nextUsed(r: number, r1 = Infinity): number {
    const rows = this.rowsIn(r, r1);
    return rows.length ? rows[0] : -1;
  }

  mergeAt(r: number, c: number): Area | undefined {
    const m = this.mergeMap.get(r * KEY + c);
    if (m) return m;
    for (const b of this.bigMerges) if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) return b;
    return undefined;
  }

  cell(r: number, c: number): Cell | undefined {
    const row = this.sheet.rows[r];
    return row ? row[c] : undefined;
  }

  /** The cell that shows at (r, c): the top-left of its merged area, or the cell itself. */
  shown(r: number, c: number): { cell: Cell | undefined; r: number; c: number } {
    const m = this.mergeAt(r, c);
    if (m) return { cell: this.cell(m.r1, m.c1), r: m.r1, c: m.c1 };
    return { cell: this.cell(r, c), r, c };
  }

  /** The text that shows at (r, c), trimmed; '' for a blank cell. */
  shownText(r: number, c: number | undefined): string {
    if (c === undefined) return '';
    const s = this.shown(r, c);
    return isBlank(s.cell) ? '' : cellText(s.cell).trim();
  }

  /** The last column a cell at (r, c) spans. */
  endCol(r: number, c: number): number {
    const m = this.mergeAt(r, c);
    return m ? m.c2 : c;
  }

  ref(r: number, c: number): Ref {
    return { sheet: this.name, cell: addr(r, c) };
  }

  /** The first non-empty cell right of the cell at (r, c) (past its merge), on the same row. */
  nextRight(r: number, c: number): OwnCell | undefined {
    const end = this.endCol(r, c);
    for (const o of this.row(r)) if (o.c > end) return o;
    return undefined;
  }

  firstRef(from = 0): Ref {
    const r = this.nextUsed(from);
    return r >= 0 ? this.ref(r, this.row(r)[0].c) : this.ref(0, 0);
  }
}
