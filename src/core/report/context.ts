// The workbook as the report sees it: the tables it rests on, their results, and the
// facts every section writer asks for (name, year, funds rows, scored indicators).

import type { BasicInfo, CheckResult, Finding, FundsRow, Indicator, IndicatorResult, Profile, ReadResult, Ref, Table, TableResult } from '../types';
import { roundTo } from '../format';
import { numOf, textOf } from './text';
import { Builder } from './builder';
import type { Headings } from './wording';

export interface Funds {
  initial?: number;
  adjusted?: number;
  executed?: number;
  row: FundsRow;
}

export interface Scored {
  ir: IndicatorResult;
  ind: Indicator;
  weight?: number;
  score?: number;
  stated?: number;
  recomputed: boolean;
  belowFull: boolean;
  unmet: boolean;
}

export interface Ctx {
  b: Builder;
  read: ReadResult;
  check: CheckResult;
  profile: Profile;
  findings: Finding[];
  basic?: BasicInfo;
  dept?: Table;
  projects: Table[];
  /** The tables the conclusions rest on: the department table, else the project tables. */
  mainTables: Table[];
  projectOnly: boolean;
  /** The department's name as printed, when known. */
  deptName?: string;
  year?: string;
  /** Who speaks: the department's name, else 本部门 / 本单位. */
  subject: string;
  /** '2025年度' or '本年度'. */
  yearWords: string;
  /** The headings of the outline: department or project. */
  h: Headings;
  /** What could not be written, for the opening notice (the narrative does not say it). */
  gaps: string[];
}

export function fundsRow(t: Table | undefined, kind: FundsRow['kind']): Funds | undefined {
  const row = t?.funds?.rows.find((r) => r.kind === kind);
  if (!row) return undefined;
  return { initial: numOf(row.initial), adjusted: numOf(row.adjusted), executed: numOf(row.executed), row };
}

export function resultOf(c: Ctx, t: Table): TableResult | undefined {
  return c.check.results.find((r) => r.table === t) ?? c.check.results.find((r) => r.table.sheet === t.sheet && r.table.kind === t.kind);
}

/** The computed 执行率 of a table, from its result or from its own amounts. */
export function rateOf(res: TableResult | undefined, f: Funds | undefined): number | undefined {
  if (res?.executionRate !== undefined && Number.isFinite(res.executionRate)) return res.executionRate;
  if (f && f.adjusted !== undefined && f.executed !== undefined && f.adjusted > 0) return f.executed / f.adjusted;
  return undefined;
}

/** The cell a recomputed 执行率 corresponds to: the stated rate, else the executed amount, else the title. */
export function rateRef(t: Table, f: Funds | undefined): Ref {
  return f?.row.rate?.ref ?? f?.row.executed?.ref ?? f?.row.adjusted?.ref ?? f?.row.labelRef ?? t.titleRef;
}

export function scoredIndicators(t: Table, res: TableResult | undefined): Scored[] {
  const irs: IndicatorResult[] =
    res && res.indicators.length > 0 ? res.indicators : t.indicators.map((indicator) => ({ indicator, quantitative: false }));
  return irs.map((ir) => {
    const ind = ir.indicator;
    const weight = numOf(ind.weight);
    const stated = numOf(ind.score);
    const recomputed = ir.computedScore !== undefined && Number.isFinite(ir.computedScore);
    const score = recomputed ? (ir.computedScore as number) : stated;
    const tierText = ir.tier ?? (textOf(ind.tier) as string | undefined);
    const unmet = tierText === '未达成';
    const belowFull = weight !== undefined && score !== undefined && roundTo(score, 2) < roundTo(weight, 2);
    return { ir, ind, weight, score, stated, recomputed, belowFull, unmet };
  });
}

/** The indicators below full marks or not achieved. */
export function shortfalls(c: Ctx, t: Table): Scored[] {
  return scoredIndicators(t, resultOf(c, t)).filter((s) => s.belowFull || s.unmet);
}

/** A project's name as printed, quoted: “呈报舆情…”. */
export function projectName(p: Table): string {
  const n = textOf(p.name);
  return n ? `“${n}”` : `工作表“${p.sheet}”中的项目`;
}

/** A project's name without quotes (for labels and table cells). */
export function plainProjectName(p: Table): string {
  return textOf(p.name) ?? `工作表“${p.sheet}”中的项目`;
}

/** The prefix of a figure label: the project's name when the table is a project's. */
export function lab(t: Table, label: string): string {
  return t.kind === 'project' ? `${plainProjectName(t)}${label}` : label;
}
