// structure.year_mismatch inside one table: the title says 2025, the year line beneath 2024.

import { evaluate } from '../../src/core/engine';
import { innerYearFindings } from '../../src/core/tableYears';
import { sampleGrid } from '../../src/core/sample';
import { cellText } from '../../src/core/grid';

function yearLine(grid: ReturnType<typeof sampleGrid>, sheetName: string) {
  const sheet = grid.sheets.find((s) => s.name === sheetName)!;
  for (let r = 0; r < 5; r++) for (let c = 0; c < (sheet.rows[r] ?? []).length; c++) if (/^（\d{4}年度）$/.test(cellText(sheet.rows[r][c]))) return { sheet, r, c };
  throw new Error('no year line');
}

test('the sample has no inner year mismatch', () => {
  const ev = evaluate(sampleGrid());
  expect(innerYearFindings(sampleGrid(), ev.read)).toEqual([]);
  expect(ev.findings.filter((f) => f.rule === 'structure.year_mismatch')).toEqual([]);
});

test('a year line that differs from the title is a warning on that cell', () => {
  const grid = sampleGrid();
  const { sheet, r, c } = yearLine(grid, '部门整体');
  sheet.rows[r][c] = { value: '（2024年度）' };
  const ev = evaluate(grid);
  const f = ev.findings.filter((x) => x.rule === 'structure.year_mismatch');
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ severity: 'warning', sheet: '部门整体', expected: 2025, actual: 2024 });
  expect(f[0].cell).toBe(`${String.fromCharCode(65 + c)}${r + 1}`);
  expect(f[0].message).toContain('2024');
});

test('a project name with another year is not a year line', () => {
  const grid = sampleGrid();
  const ev = evaluate(grid);
  const p = ev.read.tables.find((t) => t.kind === 'project')!;
  p.title = '2026年度项目支出绩效自评表';
  // only cells that are a year line count: the project name (2025年…经费) is not one
  expect(innerYearFindings(grid, ev.read).every((x) => /^（\d{4}年度）$/.test(x.message.match(/“(.*)”/)![1]))).toBe(true);
});
