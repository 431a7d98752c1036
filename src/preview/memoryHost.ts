// An in-memory WorkbookHost over a Grid, for the development preview and the tests.
// It behaves as the Excel host does, as far as the task pane can see: snapshot returns a
// copy, marks are kept beside the cells (the user's values are never touched) and a check's
// marks replace the last check's, clearMarks restores, addSheets adds sheets and shows the first, selectCell shows a sheet and a cell.

import type { Cell, Grid, Sheet } from '../core/grid';
import { parseA1, parseArea } from '../core/grid';
import type { Mark, SheetLayout } from '../core/plan';
import { HostError, type AddSheetsOptions, type AppliedValue, type CellState, type HostCapabilities, type WorkbookEvent, type WorkbookHost } from '../office/host';
import { APPLIED_KEY, parseApplied } from '../office/markRecord';
import { freeSheetName } from '../office/reportSheet';

/** Where a MemoryHost keeps workbook settings that outlive a reload (the preview: localStorage). */
export interface SettingsStore {
  get(key: string): string | null;
  set(key: string, value: string | null): void;
}

/** What the grid view renders; replaced (never mutated) on every change. */
export interface MemoryView {
  grid: Grid;
  /** Marks by sheet, then by A1 address. */
  marks: Map<string, Map<string, Mark>>;
  /** The layouts added sheets were written from (styles and column widths). */
  layouts: Map<string, SheetLayout>;
  /** The user's own cell fills by sheet, then by A1 address (a mark shows over them, as in Excel). */
  fills: Map<string, Map<string, string>>;
  active: string;
  selected?: { sheet: string; cell: string };
  version: number;
}

export interface MemoryHostOptions {
  /** Milliseconds each call takes, so a spinner shows as it would in Excel. */
  delay?: number;
  /** Every write rejects as a protected workbook does in Excel. */
  readOnly?: boolean;
  /** Keeps these settings (by key) across reloads, as saving the workbook would. */
  store?: SettingsStore;
  storedKeys?: string[];
}

export const PROTECTED_MESSAGE = '工作簿或工作表受保护，无法写入。请在“审阅”选项卡中撤消保护后重试。';

export function copyGrid(g: Grid): Grid {
  return {
    sheets: g.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => (row ? row.map((c) => (c ? { ...c } : undefined)) : [])),
      merges: s.merges.map((m) => ({ ...m })),
      hiddenColumns: s.hiddenColumns ? [...s.hiddenColumns] : undefined,
    })),
  };
}

/** A report or template layout as a grid sheet: the values, the merges. */
export function layoutToSheet(layout: SheetLayout): Sheet {
  const rows: (Cell | undefined)[][] = [];
  for (const c of layout.cells) {
    while (rows.length <= c.row) rows.push([]);
    const cell: Cell = { value: c.value };
    if (c.format) cell.format = c.format;
    rows[c.row][c.col] = cell;
  }
  return { name: layout.name, rows, merges: layout.merges.map(parseArea) };
}

export class MemoryHost implements WorkbookHost {
  private view: MemoryView;
  private readonly listeners = new Set<() => void>();
  private readonly delay: number;
  /** Marked cells the user refilled by hand since the check (sheet \0 A1): 清除标记 leaves their fill. */
  private readonly refilled = new Set<string>();
  readOnly: boolean;
  /** The workbook's settings (Office's per-document settings). */
  readonly settings = new Map<string, string>();
  private readonly watchers = new Set<(e: WorkbookEvent) => void>();
  private readonly store?: SettingsStore;
  private readonly storedKeys: Set<string>;

  constructor(grid: Grid, opts: MemoryHostOptions = {}) {
    const g = copyGrid(grid);
    this.view = { grid: g, marks: new Map(), layouts: new Map(), fills: new Map(), active: g.sheets[0]?.name ?? '', version: 0 };
    this.delay = opts.delay ?? 0;
    this.readOnly = opts.readOnly ?? false;
    this.store = opts.store;
    this.storedKeys = new Set(opts.storedKeys ?? []);
    for (const k of this.storedKeys) {
      const v = this.store?.get(k);
      if (typeof v === 'string') this.settings.set(k, v);
    }
  }

  /** The user selects a cell (a click in the grid): Excel's onSelectionChanged. */
  userSelect(sheet: string, cell: string): void {
    this.sheet(sheet);
    this.update({ active: sheet, selected: { sheet, cell: cell.toUpperCase() } });
    this.emit({ kind: 'selected', sheet, address: cell.toUpperCase() });
  }

  private emit(e: WorkbookEvent): void {
    for (const fn of [...this.watchers]) fn(e);
  }

  private cellState(sheet: string, cell: string): CellState {
    const { r, c } = parseA1(cell);
    const x = this.sheet(sheet).rows[r]?.[c];
    if (!x || x.value === null || x.value === undefined || x.value === '') return { value: null, type: 'Empty', format: x?.format ?? 'General' };
    const type = typeof x.value === 'number' ? 'Double' : typeof x.value === 'boolean' ? 'Boolean' : 'String';
    return { value: x.value, type, format: x.format ?? 'General' };
  }

  /** Writes one cell as the Office edge would: the value, the format, nothing else. */
  private putCell(sheet: string, cell: string, st: { value: string | number | boolean | null; format: string }): void {
    const s = this.sheet(sheet);
    const { r, c } = parseA1(cell);
    const rows = s.rows.map((row) => (row ? [...row] : []));
    while (rows.length <= r) rows.push([]);
    const next: Cell | undefined = st.value === null || st.value === '' ? (st.format !== 'General' ? { value: null, format: st.format } : undefined) : { value: st.value };
    if (next && st.format !== 'General') next.format = st.format;
    rows[r][c] = next;
    this.update({ grid: { sheets: this.view.grid.sheets.map((x) => (x === s ? { ...s, rows } : x)) } });
    this.emit({ kind: 'changed', sheet, address: cell.toUpperCase() });
  }

  private setSetting(key: string, value: string | null): void {
    if (value === null) this.settings.delete(key);
    else this.settings.set(key, value);
    if (this.storedKeys.has(key)) this.store?.set(key, value);
  }

  // ---- for the grid view ----

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getView = (): MemoryView => this.view;

  /** The user clicks a sheet tab. */
  activate(sheet: string): void {
    if (!this.view.grid.sheets.some((s) => s.name === sheet)) return;
    this.update({ active: sheet });
  }

  /**
   * The user edits a cell by hand, as they would in Excel between two checks: a new value (the
   * cell keeps its number format) and/or a new fill (null: no fill). A fill given to a marked cell
   * replaces the mark's, and 清除标记 then leaves it, as the Excel host does.
   */
  edit(sheet: string, cell: string, change: { value?: string | number | boolean | null; fill?: string | null }): void {
    const s = this.sheet(sheet);
    const { r, c } = parseA1(cell);
    const addr = cell.toUpperCase();
    const patch: Partial<MemoryView> = {};
    if ('value' in change) {
      const rows = s.rows.map((row) => (row ? [...row] : []));
      while (rows.length <= r) rows.push([]);
      const old = rows[r][c];
      const v = change.value;
      rows[r][c] = v === null || v === undefined || v === '' ? undefined : old?.format ? { value: v, format: old.format } : { value: v };
      patch.grid = { sheets: this.view.grid.sheets.map((x) => (x === s ? { ...s, rows } : x)) };
    }
    if ('fill' in change) {
      const fills = new Map(this.view.fills);
      const bySheet = new Map(fills.get(sheet) ?? []);
      if (change.fill) bySheet.set(addr, change.fill.toUpperCase());
      else bySheet.delete(addr);
      fills.set(sheet, bySheet);
      patch.fills = fills;
      const marked = this.view.marks.get(sheet)?.get(addr);
      if (marked) {
        this.refilled.add(`${sheet}\u0000${addr}`);
        const marks = new Map(this.view.marks);
        const m = new Map(marks.get(sheet));
        // The cell now shows the user's fill (or none); the note stays until 清除标记.
        m.set(addr, { ...marked, fill: change.fill ? change.fill.toUpperCase() : '' });
        marks.set(sheet, m);
        patch.marks = marks;
      }
    }
    this.update(patch);
    if ('value' in change) this.emit({ kind: 'changed', sheet, address: addr });
  }

  /** The fill a cell shows: the mark's, else the user's own; undefined for none. */
  fillAt(sheet: string, cell: string): string | undefined {
    const addr = cell.toUpperCase();
    const m = this.view.marks.get(sheet)?.get(addr);
    if (m) return m.fill || undefined;
    return this.view.fills.get(sheet)?.get(addr);
  }

  /** Every mark as a flat list (tests). */
  allMarks(): Mark[] {
    const out: Mark[] = [];
    for (const m of this.view.marks.values()) out.push(...m.values());
    return out;
  }

  private update(patch: Partial<MemoryView>): void {
    this.view = { ...this.view, ...patch, version: this.view.version + 1 };
    for (const fn of [...this.listeners]) fn();
  }

  private async settle(): Promise<void> {
    if (this.delay > 0) await new Promise((r) => setTimeout(r, this.delay));
    else await Promise.resolve();
  }

  private sheet(name: string): Sheet {
    const s = this.view.grid.sheets.find((x) => x.name === name);
    if (!s) throw new HostError('switched', `找不到工作表“${name}”，它可能已被重命名或删除。请重新检查。`);
    return s;
  }

  private guardWrite(): void {
    if (this.readOnly) throw new HostError('protected', PROTECTED_MESSAGE);
  }

  // ---- WorkbookHost ----

  async capabilities(): Promise<HostCapabilities> {
    return { notes: true, comments: false, merges: true, events: true };
  }

  async snapshot(): Promise<Grid> {
    await this.settle();
    return copyGrid(this.view.grid);
  }

  async applyMarks(marks: Mark[]): Promise<void> {
    await this.settle();
    this.guardWrite();
    for (const m of marks) this.sheet(m.sheet);
    // As in Excel: the new marks replace those of an earlier check.
    const next = new Map<string, Map<string, Mark>>();
    for (const m of marks) {
      parseA1(m.cell);
      let bySheet = next.get(m.sheet);
      if (!bySheet) next.set(m.sheet, (bySheet = new Map()));
      bySheet.set(m.cell.toUpperCase(), { ...m });
    }
    this.refilled.clear();
    this.update({ marks: next });
  }

  async clearMarks(): Promise<number> {
    await this.settle();
    this.guardWrite();
    // As in Excel: the count is of the cells whose fill came back (not those the user refilled).
    let n = 0;
    let any = false;
    for (const [sheet, m] of this.view.marks)
      for (const addr of m.keys()) {
        any = true;
        if (!this.refilled.has(`${sheet}\u0000${addr}`)) n++;
      }
    this.refilled.clear();
    if (any) this.update({ marks: new Map() });
    return n;
  }

  async addSheets(layouts: SheetLayout[], opts: AddSheetsOptions = {}): Promise<string[]> {
    await this.settle();
    this.guardWrite();
    if (layouts.length === 0) return [];
    let sheets = this.view.grid.sheets;
    const layoutMap = new Map(this.view.layouts);
    const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
    const added: Sheet[] = [];
    for (const l of layouts) {
      if (opts.replace && taken.has(l.name.toLowerCase())) {
        sheets = sheets.filter((s) => s.name.toLowerCase() !== l.name.toLowerCase());
        taken.delete(l.name.toLowerCase());
      }
      const name = freeSheetName(l.name, taken);
      taken.add(name.toLowerCase());
      const named = { ...l, name };
      layoutMap.set(name, named);
      added.push(layoutToSheet(named));
    }
    this.update({ grid: { sheets: [...sheets, ...added] }, layouts: layoutMap, active: added[0].name, selected: undefined });
    return added.map((s) => s.name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.settle();
    this.sheet(sheet);
    parseA1(cell);
    this.update({ active: sheet, selected: { sheet, cell: cell.toUpperCase() } });
  }

  async readSettings(keys: string[]): Promise<Record<string, string | null>> {
    await this.settle();
    return Object.fromEntries(keys.map((k) => [k, this.settings.get(k) ?? null]));
  }

  async writeSetting(key: string, value: string | null): Promise<void> {
    await this.settle();
    this.setSetting(key, value);
  }

  async applyValue(sheet: string, cell: string, expected: string | number, value: string | number): Promise<AppliedValue> {
    await this.settle();
    this.guardWrite();
    const addr = cell.toUpperCase();
    const old = this.cellState(sheet, addr);
    const same = typeof old.value === 'number' && typeof expected === 'number' ? Math.abs(old.value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)) : old.value === expected;
    if (!same) throw new HostError('switched', `单元格 ${sheet}!${addr} 的内容已改变（现为“${String(old.value ?? '')}”），未写入。请重新检查后再试。`);
    const entry: AppliedValue = { sheet, cell: addr, old, value };
    const rest = parseApplied(this.settings.get(APPLIED_KEY)).filter((e) => !(e.sheet === sheet && e.cell === addr));
    this.setSetting(APPLIED_KEY, JSON.stringify([...rest, entry]));
    this.putCell(sheet, addr, { value, format: old.format });
    return entry;
  }

  async undoValue(sheet: string, cell: string): Promise<AppliedValue | null> {
    await this.settle();
    this.guardWrite();
    const addr = cell.toUpperCase();
    const record = parseApplied(this.settings.get(APPLIED_KEY));
    const entry = record.find((e) => e.sheet === sheet && e.cell === addr);
    if (!entry) return null;
    const now = this.cellState(sheet, addr);
    if (now.value !== entry.value) throw new HostError('switched', `单元格 ${sheet}!${addr} 的内容已改变（现为“${String(now.value ?? '')}”），未写入。请重新检查后再试。`);
    const rest = record.filter((e) => e !== entry);
    this.setSetting(APPLIED_KEY, rest.length ? JSON.stringify(rest) : null);
    this.putCell(sheet, addr, { value: entry.old.value, format: entry.old.format });
    return entry;
  }

  async watch(listener: (e: WorkbookEvent) => void): Promise<() => Promise<void>> {
    this.watchers.add(listener);
    return async () => {
      this.watchers.delete(listener);
    };
  }
}
