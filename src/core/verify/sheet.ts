// A sheet of the workbook holding narrative (an edited 自评报告 sheet): one paragraph per
// non-empty cell, in row order, then column order; cells side by side read as a table row.

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
    // cells side by side (no empty column between them) are a table row: each is read with its
    // row beside it; a cell standing alone (the narrative beside a figure table) is a paragraph
    const runs: { c: number; text: string }[][] = [];
    for (const x of cells) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1].c === x.c - 1) run.push(x);
      else runs.push([x]);
    }
    for (const run of runs) {
      const rowText = run.length > 1 ? run.map((x) => x.text).join(' ') : undefined;
      for (const x of run) raws.push({ text: x.text, origin: { kind: 'cell', sheet: sheetName, cell: a1(r, x.c) }, row: rowText });
    }
  });
  return numberParagraphs(sheetName, raws);
}
