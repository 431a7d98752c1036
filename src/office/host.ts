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

export interface WorkbookHost {
  capabilities(): Promise<HostCapabilities>;
  /** Every sheet's used range: values, number formats, merged areas where supported. */
  snapshot(): Promise<Grid>;
  /** Fill (and note or comment) every marked cell; remembers each cell's original fill in the workbook. */
  applyMarks(marks: Mark[]): Promise<void>;
  /** Restores every fill recorded by applyMarks and removes the notes it added; returns how many cells were restored. */
  clearMarks(): Promise<number>;
  /** Adds new sheets (never over an existing name: layouts carry unique names), activates the first; returns the names used. */
  addSheets(layouts: SheetLayout[]): Promise<string[]>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
}
