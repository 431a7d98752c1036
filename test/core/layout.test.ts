import { isFormulaLike, layoutReport, uniqueSheetName, FIGURE_COL, NARRATIVE_COL, TABLE_SEPARATOR } from '../../src/core/layout';
import { buildReport } from '../../src/core/report';
import type { LayoutCell } from '../../src/core/plan';
import type { ReportDoc } from '../../src/core/types';
import { DEPT_SHEET, finding, seedFixture } from './helpers/reportFixtures';

describe('uniqueSheetName', () => {
  test.each<[string[], string, string]>([
    [[], '自评报告', '自评报告'],
    [['基本情况', '部门整体'], '自评报告', '自评报告'],
    [['自评报告'], '自评报告', '自评报告 (2)'],
    [['自评报告', '自评报告 (2)'], '自评报告', '自评报告 (3)'],
    [['自评报告', '自评报告 (3)'], '自评报告', '自评报告 (2)'],
    [['Report'], 'report', 'report (2)'],
    [['REPORT', 'report (2)'], 'Report', 'Report (3)'],
    [['自评报告 (2)'], '自评报告', '自评报告'],
    [[], 'a[b]c:d*e?f/g\\h', 'abcdefgh'],
    [[], '', '自评报告'],
    [[], "'引号'", '引号'],
    [[], 'history', 'history (2)'],
  ])('%j + %p -> %p', (existing, base, want) => expect(uniqueSheetName(existing, base)).toBe(want));

  test('at most 31 characters, the suffix kept', () => {
    const base = '某某县某某局二〇二五年度部门整体支出绩效自评报告正式稿最终版本（审定后）';
    expect(base.length).toBeGreaterThan(31);
    const first = uniqueSheetName([], base);
    expect(first).toBe(base.slice(0, 31));
    const second = uniqueSheetName([first], base);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
    const third = uniqueSheetName([first, second], base);
    expect(third.endsWith(' (3)')).toBe(true);
    expect(third.length).toBeLessThanOrEqual(31);
  });

  test('never returns a taken name, through many reports', () => {
    const names: string[] = [];
    for (let i = 0; i < 15; i++) names.push(uniqueSheetName(names, '自评报告'));
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(15);
    expect(names[14]).toBe('自评报告 (15)');
  });
});

describe('isFormulaLike', () => {
  test.each<[string, boolean]>([
    ['=SUM(A1:A3)', true],
    ['+1', true],
    ['-5.04万元', true],
    ['@name', true],
    ['一、部门基本情况', false],
    [' =1', false],
    ['', false],
    ['96.74%', false],
    ['a=b', false],
  ])('%p -> %p', (s, want) => expect(isFormulaLike(s)).toBe(want));
});

const at = (cells: LayoutCell[], row: number, col: number) => cells.find((c) => c.row === row && c.col === col);

describe('layoutReport', () => {
  const f = seedFixture();
  const doc = buildReport(f.read, f.check, f.profile, f.findings);
  const sheet = layoutReport(doc, '自评报告');
  const narrative = sheet.cells.filter((c) => c.col === NARRATIVE_COL).sort((a, b) => a.row - b.row);

  test('sheet basics: name, portrait, a wide narrative column and the figure columns', () => {
    expect(sheet.name).toBe('自评报告');
    expect(sheet.orientation).toBe('portrait');
    expect(sheet.columnWidths[0]).toBeGreaterThanOrEqual(80);
    expect(sheet.columnWidths).toHaveLength(6);
    // every cell is text or a number, no cell written twice
    const seen = new Set<string>();
    for (const c of sheet.cells) {
      expect(['string', 'number']).toContain(typeof c.value);
      const k = `${c.row},${c.col}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
  });

  test('the title first, bold, large and centred', () => {
    const t = at(sheet.cells, 0, NARRATIVE_COL)!;
    expect(t.value).toBe('井陉县委网信办2025年度整体支出绩效自评报告');
    expect(t.bold).toBe(true);
    expect(t.fontSize).toBeGreaterThanOrEqual(14);
    expect(t.align).toBe('center');
  });

  test('headings bold, in document order; paragraphs wrapped', () => {
    const heads = narrative.filter((c) => c.bold && typeof c.value === 'string' && /^[一二三四五六]、/.test(c.value));
    expect(heads.map((c) => c.value)).toEqual(doc.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text));
    const sub = narrative.find((c) => c.value === '（一）部门概况')!;
    expect(sub.bold).toBe(true);
    const para = narrative.find((c) => typeof c.value === 'string' && c.value.includes('预算执行率为96.74%'))!;
    expect(para.wrap).toBe(true);
    expect(para.bold).toBeFalsy();
    // document order is row order
    const rowsOf = (s: string) => narrative.findIndex((c) => c.value === s);
    expect(rowsOf('一、部门基本情况')).toBeLessThan(rowsOf('六、评价工作组人员名单'));
  });

  test('table blocks become a bold header line and one line per row', () => {
    const header = narrative.find((c) => c.value === ['姓名', '工作单位', '职务', '职称', '备注'].join(TABLE_SEPARATOR))!;
    expect(header.bold).toBe(true);
    const next = at(sheet.cells, header.row + 1, NARRATIVE_COL)!;
    expect(next.value).toBe(['陈志军', '井陉县委网信办', '主任', '无', ''].join(TABLE_SEPARATOR));
  });

  test('the figure table beside the narrative, with every figure and its source cell', () => {
    const hdr = [0, 1, 2, 3].map((j) => at(sheet.cells, 1, FIGURE_COL + j)!);
    expect(hdr.map((c) => c.value)).toEqual(['数据项', '数值', '来源工作表', '来源单元格']);
    for (const c of hdr) expect(c.bold).toBe(true);
    expect(sheet.merges).toContain('C1:F1');
    doc.figures.forEach((fig, k) => {
      expect(at(sheet.cells, 2 + k, FIGURE_COL)!.value).toBe(fig.label);
      expect(at(sheet.cells, 2 + k, FIGURE_COL + 1)!.value).toBe(fig.display);
      expect(at(sheet.cells, 2 + k, FIGURE_COL + 2)!.value).toBe(fig.ref.sheet);
      expect(at(sheet.cells, 2 + k, FIGURE_COL + 3)!.value).toBe(fig.ref.cell);
    });
    const rate = sheet.cells.findIndex((c) => c.col === FIGURE_COL && c.value === '执行率（重算）');
    const row = sheet.cells[rate].row;
    expect(at(sheet.cells, row, FIGURE_COL + 1)!.value).toBe('96.74%');
    expect(at(sheet.cells, row, FIGURE_COL + 2)!.value).toBe(DEPT_SHEET);
    expect(at(sheet.cells, row, FIGURE_COL + 3)!.value).toBe('G5');
  });

  test('the notice rows are bold on the error fill', () => {
    const g = seedFixture();
    g.findings = [finding('error', DEPT_SHEET, 'G13', '得分有误'), finding('error', DEPT_SHEET, 'G19', '总分有误')];
    const s = layoutReport(buildReport(g.read, g.check, g.profile, g.findings), '自评报告 (2)');
    const notice = s.cells.filter((c) => c.col === NARRATIVE_COL && c.fill === '#FFC7CE');
    expect(notice).toHaveLength(3);
    expect(notice.map((c) => c.row)).toEqual([notice[0].row, notice[0].row + 1, notice[0].row + 2]);
    for (const c of notice) expect(c.bold).toBe(true);
    expect(notice[0].value).toContain('2处错误');
    expect(notice[1].value).toBe(`${DEPT_SHEET}!G13：得分有误`);
    expect(notice[0].row).toBeGreaterThan(0);
    expect(notice[0].row).toBeLessThan(s.cells.find((c) => c.value === '一、部门基本情况')!.row);
  });

  test('text that starts with = stays a plain string', () => {
    const d: ReportDoc = {
      title: '=HYPERLINK("x")',
      blocks: [
        { type: 'title', text: '=HYPERLINK("x")' },
        { type: 'heading', level: 1, text: '一、部门基本情况' },
        { type: 'paragraph', text: '-5.04万元未执行' },
        { type: 'table', header: ['姓名', '备注'], rows: [['=1+1', '@me']] },
      ],
      figures: [{ label: '=A1', display: '+100', value: '+100', ref: { sheet: '=Sheet', cell: 'A1' } }],
    };
    const s = layoutReport(d, 'x');
    const values = s.cells.map((c) => c.value);
    expect(values).toContain('=HYPERLINK("x")');
    expect(values).toContain(`=1+1${TABLE_SEPARATOR}@me`);
    expect(values).toContain('=A1');
    expect(values).toContain('+100');
    expect(values).toContain('=Sheet');
    for (const c of s.cells) expect(['string', 'number']).toContain(typeof c.value);
    const formulaLike = s.cells.filter((c) => typeof c.value === 'string' && isFormulaLike(c.value));
    expect(formulaLike.length).toBeGreaterThanOrEqual(4);
  });

  test('an empty figure list still leaves a readable figure table', () => {
    const s = layoutReport({ title: 't', blocks: [{ type: 'title', text: 't' }], figures: [] }, 'x');
    expect(at(s.cells, 2, FIGURE_COL)!.value).toContain('未引用');
  });
});

describe('print area', () => {
  test('the narrative column prints; the figure table beside it does not', () => {
    const doc = {
      title: 'T',
      blocks: [
        { type: 'title' as const, text: 'T' },
        { type: 'paragraph' as const, text: 'p1' },
        { type: 'paragraph' as const, text: 'p2' },
      ],
      figures: [{ label: 'x', display: '1', value: 1, ref: { sheet: 'S', cell: 'B2' } }],
    };
    const l = layoutReport(doc, '自评报告');
    const lastNarrativeRow = Math.max(...l.cells.filter((c) => c.col === 0).map((c) => c.row));
    expect(l.printArea).toBe(`A1:A${lastNarrativeRow + 1}`);
  });
});

describe('row heights', () => {
  test('a paragraph longer than the narrative column gets a taller row; a short one keeps the default', () => {
    const long = '预算执行'.repeat(40); // 160 CJK characters: 320 units, several lines at width 80
    const doc = {
      title: 'T',
      blocks: [
        { type: 'paragraph' as const, text: '短' },
        { type: 'paragraph' as const, text: long },
      ],
      figures: [],
    };
    const l = layoutReport(doc, '自评报告');
    const shortRow = l.cells.find((c) => c.value === '\u3000\u3000短')!.row;
    const longRow = l.cells.find((c) => typeof c.value === 'string' && c.value.endsWith(long))!.row;
    expect(l.rowHeights![shortRow]).toBeUndefined();
    expect(l.rowHeights![longRow]).toBeGreaterThanOrEqual(4 * 15);
  });
});
