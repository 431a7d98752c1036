// runChecks on hand-built ReadResult objects: the columns and shapes the standard builder does not
// produce (指标性质, 度量单位, weights only on level-1 cells, header weights), and robustness.

import { runChecks, saysMissed, RULE_SEVERITY } from '../../src/core/check';
import { parseComparator } from '../../src/core/value';
import { level1Of, level2Of } from '../../src/core/labels';
import { BUILTIN_PROFILES } from '../../src/core/profiles';
import { parseReading } from '../../src/core/value';
import { buildWorkbook, standardModel } from './helpers/standard';
import { readWorkbook } from '../../src/core/read';
import type { Fig, FundsRow, Indicator, Profile, ReadResult, RuleId, Table } from '../../src/core/types';

const [mof, hebei] = BUILTIN_PROFILES;
const S = '表';

let row = 10;
const ref = (cell: string) => ({ sheet: S, cell });
const fig = <T>(value: T, cell: string, text?: string): Fig<T> => (text === undefined ? { value, ref: ref(cell) } : { value, ref: ref(cell), text });

function ind(p: {
  l1?: string;
  l2?: string;
  name: string;
  target: string;
  actual: string;
  weight?: number | null;
  score?: number | null;
  deviation?: string;
  tier?: string;
  comparator?: string;
  unit?: string;
}): Indicator {
  const r = row++;
  const i: Indicator = {
    level1: p.l1 ?? '产出指标',
    level1Ref: ref(`A${r}`),
    level2: p.l2 ?? '数量指标',
    level2Ref: ref(`B${r}`),
    name: p.name,
    nameRef: ref(`C${r}`),
    target: fig(parseReading(p.target), `D${r}`),
    actual: fig(parseReading(p.actual), `E${r}`),
  };
  if (p.weight !== undefined) i.weight = fig(p.weight, `F${r}`);
  if (p.score !== undefined) i.score = fig(p.score, `G${r}`);
  if (p.deviation !== undefined) i.deviation = fig(p.deviation, `H${r}`);
  if (p.tier !== undefined) i.tier = fig(p.tier, `I${r}`);
  if (p.comparator !== undefined) i.comparator = fig(p.comparator, `J${r}`);
  if (p.unit !== undefined) i.unit = fig(p.unit, `K${r}`);
  return i;
}

function fundsRow(kind: FundsRow['kind'], r: number, v: { initial?: number | null; adjusted?: number | null; executed?: number | null; weight?: number | null; rate?: number | null; decimals?: number; score?: number | null }): FundsRow {
  const f: FundsRow = { kind, label: kind, labelRef: ref(`A${r}`) };
  if (v.initial !== undefined) f.initial = fig(v.initial, `B${r}`);
  if (v.adjusted !== undefined) f.adjusted = fig(v.adjusted, `C${r}`);
  if (v.executed !== undefined) f.executed = fig(v.executed, `D${r}`);
  if (v.weight !== undefined) f.weight = fig(v.weight, `E${r}`);
  if (v.rate !== undefined) f.rate = { ...fig(v.rate, `F${r}`), decimals: v.decimals };
  if (v.score !== undefined) f.score = fig(v.score, `G${r}`);
  return f;
}

function table(p: Partial<Table> & { indicators: Indicator[] }): Table {
  return {
    kind: 'project',
    sheet: S,
    title: '项目支出绩效自评表',
    titleRef: ref('A1'),
    hasWeightColumn: true,
    level1Weights: [],
    missing: [],
    ...p,
  };
}

const read = (...tables: Table[]): ReadResult => ({ tables, findings: [] });
const rules = (r: { findings: { rule: RuleId }[] }) => r.findings.map((f) => f.rule);
const at = (r: { findings: { rule: RuleId; cell: string }[] }, rule: RuleId) => r.findings.filter((f) => f.rule === rule).map((f) => f.cell);

describe('severities', () => {
  test('as in rules.md §3', () => {
    const errors: RuleId[] = ['weight.total', 'weight.nonpositive', 'score.range', 'score.recomputed', 'score.total', 'score.grade', 'exec.rate', 'exec.score', 'exec.zero_budget', 'funds.components', 'funds.conflict', 'indicator.value_missing'];
    const infos: RuleId[] = ['indicator.level_unknown'];
    for (const [rule, sev] of Object.entries(RULE_SEVERITY)) {
      expect(sev).toBe(errors.includes(rule as RuleId) ? 'error' : infos.includes(rule as RuleId) ? 'info' : 'warning');
    }
    expect(Object.keys(RULE_SEVERITY).length).toBe(28);
  });
});

describe('度量单位 and 指标性质 columns', () => {
  test('a unit column applies to both values', () => {
    const i = ind({ name: '论文', target: '≥500', actual: '431', unit: '篇', weight: 10, score: 10, deviation: '投稿周期长' });
    const res = runChecks(read(table({ indicators: [i] })), hebei);
    expect(res.results[0].indicators[0].quantitative).toBe(true);
    expect(res.results[0].indicators[0].computedScore).toBeCloseTo(8.62, 10);
    expect(at(res, 'score.recomputed')).toEqual([i.score!.ref.cell]);
  });
  test('the unit column rules over units written in the values', () => {
    const i = ind({ name: '论文', target: '≥500篇', actual: '431条', unit: '篇', weight: 10, score: 8.62, deviation: '投稿周期长' });
    const res = runChecks(read(table({ indicators: [i] })), hebei);
    expect(rules(res)).not.toContain('indicator.unit_mismatch');
    expect(rules(res)).not.toContain('score.recomputed');
  });
  test('a 指标性质 ≤ turns a bare target into a reverse indicator', () => {
    const i = ind({ name: '投诉', target: '500', actual: '600', comparator: '≤', weight: 6, score: 6, deviation: '' });
    const res = runChecks(read(table({ indicators: [i] })), hebei);
    expect(res.results[0].indicators[0].computedScore).toBeCloseTo(5, 10);
    expect(at(res, 'score.recomputed')).toEqual([i.score!.ref.cell]);
    // the same indicator without the column is an at-least one: full marks are right
    const j = ind({ name: '投诉', target: '500', actual: '600', weight: 6, score: 6, deviation: '' });
    expect(rules(runChecks(read(table({ indicators: [j] })), hebei))).not.toContain('score.recomputed');
  });
  test('定性 keeps numbers out of the formula', () => {
    const i = ind({ name: '覆盖', target: '500', actual: '100', comparator: '定性', weight: 10, score: 10, tier: '达成' });
    const res = runChecks(read(table({ indicators: [i] })), hebei);
    expect(res.results[0].indicators[0].quantitative).toBe(false);
    expect(res.results[0].indicators[0].tier).toBe('达成');
    expect(rules(res).filter((x) => x.startsWith('score.') || x.startsWith('indicator.'))).toEqual([]);
  });
  test('parseComparator (指标性质)', () => {
    expect(parseComparator('≥')).toBe('ge');
    expect(parseComparator('＞')).toBe('gt');
    expect(parseComparator('＝')).toBe('eq');
    expect(parseComparator('≤')).toBe('le');
    expect(parseComparator('<')).toBe('lt');
    expect(parseComparator(' 定性 ')).toBe('qual');
    expect(parseComparator('?')).toBeUndefined();
    expect(parseComparator('')).toBeUndefined();
  });
});

describe('weights only on level-1 cells and in the funds header', () => {
  test('indicator checks that need a weight are skipped; a declared weight is compared with the profile', () => {
    const i1 = ind({ name: 'a', target: '≥10个', actual: '5个', score: 3 });
    const i2 = ind({ l1: '效益指标', l2: '社会效益指标', name: 'b', target: '≥10个', actual: '10个', score: 40 });
    const t = table({
      hasWeightColumn: false,
      indicators: [i1, i2],
      level1Weights: [
        { name: '产出指标', weight: 50, ref: ref('A30') },
        { name: '效益指标', weight: 40, ref: ref('A31') },
      ],
    });
    const res = runChecks(read(t), hebei);
    expect(rules(res)).toEqual(['weight.level1']);
    expect(at(res, 'weight.level1')).toEqual(['A30']);
    expect(res.results[0].indicators[0].quantitative).toBe(true);
    expect(res.results[0].indicators[0].computedScore).toBeUndefined();
    expect(res.results[0].computedTotal).toBe(43);
  });
  test('the funds header weight is w_exec when the block has no 分值 column', () => {
    const t = table({
      indicators: [],
      funds: {
        headerRef: ref('A5'),
        unit: '万元',
        columns: { initial: true, adjusted: true, executed: true, weight: false, rate: true, score: true },
        headerWeight: fig(20, 'A5'),
        rows: [fundsRow('total', 6, { initial: 10, adjusted: 10, executed: 5, rate: 0.5, decimals: 0, score: 10 })],
      },
    });
    const res = runChecks(read(t), hebei);
    expect(res.results[0].execWeight).toBe(20);
    expect(res.results[0].executionScore).toBeCloseTo(10, 10);
    expect(at(res, 'weight.execution')).toEqual(['A5']);
    expect(rules(res)).not.toContain('exec.score');
  });
});

describe('totals and grades', () => {
  const base = () => [
    ind({ name: 'a', target: '≥10个', actual: '10个', weight: 40, score: 40 }),
    ind({ l1: '效益指标', l2: '社会效益指标', name: 'b', target: '有所提升', actual: '明显提升', weight: 40, score: 32 }),
    ind({ l1: '满意度指标', l2: '服务对象满意度指标', name: 'c', target: '≥90%', actual: '92%', weight: 10, score: 10 }),
  ];
  const funds = (score: number | null, executed = 9.6) => ({
    headerRef: ref('A5'),
    unit: '万元' as const,
    columns: { initial: true, adjusted: true, executed: true, weight: true, rate: true, score: true },
    rows: [fundsRow('total', 6, { initial: 10, adjusted: 10, executed, weight: 10, rate: executed / 10, decimals: 2, score })],
  });
  test('a grade near a boundary is accepted within the score tolerance', () => {
    // 40 + 32 + 10 + 7.998 = 89.998: 良 by the formula, but within 0.05 of 90
    const t = table({ indicators: base(), funds: funds(8, 7.998), totals: { labelRef: ref('A40'), weight: fig(100, 'F40'), score: fig(90, 'G40'), grade: fig('优', 'H40') } });
    const res = runChecks(read(t), hebei);
    expect(rules(res)).toEqual([]);
    expect(res.results[0].statedGrade).toBe('优');
  });
  test('an unreadable grade is reported', () => {
    const t = table({ indicators: base(), funds: funds(9.6), totals: { labelRef: ref('A40'), score: fig(91.6, 'G40'), grade: fig('A+', 'H40') } });
    const res = runChecks(read(t), hebei);
    expect(at(res, 'score.grade')).toEqual(['H40']);
    expect(res.findings[0].expected).toBe('优');
  });
  test('without a computable rate the stated execution score enters the total', () => {
    const t = table({ indicators: base(), funds: funds(9.6, NaN), totals: { labelRef: ref('A40'), score: fig(91.6, 'G40') } });
    const res = runChecks(read(t), hebei);
    expect(res.results[0].executionRate).toBeUndefined();
    expect(res.results[0].computedTotal).toBeCloseTo(91.6, 10);
    expect(rules(res)).not.toContain('score.total');
  });
  test('score.total points at the 总分 score cell and names the figures', () => {
    const t = table({ indicators: base(), funds: funds(9.6), totals: { labelRef: ref('A40'), score: fig(95, 'G40') } });
    const res = runChecks(read(t), hebei);
    const f = res.findings.find((x) => x.rule === 'score.total')!;
    expect(f.cell).toBe('G40');
    expect(f.message).toContain('91.6');
    expect(f.message).toContain('95');
  });
  test('weight.total with no 总分 row points at the title', () => {
    const i = base();
    i[0].weight = fig(30, i[0].weight!.ref.cell);
    i[0].score = fig(30, i[0].score!.ref.cell);
    const res = runChecks(read(table({ indicators: i, funds: funds(9.6) })), hebei);
    expect(at(res, 'weight.total')).toEqual(['A1']);
  });
});

describe('Excel error values are skipped', () => {
  test('in weights, scores, values, amounts and rates', () => {
    const i = ind({ name: 'a', target: '≥10个', actual: '5个', weight: 10, score: 10, deviation: '' });
    i.weight = { value: null, ref: i.weight!.ref, error: '#REF!' };
    const j = ind({ name: 'b', target: '≥10个', actual: '5个', weight: 10, score: 10, deviation: '' });
    j.score = { value: null, ref: j.score!.ref, error: '#DIV/0!' };
    const k = ind({ name: 'c', target: '≥10个', actual: '', weight: 10, score: 10 });
    k.actual = { value: parseReading(''), ref: k.actual.ref, error: '#N/A' };
    const total = fundsRow('total', 6, { initial: 10, adjusted: 10, executed: 5, weight: 10, rate: null, score: 5 });
    total.rate = { value: null, ref: ref('F6'), error: '#VALUE!' };
    total.adjusted = { value: null, ref: ref('C6'), error: '#REF!' };
    const t = table({
      indicators: [i, j, k],
      funds: { headerRef: ref('A5'), unit: '万元', columns: { initial: true, adjusted: true, executed: true, weight: true, rate: true, score: true }, rows: [total] },
    });
    const res = runChecks(read(t), hebei);
    const cells = new Set(res.findings.map((f) => f.cell));
    for (const c of [i.weight.ref.cell, j.score.ref.cell, k.actual.ref.cell, 'F6', 'C6']) expect(cells.has(c)).toBe(false);
    expect(rules(res)).not.toContain('exec.zero_budget');
  });
});

describe('funds', () => {
  test('zero_budget with no 全年预算数 column points at the row label', () => {
    const t = table({
      indicators: [],
      funds: { headerRef: ref('A5'), unit: '万元', columns: { initial: true, adjusted: false, executed: true, weight: false, rate: false, score: false }, rows: [fundsRow('total', 6, { initial: 10, executed: 5 })] },
    });
    const res = runChecks(read(t), hebei);
    expect(at(res, 'exec.zero_budget')).toEqual(['A6']);
  });
  test('funds.projects is skipped when a project table has no 全年预算数', () => {
    const dept = table({
      kind: 'department',
      indicators: [],
      funds: {
        headerRef: ref('A5'),
        unit: '万元',
        columns: { initial: true, adjusted: true, executed: true, weight: false, rate: false, score: false },
        rows: [fundsRow('total', 6, { adjusted: 100, executed: 100 }), fundsRow('basic', 7, { adjusted: 60, executed: 60 }), fundsRow('project', 8, { adjusted: 40, executed: 40 })],
      },
    });
    const p1 = table({ sheet: 'p1', indicators: [], funds: { headerRef: ref('A5'), unit: '万元', columns: { initial: true, adjusted: true, executed: true, weight: false, rate: false, score: false }, rows: [fundsRow('total', 6, { adjusted: 30, executed: 30 })] } });
    const p2 = table({ sheet: 'p2', indicators: [] });
    expect(rules(runChecks(read(dept, p1, p2), hebei))).not.toContain('funds.projects');
    expect(at(runChecks(read(dept, p1), hebei), 'funds.projects')).toEqual(['C8']);
  });
  test('funds.unit needs at least three amounts to compare', () => {
    const t = table({
      indicators: [],
      funds: { headerRef: ref('A5'), unit: '万元', columns: { initial: false, adjusted: true, executed: true, weight: false, rate: false, score: false }, rows: [fundsRow('total', 6, { adjusted: 30000, executed: 3 })] },
    });
    expect(rules(runChecks(read(t), hebei))).not.toContain('funds.unit');
  });
});

describe('wording helpers', () => {
  test('saysMissed', () => {
    expect(saysMissed('工程进度滞后')).toBe(true);
    expect(saysMissed('资金不足，部分未完成')).toBe(true);
    expect(saysMissed('无滞后')).toBe(false);
    expect(saysMissed('不存在未完成情况')).toBe(false);
    expect(saysMissed('')).toBe(false);
    expect(saysMissed(undefined)).toBe(false);
  });
  test('level names', () => {
    expect(level1Of('产出指标（40分）')).toBe('产出指标');
    expect(level1Of('效果指标')).toBe('效益指标');
    expect(level1Of('效益 指标 等')).toBe('效益指标');
    expect(level1Of('满意度')).toBe('满意度指标');
    expect(level1Of('管理指标')).toBeUndefined();
    expect(level2Of('满意度指标')).toBe('服务对象满意度指标');
    expect(level2Of('数量')).toBe('数量指标');
    expect(level2Of('')).toBeUndefined();
  });
});

describe('robustness', () => {
  test('an empty read', () => {
    expect(runChecks({ tables: [], findings: [] }, mof)).toEqual({ results: [], findings: [] });
  });
  test('a table with nothing in it', () => {
    const res = runChecks(read(table({ indicators: [] })), mof);
    expect(res.findings).toEqual([]);
    expect(res.results[0].computedTotal).toBeUndefined();
  });
  test('pieces removed from a real read never make the checks throw', () => {
    const { grid } = buildWorkbook(standardModel());
    const strip: ((r: ReadResult) => void)[] = [
      (r) => r.tables.forEach((t) => delete (t as Partial<Table>).funds),
      (r) => r.tables.forEach((t) => delete (t as Partial<Table>).totals),
      (r) => r.tables.forEach((t) => delete (t as Partial<Table>).year),
      (r) => r.tables.forEach((t) => ((t as unknown as Record<string, unknown>).indicators = undefined)),
      (r) => r.tables.forEach((t) => ((t as unknown as Record<string, unknown>).level1Weights = undefined)),
      (r) => r.tables.forEach((t) => t.funds && ((t.funds as unknown as Record<string, unknown>).rows = undefined)),
      (r) => r.tables.forEach((t) => t.indicators.forEach((i) => ((i as unknown as Record<string, unknown>).target = undefined))),
      (r) => r.tables.forEach((t) => t.indicators.forEach((i) => ((i as unknown as Record<string, unknown>).actual = { ref: i.actual.ref }))),
      (r) => r.tables.forEach((t) => t.indicators.forEach((i) => ((i as unknown as Record<string, unknown>).name = undefined))),
      (r) => r.tables.forEach((t) => t.indicators.forEach((i) => ((i as unknown as Record<string, unknown>).level2Ref = undefined))),
      (r) => r.tables.forEach((t) => t.indicators.forEach((i) => i.score && ((i.score as unknown as Record<string, unknown>).ref = undefined))),
      (r) => r.tables.forEach((t) => t.funds?.rows.forEach((f) => ((f as unknown as Record<string, unknown>).label = undefined))),
      (r) => delete r.basic,
      (r) => r.basic && ((r.basic as unknown as Record<string, unknown>).year = { value: null, ref: r.basic.year?.ref }),
    ];
    for (const s of strip) {
      const r = readWorkbook(grid);
      // make the workbook wrong in many places first, so that every check has something to say
      r.tables.forEach((t) => t.indicators.forEach((i) => i.score && (i.score.value = (i.score.value ?? 0) + 3)));
      s(r);
      for (const p of [mof, hebei, { ...hebei, totalCap: [{ belowRate: 1.1, maxTotal: 50 }] } as Profile]) {
        const res = runChecks(r, p);
        for (const f of res.findings) {
          expect(typeof f.sheet).toBe('string');
          expect(typeof f.cell).toBe('string');
          expect(f.message).not.toMatch(/undefined|NaN/);
        }
      }
    }
  });
});
