// The Office edge: WorkbookHost on Excel.run. Thin by design: it reads cells into a
// Grid and writes what the core planned (marks, sheet layouts); it decides nothing
// about findings, scores or report text.
//
// Round trips (context.sync) are what make an add-in slow, so every method queues its
// work and syncs a fixed number of times, whatever the number of sheets or marks:
//   snapshot     2  (sheet names, the mark record, the notes or comments; every sheet's used
//                   range, formats, types, merges, protection, and the fills of its first cells
//                   up to the fill budget, with the notes' or comments' cells)
//                   + only when Excel refuses that size: 1 (used-range sizes) + one per
//                   batch of row blocks (see ExcelHostOptions)
//   applyMarks   1  right after a snapshot that saw every marked cell (and every cell a
//                   previous check marked): the writes only, from what the snapshot read
//                2  otherwise (original fills, notes, the stored record; writes)
//                   + 1 when a previous check left marks on cells no longer marked
//   clearMarks   3  (the stored record; the marked cells' current fills and notes; writes)
//   Only for mark sets far beyond a real workbook's (over 10,000 cells, or over ~2.5 MB of
//   note text) do reads and writes split into more syncs, one per such slice.
//   addSheets    2  (existing names; writes)
//   selectCell   1
//
// The mark record keys each cell by its sheet's id (Worksheet.id) as well as its name: every method
// that reads the record already loads the sheet list, and loads the ids with the names (no extra
// sync), so marks on a sheet renamed since the check are still found, restored and re-checked.

import { a1, areaA1, colName, parseA1, parseArea, type Area, type Cell, type Grid, type Sheet } from '../core/grid';
import type { LayoutCell, Mark, SheetLayout } from '../core/plan';
import { HostError, type HostCapabilities, type WorkbookHost } from './host';
import { isSizeError, toHostError } from './officeErrors';
import { areaCells, normalizeAddress, packAddresses, parseAreaList, rangePart, rowBlocks, MAX_ADDRESS_LENGTH } from './addresses';
import {
  RECORD_KEY,
  normColor,
  parseRecord,
  recordKey,
  resolveRecord,
  sameColor,
  serializeRecord,
  type MarkRecordEntry,
  type SheetIdentity,
} from './markRecord';
import { combineNote, isOurNote, userPartOfNote } from '../core/marks';

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

type Run = typeof Excel.run;
type IsSetSupported = (name: string, version: string) => boolean;

function defaultIsSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/** Cell notes, comments, merges and the 1.9 calls (getRanges, fill tint, page layout). */
interface Support extends HostCapabilities {
  api19: boolean;
}

const NO_FILL_COLOR = '#FFFFFF';

/** A cell's fill as read (RangeFill or CellProperties): tint and pattern only with 1.9. */
interface FillSeen {
  color: string | null;
  tintAndShade?: number | null;
  pattern?: string | null;
}

interface SeenSheet {
  protected: boolean;
  /** The cells whose fills were read (null: none). */
  area: Area | null;
  fills: FillSeen[][];
}

/** What a snapshot read for the applyMarks after it. */
interface Seen {
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
const SHEET_NAME_MAX = 31;

/** Bytes of a string in UTF-8. */
function utf8Length(t: string): number {
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
function identities(sheets: { name: string; id: string }[]): SheetIdentity[] {
  return sheets.map((ws) => ({ name: ws.name, id: ws.id }));
}

/** The id of the sheet a mark names (Excel compares sheet names case-insensitively). */
function idOfSheet(name: string, sheets: SheetIdentity[]): string | undefined {
  const lower = name.toLowerCase();
  return (sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === lower))?.id;
}

// ---------------------------------------------------------------- reading

type Values = unknown[][];

interface Block {
  sheet: number;
  area: Area;
}

/** One used range (or one block of it) placed into a Sheet at its absolute position. */
function place(sheet: Sheet, origin: Area, values: Values, formats: Values | undefined, types: Values | undefined): void {
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const r = origin.r1 + i;
    for (let j = 0; j < row.length; j++) {
      const cell = toCell(row[j], formats?.[i]?.[j], types?.[i]?.[j]);
      if (!cell) continue;
      while (sheet.rows.length <= r) sheet.rows.push([]);
      sheet.rows[r][origin.c1 + j] = cell;
    }
  }
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

function toCell(v: unknown, format: unknown, type: unknown): Cell | undefined {
  if (type === 'Empty' || v === null || v === undefined) return undefined;
  let cell: Cell;
  const isError = type === 'Error' || (type === undefined && typeof v === 'string' && ERROR_TEXT.test(v));
  if (isError) cell = { value: null, error: String(v) };
  else if (typeof v === 'number' || typeof v === 'boolean') cell = { value: v };
  else if (typeof v === 'string') {
    if (v === '') return undefined;
    cell = { value: v };
  } else cell = { value: String(v) };
  if (typeof format === 'string' && format !== '') cell.format = format;
  return cell;
}

function emptySheet(name: string): Sheet {
  return { name, rows: [], merges: [] };
}

function finishSheet(s: Sheet): void {
  for (let i = 0; i < s.rows.length; i++) if (!s.rows[i]) s.rows[i] = [];
}

// ---------------------------------------------------------------- writing helpers

/** A sheet name Excel accepts and no existing sheet has (names compare case-insensitively). */
export function freeSheetName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (base === '') base = 'Sheet';
  const fit = (b: string, suffix: string) => b.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  let name = fit(base, '');
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = fit(base, ` (${k})`);
  return name;
}

/** Excel column width in characters -> points (the Office.js unit): ~7 px per character + 5 px padding. */
export function charsToPoints(chars: number): number {
  const px = Math.round(chars * 7 + 5);
  return Math.round(px * 0.75 * 100) / 100;
}

type Formattable = { format: Excel.RangeFormat };

interface StyleKey {
  bold?: boolean;
  wrap?: boolean;
  align?: LayoutCell['align'];
  fontSize?: number;
  fill?: string;
  color?: string;
}

function styleOf(c: LayoutCell): StyleKey | null {
  const s: StyleKey = {};
  if (c.bold) s.bold = true;
  if (c.wrap) s.wrap = true;
  if (c.align) s.align = c.align;
  if (c.fontSize) s.fontSize = c.fontSize;
  if (c.fill) s.fill = normColor(c.fill);
  if (c.color) s.color = normColor(c.color);
  return Object.keys(s).length ? s : null;
}

const ALIGN: Record<NonNullable<LayoutCell['align']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

function applyStyle(t: Formattable, s: StyleKey): void {
  if (s.bold) t.format.font.bold = true;
  if (s.wrap) t.format.wrapText = true;
  if (s.align) t.format.horizontalAlignment = ALIGN[s.align];
  if (s.fontSize) t.format.font.size = s.fontSize;
  if (s.fill) t.format.fill.color = s.fill;
  if (s.color) t.format.font.color = s.color;
}

// ---------------------------------------------------------------- the host

/** Excel.run, looked up when called (office.js may load after this module). */
const excelRun = ((batch: (ctx: Excel.RequestContext) => Promise<unknown>) => Excel.run(batch)) as Run;

/**
 * The WorkbookHost over Excel.run. `run` and `isSetSupported` are injectable for tests;
 * `options` tunes the size limits (defaults suit Excel on the web's 5 MB requests).
 */
export function createExcelHost(run: Run = excelRun, isSetSupported?: IsSetSupported, options: ExcelHostOptions = {}): WorkbookHost {
  const isSet: IsSetSupported = isSetSupported ?? defaultIsSetSupported;
  const chunkCells0 = Math.max(1, options.chunkCells ?? 100_000);
  const syncCells0 = Math.max(1, options.syncCells ?? 100_000);
  const minChunk = Math.max(1, options.minChunkCells ?? 500);
  const maxAddr = Math.max(16, options.maxAddressLength ?? MAX_ADDRESS_LENGTH);
  const probeCells = Math.max(1, options.probeCells ?? 10_000);
  const writeBytes = Math.max(1, options.writeBytes ?? 2_500_000);
  const fillCells = Math.max(0, options.fillCells ?? 25_000);

  /** What the last snapshot saw, for the applyMarks right after it; dropped by any write. */
  let seen: Seen | null = null;

  const support = (): Support => ({
    notes: isSet('ExcelApi', '1.18'),
    comments: isSet('ExcelApi', '1.10'),
    merges: isSet('ExcelApi', '1.13'),
    api19: isSet('ExcelApi', '1.9'),
  });

  async function guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw toHostError(e);
    }
  }

  /** Queues one fill/format action on many cells of a sheet: getRanges (1.9) in address strings of bounded length, else one range per address. */
  function eachTarget(ws: Excel.Worksheet, addresses: string[], api19: boolean, f: (t: Formattable) => void): void {
    if (api19) for (const pack of packAddresses(addresses, maxAddr)) f(ws.getRanges(pack));
    else for (const a of addresses) f(ws.getRange(a));
  }

  // ---- snapshot

  /** Every sheet's used range in one sync; `also` queues more loads on it and returns what reads them after. */
  async function readWhole(ctx: Excel.RequestContext, sheets: Excel.Worksheet[], merges: boolean, also?: () => () => void): Promise<Sheet[]> {
    const jobs = sheets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,values,numberFormat,valueTypes');
      const merged = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
      if (merged) merged.load('address');
      return { used, merged };
    });
    const after = also?.();
    await ctx.sync();
    after?.();
    return sheets.map((ws, i) => {
      const s = emptySheet(ws.name);
      const { used, merged } = jobs[i];
      if (!used.isNullObject) place(s, parseArea(rangePart(used.address)), used.values, used.numberFormat, used.valueTypes);
      if (merged && !merged.isNullObject) s.merges = parseAreaList(merged.address);
      finishSheet(s);
      return s;
    });
  }

  /** The used ranges of every sheet, then their rows in blocks, several blocks per sync up to a cell budget. */
  async function readInBlocks(ctx: Excel.RequestContext, sheets: Excel.Worksheet[], merges: boolean): Promise<Sheet[]> {
    const dims = sheets.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address');
      const merged = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
      if (merged) merged.load('address');
      return { used, merged };
    });
    await ctx.sync();
    const out = sheets.map((ws, i) => {
      const s = emptySheet(ws.name);
      const m = dims[i].merged;
      if (m && !m.isNullObject) s.merges = parseAreaList(m.address);
      return s;
    });
    let chunkCells = chunkCells0;
    let syncCells = syncCells0;
    let pending: Block[] = [];
    dims.forEach((d, i) => {
      if (d.used.isNullObject) return;
      for (const area of rowBlocks(parseArea(rangePart(d.used.address)), chunkCells)) pending.push({ sheet: i, area });
    });
    while (pending.length) {
      const batch: Block[] = [];
      let cells = 0;
      while (pending.length && (batch.length === 0 || cells + areaCells(pending[0].area) <= syncCells)) {
        const b = pending.shift() as Block;
        cells += areaCells(b.area);
        batch.push(b);
      }
      const loads = batch.map((b) => {
        const r = sheets[b.sheet].getRange(areaA1(b.area));
        r.load('values,numberFormat,valueTypes');
        return r;
      });
      try {
        await ctx.sync();
      } catch (e) {
        if (!isSizeError(e) || chunkCells <= minChunk) throw e;
        // Excel refused the size: halve the blocks and the budget, and read this batch again.
        chunkCells = Math.max(minChunk, Math.floor(chunkCells / 2));
        syncCells = Math.max(chunkCells, Math.floor(syncCells / 2));
        const again: Block[] = [];
        for (const b of batch) for (const area of rowBlocks(b.area, chunkCells)) again.push({ sheet: b.sheet, area });
        pending = [...again, ...pending];
        continue;
      }
      batch.forEach((b, k) => place(out[b.sheet], b.area, loads[k].values, loads[k].numberFormat, loads[k].valueTypes));
    }
    out.forEach(finishSheet);
    return out;
  }

  // ---- what a snapshot reads for the applyMarks after it

  const FILL_LOAD = { format: { fill: { color: true, tintAndShade: true, pattern: true } } } as const;

  /** The first sync's part: the stored record, the notes (1.18) or else the comments (1.10). */
  function queueSeenFirst(ctx: Excel.RequestContext, sup: Support) {
    const wb = ctx.workbook;
    const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
    setting.load('value');
    const notes = sup.notes ? wb.notes : null;
    if (notes) notes.load('items/content');
    const comments = !sup.notes && sup.comments ? wb.comments : null;
    if (comments) comments.load('items/id,items/content');
    return { setting, notes, comments };
  }
  type SeenFirst = ReturnType<typeof queueSeenFirst>;

  /**
   * The second sync's part: every sheet's protection; the fills of a block at the top-left of its
   * used range (its share of the fill budget, clipped to the used range); the cells of the notes
   * or comments. Returns what builds the cache once the sync is done.
   */
  function queueSeenSecond(first: SeenFirst, sheets: Excel.Worksheet[], sup: Support): () => Seen {
    const share = Math.floor(fillCells / Math.max(1, sheets.length));
    // A block about 4 times as tall as it is wide, 16 to 64 columns (the tables are narrow and long).
    const cols = Math.min(64, Math.max(16, Math.round(Math.sqrt(share / 4))));
    const rows = Math.floor(share / cols);
    const perSheet = sheets.map((ws) => {
      ws.protection.load('protected');
      if (rows < 1) return { ws, block: null, props: null };
      // getUsedRange (not ...OrNullObject) gives A1 for a blank sheet, so the block always exists.
      const used = ws.getUsedRange(true);
      const block = used.getCell(0, 0).getResizedRange(rows - 1, cols - 1).getIntersection(used);
      block.load('address');
      return { ws, block, props: block.getCellProperties(FILL_LOAD) };
    });
    const noteCells = first.notes ? first.notes.items.map((n) => n.getLocation().load('address')) : null;
    const commentCells = first.comments ? first.comments.items.map((c) => c.getLocation().load('address')) : null;
    return () => {
      const known = identities(sheets);
      const out: Seen = {
        sheets: new Map(),
        ids: new Map(known.map((k) => [k.name, k.id])),
        record: first.setting.isNullObject ? [] : resolveRecord(parseRecord(first.setting.value), known),
        notes: null,
        comments: null,
      };
      for (const { ws, block, props } of perSheet) {
        const s: SeenSheet = { protected: ws.protection.protected, area: null, fills: [] };
        if (block && props) {
          s.area = parseArea(rangePart(block.address));
          s.fills = props.value.map((row) => row.map((cp) => ({ color: cp.format?.fill?.color ?? null, tintAndShade: cp.format?.fill?.tintAndShade ?? null, pattern: cp.format?.fill?.pattern ?? null })));
        }
        out.sheets.set(ws.name, s);
      }
      if (first.notes && noteCells) {
        out.notes = new Map();
        first.notes.items.forEach((n, i) => {
          const at = cellOfAddress(noteCells[i].address);
          if (at) out.notes!.set(recordKey(at.sheet, at.cell), n.content);
        });
      }
      if (first.comments && commentCells) {
        out.comments = first.comments.items.map((c, i) => {
          const at = cellOfAddress(commentCells[i].address);
          return { id: c.id, sheet: at?.sheet ?? '', cell: at?.cell ?? '', content: c.content };
        });
      }
      return out;
    };
  }

  /** The fill the last snapshot saw on a cell, or undefined when it did not read that cell. */
  function seenFill(s: Seen, sheet: string, cell: string): FillSeen | undefined {
    const sh = s.sheets.get(sheet);
    if (!sh || !sh.area) return undefined;
    const { r, c } = parseA1(cell);
    const a = sh.area;
    if (r < a.r1 || r > a.r2 || c < a.c1 || c > a.c2) return undefined;
    return sh.fills[r - a.r1]?.[c - a.c1];
  }

  // ---- marks: reading what a write must keep, writing within a payload budget

  interface CellProbe {
    sheet: string;
    cell: string;
    fill: Excel.RangeFill;
    note: Excel.Note | null;
  }

  /** A cell to probe; its sheet is looked up by id where one is given (a record entry), else by name. */
  type CellRef = { sheet: string; cell: string; note: boolean; sheetId?: string };

  /**
   * Queues, for every cell, the load of its fill (and of its note where asked and supported) and of
   * its sheet's protection; syncs once per `probeCells` cells (once for any ordinary number of
   * marks), refusing a protected sheet before anything is written. Loads queued before the call
   * ride on the first sync. The sheets come back by the key they were looked up with (id or name).
   */
  async function probeAll(ctx: Excel.RequestContext, cells: CellRef[], sup: Support, verb: string): Promise<{ sheets: Map<string, Excel.Worksheet>; probes: CellProbe[] }> {
    const sheets = new Map<string, Excel.Worksheet>();
    /** Lookup key -> the sheet's name, for the messages. */
    const names = new Map<string, string>();
    const probes: CellProbe[] = [];
    const fillProps = sup.api19 ? 'color,tintAndShade,pattern' : 'color';
    for (let i = 0; i < cells.length || i === 0; i += probeCells) {
      const batchSheets = new Map<string, Excel.Worksheet>();
      for (const { sheet, cell, note, sheetId } of cells.slice(i, i + probeCells)) {
        const key = sheetId ?? sheet;
        let ws = batchSheets.get(key);
        if (!ws) {
          ws = sheets.get(key) ?? ctx.workbook.worksheets.getItem(key);
          if (!sheets.has(key)) ws.protection.load('protected');
          batchSheets.set(key, ws);
          names.set(key, sheet);
        }
        const fill = ws.getRange(cell).format.fill;
        fill.load(fillProps);
        let n: Excel.Note | null = null;
        if (note && sup.notes) {
          n = ws.notes.getItemOrNullObject(cell);
          n.load('content');
        }
        probes.push({ sheet, cell, fill, note: n });
      }
      await ctx.sync();
      const fresh = new Map([...batchSheets].filter(([key]) => !sheets.has(key)));
      checkProtection(new Map([...fresh].map(([key, ws]) => [names.get(key) ?? key, ws])), verb);
      for (const [key, ws] of fresh) sheets.set(key, ws);
    }
    return { sheets, probes };
  }

  function checkProtection(sheets: Map<string, Excel.Worksheet>, verb: string): void {
    for (const [name, ws] of sheets) {
      if (ws.protection.protected) {
        throw new HostError('protected', `工作表“${name}”受保护，无法${verb}。请先撤销工作表保护（审阅 > 撤销工作表保护）后重试。`);
      }
    }
  }

  /**
   * Writes queued up to a payload budget: one sync for any ordinary number of marks, one more
   * per `writeBytes` of requests beyond that (Excel on the web refuses a request over 5 MB).
   */
  function writer(ctx: Excel.RequestContext) {
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
  type Writer = ReturnType<typeof writer>;

  /** Rough request size of one queued action (JSON, UTF-8). */
  const OP_BYTES = 160;
  const textBytes = (t: string) => OP_BYTES + 3 * t.length;
  /**
   * The record's size in the request, counted exactly: a JSON string (quotes escaped) in UTF-8.
   * It is mostly ASCII (keys, addresses, colours, sheet ids), so the 3-bytes-a-character bound of
   * textBytes would overstate it about threefold.
   */
  const recordBytes = (json: string) => OP_BYTES + utf8Length(JSON.stringify(json));

  /** A cell's fill as the record keeps it: '#RRGGBB', or null for no fill. */
  function fillOf(f: FillSeen, sup: Support): string | null {
    const color = f.color;
    if (!color) return null;
    const c = normColor(color);
    if (c !== NO_FILL_COLOR) return c;
    // 'No fill' reads as #FFFFFF like a white fill; with 1.9 a white fill has a tint (0), no fill has none.
    if (!sup.api19) return null;
    const tint = f.tintAndShade;
    if (f.pattern === 'None' || tint === null || tint === undefined) return null;
    return c;
  }

  /** A probed RangeFill as read (tint and pattern are loaded only with 1.9). */
  function probedFill(f: Excel.RangeFill, sup: Support): FillSeen {
    return sup.api19 ? { color: f.color, tintAndShade: f.tintAndShade, pattern: f.pattern } : { color: f.color };
  }

  /** The cell still carries the fill the add-in gave it (a record without the mark colour: assume so). */
  function stillOurs(color: string | null | undefined, e: MarkRecordEntry): boolean {
    return e.mark === undefined || sameColor(color, e.mark);
  }

  function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
    const m = new Map<string, T[]>();
    for (const it of items) {
      const k = key(it);
      const l = m.get(k);
      if (l) l.push(it);
      else m.set(k, [it]);
    }
    return m;
  }

  /**
   * Queues fills for cells: colour -> set, null -> clear; grouped per sheet and colour into
   * multi-area ranges. A cell's sheet is looked up by its id where given (a record entry), else by name.
   */
  async function queueFills(ctx: Excel.RequestContext, w: Writer, cells: { sheet: string; cell: string; fill: string | null; sheetId?: string }[], api19: boolean): Promise<void> {
    for (const [sheet, list] of groupBy(cells, (c) => c.sheetId ?? c.sheet)) {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const [color, same] of groupBy(list, (c) => c.fill ?? '')) {
        const addresses = same.map((c) => c.cell);
        const targets = api19 ? packAddresses(addresses, maxAddr).map((p) => ({ cost: OP_BYTES + p.length, get: () => ws.getRanges(p) as Formattable })) : addresses.map((a) => ({ cost: OP_BYTES + a.length, get: () => ws.getRange(a) as Formattable }));
        for (const t of targets) {
          await w.spend(t.cost);
          const r = t.get();
          if (color === '') r.format.fill.clear();
          else r.format.fill.color = color;
        }
      }
    }
  }

  /** Queues the removal of the add-in's part of a note: the user's part stays, an emptied note goes. */
  async function queueNoteRemoval(w: Writer, note: Excel.Note | null): Promise<void> {
    if (!note || note.isNullObject) return;
    const text = note.content;
    if (!isOurNote(text)) return;
    const user = userPartOfNote(text);
    await w.spend(textBytes(user));
    if (user === '') note.delete();
    else note.content = user;
  }

  // ---- marking in one sync from what the snapshot saw

  interface FastPlan {
    marked: Mark[];
    record: MarkRecordEntry[];
    /** Cells a previous check marked and this one does not, whose fill is still ours: back to the original. */
    back: MarkRecordEntry[];
    /** Notes on those cells holding the add-in's part: the user's part stays. */
    staleNotes: { sheet: string; cell: string; content: string }[];
    /** The existing note of each marked cell (notes only). */
    notes: (string | undefined)[];
    /** The add-in's own comments to remove, and whether comments can be added (no user thread on a marked cell). */
    ourComments: string[];
    addComments: boolean;
    useNotes: boolean;
    useComments: boolean;
    /** Every sheet the writes touch. */
    sheets: string[];
  }

  /**
   * The writes of applyMarks from the last snapshot's reads, or null when the snapshot did not see
   * everything they need (a marked or previously marked cell whose fill it did not read, notes or
   * comments it did not read). A protected sheet is refused here, before anything is written.
   */
  function planFromSeen(s: Seen, marked: Mark[], wanted: Map<string, Mark>, sup: Support): FastPlan | null {
    const useNotes = sup.notes;
    const useComments = !sup.notes && sup.comments;
    if ((useNotes && !s.notes) || (useComments && !s.comments)) return null;
    const fills = marked.map((m) => seenFill(s, m.sheet, m.cell));
    if (fills.some((f) => f === undefined)) return null;
    const oldByKey = new Map(s.record.map((e) => [recordKey(e.sheet, e.cell), e]));
    // The record is resolved to the snapshot's sheets: an entry on a sheet gone since is not in it.
    const stale = s.record.filter((e) => !wanted.has(recordKey(e.sheet, e.cell)) && s.sheets.has(e.sheet));
    const staleFills = stale.map((e) => seenFill(s, e.sheet, e.cell));
    if (staleFills.some((f) => f === undefined)) return null;

    const refuse = (names: Iterable<string>, verb: string) => {
      for (const name of names) {
        if (s.sheets.get(name)?.protected) {
          throw new HostError('protected', `工作表“${name}”受保护，无法${verb}。请先撤销工作表保护（审阅 > 撤销工作表保护）后重试。`);
        }
      }
    };
    const markedSheets = new Set(marked.map((m) => m.sheet));
    const staleSheets = new Set(stale.map((e) => e.sheet));
    refuse(markedSheets, '写入标记');
    refuse(staleSheets, '更新标记');

    const comments = s.comments ?? [];
    const addComments = useComments && !comments.some((c) => !isOurNote(c.content) && wanted.has(recordKey(c.sheet, c.cell)));
    const via = useNotes ? 'note' : addComments ? 'comment' : undefined;
    const record = marked.map((m, i) => {
      const f = fills[i] as FillSeen;
      const prev = oldByKey.get(recordKey(m.sheet, m.cell));
      // A cell the user refilled since the last check: their fill is now the one to restore.
      const original = prev && stillOurs(f.color, prev) ? prev.fill : fillOf(f, sup);
      const entry: MarkRecordEntry = { sheet: m.sheet, cell: m.cell, fill: original, note: !!via, mark: m.fill };
      const id = s.ids.get(m.sheet);
      if (id !== undefined) entry.sheetId = id;
      if (via) entry.via = via;
      return entry;
    });
    const staleNotes: FastPlan['staleNotes'] = [];
    if (useNotes && s.notes) {
      for (const e of stale) {
        if (!e.note || e.via === 'comment') continue;
        const content = s.notes.get(recordKey(e.sheet, e.cell));
        if (content !== undefined && isOurNote(content)) staleNotes.push({ sheet: e.sheet, cell: e.cell, content });
      }
    }
    return {
      marked,
      record,
      back: stale.filter((e, i) => stillOurs(staleFills[i]?.color, e)),
      staleNotes,
      notes: marked.map((m) => (useNotes && s.notes ? s.notes.get(recordKey(m.sheet, m.cell)) : undefined)),
      ourComments: useComments ? comments.filter((c) => isOurNote(c.content)).map((c) => c.id) : [],
      addComments,
      useNotes,
      useComments,
      sheets: [...new Set([...markedSheets, ...staleSheets])],
    };
  }

  /** applyMarks' writes, in one sync for any ordinary number of marks. */
  async function writeMarks(ctx: Excel.RequestContext, plan: FastPlan, sup: Support): Promise<void> {
    const wb = ctx.workbook;
    // A sheet renamed or deleted since the snapshot fails here, before anything is written.
    const sheets = new Map<string, Excel.Worksheet>();
    for (const name of plan.sheets) {
      const ws = wb.worksheets.getItem(name);
      ws.load('name');
      sheets.set(name, ws);
    }
    const sheet = (name: string) => sheets.get(name) as Excel.Worksheet;
    const writeRecordAndFills = async (w: Writer) => {
      // The record first: whatever happens to the writes after it, clearMarks can restore.
      const json = serializeRecord(plan.record);
      await w.spend(recordBytes(json));
      wb.settings.add(RECORD_KEY, json);
      await queueFills(ctx, w, plan.marked, sup.api19);
    };
    const w = writer(ctx);
    try {
      await writeRecordAndFills(w);
      await queueFills(ctx, w, plan.back, sup.api19);
      for (const n of plan.staleNotes) {
        const user = userPartOfNote(n.content);
        await w.spend(textBytes(user));
        const note = sheet(n.sheet).notes.getItem(n.cell);
        if (user === '') note.delete();
        else note.content = user;
      }
      if (plan.useNotes) {
        for (let i = 0; i < plan.marked.length; i++) {
          const m = plan.marked[i];
          const existing = plan.notes[i];
          await w.spend(textBytes(m.note));
          const ws = sheet(m.sheet);
          if (existing !== undefined) ws.notes.getItem(m.cell).content = combineNote(existing, m.note);
          else ws.notes.add(ws.getRange(m.cell), m.note);
        }
      }
      if (plan.useComments) {
        for (const id of plan.ourComments) {
          await w.spend(OP_BYTES);
          wb.comments.getItem(id).delete();
        }
        if (plan.addComments) {
          for (const m of plan.marked) {
            await w.spend(textBytes(m.note));
            wb.comments.add(sheet(m.sheet).getRange(m.cell), m.note);
          }
        }
      }
      await w.flush();
    } catch (e) {
      // As in the two-sync path: a comment Excel refuses leaves the fills and the record without comments.
      if (!plan.useComments || toHostError(e).kind !== 'other') throw e;
      for (const r of plan.record) {
        r.note = false;
        delete r.via;
      }
      const again = writer(ctx);
      await writeRecordAndFills(again);
      await again.flush();
    }
  }

  // ---- the interface

  return {
    async capabilities(): Promise<HostCapabilities> {
      const s = support();
      return { notes: s.notes, comments: s.comments, merges: s.merges };
    },

    async snapshot(): Promise<Grid> {
      const sup = support();
      seen = null;
      return guard(() =>
        run(async (ctx) => {
          const wss = ctx.workbook.worksheets;
          wss.load('items/name,items/id');
          // What applyMarks would read, on the same two syncs (getCellProperties needs 1.9).
          const first = sup.api19 && fillCells > 0 ? queueSeenFirst(ctx, sup) : null;
          await ctx.sync();
          const sheets = wss.items;
          let error: unknown = null;
          if (first) {
            let made: Seen | null = null;
            try {
              const read = await readWhole(ctx, sheets, sup.merges, () => {
                const build = queueSeenSecond(first, sheets, sup);
                return () => {
                  made = build();
                };
              });
              seen = made;
              return { sheets: read };
            } catch (e) {
              error = e;
              // An unexpected refusal of the extra reads: read once more without them.
              if (!isSizeError(e) && toHostError(e).kind !== 'other') throw e;
            }
          }
          if (error && isSizeError(error)) return { sheets: await readInBlocks(ctx, sheets, sup.merges) };
          try {
            return { sheets: await readWhole(ctx, sheets, sup.merges) };
          } catch (e) {
            if (isSizeError(e)) return { sheets: await readInBlocks(ctx, sheets, sup.merges) };
            const kind = toHostError(e).kind;
            if (kind !== 'other' || sheets.length < 2) throw e;
          }
          // Failure path only: find the sheet(s) that cannot be read, one sync per sheet.
          const out: Sheet[] = [];
          let firstError: unknown = null;
          for (const ws of sheets) {
            try {
              out.push((await readWhole(ctx, [ws], sup.merges))[0]);
            } catch (e) {
              if (isSizeError(e)) {
                out.push((await readInBlocks(ctx, [ws], sup.merges))[0]);
                continue;
              }
              firstError ??= e;
              const msg = e && typeof e === 'object' && 'message' in e ? String((e as { message: unknown }).message) : String(e);
              out.push({ name: ws.name, rows: [], merges: [], unreadable: `无法读取此工作表：${msg}` });
            }
          }
          if (out.every((s) => s.unreadable)) throw firstError;
          return { sheets: out };
        }),
      );
    },

    async applyMarks(marks: Mark[]): Promise<void> {
      const sup = support();
      const wanted = new Map<string, Mark>();
      for (const m of marks) {
        const cell = normalizeAddress(m.cell);
        if (!cell || cell.includes(':')) continue;
        wanted.set(recordKey(m.sheet, cell), { ...m, cell, fill: normColor(m.fill) });
      }
      if (wanted.size === 0) return;
      const marked = [...wanted.values()];
      const useNotes = sup.notes;
      const useComments = !sup.notes && sup.comments;
      const cache = seen;
      seen = null;
      await guard(async () => {
        const fast = cache ? planFromSeen(cache, marked, wanted, sup) : null;
        if (fast) return run((ctx) => writeMarks(ctx, fast, sup));
        return run(async (ctx) => {
          const wb = ctx.workbook;
          // Read: the stored record, the sheets' names, the add-in's comments; with them the marked
          // cells' protection, fills and notes.
          const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
          setting.load('value');
          wb.worksheets.load('items/name,items/id');
          const comments = useComments ? wb.comments : null;
          if (comments) comments.load('items/content');
          const { sheets, probes } = await probeAll(
            ctx,
            marked.map((m) => ({ sheet: m.sheet, cell: m.cell, note: useNotes })),
            sup,
            '写入标记',
          );
          // The earlier record, each entry under its sheet's current name (a sheet renamed since is
          // found by its id; an entry whose sheet is gone is dropped).
          const known = identities(wb.worksheets.items);
          const old = setting.isNullObject ? [] : resolveRecord(parseRecord(setting.value), known);
          const oldByKey = new Map(old.map((e) => [recordKey(e.sheet, e.cell), e]));

          // One more read only when an earlier check marked cells this one does not.
          const stale = old.filter((e) => !wanted.has(recordKey(e.sheet, e.cell)));
          const staleProbes = stale.length
            ? (await probeAll(ctx, stale.map((e) => ({ sheet: e.sheet, sheetId: e.sheetId, cell: e.cell, note: e.note && e.via !== 'comment' })), sup, '更新标记')).probes
            : [];

          // The new record: a cell marked before keeps the original fill it had then, unless the user refilled it.
          const via = useNotes ? 'note' : useComments ? 'comment' : undefined;
          const record: MarkRecordEntry[] = probes.map((p, i) => {
            const m = marked[i];
            const prev = oldByKey.get(recordKey(p.sheet, p.cell));
            // A cell the user refilled since the last check: their fill is now the one to restore.
            const original = prev && stillOurs(p.fill.color, prev) ? prev.fill : fillOf(probedFill(p.fill, sup), sup);
            const entry: MarkRecordEntry = { sheet: p.sheet, cell: p.cell, fill: original, note: !!via, mark: m.fill };
            const id = idOfSheet(p.sheet, known);
            if (id !== undefined) entry.sheetId = id;
            if (via) entry.via = via;
            return entry;
          });

          const writeRecordAndFills = async (w: Writer) => {
            // The record first: whatever happens to the writes after it, clearMarks can restore.
            const json = serializeRecord(record);
            await w.spend(recordBytes(json));
            wb.settings.add(RECORD_KEY, json);
            await queueFills(ctx, w, marked, sup.api19);
          };
          const w = writer(ctx);
          try {
            await writeRecordAndFills(w);
            // Cells an earlier check marked and this one does not: back to their original fill,
            // unless the user has changed it since.
            const back = stale.filter((e, i) => stillOurs(staleProbes[i].fill.color, e));
            await queueFills(ctx, w, back, sup.api19);
            for (const p of staleProbes) await queueNoteRemoval(w, p.note);
            if (useNotes) {
              for (let i = 0; i < probes.length; i++) {
                const p = probes[i];
                const text = marked[i].note;
                await w.spend(textBytes(text));
                if (p.note && !p.note.isNullObject) p.note.content = combineNote(p.note.content, text);
                else {
                  const ws = sheets.get(p.sheet) as Excel.Worksheet;
                  ws.notes.add(ws.getRange(p.cell), text);
                }
              }
            }
            if (comments) {
              for (const c of comments.items) {
                if (!isOurNote(c.content)) continue;
                await w.spend(OP_BYTES);
                c.delete();
              }
              for (const m of marked) {
                await w.spend(textBytes(m.note));
                wb.comments.add((sheets.get(m.sheet) as Excel.Worksheet).getRange(m.cell), m.note);
              }
            }
            await w.flush();
          } catch (e) {
            // A cell may already hold someone's comment thread, which Excel refuses to add to;
            // the fills and the record then stand without comments (the pane lists every message).
            if (!useComments || toHostError(e).kind !== 'other') throw e;
            for (const r of record) {
              r.note = false;
              delete r.via;
            }
            const again = writer(ctx);
            await writeRecordAndFills(again);
            await again.flush();
          }
        });
      });
    },

    async clearMarks(): Promise<number> {
      const sup = support();
      seen = null;
      return guard(() =>
        run(async (ctx) => {
          const wb = ctx.workbook;
          const setting = wb.settings.getItemOrNullObject(RECORD_KEY);
          setting.load('value');
          wb.worksheets.load('items/name,items/id');
          const comments = sup.comments ? wb.comments : null;
          if (comments) comments.load('items/content');
          await ctx.sync();
          // Each entry on its sheet as it is now: found by id through renames; a sheet deleted
          // since the check leaves nothing to restore, and its entries go with the record.
          const live = setting.isNullObject ? [] : resolveRecord(parseRecord(setting.value), identities(wb.worksheets.items));
          const probes = live.length
            ? (await probeAll(ctx, live.map((e) => ({ sheet: e.sheet, sheetId: e.sheetId, cell: e.cell, note: e.note && e.via !== 'comment' })), sup, '清除标记')).probes
            : [];
          // A cell whose fill is no longer ours was refilled by the user: their choice stays.
          const restore = live.filter((e, i) => stillOurs(probes[i].fill.color, e));
          const w = writer(ctx);
          await queueFills(ctx, w, restore, sup.api19);
          for (const p of probes) await queueNoteRemoval(w, p.note);
          for (const c of comments ? comments.items : []) {
            if (!isOurNote(c.content)) continue;
            await w.spend(OP_BYTES);
            c.delete();
          }
          if (!setting.isNullObject) {
            await w.spend(OP_BYTES);
            setting.delete();
          }
          await w.flush();
          return restore.length;
        }),
      );
    },

    async addSheets(layouts: SheetLayout[]): Promise<string[]> {
      if (layouts.length === 0) return [];
      const sup = support();
      seen = null;
      return guard(() =>
        run(async (ctx) => {
          const wss = ctx.workbook.worksheets;
          wss.load('items/name');
          await ctx.sync();
          const taken = new Set(wss.items.map((w) => w.name.toLowerCase()));
          const names: string[] = [];
          let first: Excel.Worksheet | null = null;
          for (const layout of layouts) {
            const name = freeSheetName(layout.name, taken);
            taken.add(name.toLowerCase());
            names.push(name);
            const ws = wss.add(name);
            first ??= ws;
            writeLayout(ws, layout, sup.api19);
          }
          (first as Excel.Worksheet).activate();
          await ctx.sync();
          return names;
        }),
      );
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      const addr = normalizeAddress(cell);
      if (!addr) throw new HostError('other', `单元格地址“${cell}”无效。`);
      await guard(() =>
        run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(addr).select();
          await ctx.sync();
        }),
      );
    },
  };

  function writeLayout(ws: Excel.Worksheet, layout: SheetLayout, api19: boolean): void {
    const cells = layout.cells.filter((c) => c.row >= 0 && c.col >= 0);
    if (cells.length) {
      let maxR = 0;
      let maxC = 0;
      for (const c of cells) {
        if (c.row > maxR) maxR = c.row;
        if (c.col > maxC) maxC = c.col;
      }
      const values: (string | number)[][] = [];
      const formats: string[][] = [];
      for (let r = 0; r <= maxR; r++) {
        values.push(new Array<string | number>(maxC + 1).fill(''));
        formats.push(new Array<string>(maxC + 1).fill('General'));
      }
      for (const c of cells) {
        if (typeof c.value === 'number' && Number.isFinite(c.value)) {
          values[c.row][c.col] = c.value;
          formats[c.row][c.col] = c.format ?? 'General';
        } else {
          // Text is written as text ('@' set before the values): '=1+1' stays '=1+1'.
          values[c.row][c.col] = String(c.value);
          formats[c.row][c.col] = '@';
        }
      }
      const block = ws.getRange(areaA1({ r1: 0, c1: 0, r2: maxR, c2: maxC }));
      block.numberFormat = formats;
      block.values = values;
      const styles = new Map<string, { style: StyleKey; cells: string[] }>();
      for (const c of cells) {
        const s = styleOf(c);
        if (!s) continue;
        const k = JSON.stringify(s);
        const g = styles.get(k);
        if (g) g.cells.push(a1(c.row, c.col));
        else styles.set(k, { style: s, cells: [a1(c.row, c.col)] });
      }
      for (const g of styles.values()) eachTarget(ws, g.cells, api19, (t) => applyStyle(t, g.style));
    }
    for (const m of layout.merges) {
      const addr = normalizeAddress(m);
      if (addr && addr.includes(':')) ws.getRange(addr).merge(false);
    }
    layout.columnWidths.forEach((w, i) => {
      if (w > 0) ws.getRange(`${colName(i)}:${colName(i)}`).format.columnWidth = charsToPoints(w);
    });
    for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.getRange(a1(Number(r), 0)).format.rowHeight = h;
    if (api19 && layout.orientation) {
      ws.pageLayout.orientation = (layout.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
      ws.pageLayout.paperSize = 'A4' as Excel.PaperType;
    }
    if (api19 && layout.printArea) ws.pageLayout.setPrintArea(layout.printArea);
  }
}

