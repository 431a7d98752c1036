// The ExcelJS edge: an .xlsx file -> Grid, and the core's plans (marks, new sheets) -> the workbook.
// Nothing here decides anything about the self-evaluation; it only moves cells in and out.

import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
// ExcelJS's own zip library (a dependency of exceljs 4): used to read what ExcelJS drops.
import JSZip from 'jszip';
import type { Area, Cell, Grid, Sheet } from '../core/grid';
import { cellText, parseA1, parseArea } from '../core/grid';
import type { LayoutCell, Mark, SheetLayout } from '../core/plan';
import { NOTE_PREFIX, combineNote } from '../core/marks';
import { textUnits } from '../core/layout';
import { SelfevalError } from '../core/engine';
import { readPackageBytes } from './package/container';

// Only ExcelJS's document model: the package entry also loads the streaming reader and writer
// (and archiver), which selfeval never uses; that costs a few hundred milliseconds per start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Workbook: typeof ExcelJS.Workbook = require('exceljs/lib/doc/workbook');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VT: typeof ExcelJS.ValueType = require('exceljs/lib/doc/enums').ValueType;
const MS_PER_DAY = 86400000;
/** Excel's 1900 serial of 1970-01-01. */
const EPOCH_SERIAL = 25569;

/** A date as its Excel 1900-system serial number (whatever system the workbook used: ExcelJS gave a true date). */
export function dateToSerial(d: Date): number {
  return EPOCH_SERIAL + d.getTime() / MS_PER_DAY;
}

// ---------------------------------------------------------------------------
// Input validation: the fast path's own checks and limits (package/container.ts), one copy.

/**
 * Reads the file and checks that it can be an .xlsx workbook; throws SelfevalError with one
 * Chinese line otherwise. Returns the bytes.
 */
export const readWorkbookBytes = readPackageBytes;

// ---------------------------------------------------------------------------
// ExcelJS -> Grid

type AnyValue = ExcelJS.CellValue | undefined;

function richTextOf(v: { richText?: { text?: unknown }[] }): string {
  let s = '';
  for (const run of v.richText ?? []) if (run && run.text !== undefined && run.text !== null) s += String(run.text);
  return s;
}

/** A plain value (formula result, hyperlink text, …) into the cell's value/error fields. */
function putPlain(out: Cell, v: unknown): void {
  if (v === null || v === undefined) return;
  switch (typeof v) {
    case 'number':
      if (Number.isFinite(v)) out.value = v;
      else out.error = '#NUM!';
      return;
    case 'string':
      out.value = v;
      return;
    case 'boolean':
      out.value = v;
      return;
    case 'object':
      break;
    default:
      out.value = String(v);
      return;
  }
  if (v instanceof Date) {
    const t = v.getTime();
    if (Number.isFinite(t)) out.value = dateToSerial(v);
    return;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') {
    out.error = o.error;
    return;
  }
  if (Array.isArray(o.richText)) {
    out.value = richTextOf(o as { richText: { text?: unknown }[] });
    return;
  }
  if ('formula' in o || 'sharedFormula' in o) {
    out.formula = true;
    putPlain(out, o.result);
    return;
  }
  if ('text' in o) {
    // A hyperlink: its text is what the cell shows (itself plain or rich text).
    putPlain(out, o.text);
    return;
  }
}

/** A value with its number format, in one of two fixed shapes (the common case, kept cheap). */
function plainCell(value: string | number | boolean, fmt: string | undefined): Cell {
  return fmt ? { value, format: fmt } : { value };
}

/** One ExcelJS cell as a grid Cell; undefined for an empty cell or a merged cell other than the master. */
function toGridCell(cell: ExcelJS.Cell): Cell | undefined {
  const type = cell.type;
  if (type === VT.Null || type === VT.Merge) return undefined;
  const v = cell.value as AnyValue;
  // The common cases first: plain numbers and strings.
  if (type === VT.Number) {
    if (typeof v === 'number' && Number.isFinite(v)) return plainCell(v, cell.numFmt || undefined);
  } else if (type === VT.String) {
    if (typeof v === 'string') return v === '' ? undefined : plainCell(v, cell.numFmt || undefined);
  } else if (type === VT.Boolean) {
    if (typeof v === 'boolean') return plainCell(v, cell.numFmt || undefined);
  }
  const out: Cell = { value: null };
  switch (type) {
    case VT.RichText:
      out.value = richTextOf(v as ExcelJS.CellRichTextValue);
      break;
    case VT.Hyperlink:
      putPlain(out, (v as ExcelJS.CellHyperlinkValue).text);
      break;
    case VT.Error:
      out.error = String((v as ExcelJS.CellErrorValue).error);
      break;
    case VT.Formula:
      out.formula = true;
      putPlain(out, (cell as unknown as { result: unknown }).result);
      break;
    default:
      // Dates, SharedString, anything newer or of an unexpected shape: its value, whatever its shape.
      putPlain(out, v);
  }
  if (out.value === null && out.error === undefined && !out.formula) return undefined;
  if (out.value === '' && !out.formula) return undefined;
  const fmt = cell.numFmt;
  if (fmt) out.format = fmt;
  return out;
}

interface RangeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): Area[] {
  const internal = (ws as unknown as { _merges?: Record<string, { model?: RangeModel } | undefined> })._merges;
  const out: Area[] = [];
  if (internal && typeof internal === 'object') {
    for (const key of Object.keys(internal)) {
      const m = internal[key]?.model;
      if (m && m.top > 0 && m.left > 0) out.push({ r1: m.top - 1, c1: m.left - 1, r2: m.bottom - 1, c2: m.right - 1 });
    }
    return out;
  }
  const list = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const ref of list) {
    try {
      out.push(parseArea(ref));
    } catch {
      /* a malformed merge reference: ignore it */
    }
  }
  return out;
}

function hiddenColumnsOf(ws: ExcelJS.Worksheet): number[] {
  const cols = (ws as unknown as { _columns?: (ExcelJS.Column | undefined)[] })._columns;
  const out: number[] = [];
  if (!cols) return out;
  for (let i = 0; i < cols.length; i++) if (cols[i]?.hidden) out.push(i);
  return out;
}

/** One worksheet as a grid Sheet. Throws when ExcelJS gave something it cannot walk. */
export function worksheetToSheet(ws: ExcelJS.Worksheet): Sheet {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r: (Cell | undefined)[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = toGridCell(cell);
      if (c) {
        r[colNumber - 1] = c;
        any = true;
      }
    });
    if (any) rows[rowNumber - 1] = r;
  });
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const sheet: Sheet = { name: ws.name, rows, merges: mergesOf(ws) };
  const hidden = hiddenColumnsOf(ws);
  if (hidden.length) sheet.hiddenColumns = hidden;
  return sheet;
}

/** Every worksheet of a loaded workbook, in order; a sheet that cannot be converted is marked unreadable. */
export function workbookToGrid(workbook: ExcelJS.Workbook): Grid {
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets) {
    let name = '';
    try {
      name = ws.name;
      sheets.push(worksheetToSheet(ws));
    } catch {
      sheets.push({ name: name || `第${sheets.length + 1}个工作表`, rows: [], merges: [], unreadable: '工作表的内容无法解析，未能读取其中的单元格' });
    }
  }
  return { sheets };
}

// ---------------------------------------------------------------------------
// Notes on empty cells. ExcelJS attaches a note only to a cell that has an entry in the sheet
// data, so a note on an empty, unformatted cell is read and then lost on writing. The copy
// must keep it: read the comments parts ourselves and put those notes back.

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return XML_ENTITIES[e] ?? m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
}

/** Relationship id -> target part, resolved against the folder of the part the rels belong to. */
function relsOf(xml: string, baseDir: string, typeSuffix?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    const type = attr(m[1], 'Type') ?? '';
    if (!id || !target || attr(m[1], 'TargetMode') === 'External') continue;
    if (typeSuffix && !type.endsWith(typeSuffix)) continue;
    out.set(id, target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(baseDir, target)));
  }
  return out;
}

async function text(zip: JSZip, name: string): Promise<string | undefined> {
  const f = zip.file(name);
  return f ? f.async('string') : undefined;
}

/** Puts back the notes ExcelJS dropped (those on cells it did not create). Best effort: never throws. */
export async function restoreDroppedNotes(workbook: ExcelJS.Workbook, buf: Buffer): Promise<number> {
  // Part names are stored in clear in a zip: no comments part, nothing to do.
  if (buf.indexOf('comments') < 0) return 0;
  let restored = 0;
  try {
    const zip = await JSZip.loadAsync(buf);
    const wbXml = await text(zip, 'xl/workbook.xml');
    const wbRels = await text(zip, 'xl/_rels/workbook.xml.rels');
    if (!wbXml || !wbRels) return 0;
    const targets = relsOf(wbRels, 'xl');
    for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const name = attr(m[1], 'name');
      const rid = /\s\w+:id="([^"]*)"/.exec(m[1])?.[1];
      const part = rid ? targets.get(rid) : undefined;
      const ws = name !== undefined ? workbook.getWorksheet(name) : undefined;
      if (!part || !ws) continue;
      const dir = path.posix.dirname(part);
      const rels = await text(zip, `${dir}/_rels/${path.posix.basename(part)}.rels`);
      if (!rels) continue;
      for (const commentsPart of relsOf(rels, dir, '/comments').values()) {
        const xml = await text(zip, commentsPart);
        if (!xml) continue;
        for (const c of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
          const ref = attr(c[1], 'ref');
          if (!ref) continue;
          let note = '';
          for (const t of c[2].matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) note += unescapeXml(t[1]);
          if (note === '') continue;
          let at: { r: number; c: number };
          try {
            at = parseA1(ref);
          } catch {
            continue;
          }
          const existing = ws.findCell(at.r + 1, at.c + 1);
          if (existing && existing.note !== undefined) continue;
          ws.getCell(at.r + 1, at.c + 1).note = note;
          restored++;
        }
      }
    }
  } catch {
    /* the notes stay as ExcelJS read them */
  }
  return restored;
}

export interface LoadOptions {
  /**
   * The workbook will only be read, never written (`check`): skip the parts of each sheet that
   * hold no cell value (views, page setup, validations, conditional formats, drawings …) and
   * the restoring of dropped notes. Default false: a full load, fit to write a copy from.
   */
  readOnly?: boolean;
}

/** Worksheet XML elements a read-only load skips: none of them holds a cell value, a merge or a column. */
export const READ_ONLY_IGNORED = [
  'sheetViews',
  'sheetProtection',
  'autoFilter',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
];

/**
 * Loads an .xlsx file: the ExcelJS workbook (to write a checked copy from) and its Grid.
 * A full load by default; see LoadOptions.readOnly.
 * Throws SelfevalError, with one Chinese line, for a file that cannot be used.
 */
export async function loadWorkbookFile(file: string, opts: LoadOptions = {}): Promise<{ workbook: ExcelJS.Workbook; grid: Grid }> {
  const buf = readWorkbookBytes(file);
  const workbook = new Workbook();
  try {
    const loadOpts = opts.readOnly ? { ignoreNodes: READ_ONLY_IGNORED } : {};
    await workbook.xlsx.load(buf as unknown as ArrayBuffer, loadOpts as Partial<ExcelJS.XlsxReadOptions>);
  } catch {
    throw new SelfevalError(`文件已损坏，无法作为 .xlsx 读取（${path.basename(file)}）`);
  }
  if (workbook.worksheets.length === 0) {
    throw new SelfevalError(`文件中没有任何工作表，无法作为 .xlsx 工作簿检查（${path.basename(file)}）`);
  }
  const grid = workbookToGrid(workbook);
  // Only a workbook that will be written needs them.
  if (!opts.readOnly) await restoreDroppedNotes(workbook, buf);
  return { workbook, grid };
}

// ---------------------------------------------------------------------------
// Plans -> the workbook

function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  return 'FF' + (m ? m[1].toUpperCase() : 'FFFFFF');
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { indexed: 64 } } as ExcelJS.Fill;
}

type NoteModel = { texts?: { text?: string }[] } & Record<string, unknown>;

function markedNote(existing: string | NoteModel | undefined, ours: string): string | ExcelJS.Comment {
  if (existing === undefined || existing === null || typeof existing === 'string') return combineNote(existing, ours);
  // A formatted note: keep the user's runs (and their fonts) as they are, then ours.
  const texts = existing.texts ?? [];
  const kept: { text?: string }[] = [];
  for (const run of texts) {
    const t = run.text ?? '';
    const i = t.indexOf(NOTE_PREFIX);
    if (i >= 0) {
      if (i > 0) kept.push({ ...run, text: t.slice(0, i) });
      break;
    }
    kept.push(run);
  }
  while (kept.length && (kept[kept.length - 1].text ?? '').trim() === '') kept.pop();
  if (kept.length === 0) return ours;
  const last = kept[kept.length - 1];
  kept[kept.length - 1] = { ...last, text: (last.text ?? '').replace(/\s+$/, '') };
  return { ...existing, texts: [...kept, { text: `\n\n${ours}` }] } as unknown as ExcelJS.Comment;
}

function applyMark(ws: ExcelJS.Worksheet, mark: Mark): void {
  const { r, c } = parseA1(mark.cell);
  const at = ws.getCell(r + 1, c + 1);
  const cell = at.type === VT.Merge && at.master ? at.master : at;
  // Styles read from a file are shared between cells: give this cell its own copy.
  cell.style = { ...cell.style, fill: solidFill(mark.fill) };
  cell.note = markedNote(cell.note as string | NoteModel | undefined, mark.note) as ExcelJS.Comment;
}

function layoutFont(lc: LayoutCell): Partial<ExcelJS.Font> | undefined {
  const font: Partial<ExcelJS.Font> = {};
  if (lc.bold) font.bold = true;
  if (lc.fontSize) font.size = lc.fontSize;
  if (lc.color) font.color = { argb: argb(lc.color) };
  return Object.keys(font).length ? font : undefined;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addLayout(workbook: ExcelJS.Workbook, layout: SheetLayout): void {
  const ws = workbook.addWorksheet(layout.name, {
    pageSetup: {
      paperSize: 9,
      orientation: layout.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      // ExcelJS writes '$' before each part it is given: 'A$1:A$9' becomes the absolute '$A$1:$A$9'.
      ...(layout.printArea ? { printArea: layout.printArea.replace(/([A-Z]+)(\d+)/g, '$1$$$2') } : {}),
    },
  });
  layout.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const [r, h] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  for (const lc of layout.cells) {
    const cell = ws.getCell(lc.row + 1, lc.col + 1);
    // A string is stored as a string (a shared string), never read as a formula.
    cell.value = typeof lc.value === 'number' ? lc.value : String(lc.value);
    const style: Partial<ExcelJS.Style> = {};
    const font = layoutFont(lc);
    if (font) style.font = font;
    if (lc.wrap || lc.align) {
      style.alignment = { vertical: 'top', ...(lc.align ? { horizontal: lc.align } : {}), ...(lc.wrap ? { wrapText: true } : {}) };
    }
    if (lc.fill) style.fill = solidFill(lc.fill);
    if (lc.format && typeof lc.value === 'number') style.numFmt = lc.format;
    if (lc.border) style.border = THIN_BORDER;
    if (Object.keys(style).length) cell.style = style;
  }
  for (const ref of layout.merges) {
    try {
      ws.mergeCells(ref);
    } catch {
      /* an overlapping merge in a layout: leave the cells unmerged rather than fail the copy */
    }
  }
}

/**
 * Renders the core's plans into a loaded workbook: a fill and a note on each marked cell
 * (values untouched; a merged cell is marked on its master), and a new worksheet per layout.
 */
export function applyPlan(workbook: ExcelJS.Workbook, marks: Mark[], sheets: SheetLayout[]): void {
  for (const mark of marks) {
    const ws = workbook.getWorksheet(mark.sheet);
    if (!ws) continue;
    try {
      applyMark(ws, mark);
    } catch {
      /* a malformed address: nothing to mark */
    }
  }
  for (const layout of sheets) addLayout(workbook, layout);
}

// ---------------------------------------------------------------------------
// Grid -> a file (the sample, tests)

/** A workbook holding a Grid's values, number formats, merges and hidden columns. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 40;

/** Column widths that fit the texts of single (unmerged) cells, up to a maximum; longer texts wrap. */
function fitColumns(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  const merged = new Set<string>();
  for (const m of sheet.merges) for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) merged.add(`${r},${c}`);
  const widths: number[] = [];
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || merged.has(`${r},${c}`)) return;
      const w = textUnits(cellText(cell)) + 2;
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, Math.min(w, MAX_WIDTH));
      if (w > MAX_WIDTH) ws.getCell(r + 1, c + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  });
  widths.forEach((w, c) => {
    if (w) ws.getColumn(c + 1).width = w;
  });
}

export function gridToWorkbook(grid: Grid): ExcelJS.Workbook {
  const workbook = new Workbook();
  workbook.creator = 'selfeval';
  // Fixed dates keep the file the same from run to run.
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  workbook.modified = new Date(Date.UTC(2025, 0, 1));
  for (const sheet of grid.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell.error) target.value = { error: cell.error } as ExcelJS.CellErrorValue;
        else if (cell.value !== null && cell.value !== undefined) target.value = cell.value;
        else return;
        if (cell.format && cell.format !== 'General') target.numFmt = cell.format;
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m.r1 + 1, m.c1 + 1, m.r2 + 1, m.c2 + 1);
    fitColumns(ws, sheet);
    for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  }
  return workbook;
}

export async function gridToXlsx(grid: Grid, file: string): Promise<void> {
  await gridToWorkbook(grid).xlsx.writeFile(file);
}
