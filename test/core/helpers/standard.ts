// A correct standard workbook, built by code, for the rule tests: 基本情况 + a department table +
// two project tables, hebei-county weights (产出 40, 效益 40, 满意度 10, budget execution 10).
// Tests change the model (a score, an amount, a label) and build it; buildWorkbook returns the grid
// and the address of every cell it wrote, so a test never relies on a literal address.

import { a1, makeSheet, type CellInput, type Grid, type Sheet } from '../../../src/core/grid';

export interface StdIndicator {
  l1: string;
  l2: string;
  name: string;
  target: CellInput;
  actual: CellInput;
  weight: CellInput;
  score: CellInput;
  deviation?: CellInput;
  tier?: CellInput;
}

export interface StdFundsRow {
  label: string;
  initial?: CellInput;
  adjusted?: CellInput;
  executed?: CellInput;
  weight?: CellInput;
  rate?: CellInput;
  score?: CellInput;
}

export interface StdTable {
  kind: 'department' | 'project';
  sheet: string;
  title: string;
  yearLine: string;
  /** Head rows: label, value. */
  head: [string, string][];
  fundsHeader: string;
  /** Funds columns to write, in order. */
  fundsColumns: ('年初预算数' | '全年预算数' | '全年执行数' | '分值' | '执行率' | '得分')[];
  funds: StdFundsRow[];
  goals?: { expected: string; actual: string };
  /** Optional indicator columns besides the required ones. */
  withWeight: boolean;
  withDeviation: boolean;
  withTier: boolean;
  indicators: StdIndicator[];
  /** Level-1 labels as written on the group's first row, by standard name (e.g. 产出指标（40分）). */
  level1Labels: Record<string, string>;
  /** Merge each level-1 cell down its group. */
  mergeLevel1: boolean;
  totalLabel: string;
  totalWeight: CellInput;
  totalScore: CellInput;
  gradeLabel: string;
  grade: CellInput;
}

export interface StdWorkbook {
  basicSheet: string;
  /** null: no 基本情况 sheet. */
  basic: [string, CellInput][] | null;
  tables: StdTable[];
}

export interface TableAddr {
  sheet: string;
  title: string;
  year: string;
  head: Record<string, string>;
  fundsHeader: string;
  /** By row label: column name -> address. */
  funds: Record<string, Record<string, string>>;
  indicators: { l1: string; l2: string; name: string; target: string; actual: string; weight?: string; score: string; deviation?: string; tier?: string }[];
  totals: { label: string; weight?: string; score: string };
  grade: string;
}

export interface WorkbookAddr {
  basic: Record<string, string>;
  tables: TableAddr[];
}

const pct = (v: number, decimals = 2): CellInput => ({ value: v, format: decimals ? '0.' + '0'.repeat(decimals) + '%' : '0%' });

function departmentTable(): StdTable {
  return {
    kind: 'department',
    sheet: '部门整体',
    title: '某县2025年度部门整体支出绩效自评表',
    yearLine: '（2025年度）',
    head: [['部门名称', '某县文化广电和旅游局']],
    fundsHeader: '预算资金（万元）',
    fundsColumns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    funds: [
      { label: '年度资金总额', initial: 158.5, adjusted: 160, executed: 154.8, weight: 10, rate: pct(0.9675), score: 9.68 },
      { label: '其中：基本支出', initial: 128.5, adjusted: 128.2, executed: 124.6 },
      { label: '项目支出', initial: 30, adjusted: 31.8, executed: 30.2 },
      { label: '当年财政拨款', initial: 150, adjusted: 151.5, executed: 146.3 },
      { label: '上年结转资金', initial: 8.5, adjusted: 8.5, executed: 8.5 },
    ],
    goals: { expected: '完成送戏下乡、图书馆建设等年度重点工作', actual: '年度重点工作基本完成' },
    withWeight: true,
    withDeviation: true,
    withTier: false,
    indicators: [
      { l1: '产出指标', l2: '数量指标', name: '开展送戏下乡演出', target: '≥120场', actual: '126场', weight: 10, score: 10, deviation: '' },
      { l1: '产出指标', l2: '数量指标', name: '图书馆新增藏书', target: '≥5000册', actual: '4600册', weight: 10, score: 9.2, deviation: '部分图书采购合同年底签订，到货推后，下年度提前招标' },
      { l1: '产出指标', l2: '质量指标', name: '演出场次合格率', target: '≥95%', actual: '98%', weight: 10, score: 10, deviation: '' },
      { l1: '产出指标', l2: '时效指标', name: '年度工作任务完成时限', target: '12月底前', actual: '2025年12月', weight: 10, score: 10, deviation: '' },
      { l1: '效益指标', l2: '社会效益指标', name: '群众文化活动参与人次', target: '≥8万人次', actual: '8.6万人次', weight: 20, score: 20, deviation: '' },
      { l1: '效益指标', l2: '可持续影响指标', name: '公共文化服务体系运行', target: '长效运行', actual: '达到预期', weight: 20, score: 18, deviation: '个别乡镇文化站活动频次偏少，下年加强督导' },
      { l1: '满意度指标', l2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: '93%', weight: 10, score: 10, deviation: '' },
    ],
    level1Labels: { 产出指标: '产出指标（40分）', 效益指标: '效益指标（40分）', 满意度指标: '满意度指标（10分）' },
    mergeLevel1: true,
    totalLabel: '总分',
    totalWeight: 100,
    totalScore: 96.88,
    gradeLabel: '评价等级',
    grade: '优秀',
  };
}

function projectOne(): StdTable {
  return {
    kind: 'project',
    sheet: '项目1',
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [
      ['项目名称', '乡村文化振兴示范项目'],
      ['主管部门', '某县文化广电和旅游局'],
      ['实施单位', '某县文化馆'],
    ],
    fundsHeader: '项目资金（万元）',
    fundsColumns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    funds: [
      { label: '年度资金总额', initial: 25, adjusted: 25, executed: 24, weight: 10, rate: '96%', score: 9.6 },
      { label: '其中：当年财政拨款', initial: 20, adjusted: 20, executed: 19.2 },
      { label: '上年结转资金', initial: 5, adjusted: 5, executed: 4.8 },
      { label: '其他资金', initial: '—', adjusted: '—', executed: '—' },
    ],
    goals: { expected: '建设村级文化广场10个', actual: '建成村级文化广场10个' },
    withWeight: true,
    withDeviation: true,
    withTier: false,
    indicators: [
      { l1: '产出指标', l2: '数量指标', name: '建设村级文化广场', target: '≥10个', actual: '10个', weight: 15, score: 15, deviation: '' },
      { l1: '产出指标', l2: '质量指标', name: '工程验收合格率', target: '100%', actual: '100%', weight: 15, score: 15, deviation: '' },
      { l1: '产出指标', l2: '成本指标', name: '单个广场建设成本', target: '≤2.5万元', actual: '2.4万元', weight: 10, score: 10, deviation: '' },
      { l1: '效益指标', l2: '社会效益指标', name: '受益群众', target: '≥2万人', actual: '2.1万人', weight: 20, score: 20, deviation: '' },
      { l1: '效益指标', l2: '可持续影响指标', name: '设施长效管护', target: '有效运行', actual: '运行平稳', weight: 20, score: 20, deviation: '' },
      { l1: '满意度指标', l2: '服务对象满意度指标', name: '受益群众满意度', target: '≥90%', actual: '95%', weight: 10, score: 10, deviation: '' },
    ],
    level1Labels: { 产出指标: '产出指标', 效益指标: '效益指标', 满意度指标: '满意度指标' },
    mergeLevel1: false,
    totalLabel: '总分',
    totalWeight: 100,
    totalScore: 99.6,
    gradeLabel: '自评等级',
    grade: '优',
  };
}

function projectTwo(): StdTable {
  return {
    kind: 'project',
    sheet: '项目2',
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [
      ['项目名称', '文物保护单位安全巡查项目'],
      ['主管部门', '某县文化广电和旅游局'],
      ['实施单位', '某县文物保护所'],
    ],
    fundsHeader: '项目资金（万元）',
    fundsColumns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    funds: [
      { label: '年度资金总额', initial: 6.8, adjusted: 6.8, executed: 6.2, weight: 10, rate: 91.18, score: 9.12 },
      { label: '其中：当年财政拨款', initial: 6.8, adjusted: 6.8, executed: 6.2 },
    ],
    goals: { expected: '全年巡查不少于48次，文物安全零事故', actual: '全年巡查52次，未发生文物安全事故' },
    withWeight: true,
    withDeviation: true,
    withTier: true,
    indicators: [
      { l1: '产出指标', l2: '数量指标', name: '巡查次数', target: '≥48次', actual: '52次', weight: 20, score: 20, deviation: '' },
      { l1: '产出指标', l2: '时效指标', name: '问题整改时限', target: '≤15天', actual: '12天', weight: 20, score: 20, deviation: '' },
      { l1: '效益指标', l2: '社会效益指标', name: '文物安全事故', target: '≤0起', actual: '0起', weight: 20, score: 20, deviation: '' },
      { l1: '效益指标', l2: '可持续影响指标', name: '群众文物保护意识', target: '有所提升', actual: '明显提升', weight: 20, score: 17, deviation: '宣传覆盖面仍需扩大，下年增加进村宣讲', tier: '达成' },
      { l1: '满意度指标', l2: '服务对象满意度指标', name: '周边群众满意度', target: '≥85%', actual: '90%', weight: 10, score: 10, deviation: '' },
    ],
    level1Labels: { 产出指标: '产出指标', 效益指标: '效益指标', 满意度指标: '满意度指标' },
    mergeLevel1: false,
    totalLabel: '合计',
    totalWeight: 100,
    totalScore: 96.12,
    gradeLabel: '',
    grade: '优',
  };
}

/** The correct model; every call returns a fresh copy to change. */
export function standardModel(): StdWorkbook {
  return {
    basicSheet: '基本情况',
    basic: [
      ['部门名称', '某县文化广电和旅游局'],
      ['评价年度', '2025年'],
      ['部门职责', '负责全县文化、广电和旅游工作'],
      ['行政编制', 12],
      ['事业编制', 35],
      ['实有人数', 44],
      ['资产总额', 520.3],
      ['固定资产', 410.2],
      ['无形资产', 12.5],
      ['年初预算收入', 158.5],
      ['决算收入', 160],
      ['上年结转', 8.5],
      ['评价依据', '《项目支出绩效评价管理办法》（财预〔2020〕10号）'],
      ['权重方案', '河北'],
    ],
    tables: [departmentTable(), projectOne(), projectTwo()],
  };
}

function buildBasic(m: StdWorkbook, addr: WorkbookAddr): Sheet | undefined {
  if (!m.basic) return undefined;
  const rows: CellInput[][] = [['部门基本情况']];
  m.basic.forEach(([label, value]) => {
    rows.push([label, value]);
    addr.basic[label] = a1(rows.length - 1, 1);
  });
  return makeSheet(m.basicSheet, rows);
}

function buildTable(t: StdTable): { sheet: Sheet; addr: TableAddr } {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const A: TableAddr = { sheet: t.sheet, title: '', year: '', head: {}, fundsHeader: '', funds: {}, indicators: [], totals: { label: '', score: '' }, grade: '' };
  const put = (row: CellInput[]): number => {
    rows.push(row);
    return rows.length - 1;
  };
  let r = put([t.title]);
  A.title = a1(r, 0);
  merges.push(`A${r + 1}:I${r + 1}`);
  r = put([t.yearLine]);
  A.year = a1(r, 0);
  for (const [label, value] of t.head) {
    r = put([label, value]);
    A.head[label] = a1(r, 1);
  }
  // funds block
  r = put([t.fundsHeader, ...t.fundsColumns]);
  A.fundsHeader = a1(r, 0);
  const key: Record<string, keyof StdFundsRow> = { 年初预算数: 'initial', 全年预算数: 'adjusted', 全年执行数: 'executed', 分值: 'weight', 执行率: 'rate', 得分: 'score' };
  for (const f of t.funds) {
    const row: CellInput[] = [f.label];
    const cells: Record<string, string> = { label: a1(rows.length, 0) };
    t.fundsColumns.forEach((c, j) => {
      row.push(f[key[c]] as CellInput);
      cells[key[c] as string] = a1(rows.length, j + 1);
    });
    put(row);
    A.funds[f.label] = cells;
  }
  // goals block
  if (t.goals) {
    put(['年度总体目标', '预期目标', null, null, '实际完成情况']);
    put([null, t.goals.expected, null, null, t.goals.actual]);
  }
  // indicator block
  const cols: string[] = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'];
  if (t.withWeight) cols.push('分值');
  cols.push('得分');
  if (t.withDeviation) cols.push('偏差原因分析及改进措施');
  if (t.withTier) cols.push('完成档次');
  put(cols);
  const ci = (label: string) => cols.indexOf(label);
  let prevL1 = '';
  let prevL2 = '';
  let groupStart = -1;
  const closeGroup = (end: number) => {
    if (t.mergeLevel1 && groupStart >= 0 && end > groupStart) merges.push(`A${groupStart + 1}:A${end + 1}`);
  };
  for (const ind of t.indicators) {
    const rr = rows.length;
    const row: CellInput[] = new Array(cols.length).fill(null);
    const newL1 = ind.l1 !== prevL1;
    if (newL1) {
      closeGroup(rr - 1);
      groupStart = rr;
      row[0] = t.level1Labels[ind.l1] ?? ind.l1;
      prevL2 = '';
    }
    if (ind.l2 !== prevL2) row[1] = ind.l2;
    prevL1 = ind.l1;
    prevL2 = ind.l2;
    row[2] = ind.name;
    row[3] = ind.target;
    row[4] = ind.actual;
    if (t.withWeight) row[ci('分值')] = ind.weight;
    row[ci('得分')] = ind.score;
    if (t.withDeviation) row[ci('偏差原因分析及改进措施')] = ind.deviation;
    if (t.withTier) row[ci('完成档次')] = ind.tier;
    put(row);
    A.indicators.push({
      l1: a1(groupStart, 0),
      l2: a1(rr, 1),
      name: a1(rr, 2),
      target: a1(rr, 3),
      actual: a1(rr, 4),
      weight: t.withWeight ? a1(rr, ci('分值')) : undefined,
      score: a1(rr, ci('得分')),
      deviation: t.withDeviation ? a1(rr, ci('偏差原因分析及改进措施')) : undefined,
      tier: t.withTier ? a1(rr, ci('完成档次')) : undefined,
    });
  }
  closeGroup(rows.length - 1);
  // level-2 cells: where a level-2 name is not repeated, the cell above holds it
  for (let i = 1; i < A.indicators.length; i++) {
    if (t.indicators[i].l2 === t.indicators[i - 1].l2 && t.indicators[i].l1 === t.indicators[i - 1].l1) A.indicators[i].l2 = A.indicators[i - 1].l2;
  }
  // totals
  const trow: CellInput[] = new Array(cols.length).fill(null);
  trow[0] = t.totalLabel;
  if (t.withWeight) trow[ci('分值')] = t.totalWeight;
  trow[ci('得分')] = t.totalScore;
  r = rows.length;
  if (t.gradeLabel === '') trow[cols.length] = t.grade;
  put(trow);
  A.totals = { label: a1(r, 0), weight: t.withWeight ? a1(r, ci('分值')) : undefined, score: a1(r, ci('得分')) };
  if (t.gradeLabel === '') A.grade = a1(r, cols.length);
  else {
    r = put([t.gradeLabel, t.grade]);
    A.grade = a1(r, 1);
  }
  return { sheet: makeSheet(t.sheet, rows, { merges }), addr: A };
}

export function buildWorkbook(m: StdWorkbook): { grid: Grid; addr: WorkbookAddr } {
  const addr: WorkbookAddr = { basic: {}, tables: [] };
  const sheets: Sheet[] = [];
  const b = buildBasic(m, addr);
  if (b) sheets.push(b);
  for (const t of m.tables) {
    const { sheet, addr: ta } = buildTable(t);
    sheets.push(sheet);
    addr.tables.push(ta);
  }
  return { grid: { sheets }, addr };
}

/** Sum helper for tests that change amounts and keep the rest consistent. */
export function standardGrid(): { grid: Grid; addr: WorkbookAddr; model: StdWorkbook } {
  const model = standardModel();
  return { ...buildWorkbook(model), model };
}
