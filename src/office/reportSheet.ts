// New sheets (the report, the standard template) written from the core's SheetLayouts, in
// 2 syncs (existing names; writes). Text is written as text, never as a formula.

import { a1, areaA1, colName } from '../core/grid';
import type { LayoutCell, SheetLayout } from '../core/plan';
import { normalizeAddress } from './addresses';
import { normColor } from './markRecord';
import { eachTarget, guard, type Formattable, type Kit } from './kit';
import type { AddSheetsOptions } from './host';

const SHEET_NAME_MAX = 31;

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

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function applyBorder(r: Formattable): void {
  for (const e of EDGES) {
    const b = r.format.borders.getItem(e as Excel.BorderIndex);
    b.style = 'Continuous' as Excel.BorderLineStyle;
    b.weight = 'Thin' as Excel.BorderWeight;
  }
}

export function reportSheetOps(k: Kit): { addSheets(layouts: SheetLayout[], opts?: AddSheetsOptions): Promise<string[]> } {
  return {
    /**
     * 2 syncs (the existing names; the writes). With `replace`, a sheet of a layout's name is
     * deleted before the new one is added under that name (the user has said so).
     */
    async addSheets(layouts: SheetLayout[], opts: AddSheetsOptions = {}): Promise<string[]> {
      if (layouts.length === 0) return [];
      const sup = k.support();
      k.seen = null;
      return guard(() =>
        k.run(async (ctx) => {
          const wss = ctx.workbook.worksheets;
          wss.load('items/name');
          await ctx.sync();
          const taken = new Set(wss.items.map((w) => w.name.toLowerCase()));
          const names: string[] = [];
          let first: Excel.Worksheet | null = null;
          for (const layout of layouts) {
            const old = opts.replace ? wss.items.find((w) => w.name.toLowerCase() === layout.name.toLowerCase()) : undefined;
            if (old) {
              // Another sheet first: Excel refuses to delete the only sheet of a workbook.
              old.name = `${layout.name.slice(0, 24)}~old`;
              old.delete();
              taken.delete(layout.name.toLowerCase());
            }
            const name = freeSheetName(layout.name, taken);
            taken.add(name.toLowerCase());
            names.push(name);
            const ws = wss.add(name);
            first ??= ws;
            writeLayout(ws, layout, sup.api19, k.limits.maxAddr);
          }
          (first as Excel.Worksheet).activate();
          await ctx.sync();
          return names;
        }),
      );
    },
  };
}

/** Queues a layout's writes on a new sheet: values (text as text), styles, merges, widths, page setup. */
function writeLayout(ws: Excel.Worksheet, layout: SheetLayout, api19: boolean, maxAddr: number): void {
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
    for (const g of styles.values()) eachTarget(ws, g.cells, api19, maxAddr, (t) => applyStyle(t, g.style));
    const bordered = cells.filter((c) => c.border).map((c) => a1(c.row, c.col));
    // Thin borders on the four sides of each bordered cell (multi-area ranges with 1.9).
    eachTarget(ws, bordered, api19, maxAddr, applyBorder);
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
