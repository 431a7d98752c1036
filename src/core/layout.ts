// The report sheet (report.md "The report sheet"): a ReportDoc laid out as cells.
//
// Layout, chosen to print on portrait A4:
// - Column A (width 80, about 40 Chinese characters, inside an A4 portrait page) holds the whole narrative, one block
//   line per row, wrapped. It is not merged, so Excel fits each row's height to its
//   wrapped text (it does not for merged cells). The title is bold 16 pt, centred in A.
// - Column B is a narrow spacer; columns C–F hold the figure table: 数据项 / 数值 /
//   来源工作表 / 来源单元格, under a caption merged over C:F and a bold header row.
// - A table block of the narrative (indicator tables, the team list) is written as
//   lines of column A too: a bold header line, then one line per row, the cells
//   joined by '｜'. It keeps the one-column narrative that prints on one A4 width and
//   reads as a table; the values stay plain text.
// - The notice (remaining errors) is bold on the error fill #FFC7CE, dark red text.
// - Every value is a string or a number; a text that looks like a formula stays a
//   string (isFormulaLike tells a host to write it as text).

import type { ReportDoc } from './types';
import type { LayoutCell, SheetLayout } from './plan';
import { SEVERITY_FILL } from './marks';
import { colName } from './grid';

export const NARRATIVE_COL = 0;
export const FIGURE_COL = 2;
export const NARRATIVE_WIDTH = 80;
export const TABLE_SEPARATOR = '｜';
/** Full-width spaces that indent a paragraph, as Chinese documents do. */
export const PARAGRAPH_INDENT = '\u3000\u3000';

const NOTICE_FILL = SEVERITY_FILL.error; // '#FFC7CE'
const NOTICE_COLOR = '#9C0006';
const TABLE_HEADER_FILL = '#F2F2F2';
const FIGURE_HEADER_FILL = '#D9E1F2';

/** Excel would take this text, typed into a cell, as a formula: it begins with = + - or @. */
export function isFormulaLike(s: string): boolean {
  return typeof s === 'string' && s.length > 0 && /^[=+\-@]/.test(s);
}

const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[\[\]:*?/\\]/g;

/** Excel compares sheet names without regard to case. */
function fold(s: string): string {
  return s.toUpperCase();
}

function cleanSheetName(s: string): string {
  let t = s.replace(BAD_SHEET_CHARS, '').replace(/[\u0000-\u001f]/g, '');
  t = t.replace(/^'+|'+$/g, '').trim();
  return t === '' ? '自评报告' : t;
}

/** Shortens to at most `n` UTF-16 units without splitting a surrogate pair. */
function clip(s: string, n: number): string {
  if (s.length <= n) return s;
  let t = s.slice(0, n);
  const last = t.charCodeAt(t.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) t = t.slice(0, -1);
  return t;
}

/**
 * A sheet name no existing sheet has: `base`, then `base (2)`, `base (3)` …, compared
 * without regard to case as Excel does; at most 31 characters, without []:*?/\ .
 * An existing sheet is never reused, so a report the user edited is never overwritten.
 */
export function uniqueSheetName(existing: string[], base: string): string {
  const taken = new Set(existing.map(fold));
  taken.add(fold('History')); // reserved by Excel
  const b = cleanSheetName(base);
  const first = clip(b, MAX_SHEET_NAME).trim();
  if (!taken.has(fold(first))) return first;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = clip(b, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(fold(name))) return name;
  }
}

/** Width of a text in Excel's character units: a full-width (CJK) character takes two. */
export function textUnits(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Heights for rows whose wrapped text takes more than one line: Excel does not refit a row
 * when it opens a file, so the layout states the height its text needs.
 */
export function rowHeightsFor(cells: LayoutCell[], columnWidths: number[]): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const c of cells) {
    if (!c.wrap || typeof c.value !== 'string') continue;
    const perLine = Math.max(4, (columnWidths[c.col] ?? 10) - 2);
    const lines = c.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / perLine)), 0);
    if (lines <= 1) continue;
    const h = Math.ceil(lines * (c.fontSize ?? 11) * 1.5);
    heights[c.row] = Math.min(409, Math.max(heights[c.row] ?? 0, h));
  }
  return heights;
}

/** The most characters Excel keeps in one cell. */
export const MAX_CELL_TEXT = 32767;

export function layoutReport(doc: ReportDoc, sheetName: string): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  let row = 0;
  const put = (c: Omit<LayoutCell, 'row' | 'col'>, col = NARRATIVE_COL) => {
    cells.push({ row, col, ...c });
    row++;
  };
  const blank = () => {
    row++;
  };

  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i];
    switch (b.type) {
      case 'title':
        put({ value: b.text, bold: true, fontSize: 16, align: 'center', wrap: true });
        blank();
        break;
      case 'notice':
        put({ value: b.text, bold: true, wrap: true, fill: NOTICE_FILL, color: NOTICE_COLOR });
        for (const it of b.items) put({ value: it, bold: true, wrap: true, fill: NOTICE_FILL, color: NOTICE_COLOR });
        blank();
        break;
      case 'heading':
        if (b.level === 1 && i > 0 && doc.blocks[i - 1].type !== 'title') blank();
        put({ value: b.text, bold: true, wrap: true, fontSize: b.level === 1 ? 14 : b.level === 2 ? 12 : 11 });
        break;
      case 'paragraph':
        put({ value: PARAGRAPH_INDENT + b.text, wrap: true });
        break;
      case 'table':
        put({ value: b.header.join(TABLE_SEPARATOR), bold: true, wrap: true, fill: TABLE_HEADER_FILL });
        for (const r of b.rows) put({ value: r.map((x) => (x === null || x === undefined ? '' : String(x))).join(TABLE_SEPARATOR), wrap: true });
        // a blank line closes the table, unless a section heading (which brings its own) follows
        if (i + 1 < doc.blocks.length && !(doc.blocks[i + 1].type === 'heading' && (doc.blocks[i + 1] as { level: number }).level === 1)) blank();
        break;
    }
  }

  // What prints on A4 is the narrative column; the figure table beside it is for checking on screen.
  const printArea = `${colName(NARRATIVE_COL)}1:${colName(NARRATIVE_COL)}${Math.max(row, 1)}`;

  // The figure table, beside the narrative.
  const c0 = FIGURE_COL;
  cells.push({ row: 0, col: c0, value: '本报告所用数据及来源', bold: true, align: 'center', fontSize: 12 });
  merges.push(`C1:F1`);
  const header = ['数据项', '数值', '来源工作表', '来源单元格'];
  header.forEach((h, j) => cells.push({ row: 1, col: c0 + j, value: h, bold: true, align: 'center', fill: FIGURE_HEADER_FILL }));
  doc.figures.forEach((f, k) => {
    const r = 2 + k;
    cells.push({ row: r, col: c0, value: f.label, wrap: true });
    cells.push({ row: r, col: c0 + 1, value: f.display, wrap: true, align: 'right' });
    cells.push({ row: r, col: c0 + 2, value: f.ref.sheet, wrap: true });
    cells.push({ row: r, col: c0 + 3, value: f.ref.cell, align: 'center' });
  });
  if (doc.figures.length === 0) cells.push({ row: 2, col: c0, value: '（本报告未引用表中数据）' });

  // Excel holds at most 32,767 characters in a cell and refuses a longer write; a text the user
  // pasted into one cell (a 偏差原因 of 100,000 characters) is cut there, with a visible ….
  for (const c of cells) if (typeof c.value === 'string' && c.value.length > MAX_CELL_TEXT) c.value = c.value.slice(0, MAX_CELL_TEXT - 1) + '…';

  const columnWidths = [NARRATIVE_WIDTH, 2, 30, 18, 16, 10];
  return {
    name: sheetName,
    columnWidths,
    rowHeights: rowHeightsFor(cells, columnWidths),
    cells,
    merges,
    orientation: 'portrait',
    printArea,
  };
}
