// structure.year_mismatch inside one table (rules.md §3): the year of a table's title and the
// year line beneath it (（2025年度）, 评价年度：2025) differ. Self-contained on purpose: it reads
// only the few rows under each table's title, and the engine adds its findings to the rest.

import type { Grid } from './grid';
import { a1, cellAt, cellText, parseA1 } from './grid';
import type { Finding, ReadResult } from './types';

/** How many rows under the title a year line may stand. */
const HEAD_ROWS = 3;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
/** A cell that is only a year line: （2025年度） 2025年 评价年度：2025 */
const YEAR_LINE = /^[（(]?\s*(?:评价年度|年度)?\s*[:：]?\s*((?:19|20)\d{2})\s*(?:年度|年)?\s*[)）]?$/;

export function innerYearFindings(grid: Grid, read: ReadResult): Finding[] {
  const out: Finding[] = [];
  for (const t of read.tables) {
    const sheet = grid.sheets.find((s) => s?.name === t.sheet);
    const m = TITLE_YEAR.exec(t.title ?? '');
    if (!sheet || !m) continue;
    const titleYear = Number(m[1]);
    let at: { r: number; c: number };
    try {
      at = parseA1(t.titleRef.cell);
    } catch {
      continue;
    }
    for (let r = at.r; r <= at.r + HEAD_ROWS; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        if (r === at.r && c === at.c) continue;
        const text = cellText(cellAt(sheet, r, c)).replace(/\s+/g, '');
        const y = YEAR_LINE.exec(text);
        if (!y || Number(y[1]) === titleYear) continue;
        out.push({
          rule: 'structure.year_mismatch',
          severity: 'warning',
          sheet: t.sheet,
          cell: a1(r, c),
          message: `表内年度“${text}”与标题中的年度 ${titleYear}（${t.titleRef.cell}）不一致`,
          expected: titleYear,
          actual: Number(y[1]),
        });
      }
    }
  }
  return out;
}
