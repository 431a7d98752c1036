// The report presents what the reader of the real tables reads, each on a workbook written here
// from scratch: a department scoring table, ★ core indicators with their 其中 lines, the 20 + 80
// layout (no 分值 column), a table cut short (no 总分 row), and funds splits.

import { evaluate } from '../../src/core/engine';
import { docLines, type ReportBlock, type ReportDoc, type ReportTable } from '../../src/core/report';
import { cellText } from '../../src/core/report/model';
import { layoutReport, TABLE_COLS } from '../../src/core/report/sheet';
import { docxBytes } from '../../src/core/report/docx';
import { makeSheet, type CellInput, type Grid } from '../../src/core/grid';
import * as W from '../../src/core/report/wording';
import { narrativeLines, toolPhrasesIn, untracedNumbers } from './helpers/reportChecks';

const gridOf = (name: string, rows: CellInput[][], merges?: string[]): Grid => ({ sheets: [makeSheet(name, rows, merges ? { merges } : undefined)] });
const tables = (doc: ReportDoc): ReportTable[] => doc.blocks.filter((b): b is ReportTable => b.type === 'table');
const rowsOf = (t: ReportTable) => t.rows.map((r) => r.map(cellText));
/** The body of section n (一 = 1): the blocks after its heading up to the next level-1 heading. */
function section(doc: ReportDoc, n: number): ReportBlock[] {
  const idx = doc.blocks.map((b, i) => (b.type === 'heading' && b.level === 1 ? i : -1)).filter((i) => i >= 0);
  return doc.blocks.slice(idx[n - 1] + 1, idx[n] ?? doc.blocks.length);
}
const textOf = (bs: ReportBlock[]) => bs.map((b) => ('text' in b ? b.text : '')).join('\n');
const notice = (doc: ReportDoc) => doc.blocks.find((b): b is Extract<ReportBlock, { type: 'notice' }> => b.type === 'notice');
const figure = (doc: ReportDoc, label: string) => doc.figures.find((f) => f.label === label);

/** What every report here must also be: rendered by both hosts, in the department's voice, every number traced. */
async function wellFormed(doc: ReportDoc, grid: Grid): Promise<void> {
  expect(layoutReport(doc, '自评报告').cells.length).toBeGreaterThan(10);
  expect((await docxBytes(doc)).length).toBeGreaterThan(1000);
  expect(toolPhrasesIn(doc)).toEqual([]);
  expect(untracedNumbers(doc, grid, false)).toEqual([]);
}

describe('a department scoring table is the department’s table', () => {
  const rows: CellInput[][] = [
    ['某县文化馆2024年度部门整体支出绩效评价表'],
    ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '自评情况', '自评得分'],
    ['投入（20分）', '预算编制', '预算调整率', 10, '预算调整率≤5%的得满分；每超过1个百分点扣1分，扣完为止。依据：年度预算调整文件及相关会议纪要', '调整数/年初预算数=4/100=4%', 10],
    [null, '预算编制', '"三公经费"控制率', 10, '≤100%得满分', '实际支出/预算数=8/10=80%', 10],
    ['过程（30分）', '资金管理', '资金使用合规性', 15, '合规得满分', '基本合规', 14],
    [null, '资产管理', '政府采购执行率', 15, '100%得满分', '—', 15],
    ['产出（30分）', '职责履行', '重点工作完成率', 30, '全部完成得满分', '完成', 28],
    ['效果（20分）', '社会效益', '群众满意度', 20, '≥90%得满分', '92%', 20],
    ['总分', null, null, 100, null, null, 97],
    ['评价等级', '优'],
  ];
  const grid = gridOf('部门评价', rows);
  const ev = evaluate(grid);
  const doc = ev.report;

  test('a department report, titled and headed as one', () => {
    expect(ev.read.tables[0].kind).toBe('department-scoring');
    expect(doc.kind).toBe('department');
    expect(doc.title).toBe('某县文化馆2024年度整体支出绩效自评报告');
  });

  test('三（二）: each 一级指标 a group with its 分值 and score, a table of 二级/三级指标, 分值, 评分标准 (short), 自评得分', () => {
    const s3 = section(doc, 3);
    const heads = s3.filter((b) => b.type === 'heading' && b.level === 3).map((b) => ('text' in b ? b.text : ''));
    expect(heads[0]).toBe('1. 投入（分值20分，得分20分）');
    expect(heads[1]).toBe('2. 过程（分值30分，得分29分）');
    expect(heads.some((h) => h.includes(W.EXEC_GROUP))).toBe(false); // no funds block: no 预算执行率 group
    const ts = s3.filter((b): b is ReportTable => b.type === 'table');
    expect(ts).toHaveLength(4);
    for (const t of ts) expect(t.header).toEqual(['二级指标', '三级指标', '分值', '评分标准', '自评得分']);
    const first = rowsOf(ts[0]);
    expect(first[1]).toEqual(['预算编制', '"三公经费"控制率', '10', '≤100%得满分', '10']);
    expect(first[0][3].length).toBeLessThanOrEqual(W.CRITERIA_MAX);
    expect(first[0][3]).toMatch(/^预算调整率≤5%的得满分；每超过1个百分点扣1分.*…$/);
    // the scores are numbers, as the table states them
    expect(ts[1].rows[0][4]).toEqual({ type: 'number', value: 14, kind: 'score' });
    expect(textOf(s3)).toContain('“资金使用合规性”得分14分，未达满分（分值15分）');
  });

  test('二（二） gives the framework’s weights; 四 the total and grade', () => {
    expect(textOf(section(doc, 2))).toContain('自评按百分制评分：投入20分，过程30分，');
    expect(textOf(section(doc, 2))).toContain(W.METHOD_PROCESS_SCORING);
    expect(textOf(section(doc, 4))).toBe('综合评价，2024年度某县文化馆整体支出绩效自评得分为97分，评价等级为“优秀”。');
    expect(figure(doc, '总分（重算）')).toMatchObject({ value: 97, ref: { sheet: '部门评价', cell: 'G9' } });
  });

  test('renders, speaks as the department, every number traced', () => wellFormed(doc, grid));
});

describe('★ core indicators and their 其中 lines', () => {
  const rows: CellInput[][] = [
    ['项目支出绩效自评表'],
    ['项目名称', '特色种植补贴'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 20, 20, 20, 10, '100%', 10],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
    [null, '产出指标', '数量指标', '★补助种植面积', 30, '40亩', '38亩', 28.5],
    [null, null, null, '其中：果树', null, '15亩', '13亩'],
    [null, null, null, '其中：蔬菜', null, '25亩', '25亩'],
    [null, null, '质量指标', '成活率', 20, '≥90%', '95%', 20],
    [null, '效益指标', '经济效益指标', '增收', 30, '≥5万元', '6万元', 30],
    [null, '满意度指标', '服务对象满意度指标', '满意度', 10, '≥90%', '96%', 10],
    ['总分', null, null, null, 100, null, null, 98.5],
  ];
  const grid = gridOf('种植', rows, ['E6:E8', 'H6:H8']);
  const doc = evaluate(grid).report;
  const output = tables(doc).find((t) => rowsOf(t).some((r) => r[1].includes('补助种植面积')))!;

  test('the core indicator is marked; its lines follow it, indented, target and actual, no score', () => {
    expect(rowsOf(output)).toEqual([
      ['数量指标', '★补助种植面积', '40亩', '38亩', '30', '28.5'],
      ['', `${W.DETAIL_INDENT}其中：果树`, '15亩', '13亩', '', ''],
      ['', `${W.DETAIL_INDENT}其中：蔬菜`, '25亩', '25亩', '', ''],
      ['质量指标', '成活率', '≥90%', '95%', '20', '20'],
    ]);
    expect(narrativeLines(doc)).toContain(W.CORE_NOTE);
    expect(figure(doc, '特色种植补贴其中：果树：完成值')).toMatchObject({ display: '13亩', ref: { cell: 'G7' } });
  });

  test('the lines are never counted as indicators: the group’s weight and score are the indicators’ only', () => {
    expect(narrativeLines(doc)).toContain('1. 产出指标（分值50分，得分48.5分）');
    const short = narrativeLines(doc).filter((l) => l.startsWith('“') && l.includes('偏差原因'));
    expect(short).toEqual([expect.stringMatching(/^“补助种植面积”指标值40亩，完成值38亩，得分28\.5分，未达满分（分值30分）/)]);
    expect(doc.blocks.some((b) => b.type === 'paragraph' && /“其中[：:]/.test(b.text))).toBe(false);
  });

  test('renders, speaks as the department, every number traced', () => wellFormed(doc, grid));
});

describe('the 20 + 80 layout: no 分值 per indicator', () => {
  const rows: CellInput[][] = [
    ['项目名称', '农村饮水安全维修'],
    ['预算执行情况（万元）（20分）', null, null, '预算数(A)', '执行数(B)', '执行率(B/A)', '得分（20分*执行率）'],
    [null, '年度财政资金总额', null, 50, 45, '90%', 18],
    ['年度绩效目标（80分）', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
    [null, '产出指标（50分）', '数量指标', '维修供水点', '≥20处', '20处', 30],
    [null, null, '质量指标', '验收合格率', '100%', '100%', 20],
    [null, '效益指标（20分）', '社会效益指标', '保障人口', '≥5000人', '5200人', 20],
    [null, '满意度指标（10分）', '服务对象满意度指标', '群众满意度', '≥90%', '95%', null],
    ['总分（100分）', 88, null, '自评等级', '良'],
  ];
  const grid = gridOf('饮水', rows);
  const ev = evaluate(grid, { profile: 'hebei-county' });
  const doc = ev.report;
  const s3 = section(doc, 3);

  test('the indicator tables show target, actual and the stated score only; no 分值 column, no invented score', () => {
    const ts = s3.filter((b): b is ReportTable => b.type === 'table' && b.header.includes('三级指标'));
    expect(ts.map((t) => t.header)).toEqual([W.INDICATOR_HEADER_UNSCORED, W.INDICATOR_HEADER_UNSCORED, W.INDICATOR_HEADER_UNSCORED]);
    expect(ts.map(rowsOf)).toEqual([
      [
        ['数量指标', '维修供水点', '≥20处', '20处', '30'],
        ['质量指标', '验收合格率', '100%', '100%', '20'],
      ],
      [['社会效益指标', '保障人口', '≥5000人', '5200人', '20']],
      [['服务对象满意度指标', '群众满意度', '≥90%', '95%', '—']],
    ]);
    expect(doc.figures.some((f) => f.label.includes('群众满意度：得分'))).toBe(false);
  });

  test('each level’s sum stands against the weight its label states', () => {
    const heads = s3.filter((b) => b.type === 'heading' && b.level === 3).map((b) => ('text' in b ? b.text : ''));
    expect(heads).toEqual(['1. 产出指标（分值50分，得分50分）', '2. 效益指标（分值20分，得分20分）', '3. 满意度指标（分值10分）', '4. 预算执行率（分值20分，得分18分）']);
    expect(figure(doc, '农村饮水安全维修产出指标分值合计')).toMatchObject({ value: 50, ref: { cell: 'B5' } });
    expect(textOf(section(doc, 2))).toContain('自评按百分制评分：产出指标50分，效益指标20分，满意度指标10分，预算执行率20分，合计100分。');
  });

  test('renders, speaks as the department, every number traced', () => wellFormed(doc, grid));
});

describe('a table cut short: no 总分 row', () => {
  const rows: CellInput[][] = [
    ['2024年度项目支出绩效自评表'],
    ['项目名称', '校舍维修'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 40, 40, 38, 10, '95%', 9.5],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '维修面积', '≥800平方米', '820平方米', 50, 50],
    [null, '效益指标', '社会效益指标', '安全隐患', '消除', '消除', 30, 30],
  ];
  const grid = gridOf('校舍', rows);
  const doc = evaluate(grid).report;

  test('四 states no total and no grade; nothing in the narrative claims one', () => {
    expect(textOf(section(doc, 4))).toBe(W.CONCLUSION_NO_TOTALS_ROW('“校舍维修”'));
    const body = narrativeLines(doc).join('\n');
    expect(body).not.toMatch(/自评得分为|评价等级为|合计100分|百分制/);
    expect(doc.figures.some((f) => f.label.includes('总分') || f.label.includes('评价等级'))).toBe(false);
    expect(rowsOf(tables(doc)[0])[0].slice(4)).toEqual(['—', '—']); // the projects table: no total, no grade
    expect(textOf(section(doc, 2))).toContain('自评各部分分值为：产出指标50分，效益指标30分，预算执行率10分。');
  });

  test('the opening notice says the table has no 总分 row', () => {
    expect(notice(doc)?.items).toContain(W.NOTICE_NO_TOTALS_ROW('“校舍维修”'));
    expect(notice(doc)?.items.join('')).toContain('没有总分行');
  });

  test('renders, speaks as the department, every number traced', () => wellFormed(doc, grid));
});

describe('funds splits in 一（二）', () => {
  const rows: CellInput[][] = [
    ['某县司法局2024年度部门整体支出绩效自评表'],
    ['部门名称', '某县司法局'],
    ['预算资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 300, 320, 310, 10, '96.88%', 9.69],
    [null, '按收入性质分：320', null, null, '按支出性质分：310'],
    [null, '其中：一般公共预算：280', null, null, '其中：基本支出：205'],
    [null, '政府性基金：40', null, null, '项目支出：105'],
  ];
  const grid = gridOf('整体', rows);
  const ev = evaluate(grid);
  const doc = ev.report;

  test('both splits are stated with their parts, each amount a figure at its cell', () => {
    expect(ev.read.tables[0].funds?.splits?.map((s) => s.parts.length)).toEqual([2, 2]);
    const s1 = textOf(section(doc, 1));
    expect(s1).toContain('按收入性质分，合计320.00万元，其中一般公共预算280.00万元、政府性基金40.00万元；按支出性质分，合计310.00万元，其中基本支出205.00万元、项目支出105.00万元。');
    expect(figure(doc, '按支出性质分：基本支出')).toMatchObject({ value: 205, ref: { sheet: '整体' } });
    expect(docLines(doc).join('\n')).not.toContain('自评按百分制评分'); // a funds-only page states no indicator weights
  });

  test('renders, speaks as the department, every number traced', () => wellFormed(doc, grid));
});

describe('the new shapes in both hosts', () => {
  const scoring: CellInput[][] = [
    ['某县档案馆2024年度部门整体支出绩效评价表'],
    ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '自评得分'],
    ['投入（40分）', '预算编制', '预算调整率', 40, '≤5%得满分', 38],
    ['产出（60分）', '职责履行', '重点工作完成率', 60, '全部完成得满分', 60],
    ['总分', null, null, 100, null, 98],
  ];
  const core: CellInput[][] = [
    ['项目支出绩效自评表'],
    ['项目名称', '种植补贴'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 20, 20, 20, 10, '100%', 10],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
    [null, '产出指标', '数量指标', '★补助面积', 50, '40亩', '40亩', 50],
    [null, null, null, '其中：果树', null, '15亩', '15亩'],
    [null, '效益指标', '经济效益指标', '增收', 30, '≥5万元', '6万元', 30],
    [null, '满意度指标', '服务对象满意度指标', '满意度', 10, '≥90%', '96%', 10],
    ['总分', null, null, null, 100, null, null, 100],
  ];

  test('report sheet: the scoring table and the detail line are cells, scores typed numbers', () => {
    const s = layoutReport(evaluate(gridOf('部门评价', scoring)).report, '自评报告');
    const header = s.cells.find((c) => c.value === '评分标准')!;
    const row = s.cells.filter((c) => c.row === header.row + 1 && c.col < TABLE_COLS && c.value !== '').sort((a, b) => a.col - b.col);
    expect(row.map((c) => c.value)).toEqual(['预算编制', '预算调整率', 40, '≤5%得满分', 38]);
    // 评分标准, the widest column, takes the sheet's spare column
    const crit = row.find((c) => c.value === '≤5%得满分')!;
    expect(s.merges).toContain(`D${crit.row + 1}:E${crit.row + 1}`);
    const d = layoutReport(evaluate(gridOf('种植', core, ['E6:E7', 'H6:H7'])).report, '自评报告');
    const line = d.cells.find((c) => c.value === `${W.DETAIL_INDENT}其中：果树`)!;
    expect(d.cells.filter((c) => c.row === line.row).map((c) => c.value)).toEqual(expect.arrayContaining(['15亩']));
    expect(d.cells.some((c) => c.value === '★补助面积')).toBe(true);
  });

  test('Word: the scoring table and the core indicator with its line are real tables', async () => {
    const JSZip = (await import('jszip')).default;
    const xmlOf = async (doc: ReportDoc) => (await JSZip.loadAsync(await docxBytes(doc))).file('word/document.xml')!.async('string');
    const a = await xmlOf(evaluate(gridOf('部门评价', scoring)).report);
    expect(a).toMatch(/<w:tbl>[\s\S]*评分标准[\s\S]*≤5%得满分[\s\S]*<\/w:tbl>/);
    const b = await xmlOf(evaluate(gridOf('种植', core, ['E6:E7', 'H6:H7'])).report);
    expect(b).toMatch(/<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*★补助面积(?:(?!<\/w:tbl>)[\s\S])*其中：果树/);
  });
});

describe('more of the same, as an officer would meet it', () => {
  test('20 + 80: a level whose scores fall short of its labelled weight says so, in the department’s words', () => {
    const rows: CellInput[][] = [
      ['项目名称', '农村饮水安全维修'],
      ['预算执行情况（万元）（20分）', null, null, '预算数(A)', '执行数(B)', '执行率(B/A)', '得分（20分*执行率）'],
      [null, '年度财政资金总额', null, 50, 50, '100%', 20],
      ['年度绩效目标（80分）', '一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
      [null, '产出指标（50分）', '数量指标', '维修供水点', '≥20处', '18处', 45],
      [null, '效益指标（20分）', '社会效益指标', '保障人口', '≥5000人', '5200人', 20],
      [null, '满意度指标（10分）', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10],
      ['总分（100分）', 95, null, '自评等级', '优'],
    ];
    const grid = gridOf('饮水', rows);
    const doc = evaluate(grid, { profile: 'hebei-county' }).report;
    expect(narrativeLines(doc)).toContain(W.GROUP_BELOW('产出指标', '45分', '50分'));
    expect(untracedNumbers(doc, grid, false)).toEqual([]);
  });

  test('a department report whose project page is cut short: the project has no total in the text, the notice says why', () => {
    const dept: CellInput[][] = [
      ['某县司法局2024年度部门整体支出绩效自评表'],
      ['部门名称', '某县司法局'],
      ['预算资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 300, 320, 320, 10, '100%', 10],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标', '数量指标', '办理案件', '≥100件', '120件', 50, 50],
      [null, '效益指标', '社会效益指标', '群众安全感', '提升', '提升', 30, 30],
      [null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10],
      ['总分', null, null, null, null, null, 100, 100, '优'],
    ];
    const project: CellInput[][] = [
      ['2024年度项目支出绩效自评表'],
      ['项目名称', '法律援助'],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 40, 40, 40, 10, '100%', 10],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标', '数量指标', '援助案件', '≥80件', '85件', 50, 50],
    ];
    const grid: Grid = { sheets: [makeSheet('整体', dept), makeSheet('法律援助', project)] };
    const doc = evaluate(grid).report;
    expect(textOf(section(doc, 3))).toContain(W.PROJECT_NO_TOTALS_ROW('“法律援助”'));
    expect(notice(doc)?.items).toContain(W.NOTICE_NO_TOTALS_ROW('“法律援助”'));
    expect(textOf(section(doc, 4))).toContain('自评得分为100分');
    expect(toolPhrasesIn(doc)).toEqual([]);
  });
});
