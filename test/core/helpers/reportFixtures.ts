// Hand-built ReadResult / CheckResult for the report tests: a department like the seed's
// (井陉县委网信办, 2025, 年初预算 154.74 万元, two projects of 25 and 6.8 万元, a team of three).
// The check results are what the engine would compute for these tables (worked out by hand).

import type {
  BasicInfo,
  CheckResult,
  Fig,
  Finding,
  FundsRow,
  Indicator,
  IndicatorResult,
  Profile,
  ReadResult,
  Reading,
  Ref,
  Table,
  TableResult,
  Tier,
} from '../../../src/core/types';
import { resolveProfile } from '../../../src/core/profiles';

export const HEBEI: Profile = resolveProfile('hebei-county')!;

export function ref(sheet: string, cell: string): Ref {
  return { sheet, cell };
}

export function fig<T>(value: T, sheet: string, cell: string): Fig<T> {
  return { value, ref: ref(sheet, cell) };
}

/** A reading of a value cell: numbers with a comparator, or qualitative words. */
export function reading(text: string): Reading {
  const m = /^(≥|≤)?\s*([0-9.]+)(余)?(.*)$/.exec(text);
  if (!text) return { kind: 'empty', unit: '', approx: false, text };
  if (!m) return { kind: 'qualitative', unit: '', approx: false, text, tier: '达成' };
  const n = Number(m[2]);
  return {
    kind: 'number',
    comparator: m[1] === '≥' ? 'ge' : m[1] === '≤' ? 'le' : 'eq',
    low: n,
    high: n,
    unit: m[4] === '%' ? '%' : m[4],
    approx: !!m[3],
    more: !!m[3],
    text,
  };
}

interface IndSpec {
  l1: string;
  l2: string;
  name: string;
  target: string;
  actual: string;
  w: number;
  /** Stated score. */
  s: number;
  /** Computed score for a quantitative indicator. */
  computed?: number;
  tier?: Tier;
  dev?: string;
}

/** Indicator rows from row `first` on, columns B..I: 一级 二级 三级 指标值 完成值 分值 得分 偏差原因. */
function indicators(sheet: string, first: number, specs: IndSpec[]): { list: Indicator[]; results: IndicatorResult[] } {
  const list: Indicator[] = [];
  const results: IndicatorResult[] = [];
  specs.forEach((sp, i) => {
    const r = first + i;
    const ind: Indicator = {
      level1: sp.l1,
      level1Ref: ref(sheet, `A${r}`),
      level2: sp.l2,
      level2Ref: ref(sheet, `B${r}`),
      name: sp.name,
      nameRef: ref(sheet, `C${r}`),
      target: fig(reading(sp.target), sheet, `D${r}`),
      actual: fig(reading(sp.actual), sheet, `E${r}`),
      weight: fig<number | null>(sp.w, sheet, `F${r}`),
      score: fig<number | null>(sp.s, sheet, `G${r}`),
      deviation: sp.dev !== undefined ? fig(sp.dev, sheet, `H${r}`) : undefined,
    };
    list.push(ind);
    const quantitative = sp.computed !== undefined;
    results.push({ indicator: ind, quantitative, computedScore: sp.computed, tier: quantitative ? undefined : sp.tier ?? '达成' });
  });
  return { list, results };
}

function fundsRow(sheet: string, r: number, kind: FundsRow['kind'], label: string, a: (number | null)[], extra = false): FundsRow {
  const [initial, adjusted, executed] = a;
  const row: FundsRow = {
    kind,
    label,
    labelRef: ref(sheet, `A${r}`),
    initial: fig(initial, sheet, `C${r}`),
    adjusted: fig(adjusted, sheet, `D${r}`),
    executed: fig(executed, sheet, `E${r}`),
  };
  if (extra) {
    row.weight = fig<number | null>(10, sheet, `F${r}`);
    row.rate = { ...fig<number | null>(adjusted && executed !== null ? Math.round((executed / adjusted) * 10000) / 10000 : null, sheet, `G${r}`), decimals: 2 };
    row.score = fig<number | null>(adjusted && executed !== null ? Math.round((executed / adjusted) * 1000) / 100 : null, sheet, `H${r}`);
  }
  return row;
}

export const DEPT_SHEET = '部门整体';
export const BASIC_SHEET = '基本情况';

export function basicInfo(): BasicInfo {
  const s = BASIC_SHEET;
  return {
    sheet: s,
    department: fig('井陉县委网信办', s, 'B1'),
    year: fig(2025, s, 'B2'),
    duties: fig('负责全县互联网信息内容管理，统筹协调网络安全和信息化工作', s, 'B3'),
    organisation: fig('内设综合股、网络安全股，下设网络舆情中心一个事业单位', s, 'B4'),
    adminPosts: fig(8, s, 'B5'),
    institutionPosts: fig(6, s, 'B6'),
    staff: fig(14, s, 'B7'),
    assets: fig(5.73, s, 'B8'),
    fixedAssets: fig(5.3, s, 'B9'),
    intangibleAssets: fig(0.4, s, 'B10'),
    budgetIncome: fig(154.74, s, 'B11'),
    finalIncome: fig(154.74, s, 'B12'),
    carryover: fig(0, s, 'B13'),
    basis: fig('《井陉县县级部门项目绩效自评管理办法》（井财〔2020〕9号）', s, 'B14'),
    achievements: fig(
      '一是加强网上正面宣传，全年推送各类稿件500余篇；二是开展网络生态治理，巡查县域网站111家。三是组织网络安全宣传活动10场。\n(4) 扩充网评员队伍至230名',
      s,
      'B15',
    ),
    selfEvalOrganisation: fig('召开专题会议，成立自评工作小组，制定自评工作方案', s, 'B16'),
    problems: fig('1、预算执行进度有待加快\n2、绩效目标设定不够细化', s, 'B17'),
    measures: fig('一是按月调度预算执行进度；二是细化量化年度绩效指标', s, 'B18'),
    profile: fig('河北', s, 'B19'),
    team: [
      { name: '陈志军', unit: '井陉县委网信办', post: '主任', title: '无', note: '', ref: ref(s, 'A23') },
      { name: '张国彦', unit: '井陉县委网信办', post: '三级主任科员', title: '无', note: '', ref: ref(s, 'A24') },
      { name: '冀晓伟', unit: '井陉县委网信办', post: '四级主任科员', title: '无', note: '', ref: ref(s, 'A25') },
    ],
  };
}

const DEPT_INDICATORS: IndSpec[] = [
  { l1: '产出指标', l2: '数量指标', name: '推送重要讲话及理论文章', target: '≥500篇', actual: '500余篇', w: 10, s: 10, computed: 10 },
  { l1: '产出指标', l2: '数量指标', name: '巡查县域网站', target: '≥120家', actual: '111家', w: 10, s: 9, computed: 9.25, dev: '部分网站关停，巡查对象减少' },
  { l1: '产出指标', l2: '质量指标', name: '有害信息处置率', target: '100%', actual: '100%', w: 10, s: 10, computed: 10 },
  { l1: '产出指标', l2: '时效指标', name: '舆情报送及时性', target: '及时', actual: '及时', w: 10, s: 10 },
  { l1: '效益指标', l2: '社会效益指标', name: '网络舆情态势', target: '平稳', actual: '平稳', w: 20, s: 20 },
  { l1: '效益指标', l2: '可持续影响指标', name: '网评员队伍规模', target: '≥250名', actual: '230名', w: 20, s: 18.4, computed: 18.4 },
  { l1: '满意度指标', l2: '服务对象满意度指标', name: '群众满意度', target: '≥95%', actual: '96%', w: 10, s: 10, computed: 10 },
];

export function deptTable(): Table {
  const s = DEPT_SHEET;
  const { list } = indicators(s, 12, DEPT_INDICATORS);
  return {
    kind: 'department',
    sheet: s,
    title: '部门整体支出绩效自评表',
    titleRef: ref(s, 'A1'),
    year: fig(2025, s, 'A2'),
    name: fig('井陉县委网信办', s, 'B3'),
    funds: {
      headerRef: ref(s, 'A4'),
      unit: '万元',
      columns: { initial: true, adjusted: true, executed: true, weight: true, rate: true, score: true },
      rows: [
        fundsRow(s, 5, 'total', '年度资金总额', [154.74, 154.74, 149.7], true),
        fundsRow(s, 6, 'basic', '基本支出', [122.94, 122.94, 117.9]),
        fundsRow(s, 7, 'project', '项目支出', [31.8, 31.8, 31.8]),
      ],
    },
    goals: {
      expected: fig('做好网络意识形态、网络安全和信息化各项工作', s, 'B9'),
      actual: fig('1.全县网络舆情态势总体平稳。\n2.网络生态环境安全稳定。', s, 'D9'),
    },
    indicatorHeaderRef: ref(s, 'A11'),
    hasWeightColumn: true,
    indicators: list,
    level1Weights: [],
    totals: {
      labelRef: ref(s, 'A19'),
      weight: fig<number | null>(100, s, 'F19'),
      score: fig<number | null>(98, s, 'G19'),
      grade: fig('优', s, 'G20'),
    },
    missing: [],
  };
}

export function projectTable(sheet: string, name: string, amount: number, executed = amount): Table {
  const { list } = indicators(sheet, 10, [
    { l1: '产出指标', l2: '数量指标', name: `${name}任务数`, target: '≥12期', actual: '12期', w: 50, s: 50, computed: 50 },
    { l1: '效益指标', l2: '社会效益指标', name: `${name}社会效益`, target: '有所提升', actual: '有所提升', w: 30, s: 30 },
    { l1: '满意度指标', l2: '服务对象满意度指标', name: `${name}满意度`, target: '≥90%', actual: '95%', w: 10, s: 10, computed: 10 },
  ]);
  return {
    kind: 'project',
    sheet,
    title: '项目支出绩效自评表',
    titleRef: ref(sheet, 'A1'),
    year: fig(2025, sheet, 'A2'),
    name: fig(name, sheet, 'B3'),
    competentDept: fig('井陉县委网信办', sheet, 'B4'),
    implementer: fig('井陉县委网信办', sheet, 'E4'),
    funds: {
      headerRef: ref(sheet, 'A5'),
      unit: '万元',
      columns: { initial: true, adjusted: true, executed: true, weight: true, rate: true, score: true },
      rows: [fundsRow(sheet, 6, 'total', '年度资金总额', [amount, amount, executed], true)],
    },
    goals: { expected: fig(`完成${name}年度任务`, sheet, 'B8'), actual: fig(`${name}年度任务已完成`, sheet, 'D8') },
    indicatorHeaderRef: ref(sheet, 'A9'),
    hasWeightColumn: true,
    indicators: list,
    level1Weights: [],
    totals: { labelRef: ref(sheet, 'A13'), weight: fig<number | null>(100, sheet, 'F13'), score: fig<number | null>(100, sheet, 'G13') },
    missing: [],
  };
}

export const PROJECT_1 = '2025年网络舆情监测等工作经费';
export const PROJECT_2 = '2025年网络综合治理工作经费';

function resultFor(t: Table, specs?: IndSpec[]): TableResult {
  const total = t.funds!.rows.find((r) => r.kind === 'total')!;
  const adj = total.adjusted!.value as number;
  const exe = total.executed!.value as number;
  const rate = exe / adj;
  const execScore = Math.min(rate, 1) * 10;
  const inds: IndicatorResult[] = t.indicators.map((indicator, i) => {
    const sp = specs?.[i];
    const quantitative = indicator.target.value.kind === 'number' && indicator.actual.value.kind === 'number';
    const computed = sp ? sp.computed : quantitative ? (indicator.score!.value as number) : undefined;
    return {
      indicator,
      quantitative: computed !== undefined,
      computedScore: computed,
      tier: computed === undefined ? sp?.tier ?? '达成' : undefined,
    };
  });
  const sum = inds.reduce((a, r) => a + (r.computedScore ?? (r.indicator.score!.value as number)), 0);
  const computedTotal = sum + execScore;
  const grade = computedTotal >= 90 ? '优' : computedTotal >= 80 ? '良' : computedTotal >= 60 ? '中' : '差';
  return {
    table: t,
    executionRate: rate,
    executionScore: execScore,
    execWeight: 10,
    indicators: inds,
    statedTotal: t.totals?.score?.value ?? undefined,
    computedTotal,
    statedGrade: (t.totals?.grade?.value as TableResult['statedGrade']) ?? undefined,
    computedGrade: grade,
  };
}

export interface Fixture {
  read: ReadResult;
  check: CheckResult;
  profile: Profile;
  findings: Finding[];
}

/** The seed-like department workbook: 基本情况, a department table and two project tables. */
export function seedFixture(): Fixture {
  const dept = deptTable();
  const p1 = projectTable('项目1', PROJECT_1, 25);
  const p2 = projectTable('项目2', PROJECT_2, 6.8);
  const read: ReadResult = { basic: basicInfo(), tables: [dept, p1, p2], findings: [] };
  const check: CheckResult = { results: [resultFor(dept, DEPT_INDICATORS), resultFor(p1), resultFor(p2)], findings: [] };
  return { read, check, profile: HEBEI, findings: [] };
}

/** The same without 基本情况 (a table as a department published it). */
export function noBasicFixture(): Fixture {
  const f = seedFixture();
  f.read.basic = undefined;
  return f;
}

/** Only project tables (no department table); project 2 is not fully executed. */
export function projectOnlyFixture(withBasic = false): Fixture {
  const p1 = projectTable('项目1', PROJECT_1, 25);
  const p2 = projectTable('项目2', PROJECT_2, 6.8, 6.12);
  const read: ReadResult = { basic: withBasic ? basicInfo() : undefined, tables: [p1, p2], findings: [] };
  const check: CheckResult = { results: [resultFor(p1), resultFor(p2)], findings: [] };
  return { read, check, profile: HEBEI, findings: [] };
}

export function finding(severity: Finding['severity'], sheet: string, cell: string, message: string, rule: Finding['rule'] = 'score.recomputed'): Finding {
  return { rule, severity, sheet, cell, message };
}

/** Every Ref held anywhere in a ReadResult, as 'sheet!cell'. */
export function refsOf(read: ReadResult): Set<string> {
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (o: unknown) => {
    if (o === null || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    const r = o as Record<string, unknown>;
    if (typeof r.sheet === 'string' && typeof r.cell === 'string') out.add(`${r.sheet}!${r.cell}`);
    for (const v of Object.values(r)) walk(v);
  };
  walk(read);
  return out;
}
