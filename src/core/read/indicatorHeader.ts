// The indicator block's header (workbook.md §3.4): one row, or two with grouped labels above.

import { cellText, isBlank } from '../grid';
import { matchLabel } from '../labels';
import type { Ref } from '../types';
import { matchCols } from './match';
import type { View } from './view';
import { IND_COLS, IND_CORE, type IndCol } from './vocabulary';

export interface IndHeader {
  top: number;
  bottom: number;
  cols: Partial<Record<IndCol, number>>;
  firstRef: Ref;
}

/** How many of the core indicator columns a row labels. */
export function indicatorCore(view: View, r: number): number {
  const m = matchCols<IndCol>(view.row(r), IND_COLS);
  return IND_CORE.filter((k) => m.map[k] !== undefined).length;
}

/** The first indicator header in [from, to), skipping the rows `skip` says belong to another block. */
export function findIndicatorHeader(view: View, from: number, to: number, skip: (r: number) => boolean): IndHeader | undefined {
  let r = -1;
  for (const i of view.rowsIn(from, to)) {
    if (skip(i) || indicatorCore(view, i) < 3) continue;
    r = i;
    break;
  }
  if (r < 0) return undefined;
  const labelled = (i: number): boolean => i >= from && i < to && !skip(i) && matchCols<IndCol>(view.row(i), IND_COLS).count >= 1;
  let top = r;
  let bottom = r;
  if (labelled(r + 1)) bottom = r + 1;
  else if (labelled(r - 1)) top = r - 1;
  const cols = top === bottom ? { ...matchCols<IndCol>(view.row(r), IND_COLS).map } : twoRowColumns(view, top, bottom);
  const firstCell = view.row(top)[0];
  return { top, bottom, cols, firstRef: view.ref(top, firstCell ? firstCell.c : 0) };
}

/** Two rows: a column's label is the lower cell, or the upper one (merged over its span) where the lower is empty. */
function twoRowColumns(view: View, top: number, bottom: number): Partial<Record<IndCol, number>> {
  const columns = new Set<number>();
  for (const o of view.row(top)) for (let c = o.c; c <= view.endCol(top, o.c); c++) columns.add(c);
  for (const o of view.row(bottom)) columns.add(o.c);
  const lower: [number, string][] = [];
  const upper: [number, string][] = [];
  for (const c of [...columns].sort((x, y) => x - y)) {
    const low = view.cell(bottom, c);
    const lowShown = view.shown(bottom, c);
    if (lowShown.r === bottom && lowShown.c === c && !isBlank(low)) lower.push([c, cellText(low)]);
    else if (lowShown.r === bottom && lowShown.c !== c) continue; // inside a lower merge: not a column of its own
    else {
      const up = view.shown(top, c);
      if (!isBlank(up.cell)) upper.push([c, cellText(up.cell)]);
    }
  }
  // Lower labels first: an upper label only names the columns under it that the lower row leaves unnamed.
  const cols: Partial<Record<IndCol, number>> = {};
  for (const [c, text] of [...lower, ...upper]) {
    const k = matchLabel(text, IND_COLS) as IndCol | undefined;
    if (k && cols[k] === undefined) cols[k] = c;
  }
  return cols;
}
