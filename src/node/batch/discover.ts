// Which files a `check` of several files and folders reads: the files named, and the
// workbooks found in the folders named (recursively), in a stable order.

import * as fs from 'fs';
import * as path from 'path';

/** Extensions a folder scan takes: the workbook, and the same package with macros. */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm'];

export interface Found {
  /** The path to read: the argument as given, or joined with the path below the folder given. */
  path: string;
  /** How the file is named in the output: as given, or its path below the folder given. */
  label: string;
}

export interface Discovery {
  files: Found[];
  /** True when some argument is a folder (the output is then always the batch's). */
  anyFolder: boolean;
}

/** Names a folder scan skips: Excel's lock files (~$name.xlsx) and hidden files and folders. */
export function skippedName(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

/** Checked copies written by `selfeval report` beside the inputs: the same department again. */
export function isCheckedCopy(name: string): boolean {
  return /\.checked\.xlsx$/i.test(name);
}

function isWorkbookName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return WORKBOOK_EXTENSIONS.includes(ext) && !isCheckedCopy(name);
}

/** Byte-wise order of the UTF-16 code units: the same on every machine and locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a file found in a folder is the summary being written or an earlier one of its
 * numbered variants (`复核汇总 (2).xlsx`, as writeOutputFile names them): never read back.
 */
export function isSummaryOutput(file: string, summary: string): boolean {
  if (realOf(path.dirname(file)) !== realOf(path.dirname(summary))) return false;
  const ext = path.extname(summary);
  const base = path.basename(summary, ext);
  return new RegExp(`^${escapeRe(base)}( \\(\\d+\\))?${escapeRe(ext)}$`, 'i').test(path.basename(file));
}

function realOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** The workbooks below one folder, sorted within each folder; a folder met twice (a link loop) is walked once. */
function scanFolder(dir: string, seenDirs: Set<string>, out: string[]): void {
  const real = realOf(dir);
  if (seenDirs.has(real)) return;
  seenDirs.add(real);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // An unreadable folder: its files are not found. Named files still report their own errors.
    return;
  }
  names.sort(compareNames);
  const subdirs: string[] = [];
  for (const name of names) {
    if (skippedName(name)) continue;
    const p = path.join(dir, name);
    const st = statOf(p);
    if (!st) continue;
    if (st.isDirectory()) subdirs.push(p);
    else if (st.isFile() && isWorkbookName(name)) out.push(p);
  }
  // Files of a folder first, then its subfolders, each in name order.
  for (const sub of subdirs) scanFolder(sub, seenDirs, out);
}

/**
 * The files to check, in order: arguments in the order given; a folder expands to its
 * workbooks. A named file is taken whatever its name (it gets its own error if it is no
 * workbook); a path that does not exist is kept, so it is reported as unusable. A file found
 * twice is checked once; a folder scan never takes the summary being written (`exclude`) or
 * its numbered variants.
 */
export function discoverFiles(args: string[], exclude: string[] = []): Discovery {
  const files: Found[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  let anyFolder = false;
  const take = (p: string, label: string): void => {
    const real = realOf(p);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ path: p, label });
  };
  for (const arg of args) {
    const st = statOf(arg);
    if (st && st.isDirectory()) {
      anyFolder = true;
      const found: string[] = [];
      scanFolder(arg, seenDirs, found);
      for (const p of found) if (!exclude.some((x) => isSummaryOutput(p, x))) take(p, path.relative(arg, p).split(path.sep).join('/'));
    } else {
      take(arg, arg);
    }
  }
  return { files, anyFolder };
}
