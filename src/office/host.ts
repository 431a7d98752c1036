// The interface between the task pane and a workbook. The Office edge (excelHost)
// implements it on Excel.run; the preview's in-memory host implements it on a Grid.
// The task pane knows only this interface.

import type { Grid } from '../core/grid';
import type { Mark, SheetLayout } from '../core/plan';

export interface HostCapabilities {
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
  /** Threaded comments (ExcelApi 1.10). */
  comments: boolean;
  /** Merged areas can be read (ExcelApi 1.13). */
  merges: boolean;
  /** The workbook reports edits and selections (ExcelApi 1.7): a check proven unchanged can be reused. */
  events?: boolean;
}

export type HostErrorKind = 'protected' | 'switched' | 'too_large' | 'busy' | 'unsupported' | 'other';

/** A failure of the host, with a Chinese message for the message bar. */
export class HostError extends Error {
  constructor(
    public readonly kind: HostErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** A cell as undo must put it back: its value, the type Excel gives it, its number format, its formula. */
export interface CellState {
  value: string | number | boolean | null;
  /** Excel's value type: 'String', 'Double', 'Boolean', 'Empty' (errors are never overwritten). */
  type: 'String' | 'Double' | 'Boolean' | 'Empty';
  format: string;
  /** The formula the cell held ('=…'), if any. */
  formula?: string;
}

/** A suggested value written into a cell (采用建议值), as the record in the workbook keeps it. */
export interface AppliedValue {
  sheet: string;
  cell: string;
  /** The cell before the write: what 撤销 restores. */
  old: CellState;
  value: string | number;
}

/** A change in the workbook the pane must know of: a user's edit, or a new selection. */
export interface WorkbookEvent {
  kind: 'changed' | 'selected';
  sheet: string;
  /** A1 address (a range for an edit of many cells), without the sheet. */
  address: string;
}

export interface AddSheetsOptions {
  /** A layout whose name a sheet already has replaces that sheet (after the user said so); default: a new name. */
  replace?: boolean;
}

export interface WorkbookHost {
  capabilities(): Promise<HostCapabilities>;
  /** Every sheet's used range: values, number formats, merged areas where supported. */
  snapshot(): Promise<Grid>;
  /** Fill (and note or comment) every marked cell; remembers each cell's original fill in the workbook. */
  applyMarks(marks: Mark[]): Promise<void>;
  /** Restores every fill recorded by applyMarks and removes the notes it added; returns how many cells were restored. */
  clearMarks(): Promise<number>;
  /**
   * Adds new sheets, activates the first; returns the names used. A name in use gets the next
   * free one ('自评报告 (2)'), unless `replace` asks to replace that sheet.
   */
  addSheets(layouts: SheetLayout[], opts?: AddSheetsOptions): Promise<string[]>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The workbook settings under these keys (null: not set). */
  readSettings(keys: string[]): Promise<Record<string, string | null>>;
  /** Sets (or, with null, removes) one workbook setting. */
  writeSetting(key: string, value: string | null): Promise<void>;
  /**
   * Writes a suggested value into a cell that still holds `expected` (else a 'switched' error and
   * nothing written); keeps the cell's old value, type, format and formula in the record.
   */
  applyValue(sheet: string, cell: string, expected: string | number, value: string | number): Promise<AppliedValue>;
  /** Puts back what applyValue recorded for the cell, exactly; null when nothing is recorded. */
  undoValue(sheet: string, cell: string): Promise<AppliedValue | null>;
  /** Calls back on the user's edits and selections until the returned function is called. */
  watch(listener: (e: WorkbookEvent) => void): Promise<() => Promise<void>>;
}
