// A new worksheet part from a sheet-layout plan (the 自评报告 sheet): text as inline strings,
// never formulas; fonts, fills, borders, alignment and number formats through the style book.

import { a1, colName, parseArea } from '../../core/grid';
import type { LayoutCell, SheetLayout } from '../../core/plan';
import { escapeXml, escapeXstring } from './xmlScan';
import type { StyleBook } from './copyStyles';
import { NS, XML_DECL } from './opc';

/** REPORT's plan adds `border` (a thin border on all four sides); read it when present. */
type Cell = LayoutCell & { border?: boolean };

function cellXml(lc: Cell, styles: StyleBook): string {
  const ref = a1(lc.row, lc.col);
  const look = {
    ...(lc.bold ? { bold: true } : {}),
    ...(lc.fontSize ? { fontSize: lc.fontSize } : {}),
    ...(lc.color ? { color: lc.color } : {}),
    ...(lc.fill ? { fill: lc.fill } : {}),
    ...(lc.border ? { border: true } : {}),
    ...(lc.align ? { align: lc.align } : {}),
    ...(lc.wrap ? { wrap: true } : {}),
    ...(lc.format && typeof lc.value === 'number' ? { format: lc.format } : {}),
  };
  const s = Object.keys(look).length ? styles.layoutXf(look) : 0;
  const sAttr = s ? ` s="${s}"` : '';
  if (typeof lc.value === 'number') {
    return Number.isFinite(lc.value) ? `<c r="${ref}"${sAttr}><v>${lc.value}</v></c>` : `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
  }
  const text = String(lc.value);
  if (text === '') return `<c r="${ref}"${sAttr}/>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXstring(text)}</t></is></c>`;
}

function colsXml(widths: number[]): string {
  const cols = widths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>` : '')).join('');
  return cols ? `<cols>${cols}</cols>` : '';
}

function rowsXml(layout: SheetLayout, styles: StyleBook): string {
  const byRow = new Map<number, Cell[]>();
  for (const lc of layout.cells) {
    const list = byRow.get(lc.row) ?? [];
    list.push(lc);
    byRow.set(lc.row, list);
  }
  const heights = layout.rowHeights ?? {};
  const rows = new Set<number>([...byRow.keys(), ...Object.keys(heights).map(Number)]);
  return [...rows]
    .sort((a, b) => a - b)
    .map((r) => {
      const cells = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
      const seen = new Set<number>();
      const body = cells.filter((c) => !seen.has(c.col) && seen.add(c.col)).map((c) => cellXml(c, styles)).join('');
      const h = heights[r];
      return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ''}>${body}</row>`;
    })
    .join('');
}

function mergesXml(merges: string[]): string {
  const taken: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const refs: string[] = [];
  for (const ref of merges) {
    let a;
    try {
      a = parseArea(ref);
    } catch {
      continue;
    }
    // An overlapping merge would make the file unreadable to Excel: leave those cells unmerged.
    if (taken.some((t) => a.r1 <= t.r2 && a.r2 >= t.r1 && a.c1 <= t.c2 && a.c2 >= t.c1)) continue;
    taken.push(a);
    refs.push(`<mergeCell ref="${escapeXml(ref.replace(/\$/g, ''))}"/>`);
  }
  return refs.length ? `<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>` : '';
}

/** The used range of a layout, for the dimension element. */
function dimension(layout: SheetLayout): string {
  let r2 = 0;
  let c2 = 0;
  for (const lc of layout.cells) {
    r2 = Math.max(r2, lc.row);
    c2 = Math.max(c2, lc.col);
  }
  return `A1:${colName(c2)}${r2 + 1}`;
}

/** The worksheet part of a layout. */
export function layoutSheetXml(layout: SheetLayout, styles: StyleBook): string {
  const orientation = layout.orientation ?? 'portrait';
  return (
    `${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${dimension(layout)}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(layout.columnWidths) +
    `<sheetData>${rowsXml(layout, styles)}</sheetData>` +
    mergesXml(layout.merges) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>` +
    '</worksheet>'
  );
}

/** The print area of a layout as a defined name's formula: '自评报告'!$A$1:$F$40. */
export function printAreaFormula(sheetName: string, range: string): string {
  const abs = range.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `'${sheetName.replace(/'/g, "''")}'!${abs}`;
}
