// The one place the batch reads a workbook file into a Grid. The reader is chosen here, so a
// faster read path replaces ExcelJS's in one line; SELFEVAL_READER picks one by name (for the
// benchmark, which prints the readers side by side).

import type { Grid } from '../../core/grid';
import { SelfevalError } from '../../core/engine';
import { loadPackage } from '../package/load';

export type GridReader = (file: string) => Promise<Grid>;

/** The readers by name; the first is the default. */
export const READERS: Record<string, GridReader> = {
  // The fast path: one zip and XML reader, where the limits live (src/node/package).
  fast: async (file) => (await loadPackage(file)).grid,
  // ExcelJS's read-only load, loaded only when asked for (the reference of the fast path's tests).
  exceljs: async (file) => (await (await import('../xlsx')).loadWorkbookFile(file, { readOnly: true })).grid,
};

/** The reader SELFEVAL_READER names, else the default. */
export function chosenReader(env: NodeJS.ProcessEnv = process.env): GridReader {
  const name = env.SELFEVAL_READER;
  if (!name) return Object.values(READERS)[0];
  const reader = READERS[name];
  if (!reader) throw new SelfevalError(`未知的读取方式 SELFEVAL_READER=${name}，可用的有：${Object.keys(READERS).join('、')}`);
  return reader;
}

/** A workbook file as a Grid; throws SelfevalError (one Chinese line) for a file that cannot be used. */
export function readGridFile(file: string): Promise<Grid> {
  return chosenReader()(file);
}
