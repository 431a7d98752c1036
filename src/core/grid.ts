// The cell grid: the one shape in which every host hands a workbook to the core.
// Rows and columns are 0-based and absolute (row 0, col 0 is A1), so a cell's
// position is its address whatever the sheet's used range is.

/** One cell as the host holds it. */
export interface Cell {
  /**
   * The value: text, a number (a date is its Excel serial number with a date
   * format), a boolean, or null for an empty cell or an error value.
   */
  value: string | number | boolean | null;
  /** An Excel error value shown in the cell, e.g. '#DIV/0!'; value is null then. */
  error?: string;
  /** The number format code, e.g. '0.00%', 'General', '@'. */
  format?: string;
  /** The text Excel displays, when the host knows it. */
  text?: string;
  /** The cell holds a formula; value is its cached result. */
  formula?: boolean;
}

/** A rectangle of cells, 0-based, inclusive. */
export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c]; missing rows and cells are empty. */
  rows: (Cell | undefined)[][];
  /** Merged areas, as far as the host could tell (an empty list where it could not). */
  merges: Area[];
  /** Why the host could not read this sheet; set only for a sheet it could not read. */
  unreadable?: string;
  /** Columns hidden in the sheet (0-based); the reader reads them like any other. */
  hiddenColumns?: number[];
}

export interface Grid {
  sheets: Sheet[];
}

// ---- addresses ----

/** 0 -> 'A', 25 -> 'Z', 26 -> 'AA'. */
export function colName(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (0, 0) -> 'A1'. */
export function a1(r: number, c: number): string {
  return colName(c) + String(r + 1);
}

/** 'B3' -> { r: 2, c: 1 }; 'AA10' -> { r: 9, c: 26 }. Accepts '$' signs. Throws on a malformed address. */
export function parseA1(addr: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(addr.trim());
  if (!m) throw new Error(`bad A1 address: ${addr}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** 'A1:C3' (or 'B2') -> Area. */
export function parseArea(ref: string): Area {
  const [p, q] = ref.split(':');
  const a = parseA1(p);
  const b = q ? parseA1(q) : a;
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

export function areaA1(a: Area): string {
  const p = a1(a.r1, a.c1);
  const q = a1(a.r2, a.c2);
  return p === q ? p : `${p}:${q}`;
}

/** A sheet name quoted for an address, as Excel writes it: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---- access ----

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function colCount(sheet: Sheet): number {
  let n = 0;
  forEachRow(sheet, (row) => {
    if (row.length > n) n = row.length;
  });
  return n;
}

/** The cell at (r, c) as stored: for a merged area only its top-left cell holds the value. */
export function cellAt(sheet: Sheet, r: number, c: number): Cell | undefined {
  const row = sheet.rows[r];
  return row ? row[c] : undefined;
}

/** True when the cell holds nothing a reader could use (no value, or only white space). */
export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  if (cell.value === null || cell.value === undefined) return true;
  if (typeof cell.value === 'string') return cell.value.trim() === '';
  return false;
}

/** The text of a cell as a reader sees it: displayed text where known, else the value as text. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  if (typeof cell.value === 'string') return cell.value;
  if (cell.text !== undefined && cell.text !== '') return cell.text;
  if (cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}

// ---- building (tests, the preview, the template) ----

/** A plain value as a Cell: numbers, strings, booleans, null/undefined (empty). */
export type CellInput = string | number | boolean | null | undefined | Cell;

function toCell(v: CellInput): Cell | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'object') return v;
  return { value: v };
}

/**
 * A sheet from rows of plain values, placed with its top-left at `origin` (default A1).
 * `merges` are A1 ranges such as 'A5:A8'.
 */
export function makeSheet(name: string, rows: CellInput[][], opts: { origin?: string; merges?: string[] } = {}): Sheet {
  const o = opts.origin ? parseA1(opts.origin) : { r: 0, c: 0 };
  const out: (Cell | undefined)[][] = [];
  rows.forEach((row, i) => {
    const r: (Cell | undefined)[] = [];
    row.forEach((v, j) => {
      r[o.c + j] = toCell(v);
    });
    out[o.r + i] = r;
  });
  for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = [];
  return { name, rows: out, merges: (opts.merges ?? []).map(parseArea) };
}

/** Sets one cell of a sheet (tests and generators). */
export function setCell(sheet: Sheet, addr: string, v: CellInput): void {
  const { r, c } = parseA1(addr);
  while (sheet.rows.length <= r) sheet.rows.push([]);
  sheet.rows[r][c] = toCell(v);
}

// ---- sparse iteration ----
// A host may hand a sparse sheet: rows is then a holey array (one cell at XFD1048576 makes
// rows[1048575][16383]). These helpers visit only the rows and cells that exist, so a reader's
// cost follows what a sheet holds, not its extent.

const DENSE_LIMIT = 65536;

/**
 * Calls fn for every defined entry of an array, in index order. A long array is walked by its own
 * keys: forEach on a sparse array still steps through every index of its length.
 */
export function forEachDefined<T>(arr: readonly (T | undefined)[] | undefined, fn: (x: T, i: number) => void): void {
  if (!arr) return;
  if (arr.length <= DENSE_LIMIT) {
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i];
      if (x !== undefined && x !== null) fn(x, i);
    }
    return;
  }
  for (const k of Object.keys(arr)) {
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0) continue;
    const x = arr[i];
    if (x !== undefined && x !== null) fn(x, i);
  }
}

/** Calls fn for every row that exists, in order (holes are skipped). */
export function forEachRow(sheet: Sheet, fn: (row: (Cell | undefined)[], r: number) => void): void {
  forEachDefined(sheet.rows, fn);
}

/** Calls fn for every defined cell, row by row, left to right (holes are skipped). */
export function forEachCell(sheet: Sheet, fn: (cell: Cell, r: number, c: number) => void): void {
  forEachRow(sheet, (row, r) => forEachDefined(row, (cell, c) => fn(cell, r, c)));
}
