// The one entry point both hosts call: grid in, findings, results, report and plans out.

import type { Grid } from './grid';
import type { CheckResult, Finding, Profile, ReadResult, ReportDoc, TableKind, TableResult } from './types';
import type { Mark, SheetLayout } from './plan';
import { readWorkbook } from './read';
import { runChecks } from './check';
import { BUILTIN_PROFILES, resolveProfile } from './profiles';
import { buildReport } from './report/index';
import { uniqueSheetName } from './layout';
import { layoutReport } from './report/sheet';
import { basicSheetLayout } from './basicSheet';
import { innerYearFindings } from './tableYears';
import { planMarks, sortFindings } from './marks';
import { roundTo } from './format';

/** An input the core cannot work with; the message is Chinese and meant for the user. */
export class SelfevalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelfevalError';
  }
}

export interface EvaluateOptions {
  /** A profile id or name (as in 权重方案), or a profile object; default: the workbook's 权重方案, else mof-2020. */
  profile?: string | Profile;
}

export interface Evaluation {
  profile: Profile;
  profileSource: 'option' | 'workbook' | 'default';
  read: ReadResult;
  check: CheckResult;
  /** All findings, reading and checks, in sheet order then row then column. */
  findings: Finding[];
  /** The narrative report, built on first use. */
  readonly report: ReportDoc;
}

export function chooseProfile(read: ReadResult, wanted?: string | Profile): { profile: Profile; source: Evaluation['profileSource'] } {
  if (wanted !== undefined && wanted !== '') {
    if (typeof wanted !== 'string') return { profile: wanted, source: 'option' };
    const p = resolveProfile(wanted);
    if (!p) {
      const ids = BUILTIN_PROFILES.map((x) => x.id).join('、');
      throw new SelfevalError(`未知的权重方案“${wanted}”，可用的有：${ids}`);
    }
    return { profile: p, source: 'option' };
  }
  const text = read.basic?.profile?.value;
  if (text) {
    const p = resolveProfile(text);
    if (p) return { profile: p, source: 'workbook' };
  }
  return { profile: BUILTIN_PROFILES[0], source: 'default' };
}

export function evaluate(grid: Grid, opts: EvaluateOptions = {}): Evaluation {
  const read = readWorkbook(grid);
  const { profile, source } = chooseProfile(read, opts.profile);
  const check = runChecks(read, profile);
  const findings = sortFindings([...read.findings, ...check.findings, ...innerYearFindings(grid, read)], grid.sheets.map((s) => s.name));
  // The narrative is built when first asked for: `check` never needs it.
  let report: ReportDoc | undefined;
  return {
    profile,
    profileSource: source,
    read,
    check,
    findings,
    get report(): ReportDoc {
      if (!report) report = buildReport(read, check, profile, findings);
      return report;
    },
  };
}

/** The marks to write for an evaluation's findings. */
export function marksOf(ev: Evaluation): Mark[] {
  return planMarks(ev.findings);
}

/** The report sheet, under a name no existing sheet has. */
export function reportSheetOf(ev: Evaluation, existingSheetNames: string[]): SheetLayout {
  return layoutReport(ev.report, uniqueSheetName(existingSheetNames, '自评报告'));
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

// ---- the JSON of `selfeval check --json` (cli.md) ----

export interface TableJson {
  sheet: string;
  kind: TableKind;
  name: string | null;
  year: number | null;
  funds: { initial: number | null; adjusted: number | null; executed: number | null };
  executionRate: number | null;
  executionScore: number | null;
  indicators: number;
  statedTotal: number | null;
  computedTotal: number | null;
  statedGrade: string | null;
  computedGrade: string | null;
}

export interface CheckJson {
  file: string;
  profile: string;
  tables: TableJson[];
  findings: Finding[];
}

/** Rounded for the JSON: amounts (万元) and rates (fractions) to 4 decimals, so 1 元 and 0.01 % survive; scores to 2, as displayed. */
const rounded = (digits: number) => (x: number | undefined | null): number | null =>
  x === undefined || x === null || !Number.isFinite(x) ? null : roundTo(x, digits);
const r4 = rounded(4);
const r2 = rounded(2);

function tableJson(t: TableResult): TableJson {
  const total = t.table.funds?.rows.find((r) => r.kind === 'total');
  return {
    sheet: t.table.sheet,
    kind: t.table.kind,
    name: t.table.name?.value ?? null,
    year: t.table.year?.value ?? null,
    funds: {
      initial: r4(total?.initial?.value),
      adjusted: r4(total?.adjusted?.value),
      executed: r4(total?.executed?.value),
    },
    executionRate: r4(t.executionRate),
    executionScore: r2(t.executionScore),
    indicators: t.table.indicators.length,
    statedTotal: r2(t.statedTotal),
    computedTotal: r2(t.computedTotal),
    statedGrade: t.statedGrade ?? null,
    computedGrade: t.computedGrade ?? null,
  };
}

export function toCheckJson(ev: Evaluation, file: string): CheckJson {
  return {
    file,
    profile: ev.profile.id,
    tables: ev.check.results.map(tableJson),
    findings: ev.findings,
  };
}

/** The 基本情况 sheet for 插入基本情况表 / `selfeval basic`, or undefined when the workbook has one. */
export function basicSheetOf(ev: Evaluation, existingSheetNames: string[]): SheetLayout | undefined {
  return basicSheetLayout(ev.read, existingSheetNames);
}
