import { readWorkbook } from '../../src/core/reader';
import { makeSheet, setCell } from '../../src/core/grid';
import type { Fig, Table } from '../../src/core/types';
import { basicSheet, deptSheet, projectSheet, DEPT_INDICATORS } from './helpers/tables';

/** value@cell, the way a reviewer reads a figure. */
const at = (f: Fig<unknown> | undefined): string => (f === undefined ? 'absent' : `${f.value === null ? 'null' : String(f.value)}@${f.ref.sheet}!${f.ref.cell}`);

function only(kind: Table['kind'], tables: Table[]): Table {
  const t = tables.filter((x) => x.kind === kind);
  expect(t).toHaveLength(1);
  return t[0];
}

describe('standard workbook: 基本情况 + department table + project table', () => {
  const res = readWorkbook({ sheets: [basicSheet(), deptSheet(), projectSheet()] });

  test('no structural findings', () => {
    expect(res.findings).toEqual([]);
    expect(res.tables.map((t) => [t.kind, t.sheet])).toEqual([
      ['department', '部门整体'],
      ['project', '项目1'],
    ]);
  });

  test('基本情况: every field with the cell of its value', () => {
    const b = res.basic!;
    expect(b.sheet).toBe('基本情况');
    expect(at(b.department)).toBe('某县教育局@基本情况!B2');
    expect(at(b.year)).toBe('2025@基本情况!B3');
    expect(at(b.duties)).toBe('负责全县教育工作@基本情况!B4');
    expect(at(b.organisation)).toBe('内设股室8个@基本情况!B5');
    expect(at(b.adminPosts)).toBe('20@基本情况!B6');
    expect(at(b.institutionPosts)).toBe('35@基本情况!D6');
    expect(at(b.staff)).toBe('53@基本情况!B7');
    expect(at(b.assets)).toBe('1200.5@基本情况!B8');
    expect(at(b.fixedAssets)).toBe('1000@基本情况!B9');
    expect(at(b.intangibleAssets)).toBe('50@基本情况!B10');
    expect(at(b.budgetIncome)).toBe('150@基本情况!B11');
    expect(at(b.finalIncome)).toBe('155@基本情况!B12');
    expect(at(b.carryover)).toBe('12.3@基本情况!B13');
    expect(at(b.basis)).toBe('《项目支出绩效评价管理办法》@基本情况!B14');
    expect(at(b.achievements)).toBe('完成任务一\n完成任务二@基本情况!B15');
    expect(b.selfEvalOrganisation).toBeUndefined();
    expect(at(b.problems)).toBe('问题一@基本情况!B16');
    expect(at(b.measures)).toBe('措施一@基本情况!B17');
    expect(at(b.profile)).toBe('河北@基本情况!B18');
    expect(b.team).toEqual([
      { name: '张三', unit: '某县财政局', post: '股长', title: '会计师', note: '组长', ref: { sheet: '基本情况', cell: 'A22' } },
      { name: '李四', unit: '某县教育局', post: '科员', title: '', note: '', ref: { sheet: '基本情况', cell: 'A23' } },
    ]);
  });

  test('department table: head, year, funds block', () => {
    const t = only('department', res.tables);
    expect(t.title).toBe('某县2025年度部门整体支出绩效自评表');
    expect(t.titleRef).toEqual({ sheet: '部门整体', cell: 'A1' });
    expect(at(t.year)).toBe('2025@部门整体!A1');
    expect(at(t.name)).toBe('某县教育局@部门整体!B3');
    expect(t.missing).toEqual([]);
    const f = t.funds!;
    expect(f.unit).toBe('万元');
    expect(f.headerRef.cell).toBe('A4');
    expect(f.columns).toEqual({ initial: true, adjusted: true, executed: true, weight: true, rate: true, score: true });
    expect(f.headerWeight).toBeUndefined();
    expect(f.rows.map((r) => [r.kind, r.label, r.labelRef.cell, at(r.initial), at(r.adjusted), at(r.executed)])).toEqual([
      ['total', '年度资金总额', 'B5', '150@部门整体!C5', '160@部门整体!D5', '155@部门整体!E5'],
      ['basic', '其中：基本支出', 'B6', '100@部门整体!C6', '100@部门整体!D6', '98@部门整体!E6'],
      ['project', '项目支出', 'B7', '50@部门整体!C7', '60@部门整体!D7', '57@部门整体!E7'],
    ]);
    const total = f.rows[0];
    expect(at(total.weight)).toBe('10@部门整体!F5');
    expect(at(total.rate)).toBe('0.96875@部门整体!G5');
    expect(total.rate!.decimals).toBe(2);
    expect(at(total.score)).toBe('9.69@部门整体!H5');
    // 分值, 执行率 and 得分 are read on the 年度资金总额 row only.
    expect(f.rows[1].weight).toBeUndefined();
    expect(f.rows[1].rate).toBeUndefined();
    expect(f.rows[1].score).toBeUndefined();
  });

  test('department table: goals, indicators, totals', () => {
    const t = only('department', res.tables);
    expect(at(t.goals!.expected)).toBe('完成年度教育教学任务@部门整体!B9');
    expect(at(t.goals!.actual)).toBe('全面完成年度任务@部门整体!F9');
    expect(t.indicatorHeaderRef!.cell).toBe('A10');
    expect(t.hasWeightColumn).toBe(true);
    expect(t.indicators).toHaveLength(DEPT_INDICATORS.length);
    expect(t.indicators.map((i) => [i.level1, i.level1Ref.cell, i.level2, i.level2Ref.cell, i.name, i.nameRef.cell])).toEqual([
      ['产出指标', 'B11', '数量指标', 'C11', '培训教师人次', 'D11'],
      ['产出指标', 'B11', '质量指标', 'C12', '培训合格率', 'D12'],
      ['产出指标', 'B11', '时效指标', 'C13', '完成时间', 'D13'],
      ['效益指标', 'B14', '社会效益指标', 'C14', '教学质量', 'D14'],
      ['效益指标', 'B14', '可持续影响指标', 'C15', '长效机制', 'D15'],
      ['满意度指标', 'B16', '服务对象满意度指标', 'C16', '教师满意度', 'D16'],
    ]);
    const first = t.indicators[0];
    expect(first.target.ref.cell).toBe('E11');
    expect(first.target.value).toMatchObject({ kind: 'number', comparator: 'ge', low: 500, unit: '人次' });
    expect(first.actual.ref.cell).toBe('F11');
    expect(first.actual.value).toMatchObject({ kind: 'number', low: 520 });
    expect(at(first.weight)).toBe('20@部门整体!G11');
    expect(at(first.score)).toBe('20@部门整体!H11');
    expect(at(first.deviation)).toBe('@部门整体!I11');
    expect(at(t.indicators[3].deviation)).toBe('部分学校进度滞后@部门整体!I14');
    expect(t.indicators.map((i) => i.score?.value)).toEqual([20, 10, 10, 18, 20, 10]);
    expect(at(t.totals!.weight)).toBe('100@部门整体!G17');
    expect(at(t.totals!.score)).toBe('98@部门整体!H17');
    expect(t.totals!.labelRef.cell).toBe('A17');
    expect(at(t.totals!.grade)).toBe('优@部门整体!B18');
  });

  test('project table: head, funds with components and no-amount cells, grade at the right end of the totals row', () => {
    const t = only('project', res.tables);
    expect(t.title).toBe('项目支出绩效自评表');
    expect(at(t.year)).toBe('2025@项目1!A2');
    expect(at(t.name)).toBe('校舍改造工程@项目1!B3');
    expect(at(t.competentDept)).toBe('某县教育局@项目1!B4');
    expect(at(t.implementer)).toBe('某县第一中学@项目1!E4');
    const f = t.funds!;
    expect(f.rows.map((r) => [r.kind, at(r.initial), at(r.adjusted), at(r.executed)])).toEqual([
      ['total', '30@项目1!C6', '31.8@项目1!D6', '30@项目1!E6'],
      ['appropriation', '25@项目1!C7', '25@项目1!D7', '24@项目1!E7'],
      ['carryover', '5@项目1!C8', '6.8@项目1!D8', '6@项目1!E8'],
      ['other', 'null@项目1!C9', 'null@项目1!D9', 'null@项目1!E9'],
    ]);
    expect(at(f.rows[0].rate)).toBe('0.9434@项目1!G6');
    expect(t.indicators.map((i) => i.name)).toEqual(['改造校舍面积', '验收合格率', '单位造价', '办学条件改善', '师生满意度']);
    expect(t.indicators.map((i) => i.level1Ref.cell)).toEqual(['B13', 'B13', 'B13', 'B16', 'B17']);
    expect(t.indicators[2].target.value).toMatchObject({ kind: 'number', comparator: 'le', low: 1500 });
    expect(at(t.totals!.score)).toBe('97.43@项目1!H18');
    expect(at(t.totals!.grade)).toBe('优@项目1!I18');
  });
});

describe('drift', () => {
  test('a department table shifted to D7 with merged level cells reads the same figures, shifted', () => {
    const res = readWorkbook({ sheets: [basicSheet(), deptSheet({ origin: 'D7', mergeLevels: true })] });
    expect(res.findings).toEqual([]);
    const t = only('department', res.tables);
    expect(t.titleRef.cell).toBe('D7');
    expect(at(t.year)).toBe('2025@部门整体!D7');
    expect(at(t.name)).toBe('某县教育局@部门整体!E9');
    expect(t.funds!.rows.map((r) => at(r.adjusted))).toEqual(['160@部门整体!G11', '100@部门整体!G12', '60@部门整体!G13']);
    expect(t.indicators.map((i) => [i.level1, i.level1Ref.cell, i.level2, i.level2Ref.cell])).toEqual([
      ['产出指标', 'E17', '数量指标', 'F17'],
      ['产出指标', 'E17', '质量指标', 'F18'],
      ['产出指标', 'E17', '时效指标', 'F19'],
      ['效益指标', 'E20', '社会效益指标', 'F20'],
      ['效益指标', 'E20', '可持续影响指标', 'F21'],
      ['满意度指标', 'E22', '服务对象满意度指标', 'F22'],
    ]);
    expect(at(t.totals!.score)).toBe('98@部门整体!K23');
  });

  // A project table as a province publishes it: 元, synonyms, header weight, no 分值 in the funds block,
  // a two-row indicator header with 指标性质 / 度量单位, 分值 before 年度指标值, text numbers, full-width digits.
  const drifted = () =>
    makeSheet(
      '乡村道路',
      [
        [' 某县 项目支出绩效自评表 '],
        ['（２０２５年度）'],
        ['项目名称：乡村道路养护'],
        ['主 管 部 门', '某县交通运输局', '项目实施单位', '某县公路站'],
        ['预算执行情况（元）（20分）', '年初预算（元）', '调整后预算数', '执行数(B)', '预算执行率', '得分(20分*执行率)'],
        ['年度资金总额：', '1,000,000', '1200000', '１１４００００', '95%', ' 19 '],
        ['其中：本年财政拨款', 1000000, 1200000, 1140000, '/', '/'],
        ['上年结转 资金', '-', null, '—'],
        ['年度绩效目标', '年初设定目标', null, '年度目标完成情况'],
        [null, '养护农村公路120公里', null, '完成养护126公里'],
        ['绩效指标（80分）', null, null, ' 分 值 ', '年度指标值', null, null, '全年完成值', '指标得分', '偏差原因'],
        ['一级指标', '二级指标', '指标名称', null, '指标性质', '指标值', '度量单位', null, null, null],
        ['产出指标（50分）', '数量 指标', '指标1：养护里程', '３０', '≥', '120', '公里', '126', '30', null],
        [null, null, '（2）桥梁检测', '20', '=', '12', '座', '10', '16.67', '两座桥梁封闭施工'],
        [null, null, '指标2', null, null, null, null, null, null, null],
        ['效果指标', '社会效益指标 等', '1.通行条件', '20', '定性', '明显改善', null, '明显改善', '20', null],
        ['满意度指标（10分）', '满意度指标', '群众满意度', '10', '≥', '90', '%', '96.5', '10', null],
        ['……', null, null, null, null, null, null, null, null, null],
        ['合计', null, null, '80', null, null, null, null, '76.67', '评价等级：良'],
      ],
      { origin: 'B3', merges: ['B3:K3', 'B15:B17', 'C15:C17', 'F13:H13', 'E13:E14', 'I13:I14', 'J13:J14', 'K13:K14'] },
    );

  test('head and year: inline value, spaced label, full-width year', () => {
    const t = only('project', readWorkbook({ sheets: [drifted()] }).tables);
    expect(t.title).toBe('某县 项目支出绩效自评表');
    expect(at(t.year)).toBe('2025@乡村道路!B4');
    expect(at(t.name)).toBe('乡村道路养护@乡村道路!B5');
    expect(at(t.competentDept)).toBe('某县交通运输局@乡村道路!C6');
    expect(at(t.implementer)).toBe('某县公路站@乡村道路!E6');
    expect(t.missing).toEqual([]);
  });

  test('funds block in 元 with header weight, synonyms, text numbers, full-width digits and no-amount marks', () => {
    const f = only('project', readWorkbook({ sheets: [drifted()] }).tables).funds!;
    expect(f.unit).toBe('元');
    expect(f.headerRef.cell).toBe('B7');
    expect(at(f.headerWeight)).toBe('20@乡村道路!B7');
    expect(f.columns).toEqual({ initial: true, adjusted: true, executed: true, weight: false, rate: true, score: true });
    const [total, approp, carry] = f.rows;
    expect([total.kind, approp.kind, carry.kind]).toEqual(['total', 'appropriation', 'carryover']);
    expect(at(total.initial)).toBe('100@乡村道路!C8');
    expect(at(total.adjusted)).toBe('120@乡村道路!D8');
    expect(at(total.executed)).toBe('114@乡村道路!E8');
    expect(total.executed!.text).toBe('１１４００００');
    expect(total.weight).toBeUndefined();
    expect(at(total.rate)).toBe('0.95@乡村道路!F8');
    expect(at(total.score)).toBe('19@乡村道路!G8');
    expect(approp.label).toBe('其中：本年财政拨款');
    expect(at(approp.executed)).toBe('114@乡村道路!E9');
    expect(carry.label).toBe('上年结转 资金');
    expect([at(carry.initial), at(carry.adjusted), at(carry.executed)]).toEqual(['null@乡村道路!C10', 'null@乡村道路!D10', 'null@乡村道路!E10']);
  });

  test('goals with synonym column labels', () => {
    const t = only('project', readWorkbook({ sheets: [drifted()] }).tables);
    expect(at(t.goals!.expected)).toBe('养护农村公路120公里@乡村道路!C12');
    expect(at(t.goals!.actual)).toBe('完成养护126公里@乡村道路!E12');
  });

  test('two-row indicator header, 分值 first, 指标性质 and 度量单位, merged and blank level cells, template rows', () => {
    const t = only('project', readWorkbook({ sheets: [drifted()] }).tables);
    expect(t.indicatorHeaderRef!.cell).toBe('B13');
    expect(t.hasWeightColumn).toBe(true);
    expect(t.indicators.map((i) => [i.level1, i.level1Ref.cell, i.level2, i.level2Ref.cell, i.name, i.nameRef.cell])).toEqual([
      ['产出指标', 'B15', '数量指标', 'C15', '养护里程', 'D15'],
      ['产出指标', 'B15', '数量指标', 'C15', '桥梁检测', 'D16'],
      ['效益指标', 'B18', '社会效益指标', 'C18', '通行条件', 'D18'],
      ['满意度指标', 'B19', '服务对象满意度指标', 'C19', '群众满意度', 'D19'],
    ]);
    const [a, b, c, d] = t.indicators;
    expect(at(a.weight)).toBe('30@乡村道路!E15');
    expect(at(a.score)).toBe('30@乡村道路!J15');
    expect(a.target.ref.cell).toBe('G15');
    expect(a.target.value).toMatchObject({ kind: 'number', low: 120 });
    expect(a.actual.ref.cell).toBe('I15');
    expect(a.actual.value).toMatchObject({ kind: 'number', low: 126 });
    expect(at(a.comparator)).toBe('≥@乡村道路!F15');
    expect(at(a.unit)).toBe('公里@乡村道路!H15');
    expect(at(b.deviation)).toBe('两座桥梁封闭施工@乡村道路!K16');
    expect(at(b.score)).toBe('16.67@乡村道路!J16');
    expect(c.target.value.kind).toBe('qualitative');
    expect(c.unit).toBeUndefined();
    expect(at(d.weight)).toBe('10@乡村道路!E19');
    expect(t.level1Weights).toEqual([
      { name: '产出指标', weight: 50, ref: { sheet: '乡村道路', cell: 'B15' } },
      { name: '满意度指标', weight: 10, ref: { sheet: '乡村道路', cell: 'B19' } },
    ]);
  });

  test('totals row 合计 with its 分值 and 得分 cells and an inline grade', () => {
    const t = only('project', readWorkbook({ sheets: [drifted()] }).tables);
    expect(t.totals!.labelRef.cell).toBe('B21');
    expect(at(t.totals!.weight)).toBe('80@乡村道路!E21');
    expect(at(t.totals!.score)).toBe('76.67@乡村道路!J21');
    expect(at(t.totals!.grade)).toBe('良@乡村道路!K21');
  });
});
