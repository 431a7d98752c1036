// Plans of writes: what a host must do to the workbook, decided by the core and
// rendered the same way by the Office edge and the ExcelJS edge.

import type { Severity } from './types';

/** One marked cell: every finding on it, merged into one note. */
export interface Mark {
  sheet: string;
  /** A1 address without the sheet. */
  cell: string;
  /** The most severe of the cell's findings. */
  severity: Severity;
  /** Fill colour, '#RRGGBB'. */
  fill: string;
  /** The note text: one line per finding, in Chinese. */
  note: string;
}

/** One cell the report sheet writes. Text is always written as text, never as a formula. */
export interface LayoutCell {
  /** 0-based. */
  row: number;
  col: number;
  value: string | number;
  bold?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  fontSize?: number;
  /** '#RRGGBB' */
  fill?: string;
  /** Font colour, '#RRGGBB'. */
  color?: string;
  /** Number format for numeric cells. */
  format?: string;
  /** A thin border on all four sides. */
  border?: boolean;
}

/** A new sheet to add: the report sheet or the standard template's sheets. */
export interface SheetLayout {
  name: string;
  /** Column widths in Excel character units, from column A. */
  columnWidths: number[];
  cells: LayoutCell[];
  /** A1 ranges to merge. */
  merges: string[];
  /** Landscape or portrait A4. */
  orientation?: 'portrait' | 'landscape';
  /** The range to print (A1 range), when only part of the sheet is meant for paper. */
  printArea?: string;
  /** Row heights in points by 0-based row, for rows whose wrapped text needs more than one line. */
  rowHeights?: Record<number, number>;
}
