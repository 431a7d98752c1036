// The block readers of src/core/read, one by one.

import { makeSheet, type CellInput } from '../../src/core/grid';
import { View } from '../../src/core/read/view';
import { Ctx } from '../../src/core/read/figures';
import { findBlocks } from '../../src/core/read/finder';
import { readFunds } from '../../src/core/read/funds';
import { readGoals } from '../../src/core/read/goals';
import { readTotals } from '../../src/core/read/totals';
import { titleOf, nameInTitle } from '../../src/core/read/titles';
import { isCoreName, isDetailName, stripCoreMark } from '../../src/core/read/names';
import { readWorkbook } from '../../src/core/read';
import { rateStatements } from '../../src/core/check/scoring';
import type { Table } from '../../src/core/types';

const view = (rows: CellInput[][], merges: string[] = []) => new View(makeSheet('S', rows, { merges }));

describe('view', () => {
  test('stores and visits only the rows that hold something', () => {
    const s = makeSheet('S', [['a'], [], [null, 'b']]);
    s.rows[500000] = [];
    s.rows[500000][3] = { value: 'far' };
    const v = new View(s);
    expect(v.used).toEqual([0, 2, 500000]);
    expect(v.rowsIn(1, 500000)).toEqual([2]);
    expect(v.nextUsed(3)).toBe(500000);
    expect(v.nRows).toBe(500001);
    expect(v.row(1)).toEqual([]);
  });
  test('a merge shows its top-left cell everywhere it covers', () => {
    const v = view([['x', null], [null, null]], ['A1:B2']);
    expect(v.shownText(1, 1)).toBe('x');
    expect(v.endCol(0, 0)).toBe(1);
    expect(v.row(1)).toEqual([]);
  });
});

describe('finder', () => {
  test('年度绩效目标（80分） heading the indicator columns is the indicator header, not a goals row', () => {
    const v = view([
      ['预算执行情况（20分）', '预算数(A)', '执行数(B)', '执行率(B/A)', '得分'],
      ['年度财政资金总额', 10, 10, '100%', 20],
      ['年度绩效目标（80分）', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
    ]);
    const b = findBlocks(v, 0, v.nRows);
    expect([b.fundsRow, b.goalsRow, b.ind?.top]).toEqual([0, -1, 2]);
  });
  test('a goals row never hides the indicator header right under it', () => {
    const v = view([['年度总体目标'], ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分']]);
    const b = findBlocks(v, 0, v.nRows);
    expect([b.goalsRow, b.ind?.top]).toEqual([0, 1]);
  });
});

describe('funds', () => {
  test('splits of a department total: 按收入性质分 / 按支出性质分 with their parts', () => {
    const v = view([
      ['预算资金（万元）', null, '全年预算数', '全年执行数'],
      [null, '年度资金总额', 100, 90],
      [null, '按收入性质分：100', null, '按支出性质分：90'],
      [null, '其中：一般公共预算：70', null, '其中：基本支出：50'],
      [null, '其他资金：30', null, '项目支出：40'],
    ]);
    const b = findBlocks(v, 0, v.nRows);
    const f = readFunds(new Ctx(), v, b.fundsRow, b.fundsCols!, 0, v.nRows);
    expect(f.rows.map((r) => r.kind)).toEqual(['total']);
    expect(f.splits!.map((s) => [s.kind, s.stated?.value, s.parts.map((p) => [p.label, p.amount.value, p.amount.ref.cell])])).toEqual([
      ['income', 100, [['一般公共预算', 70, 'B4'], ['其他资金', 30, 'B5']]],
      ['expenditure', 90, [['基本支出', 50, 'D4'], ['项目支出', 40, 'D5']]],
    ]);
  });
  test('a block in 元 is converted to 万元; a header without its closing bracket still gives its unit', () => {
    for (const head of ['项目资金（元）', '项目资金（元']) {
      const v = view([[head, '全年预算数', '全年执行数'], ['年度资金总额', 50000, 40000]]);
      const b = findBlocks(v, 0, v.nRows);
      const f = readFunds(new Ctx(), v, b.fundsRow, b.fundsCols!, 0, v.nRows);
      expect([f.unit, f.rows[0].adjusted?.value]).toEqual(['元', 5]);
    }
  });
});

describe('goals', () => {
  test('texts on the next row, in the labelled columns', () => {
    const v = view([['年度总体目标', '预期目标', '实际完成情况'], [null, '目标甲', '完成甲']]);
    const ctx = new Ctx();
    expect(readGoals(ctx, v, 0, v.nRows)).toEqual({ expected: { value: '目标甲', ref: { sheet: 'S', cell: 'B2' } }, actual: { value: '完成甲', ref: { sheet: 'S', cell: 'C2' } } });
    expect(ctx.findings).toEqual([]);
  });
  test('labelled columns over another block’s header: one structure.block_unread at the goals row', () => {
    const v = view([['年度总体目标', '预期目标', '实际完成情况'], ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分']]);
    const ctx = new Ctx();
    expect(readGoals(ctx, v, 0, v.nRows)).toEqual({});
    expect(ctx.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([['structure.block_unread', 'A1', 'warning']]);
  });
});

describe('totals', () => {
  const table = (): Table => ({ kind: 'project', sheet: 'S', title: '', titleRef: { sheet: 'S', cell: 'A1' }, hasWeightColumn: false, indicators: [], level1Weights: [], missing: [] });
  test('no 分值 column: the first number right of the label; the grade after 自评等级 on the same row', () => {
    const v = view([['总分（100分）', 96, null, '自评等级', '优']]);
    const t = table();
    expect(readTotals(new Ctx(), v, t, undefined, 0, v.nRows)).toBe(0);
    expect([t.totals?.weight?.value, t.totals?.score?.value, t.totals?.grade?.value, t.totals?.grade?.ref.cell]).toEqual([100, 96, '优', 'E1']);
  });
  test('a grade merged in from the left over the 得分 column is not read as the total score', () => {
    const v = view([['一级指标', '二级指标', '三级指标', '得分'], ['总分', 90, '自评等级', '优', null]], ['D2:E2']);
    const t = table();
    const ctx = new Ctx();
    readTotals(ctx, v, t, { top: 0, bottom: 0, cols: { score: 4 }, firstRef: { sheet: 'S', cell: 'A1' } }, 1, v.nRows);
    expect([t.totals?.score?.value, t.totals?.grade?.value]).toEqual([90, '优']);
    expect(ctx.findings).toEqual([]);
  });
  test('no totals row: -1, and no totals', () => {
    const t = table();
    expect(readTotals(new Ctx(), view([['x']]), t, undefined, 0, 1)).toBe(-1);
    expect(t.totals).toBeUndefined();
  });
});

describe('titles and names', () => {
  test('title phrases', () => {
    expect(titleOf('某县2024年度部门整体支出绩效自评表')).toBe('department');
    expect(titleOf('某县文化馆2024年度部门整体支出绩效评价表')).toBe('department');
    expect(titleOf('部门整体支出绩效评价工作方案')).toBeUndefined();
    expect(titleOf('项目支出绩效自评表（2023年度）')).toBe('project');
    expect(nameInTitle('某县文化馆2024年度部门整体支出绩效评价表')).toBe('某县文化馆');
  });
  test('core marks and detail lines', () => {
    expect([isCoreName('★补助面积'), isCoreName('补助面积'), stripCoreMark('★ 补助面积')]).toEqual([true, false, '补助面积']);
    expect([isDetailName('其中：果树'), isDetailName('其中果树'), isDetailName('果树其中')]).toEqual([true, true, false]);
  });
  test('a department head label such as 预算部门、单位名称 gives the name', () => {
    const r = readWorkbook({
      sheets: [makeSheet('S', [['预算部门、单位名称', '某乡人民政府'], ['预算资金（万元）', '全年预算数', '全年执行数'], ['年度资金总额', 10, 10]])],
    });
    expect(r.tables.map((t) => [t.kind, t.name?.value])).toEqual([['department', '某乡人民政府']]);
  });
  test('a note row merged across the name column is not an indicator', () => {
    const r = readWorkbook({
      sheets: [
        makeSheet(
          'S',
          [
            ['项目支出绩效自评表'],
            ['项目名称', '甲'],
            ['项目资金', '全年预算数', '全年执行数'],
            ['年度资金总额', 1, 1],
            ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['产出指标', '数量指标', '场次', '4场', '4场', 90, 90],
            ['其他需要说明事项', null, null, '无'],
            ['总分', null, null, null, null, 100, 100],
          ],
          { merges: ['A7:C7', 'D7:G7'] },
        ),
      ],
    });
    expect(r.tables[0].indicators.map((i) => i.name)).toEqual(['场次']);
  });
});

describe('rate statements of a scoring row', () => {
  test('a ÷ b = c% with units and a ×100%', () => {
    expect(rateStatements('调整数/年初预算数=5万元/100万元=5%').map((s) => [s.a, s.b, s.stated, s.decimals])).toEqual([[5, 100, 0.05, 0]]);
    expect(rateStatements('在职人数÷编制数×100%=48÷50×100%=96.0%').map((s) => [s.a, s.b, s.stated, s.decimals])).toEqual([[48, 50, 0.96, 1]]);
    expect(rateStatements('完成全部任务')).toEqual([]);
  });
});

describe('funds in the key–value layout (预算数 | amount | 执行数 | amount on one row)', () => {
  const rows = (other: number): CellInput[][] => [
    ['项目名称：', '敬老院运行补助'],
    ['二、预算执行情况', '预算安排情况（调整后）', null, '资金执行情况', null, '预算执行进度（%）'],
    [null, '预算数', 12, '执行数', 11.4, 95],
    [null, '其中：财政资金', 12, '其中：财政资金', 11.4],
    [null, '其他', other, '其他', 0],
  ];
  test('the header row is the total row; components sit under the labels; the rate under its label above', () => {
    const v = view(rows(0));
    const b = findBlocks(v, 0, v.nRows);
    const f = readFunds(new Ctx(), v, b.fundsRow, b.fundsCols!, 0, v.nRows);
    expect(f.rows.map((r) => [r.kind, r.adjusted?.value, r.adjusted?.ref.cell, r.executed?.value, r.executed?.ref.cell])).toEqual([
      ['total', 12, 'C3', 11.4, 'E3'],
      ['appropriation', 12, 'C4', 11.4, 'E4'],
      ['other', 0, 'C5', 0, 'E5'],
    ]);
    expect([f.rows[0].rate?.value, f.rows[0].rate?.ref.cell]).toEqual([0.95, 'F3']);
  });
  test('slip: components that do not add up', async () => {
    const { evaluate } = await import('../../src/core/engine');
    const ev = evaluate({ sheets: [makeSheet('S', [...rows(1), ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分'], ['产出指标', '数量指标', '人数', '≥10人', '10人', 50]])] });
    expect(ev.findings.filter((f) => f.rule === 'funds.components').map((f) => f.cell)).toEqual(['C3']);
  });
});

describe('structure.block_unread: a block found but not read is said once, at its first cell', () => {
  const rules = (rows: CellInput[][]) => readWorkbook({ sheets: [makeSheet('S', rows)] }).findings.filter((f) => f.rule === 'structure.block_unread' || f.rule === 'structure.label_missing');
  const ind = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
  test('a funds header with no amount row under it', () => {
    const f = rules([['项目支出绩效自评表'], ['项目名称', '甲'], ['项目资金', '全年预算数', '全年执行数'], ind, ['产出指标', '数量指标', '场次', '4场', '4场', 90, 90], ['总分', null, null, null, null, 100, 100]]);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['structure.block_unread', 'A3']]);
    expect(f[0].message).toContain('预算资金');
  });
  test('an indicator header whose rows hold no indicator, and a totals row with no figure', () => {
    const f = rules([['项目支出绩效自评表'], ['项目名称', '甲'], ['项目资金', '全年预算数', '全年执行数'], ['年度资金总额', 1, 1], ind, [null, null, '……'], ['总分', '见附件']]);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['structure.block_unread', 'A5'], ['structure.block_unread', 'A7']]);
    expect(f[0].message).toContain('绩效指标');
    expect(f[1].message).toContain('总分');
    const g = rules([['项目支出绩效自评表'], ['项目名称', '甲'], ['项目资金', '全年预算数', '全年执行数'], ['年度资金总额', 1, 1], ind, ['产出指标', '数量指标', '场次', '4场', '4场', 90, 90], ['合计']]);
    expect(g.map((x) => [x.rule, x.cell])).toEqual([['structure.block_unread', 'A7']]);
  });
});

import { evaluate, reportSheetOf } from '../../src/core/engine';
import { sampleGrid } from '../../src/core/sample';
import { isNarrativeSheet } from '../../src/core/read/narrative';
import type { Cell, Grid, Sheet } from '../../src/core/grid';

describe('a narrative report sheet', () => {
  it('is not read back as a table: a check after 生成报告 finds what it found before', () => {
    const grid = sampleGrid();
    const first = evaluate(grid);
    const layout = reportSheetOf(first, grid.sheets.map((s) => s.name));
    const rows: Cell[][] = [];
    for (const c of layout.cells) {
      rows[c.row] = rows[c.row] ?? [];
      rows[c.row][c.col] = { value: c.value };
    }
    const withReport: Grid = { sheets: [...grid.sheets, { name: layout.name, rows, merges: [] }] };
    const again = evaluate(withReport);
    expect(again.read.tables.map((t) => t.sheet)).toEqual(first.read.tables.map((t) => t.sheet));
    expect(again.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(first.findings.map((f) => `${f.rule}@${f.cell}`));
  });

  it('is told apart from a table whose title is a 自评表, even when a report line follows it', () => {
    const table: Sheet = { name: 'x', merges: [], rows: [[{ value: '项目支出绩效自评表' }], [{ value: '附：自评报告' }]] };
    const report: Sheet = { name: 'y', merges: [], rows: [[undefined, { value: '某局2025年度部门整体支出绩效自评报告' }]] };
    expect(isNarrativeSheet(table)).toBe(false);
    expect(isNarrativeSheet(report)).toBe(true);
    expect(isNarrativeSheet({ name: 'z', merges: [], rows: [] })).toBe(false);
  });
});
