// An in-memory WorkbookHost over a Grid, for the development preview and the tests.
// It behaves as the Excel host does, as far as the task pane can see: snapshot returns a
// copy, marks are kept beside the cells (the user's values are never touched) and a check's
// marks replace the last check's, clearMarks restores, addSheets adds sheets and shows the first, selectCell shows a sheet and a cell.

import type { Cell, Grid, Sheet } from '../core/grid';
import { parseA1, parseArea } from '../core/grid';
import type { Mark, SheetLayout } from '../core/plan';
import { HostError, type HostCapabilities, type WorkbookHost } from '../office/host';

/** What the grid view renders; replaced (never mutated) on every change. */
export interface MemoryView {
  grid: Grid;
  /** Marks by sheet, then by A1 address. */
  marks: Map<string, Map<string, Mark>>;
  /** The layouts added sheets were written from (styles and column widths). */
  layouts: Map<string, SheetLayout>;
  active: string;
  selected?: { sheet: string; cell: string };
  version: number;
}

export interface MemoryHostOptions {
  /** Milliseconds each call takes, so a spinner shows as it would in Excel. */
  delay?: number;
  /** Every write rejects as a protected workbook does in Excel. */
  readOnly?: boolean;
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
  readOnly: boolean;

  constructor(grid: Grid, opts: MemoryHostOptions = {}) {
    const g = copyGrid(grid);
    this.view = { grid: g, marks: new Map(), layouts: new Map(), active: g.sheets[0]?.name ?? '', version: 0 };
    this.delay = opts.delay ?? 0;
    this.readOnly = opts.readOnly ?? false;
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
    return { notes: true, comments: false, merges: true };
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
    this.update({ marks: next });
  }

  async clearMarks(): Promise<number> {
    await this.settle();
    this.guardWrite();
    let n = 0;
    for (const m of this.view.marks.values()) n += m.size;
    if (n > 0) this.update({ marks: new Map() });
    return n;
  }

  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    await this.settle();
    this.guardWrite();
    const names = new Set(this.view.grid.sheets.map((s) => s.name));
    for (const l of layouts) {
      if (names.has(l.name)) throw new HostError('other', `工作表“${l.name}”已存在，未写入任何内容。`);
      names.add(l.name);
    }
    if (layouts.length === 0) return [];
    const layoutMap = new Map(this.view.layouts);
    for (const l of layouts) layoutMap.set(l.name, l);
    this.update({
      grid: { sheets: [...this.view.grid.sheets, ...layouts.map(layoutToSheet)] },
      layouts: layoutMap,
      active: layouts[0].name,
      selected: undefined,
    });
    return layouts.map((l) => l.name);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.settle();
    this.sheet(sheet);
    parseA1(cell);
    this.update({ active: sheet, selected: { sheet, cell: cell.toUpperCase() } });
  }
}
