// 二、自评工作开展情况: （一）自评的组织工作 (the projects, each with its funds and result) and
// （二）自评的方法和过程 (the scores of the level-1 indicators and of 预算执行率).

import type { Ctx } from './context';
import { fundsRow, resultOf, scoredIndicators } from './context';
import type { Level1Name } from '../types';
import { endSentence, sameAt2, textOf } from './text';
import { fmtWan } from '../format';
import { projectsTable } from './projectsTable';
import * as W from './wording';

export function writeSection2(c: Ctx): void {
  c.b.section(c.h.s2);
  c.b.subsection(c.h.s2a);
  const orgWork = textOf(c.basic?.selfEvalOrganisation);
  if (orgWork) c.b.para(endSentence(orgWork));
  else c.b.para(W.ORG_WORK_NONE);
  if (!c.projectOnly) writeProjects(c);
  c.b.subsection(c.h.s2b);
  const w = scoredWeights(c);
  c.b.para(W.METHOD_WEIGHTS(w['产出指标'], w['效益指标'], w['满意度指标'], w.exec));
  c.b.para(W.METHOD_PROCESS);
}

/**
 * The weights the department scored with: those of its table (the indicator weights summed by
 * level 1, the execution weight it states) where the report rests on one table that has them
 * all, else the profile's.
 */
function scoredWeights(c: Ctx): Record<Level1Name | 'exec', number> {
  const p = c.profile;
  const out: Record<Level1Name | 'exec', number> = { ...p.level1, exec: p.execWeight };
  if (c.mainTables.length !== 1) return out;
  const t = c.mainTables[0];
  const scored = scoredIndicators(t, resultOf(c, t));
  for (const name of Object.keys(p.level1) as Level1Name[]) {
    const ws = scored.filter((s) => s.ind.level1 === name).map((s) => s.weight);
    if (ws.length > 0 && ws.every((x) => x !== undefined)) out[name] = (ws as number[]).reduce((a, x) => a + x, 0);
  }
  const ew = resultOf(c, t)?.execWeight;
  if (ew !== undefined && Number.isFinite(ew)) out.exec = ew;
  return out;
}

function writeProjects(c: Ctx): void {
  const { b, projects, dept } = c;
  const deptProject = fundsRow(dept, 'project');
  if (projects.length === 0) {
    let s = W.PROJECTS_NONE;
    if (deptProject?.adjusted !== undefined) s += W.PROJECTS_DEPT_AMOUNT(b.wan('项目支出全年预算数', deptProject.adjusted, deptProject.row.adjusted!.ref));
    b.para(s);
    return;
  }
  let sum = 0;
  let summed = 0;
  let sumRef = deptProject?.row.adjusted?.ref;
  for (const p of projects) {
    const f = fundsRow(p, 'total');
    if (f?.adjusted === undefined) continue;
    sum += f.adjusted;
    summed++;
    sumRef ??= f.row.adjusted!.ref;
  }
  const lead = W.PROJECTS_LEAD(c.yearWords, c.subject, b.fig('项目个数', `${projects.length}个`, projects.length, projects[0].titleRef));
  const stated = deptProject?.adjusted;
  const note = stated !== undefined && summed === projects.length && !sameAt2(stated, sum) ? W.NOTE_DIFFERS(`部门整体支出表中项目支出全年预算数${fmtWan(stated)}`) : W.NOTE_RECOMPUTED;
  b.para(lead + (summed > 0 && sumRef ? W.PROJECTS_SUM(b.wan('项目全年预算数合计（重算）', sum, sumRef, note)) : W.PROJECTS_LIST));
  projectsTable(c);
}
