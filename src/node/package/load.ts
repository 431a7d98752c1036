// The fast read path's entry: an .xlsx file -> its package entries and its Grid, through one
// zip and XML reader where every limit lives (limits.ts). ExcelJS is not loaded.

import * as path from 'path';
import type { Grid } from '../../core/grid';
import { SelfevalError } from '../../core/engine';
import { readPackageBytes } from './container';
import { corrupt } from './limits';
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
 * Every part of an .xlsx file, inflated within the limits (the file-size, directory and
 * inflated-size limits of the grid's read), for the copy writer.
 */
export async function readPackageEntries(file: string): Promise<Map<string, Uint8Array>> {
  const name = path.basename(file);
  try {
    return await new ZipPackage(readPackageBytes(file), name).readAll();
  } catch (e) {
    if (e instanceof SelfevalError) throw e;
    throw corrupt(name, '文件结构无法识别');
  }
}

