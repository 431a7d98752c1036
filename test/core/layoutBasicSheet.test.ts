// The 基本情况 sheet laid out for a workbook without one: written into the grid, it reads
// back as the department's profile with what the tables said, and nothing from the examples.

import { basicSheetOf, evaluate } from '../../src/core/engine';
import { BASIC_ROWS } from '../../src/core/basicSheet';
import { a1, type Grid, type Sheet } from '../../src/core/grid';
import { sampleGrid, sampleModel } from '../../src/core/sample';
import { layoutWorkbook } from '../../src/core/template';
import type { SheetLayout } from '../../src/core/plan';

function withoutBasic(): Grid {
  const m = sampleModel();
  delete m.basic;
  return layoutWorkbook(m).grid;
}

function toSheet(l: SheetLayout): Sheet {
  const rows: Sheet['rows'] = [];
  for (const c of l.cells) {
    while (rows.length <= c.row) rows.push([]);
    if (c.value !== '') rows[c.row][c.col] = { value: c.value };
  }
  return { name: l.name, rows, merges: [] };
}

describe('basicSheetOf', () => {
  const grid = withoutBasic();
  const ev = evaluate(grid);
  const layout = basicSheetOf(ev, grid.sheets.map((s) => s.name))!;

  test('every label of workbook.md §2, then the team block with its header', () => {
    const labels = layout.cells.filter((c) => c.col === 0 && c.bold).map((c) => c.value);
    for (const r of BASIC_ROWS) expect(labels).toContain(r.label);
    const head = layout.cells.find((c) => c.value === '姓名')!;
    expect(layout.cells.filter((c) => c.row === head.row).map((c) => c.value)).toEqual(['姓名', '工作单位', '职务', '职称', '备注']);
    expect(layout.cells.find((c) => c.row === head.row - 1 && c.col === 0)!.value).toBe('评价工作组');
  });

  test('filled from the tables, with the cell each value came from beside it', () => {
    const row = (label: string) => layout.cells.find((c) => c.col === 0 && c.value === label)!.row;
    const at = (r: number, c: number) => layout.cells.find((x) => x.row === r && x.col === c)?.value;
    expect(at(row('部门名称'), 1)).toBe('井陉县委网信办');
    expect(at(row('部门名称'), 2)).toMatch(/^取自“部门整体”[A-Z]+\d+$/);
    expect(at(row('评价年度'), 1)).toBe(2025);
    expect(at(row('年初预算收入'), 1)).toBe(154.74);
    // a blank value has its example beneath, not beside
    expect(at(row('部门职责'), 1)).toBe('');
    expect(at(row('部门职责'), 2)).toBeUndefined();
    expect(String(at(row('部门职责') + 1, 1))).toMatch(/^例：/);
  });

  test('written into the workbook, it reads back: the filled values, no example taken for a value', () => {
    const again = evaluate({ sheets: [toSheet(layout), ...grid.sheets] });
    const b = again.read.basic!;
    expect(b.department?.value).toBe('井陉县委网信办');
    expect(b.year?.value).toBe(2025);
    expect(b.budgetIncome?.value).toBe(154.74);
    for (const k of ['duties', 'organisation', 'basis', 'problems', 'measures', 'achievements', 'assets', 'adminPosts', 'profile'] as const) {
      const v = b[k] as { value?: unknown } | undefined;
      expect([undefined, null, '']).toContain(v?.value);
    }
    expect(b.team).toEqual([]);
    expect(a1(0, 0)).toBe('A1');
  });

  test('never over an existing 基本情况', () => {
    const full = sampleGrid();
    expect(basicSheetOf(evaluate(full), full.sheets.map((s) => s.name))).toBeUndefined();
    expect(basicSheetOf(ev, [...grid.sheets.map((s) => s.name), '基本情况'])).toBeUndefined();
  });
});
