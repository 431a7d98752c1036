// Blind tests: the drift of real files — two-row headers, columns in another order, odd sheet names,
// a 基本情况 sheet with spaced labels, a table far from A1, notes and blank rows between blocks.

import { makeSheet, setCell, type CellInput } from '../../src/core/grid';
import { at, computed, errors, fig, fundsRow, ind, list, run, simpleTable, tableOf, pct } from './helpers';

// ---------------------------------------------------------------------------------------------
// W9. Indicator header over two rows: 年度指标值 grouped over 指标性质 | 指标值 | 度量单位, with 一级指标 |
// 二级指标 | 三级指标 on the lower row; 分值 before 年度指标值; a 完成档次 column; numbering prefixes
// (指标1：, 1., （2）); blank template rows (指标2, ……); level-1 cells 产出指标（50分）, 效果指标, 满意度 指标;
// a level-2 满意度指标; year line with spaces （ 2025 年度 ）; 执行率 as a plain 96.
// ---------------------------------------------------------------------------------------------
function w9() {
  const rows: CellInput[][] = [
    /* 1*/ ['项目支出绩效自评表'],
    /* 2*/ ['（ 2025 年度 ）'],
    /* 3*/ ['项目名称', '县级图书馆免费开放项目'],
    /* 4*/ ['主管部门', '某县文化广电和旅游局', null, null, null, '实施单位', '某县图书馆'],
    /* 5*/ ['预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    /* 6*/ ['年度资金总额', 40, 50, 48, 10, 96, 9.6],
    /* 7*/ ['当年财政拨款', 40, 40, 40],
    /* 8*/ ['上年结转资金', '/', 10, 8],
    /* 9*/ ['其他资金'],
    /*10*/ ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    /*11*/ [null, '全年免费开放，接待读者12万人次以上。', null, null, null, '接待读者13.5万人次，开展阅读活动32场。'],
    //       A            B            C            D       E             F         G          H             I           J       K
    /*12*/ ['绩效指标', null, null, '分值', '年度指标值', null, null, '实际完成值', '完成档次', '得分', '偏差原因分析及改进措施'],
    /*13*/ ['一级指标', '二级指标', '三级指标', null, '指标性质', '指标值', '度量单位'],
    /*14*/ ['产出指标（50分）', '数量指标', '指标1：年接待读者人次', 20, '≥', 12, '万人次', 13.5, null, 20],
    /*15*/ [null, null, '指标2'],
    /*16*/ [null, '质量指标', '1.文献资源年增长率', 10, '≥', 5, '%', 4, null, 8, '购书经费压减'],
    /*17*/ [null, '时效指标', '（2）免费开放时间达标情况', 10, '定性', '按规定时限开放', null, '按时开放', '达成', 9],
    /*18*/ [null, '成本指标', '单场活动成本', 10, '≤', 2000, '元', 2500, null, 8, '物价上涨，活动成本增加'],
    /*19*/ [null, null, '……'],
    /*20*/ ['效果指标', '社会效益指标', '全民阅读活动场次', 15, '≥', '三十', '场', 32, null, 15],
    /*21*/ [null, '可持续影响指标', '数字资源服务能力', 15, '定性', '持续提升', null, '部分提升', '部分达成', 10, '数字资源采购滞后'],
    /*22*/ ['满意度 指标', '满意度指标', '读者满意度', 10, '≥', 90, '%', 95, null, 10],
    /*23*/ ['合计', null, null, 100, null, null, null, null, null, 89.6, '良好'],
  ];
  return makeSheet('图书馆', rows, {
    merges: [
      'A1:K1', 'A2:K2', 'B3:K3', 'A10:A11', 'B10:E10', 'F10:K10', 'B11:E11', 'F11:K11',
      'A12:C12', 'D12:D13', 'E12:G12', 'H12:H13', 'I12:I13', 'J12:J13', 'K12:K13',
      'A14:A19', 'B14:B15', 'A20:A21', 'A23:C23',
    ],
  });
}

describe('W9 two-row indicator header, 分值 first, 完成档次, 指标性质 and 度量单位 columns', () => {
  // 执行率 48/50 = 0.96 (stated 96 -> percent points) ; 得分 9.6
  // 年接待读者 13.5 ≥ 12 -> 20 ; 文献资源 10 × 4/5 = 8 ; 单场活动成本 ≤2000, 2500 -> 10 × 2000/2500 = 8
  // 阅读活动 32 ≥ 三十 -> 15 ; qualitative 9 of 10 (达成 8–10), 10 of 15 (部分达成 9–12) ; 满意度 10
  // Σ = 20+8+9+8 + 15+10 + 10 = 80 ; + 9.6 = 89.6 -> 良 (stated 良好)
  const ev = run([w9()]);
  const { t, r } = tableOf(ev, '图书馆');

  test('head and funds', () => {
    expect(t.kind).toBe('project');
    expect(t.year?.value).toBe(2025);
    expect(t.name?.value).toBe('县级图书馆免费开放项目');
    expect(fig(fundsRow(t, 'total').rate)).toEqual({ value: 0.96, cell: 'F6' });
    expect(fig(fundsRow(t, 'carryover').adjusted)).toEqual({ value: 10, cell: 'C8' });
  });

  test('seven indicators, blank template rows skipped, numbering prefixes stripped', () => {
    expect(t.indicators.map((i) => i.name)).toEqual([
      '年接待读者人次',
      '文献资源年增长率',
      '免费开放时间达标情况',
      '单场活动成本',
      '全民阅读活动场次',
      '数字资源服务能力',
      '读者满意度',
    ]);
    const a = ind(t, '年接待读者人次');
    expect(a.nameRef.cell).toBe('C14');
    expect(fig(a.weight)).toEqual({ value: 20, cell: 'D14' });
    expect(a.target.ref.cell).toBe('F14');
    expect(a.actual.ref.cell).toBe('H14');
    expect(fig(a.score)).toEqual({ value: 20, cell: 'J14' });
    expect(a.comparator?.ref.cell).toBe('E14');
    expect(a.unit?.value).toBe('万人次');
    expect(ind(t, '数字资源服务能力').tier?.value).toBe('部分达成');
    expect(ind(t, '单场活动成本').deviation?.ref.cell).toBe('K18');
    expect(t.level1Weights.map((w) => [w.weight, w.ref.cell])).toEqual([[50, 'A14']]);
  });

  test('scores from the split comparator and unit', () => {
    expect(computed(r, '年接待读者人次')).toBeCloseTo(20, 6);
    expect(computed(r, '文献资源年增长率')).toBeCloseTo(8, 6);
    expect(computed(r, '单场活动成本')).toBeCloseTo(8, 6);
    expect(computed(r, '全民阅读活动场次')).toBeCloseTo(15, 6);
    expect(computed(r, '读者满意度')).toBeCloseTo(10, 6);
  });

  test('totals, grade 良好 at the right end; no error; 效果指标 / 满意度 指标 / 满意度指标 are standard', () => {
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'D23' });
    expect(fig(t.totals?.score)).toEqual({ value: 89.6, cell: 'J23' });
    expect(fig(t.totals?.grade)).toEqual({ value: '良好', cell: 'K23' });
    expect(r.statedGrade).toBe('良');
    expect(r.computedTotal).toBeCloseTo(89.6, 6);
    expect(r.computedGrade).toBe('良');
    expect(errors(ev)).toEqual([]);
    expect(ev.findings.filter((f) => f.rule === 'indicator.level_unknown' || f.rule === 'weight.level1')).toEqual([]);
  });

  test('planted: 完成档次 未达成 with 10 of 15 -> score.qualitative_band at J21', () => {
    const s = w9();
    setCell(s, 'I21', '未达成');
    const e = run([s]);
    expect(at(e, 'score.qualitative_band', '图书馆', 'J21')?.severity).toBe('warning');
    expect(errors(e)).toEqual([]);
  });

  test('planted: 指标性质 ≥ rules over the value: 2500 vs 2000 is then met, the stated 8 is wrong -> score.recomputed at J18 (and score.grade at K23)', () => {
    const s = w9();
    setCell(s, 'E18', '≥');
    const e = run([s]);
    // the recomputed total is 89.6 − 8 + 10 = 91.6 -> 优, so the stated 良好 is now also wrong
    expect(tableOf(e, '图书馆').r.computedTotal).toBeCloseTo(91.6, 6);
    expect(errors(e)).toEqual(['score.recomputed@图书馆!J18', 'score.grade@图书馆!K23']);
  });
});

// ---------------------------------------------------------------------------------------------
// W10. A whole workbook: 填表说明 (unrelated, mentions both titles inside long sentences), Sheet1 (a
// project), 基本情况 (spaced labels with colons, values two cells right, 权重方案 河北, a team),
// 部门(整体) (the department), 表3-1 项目 (a second project). Profile hebei-county (40/40/10/10).
// ---------------------------------------------------------------------------------------------
function notes() {
  return makeSheet('填表说明', [
    ['填表说明'],
    ['1. 各单位应对照批复的绩效目标，如实填写部门整体支出绩效自评表和项目支出绩效自评表，金额单位为万元。'],
    ['2. 执行率=全年执行数÷全年预算数，得分=分值×执行率。'],
  ]);
}

function basic() {
  const rows: CellInput[][] = [
    /* 1*/ ['部门基本情况'],
    /* 2*/ ['部 门 名 称：', null, '某县卫生健康局'],
    /* 3*/ ['评价年度：', null, '2025年'],
    /* 4*/ ['部门职责', null, '负责全县卫生健康事业发展规划、公共卫生和医疗服务管理。'],
    /* 5*/ ['行政编制（名）', null, 12],
    /* 6*/ ['事业编制（名）', null, 30],
    /* 7*/ ['实有人数', null, 40],
    /* 8*/ ['资产总额（万元）', null, 500],
    /* 9*/ ['固定资产（万元）', null, 300],
    /*10*/ ['无形资产（万元）', null, 20],
    /*11*/ ['年初预算收入（万元）', null, 1500],
    /*12*/ ['决算收入（万元）', null, 1480],
    /*13*/ ['上年结转（万元）', null, 50],
    /*14*/ ['评价依据', null, '《项目支出绩效评价管理办法》（财预〔2020〕10号）'],
    /*15*/ ['权重方案：', null, '河北'],
    /*16*/ [],
    /*17*/ ['评价工作组'],
    /*18*/ ['姓名', '工作单位', '职务', '职称', '备注'],
    /*19*/ ['张三', '某县卫生健康局', '局长', null, '组长'],
    /*20*/ ['李四', '某县卫生健康局', '财务股股长', '会计师'],
  ];
  return makeSheet('基本情况', rows);
}

function dept() {
  // 执行率 1560/1600 = 0.975 -> 9.75 ; 可持续 20 × 60/64 = 18.75 ; Σ = 40 + 38.75 + 10 + 9.75 = 98.5
  return simpleTable({
    sheet: '部门(整体)',
    title: '部门整体支出绩效自评表',
    yearLine: '（2025年度）',
    head: [['部门名称', '某县卫生健康局']],
    fundsHeader: '预算资金（万元）',
    funds: [
      ['年度资金总额', 1500, 1600, 1560, 10, pct(0.975), 9.75],
      ['基本支出', 1000, 1000, 1000],
      ['项目支出', 500, 600, 560],
    ],
    indicators: [
      ['产出指标', '数量指标', '家庭医生签约人数', '≥3万人', '3.2万人', 10, 10],
      ['', '质量指标', '重点人群签约服务覆盖率', '≥75%', '78%', 10, 10],
      ['', '时效指标', '公共卫生服务资金拨付', '10月底前', '9月', 10, 10],
      ['', '成本指标', '人均基本公共卫生服务经费', '≥89元', '89元', 10, 10],
      ['效益指标', '社会效益指标', '居民健康素养水平', '≥28%', '29.5%', 20, 20],
      ['', '可持续影响指标', '基层医疗机构诊疗量占比', '≥64%', '60%', 20, 18.75, '县域就诊分流不足'],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '93%', 10, 10],
    ],
    total: [100, 98.5],
    grade: '优',
  });
}

function projA() {
  // 执行率 332.5/350 = 0.95 -> 9.5 ; 续约率 20 × 72/80 = 18 ; Σ = 40 + 38 + 10 + 9.5 = 97.5
  return simpleTable({
    sheet: 'Sheet1',
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [['项目名称', '家庭医生签约服务项目'], ['主管部门', '某县卫生健康局'], ['实施单位', '各乡镇卫生院']],
    funds: [
      ['年度资金总额', 300, 350, 332.5, 10, '95%', 9.5],
      ['当年财政拨款', 300, 300, 290],
      ['上年结转资金', null, 50, 42.5],
    ],
    indicators: [
      ['产出指标', '数量指标', '签约服务人数', '≥2万人', '2.1万人', 20, 20],
      ['', '质量指标', '签约居民随访率', '≥90%', '92%', 10, 10],
      ['', '时效指标', '履约考核完成时间', '12月底前', '11月', 10, 10],
      ['效益指标', '社会效益指标', '慢病患者规范管理率', '≥60%', '66%', 20, 20],
      ['', '可持续影响指标', '签约服务续约率', '≥80%', '72%', 20, 18, '部分居民外出务工'],
      ['满意度指标', '服务对象满意度指标', '签约居民满意度', '≥90%', '91%', 10, 10],
    ],
    total: [100, 97.5],
    grade: '优秀',
  });
}

function projB() {
  // 执行率 227.5/250 = 0.91 -> 9.1 ; Σ = 40 + 40 + 10 + 9.1 = 99.1
  return simpleTable({
    sheet: '表3-1 项目',
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [['项目名称', '基层医疗机构设备购置项目'], ['主管部门', '某县卫生健康局'], ['实施单位', '某县人民医院']],
    funds: [
      ['年度资金总额', 200, 250, 227.5, 10, '91%', 9.1],
      ['当年财政拨款', 200, 250, 227.5],
    ],
    indicators: [
      ['产出指标', '数量指标', '购置设备台套数', '≥120台', '126台', 20, 20],
      ['', '质量指标', '设备验收合格率', '100%', '100%', 10, 10],
      ['', '成本指标', '设备采购资金节约率', '≥5%', '6.2%', 10, 10],
      ['效益指标', '社会效益指标', '基层首诊率', '≥55%', '57%', 20, 20],
      ['', '可持续影响指标', '设备使用年限', '≥8年', '8年', 20, 20],
      ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%', '94%', 10, 10],
    ],
    total: [100, 99.1],
    grade: '优',
  });
}

describe('W10 a whole workbook: 基本情况 + department + two projects + an unrelated sheet', () => {
  const make = (mut?: (x: { basic: ReturnType<typeof basic>; d: ReturnType<typeof dept>; a: ReturnType<typeof projA>; b: ReturnType<typeof projB> }) => void) => {
    const x = { basic: basic(), d: dept(), a: projA(), b: projB() };
    if (mut) mut(x);
    return { x, ev: run([notes(), x.a.sheet, x.basic, x.d.sheet, x.b.sheet]) };
  };
  const { x, ev } = make();

  test('基本情况 with spaced labels, values two cells right; 权重方案 河北 chooses hebei-county', () => {
    const b = ev.read.basic!;
    expect(b).toBeDefined();
    expect(fig(b.department)).toEqual({ value: '某县卫生健康局', cell: 'C2' });
    expect(fig(b.year)).toEqual({ value: 2025, cell: 'C3' });
    expect(fig(b.adminPosts)).toEqual({ value: 12, cell: 'C5' });
    expect(fig(b.assets)).toEqual({ value: 500, cell: 'C8' });
    expect(fig(b.budgetIncome)).toEqual({ value: 1500, cell: 'C11' });
    expect(b.profile?.value).toBe('河北');
    expect(b.team.map((m) => [m.name, m.post])).toEqual([
      ['张三', '局长'],
      ['李四', '财务股股长'],
    ]);
    expect(ev.profile.id).toBe('hebei-county');
    expect(ev.profileSource).toBe('workbook');
  });

  test('three tables by title, whatever the sheet names; 填表说明 is not a table', () => {
    const kinds = ev.read.tables.map((t) => [t.sheet, t.kind]).sort();
    expect(kinds).toEqual(
      [
        ['Sheet1', 'project'],
        ['表3-1 项目', 'project'],
        ['部门(整体)', 'department'],
      ].sort(),
    );
    expect(ev.findings.filter((f) => f.sheet === '填表说明' && f.severity !== 'info')).toEqual([]);
  });

  test('department figures and cross-table checks agree (funds.projects, funds.conflict)', () => {
    const { t, r } = tableOf(ev, '部门(整体)');
    expect(fig(t.name)).toEqual({ value: '某县卫生健康局', cell: 'B3' });
    const L = x.d;
    expect(fig(fundsRow(t, 'project').adjusted)).toEqual({ value: 600, cell: `C${L.funds[2]}` });
    expect(r.executionRate).toBeCloseTo(0.975, 6);
    expect(r.executionScore).toBeCloseTo(9.75, 6);
    expect(computed(r, '基层医疗机构诊疗量占比')).toBeCloseTo(18.75, 6);
    expect(r.computedTotal).toBeCloseTo(98.5, 6);
    expect(r.computedGrade).toBe('优');
  });

  test('the projects', () => {
    const a = tableOf(ev, 'Sheet1');
    expect(a.t.name?.value).toBe('家庭医生签约服务项目');
    expect(a.r.executionRate).toBeCloseTo(0.95, 6);
    expect(computed(a.r, '签约服务续约率')).toBeCloseTo(18, 6);
    expect(a.r.computedTotal).toBeCloseTo(97.5, 6);
    expect(a.r.statedGrade).toBe('优');
    const b = tableOf(ev, '表3-1 项目');
    expect(b.t.name?.value).toBe('基层医疗机构设备购置项目');
    expect(b.r.executionScore).toBeCloseTo(9.1, 6);
    expect(b.r.computedTotal).toBeCloseTo(99.1, 6);
  });

  test('a correct workbook: no error, no warning about funds, year or weights', () => {
    expect(errors(ev)).toEqual([]);
    const noisy = list(ev).filter((s) => /^(funds|structure\.year|weight|asset)/.test(s));
    expect(noisy).toEqual([]);
  });

  test('planted: department 项目支出 全年预算数 610 (projects sum to 600) -> funds.projects warning there', () => {
    const { x: y, ev: e } = make((m) => {
      setCell(m.d.sheet, `C${m.d.funds[2]}`, 610);
      setCell(m.d.sheet, `C${m.d.funds[0]}`, 1610);
      setCell(m.d.sheet, `F${m.d.funds[0]}`, pct(1560 / 1610));
      setCell(m.d.sheet, `G${m.d.funds[0]}`, Math.round((1560 / 1610) * 1000) / 100);
    });
    const cell = `C${y.d.funds[2]}`;
    expect(at(e, 'funds.projects', '部门(整体)', cell)?.severity).toBe('warning');
  });

  test('planted: 年初预算收入 1480 in 基本情况 vs 1500 in the department table -> funds.conflict at the table cell', () => {
    const { x: y, ev: e } = make((m) => setCell(m.basic, 'C11', 1480));
    expect(errors(e)).toEqual([`funds.conflict@部门(整体)!B${y.d.funds[0]}`]);
  });

  test('planted: Sheet1 says （2024年度） -> structure.year_mismatch at A2 of Sheet1', () => {
    const { ev: e } = make((m) => setCell(m.a.sheet, 'A2', '（2024年度）'));
    expect(at(e, 'structure.year_mismatch', 'Sheet1', 'A2')?.severity).toBe('warning');
    expect(errors(e)).toEqual([]);
  });

  test('planted: 资产总额 300 < 固定资产 300 + 无形资产 20 -> asset.components at C8', () => {
    const { ev: e } = make((m) => setCell(m.basic, 'C8', 300));
    expect(at(e, 'asset.components', '基本情况', 'C8')?.severity).toBe('warning');
  });
});

// ---------------------------------------------------------------------------------------------
// W11. The table placed at H12, blank rows, a note row 注：… between the funds and the goals blocks,
// and a blank row between the last indicator and 总分. Grade 优 at the right end.
// ---------------------------------------------------------------------------------------------
function w11() {
  const rows: CellInput[][] = [
    //         H                 I            J             K             L           M          N          O
    /*12*/ ['项目支出绩效自评表'],
    /*13*/ ['（2025年度）'],
    /*14*/ [],
    /*15*/ ['项目名称', '乡村道路养护项目'],
    /*16*/ ['主管部门', '某县交通运输局', null, null, '实施单位', '某县公路养护中心'],
    /*17*/ [],
    /*18*/ ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    /*19*/ ['年度资金总额', 60, 80, 72, 10, '90%', 9],
    /*20*/ ['其中：当年财政拨款', 60, 60, 56],
    /*21*/ ['其他资金', null, 20, 16],
    /*22*/ [],
    /*23*/ ['注：执行率=全年执行数/全年预算数，得分=分值×执行率。'],
    /*24*/ [],
    /*25*/ ['年度总体目标', '预期目标', null, null, '实际完成情况'],
    /*26*/ [null, '完成农村公路养护120公里。', null, null, '完成养护126公里，优良路率76%。'],
    /*27*/ [],
    /*28*/ ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    /*29*/ ['产出指标', '数量指标', '农村公路养护里程', '≥120公里', '126公里', 20, 20],
    /*30*/ [null, '质量指标', '养护路段优良路率', '≥80%', '76%', 15, 14.25, '部分路段重载车辆多，路况恢复慢'],
    /*31*/ [null, '时效指标', '养护工程完工时间', '11月底前', '10月', 15, 15],
    /*32*/ ['效益指标', '社会效益指标', '群众出行条件', '明显改善', '达到预期', 15, 14, '个别路段雨季通行受影响'],
    /*33*/ [null, '可持续影响指标', '道路使用年限', '≥5年', '5年', 15, 15],
    /*34*/ ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '92%', 10, 10],
    /*35*/ [],
    /*36*/ ['总分', null, null, null, null, 100, 97.25, '优'],
  ];
  return makeSheet('道路养护', rows, { origin: 'H12', merges: ['H29:H31', 'H32:H33', 'H36:L36'] });
}

describe('W11 table at H12 with blank and note rows between blocks', () => {
  // 执行率 72/80 = 0.9 -> 9 ; 优良路率 15 × 76/80 = 14.25 ; 出行条件 14 of 15 (达成 12–15)
  // Σ = 20 + 14.25 + 15 + 14 + 15 + 10 = 88.25 ; + 9 = 97.25 -> 优
  const ev = run([w11()]);
  const { t, r } = tableOf(ev, '道路养护');

  test('addresses are absolute', () => {
    expect(t.titleRef.cell).toBe('H12');
    expect(t.year?.value).toBe(2025);
    expect(fig(t.name)).toEqual({ value: '乡村道路养护项目', cell: 'I15' });
    expect(t.implementer?.value).toBe('某县公路养护中心');
    const tot = fundsRow(t, 'total');
    expect(fig(tot.adjusted)).toEqual({ value: 80, cell: 'J19' });
    expect(fig(tot.executed)).toEqual({ value: 72, cell: 'K19' });
    expect(fig(tot.rate)).toEqual({ value: 0.9, cell: 'M19' });
    expect(fig(fundsRow(t, 'other').executed)).toEqual({ value: 16, cell: 'K21' });
    expect(t.goals?.actual?.ref.cell).toBe('L26');
    expect(t.indicators).toHaveLength(6);
    expect(fig(ind(t, '养护路段优良路率').score)).toEqual({ value: 14.25, cell: 'N30' });
  });

  test('total and grade; no error', () => {
    expect(computed(r, '养护路段优良路率')).toBeCloseTo(14.25, 6);
    expect(fig(t.totals?.weight)).toEqual({ value: 100, cell: 'M36' });
    expect(fig(t.totals?.score)).toEqual({ value: 97.25, cell: 'N36' });
    expect(fig(t.totals?.grade)).toEqual({ value: '优', cell: 'O36' });
    expect(r.computedTotal).toBeCloseTo(97.25, 6);
    expect(r.computedGrade).toBe('优');
    expect(errors(ev)).toEqual([]);
  });

  test('planted: 优良路率 stated 15 (full) while 76 < 80 -> score.recomputed at N30', () => {
    const s = w11();
    setCell(s, 'N30', 15);
    setCell(s, 'N36', 98);
    const e = run([s]);
    expect(errors(e)).toEqual(['score.recomputed@道路养护!N30']);
  });
});
