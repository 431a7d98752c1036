// The report sheet laid out from the model: narrative merged across the print width, tables
// as bordered cells with typed numbers, the figure table beside, A4 portrait print area.

import { buildReport } from '../../src/core/report';
import { layoutReport, FIGURE_COL, NUMBER_FORMATS, TABLE_COLS } from '../../src/core/report/sheet';
import { isFormulaLike } from '../../src/core/layout';
import { text } from '../../src/core/report/model';
import type { LayoutCell } from '../../src/core/plan';
import type { ReportDoc } from '../../src/core/types';
import { DEPT_SHEET, PROJECT_1, finding, seedFixture } from './helpers/reportFixtures';

const at = (cells: LayoutCell[], row: number, col: number) => cells.find((c) => c.row === row && c.col === col);
const LAST = String.fromCharCode(64 + TABLE_COLS); // 'F'

describe('layoutReport', () => {
  const f = seedFixture();
  const doc = buildReport(f.read, f.check, f.profile, f.findings);
  const sheet = layoutReport(doc, '自评报告');
  const left = sheet.cells.filter((c) => c.col < TABLE_COLS).sort((a, b) => a.row - b.row || a.col - b.col);
  const byValue = (v: string) => left.find((c) => c.value === v)!;

  test('sheet basics: portrait, print columns about an A4 width, every cell text or number, none written twice', () => {
    expect(sheet.name).toBe('自评报告');
    expect(sheet.orientation).toBe('portrait');
    const printWidth = sheet.columnWidths.slice(0, TABLE_COLS).reduce((a, w) => a + w, 0);
    expect(printWidth).toBeGreaterThanOrEqual(76);
    expect(printWidth).toBeLessThanOrEqual(90);
    const seen = new Set<string>();
    for (const c of sheet.cells) {
      expect(['string', 'number']).toContain(typeof c.value);
      const k = `${c.row},${c.col}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
  });

  test('narrative rows are merged across the print width; the title bold, large, centred', () => {
    const t = at(sheet.cells, 0, 0)!;
    expect(t.value).toBe('井陉县委网信办2025年度整体支出绩效自评报告');
    expect(t).toMatchObject({ bold: true, align: 'center' });
    expect(t.fontSize).toBeGreaterThanOrEqual(14);
    expect(sheet.merges).toContain(`A1:${LAST}1`);
    const para = left.find((c) => typeof c.value === 'string' && c.value.includes('预算执行率为96.74%'))!;
    expect(para.wrap).toBe(true);
    expect(sheet.merges).toContain(`A${para.row + 1}:${LAST}${para.row + 1}`);
    expect(byValue('一、部门基本情况').row).toBeLessThan(byValue('六、评价工作组人员名单').row);
  });

  test('tables are bordered cells, one per column, with no joined row anywhere', () => {
    for (const c of sheet.cells) if (typeof c.value === 'string') expect(c.value).not.toContain('｜');
    const head = byValue('姓名');
    expect(head).toMatchObject({ bold: true, border: true, col: 0 });
    const names = ['姓名', '工作单位', '职务', '职称', '签字', '备注'].map((h, j) => at(sheet.cells, head.row, j)!);
    expect(names.map((c) => c.value)).toEqual(['姓名', '工作单位', '职务', '职称', '签字', '备注']);
    const row = [0, 1, 2, 3, 4, 5].map((j) => at(sheet.cells, head.row + 1, j)!);
    expect(row.map((c) => c.value)).toEqual(['陈志军', '井陉县委网信办', '主任', '无', '', '']);
    for (const c of row) expect(c.border).toBe(true);
  });

  test('numbers are numbers with their formats; merged group headers over the project table', () => {
    const name = byValue(PROJECT_1);
    const budget = at(sheet.cells, name.row, 1)!;
    expect(budget).toMatchObject({ value: 25, format: NUMBER_FORMATS.amount, border: true });
    expect(NUMBER_FORMATS.amount).toBe('0.00');
    const rate = at(sheet.cells, name.row, 3)!;
    expect(typeof rate.value).toBe('number');
    expect(rate.format).toBe('0.00%');
    const group = byValue('资金情况（万元）');
    expect(sheet.merges).toContain(`B${group.row + 1}:C${group.row + 1}`);
    // 项目名称 spans the group row and the header row
    expect(sheet.merges).toContain(`A${group.row + 1}:A${group.row + 2}`);
    const score = left.find((c) => c.value === 9.25)!;
    expect(score.format).toBe(NUMBER_FORMATS.score);
  });

  test('the figure table beside the narrative, with every figure, its source cell and the checker\'s note', () => {
    const hdr = [0, 1, 2, 3, 4].map((j) => at(sheet.cells, 1, FIGURE_COL + j)!);
    expect(hdr.map((c) => c.value)).toEqual(['数据项', '数值', '来源工作表', '来源单元格', '核对说明']);
    doc.figures.forEach((fig, k) => {
      expect(at(sheet.cells, 2 + k, FIGURE_COL)!.value).toBe(fig.label);
      expect(at(sheet.cells, 2 + k, FIGURE_COL + 1)!.value).toBe(fig.display);
      expect(at(sheet.cells, 2 + k, FIGURE_COL + 3)!.value).toBe(fig.ref.cell);
      expect(at(sheet.cells, 2 + k, FIGURE_COL + 4)!.value).toBe(fig.note ?? '');
    });
    const total = sheet.cells.find((c) => c.col === FIGURE_COL && c.value === '总分（重算）')!;
    expect(at(sheet.cells, total.row, FIGURE_COL + 4)!.value).toContain('表中填报98分');
    expect(at(sheet.cells, total.row, FIGURE_COL + 2)!.value).toBe(DEPT_SHEET);
  });

  test('only the narrative prints, on A4 portrait', () => {
    const lastRow = Math.max(...left.map((c) => c.row));
    expect(sheet.printArea).toBe(`A1:${LAST}${lastRow + 1}`);
  });

  test('the notice rows on the error fill, bordered, right after the title', () => {
    const g = seedFixture();
    g.findings = [finding('error', DEPT_SHEET, 'G13', '得分有误'), finding('error', DEPT_SHEET, 'G19', '总分有误')];
    const s = layoutReport(buildReport(g.read, g.check, g.profile, g.findings), '自评报告 (2)');
    const notice = s.cells.filter((c) => c.col === 0 && c.fill === '#FFC7CE');
    expect(notice).toHaveLength(3);
    expect(notice[0].value).toContain('2处错误');
    expect(notice[1].value).toBe(`${DEPT_SHEET}!G13：得分有误`);
    for (const c of notice) expect(c.border).toBe(true);
    expect(notice[0].row).toBeLessThan(s.cells.find((c) => c.value === '一、部门基本情况')!.row);
  });

  test('text that starts with = stays a plain string, in the narrative, the tables and the figures', () => {
    const d: ReportDoc = {
      title: '=HYPERLINK("x")',
      blocks: [
        { type: 'title', text: '=HYPERLINK("x")' },
        { type: 'paragraph', text: '-5.04万元未执行' },
        { type: 'table', header: ['姓名', '备注'], widths: [10, 10], rows: [[text('=1+1'), text('@me')]] },
      ],
      figures: [{ label: '=A1', display: '+100', value: '+100', ref: { sheet: '=Sheet', cell: 'A1' } }],
    };
    const s = layoutReport(d, 'x');
    const values = s.cells.map((c) => c.value);
    for (const v of ['=HYPERLINK("x")', '=1+1', '@me', '=A1', '+100', '=Sheet']) expect(values).toContain(v);
    for (const c of s.cells) expect(['string', 'number']).toContain(typeof c.value);
    expect(s.cells.filter((c) => typeof c.value === 'string' && isFormulaLike(c.value)).length).toBeGreaterThanOrEqual(5);
    // a two-column table: its last cell reaches the print width
    const me = s.cells.find((c) => c.value === '@me')!;
    expect(s.merges).toContain(`B${me.row + 1}:${LAST}${me.row + 1}`);
  });

  test('a long paragraph gets a taller row; a short one keeps the default', () => {
    const long = '预算执行'.repeat(40);
    const l = layoutReport({ title: 'T', blocks: [{ type: 'paragraph', text: '短' }, { type: 'paragraph', text: long }], figures: [] }, 'x');
    const shortRow = l.cells.find((c) => c.value === '\u3000\u3000短')!.row;
    const longRow = l.cells.find((c) => typeof c.value === 'string' && c.value.endsWith(long))!.row;
    expect(l.rowHeights![shortRow]).toBeUndefined();
    expect(l.rowHeights![longRow]).toBeGreaterThanOrEqual(4 * 15);
    expect(at(l.cells, 2, FIGURE_COL)!.value).toContain('未引用');
  });
});
