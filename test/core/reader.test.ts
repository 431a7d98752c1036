import { readWorkbook } from '../../src/core/read';
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
        [null, null, '指标2：', null, null, null, null, null, null, null],
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

describe('more layouts', () => {
  test('执行率 in its three forms: a percent-formatted number, plain percent points, text', () => {
    const rates = [{ value: 0.9674, format: '0.00%' }, 96.74, '96.74%'];
    for (const rate of rates) {
      const s = projectSheet();
      setCell(s, 'G6', rate);
      const total = only('project', readWorkbook({ sheets: [s] }).tables).funds!.rows[0];
      expect(total.rate!.value).toBeCloseTo(0.9674, 10);
      expect(total.rate!.ref.cell).toBe('G6');
      expect(total.rate!.decimals).toBe(2);
    }
  });

  test('no 分值 column: weights only on level-1 cells, the stated total is the first number right of 总分', () => {
    const s = makeSheet('表2', [
      ['部门整体支出绩效自评表'],
      ['部门：某县民政局'],
      ['资金情况（万元）', '全年预算数(A)', '全年执行数(B)', '执行率(B/A)', '得分'],
      ['总额', '80', '76', '95.00%', '9.5'],
      ['一级指标', '二级指标', '三级指标', '年初指标值', '实际完成值', '自评得分'],
      ['产出指标（50分）', '数量指标', '救助人次', '≥1000人次', '1100人次', '50'],
      ['效益指标（30分）', '社会效益', '兜底保障', '有效', '有效', '30'],
      ['满意度指标（10分）', '满意度', '受助对象满意度', '≥90%', '93%', '10'],
      ['总分（100分）', '99.5', null, null, null, null],
    ]);
    const res = readWorkbook({ sheets: [s] });
    const t = only('department', res.tables);
    expect(at(t.name)).toBe('某县民政局@表2!A2');
    expect(t.hasWeightColumn).toBe(false);
    expect(t.indicators.map((i) => i.weight)).toEqual([undefined, undefined, undefined]);
    expect(t.indicators.map((i) => at(i.score))).toEqual(['50@表2!F6', '30@表2!F7', '10@表2!F8']);
    expect(t.indicators.map((i) => i.level2)).toEqual(['数量指标', '社会效益指标', '服务对象满意度指标']);
    expect(t.level1Weights.map((w) => [w.name, w.weight, w.ref.cell])).toEqual([
      ['产出指标', 50, 'A6'],
      ['效益指标', 30, 'A7'],
      ['满意度指标', 10, 'A8'],
    ]);
    expect(at(t.totals!.score)).toBe('99.5@表2!B9');
    expect(at(t.totals!.weight)).toBe('100@表2!A9');
    const total = t.funds!.rows[0];
    expect(total.kind).toBe('total');
    expect(at(total.rate)).toBe('0.95@表2!D4');
    expect(t.funds!.columns.initial).toBe(false);
    expect(t.year).toBeUndefined();
  });

  test('a sheet with no title is read by its blocks: project when it has 项目名称, else department', () => {
    const body = (head: string[]) => [
      head,
      ['预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', 10, 10, 9, 10, 0.9, 9],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '台账', '12本', '12本', 90, 90],
      ['总分', null, null, null, null, 100, 99],
    ];
    const res = readWorkbook({ sheets: [makeSheet('P', body(['项目名称', '宣传经费'])), makeSheet('D', body(['单位名称', '某县文旅局']))] });
    expect(res.tables.map((t) => [t.sheet, t.kind, at(t.name), t.title, t.titleRef.cell])).toEqual([
      ['P', 'project', '宣传经费@P!B1', '', 'A1'],
      ['D', 'department', '某县文旅局@D!B1', '', 'A1'],
    ]);
    expect(res.tables[0].indicators).toHaveLength(1);
    expect(res.findings.map((f) => f.rule)).toEqual(['structure.no_profile']);
  });

  test('no 基本情况: an info finding at A1 of the first sheet, tables still read; unrelated sheets are ignored', () => {
    const note = makeSheet('说明', [['项目支出绩效自评表填写说明'], ['1. 金额单位为万元'], ['2. 分值合计100分']]);
    const res = readWorkbook({ sheets: [note, projectSheet(), makeSheet('人员', [['姓名', '职务'], ['王五', '科长']])] });
    expect(res.basic).toBeUndefined();
    expect(res.tables.map((t) => t.sheet)).toEqual(['项目1']);
    expect(res.findings).toEqual([expect.objectContaining({ rule: 'structure.no_profile', severity: 'info', sheet: '说明', cell: 'A1' })]);
  });

  test('no table anywhere: structure.no_table at A1 of the first sheet; an empty workbook too', () => {
    const res = readWorkbook({ sheets: [basicSheet(), makeSheet('Sheet2', [['随便写的']])] });
    expect(res.tables).toEqual([]);
    expect(res.findings).toEqual([expect.objectContaining({ rule: 'structure.no_table', severity: 'error', sheet: '基本情况', cell: 'A1' })]);
    expect(res.findings[0].message).toMatch(/自评表/);
    const empty = readWorkbook({ sheets: [] });
    expect(empty.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['structure.no_profile', '', 'A1'],
      ['structure.no_table', '', 'A1'],
    ]);
  });

  test('a sheet the host could not read gives structure.sheet_unreadable; the others are still read', () => {
    const bad = { name: '项目2', rows: [], merges: [], unreadable: '文件已损坏' };
    const res = readWorkbook({ sheets: [basicSheet(), bad, projectSheet()] });
    expect(res.tables).toHaveLength(1);
    const f = res.findings.find((x) => x.rule === 'structure.sheet_unreadable')!;
    expect(f).toMatchObject({ severity: 'error', sheet: '项目2', cell: 'A1' });
    expect(f.message).toContain('项目2');
    expect(f.message).toContain('文件已损坏');
  });

  test('a sheet whose content throws while reading gives structure.sheet_unreadable, never an exception', () => {
    const s = projectSheet({ name: '坏表' });
    // A row that is not an array makes any reader stumble.
    (s.rows as unknown[])[5] = 42;
    const res = readWorkbook({ sheets: [s, projectSheet()] });
    expect(res.tables.map((t) => t.sheet)).toEqual(['项目1']);
    expect(res.findings).toContainEqual(expect.objectContaining({ rule: 'structure.sheet_unreadable', sheet: '坏表', cell: 'A1' }));
  });

  test('an Excel error in a figure cell: value null, the error kept, a structure.cell_error at that cell', () => {
    const s = projectSheet();
    setCell(s, 'E6', { value: null, error: '#REF!' });
    setCell(s, 'H13', { value: null, error: '#DIV/0!' });
    const res = readWorkbook({ sheets: [basicSheet(), s] });
    const t = only('project', res.tables);
    expect(t.funds!.rows[0].executed).toMatchObject({ value: null, error: '#REF!', ref: { sheet: '项目1', cell: 'E6' } });
    expect(t.indicators[0].score).toMatchObject({ value: null, error: '#DIV/0!', ref: { cell: 'H13' } });
    const errs = res.findings.filter((f) => f.rule === 'structure.cell_error');
    expect(errs.map((f) => [f.severity, f.cell])).toEqual([
      ['error', 'E6'],
      ['error', 'H13'],
    ]);
    expect(errs[0].message).toContain('#REF!');
    expect(errs[0].message).toContain('全年执行数');
  });

  test('required labels absent: table.missing and one structure.label_missing per label, at the title cell', () => {
    const s = makeSheet('残表', [
      [null, '项目支出绩效自评表'],
      [null, '项目资金（万元）', '全年预算数', '全年执行数'],
      [null, '年度资金总额', 5, 5],
      [null, '一级指标', '二级指标', '三级指标', '年度指标值', '完成值'],
      [null, '产出指标', '数量指标', '场次', '4场', '4场'],
    ]);
    const res = readWorkbook({ sheets: [basicSheet(), s] });
    const t = only('project', res.tables);
    expect(t.missing).toEqual(['项目名称', '得分']);
    const lm = res.findings.filter((f) => f.rule === 'structure.label_missing');
    expect(lm.map((f) => [f.sheet, f.cell, f.expected])).toEqual([
      ['残表', 'B1', '项目名称'],
      ['残表', 'B1', '得分'],
    ]);
    expect(lm[1].message).toContain('得分');
    expect(t.indicators).toHaveLength(1);
    expect(t.indicators[0].score).toBeUndefined();
  });

  test('a title with no blocks at all lists every required label as missing', () => {
    const res = readWorkbook({ sheets: [basicSheet(), makeSheet('空表', [['部门整体支出绩效自评表']])] });
    expect(only('department', res.tables).missing).toEqual(['部门名称', '全年预算数', '全年执行数', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '得分']);
  });

  test('基本情况 without its required labels', () => {
    const res = readWorkbook({ sheets: [makeSheet('基本情况', [[null], [null, '部门职责', '管理']]), projectSheet()] });
    expect(at(res.basic!.duties)).toBe('管理@基本情况!C2');
    expect(res.findings.filter((f) => f.rule === 'structure.label_missing').map((f) => [f.sheet, f.cell, f.expected])).toEqual([
      ['基本情况', 'B2', '部门名称'],
      ['基本情况', 'B2', '评价年度'],
    ]);
  });

  test('two tables on one sheet are both read', () => {
    const a = projectSheet();
    const b = projectSheet({ origin: 'A30', project: '第二个项目' });
    b.rows.forEach((row, r) => {
      if (r >= 29) a.rows[r] = row;
    });
    a.merges.push(...b.merges);
    const res = readWorkbook({ sheets: [basicSheet(), a] });
    expect(res.tables.map((t) => [t.titleRef.cell, t.name?.value, t.indicators.length, t.totals?.score?.ref.cell])).toEqual([
      ['A1', '校舍改造工程', 5, 'H18'],
      ['A30', '第二个项目', 5, 'H47'],
    ]);
  });

  test('cells covered by a merge are read through its top-left cell, even when the host repeats the value', () => {
    const s = deptSheet({ mergeLevels: true });
    // ExcelJS-style hosts may repeat the master value in covered cells: it must not start a new group.
    setCell(s, 'B12', '产出指标');
    const t = only('department', readWorkbook({ sheets: [s] }).tables);
    expect(t.indicators[1].level1Ref.cell).toBe('B11');
  });

  test('300 project tables with 12 indicators each read quickly and completely', () => {
    const inds = Array.from({ length: 12 }, (_, i) => ({ level1: i % 4 === 0 ? '产出指标' : undefined, level2: '数量指标', name: `指标${i + 1}：事项${i + 1}`, target: '≥10个', actual: '12个', weight: 7, score: 7 }));
    const sheets = [basicSheet(), deptSheet()];
    for (let i = 0; i < 300; i++) sheets.push(projectSheet({ name: `项目${i + 1}`, indicators: inds }));
    const res = readWorkbook({ sheets });
    expect(res.tables).toHaveLength(301);
    expect(res.tables.slice(1).reduce((n, t) => n + t.indicators.length, 0)).toBe(3600);
    expect(res.tables[300].indicators[11].name).toBe('事项12');
  });
});

test('基本情况: key-value rows go on after the members table; a label with its value after a colon', () => {
  const b = readWorkbook({ sheets: [basicSheet([['自评组织工作：成立自评小组'], ['存在问题', '不应覆盖前面的值']]), projectSheet()] }).basic!;
  expect(at(b.selfEvalOrganisation)).toBe('成立自评小组@基本情况!A26');
  expect(at(b.problems)).toBe('问题一@基本情况!B16');
  expect(b.team.map((m) => m.name)).toEqual(['张三', '李四']);
});

test('random sheets made of labels, numbers and merges never throw, and every ref lies on its sheet', () => {
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words = ['项目支出绩效自评表', '部门整体支出绩效自评表', '（2025年度）', '项目名称', '部门名称', '预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度资金总额', '其中：基本支出', '上年结转', '年度总体目标', '预期目标', '实际完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '产出指标（40分）', '数量指标', '≥5个', '总分', '评价等级', '优', '—', '', '#N/A'];
  for (let k = 0; k < 60; k++) {
    const rows: (string | number | null | { value: null; error: string })[][] = [];
    const nr = 1 + rnd(25);
    for (let r = 0; r < nr; r++) {
      const row: (string | number | null | { value: null; error: string })[] = [];
      const nc = rnd(10);
      for (let c = 0; c < nc; c++) {
        const x = rnd(10);
        const w = words[rnd(words.length)];
        row.push(x < 5 ? w : x < 7 ? rnd(200) : x < 8 ? { value: null, error: '#VALUE!' } : null);
      }
      rows.push(row);
    }
    const merges: string[] = [];
    for (let m = rnd(4); m > 0; m--) {
      const r = 1 + rnd(nr);
      const c = rnd(6);
      merges.push(`${String.fromCharCode(65 + c)}${r}:${String.fromCharCode(65 + c + rnd(3))}${r + rnd(3)}`);
    }
    const sheet = makeSheet(`S${k}`, rows, { merges });
    const res = readWorkbook({ sheets: [sheet] });
    const refs: { sheet: string; cell: string }[] = res.findings.map((f) => ({ sheet: f.sheet, cell: f.cell }));
    for (const t of res.tables) {
      refs.push(t.titleRef);
      for (const fr of t.funds?.rows ?? []) for (const f of [fr.initial, fr.adjusted, fr.executed, fr.weight, fr.rate, fr.score]) if (f) refs.push(f.ref);
      for (const i of t.indicators) refs.push(i.level1Ref, i.level2Ref, i.nameRef, i.target.ref, i.actual.ref);
    }
    for (const ref of refs) {
      expect(ref.sheet).toBe(`S${k}`);
      expect(ref.cell).toMatch(/^[A-Z]{1,3}[1-9][0-9]*$/);
    }
    expect(res.findings.some((f) => f.rule === 'structure.sheet_unreadable')).toBe(false);
  }
});

test('a funds header without 全年执行数 is still the funds header; the absent column is reported', () => {
  const s = projectSheet();
  setCell(s, 'E5', '备注');
  const res = readWorkbook({ sheets: [basicSheet(), s] });
  const t = only('project', res.tables);
  expect(t.missing).toEqual(['全年执行数']);
  expect(t.funds!.columns.executed).toBe(false);
  expect(at(t.funds!.rows[0].adjusted)).toBe('31.8@项目1!D6');
  expect(t.funds!.rows[0].executed).toBeUndefined();
  expect(res.findings.map((f) => [f.rule, f.cell, f.expected])).toEqual([['structure.label_missing', 'A1', '全年执行数']]);
});

test('level cells repeated on every row declare each group weight once', () => {
  const l1 = ['产出指标（40分）', '产出指标（40分）', '产出指标（40分）', '效益指标（40分）', '效益指标（40分）', '满意度指标（10分）'];
  const s = deptSheet({ indicators: DEPT_INDICATORS.map((ind, i) => ({ ...ind, level1: l1[i], level2: ind.level2 })) });
  const t = only('department', readWorkbook({ sheets: [s] }).tables);
  expect(t.level1Weights.map((w) => [w.name, w.weight, w.ref.cell])).toEqual([
    ['产出指标', 40, 'B11'],
    ['效益指标', 40, 'B14'],
    ['满意度指标', 10, 'B16'],
  ]);
  expect(t.indicators.map((i) => i.level1Ref.cell)).toEqual(['B11', 'B12', 'B13', 'B14', 'B15', 'B16']);
});

test('a department table with no 部门名称 row takes the name its title gives; with neither, the label is missing', () => {
  const table = (title: string) =>
    makeSheet('整体', [
      [title],
      ['预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', 100, 100, 95, 10, 0.95, 9.5],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标', '数量指标', '检查次数', '≥10次', '10次', 90, 90],
      ['总分', null, null, null, null, null, 100, 99.5],
    ]);
  const named = only('department', readWorkbook({ sheets: [table('某县市场监督管理局 2025年度部门整体支出绩效自评表')] }).tables);
  expect(named.name).toMatchObject({ value: '某县市场监督管理局', ref: { sheet: '整体', cell: 'A1' } });
  expect(named.missing).toEqual([]);
  const bare = readWorkbook({ sheets: [table('2025年度部门整体支出绩效自评表')] });
  expect(only('department', bare.tables).missing).toEqual(['部门名称']);
  expect(bare.findings.filter((f) => f.rule === 'structure.label_missing').map((f) => f.cell)).toEqual(['A1']);
});

test('基本情况: an amount or a year that cannot be read is a finding on its cell, not left out in silence', () => {
  const basic = makeSheet('基本情况', [
    ['部门名称', '某县统计局'],
    ['评价年度', '今年'],
    ['资产总额', '约五十几万'],
    ['固定资产', 12.5],
  ]);
  const rr = readWorkbook({ sheets: [basic] });
  expect(rr.basic?.assets).toBeUndefined();
  expect(rr.basic?.fixedAssets?.value).toBe(12.5);
  const cells = rr.findings.filter((f) => f.rule === 'structure.cell_error').map((f) => f.cell);
  expect(cells).toEqual(expect.arrayContaining(['B2', 'B3']));
  expect(rr.findings.filter((f) => f.rule === 'structure.label_missing').map((f) => f.message).join()).toContain('评价年度');
});
