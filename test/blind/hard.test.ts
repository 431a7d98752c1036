// Blind tests: harder drift that workbook.md allows and real files show — wrapped header cells, values as
// Excel stores them (percent-formatted numbers, date serials), labels with their value after a colon,
// component rows repeating 分值/执行率/得分, 总分 not in the first column, two key–value pairs on one row.

import { makeSheet, setCell, type CellInput } from '../../src/core/grid';
import { at, computed, errors, fig, fundsRow, ind, pct, run, simpleTable, tableOf } from './helpers';

// ---------------------------------------------------------------------------------------------
// W16. Project: header cells wrapped with line breaks; no 年初预算数 column; component rows repeating
// 分值 / 执行率 / 得分; 项目名称：… and 主管部门：… / 实施单位：… with the value in the same cell; weights as
// text ('20', full-width '１０'); 产出指标（５０分）; actuals as percent-formatted numbers and a date serial;
// 总分 in column B (A empty); year line 2025年度 without brackets.
// ---------------------------------------------------------------------------------------------
function w16() {
  const rows: CellInput[][] = [
    /* 1*/ ['项目支出绩效自评表'],
    /* 2*/ ['2025年度'],
    /* 3*/ ['项目名称：农村饮水安全巩固提升工程'],
    /* 4*/ ['主管部门：某县水利局', null, null, null, '实施单位：某县农村供水管理站'],
    /* 5*/ ['项目资金\n（万元）', '全年\n预算数', '全年\n执行数', '分值', '执行率\n（B/A）', '得分'],
    /* 6*/ ['年度资金\n总额', 200, 190, 10, '95 %', 9.5],
    /* 7*/ ['其中：当年财政拨款', 150, 142.5, 10, pct(0.95), 9.5],
    /* 8*/ ['上年结转资金', 50, 47.5, 10, '95%', 9.5],
    /* 9*/ ['一级\n指标', '二级\n指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '未完成原因及拟采取的改进措施'],
    /*10*/ ['产出指标（５０分）', '数量指标', '新建改造供水工程', '≥15处', '15处', '20', '20'],
    /*11*/ [null, '质量指标', '水质达标率', '≥95%', pct(0.98, '0%'), '１０', 10],
    /*12*/ [null, '时效指标', '工程完工时间', '2025年11月30日前', { value: 45961, format: 'yyyy/m/d' }, 10, 10],
    /*13*/ [null, '成本指标', '工程建设成本', '≤200万元', '190万元', 10, 10],
    /*14*/ ['效益指标', '社会效益指标', '受益人口', '≥3万人', '3.2万人', 20, 20],
    /*15*/ [null, '可持续影响指标', '工程设计使用年限', '≥15年', '15年', 10, 10],
    /*16*/ ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', pct(0.88, '0%'), 10, 9.78, '部分村水压不足，已安排加压设施'],
    /*17*/ [null, '总分', null, null, null, 100, 99.28, '优'],
  ];
  return makeSheet('项目(3)', rows, { merges: ['A1:H1', 'A2:H2', 'A3:H3', 'A4:D4', 'E4:H4', 'A10:A13', 'A14:A15'] });
}

describe('W16 wrapped headers, values as Excel stores them, repeated component scores', () => {
  // 执行率 190/200 = 0.95 -> 9.5 (the component rows repeat 10 / 95 % / 9.5: not counted again)
  // 水质 98 % ≥ 95 % -> 10 ; 完工 2025-10-31 ≤ 2025-11-30 -> 10 ; 成本 190 ≤ 200 -> 10 ; 满意度 10 × 88/90 = 9.7778
  // Σ stated = 50 + 30 + 9.78 = 89.78 ; + 9.5 = 99.28 ; recomputed 99.2778 -> 优
  const ev = run([w16()]);
  const { t, r } = tableOf(ev, '项目(3)');

  test('head values after a colon, year line without brackets', () => {
    expect(t.kind).toBe('project');
    expect(t.year?.value).toBe(2025);
    expect(fig(t.name)).toEqual({ value: '农村饮水安全巩固提升工程', cell: 'A3' });
    expect(t.competentDept?.value).toBe('某县水利局');
    expect(t.implementer?.value).toBe('某县农村供水管理站');
  });

  test('funds: wrapped labels, no 年初预算数, the total row is the scored one', () => {
    expect(t.funds?.columns.initial).toBe(false);
    const tot = fundsRow(t, 'total');
    expect(fig(tot.adjusted)).toEqual({ value: 200, cell: 'B6' });
    expect(fig(tot.executed)).toEqual({ value: 190, cell: 'C6' });
    expect(fig(tot.rate)).toEqual({ value: 0.95, cell: 'E6' });
    expect(fig(tot.score)).toEqual({ value: 9.5, cell: 'F6' });
    expect(r.executionScore).toBeCloseTo(9.5, 6);
    expect(fig(fundsRow(t, 'carryover').executed)).toEqual({ value: 47.5, cell: 'C8' });
  });

  test('indicators: wrapped headers, text weights, percent-formatted and date actuals', () => {
    expect(t.indicators).toHaveLength(7);
    expect(fig(ind(t, '新建改造供水工程').weight)).toEqual({ value: 20, cell: 'F10' });
    expect(fig(ind(t, '水质达标率').weight)).toEqual({ value: 10, cell: 'F11' });
    expect(ind(t, '水质达标率').actual.value.low).toBeCloseTo(98, 6);
    expect(ind(t, '水质达标率').actual.value.unit).toBe('%');
    expect(ind(t, '工程完工时间').actual.value.kind).toBe('date');
    expect(computed(r, '水质达标率')).toBeCloseTo(10, 6);
    expect(computed(r, '工程完工时间')).toBeCloseTo(10, 6);
    expect(computed(r, '受益群众满意度')).toBeCloseTo(88 / 9, 6);
    expect(t.level1Weights.map((w) => w.weight)).toEqual([50]);
    expect(ind(t, '新建改造供水工程').deviation?.value ?? '').toBe('');
    expect(ind(t, '受益群众满意度').deviation?.ref.cell).toBe('H16');
  });

  test('总分 in column B, grade at the right end; no error', () => {
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'F17' });
    expect(fig(t.totals?.score)).toEqual({ value: 99.28, cell: 'G17' });
    expect(fig(t.totals?.grade)).toEqual({ value: '优', cell: 'H17' });
    expect(r.computedTotal).toBeCloseTo(99.2778, 3);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });

  test('planted: completion date after the deadline written as 2025/12/20 with full marks -> flagged at G12', () => {
    const s = w16();
    setCell(s, 'E12', { value: 46011, format: 'yyyy/m/d' }); // 2025-12-20
    const e = run([s]);
    const onG12 = e.findings.filter((f) => f.cell === 'G12' && f.sheet === '项目(3)');
    expect(onG12.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// W17. 基本情况 with two key–value pairs on one row and 评价年度 2025年度; a department table whose goals row
// uses 年初设定目标 / 年度总体目标完成情况综述; 其中：基本支出 ; the 偏差原因 header 偏差原因; the
// department name read from the title only (no 部门名称 row).
// ---------------------------------------------------------------------------------------------
function basic17() {
  return makeSheet('基本情况', [
    ['单位名称', '某县市场监督管理局', null, '评价年度', '2025年度'],
    ['行政编制', 45, null, '事业编制', 20],
    ['实有人数', 62, null, '资产总额', 860],
    ['固定资产', 700, null, '无形资产', 60],
    ['年初预算收入', 2000, null, '上年结转', 100],
    ['存在问题', '1. 部分指标设置不够细化\n2. 绩效监控不够及时'],
    ['权重方案', '财政部'],
  ]);
}

function dept17() {
  const rows: CellInput[][] = [
    /* 1*/ ['某县市场监督管理局2025年度部门整体支出绩效自评表'],
    /* 2*/ ['预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    /* 3*/ ['年度资金总额', 2000, 2100, 2058, 10, '98%', 9.8],
    /* 4*/ ['其中：基本支出', 1500, 1500, 1500],
    /* 5*/ ['项目支出', 500, 600, 558],
    /* 6*/ ['年度总体目标', '年初设定目标', null, null, '年度总体目标完成情况综述'],
    /* 7*/ [null, '加强食品药品安全监管，优化营商环境。', null, null, '全年抽检食品2100批次，新增市场主体3200户。'],
    /* 8*/ ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'],
    /* 9*/ ['产出指标', '数量指标', '食品安全抽检批次', '≥2000批次', '2100批次', 20, 20],
    /*10*/ [null, '质量指标', '抽检不合格产品核查处置率', '100%', '100%', 10, 10],
    /*11*/ [null, '时效指标', '投诉举报按时办结率', '≥98%', '97%', 10, 9.9, '个别案件调查取证耗时较长'],
    /*12*/ [null, '成本指标', '抽检经费控制', '≤300万元', '290万元', 10, 10],
    /*13*/ ['效益指标', '经济效益指标', '新增市场主体', '≥3000户', '3200户', 10, 10],
    /*14*/ [null, '社会效益指标', '食品安全事故发生次数', '0次', '0次', 10, 10],
    /*15*/ [null, '可持续影响指标', '智慧监管平台运行', '稳定运行', '平稳', 10, 10],
    /*16*/ ['满意度指标', '服务对象满意度指标', '群众满意度', '≥85%', '91%', 10, 10],
    /*17*/ ['总分', null, null, null, null, 100, 99.7],
    /*18*/ ['评价等级', '优'],
  ];
  return makeSheet('整体', rows, { merges: ['A1:H1', 'A9:A12', 'A13:A15'] });
}

describe('W17 基本情况 with pairs on one row; department name from the title', () => {
  // 执行率 2058/2100 = 0.98 -> 9.8 ; 按时办结率 10 × 97/98 = 9.898 (stated 9.9, within 0.05)
  // Σ stated = 50 + 29.9... : 20+10+9.9+10 = 49.9 ; 10+10+10 = 30 ; 10 -> 89.9 ; + 9.8 = 99.7 -> 优
  const ev = run([basic17(), dept17()]);
  const { t, r } = tableOf(ev, '整体');

  test('基本情况: pairs on one row, 2025年度, 财政部 -> mof-2020', () => {
    const b = ev.read.basic!;
    expect(fig(b.department)).toEqual({ value: '某县市场监督管理局', cell: 'B1' });
    expect(fig(b.year)).toEqual({ value: 2025, cell: 'E1' });
    expect(fig(b.institutionPosts)).toEqual({ value: 20, cell: 'E2' });
    expect(fig(b.assets)).toEqual({ value: 860, cell: 'E3' });
    expect(fig(b.intangibleAssets)).toEqual({ value: 60, cell: 'E4' });
    expect(fig(b.carryover)).toEqual({ value: 100, cell: 'E5' });
    expect(b.problems?.value).toContain('绩效监控不够及时');
    expect(ev.profile.id).toBe('mof-2020');
    expect(ev.profileSource).toBe('workbook');
  });

  test('department table: year from the title, goals synonyms, figures', () => {
    expect(t.kind).toBe('department');
    expect(t.year?.value).toBe(2025);
    expect(t.goals?.expected?.ref.cell).toBe('B7');
    expect(t.goals?.actual?.ref.cell).toBe('E7');
    expect(fig(fundsRow(t, 'basic').initial)).toEqual({ value: 1500, cell: 'B4' });
    expect(fig(fundsRow(t, 'project').executed)).toEqual({ value: 558, cell: 'D5' });
    expect(r.executionRate).toBeCloseTo(0.98, 6);
    expect(computed(r, '投诉举报按时办结率')).toBeCloseTo(970 / 98, 6);
    expect(ind(t, '投诉举报按时办结率').deviation?.ref.cell).toBe('H11');
    expect(r.computedTotal).toBeCloseTo(89.9 - 9.9 + 970 / 98 + 9.8, 6);
    expect(r.computedGrade).toBe('优');
  });

  test('a correct workbook: no error; 年初预算收入 2000 agrees with 年初预算数 2000', () => {
    expect(errors(ev)).toEqual([]);
    expect(ev.findings.filter((f) => f.rule === 'funds.conflict' || f.rule === 'asset.components')).toEqual([]);
  });

  test('planted: 基本情况 资产总额 700 < 700 + 60 -> asset.components at E3', () => {
    const b = basic17();
    setCell(b, 'E3', 700);
    const e = run([b, dept17()]);
    expect(at(e, 'asset.components', '基本情况', 'E3')?.severity).toBe('warning');
  });
});

// ---------------------------------------------------------------------------------------------
// W18. hebei-county chosen in 基本情况 by 井陉; a project scored under 40/40/10/10 and the same table under the
// wrong scheme gives weight.level1 warnings but no error.
// ---------------------------------------------------------------------------------------------
describe('W18 the profile decides the level-1 weights', () => {
  const make = () =>
    simpleTable({
      sheet: '项目',
      title: '项目支出绩效自评表',
      yearLine: '（2025年度）',
      head: [['项目名称', '城乡环卫一体化项目'], ['主管部门', '某县城市管理局'], ['实施单位', '某县环卫中心']],
      funds: [['年度资金总额', 300, 300, 270, 10, '90%', 9], ['当年财政拨款', 300, 300, 270]],
      indicators: [
        ['产出指标', '数量指标', '垃圾清运量', '≥3万吨', '3.1万吨', 20, 20],
        ['', '质量指标', '垃圾无害化处理率', '100%', '100%', 10, 10],
        ['', '时效指标', '日产日清率', '≥95%', '96%', 10, 10],
        ['效益指标', '生态效益指标', '村庄环境卫生达标率', '≥90%', '81%', 20, 18, '部分村保洁人员不足'],
        ['', '社会效益指标', '环境卫生投诉次数', '≤20次', '25次', 20, 16, '夏季清运不及时'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '92%', 10, 10],
      ],
      total: [100, 93],
      grade: '优',
    });
  // 产出 20+10+10 = 40 ; 效益 20 × 81/90 = 18, reverse 20 × 20/25 = 16 -> 34 ; 满意度 10 ; exec 270/300 = 0.9 -> 9
  // Σ = 40 + 34 + 10 + 9 = 93 -> 优

  test('井陉 in 基本情况 -> hebei-county, no weight warning, no error', () => {
    const L = make();
    const b = makeSheet('基本情况', [['部门名称', '某县城市管理局'], ['评价年度', 2025], ['权重方案', '井陉']]);
    const ev = run([b, L.sheet]);
    expect(ev.profile.id).toBe('hebei-county');
    const { r } = tableOf(ev, '项目');
    expect(computed(r, '环境卫生投诉次数')).toBeCloseTo(16, 6);
    expect(r.computedTotal).toBeCloseTo(93, 6);
    expect(errors(ev)).toEqual([]);
    expect(ev.findings.filter((f) => f.rule.startsWith('weight.'))).toEqual([]);
  });

  test('the --profile option overrides the workbook: mof-2020 -> weight.level1 warnings on 产出 (F11) and 效益 (F14)', () => {
    const L = make();
    const b = makeSheet('基本情况', [['部门名称', '某县城市管理局'], ['评价年度', 2025], ['权重方案', '井陉']]);
    const ev = run([b, L.sheet], 'mof-2020');
    expect(ev.profile.id).toBe('mof-2020');
    expect(ev.profileSource).toBe('option');
    expect(at(ev, 'weight.level1', '项目', `F${L.ind[0]}`)?.severity).toBe('warning');
    expect(at(ev, 'weight.level1', '项目', `F${L.ind[3]}`)?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });
});
