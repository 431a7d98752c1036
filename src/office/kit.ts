// What the Office edge's operations share: the injected Excel.run and requirement-set check,
// the size limits, the guard that turns Office errors into HostErrors, and what the last
// snapshot saw for the applyMarks right after it (dropped by any write).

import type { Area } from '../core/grid';
import type { HostCapabilities } from './host';
import { toHostError } from './officeErrors';
import { normalizeAddress, packAddresses, MAX_ADDRESS_LENGTH } from './addresses';
import type { MarkRecordEntry, SheetIdentity } from './markRecord';

export interface ExcelHostOptions {
  /**
   * The most cells in one row block when a used range must be read in pieces
   * (Excel on the web refuses a response over 5 MB). Default 100,000.
   */
  chunkCells?: number;
  /** The most cells one sync loads when reading in pieces (row blocks of several sheets share a sync). Default 100,000. */
  syncCells?: number;
  /** The most marked cells whose fills (and notes) one sync reads. Default 10,000. */
  probeCells?: number;
  /** The request size (bytes, estimated) one write sync carries before the next starts. Default 2,500,000. */
  writeBytes?: number;
  /** Below this many cells per block a refused read is given up as too large. Default 500. */
  minChunkCells?: number;
  /** The longest address string passed to getRanges. Default 8,192 (Excel's limit). */
  maxAddressLength?: number;
  /**
   * The most cells whose fills a snapshot reads (ExcelApi 1.9 getCellProperties), shared by the
   * sheets, so that the following applyMarks can write in one sync. Each sheet gets an equal
   * share, read from the top-left of its used range. About 70 bytes a cell in the response:
   * the default, 25,000, keeps it under 2 MB beside the values (Excel on the web refuses 5 MB).
   * 0 turns the one-sync marking off.
   */
  fillCells?: number;
}

export type Run = typeof Excel.run;
export type IsSetSupported = (name: string, version: string) => boolean;

export function defaultIsSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** Cell notes, comments, merges and the 1.9 calls (getRanges, fill tint, page layout). */
export interface Support extends HostCapabilities {
  api19: boolean;
}

export const NO_FILL_COLOR = '#FFFFFF';

/** A cell's fill as read (RangeFill or CellProperties): tint and pattern only with 1.9. */
export interface FillSeen {
  color: string | null;
  tintAndShade?: number | null;
  pattern?: string | null;
}

export interface SeenSheet {
  protected: boolean;
  /** The cells whose fills were read (null: none). */
  area: Area | null;
  fills: FillSeen[][];
}

/** What a snapshot read for the applyMarks after it. */
export interface Seen {
  sheets: Map<string, SeenSheet>;
  /** Sheet name -> worksheet id, every sheet the snapshot read. */
  ids: Map<string, string>;
  /** The stored record, resolved to the sheets as the snapshot saw them (resolveRecord). */
  record: MarkRecordEntry[];
  /** recordKey -> the note's text, every note of the workbook (null: not read). */
  notes: Map<string, string> | null;
  /** Every comment of the workbook (null: not read). */
  comments: { id: string; sheet: string; cell: string; content: string }[] | null;
}

/** "'O''Brien 表'!C3" -> { sheet: "O'Brien 表", cell: 'C3' }; null for anything else. */
export function cellOfAddress(address: string): { sheet: string; cell: string } | null {
  const i = address.lastIndexOf('!');
  if (i <= 0) return null;
  let sheet = address.slice(0, i).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const cell = normalizeAddress(address.slice(i + 1).split(':')[0]);
  return cell ? { sheet, cell } : null;
}

/** Bytes of a string in UTF-8. */
export function utf8Length(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** The sheet list as loaded with 'items/name,items/id'. */
export function identities(sheets: { name: string; id: string }[]): SheetIdentity[] {
  return sheets.map((ws) => ({ name: ws.name, id: ws.id }));
}

/** The id of the sheet a mark names (Excel compares sheet names case-insensitively). */
export function idOfSheet(name: string, sheets: SheetIdentity[]): string | undefined {
  const lower = name.toLowerCase();
  return (sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === lower))?.id;
}

export interface Limits {
  chunkCells: number;
  syncCells: number;
  minChunk: number;
  maxAddr: number;
  probeCells: number;
  writeBytes: number;
  fillCells: number;
}

export function limitsOf(options: ExcelHostOptions): Limits {
  return {
    chunkCells: Math.max(1, options.chunkCells ?? 100_000),
    syncCells: Math.max(1, options.syncCells ?? 100_000),
    minChunk: Math.max(1, options.minChunkCells ?? 500),
    maxAddr: Math.max(16, options.maxAddressLength ?? MAX_ADDRESS_LENGTH),
    probeCells: Math.max(1, options.probeCells ?? 10_000),
    writeBytes: Math.max(1, options.writeBytes ?? 2_500_000),
    fillCells: Math.max(0, options.fillCells ?? 25_000),
  };
}

/** The state one host's operations share. */
export interface Kit {
  run: Run;
  support(): Support;
  limits: Limits;
  /** What the last snapshot saw, for the applyMarks right after it; dropped by any write. */
  seen: Seen | null;
}

export async function guard<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toHostError(e);
  }
}

export type Formattable = { format: Excel.RangeFormat };

/** Queues one fill/format action on many cells of a sheet: getRanges (1.9) in address strings of bounded length, else one range per address. */
export function eachTarget(ws: Excel.Worksheet, addresses: string[], api19: boolean, maxAddr: number, f: (t: Formattable) => void): void {
  if (api19) for (const pack of packAddresses(addresses, maxAddr)) f(ws.getRanges(pack));
  else for (const a of addresses) f(ws.getRange(a));
}

/**
 * Writes queued up to a payload budget: one sync for any ordinary number of writes, one more
 * per `writeBytes` of requests beyond that (Excel on the web refuses a request over 5 MB).
 */
export function writer(ctx: Excel.RequestContext, writeBytes: number) {
  let used = 0;
  return {
    async spend(cost: number): Promise<void> {
      if (used > 0 && used + cost > writeBytes) {
        await ctx.sync();
        used = 0;
      }
      used += cost;
    },
    async flush(): Promise<void> {
      if (used > 0) await ctx.sync();
      used = 0;
    },
  };
}
export type Writer = ReturnType<typeof writer>;

/** Rough request size of one queued action (JSON, UTF-8). */
export const OP_BYTES = 160;
export const textBytes = (t: string) => OP_BYTES + 3 * t.length;
/**
 * The record's size in the request, counted exactly: a JSON string (quotes escaped) in UTF-8.
 * It is mostly ASCII (keys, addresses, colours, sheet ids), so the 3-bytes-a-character bound of
 * textBytes would overstate it about threefold.
 */
export const recordBytes = (json: string) => OP_BYTES + utf8Length(JSON.stringify(json));

export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  }
  return m;
}
