// Blind tests: the values officers write in indicator and funds cells, and the scores rules.md §2 gives them.

import { setCell } from '../../src/core/grid';
import { BUILTIN_PROFILES } from '../../src/core/profiles';
import { at, computed, errors, fig, fundsRow, ind, list, pct, run, simpleTable, standardProject, tableOf } from './helpers';

const mof = BUILTIN_PROFILES.find((p) => p.id === 'mof-2020')!;

// ---------------------------------------------------------------------------------------------
// W12. Reverse indicators, ranges, 余, 万, thousands separators, deadlines, Chinese numerals, 百分点, ＞.
// ---------------------------------------------------------------------------------------------
function w12() {
  return simpleTable({
    sheet: '就业服务',
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [['项目名称', '公共就业服务能力提升项目'], ['主管部门', '某县人力资源和社会保障局'], ['实施单位', '某县公共就业服务中心']],
    funds: [
      ['年度资金总额', 100, 100, 100, 10, '100%', 10],
      ['当年财政拨款', 100, 100, 100],
    ],
    indicators: [
      /*10*/ ['产出指标', '数量指标', '出版就业信息专刊期数', '三期', '3期', 5, 5],
      /*11*/ ['', '', '职业技能培训人数', '≥500人', '480余人', 10, 9.6, '部分报名人员未能参训'],
      /*12*/ ['', '', '服务覆盖人口', '≥1.2万人', '12,500人', 5, 5],
      /*13*/ ['', '质量指标', '培训安全事故发生率', '≤5%', '2%', 5, 5],
      /*14*/ ['', '', '培训结业考核达标率', '80%-95%', '100%', 5, 4.75, '考核标准偏低，下年度调整'],
      /*15*/ ['', '', '培训机构抽检合格率', '90%~95%', '72%', 10, 8, '个别机构教学不规范，已约谈整改'],
      /*16*/ ['', '时效指标', '培训任务完成时间', '10月底前', '9月', 5, 5],
      /*17*/ ['', '成本指标', '人均培训成本控制率', '不高于100%', '98%', 5, 5],
      /*18*/ ['效益指标', '社会效益指标', '群众投诉次数', '不超过3次', '4次', 10, 7.5, '窗口服务高峰期等候时间长'],
      /*19*/ ['', '经济效益指标', '带动新增就业人数', '≥3万人', '2.4万人', 10, 8, '受企业用工需求下降影响'],
      /*20*/ ['', '可持续影响指标', '就业服务信息化覆盖率', '≥95%', '98百分点', 5, 5],
      /*21*/ ['', '', '发布岗位信息条数', '＞500条', '600条', 5, 5],
      /*22*/ ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '95%', 10, 10],
    ],
    total: [100, 92.85],
    grade: '优',
  });
}

describe('W12 values: reverse, range, 余, 万, separators, deadline, Chinese numeral, 百分点', () => {
  // 执行率 1 -> 10.
  // 专刊 三期 = 3期 -> 5 ; 培训人数 480余 counts as 480: 10 × 480/500 = 9.6 ; 覆盖人口 12,500 ≥ 1.2万 -> 5
  // 事故率 2 ≤ 5 -> 5 ; 达标率 range 80–95, 100 > 95: 5 × 95/100 = 4.75 ; 抽检 72 < 90: 10 × 72/90 = 8
  // 完成时间 9月 ≤ 10月底 -> 5 ; 成本控制率 98 ≤ 100 -> 5
  // 投诉 不超过3次, 4次: ratio 10 × 3/4 = 7.5 ; 就业 2.4万 < 3万: 10 × 2.4/3 = 8 ; 98百分点 ≥ 95% -> 5 ; 600 > 500 -> 5
  // 满意度 10.
  // Σ = (5+9.6+5+5+4.75+8+5+5 = 47.35) + (7.5+8+5+5 = 25.5) + 10 = 82.85 ; + 10 = 92.85 -> 优
  const L = w12();
  const ev = run([L.sheet]);
  const { t, r } = tableOf(ev, '就业服务');

  test.each([
    ['出版就业信息专刊期数', 5],
    ['职业技能培训人数', 9.6],
    ['服务覆盖人口', 5],
    ['培训安全事故发生率', 5],
    ['培训结业考核达标率', 4.75],
    ['培训机构抽检合格率', 8],
    ['培训任务完成时间', 5],
    ['人均培训成本控制率', 5],
    ['群众投诉次数', 7.5],
    ['带动新增就业人数', 8],
    ['就业服务信息化覆盖率', 5],
    ['发布岗位信息条数', 5],
    ['服务对象满意度', 10],
  ])('%s scores %d', (name, score) => {
    expect(computed(r, name as string)).toBeCloseTo(score as number, 6);
  });

  test('readings: 万 scaled, separators, approximate, reverse comparator', () => {
    const a = ind(t, '带动新增就业人数');
    expect(a.target.value.low).toBe(30000);
    expect(a.actual.value.low).toBe(24000);
    expect(ind(t, '服务覆盖人口').actual.value.low).toBe(12500);
    expect(ind(t, '职业技能培训人数').actual.value.approx).toBe(true);
    expect(['le', 'lt']).toContain(ind(t, '群众投诉次数').target.value.comparator);
    expect(ind(t, '培训结业考核达标率').target.value.comparator).toBe('range');
    expect(ind(t, '出版就业信息专刊期数').target.value.low).toBe(3);
    expect(ind(t, '就业服务信息化覆盖率').actual.value.unit).toBe('%');
  });

  test('total 92.85 -> 优; no error, no unparsed value', () => {
    expect(r.computedTotal).toBeCloseTo(92.85, 6);
    expect(r.computedGrade).toBe('优');
    expect(fig(t.totals?.score)).toEqual({ value: 92.85, cell: `G${L.total}` });
    expect(errors(ev)).toEqual([]);
    expect(list(ev).filter((s) => /unparsed|unit_mismatch/.test(s))).toEqual([]);
  });

  test('with the linear reverse formula, 投诉 4 vs ≤3 gives 10 × (1 − 1/3) = 6.67: the stated 7.5 -> score.recomputed', () => {
    const e = run([w12().sheet], { ...mof, id: 'linear-test', reverseFormula: 'linear' });
    const tr = tableOf(e, '就业服务').r;
    expect(computed(tr, '群众投诉次数')).toBeCloseTo(20 / 3, 4);
    expect(errors(e)).toEqual([`score.recomputed@就业服务!G${L.ind[8]}`]);
  });
});

// ---------------------------------------------------------------------------------------------
// W13. Budget execution edge cases on the standard project: a rate written with fewer decimals, a number
// with a percent format, over-execution capped at 100 %, a zero budget.
// ---------------------------------------------------------------------------------------------
describe('W13 budget execution: rounding allowance, caps, zero budget', () => {
  // standardProject funds rows: total at L.funds[0] (B 年初 | C 全年 | D 执行 | E 分值 | F 执行率 | G 得分)
  const base = () => standardProject('执行');

  test('correct standard project: 96.5, 优, no error', () => {
    const L = base();
    const ev = run([L.sheet]);
    const { t, r } = tableOf(ev, '执行');
    expect(fig(fundsRow(t, 'total').score)).toEqual({ value: 9.5, cell: `G${L.funds[0]}` });
    expect(r.computedTotal).toBeCloseTo(96.5, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });

  test('103 / 120 = 85.83 %: a stated 86% is accepted (rounded to its decimals), score 8.58 accepted', () => {
    const L = base();
    const row = L.funds[0];
    setCell(L.sheet, `D${row}`, 103);
    setCell(L.sheet, `D${L.funds[1]}`, 85); // 85 + 18 = 103
    setCell(L.sheet, `F${row}`, '86%');
    setCell(L.sheet, `G${row}`, 8.58);
    setCell(L.sheet, `G${L.total}`, 95.58); // 87 + 8.58
    const ev = run([L.sheet]);
    const { r } = tableOf(ev, '执行');
    expect(r.executionRate).toBeCloseTo(103 / 120, 6);
    expect(r.executionScore).toBeCloseTo((103 / 120) * 10, 6);
    expect(errors(ev)).toEqual([]);
  });

  test('the same rate as the number 0.86 with format 0%: accepted too', () => {
    const L = base();
    const row = L.funds[0];
    setCell(L.sheet, `D${row}`, 103);
    setCell(L.sheet, `D${L.funds[1]}`, 85);
    setCell(L.sheet, `F${row}`, pct(0.86, '0%'));
    setCell(L.sheet, `G${row}`, 8.58);
    setCell(L.sheet, `G${L.total}`, 95.58);
    const ev = run([L.sheet]);
    expect(errors(ev)).toEqual([]);
  });

  test('a score of 9 for a computed 8.58 is wrong (no rounding allowance for scores) -> exec.score', () => {
    const L = base();
    const row = L.funds[0];
    setCell(L.sheet, `D${row}`, 103);
    setCell(L.sheet, `D${L.funds[1]}`, 85);
    setCell(L.sheet, `F${row}`, '86%');
    setCell(L.sheet, `G${row}`, 9);
    setCell(L.sheet, `G${L.total}`, 96); // 87 + the stated 9
    const ev = run([L.sheet]);
    expect(at(ev, 'exec.score', '执行', `G${row}`)?.severity).toBe('error');
    // rules.md: score.total compares with "Σ stated scores + 执行率得分"; whether that 执行率得分 is the stated or the
    // computed one is not said, so a score.total at the 总分 cell is tolerated here, nothing else.
    expect(errors(ev).filter((x) => x !== `exec.score@执行!G${row}` && x !== `score.total@执行!G${L.total}`)).toEqual([]);
  });

  test('over-execution 125 of 120: rate 104.17 %, score capped at 10, exec.over_budget warning at D', () => {
    const L = base();
    const row = L.funds[0];
    setCell(L.sheet, `D${row}`, 125);
    setCell(L.sheet, `D${L.funds[1]}`, 107); // 107 + 18 = 125
    setCell(L.sheet, `F${row}`, '104.17%');
    setCell(L.sheet, `G${row}`, 10);
    setCell(L.sheet, `G${L.total}`, 97);
    const ev = run([L.sheet]);
    const { r } = tableOf(ev, '执行');
    expect(r.executionRate).toBeCloseTo(125 / 120, 6);
    expect(r.executionScore).toBeCloseTo(10, 6);
    expect(at(ev, 'exec.over_budget', '执行', `D${row}`)?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });

  test('全年预算数 left empty while 全年执行数 is 114 -> exec.zero_budget at the 全年预算数 cell', () => {
    const L = base();
    const row = L.funds[0];
    setCell(L.sheet, `C${row}`, null);
    const ev = run([L.sheet]);
    expect(at(ev, 'exec.zero_budget', '执行', `C${row}`)?.severity).toBe('error');
  });

  test('amounts and rate as Excel hands formula results: cached values with display text', () => {
    const L = base();
    const row = L.funds[0];
    setCell(L.sheet, `C${row}`, { value: 120, formula: true, format: '0.00', text: '120.00' });
    setCell(L.sheet, `F${row}`, { value: 0.95, formula: true, format: '0.00%', text: '95.00%' });
    setCell(L.sheet, `G${row}`, { value: 9.5, formula: true, format: '0.00', text: '9.50' });
    const ev = run([L.sheet]);
    const { t } = tableOf(ev, '执行');
    expect(fig(fundsRow(t, 'total').rate)).toEqual({ value: 0.95, cell: `F${row}` });
    expect(errors(ev)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// W19. More written forms from workbook.md §4, on a hebei-county project (40/40/10/10).
// ---------------------------------------------------------------------------------------------
describe('W19 written forms: 至少/以上/以内/低于/＝/百分比/万余/近/actual with a comparator', () => {
  const L = simpleTable({
    sheet: '宣传',
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [['项目名称', '全域旅游宣传推广项目'], ['主管部门', '某县文化广电和旅游局'], ['实施单位', '某县旅游服务中心']],
    funds: [['年度资金总额', 80, 80, 76, 10, '95%', 9.5], ['当年财政拨款', 80, 80, 76]],
    indicators: [
      /*11*/ ['产出指标', '数量指标', '宣传稿件数量', '至少500篇', '近500篇', 5, 5],
      /*12*/ ['', '', '短视频播放量', '≥30000条', '3万余条', 5, 5],
      /*13*/ ['', '', '宣传期数', '＝12期', '12期', 5, 5],
      /*14*/ ['', '', '旅游步道建设长度', '≥266米', '≥270米', 5, 5],
      /*15*/ ['', '质量指标', '宣传内容审核通过率', '100百分比', '100%', 5, 5],
      /*16*/ ['', '', '负面舆情处置率', '95%-100%', '96%', 5, 5],
      /*17*/ ['', '时效指标', '宣传活动完成时间', '9月前', '8月', 5, 5],
      /*18*/ ['', '成本指标', '单篇稿件成本', '500元以内', '400元', 5, 5],
      /*19*/ ['效益指标', '经济效益指标', '旅游综合收入增长率', '不低于10%', '8%', 20, 16, '受周边景区分流影响'],
      /*20*/ ['', '社会效益指标', '游客投诉率', '低于5%', '6%', 10, 8.33, '节假日客流集中'],
      /*21*/ ['', '可持续影响指标', '品牌知名度', '有所提升', '效果明显', 10, 9],
      /*22*/ ['满意度指标', '服务对象满意度指标', '游客满意度', '500人以上参与调查且满意度≥90%', '93%', 10, 10],
    ],
    total: [100, 92.83],
    grade: '优',
  });
  // 产出 8 × 5 = 40 (近500 counts as 500 ≥ 500 ; 3万余 = 30000+ ≥ 30000 ; ≥270 counts as 270 ≥ 266 ; 8月 ≤ 9月 ; 400 ≤ 500)
  // 增长率 20 × 8/10 = 16 ; 投诉率 ratio 10 × 5/6 = 8.3333 (stated 8.33) ; 知名度 9 of 10 (qualitative)
  // 满意度: the target is not a plain value — kept as text, reported, never guessed; its stated 10 is taken as stated.
  // Σ stated = 40 + 16 + 8.33 + 9 + 10 = 83.33 ; + 9.5 = 92.83 -> 优
  const ev = run([L.sheet], 'hebei-county');
  const { r } = tableOf(ev, '宣传');

  test.each([
    ['宣传稿件数量', 5],
    ['短视频播放量', 5],
    ['宣传期数', 5],
    ['旅游步道建设长度', 5],
    ['宣传内容审核通过率', 5],
    ['负面舆情处置率', 5],
    ['宣传活动完成时间', 5],
    ['单篇稿件成本', 5],
    ['旅游综合收入增长率', 16],
    ['游客投诉率', 50 / 6],
  ])('%s scores %d', (name, score) => {
    expect(computed(r, name as string)).toBeCloseTo(score as number, 6);
  });

  test('no error; grade 优', () => {
    expect(r.computedGrade).toBe('优');
    expect(r.computedTotal).toBeCloseTo(92.83, 1);
    expect(errors(ev)).toEqual([]);
  });
});
