// Blind tests: department tables (部门整体支出绩效自评表) as county bureaus fill them.

import { makeSheet, setCell, type CellInput } from '../../src/core/grid';
import { at, computed, errors, fig, fundsRow, ind, pct, run, tableOf } from './helpers';

// ---------------------------------------------------------------------------------------------
// W6. Title with the department and year around it; 部门名称：某局 in one merged cell; funds header
// 预算执行情况（万元）（20分） with NO 分值 column (weight in the header); 基本支出 / 项目支出; 执行率 as text
// '96.5%' on the total row and as 1 / 0.9 with a '0.0%' format on the component rows.
// Indicators 40 + 30 + 10 = 80, so 80 + 20 = 100. Default profile mof-2020.
// ---------------------------------------------------------------------------------------------
function w6() {
  const rows: CellInput[][] = [
    /* 1*/ ['某县农业农村局2025年度部门整体支出绩效自评表'],
    /* 2*/ ['部门名称：某县农业农村局', null, null, null, null, '金额单位：万元'],
    /* 3*/ ['预算执行情况（万元）（20分）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
    /* 4*/ [null, '年度资金总额', 800, 1000, 965, '96.5%', 19.3],
    /* 5*/ [null, '基本支出', 600, 650, 650, pct(1, '0.0%'), '/'],
    /* 6*/ [null, '项目支出', 200, 350, 315, pct(0.9, '0.0%'), '/'],
    /* 7*/ [null, '其他资金', '—', '—', '—', '—', '/'],
    /* 8*/ ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    /* 9*/ [null, '保障粮食安全，推进高标准农田建设，促进农民增收。', null, null, '粮食播种面积45.6万亩，建成高标准农田1.8万亩。'],
    /*10*/ ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    /*11*/ [null, '产出指标', '数量指标', '粮食播种面积', '≥45万亩', '45.6万亩', 10, 10],
    /*12*/ [null, null, null, '高标准农田建设面积', '≥2万亩', '1.8万亩', 10, 9, '受汛期影响，0.2万亩顺延至次年'],
    /*13*/ [null, null, '质量指标', '农产品质量安全抽检合格率', '≥98%', '99.2%', 10, 10],
    /*14*/ [null, null, '时效指标', '惠农补贴资金发放时间', '10月底前', '9月', 10, 10],
    /*15*/ [null, '效益指标', '经济效益指标', '农村居民人均可支配收入增长率', '≥6%', '6.8%', 10, 10],
    /*16*/ [null, null, '社会效益指标', '农业生产安全形势', '稳定', '平稳', 10, 9, '个别乡镇发生小规模病虫害'],
    /*17*/ [null, null, '生态效益指标', '化肥使用量增长率', '≤0%', '-1.2%', 10, 10],
    /*18*/ [null, '满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '92%', 10, 10],
    /*19*/ ['总分', null, null, null, null, null, 100, 97.3],
    /*20*/ ['评价等级', '优'],
  ];
  return makeSheet('整体自评', rows, {
    merges: ['A1:I1', 'A2:D2', 'F2:I2', 'A3:B3', 'A4:A7', 'A8:A9', 'B8:D8', 'E8:I8', 'B9:D9', 'E9:I9', 'A10:A18', 'B11:B14', 'C11:C12', 'B15:B17', 'A19:F19'],
  });
}

describe('W6 department table, weight in the funds header, 执行率 as text', () => {
  // Note: A3:B3 is merged, so the row labels of the funds block stand in column B (under the merge).
  // 执行率 = 965 / 1000 = 0.965 ; 执行率得分 = 0.965 × 20 = 19.3 (w_exec = 20 from the header)
  // 高标准农田 10 × 1.8/2 = 9 ; 化肥 ≤0 %, actual −1.2 % (negative counts as 0, 0 ≤ 0) -> 10 ; 安全形势 9 of 10 (平稳 -> 达成)
  // Σ = 10+9+10+10 + 10+9+10 + 10 = 78 ; + 19.3 = 97.3 -> 优
  const ev = run([w6()]);
  const { t, r } = tableOf(ev, '整体自评');

  test('head', () => {
    expect(ev.read.tables).toHaveLength(1);
    expect(t.kind).toBe('department');
    expect(t.year?.value).toBe(2025);
    expect(t.name?.value).toBe('某县农业农村局');
    expect(t.name?.ref.cell).toBe('A2');
    expect(t.missing).toEqual([]);
  });

  test('funds: header weight 20, no 分值 column, rate as text', () => {
    expect(t.funds?.columns.weight).toBe(false);
    expect(t.funds?.headerWeight?.value).toBe(20);
    const tot = fundsRow(t, 'total');
    expect(fig(tot.adjusted)).toEqual({ value: 1000, cell: 'D4' });
    expect(fig(tot.executed)).toEqual({ value: 965, cell: 'E4' });
    expect(fig(tot.rate)).toEqual({ value: 0.965, cell: 'F4' });
    expect(fig(tot.score)).toEqual({ value: 19.3, cell: 'G4' });
    expect(fig(fundsRow(t, 'basic').adjusted)).toEqual({ value: 650, cell: 'D5' });
    expect(fig(fundsRow(t, 'project').executed)).toEqual({ value: 315, cell: 'E6' });
    expect(r.execWeight).toBe(20);
    expect(r.executionRate).toBeCloseTo(0.965, 6);
    expect(r.executionScore).toBeCloseTo(19.3, 6);
  });

  test('indicators, totals and grade; no error', () => {
    expect(t.indicators).toHaveLength(8);
    expect(computed(r, '高标准农田建设面积')).toBeCloseTo(9, 6);
    expect(computed(r, '化肥使用量增长率')).toBeCloseTo(10, 6);
    expect(computed(r, '粮食播种面积')).toBeCloseTo(10, 6);
    expect(ind(t, '化肥使用量增长率').level2).toBe('生态效益指标');
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'G19' });
    expect(fig(t.totals?.score)).toEqual({ value: 97.3, cell: 'H19' });
    expect(fig(t.totals?.grade)).toEqual({ value: '优', cell: 'B20' });
    expect(r.computedTotal).toBeCloseTo(97.3, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
    // 80 + 20 = 100: no weight.total
    expect(ev.findings.filter((f) => f.rule === 'weight.total')).toEqual([]);
  });

  test('planted: 执行率 typed 98% -> exec.rate at F4 and nothing else wrong', () => {
    const s = w6();
    setCell(s, 'F4', '98%');
    const e = run([s]);
    expect(errors(e)).toEqual(['exec.rate@整体自评!F4']);
    const f = at(e, 'exec.rate', '整体自评', 'F4')!;
    expect(f.message).toMatch(/96\.5/);
  });

  test('planted: 执行率得分 written as 9.65 (w = 10 instead of the header 20) -> exec.score at G4', () => {
    const s = w6();
    setCell(s, 'G4', 9.65);
    setCell(s, 'H19', 87.65); // total consistent with the stated figures
    const e = run([s]);
    expect(at(e, 'exec.score', '整体自评', 'G4')).toBeDefined();
    expect(errors(e).filter((x) => !x.startsWith('exec.score') && !x.startsWith('score.total'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// W7. Department table with weights only on level-1 cells (no 分值 column in the indicator block);
// indicator header's first cell 年度绩效目标（90分）; funds header 预算执行情况（10分） with a second label
// 年度预算数（万元） beside it (row labels under the second label); 部 门： with a space; 年度资金总额： with a
// trailing colon; 执行率 0.965 with format '0.0%'; 合计 row whose first number is the stated total;
// 绩效等级： on its own row with 优秀.
// ---------------------------------------------------------------------------------------------
function w7() {
  const rows: CellInput[][] = [
    /* 1*/ ['部门整体支出绩效自评表'],
    /* 2*/ ['（2025年度）'],
    /* 3*/ ['部 门：', '某县教育局'],
    /* 4*/ ['预算执行情况（10分）', '年度预算数（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
    /* 5*/ [null, '年度资金总额：', 1200, 1250, 1206.25, pct(0.965, '0.0%'), 9.65],
    /* 6*/ [null, '基本支出', 900, 900, 900],
    /* 7*/ [null, '项目支出', 300, 350, 306.25],
    /* 8*/ ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    /* 9*/ [null, '改善办学条件，提高教育教学质量。', null, null, '完成8所学校薄弱环节改善，义务教育巩固率99.5%。'],
    /*10*/ ['年度绩效目标（90分）', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    /*11*/ [null, '产出指标（50分）', '数量指标', '义务教育学校薄弱环节改善数量', '≥8所', '8所', 15],
    /*12*/ [null, null, '质量指标', '教师培训合格率', '≥95%', '97%', 15],
    /*13*/ [null, null, '时效指标', '学生资助资金发放', '按时发放', '及时', 10],
    /*14*/ [null, null, '成本指标', '生均公用经费标准', '≥800元', '800元', 10],
    /*15*/ [null, '效益指标（30分）', '社会效益指标', '九年义务教育巩固率', '≥99%', '99.5%', 15],
    /*16*/ [null, null, '可持续影响指标', '教育信息化水平', '持续提升', '部分提升', 9, '部分学校网络设备老化'],
    /*17*/ [null, '满意度指标（10分）', '服务对象满意度指标', '家长满意度', '≥90%', '88%', 8, '个别学校课后服务安排不够合理'],
    /*18*/ ['合计', null, null, null, null, null, 91.65],
    /*19*/ ['绩效等级：', '优秀'],
  ];
  return makeSheet('部门整体', rows, { merges: ['A1:H1', 'A2:H2', 'A4:A7', 'A8:A9', 'B8:D8', 'E8:H8', 'A10:A17', 'B11:B14', 'B15:B16', 'A18:F18'] });
}

describe('W7 department table, weights only on level-1 cells', () => {
  // 执行率 = 1206.25 / 1250 = 0.965 ; 得分 = 9.65
  // no indicator weights: Σ stated = 15+15+10+10 + 15+9 + 8 = 82 ; + 9.65 = 91.65 -> 优
  const ev = run([w7()]);
  const { t, r } = tableOf(ev, '部门整体');

  test('head and funds', () => {
    expect(t.kind).toBe('department');
    expect(t.year?.value).toBe(2025);
    expect(fig(t.name)).toEqual({ value: '某县教育局', cell: 'B3' });
    const tot = fundsRow(t, 'total');
    expect(fig(tot.initial)).toEqual({ value: 1200, cell: 'C5' });
    expect(fig(tot.adjusted)).toEqual({ value: 1250, cell: 'D5' });
    expect(fig(tot.executed)).toEqual({ value: 1206.25, cell: 'E5' });
    expect(fig(tot.rate)).toEqual({ value: 0.965, cell: 'F5' });
    expect(fig(tot.score)).toEqual({ value: 9.65, cell: 'G5' });
    expect(fig(fundsRow(t, 'project').adjusted)).toEqual({ value: 350, cell: 'D7' });
    expect(t.funds?.headerWeight?.value).toBe(10);
    expect(r.executionScore).toBeCloseTo(9.65, 6);
  });

  test('indicator block without 分值: level-1 weights, scores', () => {
    expect(t.hasWeightColumn).toBe(false);
    expect(t.indicators).toHaveLength(7);
    expect(t.indicators.every((i) => i.weight === undefined || i.weight.value === null)).toBe(true);
    expect(t.level1Weights.map((w) => [w.weight, w.ref.cell])).toEqual([
      [50, 'B11'],
      [30, 'B15'],
      [10, 'B17'],
    ]);
    expect(fig(ind(t, '家长满意度').score)).toEqual({ value: 8, cell: 'G17' });
    expect(ind(t, '教育信息化水平').level1).toMatch(/效益指标/);
  });

  test('totals: first number right of 合计, grade on its own row; no error', () => {
    expect(fig(t.totals?.score)).toEqual({ value: 91.65, cell: 'G18' });
    expect(fig(t.totals?.grade)).toEqual({ value: '优秀', cell: 'B19' });
    expect(r.statedGrade).toBe('优');
    expect(r.computedTotal).toBeCloseTo(91.65, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });

  test('planted: 合计 written 92.65 -> score.total at G18', () => {
    const s = w7();
    setCell(s, 'G18', 92.65);
    const e = run([s]);
    expect(errors(e)).toEqual(['score.total@部门整体!G18']);
  });
});

// ---------------------------------------------------------------------------------------------
// W8. Year only in the title; 单位名称（盖章）; 资金情况（万元） with 调整后预算数 / 预算执行数 / 权重 / 预算执行率;
// components 财政拨款 / 上年结转 / 单位资金; 绩效指标（90分） merged down; grade as 自评等级：良 in one cell
// at the right end of the 总分 row; a 良 total.
// ---------------------------------------------------------------------------------------------
function w8() {
  const rows: CellInput[][] = [
    /* 1*/ ['某县住房和城乡建设局2025年度部门整体支出绩效自评表'],
    /* 2*/ ['单位名称（盖章）', '某县住房和城乡建设局'],
    /* 3*/ ['资金情况（万元）', '年初预算数', '调整后预算数', '预算执行数', '权重', '预算执行率', '得分'],
    /* 4*/ ['年度资金总额', 500, 520, 494, 10, '95%', 9.5],
    /* 5*/ ['财政拨款', 450, 460, 440],
    /* 6*/ ['上年结转', null, 40, 36],
    /* 7*/ ['单位资金', 50, 20, 18],
    /* 8*/ ['绩效指标（90分）', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    /* 9*/ [null, '产出指标', '数量指标', '老旧小区改造数量', '≥10个', '8个', 20, 16, '2个小区因居民意见未统一顺延'],
    /*10*/ [null, null, '质量指标', '工程质量验收合格率', '100%', '100%', 10, 10],
    /*11*/ [null, null, '时效指标', '改造项目完工时间', '11月底前', '11月', 10, 10],
    /*12*/ [null, null, '成本指标', '改造总成本', '≤500万元', '494万元', 10, 10],
    /*13*/ [null, '效益指标', '社会效益指标', '受益居民户数', '≥3000户', '2400户', 20, 16, '改造小区减少，受益户数相应减少'],
    /*14*/ [null, null, '生态效益指标', '建筑垃圾资源化利用率', '≥50%', '40%', 10, 8, '资源化处置企业产能不足'],
    /*15*/ [null, '满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '81%', 10, 9, '施工期间扰民投诉较多'],
    /*16*/ ['总分', null, null, null, null, null, 100, 88.5, '自评等级：良'],
  ];
  return makeSheet('部门整体自评', rows, { merges: ['A1:I1', 'A8:A15', 'B9:B12', 'B13:B14', 'A16:F16'] });
}

describe('W8 department table: year in title, 单位名称（盖章）, funding-source components, 自评等级：良', () => {
  // 执行率 = 494 / 520 = 0.95 ; 得分 9.5 ; components: 450+50 = 500 ; 460+40+20 = 520 ; 440+36+18 = 494
  // 老旧小区 20 × 8/10 = 16 ; 受益居民 20 × 2400/3000 = 16 ; 资源化 10 × 40/50 = 8 ; 满意度 10 × 81/90 = 9
  // Σ = 16+10+10+10 + 16+8 + 9 = 79 ; + 9.5 = 88.5 -> 良
  const ev = run([w8()]);
  const { t, r } = tableOf(ev, '部门整体自评');

  test('head: year from the title, name from 单位名称（盖章）', () => {
    expect(t.kind).toBe('department');
    expect(t.year?.value).toBe(2025);
    expect(fig(t.name)).toEqual({ value: '某县住房和城乡建设局', cell: 'B2' });
  });

  test('funds synonyms and components', () => {
    const tot = fundsRow(t, 'total');
    expect(fig(tot.adjusted)).toEqual({ value: 520, cell: 'C4' });
    expect(fig(tot.executed)).toEqual({ value: 494, cell: 'D4' });
    expect(fig(tot.weight)).toEqual({ value: 10, cell: 'E4' });
    expect(fig(tot.rate)).toEqual({ value: 0.95, cell: 'F4' });
    expect(fig(fundsRow(t, 'appropriation').adjusted)).toEqual({ value: 460, cell: 'C5' });
    expect(fig(fundsRow(t, 'carryover').executed)).toEqual({ value: 36, cell: 'D6' });
    expect(fig(fundsRow(t, 'special').initial)).toEqual({ value: 50, cell: 'B7' });
  });

  test('scores, total 88.5 -> 良, grade from 自评等级：良; no error', () => {
    expect(computed(r, '老旧小区改造数量')).toBeCloseTo(16, 6);
    expect(computed(r, '居民满意度')).toBeCloseTo(9, 6);
    expect(computed(r, '改造总成本')).toBeCloseTo(10, 6);
    expect(fig(t.totals?.score)).toEqual({ value: 88.5, cell: 'H16' });
    expect(t.totals?.grade?.value).toBe('良');
    expect(t.totals?.grade?.ref.cell).toBe('I16');
    expect(r.computedTotal).toBeCloseTo(88.5, 6);
    expect(r.computedGrade).toBe('良');
    expect(r.statedGrade).toBe('良');
    expect(errors(ev)).toEqual([]);
  });

  test('planted: 单位资金 年初预算数 typed in 元 (500000) -> funds.unit at B7 (and the column no longer adds up at B4)', () => {
    const s = w8();
    setCell(s, 'B7', 500000);
    const e = run([s]);
    expect(at(e, 'funds.unit', '部门整体自评', 'B7')).toBeDefined();
    expect(errors(e)).toEqual(['funds.components@部门整体自评!B4']);
  });

  test('planted: grade 优 for 88.5 -> score.grade at I16', () => {
    const s = w8();
    setCell(s, 'I16', '自评等级：优');
    const e = run([s]);
    expect(errors(e)).toEqual(['score.grade@部门整体自评!I16']);
  });
});
