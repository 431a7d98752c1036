// A sheet of the workbook holding narrative (an edited 自评报告 sheet): one paragraph per
// non-empty cell, in row order, then column order.

import { a1, cellText, isBlank, type Grid } from '../grid';
import { numberParagraphs, type RawParagraph } from './text';
import type { ReportText } from './types';

/** Undefined when the workbook has no sheet of that name. */
export function readSheetText(grid: Grid, sheetName: string): ReportText | undefined {
  const sheet = grid.sheets.find((s) => s.name === sheetName);
  if (!sheet) return undefined;
  const raws: RawParagraph[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    const cells: { c: number; text: string }[] = [];
    row.forEach((cell, c) => {
      if (!isBlank(cell)) cells.push({ c, text: cellText(cell) });
    });
    // a row of several cells is a table row: each cell is read with its row beside it
    const rowText = cells.length > 1 ? cells.map((x) => x.text).join(' ') : undefined;
    for (const x of cells) raws.push({ text: x.text, origin: { kind: 'cell', sheet: sheetName, cell: a1(r, x.c) }, row: rowText });
  });
  return numberParagraphs(sheetName, raws);
}
