// Totals checks: score.total, score.grade, score.total_cap, and the computed total and grade.

import type { IndicatorResult, Profile, Table, TableResult } from '../types';
import { gradeAccepted } from '../score';
import { fmtNum, fmtPct } from '../format';
import { gradeOf, normGrade } from '../profiles';
import { Collector, EPS, clip, num, ok } from './collector';
import type { FundsOutcome } from './funds';

/**
 * score.total checks the table's own addition: the stated indicator scores plus the stated 执行率得分
 * (the computed one where none is stated); a wrong 执行率得分 itself is exec.score's finding.
 */
function checkStatedTotal(t: Table, fo: FundsOutcome, tol: number, out: Collector): void {
  const totals = t.totals;
  const st = num(totals?.score);
  if (st === undefined || !totals?.score || t.indicators.length === 0 || t.totalsMissing) return;
  const statedSum = t.indicators.reduce((s, i) => s + (num(i.score) ?? 0), 0);
  const statedExec = fo.statedScore ?? fo.score ?? 0;
  const expect = statedSum + statedExec;
  if (Math.abs(st - expect) > tol)
    out.add('score.total', totals.score.ref, `总分 ${fmtNum(st)} 与各指标得分之和 ${fmtNum(statedSum)} 加预算执行率得分 ${fmtNum(statedExec)} 的合计 ${fmtNum(expect)} 不符`, expect, st);
}

function checkGrade(t: Table, profile: Profile, out: Collector, tr: TableResult): void {
  const totals = t.totals;
  if (!totals || !ok(totals.grade) || typeof totals.grade.value !== 'string' || totals.grade.value.trim() === '' || tr.computedTotal === undefined) return;
  const g = normGrade(totals.grade.value);
  if (g) tr.statedGrade = g;
  const ct = tr.computedTotal;
  if (!g) out.add('score.grade', totals.grade.ref, `无法识别评价等级“${clip(totals.grade.value.trim())}”，按重算总分 ${fmtNum(ct)} 应为“${tr.computedGrade}”`, tr.computedGrade, clip(totals.grade.value.trim()));
  else if (!gradeAccepted(g, ct, profile))
    out.add('score.grade', totals.grade.ref, `评价等级“${totals.grade.value.trim()}”与重算总分 ${fmtNum(ct)} 对应的等级“${tr.computedGrade}”不符（≥90 优，≥80 良，≥60 中，其余为差）`, tr.computedGrade, g);
}

function checkCap(t: Table, profile: Profile, fo: FundsOutcome, tol: number, out: Collector, tr: TableResult): void {
  if (!profile.totalCap || profile.totalCap.length === 0 || fo.rate === undefined) return;
  const caps = profile.totalCap.filter((c) => fo.rate! < c.belowRate - EPS).map((c) => c.maxTotal);
  const total = tr.statedTotal ?? tr.computedTotal;
  if (!caps.length || total === undefined) return;
  const cap = Math.min(...caps);
  if (total <= cap + tol) return;
  const totals = t.totals;
  const ref = totals?.score && !totals.score.error ? totals.score.ref : totals ? totals.labelRef : t.titleRef;
  out.add('score.total_cap', ref, `预算执行率为 ${fmtPct(fo.rate)}，按权重方案“${profile.name}”总分不应超过 ${fmtNum(cap)}，实际为 ${fmtNum(total)}`, cap, total);
}

export function checkTotals(t: Table, profile: Profile, fo: FundsOutcome, inds: IndicatorResult[], out: Collector, tr: TableResult): void {
  const tol = profile.scoreTolerance + EPS;
  const execPart = fo.score ?? fo.statedScore ?? 0;
  const computedSum = inds.reduce((s, r) => s + (r.computedScore !== undefined ? r.computedScore : (num(r.indicator.score) ?? 0)), 0);
  // A table cut short has no total to compute: its sum would be a part taken for the whole.
  if ((t.indicators.length > 0 || t.funds) && !t.totalsMissing) {
    tr.computedTotal = computedSum + execPart;
    tr.computedGrade = gradeOf(tr.computedTotal);
  }
  const st = num(t.totals?.score);
  if (st !== undefined) tr.statedTotal = st;
  checkStatedTotal(t, fo, tol, out);
  checkGrade(t, profile, out, tr);
  checkCap(t, profile, fo, tol, out, tr);
}
