// A marked sheet's XML: each marked cell's style reference changed (a cell not in the sheet data
// is inserted in row and column order), and a legacyDrawing reference for notes added. Every
// other character of the part stays as written.

import { a1, parseA1, parseArea } from '../../core/grid';
import type { Area } from '../../core/grid';
import { applyEdits, escapeXml, insertionPoint, scanXml, setAttr } from './xmlScan';
import type { Edit, OpenTag, Span } from './xmlScan';
import { NS, prefixFor } from './opc';

/** Children of worksheet, in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** Where each row of the sheet data is: parallel arrays, in document order (cheap for a million rows). */
interface RowIndex {
  r: number[];
  start: number[];
  end: number[];
}

export interface SheetFacts {
  root: Span;
  children: Span[];
  merges: Area[];
  /** The r:id of an existing legacyDrawing element. */
  legacyDrawingId?: string;
  sheetData?: Span;
  rows: RowIndex;
}

function spanOf(t: OpenTag): Span {
  return { name: t.name, attrs: t.attrs, start: t.start, openEnd: t.end, closeStart: t.end, end: t.end, selfClosing: t.selfClosing };
}

/** One pass over the sheet: its top-level elements, merges, legacy drawing and where its rows are. */
export function sheetFacts(xml: string): SheetFacts {
  let root: Span | undefined;
  const children: Span[] = [];
  const merges: Area[] = [];
  const rows: RowIndex = { r: [], start: [], end: [] };
  let legacyDrawingId: string | undefined;
  let sheetData: Span | undefined;
  let lastRow = -1;
  scanXml(xml, {
    open(t) {
      if (t.depth === 3) return;
      if (t.depth === 2) {
        if (t.local === 'row' && sheetData && sheetData.end === sheetData.openEnd) {
          lastRow = t.attrs.r ? Number(t.attrs.r) - 1 : lastRow + 1;
          rows.r.push(lastRow);
          rows.start.push(t.start);
          rows.end.push(t.end);
        } else if (t.local === 'mergeCell' && t.attrs.ref) {
          try {
            merges.push(parseArea(t.attrs.ref));
          } catch {
            /* a malformed merge: not ours to judge here */
          }
        }
        return;
      }
      if (t.depth === 0) root = spanOf(t);
      if (t.depth !== 1) return;
      const span = spanOf(t);
      children.push(span);
      if (t.local === 'sheetData') sheetData = span;
      if (t.local === 'legacyDrawing') {
        const key = Object.keys(t.attrs).find((k) => k === 'r:id' || k.endsWith(':id'));
        if (key) legacyDrawingId = t.attrs[key];
      }
    },
    close(t) {
      if (t.depth === 2 && t.local === 'row' && sheetData && sheetData.end === sheetData.openEnd) rows.end[rows.end.length - 1] = t.end;
      if (t.depth > 1) return;
      const span = t.depth === 0 ? root : children[children.length - 1];
      if (!span) return;
      span.closeStart = t.selfClosing ? span.openEnd : t.start;
      span.end = t.end;
    },
  });
  if (!root) throw new Error('empty worksheet part');
  return { root, children, merges, legacyDrawingId, sheetData, rows };
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

/** One row element read on its own: its start tag, and its cells with their places in the sheet text. */
function readRow(xml: string, start: number, end: number, r: number): RowSeen {
  const text = xml.slice(start, end);
  let row: RowSeen | undefined;
  let lastCol = -1;
  scanXml(text, {
    open(t) {
      if (t.depth === 0) row = { name: t.name, attrs: t.attrs, start, openEnd: start + t.end, closeStart: start + t.end, end, selfClosing: t.selfClosing, r, cells: [] };
      else if (t.depth === 1 && t.local === 'c' && row) {
        lastCol = colOf(t.attrs.r, lastCol);
        row.cells.push({ c: lastCol, start: start + t.start, openEnd: start + t.end, attrs: t.attrs });
      }
    },
    close(t) {
      if (t.depth === 0 && row) row.closeStart = t.selfClosing ? row.openEnd : start + t.start;
    },
  });
  if (!row) throw new Error('unreadable row');
  return row;
}

/** The target rows as they are in the sheet data, and where missing rows go. */
function findRows(xml: string, facts: SheetFacts, targetRows: Set<number>): { rows: Map<number, RowSeen>; before: Map<number, number> } {
  const rows = new Map<number, RowSeen>();
  const before = new Map<number, number>();
  const pending = [...targetRows].sort((a, b) => a - b);
  const index = facts.rows;
  let p = 0;
  for (let i = 0; i < index.r.length && p < pending.length; i++) {
    const r = index.r[i];
    while (p < pending.length && pending[p] < r) before.set(pending[p++], index.start[i]);
    if (p < pending.length && pending[p] === r) rows.set(pending[p++], readRow(xml, index.start[i], index.end[i], r));
  }
  const end = facts.sheetData ? facts.sheetData.closeStart : 0;
  for (; p < pending.length; p++) before.set(pending[p], end);
  return { rows, before };
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
  const { rows, before } = findRows(xml, facts, new Set(byRow.keys()));
  const sheetData = facts.sheetData;
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
