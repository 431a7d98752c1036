// The table finder: where each block of one table starts (funds header, goals row, indicator
// header, totals row). A block never takes a row that starts another block.

import type { View } from './view';
import { matchCols, rowLabelIs, type ColMatch } from './match';
import { findIndicatorHeader, indicatorCore, type IndHeader } from './indicatorHeader';
import { FUNDS_COLS, GOALS_ROW, IND_COLS, TOTALS_ROW, type FundsCol, type IndCol } from './vocabulary';

export interface Blocks {
  fundsRow: number;
  fundsCols?: ColMatch<FundsCol>;
  goalsRow: number;
  ind?: IndHeader;
}

/** A row that holds the funds header: both amount columns, or one of them beside another funds column. */
export function fundsHeaderOf(view: View, r: number): { full: boolean; cols: ColMatch<FundsCol> } | undefined {
  const m = matchCols<FundsCol>(view.row(r), FUNDS_COLS);
  if (m.map.adjusted !== undefined && m.map.executed !== undefined) return { full: true, cols: m };
  if ((m.map.adjusted !== undefined || m.map.executed !== undefined) && m.count >= 2) return { full: false, cols: m };
  return undefined;
}

function findFunds(view: View, r0: number, r1: number): { row: number; cols?: ColMatch<FundsCol> } {
  let partial: { row: number; cols: ColMatch<FundsCol> } | undefined;
  for (const r of view.rowsIn(r0, r1)) {
    // An indicator header is never the funds header, whatever columns it shares with it.
    if (indicatorCore(view, r) >= 3) continue;
    const h = fundsHeaderOf(view, r);
    if (!h) continue;
    if (h.full) return { row: r, cols: h.cols };
    partial ??= { row: r, cols: h.cols };
  }
  return partial ?? { row: -1 };
}

/** Whether row r starts a block other than the goals block (funds header, indicator header, totals). */
export function startsOtherBlock(view: View, r: number): boolean {
  if (r < 0) return false;
  const row = view.row(r);
  if (!row.length) return false;
  if (rowLabelIs(row, TOTALS_ROW)) return true;
  if (indicatorCore(view, r) >= 3) return true;
  return !!fundsHeaderOf(view, r);
}

export function findBlocks(view: View, r0: number, r1: number): Blocks {
  const funds = findFunds(view, r0, r1);
  let goalsRow = -1;
  for (const r of view.rowsIn(r0, r1)) {
    if (r === funds.row || !rowLabelIs(view.row(r), GOALS_ROW)) continue;
    // 年度绩效目标（80分） heading the indicator columns is the indicator header, not a goals row.
    if (indicatorCore(view, r) >= 3) continue;
    goalsRow = r;
    break;
  }
  const goalsText = goalsRow >= 0 ? view.nextUsed(goalsRow + 1, r1) : -1;
  const skip = (r: number): boolean =>
    r === funds.row || r === goalsRow || (r === goalsText && !startsOtherBlock(view, r) && matchCols<IndCol>(view.row(r), IND_COLS).count < 3);
  const ind = findIndicatorHeader(view, r0, r1, skip);
  return { fundsRow: funds.row, fundsCols: funds.cols, goalsRow, ind };
}
