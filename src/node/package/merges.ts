// Merged areas, kept as ranges: overlapping areas are found, and the cells a merge covers
// (all but its top-left, as ExcelJS drops them) are removed, by one sweep down the populated
// rows. The work is bounded by the merges and the stored cells, never by an area's size.

import type { Area, Cell } from '../../core/grid';
import { SheetError } from './sheetXml';

/** Merges alive at the current row: column-disjoint, sorted by c1; expiry by a min-heap on r2. */
class Active {
  readonly list: Area[] = [];
  private readonly heap: Area[] = [];

  private indexAfter(c: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].c1 <= c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The alive merge holding column c, if any. */
  at(c: number): Area | undefined {
    const i = this.indexAfter(c) - 1;
    const m = i >= 0 ? this.list[i] : undefined;
    return m && m.c2 >= c ? m : undefined;
  }

  expireBefore(r: number): void {
    const h = this.heap;
    while (h.length && h[0].r2 < r) {
      const m = this.pop();
      const i = this.indexAfter(m.c1) - 1;
      if (i >= 0 && this.list[i] === m) this.list.splice(i, 1);
    }
  }

  add(m: Area): void {
    this.expireBefore(m.r1);
    const i = this.indexAfter(m.c2);
    const left = i > 0 ? this.list[i - 1] : undefined;
    if (left && left.c2 >= m.c1) throw new SheetError('merge');
    this.list.splice(i, 0, m);
    this.push(m);
  }

  private push(m: Area): void {
    const h = this.heap;
    h.push(m);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p].r2 <= h[i].r2) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private pop(): Area {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as Area;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].r2 < h[m].r2) m = l;
        if (r < h.length && h[r].r2 < h[m].r2) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Removes the covered cells of one row; true when the row is left empty. */
function clearCovered(row: (Cell | undefined)[], r: number, active: Active): boolean {
  let left = 0;
  for (const k of Object.keys(row)) {
    const c = Number(k);
    const m = active.at(c);
    if (m && (m.r1 !== r || m.c1 !== c)) delete row[c];
    else left++;
  }
  return left === 0;
}

/**
 * Checks that no two merges overlap (throws SheetError) and drops the cells they cover but
 * their top-left ones. `populated` lists the row indices holding cells, ascending.
 */
export function applyMerges(rows: (Cell | undefined)[][], merges: Area[], populated: number[]): void {
  if (merges.length === 0) return;
  const sorted = [...merges].sort((x, y) => x.r1 - y.r1 || x.c1 - y.c1);
  const active = new Active();
  let next = 0;
  for (const r of populated) {
    while (next < sorted.length && sorted[next].r1 <= r) active.add(sorted[next++]);
    active.expireBefore(r);
    const row = rows[r];
    if (!row || active.list.length === 0) continue;
    if (clearCovered(row, r, active)) delete rows[r];
  }
  while (next < sorted.length) active.add(sorted[next++]);
}

/** Drops trailing empty rows, so the length is one past the last row holding a cell. */
export function trimRows(rows: (Cell | undefined)[][]): void {
  let n = rows.length;
  while (n > 0 && !rows[n - 1]) n--;
  rows.length = n;
}
