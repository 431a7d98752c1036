// The 自评报告 sheet selfeval writes into the workbook (narrative beside its figure table), read
// back as a sheet holding narrative: it verifies with no error and no warning, and an edit an
// officer makes in one of its cells is found on that cell.

import { reportSheetOf } from '../../../src/core/engine';
import type { Grid, Sheet } from '../../../src/core/grid';
import type { SheetLayout } from '../../../src/core/plan';
import { verifySheet } from '../../../src/core/verify';
import { sampleEvaluation, serious } from './helpers';

function sheetOf(layout: SheetLayout): Sheet {
  const rows: Sheet['rows'] = [];
  for (const c of layout.cells) {
    while (rows.length <= c.row) rows.push([]);
    rows[c.row][c.col] = { value: c.value };
  }
  return { name: layout.name, rows, merges: [] };
}

function gridWithReport(edit?: (s: Sheet) => void): Grid {
  const ev = sampleEvaluation();
  const sheet = sheetOf(reportSheetOf(ev, ['基本情况', '部门整体', '项目1', '项目2']));
  edit?.(sheet);
  return { sheets: [sheet] };
}

describe('the 自评报告 sheet as written by selfeval', () => {
  test('verifies with no error and no warning', () => {
    const r = verifySheet(gridWithReport(), '自评报告', sampleEvaluation());
    expect(serious(r.findings)).toEqual([]);
    expect(r.text.paragraphs.length).toBeGreaterThan(50);
  });

  test('an edited figure is found, and the finding names the paragraph cell it sits in', () => {
    let where = '';
    const grid = gridWithReport((s) => {
      s.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell && typeof cell.value === 'string' && cell.value.includes('全年执行数为144.06万元')) {
            cell.value = cell.value.replace('全年执行数为144.06万元', '全年执行数为150.06万元');
            where = `${String.fromCharCode(65 + c)}${r + 1}`;
          }
        }),
      );
    });
    expect(where).not.toBe('');
    const found = serious(verifySheet(grid, '自评报告', sampleEvaluation()).findings);
    expect(found.map((f) => f.rule)).toEqual(['text.figure']);
    expect(found[0].origin).toEqual({ kind: 'cell', sheet: '自评报告', cell: where });
    expect(`${found[0].sheet}!${found[0].cell}`).toBe('部门整体!E5');
  });

  test('a sheet the workbook does not have is refused with one Chinese line', () => {
    expect(() => verifySheet({ sheets: [] }, '自评报告', sampleEvaluation())).toThrow('工作簿中没有名为“自评报告”的工作表');
  });
});
