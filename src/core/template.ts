// The standard workbook (workbook.md) as a model, and its layout as a Grid.
// Used by the sample, the blank template (插入标准模板) and the random generator of
// the property tests. The layout writes what the model says and computes nothing:
// a model with a wrong score lays out a workbook with a wrong score.

import { a1, areaA1, parseA1, type Area, type Cell, type Grid, type Sheet } from './grid';
import type { LayoutCell, SheetLayout } from './plan';
import { uniqueSheetName } from './layout';

// ---------------- the model ----------------

export interface IndicatorModel {
  level1: string;
  level2: string;
  name: string;
  target: string | number;
  actual: string | number;
  weight?: number;
  score?: number;
  deviation?: string;
  /** 完成档次: 达成 / 部分达成 / 未达成. A table where any indicator has one gets a 完成档次 column. */
  tier?: string;
}

export type Amount = number | string | null;

export interface FundsRowModel {
  label: string;
  initial?: Amount;
  adjusted?: Amount;
  executed?: Amount;
  weight?: number;
  /** A fraction (0.9674) is laid out per LayoutOptions.rateForm; a string is written as it is. */
  rate?: number | string;
  score?: number;
}

export interface TableModel {
  kind: 'department' | 'project';
  /** Default: `{name}{year}年度部门整体支出绩效自评表` / `{year}年度项目支出绩效自评表`. */
  title?: string;
  name: string;
  year: number;
  competentDept?: string;
  implementer?: string;
  funds: { unit?: '万元' | '元'; rows: FundsRowModel[] };
  goals?: { expected: string; actual: string };
  indicators: IndicatorModel[];
  /** Weights declared in the level-1 cells: `产出指标（40分）`. */
  level1Weights?: Record<string, number>;
  /** The 总分 row's 分值; default 100. */
  totalWeight?: number;
  totalScore?: number;
  grade?: string;
}

export interface BasicModel {
  department: string;
  year: number | string;
  /** Keyed by the labels of workbook.md §2 (e.g. '资产总额', '年度工作完成情况'). */
  fields?: Record<string, string | number>;
  team?: { name: string; unit: string; post: string; title: string; note?: string }[];
}

export interface WorkbookModel {
  basic?: BasicModel;
  tables: TableModel[];
}

/** Drift knobs; every one optional, the default is the plain standard layout. */
export interface LayoutOptions {
  /** Top-left of every table (and of 基本情况), e.g. 'C3'. Default A1. */
  origin?: string;
  /** Level-1/level-2 cells: merged down their group (default), written once with blanks below, or repeated on every row. */
  levelCells?: 'merged' | 'blank' | 'repeated';
  /** Amounts, weights, scores and totals written as text ('154.74'). */
  numbersAsText?: boolean;
  /** Digits of indicator targets and actuals written full-width (５００篇). */
  fullWidthDigits?: boolean;
  /** 执行率: a fraction with format 0.00% (default), a plain number of percent points (96.74), or text ('96.74%'). */
  rateForm?: 'fraction' | 'percent' | 'text';
  /** Use the synonyms of workbook.md for labels; a number seeds the choice among them. */
  headerSynonyms?: boolean | number;
  /** Blank rows between the blocks, a blank template line before the totals, a note row at the end. */
  extraBlankRows?: boolean;
  /** Spaces inside labels ('年初 预算数') and trailing colons on key labels. */
  labelSpaces?: boolean;
  /** The indicator header on two rows: `绩效指标` over 一级/二级/三级指标, the other labels merged down. */
  twoRowHeader?: boolean;
  /** 分值 before 年度指标值 in the indicator block. */
  weightBeforeTarget?: boolean;
  /** Sheet names for the tables, in order (default 部门整体, 项目1, 项目2 …). */
  sheetNames?: string[];
  /** Head values in the label's own cell after a colon (`项目名称：某项目`). */
  inlineHeadValues?: boolean;
  /** An extra, hidden 填报说明 column right of the indicator block. */
  hiddenColumn?: boolean;
  /** Unrelated sheets (说明, 附表…) added at the end. */
  extraSheets?: number;
  /** Level-3 names carry a numbering prefix: `指标1：` or `1.` (not part of the name). */
  numberedNames?: 'colon' | 'dot';
  /** Where the grade stands: its own 评价等级 row (default), label and value on the totals row, or alone at the totals row's right end. */
  gradePlace?: 'row' | 'totals' | 'end';
  /** Level names as some provinces write them: 效果指标 for 效益指标, a trailing 等, level-2 满意度指标. */
  levelVariants?: boolean;
  /** No （2025年度） line under the title (the title still holds the year). */
  noYearLine?: boolean;
  /** Amounts of 1000 and more as text with thousands separators ('1,547,400'); implies numbersAsText for them. */
  thousandsSep?: boolean;
  /** 执行率, the execution score and the totals as formula cells (with their cached values). */
  formulas?: boolean;
  /** Funds columns: all six (default); without 年初预算数; or without 分值, the weight then standing in the header's first cell (`预算执行情况（万元）（10分）`). */
  fundsColumns?: 'standard' | 'noInitial' | 'weightInHeader';
  /** No 分值 column in the indicator block: weights only on the level-1 cells (give level1Weights). */
  noWeightColumn?: boolean;
}

export type AddrMap = Record<string, { sheet: string; cell: string }>;

// ---------------- labels ----------------

/** Label -> its synonyms (workbook.md), first = the standard label. */
const SYN: Record<string, string[]> = {
  部门名称: ['部门名称', '单位名称', '部门'],
  项目名称: ['项目名称'],
  主管部门: ['主管部门'],
  实施单位: ['实施单位', '项目实施单位'],
  预算资金: ['预算资金', '项目资金', '资金情况'],
  年初预算数: ['年初预算数', '年初预算'],
  全年预算数: ['全年预算数', '调整后预算数', '全年预算数（A）', '预算数（A）'],
  全年执行数: ['全年执行数', '预算执行数', '全年执行数（B）', '执行数（B）'],
  资金分值: ['分值', '权重'],
  执行率: ['执行率', '预算执行率', '执行率（B/A）'],
  资金得分: ['得分'],
  年度资金总额: ['年度资金总额', '资金总额', '年度财政资金总额', '总额'],
  当年财政拨款: ['当年财政拨款', '本年财政拨款', '财政拨款', '财政资金'],
  上年结转资金: ['上年结转资金', '上年结转'],
  年度总体目标: ['年度总体目标', '年度绩效目标'],
  预期目标: ['预期目标', '年初设定目标', '项目年度目标'],
  实际完成情况: ['实际完成情况', '年度总体目标完成情况综述', '年度目标完成情况'],
  一级指标: ['一级指标'],
  二级指标: ['二级指标'],
  三级指标: ['三级指标', '指标名称'],
  年度指标值: ['年度指标值', '指标值', '年初指标值', '预期指标值', '年初目标值（A）'],
  实际完成值: ['实际完成值', '完成值', '全年实际值', '全年完成值', '实际完成值（B）'],
  分值: ['分值', '权重', '指标权重'],
  得分: ['得分', '指标得分', '自评得分'],
  偏差原因分析及改进措施: ['偏差原因分析及改进措施', '偏差原因', '未完成原因分析', '未完成原因及拟采取的改进措施'],
  完成档次: ['完成档次', '完成情况'],
  总分: ['总分', '合计', '自评总分'],
  评价等级: ['评价等级', '自评等级', '绩效等级'],
  评价工作组: ['评价工作组', '评价工作组人员名单'],
  // 基本情况 (部门 alone is a head label of tables only)
  基本部门名称: ['部门名称', '单位名称'],
  评价年度: ['评价年度', '年度'],
  部门职责: ['部门职责', '主要职责'],
  机构设置: ['机构设置', '组织机构'],
  年度工作完成情况: ['年度工作完成情况', '绩效目标完成情况'],
};

/** The fields of 基本情况 in the order of workbook.md §2 (部门名称 and 评价年度 come from BasicModel). */
export const BASIC_FIELDS = [
  '部门职责',
  '机构设置',
  '行政编制',
  '事业编制',
  '实有人数',
  '资产总额',
  '固定资产',
  '无形资产',
  '年初预算收入',
  '决算收入',
  '上年结转',
  '评价依据',
  '年度工作完成情况',
  '自评组织工作',
  '存在问题',
  '改进措施',
  '权重方案',
] as const;

/** Amount fields of 基本情况 (万元). */
const BASIC_AMOUNTS = new Set(['资产总额', '固定资产', '无形资产', '年初预算收入', '决算收入', '上年结转']);

/** The standard level-2 names per level-1 name (workbook.md §3.4). */
export const STANDARD_LEVELS: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FW_DIGITS = '０１２３４５６７８９';
function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => FW_DIGITS[Number(d)]);
}

/** Inserts a space after the first character of a label (for labels of two or more characters). */
function spaced(label: string, r: () => number): string {
  if (label.length < 3) return label;
  const at = 1 + Math.floor(r() * (Math.min(label.length, 4) - 1));
  return label.slice(0, at) + (r() < 0.5 ? ' ' : '　') + label.slice(at);
}

class Labeler {
  private pick: (() => number) | null;
  private space: (() => number) | null;
  constructor(opts: LayoutOptions) {
    const s = opts.headerSynonyms;
    this.pick = s === undefined || s === false ? null : rng(typeof s === 'number' ? s : 1);
    this.space = opts.labelSpaces ? rng(typeof s === 'number' ? s + 7 : 7) : null;
  }
  /** The label for a key, possibly a synonym, possibly spaced. */
  get(key: string, fallback?: string): string {
    const list = SYN[key];
    let label = fallback ?? (list ? list[0] : key);
    if (list && this.pick) label = list[Math.floor(this.pick() * list.length)];
    return this.space ? spaced(label, this.space) : label;
  }
  /** A label that takes no synonym (the model's own), possibly spaced. */
  plain(label: string): string {
    return this.space ? spaced(label, this.space) : label;
  }
}

/** The synonym key of a funds row label, if it is a standard one. */
function fundsKey(label: string): string | null {
  const l = label.replace(/^其中[：:]/, '').replace(/\s/g, '');
  if (['年度资金总额', '资金总额', '年度财政资金总额', '总额'].includes(l)) return '年度资金总额';
  if (['当年财政拨款', '本年财政拨款', '财政拨款', '财政资金'].includes(l)) return '当年财政拨款';
  if (['上年结转资金', '上年结转'].includes(l)) return '上年结转资金';
  return null;
}

// ---------------- a sheet under construction ----------------

class SheetWriter {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: Area[] = [];
  hidden: number[] = [];
  constructor(
    readonly name: string,
    readonly r0: number,
    readonly c0: number,
  ) {}
  /** Writes at (r, c) relative to the origin; returns the absolute A1 address. */
  set(r: number, c: number, cell: Cell | undefined): string {
    const R = this.r0 + r;
    const C = this.c0 + c;
    while (this.rows.length <= R) this.rows.push([]);
    this.rows[R][C] = cell;
    return a1(R, C);
  }
  addr(r: number, c: number): string {
    return a1(this.r0 + r, this.c0 + c);
  }
  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push({ r1: this.r0 + r1, c1: this.c0 + c1, r2: this.r0 + r2, c2: this.c0 + c2 });
  }
  sheet(): Sheet {
    const s: Sheet = { name: this.name, rows: this.rows.map((r) => r ?? []), merges: this.merges };
    if (this.hidden.length) s.hiddenColumns = this.hidden.map((c) => this.c0 + c);
    return s;
  }
}

const text = (s: string | undefined | null): Cell | undefined => (s === undefined || s === null || s === '' ? undefined : { value: s });

/** Marks a cell as a formula's cached result (numbers only). */
const formula = (c: Cell | undefined, on: boolean | undefined): Cell | undefined => (on && c && typeof c.value === 'number' ? { ...c, formula: true } : c);

function fmtNumber(n: number): string {
  // Shortest plain decimal form (no exponent for the magnitudes a workbook holds).
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1e10) / 1e10);
}

// ---------------- layout of one table ----------------

interface Ctx {
  opts: LayoutOptions;
  L: Labeler;
  addr: AddrMap;
  /** The model path prefix, e.g. 'tables.0'. */
  path: string;
  /** Template mode: labels only. */
  blank?: boolean;
}

function numCell(v: number | string | null | undefined, opts: LayoutOptions, format?: string): Cell | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return { value: v };
  if (opts.thousandsSep && Math.abs(v) >= 1000) return { value: fmtNumber(v).replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ',')) };
  if (opts.numbersAsText) return { value: fmtNumber(v) };
  return format ? { value: v, format } : { value: v };
}

function rateCell(v: number | string | undefined, opts: LayoutOptions): Cell | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') return { value: v };
  const form = opts.rateForm ?? 'fraction';
  if (form === 'percent') {
    const p = Math.round(v * 10000) / 100;
    return opts.numbersAsText ? { value: p.toFixed(2) } : { value: p, format: '0.00' };
  }
  if (form === 'text') return { value: `${(v * 100).toFixed(2)}%` };
  return opts.numbersAsText ? { value: `${(v * 100).toFixed(2)}%` } : { value: v, format: '0.00%' };
}

function valueCell(v: string | number, opts: LayoutOptions): Cell | undefined {
  if (v === '' || v === undefined || v === null) return undefined;
  if (typeof v === 'number') return opts.fullWidthDigits ? { value: toFullWidthDigits(fmtNumber(v)) } : { value: v };
  return { value: opts.fullWidthDigits ? toFullWidthDigits(v) : v };
}

/** Number of columns of the indicator block (and so of the table). */
function tableWidth(t: TableModel, opts: LayoutOptions): number {
  const hasTier = t.indicators.some((i) => i.tier);
  return 9 + (hasTier ? 1 : 0) - (opts.noWeightColumn ? 1 : 0);
}

/** The state of one table's layout: the writer, the table width and the current row. */
interface TableLayout {
  t: TableModel;
  ctx: Ctx;
  opts: LayoutOptions;
  L: Labeler;
  w: SheetWriter;
  /** Number of columns of the table. */
  W: number;
  /** The current row (relative to the origin). */
  r: number;
  /** Records the address of a model field. */
  at: (key: string, cell: string) => void;
}

/** Column positions of the indicator block's fields, and where the hidden column goes. */
interface IndicatorColumns {
  cols: Record<string, number>;
  hasTier: boolean;
  /** The hidden column. */
  HC: number;
}

function layoutTable(t: TableModel, sheetName: string, ctx: Ctx): Sheet {
  const { opts, L, addr, path } = ctx;
  const { r: r0, c: c0 } = opts.origin ? parseA1(opts.origin) : { r: 0, c: 0 };
  const w = new SheetWriter(sheetName, r0, c0);
  const at = (key: string, cell: string) => {
    addr[`${path}.${key}`] = { sheet: sheetName, cell };
  };
  const s: TableLayout = { t, ctx, opts, L, w, W: tableWidth(t, opts), r: 0, at };
  layoutTitle(s);
  blankRow(s);
  layoutHead(s);
  blankRow(s);
  layoutFunds(s);
  blankRow(s);
  layoutGoals(s);
  const ic = layoutIndicatorHeader(s);
  layoutIndicatorRows(s, ic);
  if (opts.extraBlankRows) {
    w.set(s.r, ic.cols.name, { value: '……' });
    s.r++;
  }
  layoutTotals(s, ic.cols);
  return w.sheet();
}

function blankRow(s: TableLayout): void {
  if (s.opts.extraBlankRows) s.r++;
}

/** Title and year line. */
function layoutTitle(s: TableLayout): void {
  const { t, ctx, opts, w, W, at } = s;
  const title =
    t.title ??
    (ctx.blank
      ? t.kind === 'department'
        ? '部门整体支出绩效自评表'
        : '项目支出绩效自评表'
      : t.kind === 'department'
        ? `${t.name}${t.year}年度部门整体支出绩效自评表`
        : `${t.year}年度项目支出绩效自评表`);
  at('title', w.set(s.r, 0, { value: title }));
  w.merge(s.r, 0, s.r, W - 1);
  s.r++;
  if (opts.noYearLine && !ctx.blank) at('year', w.addr(s.r - 1, 0));
  else {
    at('year', w.set(s.r, 0, { value: ctx.blank ? '（    年度）' : `（${t.year}年度）` }));
    w.merge(s.r, 0, s.r, W - 1);
    s.r++;
  }
}

/** Head: the table's name, and the competent department and implementer where given. */
function layoutHead(s: TableLayout): void {
  const { t, ctx, W } = s;
  layoutHeadField(s, t.kind === 'department' ? '部门名称' : '项目名称', ctx.blank ? undefined : t.name, 0, W - 1);
  s.r++;
  if (t.kind === 'project' || t.competentDept !== undefined || t.implementer !== undefined) {
    layoutHeadField(s, '主管部门', t.competentDept, 0, 3);
    layoutHeadField(s, '实施单位', t.implementer, 4, W - 5);
    s.r++;
  }
}

function layoutHeadField(s: TableLayout, key: string, value: string | undefined, c: number, span: number): void {
  const { opts, L, w, at, r } = s;
  const label = L.get(key);
  const field = key === '部门名称' || key === '项目名称' ? 'name' : key === '主管部门' ? 'competentDept' : 'implementer';
  if (opts.inlineHeadValues && value) {
    at(field, w.set(r, c, { value: `${label}：${value}` }));
    w.merge(r, c, r, c + span);
    return;
  }
  w.set(r, c, { value: label });
  const cell = w.set(r, c + 1, text(value));
  w.merge(r, c + 1, r, c + span);
  at(field, cell);
}

type FundKey = 'initial' | 'adjusted' | 'executed' | 'weight' | 'rate' | 'score';

/** Funds block: label in A:B, columns C..H. */
function layoutFunds(s: TableLayout): void {
  const fc = layoutFundsHeader(s);
  s.t.funds.rows.forEach((row, j) => layoutFundsRow(s, fc, row, j));
}

/** The funds block's header row; returns the column of each field shown. */
function layoutFundsHeader(s: TableLayout): Partial<Record<FundKey, number>> {
  const { t, opts, L, w, at, r } = s;
  const unit = t.funds.unit ?? '万元';
  const fv = opts.fundsColumns ?? 'standard';
  const headerWeight = t.funds.rows.find((x) => x.weight !== undefined)?.weight;
  if (fv === 'weightInHeader') {
    const cell = w.set(r, 0, { value: `预算执行情况（${unit}）` + (headerWeight !== undefined ? `（${fmtNumber(headerWeight)}分）` : '') });
    at('funds.header', cell);
    if (headerWeight !== undefined) at('funds.headerWeight', cell);
  } else at('funds.header', w.set(r, 0, { value: `${L.get('预算资金')}（${unit}）` }));
  w.merge(r, 0, r, 1);
  const fundKeys = (['initial', 'adjusted', 'executed', 'weight', 'rate', 'score'] as const).filter(
    (k) => !(fv === 'noInitial' && k === 'initial') && !(fv === 'weightInHeader' && k === 'weight'),
  );
  const fundLabel = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数', weight: '资金分值', rate: '执行率', score: '资金得分' };
  const fc: Partial<Record<FundKey, number>> = {};
  fundKeys.forEach((k, i) => {
    fc[k] = 2 + i;
    w.set(r, 2 + i, { value: L.get(fundLabel[k]) });
  });
  s.r++;
  return fc;
}

function layoutFundsRow(s: TableLayout, fc: Partial<Record<FundKey, number>>, row: TableModel['funds']['rows'][number], j: number): void {
  const { opts, L, w, at, r } = s;
  const key = fundsKey(row.label);
  let label = key ? L.get(key) : L.plain(row.label);
  if (/^其中[：:]/.test(row.label) && !/^其中/.test(label)) label = '其中：' + label;
  at(`funds.rows.${j}.label`, w.set(r, 0, { value: label }));
  w.merge(r, 0, r, 1);
  const put = (k: FundKey, cell: Cell | undefined) => {
    if (fc[k] !== undefined) at(`funds.rows.${j}.${k}`, w.set(r, fc[k]!, cell));
  };
  put('initial', numCell(row.initial, opts, '0.00'));
  put('adjusted', numCell(row.adjusted, opts, '0.00'));
  put('executed', numCell(row.executed, opts, '0.00'));
  put('weight', numCell(row.weight, opts));
  put('rate', formula(rateCell(row.rate, opts), opts.formulas));
  put('score', formula(numCell(row.score, opts, '0.00'), opts.formulas));
  s.r++;
}

/** Goals block (always in template mode). */
function layoutGoals(s: TableLayout): void {
  const { t, ctx, L, w, W, at } = s;
  if (!(t.goals || ctx.blank)) return;
  at('goals.label', w.set(s.r, 0, { value: L.get('年度总体目标') }));
  w.merge(s.r, 0, s.r + 1, 0);
  w.set(s.r, 1, { value: L.get('预期目标') });
  w.merge(s.r, 1, s.r, 4);
  w.set(s.r, 5, { value: L.get('实际完成情况') });
  w.merge(s.r, 5, s.r, W - 1);
  s.r++;
  at('goals.expected', w.set(s.r, 1, text(t.goals?.expected)));
  w.merge(s.r, 1, s.r, 4);
  at('goals.actual', w.set(s.r, 5, text(t.goals?.actual)));
  w.merge(s.r, 5, s.r, W - 1);
  s.r++;
  blankRow(s);
}

const indicatorHeadKeys: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  deviation: '偏差原因分析及改进措施',
  tier: '完成档次',
};

/** The indicator block's header (one or two rows) and the hidden column's head. */
function layoutIndicatorHeader(s: TableLayout): IndicatorColumns {
  const { t, opts, L, w, W, at } = s;
  const hasTier = t.indicators.some((i) => i.tier);
  // Column positions (relative) of each field.
  const order = opts.weightBeforeTarget
    ? ['level1', 'level2', 'name', 'weight', 'target', 'actual', 'score', 'deviation']
    : ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'];
  if (hasTier) order.push('tier');
  const cols: Record<string, number> = {};
  order.filter((k) => !(k === 'weight' && opts.noWeightColumn)).forEach((k, i) => (cols[k] = 1 + i));
  const hr = s.r;
  at('indicatorHeader', w.addr(hr, 0));
  if (opts.twoRowHeader) {
    const r = s.r;
    w.merge(r, 0, r + 1, 0);
    w.set(r, 1, { value: L.get('绩效指标', '绩效指标') });
    w.merge(r, 1, r, 3);
    for (const [k, c] of Object.entries(cols)) {
      if (k === 'level1' || k === 'level2' || k === 'name') w.set(r + 1, c, { value: L.get(indicatorHeadKeys[k]) });
      else {
        w.set(r, c, { value: L.get(indicatorHeadKeys[k]) });
        w.merge(r, c, r + 1, c);
      }
    }
    s.r += 2;
  } else {
    w.set(s.r, 0, { value: '绩效指标' });
    for (const [k, c] of Object.entries(cols)) w.set(s.r, c, { value: L.get(indicatorHeadKeys[k]) });
    s.r++;
  }
  // The hidden column stays clear of a grade written right of the totals row.
  const HC = opts.gradePlace === 'totals' ? W + 1 : W;
  if (opts.hiddenColumn) {
    w.set(hr, HC, { value: '填报说明' });
    w.hidden.push(HC);
  }
  return { cols, hasTier, HC };
}

function level1Label(s: TableLayout, name: string): string {
  const wgt = s.t.level1Weights?.[name];
  const shown = s.opts.levelVariants ? (name === '效益指标' ? '效果指标' : name === '产出指标' ? '产出指标等' : name) : name;
  return s.L.plain(shown) + (wgt !== undefined ? `（${fmtNumber(wgt)}分）` : '');
}

function level2Label(s: TableLayout, name: string): string {
  return s.L.plain(s.opts.levelVariants ? (name === '服务对象满意度指标' ? '满意度指标' : name === '数量指标' ? '数量指标等' : name) : name);
}

/** One row per indicator. */
function layoutIndicatorRows(s: TableLayout, ic: IndicatorColumns): void {
  s.t.indicators.forEach((ind, k) => {
    layoutLevelCells(s, ic.cols, ind, k);
    layoutIndicatorFields(s, ic, ind, k);
    s.r++;
  });
}

/** An indicator's level-1 and level-2 cells: written (and merged over their group) where a group starts. */
function layoutLevelCells(s: TableLayout, cols: Record<string, number>, ind: IndicatorModel, k: number): void {
  const { t, opts, w, at, r } = s;
  const mode = opts.levelCells ?? 'merged';
  const p = `indicators.${k}`;
  const prev = k > 0 ? t.indicators[k - 1] : undefined;
  const newL1 = !prev || prev.level1 !== ind.level1;
  const newL2 = newL1 || !prev || prev.level2 !== ind.level2;
  // Level-1 cell.
  if (newL1 || mode === 'repeated') w.set(r, cols.level1, text(level1Label(s, ind.level1)));
  if (newL1) {
    if (t.level1Weights?.[ind.level1] !== undefined) at(`level1Weights.${ind.level1}`, w.addr(r, cols.level1));
    let end = k;
    while (end + 1 < t.indicators.length && t.indicators[end + 1].level1 === ind.level1) end++;
    if (mode === 'merged') w.merge(r, cols.level1, r + (end - k), cols.level1);
  }
  // The reader reports the cell whose text it used: the group's first cell unless repeated.
  const l1Row = mode === 'repeated' ? r : r - (k - firstOf(t.indicators, k, 'level1'));
  at(`${p}.level1`, w.addr(l1Row, cols.level1));
  if (newL2 || mode === 'repeated') w.set(r, cols.level2, text(level2Label(s, ind.level2)));
  if (newL2) {
    let end = k;
    while (end + 1 < t.indicators.length && t.indicators[end + 1].level1 === ind.level1 && t.indicators[end + 1].level2 === ind.level2) end++;
    if (mode === 'merged') w.merge(r, cols.level2, r + (end - k), cols.level2);
  }
  const l2Row = mode === 'repeated' ? r : r - (k - firstOf(t.indicators, k, 'level2'));
  at(`${p}.level2`, w.addr(l2Row, cols.level2));
}

/** An indicator's own fields: name, target, actual, weight, score, deviation, tier. */
function layoutIndicatorFields(s: TableLayout, ic: IndicatorColumns, ind: IndicatorModel, k: number): void {
  const { opts, w, at, r } = s;
  const { cols, hasTier, HC } = ic;
  const p = `indicators.${k}`;
  const prefix = !ind.name ? '' : opts.numberedNames === 'colon' ? `指标${k + 1}：` : opts.numberedNames === 'dot' ? `${k + 1}.` : '';
  at(`${p}.name`, w.set(r, cols.name, text(ind.name && prefix + ind.name)));
  at(`${p}.target`, w.set(r, cols.target, valueCell(ind.target, opts)));
  at(`${p}.actual`, w.set(r, cols.actual, valueCell(ind.actual, opts)));
  if (cols.weight !== undefined) at(`${p}.weight`, w.set(r, cols.weight, numCell(ind.weight, opts)));
  at(`${p}.score`, w.set(r, cols.score, numCell(ind.score, opts, '0.00')));
  at(`${p}.deviation`, w.set(r, cols.deviation, text(ind.deviation)));
  if (hasTier) at(`${p}.tier`, w.set(r, cols.tier, text(ind.tier)));
  if (opts.hiddenColumn && k % 3 === 0) w.set(r, HC, { value: '已核对' });
}

/** Totals and grade (and the closing note with extra blank rows). */
function layoutTotals(s: TableLayout, cols: Record<string, number>): void {
  const { t, ctx, opts, L, w, W, at } = s;
  let r = s.r;
  at('totals.label', w.set(r, 0, { value: L.get('总分') }));
  w.merge(r, 0, r, Math.min(cols.weight ?? cols.score, cols.score) - 1);
  if (cols.weight !== undefined) at('totalWeight', w.set(r, cols.weight, formula(numCell(ctx.blank ? undefined : (t.totalWeight ?? 100), opts), opts.formulas)));
  at('totalScore', w.set(r, cols.score, formula(numCell(t.totalScore, opts, '0.00'), opts.formulas)));
  const place = ctx.blank ? 'row' : (opts.gradePlace ?? 'row');
  if (place === 'totals') {
    at('grade.label', w.set(r, W - 1, { value: L.get('评价等级') }));
    at('grade', w.set(r, W, text(t.grade)));
  } else if (place === 'end') {
    at('grade', w.set(r, W - 1, text(t.grade)));
  }
  r++;
  if (place === 'row') {
    at('grade.label', w.set(r, 0, { value: L.get('评价等级') }));
    at('grade', w.set(r, 1, text(t.grade)));
    w.merge(r, 1, r, 3);
    r++;
  }
  if (opts.extraBlankRows) {
    r++;
    w.set(r, 0, { value: '注：得分保留两位小数，填报人对所填内容的真实性负责。' });
    w.merge(r, 0, r, W - 1);
    r++;
  }
  s.r = r;
}

/** Index of the first indicator of k's level group (level1, or level1+level2). */
function firstOf(list: IndicatorModel[], k: number, level: 'level1' | 'level2'): number {
  let i = k;
  while (i > 0 && list[i - 1].level1 === list[k].level1 && (level === 'level1' || list[i - 1].level2 === list[k].level2)) i--;
  return i;
}

// ---------------- 基本情况 ----------------

function layoutBasic(b: BasicModel, ctx: Omit<Ctx, 'path'>, sheetName = '基本情况'): Sheet {
  const { opts, L, addr } = ctx;
  const { r: r0, c: c0 } = opts.origin ? parseA1(opts.origin) : { r: 0, c: 0 };
  const w = new SheetWriter(sheetName, r0, c0);
  const at = (key: string, cell: string) => {
    addr[`basic.${key}`] = { sheet: sheetName, cell };
  };
  let r = 0;
  w.set(r, 0, { value: '部门基本情况' });
  w.merge(r, 0, r, 4);
  r++;
  if (opts.extraBlankRows) r++;
  const colon = opts.labelSpaces ? '：' : '';
  const kv = (key: string, value: string | number | undefined, path: string, amount: boolean) => {
    if (opts.inlineHeadValues && value !== undefined && value !== '') {
      at(path, w.set(r, 0, { value: `${L.get(key)}：${typeof value === 'number' ? fmtNumber(value) : value}` }));
      w.merge(r, 0, r, 4);
      r++;
      return;
    }
    w.set(r, 0, { value: L.get(key) + colon });
    // Thousands separators are for amounts only (a year is never written 2,025).
    const cell = typeof value === 'number' ? (amount ? numCell(value, opts, '0.00') : numCell(value, { ...opts, thousandsSep: false })) : text(value);
    if (cell && typeof cell.value === 'string' && cell.value.includes('\n')) cell.format = '@';
    at(path, w.set(r, 1, cell));
    w.merge(r, 1, r, 4);
    r++;
  };
  kv('基本部门名称', ctx.blank ? undefined : b.department, 'department', false);
  kv('评价年度', ctx.blank ? undefined : b.year, 'year', false);
  const fields = b.fields ?? {};
  const keys = [...BASIC_FIELDS.filter((k) => ctx.blank || k in fields), ...Object.keys(fields).filter((k) => !(BASIC_FIELDS as readonly string[]).includes(k))];
  for (const k of keys) kv(k, fields[k], `fields.${k}`, BASIC_AMOUNTS.has(k));
  r++; // the team follows after an empty row
  at('team.label', w.set(r, 0, { value: L.get('评价工作组') }));
  w.merge(r, 0, r, 4);
  r++;
  at('team.header', w.addr(r, 0));
  ['姓名', '工作单位', '职务', '职称', '备注'].forEach((h, i) => w.set(r, i, { value: h }));
  r++;
  (b.team ?? []).forEach((m, i) => {
    at(`team.${i}.name`, w.set(r, 0, text(m.name)));
    at(`team.${i}.unit`, w.set(r, 1, text(m.unit)));
    at(`team.${i}.post`, w.set(r, 2, text(m.post)));
    at(`team.${i}.title`, w.set(r, 3, text(m.title)));
    at(`team.${i}.note`, w.set(r, 4, text(m.note)));
    r++;
  });
  return w.sheet();
}

function extraSheet(i: number): Sheet {
  const w = new SheetWriter(i === 0 ? '说明' : `附表${i}`, 0, 0);
  if (i === 0) {
    w.set(0, 0, { value: '填表说明' });
    w.set(1, 0, { value: '一、本工作簿由财政局统一下发，请按要求填写。' });
    w.set(2, 0, { value: '二、请于规定时间内报送电子版和纸质版。' });
  } else {
    w.set(0, 0, { value: '资产明细' });
    w.set(1, 0, { value: '名称' });
    w.set(1, 1, { value: '数量' });
    w.set(2, 0, { value: '办公电脑' });
    w.set(2, 1, { value: 6 + i });
    w.set(3, 0, { value: '打印机' });
    w.set(3, 1, { value: 2 });
  }
  return w.sheet();
}

// ---------------- public ----------------

/** Default sheet names: 部门整体 for the department table, 项目1, 项目2 … for project tables. */
export function defaultSheetNames(model: WorkbookModel): string[] {
  let p = 0;
  return model.tables.map((t) => (t.kind === 'department' ? '部门整体' : `项目${++p}`));
}

/**
 * Lays the model out in the standard layout (workbook.md): 基本情况 first (when the model
 * has one), then one sheet per table. Returns the grid and, for every figure, the address
 * it was written to, keyed by model path ('tables.0.indicators.3.score', 'basic.fields.资产总额',
 * 'tables.1.funds.rows.0.rate', 'tables.0.totalScore', 'tables.0.level1Weights.产出指标' …).
 * Addresses are recorded for empty cells too (where a value would stand).
 */
export function layoutWorkbook(model: WorkbookModel, opts: LayoutOptions = {}): { grid: Grid; addr: AddrMap } {
  return layoutInternal(model, opts, false);
}

function layoutInternal(model: WorkbookModel, opts: LayoutOptions, blank: boolean): { grid: Grid; addr: AddrMap } {
  const addr: AddrMap = {};
  const L = new Labeler(opts);
  const sheets: Sheet[] = [];
  if (model.basic) sheets.push(layoutBasic(model.basic, { opts, L, addr, blank }));
  const defaults = defaultSheetNames(model);
  const names = model.tables.map((_, i) => opts.sheetNames?.[i] ?? defaults[i]);
  model.tables.forEach((t, i) => sheets.push(layoutTable(t, names[i], { opts, L, addr, path: `tables.${i}`, blank })));
  for (let i = 0; i < (opts.extraSheets ?? 0); i++) sheets.push(extraSheet(i));
  return { grid: { sheets }, addr };
}


/** The blank model of the standard template: labels, the standard level names, no values. */
function blankModel(): WorkbookModel {
  const indicators: IndicatorModel[] = [];
  for (const [l1, l2s] of Object.entries(STANDARD_LEVELS))
    for (const l2 of l2s) indicators.push({ level1: l1, level2: l2, name: '', target: '', actual: '' });
  const funds = (kind: 'department' | 'project') => ({
    unit: '万元' as const,
    rows: [
      { label: '年度资金总额' },
      ...(kind === 'department' ? [{ label: '基本支出' }, { label: '项目支出' }] : []),
      { label: '其中：当年财政拨款' },
      { label: '上年结转资金' },
      { label: '其他资金' },
    ],
  });
  const table = (kind: 'department' | 'project'): TableModel => ({
    kind,
    name: '',
    year: 0,
    ...(kind === 'project' ? { competentDept: '', implementer: '' } : {}),
    funds: funds(kind),
    goals: { expected: '', actual: '' },
    indicators,
  });
  return {
    basic: { department: '', year: '', fields: {}, team: [] },
    tables: [table('department'), table('project')],
  };
}

/**
 * The standard template for 插入标准模板: 基本情况, a department table and one project table,
 * labels only with empty value cells, as SheetLayouts ready for a host to add. Sheet names
 * are made unique against `existingSheetNames`.
 */
export function templateLayouts(existingSheetNames: string[]): SheetLayout[] {
  const { grid } = layoutInternal(blankModel(), {}, true);
  const taken = [...existingSheetNames];
  const base = ['基本情况', '部门整体', '项目1'];
  return grid.sheets.map((s, i) => {
    const name = uniqueSheetName(taken, base[i]);
    taken.push(name);
    return sheetToLayout({ ...s, name });
  });
}

/** Display width of a text in Excel character units (CJK counts double). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** A grid sheet -> a SheetLayout, so that a host can write a laid-out model. */
export function sheetToLayout(sheet: Sheet): SheetLayout {
  const cells: LayoutCell[] = [];
  const widths: number[] = [];
  const mergedWide = (r: number, c: number) => sheet.merges.some((m) => m.r1 === r && m.c1 === c && m.c2 > m.c1);
  sheet.rows.forEach((row, r) => {
    (row ?? []).forEach((cell, c) => {
      if (!cell || cell.value === null || cell.value === undefined || typeof cell.value === 'boolean') return;
      const v = cell.value;
      const lc: LayoutCell = { row: r, col: c, value: v };
      if (cell.format && typeof v === 'number') lc.format = cell.format;
      if (typeof v === 'string' && /自评表$|^部门基本情况$/.test(v)) {
        lc.bold = true;
        lc.fontSize = 14;
        lc.align = 'center';
      }
      if (typeof v === 'string' && (v.includes('\n') || textWidth(v) > 40)) lc.wrap = true;
      cells.push(lc);
      if (!mergedWide(r, c)) {
        const tw = Math.min(40, textWidth(typeof v === 'number' ? String(v) : v) + 2);
        widths[c] = Math.max(widths[c] ?? 8, tw);
      }
    });
  });
  const ncol = Math.max(widths.length, ...sheet.merges.map((m) => m.c2 + 1), 1);
  const columnWidths: number[] = [];
  for (let c = 0; c < ncol; c++) columnWidths.push(Math.max(8, widths[c] ?? 8));
  const isTable = sheet.rows.some((row) => (row ?? []).some((cell) => typeof cell?.value === 'string' && /自评表$/.test(cell.value)));
  return {
    name: sheet.name,
    columnWidths,
    cells,
    merges: sheet.merges.map(areaA1),
    orientation: isTable ? 'landscape' : 'portrait',
  };
}
