// The fast read path's entry: an .xlsx file -> its package entries and its Grid, through one
// zip and XML reader where every limit lives (limits.ts). ExcelJS is not loaded.

import * as path from 'path';
import { colCount, type Grid } from '../../core/grid';
import { SelfevalError } from '../../core/engine';
import { readPackageBytes } from './container';
import { checkLimit, copyCellLimit, corrupt, LIMITS, overLimit } from './limits';
import { readGrid } from './readGrid';
import { ZipPackage } from './zip';

export interface LoadedPackage {
  /** The package: its parts, read lazily within the limits (`zip.readAll()` for a copy writer). */
  zip: ZipPackage;
  grid: Grid;
}

/**
 * Loads an .xlsx file by the fast path. Throws SelfevalError with one Chinese line for a file
 * that cannot be used: not a workbook, encrypted, corrupt, or over a limit.
 */
export async function loadPackage(file: string): Promise<LoadedPackage> {
  const buf = readPackageBytes(file);
  const name = path.basename(file);
  try {
    const zip = new ZipPackage(buf, name);
    const grid = await readGrid(zip);
    return { zip, grid };
  } catch (e) {
    if (e instanceof SelfevalError) throw e;
    if ((e as Error | null)?.name === 'RangeError') throw new SelfevalError(`文件过大：读取时超出了可用的内存，selfeval 不读取此文件（${name}）`);
    throw corrupt(name, '文件结构无法识别');
  }
}

/** Every part of the package, inflated within the limits: the input of a copy writer. */
export async function packageEntries(loaded: LoadedPackage): Promise<Map<string, Uint8Array>> {
  return loaded.zip.readAll();
}

/**
 * Refuses, before ExcelJS is given the file, a workbook ExcelJS would expand beyond memory:
 * merges covering millions of cells, a sheet reaching far rows and columns. Needed only while
 * `report` writes its copy through ExcelJS.
 */
export function guardExcelJsLoad(grid: Grid, file: string): void {
  let merged = 0;
  let cells = 0;
  const maxCells = Math.min(LIMITS.cellsForCopy.value, copyCellLimit());
  for (const s of grid.sheets) {
    for (const row of s.rows) if (row) for (const _c in row) cells++;
    for (const m of s.merges) merged += (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
    checkLimit('mergedCellsForCopy', file, '合并区域覆盖的单元格数', merged);
    checkLimit('sheetExtentForCopy', file, `工作表“${s.name}”的行数×列数`, s.rows.length * colCount(s));
  }
  if (cells > maxCells) throw overLimit('cellsForCopy', file, '有内容的单元格数', cells, maxCells);
}
