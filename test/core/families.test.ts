// The eight layout families of issue 7, each a workbook written from scratch here, read, and a
// variant with one slip that the checks find at its cell.

import { evaluate } from '../../src/core/engine';
import { readWorkbook } from '../../src/core/read';
import { makeSheet, type CellInput, type Sheet } from '../../src/core/grid';
import type { Finding } from '../../src/core/types';

const keys = (fs: Finding[]): string[] => fs.map((f) => `${f.rule}@${f.cell}`);
const errors = (fs: Finding[]): string[] => keys(fs.filter((f) => f.severity === 'error'));
const run = (s: Sheet) => evaluate({ sheets: [s] });
/** Replace one cell of a row list (0-based row and column) in a copy. */
function edit(rows: CellInput[][], r: number, c: number, v: CellInput): CellInput[][] {
  const out = rows.map((row) => [...row]);
  out[r][c] = v;
  return out;
}

describe('1. no title row: the table begins at 项目名称', () => {
  const rows: CellInput[][] = [
    ['项目名称', '乡村道路养护', null, '主管部门', '某县交通运输局'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 80, 80, 72, 10, '90%', 9],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '养护里程', '≥120公里', '126公里', 50, 50],
    [null, '效益指标', '社会效益指标', '通行条件', '有所改善', '有所改善', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', 10, 10],
    ['总分', null, null, null, null, null, 100, 99, '优'],
  ];
  test('read as a project table with its blocks; no error', () => {
    const ev = run(makeSheet('道路', rows));
    expect(ev.read.tables.map((t) => [t.kind, t.name?.value, t.indicators.length])).toEqual([['project', '乡村道路养护', 3]]);
    expect(errors(ev.findings)).toEqual([]);
  });
  test('slip: a score below the formula is found at its cell', () => {
    const ev = run(makeSheet('道路', edit(rows, 4, 7, 40)));
    expect(errors(ev.findings)).toEqual(expect.arrayContaining(['score.recomputed@H5']));
  });
});

describe('2. the 20 + 80 layout with no 分值 column', () => {
  const rows: CellInput[][] = [
    ['项目名称', '农村饮水安全维修'],
    ['预算执行情况（万元）（20分）', null, null, '预算数(A)', '执行数(B)', '执行率(B/A)', '得分（20分*执行率）'],
    [null, '年度财政资金总额', null, 50, 45, '90%', 18],
    ['年度绩效目标（80分）', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
    [null, '产出指标（50分）', '数量指标', '维修供水点', '≥20处', '20处', 30],
    [null, null, '质量指标', '验收合格率', '100%', '100%', 20],
    [null, '效益指标（20分）', '社会效益指标', '保障人口', '≥5000人', '5200人', 20],
    [null, '满意度指标（10分）', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10],
    ['总分（100分）', 98, null, '自评等级', '优'],
  ];
  const asciiRows = rows.map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/（/g, '(').replace(/）/g, ')') : v)));
  test('scores what can be scored, says per indicator that no 分值 was given; full-width and ASCII read the same', () => {
    for (const r of [rows, asciiRows]) {
      const ev = evaluate({ sheets: [makeSheet('饮水', r)] }, { profile: 'hebei-county' });
      const t = ev.read.tables[0];
      expect(t.hasWeightColumn).toBe(false);
      expect(t.funds?.headerWeight?.value).toBe(20);
      expect(t.level1Weights.map((w) => [w.name, w.weight])).toEqual([['产出指标', 50], ['效益指标', 20], ['满意度指标', 10]]);
      expect([t.totals?.score?.value, t.totals?.grade?.value, t.totals?.grade?.ref.cell]).toEqual([98, '优', 'E9']);
      const res = ev.check.results[0];
      expect([res.executionScore, res.computedTotal]).toEqual([18, 98]);
      expect(res.indicators.every((i) => typeof i.unscored === 'string')).toBe(true);
      expect(keys(ev.findings).filter((k) => /^(score|exec|weight\.total)/.test(k))).toEqual([]);
    }
  });
  test('slip: an execution score of 20 at a 90% rate is exec.score at its cell; a level over its label is score.range', () => {
    const ev = run(makeSheet('饮水', edit(edit(rows, 2, 6, 20), 4, 6, 35)));
    expect(errors(ev.findings)).toEqual(expect.arrayContaining(['exec.score@G3', 'score.range@G5']));
  });
});

describe('3. a table that holds only its funds block', () => {
  const rows: CellInput[][] = [
    ['某县司法局2024年度部门整体支出绩效自评表'],
    ['部门名称', '某县司法局'],
    ['预算资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 300, 320, 310, 10, '96.88%', 9.69],
    [null, '其中：基本支出', 200, 210, 205],
    [null, '项目支出', 100, 110, 105],
  ];
  test('recognised; the absent indicator block is said once, as info', () => {
    const ev = run(makeSheet('整体', rows));
    expect(ev.read.tables.map((t) => t.kind)).toEqual(['department']);
    expect(ev.findings.filter((f) => f.rule === 'structure.total_missing').map((f) => [f.severity, f.cell])).toEqual([['info', 'A1']]);
    expect(errors(ev.findings)).toEqual([]);
  });
  test('slip: components that do not add up are funds.components at the total', () => {
    const ev = run(makeSheet('整体', edit(rows, 5, 3, 100)));
    expect(errors(ev.findings)).toEqual(['funds.components@D4']);
  });
});

describe('4. a cut-short table: no 满意度 rows, no 总分 row', () => {
  const rows: CellInput[][] = [
    ['2024年度项目支出绩效自评表'],
    ['项目名称', '校舍维修'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 40, 40, 38, 10, '95%', 9.5],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '维修面积', '≥800平方米', '820平方米', 50, 50],
    [null, '效益指标', '社会效益指标', '安全隐患', '消除', '消除', 30, 30],
  ];
  test('checks what is there and says once that there is no total row', () => {
    const ev = run(makeSheet('校舍', rows));
    expect(ev.findings.filter((f) => f.rule === 'structure.total_missing').map((f) => f.cell)).toEqual(['A1']);
    expect(keys(ev.findings).filter((k) => k.startsWith('weight.total') || k.startsWith('score.total'))).toEqual([]);
    expect(errors(ev.findings)).toEqual([]);
    expect(ev.check.results[0].computedTotal).toBeUndefined();
  });
  test('slip: a wrong 执行率 is exec.rate at its cell', () => {
    const ev = run(makeSheet('校舍', edit(rows, 3, 6, '85%')));
    expect(errors(ev.findings)).toEqual(['exec.rate@G4']);
  });
});

describe('5. a header row with missing labels never swallows the next block', () => {
  const rows: CellInput[][] = [
    ['项目支出绩效自评表（2024年度）'],
    ['项目名称', '图书采购'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 10, 10, 10, 10, '100%', 10],
    ['年度总体目标'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '采购图书', '≥2000册', '2100册', 50, 50],
    [null, '效益指标', '社会效益指标', '借阅人次', '≥3000人次', '3500人次', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '读者满意度', '≥90%', '96%', 10, 10],
    ['总分', null, null, null, null, null, 100, 100],
  ];
  test('the indicator header is read; one structure.block_unread names the goals row', () => {
    const ev = run(makeSheet('图书', rows));
    const t = ev.read.tables[0];
    expect(t.indicators.map((i) => i.name)).toEqual(['采购图书', '借阅人次', '读者满意度']);
    const unread = ev.findings.filter((f) => f.rule === 'structure.block_unread');
    expect(unread.map((f) => [f.cell, f.severity])).toEqual([['A5', 'warning']]);
    expect(unread[0].message).toContain('第 5 行');
    expect(ev.findings.filter((f) => f.rule === 'structure.label_missing')).toEqual([]);
    expect(errors(ev.findings)).toEqual([]);
  });
  test('slip: an empty actual is indicator.value_missing at its cell', () => {
    const ev = run(makeSheet('图书', edit(rows, 7, 5, null)));
    expect(errors(ev.findings)).toEqual(['indicator.value_missing@F8']);
  });
});

describe('6. compound units', () => {
  const table = (actual: string): CellInput[][] => [
    ['项目支出绩效自评表'],
    ['项目名称', '困难群众生活补助'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 60, 60, 60, 10, '100%', 10],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '成本指标', '补助标准', '≥300元/人·月', actual, 20, 20],
    [null, null, '数量指标', '巡查频次', '≥2次/季度', '3次/季度', 15, 15],
    [null, null, '数量指标', '入户走访', '≥500元/户', '520元/户', 15, 15],
    [null, '效益指标', '经济效益指标', '亩产', '≥400kg/亩', '420kg/亩', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', '95%', 10, 10],
    ['总分', null, null, null, null, null, 100, 100],
  ];
  test('the same compound unit on both sides compares, however its product sign is written', () => {
    for (const a of ['320元/人·月', '320元/人*月', '３２０元／人×月']) {
      const ev = run(makeSheet('补助', table(a)));
      expect(ev.check.results[0].indicators.every((i) => i.quantitative)).toBe(true);
      expect(keys(ev.findings).filter((k) => k.startsWith('indicator.'))).toEqual([]);
      expect(errors(ev.findings)).toEqual([]);
    }
  });
  test('slip: a different compound unit is indicator.unit_mismatch at the actual', () => {
    const ev = run(makeSheet('补助', table('320元/户')));
    expect(keys(ev.findings).filter((k) => k.startsWith('indicator.'))).toEqual(['indicator.unit_mismatch@F6']);
  });
});

describe('7. core indicators with detail lines', () => {
  const rows: CellInput[][] = [
    ['项目支出绩效自评表'],
    ['项目名称', '特色种植补贴'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 20, 20, 20, 10, '100%', 10],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
    [null, '产出指标', '数量指标', '★补助种植面积', 30, '40亩', '40亩', 30],
    [null, null, null, '其中：果树', null, '15亩', '15亩'],
    [null, null, null, '其中：蔬菜', null, '25亩', '25亩'],
    [null, null, null, '★补助养殖数量', 20, '200只', '200只', 20],
    [null, null, null, '其中羊', null, '150只', '150只'],
    [null, null, null, '其中猪', null, '50头', '50头'],
    [null, '效益指标', '经济效益指标', '增收', '30', '≥5万元', '6万元', 30],
    [null, '满意度指标', '服务对象满意度指标', '满意度', 10, '≥90%', '96%', 10],
    ['总分', null, null, null, 100, null, null, 100],
  ];
  // The first core indicator's 分值 and 得分 are merged over its detail lines.
  const merges = ['E6:E8', 'H6:H8'];
  test('the merged value belongs to the indicator once; its lines are details, out of the weights', () => {
    const ev = run(makeSheet('种植', rows, { merges }));
    const t = ev.read.tables[0];
    expect(t.indicators.map((i) => [i.name, i.core ?? false, i.weight?.value, i.details?.map((d) => d.name)])).toEqual([
      ['补助种植面积', true, 30, ['其中：果树', '其中：蔬菜']],
      ['补助养殖数量', true, 20, ['其中羊', '其中猪']],
      ['增收', false, 30, undefined],
      ['满意度', false, 10, undefined],
    ]);
    expect(errors(ev.findings)).toEqual([]);
  });
  test('slip: a detail line with no actual is indicator.value_missing at its cell', () => {
    const ev = run(makeSheet('种植', edit(rows, 9, 6, null), { merges }));
    expect(errors(ev.findings)).toEqual(['indicator.value_missing@G10']);
  });
});

describe('8. department scoring tables', () => {
  const rows: CellInput[][] = [
    ['某县文化馆2024年度部门整体支出绩效评价表'],
    ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '自评情况', '自评得分'],
    ['投入（20分）', '预算编制', '预算调整率', 10, '调整率≤5%得满分', '调整数/年初预算数=4/100=4%', 10],
    [null, '预算编制', '"三公经费"控制率', 10, '≤100%得满分', '实际支出/预算数=8/10=80%', 10],
    ['过程（30分）', '资金管理', '预算执行率', 15, '执行率100%得满分', '执行数/预算数=95/100=95%', 14],
    [null, '资产管理', '政府采购执行率', 15, '100%得满分', '—', 15],
    ['产出（30分）', '职责履行', '重点工作完成率', 30, '全部完成得满分', '完成', 28],
    ['效果（20分）', '社会效益', '群众满意度', 20, '≥90%得满分', '92%', 20],
    ['总分', null, null, 100, null, null, 97],
    ['评价等级', '优'],
  ];
  test('recognised as its own kind; scores, level sums, total and grade agree', () => {
    const ev = run(makeSheet('部门评价', rows));
    const t = ev.read.tables[0];
    expect(t.kind).toBe('department-scoring');
    expect(t.indicators.map((i) => [i.name, i.weight?.value, i.score?.value])).toHaveLength(6);
    expect(t.level1Weights.map((w) => [w.name, w.weight])).toEqual([['投入', 20], ['过程', 30], ['产出指标', 30], ['效益指标', 20]]); // 产出 and 效果 take their standard names
    expect(ev.check.results[0].computedTotal).toBe(97);
    expect(keys(ev.findings).filter((k) => !k.startsWith('structure.no_profile'))).toEqual([]);
  });
  test('slips: a score above its 分值, a stated rate that its figures contradict, a wrong total', () => {
    let r = edit(rows, 6, 6, 31);
    r = edit(r, 3, 5, '实际支出/预算数=8/10=90%');
    const ev = run(makeSheet('部门评价', r));
    expect(errors(ev.findings)).toEqual(expect.arrayContaining(['score.range@G7', 'exec.rate@F4', 'score.total@G9']));
  });
});

describe('structure.no_table says what was seen', () => {
  test('a funds header with nothing under it and no indicator header', () => {
    const ev = run(makeSheet('表1', [['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数'], ['说明', '无']]));
    const f = ev.findings.find((x) => x.rule === 'structure.no_table')!;
    expect(f.message).toContain('第 1 行有预算资金表头');
    expect(f.message).toContain('绩效指标表头');
  });
  test('an indicator header with no funds header', () => {
    const ev = run(makeSheet('表1', [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分']]));
    expect(ev.findings.find((x) => x.rule === 'structure.no_table')!.message).toContain('有绩效指标表头，但没有');
  });
});

describe('sparse sheets: the reader costs what a sheet holds, not its extent', () => {
  test(
    'one value at XFD1048576 beside a normal table: the table is read in full',
    () => {
      const s = makeSheet('道路', [
        ['项目支出绩效自评表'],
        ['项目名称', '乡村道路养护'],
        ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', 80, 80, 80, 10, '100%', 10],
        ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        [null, '产出指标', '数量指标', '养护里程', '≥120公里', '126公里', 50, 50],
        [null, '效益指标', '社会效益指标', '通行条件', '有所改善', '有所改善', 30, 30],
        [null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '93%', 10, 10],
        ['总分', null, null, null, null, null, 100, 100],
      ]);
      const far: NonNullable<Sheet['rows'][number]> = [];
      far[16383] = { value: '备注' };
      s.rows[1048575] = far;
      const read = readWorkbook({ sheets: [s] });
      expect(read.tables.map((t) => [t.kind, t.indicators.length, t.totals?.score?.value])).toEqual([['project', 3, 100]]);
      const ev = evaluate({ sheets: [s] });
      expect(errors(ev.findings)).toEqual([]);
    },
    20000,
  );
});
