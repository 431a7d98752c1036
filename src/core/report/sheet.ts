// The report sheet (report.md "The report sheet"): a ReportDoc laid out as cells.
//
// Layout, chosen to print on portrait A4:
// - Columns A–F (TABLE_WIDTHS, about 84 character units: the width of an A4 portrait page)
//   are the print width. A narrative block is one row, its text merged across A:F and
//   wrapped; the row's height is set for its text, since Excel does not fit merged rows.
//   The title is bold 16 pt, centred.
// - A table is bordered cells beneath its heading: a bold header row on grey (a row of
//   merged group cells above it when the table has groups), then one row per table row;
//   a number cell holds the number with its format (万元 0.00, rates 0.00%, scores as
//   written with at most two decimals). A table with fewer columns than the grid merges its
//   last cell to F.
// - The notice (remaining errors) is bold on the error fill #FFC7CE, dark red text.
// - Beside the narrative, after a spacer column G, columns H–L hold the figure table:
//   数据项 / 数值 / 来源工作表 / 来源单元格 / 核对说明. Only A–F print.
// - Every value is a string or a number; a text that looks like a formula stays a string.

import type { LayoutCell, SheetLayout } from '../plan';
import type { ReportDoc, ReportTable, NumberKind } from './model';
import { cellText } from './model';
import { SEVERITY_FILL } from '../marks';
import { colName } from '../grid';
import { MAX_CELL_TEXT, textUnits } from '../layout';
import { FIGURES_CAPTION, FIGURES_HEADER, FIGURES_NONE } from './wording';

/** Widths of the print columns A–F. */
export const TABLE_WIDTHS = [16, 24, 13, 13, 9, 9];
export const TABLE_COLS = TABLE_WIDTHS.length;
export const FIGURE_COL = TABLE_COLS + 1;
const FIGURE_WIDTHS = [30, 18, 16, 10, 28];
/** Full-width spaces that indent a paragraph, as Chinese documents do. */
export const PARAGRAPH_INDENT = '\u3000\u3000';

const NOTICE_FILL = SEVERITY_FILL.error; // '#FFC7CE'
const NOTICE_COLOR = '#9C0006';
const TABLE_HEADER_FILL = '#F2F2F2';
/** Points: room for a signature. */
const SIGNING_ROW = 30;
const FIGURE_HEADER_FILL = '#D9E1F2';

/** The number format of a number cell, by its kind. */
export const NUMBER_FORMATS: Record<NumberKind, string> = { amount: '0.00', rate: '0.00%', score: 'General', count: '0' };

/** The height, in points, a wrapped text needs in a width of `units` characters. */
function heightFor(s: string, units: number, fontSize: number): number | undefined {
  // a little short of the width: Excel breaks lines before punctuation that may not start one
  const perLine = Math.max(4, Math.floor((units - 2) * 0.92));
  const lines = s.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / perLine)), 0);
  if (lines <= 1) return undefined;
  return Math.min(409, Math.ceil(lines * fontSize * 1.5));
}

const widthOf = (c0: number, c1: number) => TABLE_WIDTHS.slice(c0, c1 + 1).reduce((a, w) => a + w, 0);

class SheetWriter {
  cells: LayoutCell[] = [];
  merges: string[] = [];
  heights: Record<number, number> = {};
  row = 0;

  /** A narrative line across the print width. */
  line(c: Omit<LayoutCell, 'row' | 'col'>): void {
    this.span(this.row, 0, TABLE_COLS - 1, { wrap: true, ...c });
    this.row++;
  }
  /** A cell merged over columns c0..c1 of row r (and down to r2), its height set for its text. */
  span(r: number, c0: number, c1: number, c: Omit<LayoutCell, 'row' | 'col'>, r2 = r): void {
    const value = typeof c.value === 'string' && c.value.length > MAX_CELL_TEXT ? c.value.slice(0, MAX_CELL_TEXT - 1) + '…' : c.value;
    this.cells.push({ row: r, col: c0, ...c, value });
    if (c1 > c0 || r2 > r) this.merges.push(`${colName(c0)}${r + 1}:${colName(c1)}${r2 + 1}`);
    // the merged cells of a bordered range carry the border too, so it shows all round
    if (c.border) for (let rr = r; rr <= r2; rr++) for (let cc = c0; cc <= c1; cc++) if (rr !== r || cc !== c0) this.cells.push({ row: rr, col: cc, value: '', border: true });
    if (typeof value === 'string' && c.wrap && r2 === r) {
      const h = heightFor(value, widthOf(c0, c1), c.fontSize ?? 11);
      if (h) this.heights[r] = Math.max(this.heights[r] ?? 0, h);
    }
    // a larger font needs a taller row than Excel's default 15 pt
    if (c.fontSize && c.fontSize > 11) this.heights[r] = Math.max(this.heights[r] ?? 0, Math.ceil(c.fontSize * 1.6));
  }
  blank(): void {
    this.row++;
  }

  table(t: ReportTable): void {
    if (t.caption) this.line({ value: t.caption, bold: true });
    const n = Math.min(t.header.length, TABLE_COLS);
    const { first, last } = columnsFor(t.widths, n);
    const head = { bold: true, align: 'center' as const, wrap: true, fill: TABLE_HEADER_FILL, border: true };
    if (t.groups) {
      let j = 0;
      for (const g of t.groups) {
        const down = g.span === 1 && t.header[j] === g.text;
        this.span(this.row, first(j), last(j + g.span - 1), { value: g.text, ...head }, down ? this.row + 1 : this.row);
        if (!down) for (let k = j; k < j + g.span; k++) this.span(this.row + 1, first(k), last(k), { value: t.header[k], ...head });
        j += g.span;
      }
      this.row += 2;
    } else {
      t.header.slice(0, n).forEach((h, j) => this.span(this.row, first(j), last(j), { value: h, ...head }));
      this.row++;
    }
    for (const r of t.rows) {
      r.slice(0, n).forEach((cell, j) => {
        if (cell.type === 'number' && Number.isFinite(cell.value))
          this.span(this.row, first(j), last(j), { value: cell.value, format: NUMBER_FORMATS[cell.kind], align: 'right', border: true });
        else this.span(this.row, first(j), last(j), { value: cellText(cell), wrap: true, border: true });
      });
      if (t.signing) this.heights[this.row] = Math.max(this.heights[this.row] ?? 0, SIGNING_ROW);
      this.row++;
    }
  }
}

/**
 * The sheet columns of each of a table's n columns: one each, the spare ones to the last. A
 * table one column short of the sheet gives its spare column instead to the column whose share
 * of the widths clearly exceeds its sheet column's (评分标准 gets the room, not 自评得分).
 */
export function columnsFor(widths: number[], n: number): { first: (j: number) => number; last: (j: number) => number } {
  const extra = TABLE_COLS - n;
  let wide = n - 1;
  const total = widths.slice(0, n).reduce((a, w) => a + w, 0);
  const sheetTotal = TABLE_WIDTHS.reduce((a, w) => a + w, 0);
  if (extra === 1 && total > 0 && widths.length >= n) {
    let best = 0;
    for (let j = 0; j < n; j++) {
      const over = widths[j] / total - TABLE_WIDTHS[j] / sheetTotal;
      if (over > best + 0.1) {
        best = over;
        wide = j;
      }
    }
  }
  const first = (j: number) => (j <= wide ? j : j + extra);
  const last = (j: number) => (j < wide ? j : j + extra);
  return { first, last };
}

export function layoutReport(doc: ReportDoc, sheetName: string): SheetLayout {
  const w = new SheetWriter();
  doc.blocks.forEach((b, i) => {
    switch (b.type) {
      case 'title':
        w.line({ value: b.text, bold: true, fontSize: 16, align: 'center' });
        w.blank();
        break;
      case 'notice':
        w.line({ value: b.text, bold: true, fill: NOTICE_FILL, color: NOTICE_COLOR, border: true });
        for (const it of b.items) w.line({ value: it, fill: NOTICE_FILL, color: NOTICE_COLOR, border: true });
        w.blank();
        break;
      case 'heading':
        if (b.level === 1 && i > 0 && doc.blocks[i - 1].type !== 'title') w.blank();
        w.line({ value: b.text, bold: true, fontSize: b.level === 1 ? 14 : b.level === 2 ? 12 : 11 });
        break;
      case 'paragraph':
        w.line({ value: PARAGRAPH_INDENT + b.text });
        break;
      case 'table':
        w.table(b);
        w.blank();
        break;
    }
  });
  const printRows = Math.max(1, ...w.cells.map((c) => c.row + 1));
  figureTable(w, doc);
  const columnWidths = [...TABLE_WIDTHS, 2, ...FIGURE_WIDTHS];
  return {
    name: sheetName,
    columnWidths,
    rowHeights: w.heights,
    cells: w.cells,
    merges: w.merges,
    orientation: 'portrait',
    printArea: `A1:${colName(TABLE_COLS - 1)}${printRows}`,
  };
}

/** The figure table beside the narrative: each figure, its value, the sheet and cell, and what the checker noted. */
function figureTable(w: SheetWriter, doc: ReportDoc): void {
  const c0 = FIGURE_COL;
  w.cells.push({ row: 0, col: c0, value: FIGURES_CAPTION, bold: true, align: 'center', fontSize: 12 });
  w.merges.push(`${colName(c0)}1:${colName(c0 + FIGURES_HEADER.length - 1)}1`);
  FIGURES_HEADER.forEach((h, j) => w.cells.push({ row: 1, col: c0 + j, value: h, bold: true, align: 'center', fill: FIGURE_HEADER_FILL, border: true }));
  doc.figures.forEach((f, k) => {
    const r = 2 + k;
    const clip = (s: string) => (s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT - 1) + '…' : s);
    w.cells.push({ row: r, col: c0, value: clip(f.label), wrap: true, border: true });
    w.cells.push({ row: r, col: c0 + 1, value: clip(f.display), wrap: true, align: 'right', border: true });
    w.cells.push({ row: r, col: c0 + 2, value: f.ref.sheet, wrap: true, border: true });
    w.cells.push({ row: r, col: c0 + 3, value: f.ref.cell, align: 'center', border: true });
    w.cells.push({ row: r, col: c0 + 4, value: f.note ?? '', wrap: true, border: true });
  });
  if (doc.figures.length === 0) w.cells.push({ row: 2, col: c0, value: FIGURES_NONE });
}
