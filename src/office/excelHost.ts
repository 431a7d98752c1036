// The Office edge: WorkbookHost on Excel.run. Thin by design: it reads cells into a Grid and
// writes what the core planned (marks, sheet layouts, a suggested value); it decides nothing
// about findings, scores or report text. Each operation lives in its own module and runs one
// small Excel.run, with a fixed number of syncs whatever the number of sheets or marks:
//   snapshot     2  (snapshot.ts)
//   applyMarks   1 or 2 (+1), clearMarks 3  (marks.ts)
//   addSheets    2, or 3 when replacing a sheet  (reportSheet.ts)
//   readSettings 1, writeSetting 1  (settings.ts)
//   applyValue   2, undoValue 2  (values.ts)
//   watch        2 (+1 to stop), selectCell 1  (events.ts)
//
// The mark record keys each cell by its sheet's id (Worksheet.id) as well as its name: every method
// that reads the record already loads the sheet list, and loads the ids with the names (no extra
// sync), so marks on a sheet renamed since the check are still found, restored and re-checked.

import type { HostCapabilities, WorkbookHost } from './host';
import { defaultIsSetSupported, limitsOf, type ExcelHostOptions, type IsSetSupported, type Kit, type Run } from './kit';
import { snapshot } from './snapshot';
import { applyMarks, clearMarks } from './marks';
import { reportSheetOps } from './reportSheet';
import { settingsOps } from './settings';
import { valueOps } from './values';
import { eventOps } from './events';

export type { ExcelHostOptions } from './kit';
export { cellOfAddress } from './kit';
export { freeSheetName, charsToPoints } from './reportSheet';

/** Excel.run, looked up when called (office.js may load after this module). */
const excelRun = ((...args: unknown[]) => (Excel.run as (...a: unknown[]) => Promise<unknown>)(...args)) as unknown as Run;

/**
 * The WorkbookHost over Excel.run. `run` and `isSetSupported` are injectable for tests;
 * `options` tunes the size limits (defaults suit Excel on the web's 5 MB requests).
 */
export function createExcelHost(run: Run = excelRun, isSetSupported?: IsSetSupported, options: ExcelHostOptions = {}): WorkbookHost {
  const isSet: IsSetSupported = isSetSupported ?? defaultIsSetSupported;
  const k: Kit = {
    run,
    support: () => ({
      notes: isSet('ExcelApi', '1.18'),
      comments: isSet('ExcelApi', '1.10'),
      merges: isSet('ExcelApi', '1.13'),
      api19: isSet('ExcelApi', '1.9'),
    }),
    limits: limitsOf(options),
    seen: null,
  };
  return {
    async capabilities(): Promise<HostCapabilities> {
      const s = k.support();
      return { notes: s.notes, comments: s.comments, merges: s.merges, events: isSet('ExcelApi', '1.7') };
    },
    snapshot: () => snapshot(k),
    applyMarks: (marks) => applyMarks(k, marks),
    clearMarks: () => clearMarks(k),
    ...reportSheetOps(k),
    ...settingsOps(k),
    ...valueOps(k),
    ...eventOps(k, isSet),
  };
}
