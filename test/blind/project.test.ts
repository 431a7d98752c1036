// Blind tests: project tables (项目支出绩效自评表) laid out the ways workbook.md allows.

import { makeSheet, setCell, type CellInput } from '../../src/core/grid';
import { at, computed, errors, fig, fundsRow, ind, pct, num, run, tableOf } from './helpers';

// ---------------------------------------------------------------------------------------------
// W1. The 财政部 template: title, （2025年度）, 项目名称, 主管部门|…|实施单位|… on one row, funds block whose
// first cell 项目资金（万元） is merged A5:A9 with the row labels in column B, 分值/执行率/得分 only on the
// total row (components show '—'), 年度总体目标 merged over two rows, 绩效指标 merged down column A,
// level cells merged, 总分 row with the grade alone at its right end. Profile: default mof-2020.
// ---------------------------------------------------------------------------------------------
function w1() {
  const rows: CellInput[][] = [
    /* 1*/ ['项目支出绩效自评表'],
    /* 2*/ ['（2025年度）'],
    /* 3*/ ['项目名称', '农村人居环境整治项目'],
    /* 4*/ ['主管部门', '某县农业农村局', null, null, null, '实施单位', '某县农村人居环境服务中心'],
    /* 5*/ ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    /* 6*/ [null, '年度资金总额', 100, 120, 114, 10, pct(0.95), 9.5],
    /* 7*/ [null, '其中：当年财政拨款', 100, 100, 96, '—', '—', '—'],
    /* 8*/ [null, '上年结转资金', '—', 20, 18, '—', '—', '—'],
    /* 9*/ [null, '其他资金', '—', '—', '—', '—', '—', '—'],
    /*10*/ ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    /*11*/ [null, '完成500户农村户厕改造，30个村开展村庄清洁行动，建立长效管护机制。', null, null, null, '完成户厕改造520户，27个村开展清洁行动，长效管护机制已建立。'],
    /*12*/ ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    /*13*/ [null, '产出指标', '数量指标', '改造农村户厕数量', '≥500户', '520户', 15, 15],
    /*14*/ [null, null, null, '村庄清洁行动覆盖村数', '≥30个', '27个', 10, 9, '3个村因道路施工延至次年实施，已列入下年计划'],
    /*15*/ [null, null, '质量指标', '户厕改造验收合格率', '≥95%', '96.5%', 10, 10],
    /*16*/ [null, null, null, '生活垃圾无害化处理率', '≥90%', '81%', 5, 4.5, '部分偏远村收运体系未覆盖，下年度增设转运点'],
    /*17*/ [null, null, '时效指标', '项目完工时间', '11月底前', '10月', 5, 5],
    /*18*/ [null, null, '成本指标', '户均改厕补助标准', '≤1500元', '1450元', 5, 5],
    /*19*/ [null, '效益指标', '社会效益指标', '农村人居环境改善情况', '有所提升', '达到预期', 10, 9, '部分村庄保洁频次不足，将加强督导'],
    /*20*/ [null, null, null, '群众卫生习惯养成率', '≥80%', '82%', 10, 10],
    /*21*/ [null, null, '可持续影响指标', '长效管护机制建立', '建立长效管护机制', '完成', 10, 8.5, '管护经费保障机制尚需完善'],
    /*22*/ [null, '满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', 10, 10],
    /*23*/ ['总分', null, null, null, null, null, 100, 95.5, '优'],
  ];
  return makeSheet('项目自评', rows, {
    merges: [
      'A1:J1', 'A2:J2', 'B3:J3', 'B4:E4', 'G4:J4', 'A5:A9', 'A10:A11', 'B10:E10', 'F10:J10', 'B11:E11', 'F11:J11',
      'A12:A22', 'I12:J12', 'B13:B18', 'C13:C14', 'C15:C16', 'B19:B21', 'C19:C20', 'I14:J14', 'I16:J16', 'I19:J19',
      'I21:J21', 'A23:F23', 'I23:J23',
    ],
  });
}

describe('W1 财政部 project template (merged funds label, labels in column B)', () => {
  // Hand arithmetic (rules.md §2, mof-2020):
  //   执行率 = 114 / 120 = 0.95 ; 执行率得分 = 0.95 × 10 = 9.5
  //   村庄清洁行动覆盖村数: 27 < 30 -> 10 × 27/30 = 9 ; 生活垃圾无害化处理率: 5 × 81/90 = 4.5
  //   户均改厕补助标准 ≤1500, 1450 -> full 5 ; 项目完工时间 11月底前, 10月 -> full 5
  //   qualitative: 9 of 10 (达到预期 -> 达成, band 8–10), 8.5 of 10 (完成 -> 达成)
  //   Σ = 15+9+10+4.5+5+5 (=48.5) + 9+10+8.5 (=27.5) + 10 = 86 ; + 9.5 = 95.5 -> 优
  const ev = run([w1()]);
  const { t, r } = tableOf(ev, '项目自评');

  test('head: kind, name, year, departments', () => {
    expect(ev.read.tables).toHaveLength(1);
    expect(t.kind).toBe('project');
    expect(fig(t.name)).toEqual({ value: '农村人居环境整治项目', cell: 'B3' });
    expect(t.year?.value).toBe(2025);
    expect(t.competentDept?.value).toBe('某县农业农村局');
    expect(t.implementer?.value).toBe('某县农村人居环境服务中心');
    expect(t.missing).toEqual([]);
  });

  test('funds block: total row figures and components', () => {
    const tot = fundsRow(t, 'total');
    expect(fig(tot.initial)).toEqual({ value: 100, cell: 'C6' });
    expect(fig(tot.adjusted)).toEqual({ value: 120, cell: 'D6' });
    expect(fig(tot.executed)).toEqual({ value: 114, cell: 'E6' });
    expect(fig(tot.weight)).toEqual({ value: 10, cell: 'F6' });
    expect(fig(tot.rate)).toEqual({ value: 0.95, cell: 'G6' });
    expect(fig(tot.score)).toEqual({ value: 9.5, cell: 'H6' });
    expect(fig(fundsRow(t, 'appropriation').adjusted)).toEqual({ value: 100, cell: 'D7' });
    expect(fig(fundsRow(t, 'carryover').executed)).toEqual({ value: 18, cell: 'E8' });
    expect(t.funds?.unit).toBe('万元');
  });

  test('goals texts', () => {
    expect(t.goals?.expected?.value).toContain('完成500户农村户厕改造');
    expect(t.goals?.expected?.ref.cell).toBe('B11');
    expect(t.goals?.actual?.ref.cell).toBe('F11');
  });

  test('indicators: 10, levels inherited through merges, cells', () => {
    expect(t.indicators).toHaveLength(10);
    const v = ind(t, '村庄清洁行动覆盖村数');
    expect(v.level1).toBe('产出指标');
    expect(v.level2).toBe('数量指标');
    expect(fig(v.weight)).toEqual({ value: 10, cell: 'G14' });
    expect(fig(v.score)).toEqual({ value: 9, cell: 'H14' });
    expect(v.actual.ref.cell).toBe('F14');
    expect(v.target.ref.cell).toBe('E14');
    expect(ind(t, '生活垃圾无害化处理率').level2).toBe('质量指标');
    expect(ind(t, '群众卫生习惯养成率').level1).toBe('效益指标');
    expect(computed(r, '村庄清洁行动覆盖村数')).toBeCloseTo(9, 6);
    expect(computed(r, '生活垃圾无害化处理率')).toBeCloseTo(4.5, 6);
    expect(computed(r, '户均改厕补助标准')).toBeCloseTo(5, 6);
  });

  test('totals, recomputed total and grade; no error', () => {
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'G23' });
    expect(fig(t.totals?.score)).toEqual({ value: 95.5, cell: 'H23' });
    expect(t.totals?.grade?.value).toBe('优');
    expect(t.totals?.grade?.ref.cell).toBe('I23');
    expect(r.executionRate).toBeCloseTo(0.95, 6);
    expect(r.executionScore).toBeCloseTo(9.5, 6);
    expect(r.statedTotal).toBeCloseTo(95.5, 6);
    expect(r.computedTotal).toBeCloseTo(95.5, 6);
    expect(r.computedGrade).toBe('优');
    expect(r.statedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });

  test('planted: full marks 10 written for 27 of 30 villages -> score.recomputed at H14, and only that error', () => {
    const s = w1();
    setCell(s, 'H14', 10);
    setCell(s, 'H23', 96.5); // the officer also raised the total, so the total is consistent with the stated scores
    const e = run([s]);
    expect(errors(e)).toEqual(['score.recomputed@项目自评!H14']);
    const f = at(e, 'score.recomputed', '项目自评', 'H14')!;
    expect(f.severity).toBe('error');
    expect(Number(f.expected)).toBeCloseTo(9, 2);
  });
});

// ---------------------------------------------------------------------------------------------
// W2. Same template family with (A)/(B) headers, amounts as text ('25.00', '２５', '25万元', '6.8'),
// 执行率 as text '95.00%', 得分（10分*执行率）, 年初目标值（A）/实际完成值（B), a range, 余, Chinese numeral,
// 评价等级 on its own row (优秀). Sheet named '表3-1 项目'. Profile by option: '河北' (40/40/10/10).
// ---------------------------------------------------------------------------------------------
function w2() {
  const rows: CellInput[][] = [
    /* 1*/ ['项目支出绩效自评表'],
    /* 2*/ ['（2025年度）'],
    /* 3*/ ['项目名称', '高素质农民培训项目'],
    /* 4*/ ['主管部门', '某县农业农村局', null, '实施单位', '某县农业技术推广中心'],
    /* 5*/ ['预算资金（万元）', '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分（10分*执行率）'],
    /* 6*/ ['年度资金总额', '25.00', '31.80', '30.21', 10, '95.00%', 9.5],
    /* 7*/ ['  其中：当年财政拨款', '25万元', '２５', '24.00', '—', '—', '—'],
    /* 8*/ ['上年结转 资金', '—', '6.8', '6.21', '—', '—', '—'],
    /* 9*/ ['其他资金'],
    /*10*/ ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    /*11*/ [null, '全年培训高素质农民500人次以上，带动合作社发展。', null, null, '培训12期500余人次，带动5家合作社。'],
    /*12*/ ['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '分值', '得分', '偏差原因分析及改进措施'],
    /*13*/ ['产出指标', '数量指标', '培训期数', '≥12期', '12期', 10, 10],
    /*14*/ [null, null, '培训人次', '≥500人次', '500余人次', 10, 10],
    /*15*/ [null, '质量指标', '培训合格率', '≥95%', '98%', 10, 10],
    /*16*/ [null, '时效指标', '资金拨付及时率', '100%', '100%', 10, 10],
    /*17*/ ['效益指标', '经济效益指标', '参训农民人均增收', '≥2000元', '1800元', 20, 18, '受农产品价格下行影响，增收未达预期'],
    /*18*/ [null, '社会效益指标', '新技术推广覆盖率', '80%-95%', '100%', 10, 9.5, '推广面超出计划区间，下年度合理设定目标'],
    /*19*/ [null, '可持续影响指标', '带动农民专业合作社', '≥三家', '5家', 10, 10, '合作社参与积极，超额完成'],
    /*20*/ ['满意度指标', '服务对象满意度指标', '参训学员满意度', '≥90%', '95%', 10, 10],
    /*21*/ ['总分', null, null, null, null, 100, 97],
    /*22*/ ['评价等级', '优秀'],
  ];
  return makeSheet('表3-1 项目', rows, { merges: ['A1:H1', 'A2:H2', 'B3:H3', 'A13:A16', 'B13:B14', 'A17:A19', 'A21:E21'] });
}

describe('W2 (A)/(B) headers, amounts as text, hebei profile by option', () => {
  // 执行率 = 30.21 / 31.8 = 0.95 ; 得分 = 9.5
  // 产出 40 (all met; 500余人次 counts as at least 500) ; 参训农民人均增收 20 × 1800/2000 = 18 ;
  // 新技术推广覆盖率 range 80–95, actual 100 > 95 -> 10 × 95/100 = 9.5 ; 合作社 5 ≥ 三(3) -> 10 ; 满意度 10
  // Σ = 40 + 18 + 9.5 + 10 + 10 = 87.5 ; + 9.5 = 97 -> 优 (stated 优秀)
  const ev = run([w2()], '河北');
  const { t, r } = tableOf(ev, '表3-1 项目');

  test('profile from option name 河北', () => {
    expect(ev.profile.id).toBe('hebei-county');
  });

  test('amounts written as text are read', () => {
    expect(t.kind).toBe('project');
    expect(fig(t.name)).toEqual({ value: '高素质农民培训项目', cell: 'B3' });
    expect(t.year?.value).toBe(2025);
    expect(t.implementer?.value).toBe('某县农业技术推广中心');
    const tot = fundsRow(t, 'total');
    expect(fig(tot.initial)).toEqual({ value: 25, cell: 'B6' });
    expect(fig(tot.adjusted)).toEqual({ value: 31.8, cell: 'C6' });
    expect(fig(tot.executed)).toEqual({ value: 30.21, cell: 'D6' });
    expect(fig(tot.rate)).toEqual({ value: 0.95, cell: 'F6' });
    expect(fig(tot.score)).toEqual({ value: 9.5, cell: 'G6' });
    const app = fundsRow(t, 'appropriation');
    expect(fig(app.initial)).toEqual({ value: 25, cell: 'B7' });
    expect(fig(app.adjusted)).toEqual({ value: 25, cell: 'C7' });
    const co = fundsRow(t, 'carryover');
    expect(fig(co.adjusted)).toEqual({ value: 6.8, cell: 'C8' });
    expect(fig(co.executed)).toEqual({ value: 6.21, cell: 'D8' });
  });

  test('indicators with (A)/(B) headers, range and approximate actual', () => {
    expect(t.indicators).toHaveLength(8);
    expect(fig(ind(t, '培训人次').actual)?.cell).toBe('E14');
    expect(computed(r, '培训人次')).toBeCloseTo(10, 6);
    expect(computed(r, '参训农民人均增收')).toBeCloseTo(18, 6);
    expect(computed(r, '新技术推广覆盖率')).toBeCloseTo(9.5, 6);
    expect(computed(r, '带动农民专业合作社')).toBeCloseTo(10, 6);
    expect(ind(t, '带动农民专业合作社').level2).toBe('可持续影响指标');
  });

  test('totals and grade on its own row; no error', () => {
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'F21' });
    expect(fig(t.totals?.score)).toEqual({ value: 97, cell: 'G21' });
    expect(t.totals?.grade?.ref.cell).toBe('B22');
    expect(r.statedGrade).toBe('优');
    expect(r.computedTotal).toBeCloseTo(97, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
    // weights agree with hebei-county: no weight warnings
    expect(ev.findings.filter((f) => f.rule.startsWith('weight.'))).toEqual([]);
  });

  test('planted: stated total 98 instead of 97 -> score.total at G21, only that error', () => {
    const s = w2();
    setCell(s, 'G21', 98);
    const e = run([s], 'hebei-county');
    expect(errors(e)).toEqual(['score.total@表3-1 项目!G21']);
  });

  test('planted: 执行率 typed 96% for 30.21/31.8 -> exec.rate at F6', () => {
    const s = w2();
    setCell(s, 'F6', '96%');
    const e = run([s], 'hebei-county');
    expect(errors(e)).toEqual(['exec.rate@表3-1 项目!F6']);
  });
});

// ---------------------------------------------------------------------------------------------
// W3. Funds in 元: 预算资金（元） with amounts '1,234,500.00' (text) and numbers with a #,##0.00 format.
// Grade 优秀 alone at the right end of the 总分 row. A reverse indicator not met.
// ---------------------------------------------------------------------------------------------
function w3() {
  const rows: CellInput[][] = [
    /* 1*/ ['项目支出绩效自评表'],
    /* 2*/ ['（2025年度）'],
    /* 3*/ ['项目名称', '城乡居民基本医疗保险财政补助项目'],
    /* 4*/ ['主管部门', '某县医疗保障局', null, '实施单位', '某县医疗保障事务中心'],
    /* 5*/ ['预算资金（元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    /* 6*/ ['年度资金总额', '1,000,000.00', '1,234,500.00', num(1172775), 10, pct(0.95), 9.5],
    /* 7*/ ['当年财政拨款', num(1000000), '1,000,000.00', '950,000.00'],
    /* 8*/ ['上年结转资金', '—', '234,500.00', '222,775.00'],
    /* 9*/ ['其他资金', '-', '-', '-'],
    /*10*/ ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    /*11*/ ['产出指标', '数量指标', '参保人数', '≥28万人', '28.6万人', 20, 20],
    /*12*/ [null, '质量指标', '参保率', '≥95%', '96%', 10, 10],
    /*13*/ [null, '时效指标', '补助资金拨付时间', '12月底前', '11月', 10, 10],
    /*14*/ [null, '成本指标', '人均财政补助标准', '≥640元', '640元', 10, 10],
    /*15*/ ['效益指标', '社会效益指标', '个人卫生支出占卫生总费用比例', '≤24%', '25%', 20, 19.2, '受药品价格波动影响，下年度加强控费'],
    /*16*/ [null, '可持续影响指标', '医保基金运行', '平稳', '平稳', 10, 10],
    /*17*/ ['满意度指标', '服务对象满意度指标', '参保群众满意度', '≥85%', '90%', 10, 10],
    /*18*/ ['总分', null, null, null, null, 100, 98.7, '优秀'],
  ];
  return makeSheet('医保补助', rows, { merges: ['A11:A14', 'A15:A16', 'A18:E18'] });
}

describe('W3 funds block in 元 with thousands separators', () => {
  // amounts in 万元: 100, 123.45, 117.2775 ; 执行率 = 1172775 / 1234500 = 0.95 ; 得分 9.5
  // reverse: ≤24 %, actual 25 % -> ratio 20 × 24/25 = 19.2
  // Σ = 50 + 19.2 + 10 + 10 = 89.2 ; + 9.5 = 98.7 -> 优
  const ev = run([w3()]);
  const { t, r } = tableOf(ev, '医保补助');

  test('unit 元, amounts converted to 万元, cells kept', () => {
    expect(t.funds?.unit).toBe('元');
    const tot = fundsRow(t, 'total');
    expect(fig(tot.initial)).toEqual({ value: 100, cell: 'B6' });
    expect(fig(tot.adjusted)).toEqual({ value: 123.45, cell: 'C6' });
    expect(fig(tot.executed)).toEqual({ value: 117.2775, cell: 'D6' });
    expect(fig(fundsRow(t, 'carryover').adjusted)).toEqual({ value: 23.45, cell: 'C8' });
    expect(r.executionRate).toBeCloseTo(0.95, 6);
    expect(r.executionScore).toBeCloseTo(9.5, 6);
  });

  test('reverse indicator and total; no error, no funds.unit', () => {
    expect(computed(r, '个人卫生支出占卫生总费用比例')).toBeCloseTo(19.2, 6);
    expect(t.totals?.grade?.value).toBe('优秀');
    expect(t.totals?.grade?.ref.cell).toBe('H18');
    expect(r.statedGrade).toBe('优');
    expect(r.computedTotal).toBeCloseTo(98.7, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
    expect(ev.findings.filter((f) => f.rule === 'funds.unit')).toEqual([]);
  });

  test('planted: one component left in a different total -> funds.components at the total executed cell D6', () => {
    const s = w3();
    setCell(s, 'D8', '212,775.00'); // 950,000 + 212,775 = 1,162,775 ≠ 1,172,775
    const e = run([s]);
    expect(errors(e)).toEqual(['funds.components@医保补助!D6']);
  });
});

// ---------------------------------------------------------------------------------------------
// W4. No title at all: the sheet is recognised by 项目名称 + a funds block + an indicator block.
// Head value of 主管部门 and 实施单位 on one row; 执行率 as a plain number 95 (percent points).
// ---------------------------------------------------------------------------------------------
function w4() {
  const rows: CellInput[][] = [
    /* 1*/ ['项目名称', '农村义务教育学生营养改善计划'],
    /* 2*/ ['主管部门', '某县教育局', '实施单位', '各中小学校'],
    /* 3*/ ['资金情况（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    /* 4*/ ['年度资金总额', 400, 400, 380, 10, 95, 9.5],
    /* 5*/ ['财政资金', 400, 400, 380],
    /* 6*/ ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    /* 7*/ ['产出指标', '数量指标', '受益学生人数', '≥8000人', '8120人', 30, 30],
    /* 8*/ [null, '质量指标', '食品安全事故发生次数', '0次', '0次', 10, 10],
    /* 9*/ [null, '时效指标', '营养餐供应天数', '≥200天', '190天', 10, 9.5, '受寒假调整影响供应天数减少'],
    /*10*/ ['效益指标', '社会效益指标', '学生营养健康状况', '有所改善', '达到预期', 30, 27, '部分学校膳食结构仍需优化'],
    /*11*/ ['满意度指标', '服务对象满意度指标', '家长满意度', '≥90%', '96%', 10, 10],
    /*12*/ ['合计', null, null, null, null, 100, 96],
  ];
  return makeSheet('绩效自评', rows);
}

describe('W4 project table without title', () => {
  // 执行率 380/400 = 0.95 (stated 95, a plain number above 1.5 -> percent points) ; 得分 9.5
  // 营养餐供应天数 10 × 190/200 = 9.5 ; 食品安全事故 0次 = 0次 -> 10 (exactly, scored like at least: 0 ≥ 0)
  // Σ = 30 + 10 + 9.5 + 27 + 10 = 86.5 ; + 9.5 = 96 -> 优
  const ev = run([w4()]);

  test('read as a project table, figures and total', () => {
    const { t, r } = tableOf(ev, '绩效自评');
    expect(t.kind).toBe('project');
    expect(fig(t.name)).toEqual({ value: '农村义务教育学生营养改善计划', cell: 'B1' });
    expect(t.competentDept?.value).toBe('某县教育局');
    expect(t.implementer?.value).toBe('各中小学校');
    expect(fig(fundsRow(t, 'total').rate)).toEqual({ value: 0.95, cell: 'F4' });
    expect(fig(fundsRow(t, 'appropriation').executed)).toEqual({ value: 380, cell: 'D5' });
    expect(t.indicators).toHaveLength(5);
    expect(computed(r, '营养餐供应天数')).toBeCloseTo(9.5, 6);
    expect(fig(t.totals?.score)).toEqual({ value: 96, cell: 'G12' });
    expect(r.computedTotal).toBeCloseTo(96, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// W5. Synonyms everywhere: 年度绩效目标 | 年初设定目标 | 年度目标完成情况 ; 预算数（A） 执行数（B） 权重 预算执行率 ;
// 指标名称 指标值 全年实际值 指标权重 自评得分 未完成原因分析 ; 总分（100分） with 绩效等级 on the same row.
// ---------------------------------------------------------------------------------------------
function w5() {
  const rows: CellInput[][] = [
    /* 1*/ ['2025年度项目支出绩效自评表'],
    /* 2*/ ['（2025年度）'],
    /* 3*/ ['项目名称：', '县域公共文化服务体系建设'],
    /* 4*/ ['主管部门：', '某县文化广电和旅游局', null, '项目实施单位：', '某县文化馆'],
    /* 5*/ ['预算执行情况（万元）（10分）', '年初预算', '预算数（A）', '执行数（B）', '权重', '预算执行率', '得分'],
    /* 6*/ ['资金总额', 50, 60, 54, 10, '90.0%', 9],
    /* 7*/ ['本年财政拨款', 50, 50, 46],
    /* 8*/ ['上年结转', null, 10, 8],
    /* 9*/ ['年度绩效目标', '年初设定目标', null, null, '年度目标完成情况'],
    /*10*/ [null, '开展送戏下乡100场，举办培训班10期。', null, null, '送戏下乡108场，培训班10期。'],
    /*11*/ ['一级指标', '二级指标', '指标名称', '指标值', '全年实际值', '指标权重', '自评得分', '未完成原因分析'],
    /*12*/ ['产出指标', '数量指标', '送戏下乡场次', '≥100场', '108场', 20, 20],
    /*13*/ [null, null, '文化培训期数', '10期', '10期', 10, 10],
    /*14*/ [null, '质量指标', '活动群众参与率', '≥80%', '76%', 10, 9.5, '部分活动遇雨天改期'],
    /*15*/ [null, '时效指标', '活动完成时限', '11月底前', '11月', 10, 10],
    /*16*/ ['效益指标', '社会效益指标', '群众文化生活满足程度', '明显提高', '达成预期指标', 20, 18, '偏远村覆盖仍不足'],
    /*17*/ [null, '可持续影响指标', '基层文化队伍数量', '≥30支', '27支', 10, 9, '个别队伍解散'],
    /*18*/ ['满意度指标', '服务对象满意度指标', '群众满意度', '≥85%', '92%', 10, 10],
    /*19*/ ['总分（100分）', null, null, null, null, 100, 95.5, '绩效等级', '优'],
  ];
  return makeSheet('Sheet1', rows);
}

describe('W5 synonyms of every header and row label', () => {
  // 执行率 54/60 = 0.9 ; 得分 9
  // 活动群众参与率 10 × 76/80 = 9.5 ; 基层文化队伍数量 10 × 27/30 = 9 ; 群众文化生活 18 of 20 (达成 band 16–20)
  // Σ = 20+10+9.5+10 + 18+9 + 10 = 86.5 ; + 9 = 95.5 -> 优
  const ev = run([w5()]);
  const { t, r } = tableOf(ev, 'Sheet1');

  test('synonyms are placed', () => {
    expect(t.kind).toBe('project');
    expect(t.year?.value).toBe(2025);
    expect(t.name?.value).toBe('县域公共文化服务体系建设');
    expect(t.implementer?.value).toBe('某县文化馆');
    expect(t.missing).toEqual([]);
    const tot = fundsRow(t, 'total');
    expect(fig(tot.initial)).toEqual({ value: 50, cell: 'B6' });
    expect(fig(tot.adjusted)).toEqual({ value: 60, cell: 'C6' });
    expect(fig(tot.executed)).toEqual({ value: 54, cell: 'D6' });
    expect(fig(tot.weight)).toEqual({ value: 10, cell: 'E6' });
    expect(fig(tot.rate)).toEqual({ value: 0.9, cell: 'F6' });
    expect(fig(fundsRow(t, 'carryover').adjusted)).toEqual({ value: 10, cell: 'C8' });
    expect(t.goals?.expected?.ref.cell).toBe('B10');
    expect(t.goals?.actual?.ref.cell).toBe('E10');
    expect(t.indicators).toHaveLength(7);
    const v = ind(t, '基层文化队伍数量');
    expect(fig(v.weight)).toEqual({ value: 10, cell: 'F17' });
    expect(fig(v.score)).toEqual({ value: 9, cell: 'G17' });
    expect(v.deviation?.ref.cell).toBe('H17');
  });

  test('totals with label 总分（100分） and 绩效等级 on the same row; no error', () => {
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'F19' });
    expect(fig(t.totals?.score)).toEqual({ value: 95.5, cell: 'G19' });
    expect(fig(t.totals?.grade)).toEqual({ value: '优', cell: 'I19' });
    expect(computed(r, '活动群众参与率')).toBeCloseTo(9.5, 6);
    expect(r.computedTotal).toBeCloseTo(95.5, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });

  test('planted: 10 written for a met 20-point indicator, total kept consistent -> score.recomputed at G12 only', () => {
    const s = w5();
    setCell(s, 'G12', 10); // 送戏下乡场次 108 ≥ 100 gives 20
    setCell(s, 'G19', 85.5); // Σ stated 76.5 + 9 = 85.5: consistent with the stated scores
    const e = run([s]);
    // the computed total uses the recomputed 20: 95.5 -> 优, so the stated 优 is right; the wrong figure is G12.
    expect(errors(e)).toEqual(['score.recomputed@Sheet1!G12']);
  });

  test('planted: grade 良 for a total of 95.5 -> score.grade at I19', () => {
    const s = w5();
    setCell(s, 'I19', '良');
    const e = run([s]);
    expect(errors(e)).toEqual(['score.grade@Sheet1!I19']);
  });
});
