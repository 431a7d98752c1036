// Matching a row's cells against a label table.

import { matchLabel, splitLabelValue } from '../labels';
import type { OwnCell, View } from './view';

export interface ColMatch<K extends string> {
  map: Partial<Record<K, number>>;
  cells: Partial<Record<K, OwnCell>>;
  count: number;
}

/** The columns of a row whose text cells match `labels`, first match per canonical label. */
export function matchCols<K extends string>(cells: OwnCell[], labels: readonly string[]): ColMatch<K> {
  const map: Partial<Record<K, number>> = {};
  const got: Partial<Record<K, OwnCell>> = {};
  let count = 0;
  for (const o of cells) {
    if (typeof o.cell.value !== 'string') continue;
    const k = matchLabel(o.text, labels) as K | undefined;
    if (k && map[k] === undefined) {
      map[k] = o.c;
      got[k] = o;
      count++;
    }
  }
  return { map, cells: got, count };
}

/** The canonical label a cell's text is, alone or before a colon ('部门：某局'). */
export function labelOf(o: OwnCell, labels: readonly string[]): string | undefined {
  if (typeof o.cell.value !== 'string') return undefined;
  return matchLabel(o.text, labels) ?? matchLabel(splitLabelValue(o.text)?.label ?? '', labels);
}

/** Whether any cell in rows [r0, r1) carries one of `labels`. */
export function hasLabel(view: View, r0: number, r1: number, labels: readonly string[]): boolean {
  for (const r of view.rowsIn(r0, r1)) for (const o of view.row(r)) if (labelOf(o, labels)) return true;
  return false;
}

/** Whether a row's first non-empty cell carries one of `labels`. */
export function rowLabelIs(row: OwnCell[], labels: readonly string[]): boolean {
  const o = row[0];
  return !!o && !!labelOf(o, labels);
}
