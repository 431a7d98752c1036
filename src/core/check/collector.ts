// What every check family shares: the rules' severities, the finding collector and safe access to
// figures that may be missing or hold an Excel error.

import type { Fig, Finding, Reading, Ref, RuleId, Severity, Table } from '../types';
import { roundTo } from '../format';

/** The severity of each rule the checks emit (rules.md §3). */
export const RULE_SEVERITY: Partial<Record<RuleId, Severity>> = {
  'structure.year_mismatch': 'warning',
  'weight.total': 'error',
  'weight.level1': 'warning',
  'weight.execution': 'warning',
  'weight.nonpositive': 'error',
  'score.range': 'error',
  'score.recomputed': 'error',
  'score.qualitative_band': 'warning',
  'score.total': 'error',
  'score.grade': 'error',
  'score.inflated': 'warning',
  'score.total_cap': 'warning',
  'exec.rate': 'error',
  'exec.score': 'error',
  'exec.over_budget': 'warning',
  'exec.zero_budget': 'error',
  'funds.components': 'error',
  'funds.projects': 'warning',
  'funds.conflict': 'error',
  'funds.unit': 'warning',
  'indicator.value_missing': 'error',
  'indicator.unparsed': 'warning',
  'indicator.deviation_missing': 'warning',
  'indicator.overachieved': 'warning',
  'indicator.unit_mismatch': 'warning',
  'indicator.level_unknown': 'info',
  'indicator.duplicate': 'warning',
  'asset.components': 'warning',
};

/** Amount tolerance in 万元 for sums of funds. */
export const AMOUNT_TOL = 0.005;
/** Weights are compared exactly, up to float noise. */
export const WEIGHT_EPS = 1e-6;
export const EPS = 1e-9;

export const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The number a figure holds, or undefined (missing, empty, not a number, or an Excel error). */
export function num(f: Fig<number | null> | Fig<number> | undefined): number | undefined {
  if (!f || f.error) return undefined;
  return finite(f.value) ? f.value : undefined;
}

/** A usable figure (present, no Excel error). */
export function ok<T>(f: Fig<T> | undefined): f is Fig<T> {
  return !!f && typeof f === 'object' && !f.error;
}

/** A usable reading figure: present, no Excel error, a reading inside. */
export function okReading(f: Fig<Reading> | undefined): f is Fig<Reading> {
  return ok(f) && !!f.value && typeof f.value === 'object' && typeof f.value.kind === 'string';
}

/** The table with every list present, so that no check meets an undefined list. */
export function sane(t: Table): Table {
  const arr = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x.filter((e) => !!e && typeof e === 'object') : []);
  const funds = t.funds && typeof t.funds === 'object' ? { ...t.funds, rows: arr(t.funds.rows) } : undefined;
  return { ...t, funds, indicators: arr(t.indicators), level1Weights: arr(t.level1Weights), missing: Array.isArray(t.missing) ? t.missing : [] };
}

/** A cell's text as a message quotes it: at most 40 characters, so that a cell of 100,000 characters makes a readable message and note. */
export function clip(t: string, max = 40): string {
  return t.length > max ? t.slice(0, max) + '…' : t;
}

/** The text of a value as written, for a message. */
export function shown(f: Fig<Reading>): string {
  const t = (f.text ?? f.value.text ?? '').toString().trim();
  return t === '' ? '（空）' : clip(t);
}

export class Collector {
  findings: Finding[] = [];
  /** Where a finding goes when the figure it is about carries no cell (the current table's title). */
  fallback: Ref = { sheet: '', cell: 'A1' };
  /** The display name of the profile the checks run under, for messages. */
  profileName = '';
  add(rule: RuleId, ref: Ref | undefined, message: string, expected?: number | string, actual?: number | string): void {
    const at = ref && typeof ref.sheet === 'string' && typeof ref.cell === 'string' ? ref : this.fallback;
    const f: Finding = { rule, severity: RULE_SEVERITY[rule] ?? 'warning', sheet: at.sheet, cell: at.cell, message };
    if (expected !== undefined) f.expected = typeof expected === 'number' ? roundTo(expected) : expected;
    if (actual !== undefined) f.actual = typeof actual === 'number' ? roundTo(actual) : actual;
    this.findings.push(f);
  }
}
