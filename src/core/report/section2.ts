// 二、自评工作开展情况: （一）自评的组织工作 (the projects, each with its funds and result) and
// （二）自评的方法和过程 (the scores of the level-1 indicators and of 预算执行率).

import type { Ctx } from './context';
import { fundsRow, lab, resultOf, scoredIndicators } from './context';
import { levelsOf } from './levels';
import { endSentence, numOf, sameAt2, textOf } from './text';
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
  if (w) c.b.para(W.METHOD_WEIGHTS(w));
  const scoring = c.mainTables.length > 0 && c.mainTables.every((t) => t.kind === 'department-scoring');
  c.b.para(scoring ? W.METHOD_PROCESS_SCORING : W.METHOD_PROCESS);
}

/**
 * The weights the department scored with, in the table's order: where the report rests on one
 * table, its level-1 groups (the 分值 summed, else the weight the level-1 label states) and the
 * execution weight, each recorded as a figure; undefined when that table gives no weights (a
 * funds-only page): the report does not print weights it cannot show the department used.
 * Several tables: the profile's.
 */
function scoredWeights(c: Ctx): [string, number][] | undefined {
  const p = c.profile;
  if (c.mainTables.length !== 1) return [...(Object.entries(p.level1) as [string, number][]), [W.EXEC_GROUP, p.execWeight]];
  const t = c.mainTables[0];
  const res = resultOf(c, t);
  const levels = levelsOf(t, scoredIndicators(t, res));
  if (levels.length === 0 || levels.some((l) => l.weight === undefined || !l.weightRef)) return undefined;
  const out: [string, number][] = levels.map((l) => {
    c.b.score(lab(t, `${l.name}分值合计`), l.weight!, l.weightRef!);
    return [l.name, l.weight!];
  });
  if (t.kind === 'department-scoring' && !t.funds) return out;
  const total = fundsRow(t, 'total');
  const stated = total?.row.weight && numOf(total.row.weight) !== undefined ? total.row.weight : t.funds?.headerWeight;
  const ew = res?.execWeight !== undefined && Number.isFinite(res.execWeight) ? res.execWeight : p.execWeight;
  if (stated && numOf(stated) === ew) c.b.score(lab(t, '预算执行率分值'), ew, stated.ref);
  out.push([W.EXEC_GROUP, ew]);
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
