// A marked sheet's XML: each marked cell's style reference changed (a cell not in the sheet data
// is inserted in row and column order), and a legacyDrawing reference for notes added. Every
// other character of the part stays as written.

import { a1, parseA1, parseArea } from '../../core/grid';
import type { Area } from '../../core/grid';
import { applyEdits, escapeXml, insertionPoint, scanXml, setAttr, topLevel } from './xmlScan';
import type { Edit, Span } from './xmlScan';
import { NS, prefixFor } from './opc';

/** Children of worksheet, in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export interface SheetFacts {
  root: Span;
  children: Span[];
  merges: Area[];
  /** The r:id of an existing legacyDrawing element. */
  legacyDrawingId?: string;
}

export function sheetFacts(xml: string): SheetFacts {
  const { root, children } = topLevel(xml);
  const merges: Area[] = [];
  let legacyDrawingId: string | undefined;
  scanXml(xml, {
    open(t) {
      if (t.depth === 2 && t.local === 'mergeCell' && t.attrs.ref) {
        try {
          merges.push(parseArea(t.attrs.ref));
        } catch {
          /* a malformed merge: not ours to judge here */
        }
      }
      if (t.depth === 1 && t.local === 'legacyDrawing') {
        const key = Object.keys(t.attrs).find((k) => k === 'r:id' || k.endsWith(':id'));
        if (key) legacyDrawingId = t.attrs[key];
      }
    },
  });
  return { root, children, merges, legacyDrawingId };
}

/** The cell a mark lands on: the top-left cell of the merge holding it. */
export function masterOf(facts: SheetFacts, cell: string): { r: number; c: number } {
  const at = parseA1(cell);
  for (const m of facts.merges) if (at.r >= m.r1 && at.r <= m.r2 && at.c >= m.c1 && at.c <= m.c2) return { r: m.r1, c: m.c1 };
  return at;
}

interface RowSeen extends Span {
  r: number;
  cells: { c: number; start: number; openEnd: number; attrs: Record<string, string> }[];
}

function colOf(ref: string | undefined, prev: number): number {
  if (!ref) return prev + 1;
  try {
    return parseA1(ref).c;
  } catch {
    return prev + 1;
  }
}

/** The target rows as they are in the sheet data, and where missing rows go. */
function findRows(xml: string, targetRows: Set<number>): { rows: Map<number, RowSeen>; before: Map<number, number>; sheetData?: Span } {
  const rows = new Map<number, RowSeen>();
  const before = new Map<number, number>();
  const pending = [...targetRows].sort((a, b) => a - b);
  let sheetData: Span | undefined;
  let row: RowSeen | undefined;
  let lastRow = -1;
  let lastCol = -1;
  scanXml(xml, {
    open(t) {
      if (t.depth === 1 && t.local === 'sheetData') sheetData = { name: t.name, attrs: t.attrs, start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClosing: t.selfClosing };
      if (!sheetData || sheetData.end !== sheetData.openEnd || t.depth < 2) return;
      if (t.depth === 2 && t.local === 'row') {
        const r = t.attrs.r ? Number(t.attrs.r) - 1 : lastRow + 1;
        lastRow = r;
        lastCol = -1;
        while (pending.length && pending[0] < r) before.set(pending.shift()!, t.start);
        row = undefined;
        if (pending.length && pending[0] === r) {
          pending.shift();
          row = { name: t.name, attrs: t.attrs, start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClosing: t.selfClosing, r, cells: [] };
          rows.set(r, row);
        }
      } else if (t.depth === 3 && t.local === 'c') {
        lastCol = colOf(t.attrs.r, lastCol);
        row?.cells.push({ c: lastCol, start: t.start, openEnd: t.end, attrs: t.attrs });
      }
    },
    close(t) {
      if (t.depth === 1 && t.local === 'sheetData' && sheetData) {
        sheetData.closeStart = t.selfClosing ? sheetData.openEnd : t.start;
        sheetData.end = t.end;
      }
      if (t.depth === 2 && t.local === 'row' && row) {
        row.closeStart = t.selfClosing ? row.openEnd : t.start;
        row.end = t.end;
        row = undefined;
      }
    },
  });
  if (sheetData) for (const r of pending) before.set(r, sheetData.closeStart);
  return { rows, before, sheetData };
}

function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(0, i + 1) : '';
}

function newCells(prefix: string, r: number, cols: number[], style: Restyle, base = 0): string {
  return cols.map((c) => `<${prefix}c r="${a1(r, c)}" s="${style(base, r, c)}"/>`).join('');
}

/** Edits for one target row: restyle its cells, insert those it lacks. */
function rowEdits(xml: string, row: RowSeen, cols: number[], style: Restyle): Edit[] {
  const edits: Edit[] = [];
  const prefix = prefixOf(row.name);
  const inserts = new Map<number, number[]>();
  for (const c of cols) {
    const cell = row.cells.find((x) => x.c === c);
    if (cell) {
      const s = Number(cell.attrs.s ?? 0);
      edits.push({ from: cell.start, to: cell.openEnd, text: setAttr(xml.slice(cell.start, cell.openEnd), 's', String(style(Number.isInteger(s) ? s : 0, row.r, c))) });
      continue;
    }
    const next = row.cells.find((x) => x.c > c);
    const at = next ? next.start : row.closeStart;
    const list = inserts.get(at) ?? [];
    list.push(c);
    inserts.set(at, list);
  }
  let startTag = xml.slice(row.start, row.openEnd);
  const spans = /^(\d+):(\d+)$/.exec(row.attrs.spans ?? '');
  const maxCol = Math.max(-1, ...[...inserts.values()].flat()) + 1;
  const minCol = Math.min(Infinity, ...[...inserts.values()].flat()) + 1;
  if (spans && inserts.size && (maxCol > Number(spans[2]) || minCol < Number(spans[1]))) {
    startTag = setAttr(startTag, 'spans', `${Math.min(minCol, Number(spans[1]))}:${Math.max(maxCol, Number(spans[2]))}`);
  }
  // An empty cell of a formatted row shows the row's format: the new cell starts from it.
  const base = row.attrs.customFormat === '1' || row.attrs.customFormat === 'true' ? Number(row.attrs.s ?? 0) || 0 : 0;
  if (row.selfClosing) {
    const body = newCells(prefix, row.r, [...inserts.values()].flat().sort((a, b) => a - b), style, base);
    edits.push({ from: row.start, to: row.end, text: `${startTag.replace(/\s*\/>$/, '>')}${body}</${row.name}>` });
    return edits;
  }
  if (startTag !== xml.slice(row.start, row.openEnd)) edits.push({ from: row.start, to: row.openEnd, text: startTag });
  for (const [at, list] of inserts) edits.push({ from: at, to: at, text: newCells(prefix, row.r, list.sort((a, b) => a - b), style, base) });
  return edits;
}

/** The new style index of the marked cell (r, c), from its current one. */
export type Restyle = (old: number, r: number, c: number) => number;

export interface SheetMarks {
  /** Marked cells (0-based), already moved to their merge's master. */
  cells: { r: number; c: number }[];
  /** The new style index of a marked cell, from its current one. */
  style: Restyle;
  /** A relationship id to reference from a new legacyDrawing element. */
  legacyDrawingRelId?: string;
}

/** The sheet XML with the marks' style references and, when asked, a legacyDrawing element. */
export function markSheetXml(xml: string, facts: SheetFacts, marks: SheetMarks): string {
  const byRow = new Map<number, number[]>();
  for (const { r, c } of marks.cells) {
    const list = byRow.get(r) ?? [];
    if (!list.includes(c)) list.push(c);
    byRow.set(r, list);
  }
  const { rows, before, sheetData } = findRows(xml, new Set(byRow.keys()));
  if (!sheetData) throw new Error('worksheet without sheetData');
  const edits: Edit[] = [];
  for (const [r, row] of rows) edits.push(...rowEdits(xml, row, byRow.get(r)!, marks.style));
  const prefix = prefixOf(sheetData.name);
  const newRows = new Map<number, string>();
  for (const [r, at] of [...before].sort((a, b) => a[0] - b[0])) {
    const cols = byRow.get(r)!.sort((a, b) => a - b);
    newRows.set(at, (newRows.get(at) ?? '') + `<${prefix}row r="${r + 1}">${newCells(prefix, r, cols, marks.style)}</${prefix}row>`);
  }
  for (const [at, text] of newRows) {
    if (sheetData.selfClosing) {
      const open = xml.slice(sheetData.start, sheetData.end).replace(/\s*\/>$/, '>');
      edits.push({ from: sheetData.start, to: sheetData.end, text: `${open}${text}</${sheetData.name}>` });
    } else edits.push({ from: at, to: at, text });
  }
  if (marks.legacyDrawingRelId) {
    const rootTag = xml.slice(facts.root.start, facts.root.openEnd);
    const rp = prefixFor(rootTag, NS.rel);
    const ref = rp ? `${rp}:id="${escapeXml(marks.legacyDrawingRelId)}"` : `xmlns:r="${NS.rel}" r:id="${escapeXml(marks.legacyDrawingRelId)}"`;
    const at = insertionPoint(facts.root, facts.children, WORKSHEET_ORDER, 'legacyDrawing');
    edits.push({ from: at, to: at, text: `<${prefixOf(rootTagName(rootTag))}legacyDrawing ${ref}/>` });
  }
  return applyEdits(xml, edits);
}

function rootTagName(tag: string): string {
  return /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
}
