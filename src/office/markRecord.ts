// The record of marked cells kept in the workbook (Excel workbook settings, key
// 'selfeval.marks'), so that 清除标记 restores every cell's original fill even after the
// task pane was closed, and removes only the notes the add-in wrote.
//
// Each entry names its sheet twice: by the worksheet's id (Worksheet.id, ExcelApi 1.1), which
// survives a rename or a move, and by the name it had then. The id is what finds the sheet; the
// name serves records written before ids were kept, and a sheet whose id is no longer there.


import type { AppliedValue, CellState } from './host';
import { storedObjects } from '../core/stored';

export const RECORD_KEY = 'selfeval.marks';

export interface MarkRecordEntry {
  /** The sheet's name when the entry was written (after resolveRecord: its current name). */
  sheet: string;
  /** The worksheet's id (Worksheet.id); absent in records written before ids were kept. */
  sheetId?: string;
  /** A1 address without the sheet. */
  cell: string;
  /** The fill the cell had before it was first marked: '#RRGGBB', or null for no fill. */
  fill: string | null;
  /** The add-in wrote a note (or comment) on the cell. */
  note: boolean;
  /** The fill the add-in gave the cell ('#RRGGBB'); clearMarks restores only cells that still carry it. */
  mark?: string;
  /** How the note was written. */
  via?: 'note' | 'comment';
}

export function recordKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}

const HEX = /^#[0-9A-F]{6}$/;

/** '#ffc7ce' -> '#FFC7CE'; 'FFC7CE' -> '#FFC7CE'; anything else as given, upper-cased. */
export function normColor(c: string): string {
  const s = c.trim().toUpperCase();
  if (/^[0-9A-F]{6}$/.test(s)) return '#' + s;
  return s;
}

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normColor(a) === normColor(b);
}

/** The stored record (a JSON string, or the parsed array) -> entries; anything malformed -> []. */
export function parseRecord(value: unknown): MarkRecordEntry[] {
  const out: MarkRecordEntry[] = [];
  for (const o of storedObjects(value)) {
    if (typeof o.sheet !== 'string' || typeof o.cell !== 'string') continue;
    const fill = typeof o.fill === 'string' && HEX.test(normColor(o.fill)) ? normColor(o.fill) : null;
    const entry: MarkRecordEntry = { sheet: o.sheet, cell: o.cell, fill, note: o.note === true };
    if (typeof o.sheetId === 'string' && o.sheetId !== '') entry.sheetId = o.sheetId;
    if (typeof o.mark === 'string') entry.mark = normColor(o.mark);
    if (o.via === 'note' || o.via === 'comment') entry.via = o.via;
    out.push(entry);
  }
  return out;
}

export function serializeRecord(entries: MarkRecordEntry[]): string {
  return JSON.stringify(entries);
}

/** A worksheet as the sheet list loads it (items/name,items/id). */
export interface SheetIdentity {
  name: string;
  id: string;
}

/**
 * The entries whose sheet is still in the workbook, each under that sheet's current name and id,
 * one entry per cell (the first). An entry follows its sheet's id through renames; an entry without
 * an id (an old record), or whose id no sheet has, is matched by name (exactly, as written). An
 * entry whose sheet is gone is dropped: there is nothing left to restore.
 */
export function resolveRecord(entries: MarkRecordEntry[], sheets: SheetIdentity[]): MarkRecordEntry[] {
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const out: MarkRecordEntry[] = [];
  const done = new Set<string>();
  for (const e of entries) {
    const s = (e.sheetId !== undefined ? byId.get(e.sheetId) : undefined) ?? byName.get(e.sheet);
    if (!s) continue;
    const k = recordKey(s.name, e.cell);
    if (done.has(k)) continue;
    done.add(k);
    out.push({ ...e, sheet: s.name, sheetId: s.id });
  }
  return out;
}

// ---- suggested values written (采用建议值), kept beside the marks' record

/** The record of the values 采用建议值 wrote: each cell's old value, type, format and formula. */
export const APPLIED_KEY = 'selfeval.applied';

const CELL_TYPES = new Set(['String', 'Double', 'Boolean', 'Empty']);

/** The stored record (a JSON string, or the parsed array) -> entries; anything malformed -> []. */
export function parseApplied(value: unknown): AppliedValue[] {
  const out: AppliedValue[] = [];
  for (const o of storedObjects(value)) {
    const old = o.old as Record<string, unknown> | undefined;
    if (typeof o.sheet !== 'string' || typeof o.cell !== 'string' || !old || typeof old !== 'object') continue;
    if (typeof o.value !== 'string' && typeof o.value !== 'number') continue;
    if (!CELL_TYPES.has(old.type as string) || typeof old.format !== 'string') continue;
    const ov = old.value;
    if (ov !== null && typeof ov !== 'string' && typeof ov !== 'number' && typeof ov !== 'boolean') continue;
    const state: CellState = { value: ov, type: old.type as CellState['type'], format: old.format };
    if (typeof old.formula === 'string' && old.formula.startsWith('=')) state.formula = old.formula;
    out.push({ sheet: o.sheet, cell: o.cell, old: state, value: o.value });
  }
  return out;
}
