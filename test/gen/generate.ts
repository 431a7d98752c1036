// Random VALID workbooks for the property tests (issue 4): fast-check arbitraries for a
// department table, 0–30 project tables and 3–40 indicators each (three is the least that can
// fill the three level-1 groups of a profile), either built-in profile, values of every kind
// of workbook.md §4, and scores computed by ./reference (not by src/core/score.ts).
// Then drift options for the layout. And defects to plant, one at a time.

import fc from 'fast-check';
import type { IndicatorModel, LayoutOptions, TableModel, WorkbookModel, FundsRowModel } from '../../src/core/template';
import { GRADE_BOUNDARIES, REF_PROFILES, r2, refBand, refExecution, refGrade, refScore, type GenValue, type RefProfileId, type Tier } from './reference';

// ------------------------------------------------------------------ values

const UNITS = ['篇', '条', '家', '期', '个', '次', '人次', '场', '份', '名', '项', '户', '台'];
const TIER_WORDS_DONE = ['达成', '完成', '达到预期', '平稳', '及时', '达成预期指标'];
const QUAL_TARGETS = ['及时', '平稳', '达到预期', '有所提升', '效果明显', '达成预期指标'];
const QUAL_NEUTRAL = ['有所提升', '效果明显'];

export interface GenIndicator {
  target: GenValue;
  actual: GenValue;
  /** Set when the table has a 完成档次 column and the indicator is qualitative. */
  tier?: Tier;
  /** Where the score falls in a qualitative band, 0..1. */
  bandPos: number;
  /** The actual overshoots the target by 30 % or more (needs a 偏差原因). */
  over: boolean;
}

function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

function withSep(n: number): string {
  return fmt(n).replace(/^(\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
}

const GE_FORMS: [string, 'ge' | 'gt', boolean][] = [
  // [prefix or suffix marker, comparator, isSuffix]
  ['≥', 'ge', false],
  ['≧', 'ge', false],
  ['>=', 'ge', false],
  ['不低于', 'ge', false],
  ['不少于', 'ge', false],
  ['至少', 'ge', false],
  ['以上', 'ge', true],
  ['＞', 'gt', false],
  ['>', 'gt', false],
  ['大于', 'gt', false],
  ['高于', 'gt', false],
];
const LE_FORMS: [string, 'le' | 'lt', boolean][] = [
  ['≤', 'le', false],
  ['≦', 'le', false],
  ['<=', 'le', false],
  ['不高于', 'le', false],
  ['不超过', 'le', false],
  ['以内', 'le', true],
  ['以下', 'le', true],
  ['<', 'lt', false],
  ['小于', 'lt', false],
  ['低于', 'lt', false],
];
const EQ_FORMS = ['=', '＝', ''];

/** How a number is written: plain, with thousands separators, or with the 万 scale. */
type NumStyle = 'plain' | 'sep' | 'wan';

const CN_DIGITS = '〇一二三四五六七八九';
/** d × 10^k (d 1–9, k 0–4) in Chinese numerals (三, 三十, 三百, 三千, 三万); null otherwise. */
export function cnNumber(n: number): string | null {
  if (!Number.isInteger(n) || n <= 0) return null;
  const units = ['', '十', '百', '千', '万'];
  for (let k = 0; k < units.length; k++) {
    const d = n / 10 ** k;
    if (Number.isInteger(d) && d >= 1 && d <= 9) return (k === 1 && d === 1 ? '' : CN_DIGITS[d]) + units[k];
  }
  return null;
}

function numText(n: number, unit: string, style: NumStyle): string {
  if (style === 'wan' && n % 10000 === 0 && n > 0 && unit !== '%') return `${n / 10000}万${unit}`;
  if (style === 'sep' && n >= 1000) return withSep(n) + unit;
  return fmt(n) + unit;
}

const arbUnit = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...UNITS) }, { weight: 3, arbitrary: fc.constant('%') }, { weight: 1, arbitrary: fc.constant('万元') });

/** A "nice" target number for a unit. */
function arbTargetNumber(unit: string): fc.Arbitrary<number> {
  if (unit === '%') return fc.oneof(fc.integer({ min: 50, max: 100 }), fc.constantFrom(85.5, 92.5, 97.5));
  if (unit === '万元') return fc.integer({ min: 100, max: 50000 }).map((c) => c / 100);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 500 }) },
    { weight: 2, arbitrary: fc.constantFrom(10, 12, 20, 50, 100, 200, 500, 1000, 2000, 5000) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }).map((k) => k * 10000) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 99999 }) },
  );
}

/** Rounds an actual to the granularity its unit is written with. */
function grain(unit: string, x: number): number {
  if (unit === '%') return Math.round(x * 10) / 10;
  if (unit === '万元') return Math.round(x * 100) / 100;
  return Math.round(x);
}

const arbQuant: fc.Arbitrary<GenIndicator> = fc
  .record({
    unit: arbUnit,
    family: fc.constantFrom('ge', 'ge', 'eq', 'le', 'range'),
    form: fc.nat(100),
    outcome: fc.constantFrom('met', 'met', 'met', 'exact', 'short', 'over'),
    ratio: fc.double({ min: 0, max: 1, noNaN: true }),
    style: fc.constantFrom<NumStyle>('plain', 'plain', 'sep', 'wan'),
    cn: fc.nat(7),
    approx: fc.constantFrom('', '', '', '余', '多', '约', '超', '近'),
    actualNoUnit: fc.nat(9),
  })
  .chain((g) => arbTargetNumber(g.unit).map((A) => ({ ...g, A })))
  .map((g): GenIndicator => {
    const { unit, A } = g;
    const dropUnit = g.actualNoUnit === 0 && unit !== '%' && unit !== '万元';
    if (g.family === 'range' || (g.family !== 'le' && unit === '%' && g.form % 5 === 0 && A <= 95)) {
      // A percent range L–H.
      const L = unit === '%' ? Math.min(A, 95) : A;
      const H = unit === '%' ? Math.min(100, L + 1 + (g.form % 10)) : L * 2;
      const sep = g.form % 2 ? '-' : '~';
      const tText = unit === '%' ? `${fmt(L)}%${sep}${fmt(H)}%` : `${fmt(L)}${sep}${fmt(H)}${unit}`;
      let B: number;
      if (g.outcome === 'short') B = grain(unit, L * (0.5 + 0.49 * g.ratio));
      else if (g.outcome === 'over' && unit !== '%') B = grain(unit, H * (1.05 + g.ratio));
      else B = grain(unit, L + (H - L) * g.ratio);
      if (B <= 0) B = L;
      const target: GenValue = { kind: 'num', cmp: 'range', low: L, high: H, unit, approx: false, text: tText };
      const actual: GenValue = { kind: 'num', cmp: 'eq', low: B, unit, approx: false, text: fmt(B) + unit };
      return { target, actual, bandPos: 1, over: false };
    }
    if (g.family === 'le') {
      const [mark, cmp, suffix] = LE_FORMS[g.form % LE_FORMS.length];
      const zero = g.form % 13 === 0 && unit !== '%' && unit !== '万元';
      const At = zero ? 0 : A;
      const tText = suffix ? numText(At, unit, 'plain') + mark : mark + numText(At, unit, 'plain');
      let B: number;
      if (zero) B = g.outcome === 'short' ? 1 + Math.floor(g.ratio * 5) : 0;
      else if (g.outcome === 'short' || g.outcome === 'over') B = grain(unit, At * (1.05 + g.ratio));
      else B = grain(unit, At * (cmp === 'lt' ? 0.2 + 0.7 * g.ratio : 0.2 + 0.8 * g.ratio));
      if (unit === '%' && B > 100) B = 100;
      if (cmp === 'lt' && B >= At && !zero && g.outcome !== 'short' && g.outcome !== 'over') B = 0;
      const target: GenValue = { kind: 'num', cmp, low: At, unit, approx: false, text: tText };
      const actual: GenValue = { kind: 'num', cmp: 'eq', low: B, unit: dropUnit ? '' : unit, approx: false, text: fmt(B) + (dropUnit ? '' : unit) };
      return { target, actual, bandPos: 1, over: false };
    }
    // at least / exactly
    let cmp: 'ge' | 'gt' | 'eq';
    let tText: string;
    const style: NumStyle = unit === '%' || unit === '万元' ? 'plain' : g.style;
    if (g.family === 'eq') {
      const mark = EQ_FORMS[g.form % EQ_FORMS.length];
      cmp = 'eq';
      tText = mark + numText(A, unit, style);
    } else {
      const [mark, c, suffix] = GE_FORMS[g.form % GE_FORMS.length];
      cmp = c;
      tText = suffix ? numText(A, unit, style) + mark : mark + numText(A, unit, style);
    }
    let B: number;
    if (g.outcome === 'exact') B = A;
    else if (g.outcome === 'met') B = grain(unit, A * (1 + 0.25 * g.ratio));
    else if (g.outcome === 'over') B = grain(unit, A * (1.35 + g.ratio));
    else B = grain(unit, A * (0.3 + 0.65 * g.ratio));
    if (unit === '%' && B > 100) B = 100;
    if (B >= A && cmp === 'gt' && B === A) B = grain(unit, A + (unit === '%' ? 0.1 : 1));
    if (unit === '%' && B > 100) {
      cmp = 'ge';
      tText = '≥' + numText(A, unit, 'plain');
      B = Math.min(100, Math.max(B, A));
    }
    if (B < A && B <= 0) B = grain(unit, A / 2) || A;
    // Approximate actuals: 余/多/超 only for whole counts written plainly.
    const approx = unit !== '%' && unit !== '万元' && Number.isInteger(B) && B >= 10 ? g.approx : '';
    const bStyle: NumStyle = style === 'wan' && B % 10000 === 0 ? 'wan' : style === 'sep' ? 'sep' : 'plain';
    const core = numText(B, dropUnit ? '' : unit, bStyle);
    let aText: string;
    if (approx === '余' || approx === '多') {
      aText = bStyle === 'wan' ? `${B / 10000}万${approx}${dropUnit ? '' : unit}` : `${bStyle === 'sep' ? withSep(B) : fmt(B)}${approx}${dropUnit ? '' : unit}`;
    } else if (approx) aText = approx + core;
    else if (g.cn === 0 && !dropUnit && unit !== '%' && unit !== '万元' && cnNumber(B)) aText = cnNumber(B)! + unit;
    else aText = core;
    const target: GenValue = { kind: 'num', cmp, low: A, unit, approx: false, text: tText };
    const actual: GenValue = {
      kind: 'num',
      cmp: 'eq',
      low: B,
      unit: dropUnit ? '' : unit,
      approx: approx !== '',
      more: approx === '余' || approx === '多' || approx === '超',
      text: aText,
    };
    return { target, actual, bandPos: 1, over: B >= 1.3 * A };
  });

const arbDate: fc.Arbitrary<GenIndicator> = fc
  .record({ m: fc.integer({ min: 2, max: 12 }), d: fc.integer({ min: 1, max: 11 }), year: fc.boolean(), form: fc.nat(3), aform: fc.nat(1) })
  .map(({ m, d, year, form, aform }) => {
    const m2 = Math.max(1, m - d);
    const Y = 2025;
    const last = (mm: number) => [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1];
    const tText = year ? `${Y}年${m}月${form % 2 ? '底' : ''}前` : `${m}月${form % 2 ? '底' : ''}前`;
    const aText = year ? `${Y}年${m2}月` : `${m2}月${aform ? '底' : ''}`;
    const yy = year ? Y : 0;
    return {
      target: { kind: 'date', cmp: 'le', ymd: yy * 10000 + m * 100 + last(m), text: tText },
      actual: { kind: 'date', cmp: 'eq', ymd: yy * 10000 + m2 * 100 + last(m2), text: aText },
      bandPos: 1,
      over: false,
    };
  });

/** Qualitative; `tierColumn` says whether the table has a 完成档次 column. */
function arbQual(tierColumn: boolean): fc.Arbitrary<GenIndicator> {
  return fc
    .record({
      t: fc.constantFrom(...QUAL_TARGETS),
      tier: tierColumn ? fc.constantFrom<Tier>('达成', '达成', '部分达成', '未达成') : fc.constant<Tier>('达成'),
      word: fc.constantFrom(...TIER_WORDS_DONE),
      neutral: fc.constantFrom(...QUAL_NEUTRAL),
      bandPos: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    })
    .map(({ t, tier, word, neutral, bandPos }) => ({
      target: { kind: 'qual', text: t },
      actual: tier === '达成' ? { kind: 'qual', text: word, tier: '达成' } : { kind: 'qual', text: neutral },
      tier: tierColumn ? tier : undefined,
      bandPos,
      over: false,
    }));
}

function arbIndicatorValues(tierColumn: boolean): fc.Arbitrary<GenIndicator> {
  return fc.oneof({ weight: 7, arbitrary: arbQuant }, { weight: 2, arbitrary: arbQual(tierColumn) }, { weight: 1, arbitrary: arbDate });
}

// ------------------------------------------------------------------ tables

const STEMS = ['宣传报道', '网站巡查', '舆情监测', '培训人次', '整改完成', '设备采购', '道路维修', '补贴发放', '资料印发', '活动开展', '信息报送', '受益群众', '办件办结', '检查覆盖', '服务对象'];
const LEVEL2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};
const SHORT_DEV = ['受客观因素影响未完成年度目标，下一年度加强推进。', '进度滞后，下一年度提前谋划。', '完成值偏低，将查找原因加以改进。'];
const OVER_DEV = '实际需求增加，超出年初计划，下一年度合理设定目标。';

/** Splits `total` into k positive parts in steps of 0.5, proportional to `shares`. */
export function splitWeights(total: number, shares: number[]): number[] {
  const units = Math.round(total * 2);
  const k = shares.length;
  const free = units - k;
  const sum = shares.reduce((a, b) => a + b, 0) || 1;
  const raw = shares.map((s) => (s / sum) * free);
  const base = raw.map(Math.floor);
  let rest = free - base.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    base[i]++;
    rest--;
  }
  return base.map((u) => (u + 1) / 2);
}

export interface GenTable {
  model: TableModel;
  values: GenIndicator[];
  /** Exact (unrounded) total the grade was given from. */
  exactTotal: number;
}

interface FundsDraft {
  /** In cents of 万元. */
  initial: number;
  adjusted: number;
  executed: number;
}

function arbGroupSizes(): fc.Arbitrary<[number, number, number]> {
  const small = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 }));
  const big = fc.tuple(fc.integer({ min: 1, max: 22 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 3 }));
  return fc.oneof({ weight: 5, arbitrary: small }, { weight: 1, arbitrary: big });
}

interface TableDraft {
  sizes: [number, number, number];
  tierColumn: boolean;
  values: GenIndicator[];
  shares: number[];
  level2: number[];
  stems: number[];
  declareL1: boolean;
  grade: number;
  devPick: number;
}

function arbTableDraft(): fc.Arbitrary<TableDraft> {
  return fc.record({ sizes: arbGroupSizes(), tierColumn: fc.boolean() }).chain(({ sizes, tierColumn }) => {
    const n = sizes[0] + sizes[1] + sizes[2];
    return fc.record({
      sizes: fc.constant(sizes),
      tierColumn: fc.constant(tierColumn),
      values: fc.array(arbIndicatorValues(tierColumn), { minLength: n, maxLength: n }),
      shares: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      level2: fc.array(fc.nat(3), { minLength: n, maxLength: n }),
      stems: fc.array(fc.nat(STEMS.length - 1), { minLength: n, maxLength: n }),
      declareL1: fc.boolean(),
      grade: fc.nat(1),
      devPick: fc.nat(2),
    });
  });
}

const GRADE_WORDS: Record<string, [string, string]> = { 优: ['优', '优秀'], 良: ['良', '良好'], 中: ['中', '中等'], 差: ['差', '较差'] };

/** Builds the indicators of a table from a draft and the profile; returns the indicators and their exact scores. */
function buildIndicators(d: TableDraft, profile: RefProfileId): { indicators: IndicatorModel[]; values: GenIndicator[]; exact: number[] } {
  const p = REF_PROFILES[profile];
  const groups: ('产出指标' | '效益指标' | '满意度指标')[] = ['产出指标', '效益指标', '满意度指标'];
  const indicators: IndicatorModel[] = [];
  const values: GenIndicator[] = [];
  const exact: number[] = [];
  let k = 0;
  groups.forEach((g, gi) => {
    const size = d.sizes[gi];
    const idx = Array.from({ length: size }, (_, j) => k + j);
    const weights = splitWeights(p.level1[g], idx.map((i) => d.shares[i]));
    // level-2 names, in standard order so that runs are contiguous
    const l2 = idx.map((i) => LEVEL2[g][d.level2[i] % LEVEL2[g].length]);
    const order = idx.map((_, j) => j).sort((a, b) => LEVEL2[g].indexOf(l2[a]) - LEVEL2[g].indexOf(l2[b]) || a - b);
    for (const j of order) {
      const i = idx[j];
      const v = d.values[i];
      const w = weights[j];
      let s = refScore(v.target, v.actual, w);
      if (s === null) {
        const tier: Tier = v.tier ?? '达成';
        const [lo, hi] = refBand(tier, w);
        // Keep clear of the band edges: 2 % of w inside.
        const a = lo + 0.02 * w;
        const b = tier === '达成' ? hi : hi - 0.02 * w;
        s = v.bandPos === 1 && tier === '达成' ? w : r2(a + (b - a) * v.bandPos);
        if (tier === '未达成' && s < 0) s = 0;
      }
      const stated = r2(s);
      const ind: IndicatorModel = {
        level1: g,
        level2: l2[j],
        name: `${STEMS[d.stems[i]]}${indicators.length + 1}`,
        target: v.target.text,
        actual: v.actual.text,
        weight: w,
        score: stated,
      };
      if (stated < w) ind.deviation = SHORT_DEV[(d.devPick + i) % SHORT_DEV.length];
      else if (v.over) ind.deviation = OVER_DEV;
      if (v.tier) ind.tier = v.tier;
      indicators.push(ind);
      values.push(v);
      exact.push(s);
    }
    k += size;
  });
  return { indicators, values, exact };
}

function centsToWan(c: number): number {
  return Math.round(c) / 100;
}

function arbFunds(): fc.Arbitrary<{ adjusted: number; initialDelta: number; rate: number; carry: number; other: number; otherRow: boolean }> {
  return fc.record({
    adjusted: fc.integer({ min: 100, max: 200000 }),
    initialDelta: fc.oneof(fc.constant(0), fc.integer({ min: -50, max: 50 })),
    rate: fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 1, noNaN: true })),
    carry: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.3, noNaN: true })),
    other: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.2, noNaN: true })),
    otherRow: fc.boolean(),
  });
}

/** The source rows (当年财政拨款 / 上年结转资金 / 其他资金) of a total, split by fractions. */
function sourceRows(t: FundsDraft, carry: number, other: number, otherRow: boolean): FundsRowModel[] {
  const part = (x: number, f: number) => Math.floor(x * f);
  const c = { initial: part(t.initial, carry), adjusted: part(t.adjusted, carry), executed: part(t.executed, carry) };
  const o = { initial: part(t.initial, other), adjusted: part(t.adjusted, other), executed: part(t.executed, other) };
  const rows: FundsRowModel[] = [
    {
      label: '其中：当年财政拨款',
      initial: centsToWan(t.initial - c.initial - o.initial),
      adjusted: centsToWan(t.adjusted - c.adjusted - o.adjusted),
      executed: centsToWan(t.executed - c.executed - o.executed),
    },
    { label: '上年结转资金', initial: centsToWan(c.initial), adjusted: centsToWan(c.adjusted), executed: centsToWan(c.executed) },
  ];
  if (other > 0) rows.push({ label: '其他资金', initial: centsToWan(o.initial), adjusted: centsToWan(o.adjusted), executed: centsToWan(o.executed) });
  else if (otherRow) rows.push({ label: '其他资金' });
  return rows;
}

function finishTable(
  kind: 'department' | 'project',
  name: string,
  year: number,
  d: TableDraft,
  profile: RefProfileId,
  total: FundsDraft,
  components: FundsRowModel[],
  unit: '万元' | '元',
): GenTable {
  const { indicators, values, exact } = buildIndicators(d, profile);
  const p = REF_PROFILES[profile];
  const ex = refExecution(total.adjusted, total.executed, p.execWeight);
  const execScore = r2(ex.score);
  const statedSum = indicators.reduce((a, i) => a + (i.score ?? 0), 0);
  const exactTotal = exact.reduce((a, b) => a + b, 0) + ex.score;
  const totalScore = r2(statedSum + execScore);
  const g = refGrade(exactTotal);
  const scale = unit === '元' ? 10000 : 1;
  const conv = (v: FundsRowModel['initial']) => (typeof v === 'number' ? Math.round(v * scale * 100) / 100 : v);
  const rows: FundsRowModel[] = [
    {
      label: '年度资金总额',
      initial: conv(centsToWan(total.initial)),
      adjusted: conv(centsToWan(total.adjusted)),
      executed: conv(centsToWan(total.executed)),
      weight: p.execWeight,
      rate: ex.rate,
      score: execScore,
    },
    ...components.map((r) => ({ ...r, initial: conv(r.initial), adjusted: conv(r.adjusted), executed: conv(r.executed) })),
  ];
  const model: TableModel = {
    kind,
    name,
    year,
    funds: { unit, rows },
    goals: { expected: `${name}年度目标：按计划完成各项任务。`, actual: `${name}全年任务基本完成。` },
    indicators,
    totalWeight: 100,
    totalScore,
    grade: GRADE_WORDS[g][d.grade],
  };
  if (kind === 'project') {
    model.competentDept = '某县某局';
    model.implementer = '某县某中心';
  }
  if (d.declareL1) model.level1Weights = { ...p.level1 };
  return { model, values, exactTotal };
}

export interface GenWorkbook {
  profile: RefProfileId;
  model: WorkbookModel;
  /** tables[i] of the model -> its generated values. */
  tables: GenTable[];
}

const DEPARTMENTS = ['某县财政局', '某县委网信办', '某县教育局', '某县交通运输局', '某县农业农村局'];

export function arbWorkbook(): fc.Arbitrary<GenWorkbook> {
  const arbProject = fc.record({ draft: arbTableDraft(), funds: arbFunds(), yuan: fc.nat(9) });
  const projectCount = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) });
  return fc
    .record({
      profile: fc.constantFrom<RefProfileId>('mof-2020', 'hebei-county'),
      alias: fc.nat(4),
      year: fc.integer({ min: 2020, max: 2026 }),
      dept: fc.nat(DEPARTMENTS.length - 1),
      hasDepartment: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      hasBasic: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      deptDraft: arbTableDraft(),
      deptFunds: arbFunds(),
      yuan: fc.nat(9),
      projects: projectCount.chain((n) => fc.array(arbProject, { minLength: n, maxLength: n })),
      team: fc.integer({ min: 0, max: 4 }),
      assets: fc.record({ fixed: fc.integer({ min: 0, max: 100000 }), intangible: fc.integer({ min: 0, max: 10000 }), extra: fc.integer({ min: 0, max: 5000 }) }),
    })
    .filter((w) => w.hasDepartment || w.projects.length > 0)
    .map((w): GenWorkbook => {
      const tables: GenTable[] = [];
      const projTotals: FundsDraft[] = [];
      const projectTables = w.projects.map((p, i) => {
        const adjusted = p.funds.adjusted;
        const initial = Math.max(1, adjusted + p.funds.initialDelta);
        const executed = Math.round(adjusted * p.funds.rate);
        const t: FundsDraft = { initial, adjusted, executed };
        projTotals.push(t);
        const comps = sourceRows(t, p.funds.carry, p.funds.other, p.funds.otherRow);
        return finishTable('project', `项目${i + 1}工作经费`, w.year, p.draft, w.profile, t, comps, p.yuan === 0 ? '元' : '万元');
      });
      if (w.hasDepartment) {
        const f = w.deptFunds;
        const proj: FundsDraft = {
          initial: projTotals.reduce((a, t) => a + t.initial, 0),
          adjusted: projTotals.reduce((a, t) => a + t.adjusted, 0),
          executed: projTotals.reduce((a, t) => a + t.executed, 0),
        };
        const basic: FundsDraft = { adjusted: f.adjusted, initial: Math.max(1, f.adjusted + f.initialDelta), executed: Math.round(f.adjusted * f.rate) };
        const total: FundsDraft = { initial: basic.initial + proj.initial, adjusted: basic.adjusted + proj.adjusted, executed: basic.executed + proj.executed };
        const comps: FundsRowModel[] = [
          { label: '基本支出', initial: centsToWan(basic.initial), adjusted: centsToWan(basic.adjusted), executed: centsToWan(basic.executed) },
          { label: '项目支出', initial: centsToWan(proj.initial), adjusted: centsToWan(proj.adjusted), executed: centsToWan(proj.executed) },
          ...sourceRows(total, f.carry, f.other, f.otherRow),
        ];
        tables.push(finishTable('department', DEPARTMENTS[w.dept], w.year, w.deptDraft, w.profile, total, comps, w.yuan === 0 ? '元' : '万元'));
      }
      tables.push(...projectTables);
      const model: WorkbookModel = { tables: tables.map((t) => t.model) };
      if (w.hasBasic) {
        const dept = tables.find((t) => t.model.kind === 'department');
        const fields: Record<string, string | number> = {
          部门职责: '负责本行业的规划、管理和服务工作。',
          机构设置: '内设办公室、业务股等3个股室。',
          行政编制: 8,
          事业编制: 6,
          实有人数: 12,
          资产总额: centsToWan(w.assets.fixed + w.assets.intangible + w.assets.extra),
          固定资产: centsToWan(w.assets.fixed),
          无形资产: centsToWan(w.assets.intangible),
          上年结转: 0,
          评价依据: '《项目支出绩效评价管理办法》（财预〔2020〕10号）',
          年度工作完成情况: '完成年度各项工作任务。\n群众满意度进一步提高。',
          自评组织工作: '成立自评小组，逐项核对。',
          存在问题: '预算执行进度有待加快。',
          改进措施: '加强预算执行管理。',
          权重方案: REF_PROFILES[w.profile].aliases[w.alias % REF_PROFILES[w.profile].aliases.length],
        };
        if (dept) {
          const row = dept.model.funds.rows[0];
          const scale = dept.model.funds.unit === '元' ? 10000 : 1;
          fields['年初预算收入'] = Math.round(((row.initial as number) / scale) * 100) / 100;
          fields['决算收入'] = Math.round(((row.executed as number) / scale) * 100) / 100;
        }
        model.basic = {
          department: DEPARTMENTS[w.dept],
          year: w.year,
          fields,
          team: Array.from({ length: w.team }, (_, i) => ({ name: `组员${'甲乙丙丁'[i]}`, unit: DEPARTMENTS[w.dept], post: i === 0 ? '局长' : '科员', title: i === 1 ? '会计师' : '无' })),
        };
      }
      return { profile: w.profile, model, tables };
    })
    .filter((gw) => gw.tables.every((t) => GRADE_BOUNDARIES.every((b) => Math.abs(t.exactTotal - b) > 0.3)));
}

// ------------------------------------------------------------------ layout drift

export interface GenLayout {
  opts: LayoutOptions;
  /** A permutation applied to the grid's sheets (sheet order carries no meaning). */
  shuffle: number;
}

export function arbLayout(): fc.Arbitrary<GenLayout> {
  return fc.record({
    opts: fc.record(
      {
        origin: fc.constantFrom('A1', 'B2', 'C3', 'A4', 'D1', 'B7'),
        levelCells: fc.constantFrom<'merged' | 'blank' | 'repeated'>('merged', 'blank', 'repeated'),
        numbersAsText: fc.boolean(),
        fullWidthDigits: fc.boolean(),
        rateForm: fc.constantFrom<'fraction' | 'percent' | 'text'>('fraction', 'percent', 'text'),
        headerSynonyms: fc.oneof(fc.constant(false), fc.integer({ min: 1, max: 10000 })),
        extraBlankRows: fc.boolean(),
        labelSpaces: fc.boolean(),
        twoRowHeader: fc.boolean(),
        weightBeforeTarget: fc.boolean(),
        inlineHeadValues: fc.boolean(),
        hiddenColumn: fc.boolean(),
        extraSheets: fc.integer({ min: 0, max: 2 }),
        numberedNames: fc.constantFrom<'colon' | 'dot'>('colon', 'dot'),
        gradePlace: fc.constantFrom<'row' | 'totals' | 'end'>('row', 'totals', 'end'),
        levelVariants: fc.boolean(),
        noYearLine: fc.boolean(),
        thousandsSep: fc.boolean(),
        formulas: fc.boolean(),
        fundsColumns: fc.constantFrom<'standard' | 'noInitial' | 'weightInHeader'>('standard', 'standard', 'noInitial', 'weightInHeader'),
        noWeightColumn: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        sheetNames: fc.constantFrom<string[] | undefined>(undefined, Array.from({ length: 40 }, (_, i) => `Sheet${i + 2}`), Array.from({ length: 40 }, (_, i) => `表${i + 1}`)),
      },
      { requiredKeys: [] },
    ),
    shuffle: fc.nat(1000),
  });
}

/**
 * The model a layout writes: without a 分值 column the weights can only stand on the
 * level-1 cells, so every table then declares them.
 */
export function layoutModel(gw: GenWorkbook, opts: LayoutOptions): WorkbookModel {
  if (!opts.noWeightColumn) return gw.model;
  return { ...gw.model, tables: gw.model.tables.map((t) => ({ ...t, level1Weights: { ...REF_PROFILES[gw.profile].level1 } })) };
}

/** Deterministic shuffle of an array by a seed. */
export function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
