// The vocabulary of the spec (../shared/spec), as types. Every module of the core speaks it.

import type { TextRuleId } from './verify/rules';

// ---------- places and figures ----------

/** Where a figure came from: a sheet name and an A1 address without the sheet. */
export interface Ref {
  sheet: string;
  cell: string;
}

/** A figure read from the workbook, with the cell it came from. */
export interface Fig<T> {
  value: T;
  ref: Ref;
  /** The text as written in the cell, where it differs from value. */
  text?: string;
  /** The Excel error value the cell holds (value is null then), e.g. '#REF!'. */
  error?: string;
}

// ---------- values in indicator cells (workbook.md §4) ----------

/** ge: at least (≥ 不低于 …), gt: more than (> 大于 …), eq: exactly (= or bare), le / lt: at most, range: L–H. */
export type Comparator = 'ge' | 'gt' | 'eq' | 'le' | 'lt' | 'range';

export type ReadingKind = 'empty' | 'number' | 'date' | 'qualitative' | 'unreadable';

export interface Reading {
  kind: ReadingKind;
  /** For number and date readings. A number with no comparator written is 'eq'. */
  comparator?: Comparator;
  /** number: the value (for a range its low end), already scaled by 万/亿; date: yyyymmdd (year 0 when none is written). */
  low?: number;
  /** range: the high end; otherwise equal to low for number and date readings. */
  high?: number;
  /** Normalised unit: '%' for % / 百分比 / 百分点, '' when none is written. Dates: 'date'. */
  unit: string;
  /** Written as approximate: 余 多 约 近 超. */
  approx: boolean;
  /** 余 / 多 / 超: "a little more than". */
  more?: boolean;
  /** For qualitative readings, the completion tier the wording implies, when it implies one. */
  tier?: Tier;
  /** The original text. */
  text: string;
}

export type Tier = '达成' | '部分达成' | '未达成';

// ---------- the workbook as read (workbook.md §2, §3) ----------

export interface TeamMember {
  name: string;
  unit: string;
  post: string;
  title: string;
  note: string;
  ref: Ref;
}

/** Sheet 基本情况. Text fields keep their text; amounts are in 万元. */
export interface BasicInfo {
  sheet: string;
  department?: Fig<string>;
  year?: Fig<number>;
  duties?: Fig<string>;
  organisation?: Fig<string>;
  adminPosts?: Fig<number>;
  institutionPosts?: Fig<number>;
  staff?: Fig<number>;
  assets?: Fig<number>;
  fixedAssets?: Fig<number>;
  intangibleAssets?: Fig<number>;
  budgetIncome?: Fig<number>;
  finalIncome?: Fig<number>;
  carryover?: Fig<number>;
  basis?: Fig<string>;
  achievements?: Fig<string>;
  selfEvalOrganisation?: Fig<string>;
  problems?: Fig<string>;
  measures?: Fig<string>;
  /** The text of 权重方案 as written. */
  profile?: Fig<string>;
  team: TeamMember[];
}

/**
 * 'department-scoring': a table of the 部门整体支出绩效评价 framework (投入 / 过程 / 产出 / 效果 or
 * 部门决策 / 部门管理 / 部门绩效; 分值, 评分标准, 自评得分): the report treats it as the department's table.
 */
export type TableKind = 'department' | 'project' | 'department-scoring';

/** The kind of a funds-block row (workbook.md §3.2). */
export type FundsRowKind = 'total' | 'basic' | 'project' | 'appropriation' | 'carryover' | 'special' | 'other';

export interface FundsRow {
  kind: FundsRowKind;
  label: string;
  labelRef: Ref;
  /** Amounts in 万元 (converted when the block is in 元); a Fig with value null is a cell in the column with no amount. */
  initial?: Fig<number | null>;
  adjusted?: Fig<number | null>;
  executed?: Fig<number | null>;
  weight?: Fig<number | null>;
  /** 执行率 as a fraction (0.9674), with the number of decimals it is written with in percent points (96.74 % -> 2). */
  rate?: Fig<number | null> & { decimals?: number };
  score?: Fig<number | null>;
}

export interface FundsBlock {
  headerRef: Ref;
  /** The unit the amounts were written in. */
  unit: '万元' | '元';
  /** Which of the columns the header has. */
  columns: { initial: boolean; adjusted: boolean; executed: boolean; weight: boolean; rate: boolean; score: boolean };
  /** The weight stated in the header's first cell, e.g. 预算执行情况（20分）. */
  headerWeight?: Fig<number>;
  rows: FundsRow[];
  /** Splits of the total stated as 'label：amount' cells (按收入性质分 / 按支出性质分), each with its parts. */
  splits?: FundsSplit[];
}

/** One split of a funds total: 按收入性质分 (against 全年预算数) or 按支出性质分 (against 全年执行数). Amounts in 万元. */
export interface FundsSplit {
  kind: 'income' | 'expenditure';
  label: string;
  ref: Ref;
  /** The split's own total, when its head cell states one (按收入性质分：2030.12). */
  stated?: Fig<number>;
  parts: { label: string; amount: Fig<number | null> }[];
}

/** A detail line of an indicator (其中：… under a ★ core indicator, or a row its merged 分值/得分 covers). */
export interface IndicatorDetail {
  name: string;
  nameRef: Ref;
  target: Fig<Reading>;
  actual: Fig<Reading>;
}

export interface Indicator {
  level1: string;
  level1Ref: Ref;
  level2: string;
  level2Ref: Ref;
  /** The level-3 name without a numbering prefix. */
  name: string;
  nameRef: Ref;
  target: Fig<Reading>;
  actual: Fig<Reading>;
  /** Absent when the block has no 分值 column; value null when the cell is empty or not a number. */
  weight?: Fig<number | null>;
  score?: Fig<number | null>;
  deviation?: Fig<string>;
  tier?: Fig<string>;
  /** From a 指标性质 column: it rules over the comparator written in the values. */
  comparator?: Fig<string>;
  /** From a 度量单位 column: it applies to target and actual. */
  unit?: Fig<string>;
  /** A ★ core indicator (the mark is not part of name). */
  core?: boolean;
  /** Its detail lines: read, shown and checked for target/actual, never indicators of their own, never in the weights. */
  details?: IndicatorDetail[];
  /** From a 评分标准 / 评分要点 column (department scoring tables). */
  criteria?: Fig<string>;
  /** department-scoring: the row's text cells holding figures, where a rate may be stated (调整数/年初预算数=5%). */
  statements?: Fig<string>[];
}

/** A weight declared in a level-1 cell, e.g. 产出指标（40分）. */
export interface Level1Weight {
  name: string;
  weight: number;
  ref: Ref;
}

export interface Totals {
  labelRef: Ref;
  weight?: Fig<number | null>;
  score?: Fig<number | null>;
  grade?: Fig<string>;
}

export interface Table {
  kind: TableKind;
  sheet: string;
  title: string;
  titleRef: Ref;
  year?: Fig<number>;
  /** Department name (department table) or project name (project table). */
  name?: Fig<string>;
  competentDept?: Fig<string>;
  implementer?: Fig<string>;
  funds?: FundsBlock;
  goals?: { expected?: Fig<string>; actual?: Fig<string> };
  indicatorHeaderRef?: Ref;
  /** The indicator block has a 分值 column. */
  hasWeightColumn: boolean;
  indicators: Indicator[];
  level1Weights: Level1Weight[];
  totals?: Totals;
  /** Required labels of workbook.md that the table lacks. */
  missing: string[];
  /** True when the table has no 总分 row (often a page cut short): weight.total and score.total are not computed. */
  totalsMissing?: boolean;
}

export interface ReadResult {
  basic?: BasicInfo;
  tables: Table[];
  /** Structural findings met while reading (structure.*). */
  findings: Finding[];
}

// ---------- findings (rules.md §3) ----------

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'structure.no_table'
  | 'structure.label_missing'
  | 'structure.no_profile'
  | 'structure.year_mismatch'
  | 'structure.sheet_unreadable'
  | 'structure.cell_error'
  | 'structure.total_missing'
  | 'structure.block_unread'
  | 'weight.total'
  | 'weight.level1'
  | 'weight.execution'
  | 'weight.nonpositive'
  | 'score.range'
  | 'score.recomputed'
  | 'score.qualitative_band'
  | 'score.total'
  | 'score.grade'
  | 'score.inflated'
  | 'score.total_cap'
  | 'exec.rate'
  | 'exec.score'
  | 'exec.over_budget'
  | 'exec.zero_budget'
  | 'funds.components'
  | 'funds.projects'
  | 'funds.conflict'
  | 'funds.unit'
  | 'indicator.value_missing'
  | 'indicator.unparsed'
  | 'indicator.deviation_missing'
  | 'indicator.overachieved'
  | 'indicator.unit_mismatch'
  | 'indicator.level_unknown'
  | 'indicator.duplicate'
  | 'asset.components'
  // written reports (selfeval verify): the ids are defined once, in src/core/verify/rules.ts
  | TextRuleId;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address without the sheet name. */
  cell: string;
  /** In Chinese. */
  message: string;
  expected?: number | string;
  actual?: number | string;
}

// ---------- profiles (rules.md §1) ----------

export type Level1Name = '产出指标' | '效益指标' | '满意度指标';

export interface Profile {
  id: string;
  /** Display name, Chinese. */
  name: string;
  level1: Record<Level1Name, number>;
  execWeight: number;
  reverseFormula: 'ratio' | 'linear';
  capExecution: boolean;
  scoreTolerance: number;
  /** In percent points. */
  rateTolerance: number;
  /** As a ratio: 1.3 for 130 %. */
  overachieveThreshold: number;
  /** Off when null: else the highest total allowed below each execution rate (rate as a fraction). */
  totalCap: { belowRate: number; maxTotal: number }[] | null;
  /** Words a user may type in 权重方案 for this profile. */
  aliases: string[];
}

// ---------- results of the computations (rules.md §2) ----------

export type Grade = '优' | '良' | '中' | '差';

export interface IndicatorResult {
  indicator: Indicator;
  quantitative: boolean;
  /** The score §2 gives, for a quantitative indicator with a weight. */
  computedScore?: number;
  /** The tier of a qualitative indicator. */
  tier?: Tier;
  /** Why the indicator's score was not recomputed, in Chinese, when that is for want of a 分值 (the 20 + 80 layout). */
  unscored?: string;
}

export interface TableResult {
  table: Table;
  /** Computed 执行率 of the 年度资金总额 row, as a fraction. */
  executionRate?: number;
  executionScore?: number;
  /** w_exec as the table states it, else the profile's. */
  execWeight?: number;
  indicators: IndicatorResult[];
  statedTotal?: number;
  /** Σ stated indicator scores (recomputed ones for quantitative indicators) + computed execution score. */
  computedTotal?: number;
  statedGrade?: Grade;
  computedGrade?: Grade;
}

export interface CheckResult {
  results: TableResult[];
  findings: Finding[];
}

// ---------- the narrative report as a document model (report.md): src/core/report/model.ts ----------

export type { FigureUse, NumberKind, ReportBlock, ReportCell, ReportDoc, ReportTable } from './report/model';
