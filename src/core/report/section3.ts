// 三、绩效目标实现情况及指标分析: （一）总体绩效目标实现情况 and （二）分项, where each level-1
// group of indicators is a table under its heading, 预算执行率 is a group of its own, the
// indicators below full marks are named with their 偏差原因, and a department report ends
// with its projects: each one's score and shortfalls.

import type { Table } from '../types';
import type { Ctx, Scored } from './context';
import { fundsRow, lab, plainProjectName, projectName, rateOf, rateRef, resultOf, scoredIndicators, shortfalls } from './context';
import { bare, endSentence, readingText, splitItems, textOf } from './text';
import { num, text } from './model';
import { fmtScore, roundTo } from '../format';
import { indicatorTable, shapeOf } from './indicatorTable';
import { isUnscored, levelsOf } from './levels';
import { execRate } from './section1';
import { projectResult } from './projectsTable';
import { splitDeviation } from './deviation';
import * as W from './wording';

export function writeSection3(c: Ctx): void {
  c.b.section(c.h.s3);
  c.b.subsection(c.h.s3a);
  writeActual(c);
  c.b.subsection(c.h.s3b);
  if (c.mainTables.length === 0) {
    c.b.para(W.INDICATORS_NO_TABLE);
    return;
  }
  const several = c.projectOnly && c.projects.length > 1;
  for (const t of c.mainTables) {
    if (several) {
      const r = projectResult(c, t);
      c.b.heading3(W.GROUP_HEAD(plainProjectName(t), r.totalText ? [W.GROUP_SCORE(r.totalText)] : []));
    }
    writeGroups(c, t, several);
    if (t.kind !== 'department-scoring' || t.funds) writeExecution(c, t, several);
  }
  if (!c.projectOnly && c.projects.length > 0) writeProjectResults(c);
}

function writeActual(c: Ctx): void {
  const one = c.dept ?? (c.projects.length === 1 ? c.projects[0] : undefined);
  if (one) {
    const items = splitItems(textOf(one.goals?.actual));
    if (items.length) for (const it of items) c.b.item3(it);
    else c.b.para(W.ACTUAL_NONE);
  } else {
    for (const p of c.projects) {
      const act = textOf(p.goals?.actual);
      c.b.item3(W.ACTUAL_PROJECT(projectName(p), act ? endSentence(bare(act.replace(/\s*[\r\n]+\s*/g, '；'))) : undefined));
    }
  }
}

/** One level-1 group: its heading (or, for a part of a project report, its caption), table and shortfalls. */
function writeGroups(c: Ctx, t: Table, asCaption: boolean): void {
  const scored = scoredIndicators(t, resultOf(c, t));
  if (scored.length === 0) {
    c.b.para(W.INDICATORS_NONE);
    return;
  }
  const shape = shapeOf(t, isUnscored(t, scored));
  for (const g of levelsOf(t, scored)) {
    const meta: string[] = [];
    if (g.weight !== undefined && g.weightRef) meta.push(W.GROUP_WEIGHT(c.b.score(lab(t, `${g.name}分值合计`), g.weight, g.weightRef)));
    if (g.score !== undefined) meta.push(W.GROUP_SCORE(c.b.score(lab(t, `${g.name}得分合计（重算）`), g.score, g.list[0].ind.level1Ref)));
    const head = W.GROUP_HEAD(g.name, meta);
    if (!asCaption) c.b.heading3(head);
    c.b.table(indicatorTable(c, t, g.list, shape, asCaption ? head : undefined));
    if (g.list.some((s) => s.ind.core)) c.b.para(W.CORE_NOTE);
    if (shape === 'unscored' && g.weight !== undefined && g.score !== undefined && roundTo(g.score, 2) < roundTo(g.weight, 2))
      c.b.para(W.GROUP_BELOW(g.name, `${fmtScore(g.score)}分`, `${fmtScore(g.weight)}分`));
    const short = g.list.filter((s) => s.belowFull || s.unmet);
    if (short.length === 0) {
      if (g.list.every((s) => s.weight !== undefined && s.score !== undefined)) c.b.para(W.GROUP_FULL(g.name));
      continue;
    }
    for (const s of short) c.b.para(shortfallText(c, t, s));
  }
}

/** “呈报舆情日报”指标值≥365期，完成值334期，得分9.15分，未达满分（分值10分）。偏差原因：…… */
export function shortfallText(c: Ctx, t: Table, s: Scored): string {
  const values = W.SHORT_VALUES(readingText(s.ind.target), readingText(s.ind.actual));
  const grade =
    s.belowFull && s.score !== undefined && s.weight !== undefined
      ? W.SHORT_BELOW(c.b.score(lab(t, `${s.ind.name}：得分${s.recomputed ? '（重算）' : ''}`), s.score, s.ind.score?.ref ?? s.ind.nameRef), `${s.weight}分`)
      : W.SHORT_UNMET;
  const reason = splitDeviation(textOf(s.ind.deviation)).reason;
  return W.SHORTFALL(s.ind.name, values ? `${values}，${grade}` : grade, reason ? endSentence(reason) : undefined);
}

/** 预算执行率 as a group of its own: its heading (or caption) and a one-row table. */
function writeExecution(c: Ctx, t: Table, asCaption: boolean): void {
  const { b } = c;
  const f = fundsRow(t, 'total');
  const res = resultOf(c, t);
  const rate = rateOf(res, f);
  const weight = res?.execWeight ?? c.profile.execWeight;
  const scoreRef = f?.row.score?.ref ?? rateRef(t, f);
  const hasScore = res?.executionScore !== undefined && Number.isFinite(res.executionScore);
  const score = hasScore ? b.score(lab(t, '执行率得分（重算）'), res!.executionScore!, scoreRef) : undefined;
  const head = W.GROUP_HEAD(W.EXEC_GROUP, [W.GROUP_WEIGHT(`${weight}分`), ...(score ? [W.GROUP_SCORE(score)] : [])]);
  if (!asCaption) b.heading3(head);
  if (!f || rate === undefined || f.adjusted === undefined || f.executed === undefined) {
    if (asCaption) b.para(head);
    b.para(W.EXEC_NONE);
    return;
  }
  b.wan(lab(t, '全年预算数'), f.adjusted, f.row.adjusted!.ref);
  b.wan(lab(t, '全年执行数'), f.executed, f.row.executed!.ref);
  execRate(c, t, rate, f);
  b.table({
    caption: asCaption ? head : undefined,
    header: W.EXEC_HEADER,
    widths: [16, 16, 12, 8, 8],
    rows: [[num(f.adjusted, 'amount'), num(f.executed, 'amount'), num(rate, 'rate'), num(weight, 'score'), hasScore ? num(res!.executionScore!, 'score') : text('—')]],
  });
}

/** The projects of a department report: each one's score and grade, and its shortfalls. */
function writeProjectResults(c: Ctx): void {
  c.b.heading3(W.PROJECTS_GROUP);
  for (const p of c.projects) {
    const r = projectResult(c, p);
    const short = shortfalls(c, p);
    if (p.totalsMissing) c.gaps.push(W.NOTICE_NO_TOTALS_ROW(projectName(p)));
    const result = p.totalsMissing ? W.PROJECT_NO_TOTALS_ROW(projectName(p)) : W.PROJECT_RESULT(projectName(p), r.totalText, r.gradeText);
    c.b.para(result + (short.length ? W.PROJECT_SHORT_LEAD : W.PROJECT_ALL_FULL));
    for (const s of short) c.b.para(shortfallText(c, p, s));
  }
}
