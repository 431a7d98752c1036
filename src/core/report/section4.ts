// 四、评价结论和评价等级: the total and grade of each table the report rests on, as recomputed;
// a stated total or grade that differs is noted in the figure table, not in the text.

import type { Table } from '../types';
import type { Ctx } from './context';
import { fundsRow, lab, projectName, rateRef, resultOf } from './context';
import { fmtScore, gradeName } from '../format';
import { gradeAccepted, scoreAccepted } from '../score';
import { numOf } from './text';
import * as W from './wording';

export function writeSection4(c: Ctx): void {
  c.b.section(c.h.s4);
  if (c.mainTables.length === 0) {
    c.b.para(W.CONCLUSION_NO_TABLE);
    return;
  }
  for (const t of c.mainTables) {
    const line = conclusion(c, t);
    if (c.mainTables.length > 1) c.b.item3(line);
    else c.b.para(line);
  }
}

function conclusion(c: Ctx, t: Table): string {
  const { b, profile } = c;
  const res = resultOf(c, t);
  const totalRef = t.totals?.score?.ref ?? t.totals?.labelRef ?? t.titleRef;
  const gradeRef = t.totals?.grade?.ref ?? totalRef;
  const who = t.kind === 'project' ? projectName(t) : W.WHO_DEPT(c.yearWords, c.subject);
  if (t.totalsMissing) {
    c.gaps.push(W.NOTICE_NO_TOTALS_ROW(who));
    return W.CONCLUSION_NO_TOTALS_ROW(who);
  }
  const total = res?.computedTotal;
  const stated = res?.statedTotal ?? numOf(t.totals?.score);
  if (total === undefined || !Number.isFinite(total)) {
    c.gaps.push(W.NOTICE_NO_TOTAL(who));
    if (stated !== undefined && t.totals?.score) return W.CONCLUSION(who, b.score(lab(t, '总分（填报）'), stated, t.totals.score.ref), undefined, undefined);
    return W.CONCLUSION_NONE(who);
  }
  const totalNote = stated !== undefined && !scoreAccepted(stated, total, profile) ? W.NOTE_STATED(`${fmtScore(stated)}分`) : W.NOTE_RECOMPUTED;
  const totalText = b.score(lab(t, '总分（重算）'), total, totalRef, totalNote);
  let exec: string | undefined;
  if (res?.executionScore !== undefined && Number.isFinite(res.executionScore)) {
    const f = fundsRow(t, 'total');
    exec = b.score(lab(t, '执行率得分（重算）'), res.executionScore, f?.row.score?.ref ?? rateRef(t, f));
  }
  let grade: string | undefined;
  if (res?.computedGrade) {
    const sg = res.statedGrade;
    const note = sg && !gradeAccepted(sg, total, profile) ? W.NOTE_STATED(`“${gradeName(sg)}”`) : W.NOTE_RECOMPUTED;
    grade = b.fig(lab(t, '评价等级（重算）'), gradeName(res.computedGrade), res.computedGrade, gradeRef, note);
  }
  return W.CONCLUSION(who, totalText, exec, grade);
}
