// The conclusion the text states: its total score and grade against the recomputed ones of
// their table (text.total, text.grade), and a grade against the score beside it (text.grade_score).

import type { Evaluation } from '../engine';
import { fmtNum } from '../format';
import { gradeOf } from '../profiles';
import { gradeAccepted, scoreAccepted } from '../score';
import type { Grade } from '../types';
import { quoteFigure, textFinding } from './finding';
import { GRADE_WORD, MSG } from './messages';
import { tableOf } from './scope';
import type { TextFigure, TextFinding } from './types';

const TOTAL_WORDS = /总分|综合得分|自评得分|评价得分|综合评分|绩效得分|总得分/;
const TOTAL_CONTEXT = /综合|总体|评价结论|等级/;
const NOT_TOTAL = /执行率|指标|分值|满分|填报|表中|其中|合计/;

/** A score the text gives as the total of its table (not an indicator's, not a group's, not the table's stated one). */
export function isTotalClaim(t: TextFigure, names: string[]): boolean {
  if (t.cls !== 'score') return false;
  const lead = t.lead;
  if (NOT_TOTAL.test(lead) || names.some((n) => n.length >= 2 && lead.includes(n))) return false;
  return TOTAL_WORDS.test(lead) || (/得分/.test(lead) && TOTAL_CONTEXT.test(t.sentence));
}

/** A grade the text gives as the table's result (not the stated grade it quotes). */
export function isGradeClaim(t: TextFigure): boolean {
  return t.cls === 'grade' && !/填报|表中/.test(t.sentence.slice(0, t.start - t.sentenceStart));
}

function withinWritten(t: TextFigure, computed: number): boolean {
  return Math.abs(t.value - computed) <= 0.5 * Math.pow(10, -t.decimals) + 1e-9;
}

export function checkTotal(ev: Evaluation, t: TextFigure): TextFinding | undefined {
  const res = tableOf(ev, t);
  const computed = res?.computedTotal;
  if (!res || computed === undefined || !Number.isFinite(computed)) return undefined;
  if (scoreAccepted(t.value, computed, ev.profile) || withinWritten(t, computed)) return undefined;
  const ref = res.table.totals?.score?.ref ?? res.table.totals?.labelRef ?? res.table.titleRef;
  const stated = res.statedTotal !== undefined ? `${fmtNum(res.statedTotal)}分` : undefined;
  const msg = MSG.total(t.text, `${fmtNum(computed)}分`, `${ref.sheet}!${ref.cell}`, stated);
  return textFinding('text.total', t.paragraph, quoteFigure(t), msg, ref, { expected: computed, actual: t.value });
}

export function checkGrade(ev: Evaluation, t: TextFigure): TextFinding | undefined {
  const res = tableOf(ev, t);
  const computed = res?.computedTotal;
  if (!res || !res.computedGrade || computed === undefined || !Number.isFinite(computed)) return undefined;
  if (gradeAccepted(t.unit as Grade, computed, ev.profile)) return undefined;
  const ref = res.table.totals?.grade?.ref ?? res.table.totals?.score?.ref ?? res.table.titleRef;
  const msg = MSG.grade(t.text, GRADE_WORD[res.computedGrade], `${fmtNum(computed)}分`, `${ref.sheet}!${ref.cell}`);
  return textFinding('text.grade', t.paragraph, quoteFigure(t), msg, ref, { expected: res.computedGrade, actual: t.unit });
}

/** A grade against the total score the same paragraph states before it. */
export function checkGradeScore(ev: Evaluation, grade: TextFigure, totals: TextFigure[]): TextFinding | undefined {
  const score = [...totals].reverse().find((s) => s.paragraph === grade.paragraph && s.start < grade.start);
  if (!score) return undefined;
  if (gradeAccepted(grade.unit as Grade, score.value, ev.profile)) return undefined;
  const msg = MSG.gradeScore(grade.text, score.text, GRADE_WORD[gradeOf(score.value)]);
  return textFinding('text.grade_score', grade.paragraph, quoteFigure(grade), msg, undefined, { expected: gradeOf(score.value), actual: grade.unit });
}
