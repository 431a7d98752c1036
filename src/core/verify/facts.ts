// The workbook's figures a written report is checked against: the figures of 基本情况
// (ev.read.basic), the figures the generated report uses (ev.report.figures, each with its
// cell) and the check results (recomputed
// execution rates, totals and grades; every indicator's target, actual, weight and score).

import type { Evaluation } from '../engine';
import type { BasicInfo, Fig, FigureUse, Grade, Profile, Reading, Ref, Table, TableResult } from '../types';
import { parseReading } from '../value';
import type { FigureClass } from './types';

export interface Fact {
  /** The words the figure is about, e.g. '全年执行数', '推送重要讲话及理论文章'. */
  label: string;
  cls: Exclude<FigureClass, 'year'>;
  /** Amounts in 万元, rates in percent points, counts and scores as they are; 0 for a grade. */
  value: number;
  /** Count unit (normalised), or the grade letter. */
  unit: string;
  approx: boolean;
  more: boolean;
  ref: Ref;
  /** The table the fact belongs to, when known. */
  table?: Table;
  role?: 'total' | 'grade' | 'actual' | 'target';
}

/** Count units that name the same thing. */
const SAME_UNIT: Record<string, string> = { 项: '个', 个单位: '个', 名: '人', 万人次: '人次' };

export function normCountUnit(u: string): string {
  return SAME_UNIT[u] ?? u;
}

/** A reading as a fact's class and value; undefined for what is not a figure (qualitative, unitless, dates). */
export function classify(r: Reading): { cls: Fact['cls']; value: number; unit: string } | undefined {
  if (r.kind !== 'number' || r.low === undefined || !Number.isFinite(r.low)) return undefined;
  const u = r.unit;
  if (u === '万元') return { cls: 'amount', value: r.low, unit: u };
  if (u === '元') return { cls: 'amount', value: r.low / 1e4, unit: u };
  if (u === '亿元') return { cls: 'amount', value: r.low * 1e4, unit: u };
  if (u === '%') return { cls: 'rate', value: r.low, unit: u };
  if (u === '分') return { cls: 'score', value: r.low, unit: u };
  if (u === '' || u === 'date') return undefined;
  return { cls: 'count', value: r.low, unit: normCountUnit(u) };
}

/** A label without the bracketed notes the report adds: （重算）, （填报）, （表中声明）. */
function cleanLabel(label: string): string {
  return label.replace(/[（(][^）)]*[）)]/g, '').replace(/：(完成值|指标值)$/, '').trim();
}

function fromFigureUse(f: FigureUse): Fact | undefined {
  const label = cleanLabel(f.label);
  if (/评价等级/.test(f.label) && typeof f.value === 'string' && /^[优良中差]$/.test(f.value))
    return { label, cls: 'grade', value: 0, unit: f.value, approx: false, more: false, ref: f.ref, role: 'grade' };
  if (/执行率/.test(f.label) && !/得分|分值/.test(f.label) && typeof f.value === 'number')
    return { label, cls: 'rate', value: f.value * 100, unit: '%', approx: false, more: false, ref: f.ref };
  const r = parseReading(f.display);
  const c = classify(r);
  if (!c) return undefined;
  const value = typeof f.value === 'number' && c.cls !== 'count' ? f.value : c.value;
  const role = /：完成值$/.test(f.label) ? 'actual' : /：指标值$/.test(f.label) ? 'target' : /总分/.test(f.label) ? 'total' : undefined;
  return { label, cls: c.cls, value, unit: c.unit, approx: r.approx, more: r.more === true, ref: f.ref, role };
}

function num(x: { value: number | null } | undefined): number | undefined {
  return x && typeof x.value === 'number' && Number.isFinite(x.value) ? x.value : undefined;
}

const ROW_WORD: Record<string, string> = { total: '', basic: '基本支出', project: '项目支出', appropriation: '当年财政拨款', carryover: '上年结转', special: '专项资金', other: '其他资金' };

/** The name a table's figures are prefixed with: the project's name; '' for the department table. */
export function tableScope(t: Table): string {
  return t.kind === 'project' ? (t.name?.value ?? '').trim() : '';
}

function tableFacts(res: TableResult): Fact[] {
  const t = res.table;
  const pre = tableScope(t);
  const out: Fact[] = [];
  // funds, totals and grades are named with their project; indicators by their own names
  const add = (label: string, cls: Fact['cls'], value: number | undefined, ref: Ref | undefined, extra: Partial<Fact> = {}, own = false) => {
    if (value === undefined || !Number.isFinite(value) || !ref) return;
    out.push({ label: own ? label : pre + label, cls, value, unit: cls === 'rate' ? '%' : cls === 'score' ? '分' : '万元', approx: false, more: false, ref, table: t, ...extra });
  };
  for (const row of t.funds?.rows ?? []) {
    const w = ROW_WORD[row.kind] ?? row.label;
    add(`${w}年初预算数`, 'amount', num(row.initial), row.initial?.ref);
    add(`${w}全年预算数`, 'amount', num(row.adjusted), row.adjusted?.ref);
    add(`${w}全年执行数`, 'amount', num(row.executed), row.executed?.ref);
    if (row.kind === 'total') add('预算执行率分值', 'score', num(row.weight), row.weight?.ref);
  }
  const total = t.funds?.rows.find((r) => r.kind === 'total');
  const rateRef = total?.rate?.ref ?? total?.executed?.ref;
  add('执行率', 'rate', res.executionRate === undefined ? undefined : res.executionRate * 100, rateRef);
  add('执行率得分', 'score', res.executionScore, total?.score?.ref ?? rateRef);
  const totalRef = t.totals?.score?.ref ?? t.totals?.labelRef;
  add('总分', 'score', res.computedTotal, totalRef, { role: 'total' });
  add('总分值', 'score', num(t.totals?.weight), t.totals?.weight?.ref);
  if (res.computedGrade) out.push({ label: pre + '评价等级', cls: 'grade', value: 0, unit: res.computedGrade as Grade, approx: false, more: false, ref: t.totals?.grade?.ref ?? totalRef ?? t.titleRef, table: t, role: 'grade' });
  for (const w of t.level1Weights) add(`${w.name}分值`, 'score', w.weight, w.ref, {}, true);
  for (const ir of res.indicators) {
    const ind = ir.indicator;
    for (const [fig, role] of [[ind.actual, 'actual'], [ind.target, 'target']] as const) {
      const c = classify(fig.value);
      if (c) out.push({ label: ind.name, cls: c.cls, value: c.value, unit: c.unit, approx: fig.value.approx, more: fig.value.more === true, ref: fig.ref, table: t, role });
    }
    add(`${ind.name}分值`, 'score', num(ind.weight), ind.weight?.ref, {}, true);
    add(`${ind.name}得分`, 'score', ir.computedScore ?? num(ind.score), ind.score?.ref ?? ind.nameRef, {}, true);
  }
  return out;
}

/** The figures of sheet 基本情况: posts, assets and the department's budget. */
function basicFacts(basic: BasicInfo | undefined): Fact[] {
  if (!basic) return [];
  const out: Fact[] = [];
  const add = (label: string, fig: Fig<number> | undefined, cls: Fact['cls'], unit: string) => {
    const v = fig && typeof fig.value === 'number' && Number.isFinite(fig.value) ? fig.value : undefined;
    if (v !== undefined && fig) out.push({ label, cls, value: v, unit, approx: false, more: false, ref: fig.ref });
  };
  add('行政编制', basic.adminPosts, 'count', '人');
  add('事业编制', basic.institutionPosts, 'count', '人');
  add('实有人数', basic.staff, 'count', '人');
  add('资产总额', basic.assets, 'amount', '万元');
  add('固定资产', basic.fixedAssets, 'amount', '万元');
  add('无形资产', basic.intangibleAssets, 'amount', '万元');
  add('年初预算收入', basic.budgetIncome, 'amount', '万元');
  add('决算收入', basic.finalIncome, 'amount', '万元');
  add('上年结转', basic.carryover, 'amount', '万元');
  return out;
}

/** The weights of the profile used (a report names its 权重方案's level-1 weights); they have no cell. */
function profileFacts(p: Profile): Fact[] {
  const noCell = { sheet: '', cell: '' };
  const f = (label: string, value: number): Fact => ({ label, cls: 'score', value, unit: '分', approx: false, more: false, ref: noCell });
  return [...Object.entries(p.level1).map(([name, w]) => f(`${name}分值`, w)), f('预算执行率指标分值', p.execWeight)];
}

/** Every figure of the workbook a report may state. */
export function factsOf(ev: Evaluation): Fact[] {
  const out: Fact[] = [...basicFacts(ev.read.basic), ...profileFacts(ev.profile)];
  for (const f of ev.report.figures) {
    const x = fromFigureUse(f);
    if (x) out.push(x);
  }
  for (const res of ev.check.results) out.push(...tableFacts(res));
  return out;
}
