// 三、绩效目标实现情况及指标分析: （一）总体绩效目标实现情况 and （二）分项, where each level-1
// group of indicators is a table under its heading, 预算执行率 is a group of its own, the
// indicators below full marks are named with their 偏差原因, and a department report ends
// with its projects: each one's score and shortfalls.

import type { Table } from '../types';
import type { Ctx, Scored } from './context';
import { fundsRow, lab, plainProjectName, projectName, rateOf, rateRef, resultOf, scoredIndicators, shortfalls } from './context';
import { bare, endSentence, readingText, splitItems, textOf } from './text';
import { num, text, type ReportCell } from './model';
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
    writeExecution(c, t, several);
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

interface Group {
  name: string;
  list: Scored[];
}

function groupsOf(scored: Scored[]): Group[] {
  const groups: Group[] = [];
  for (const s of scored) {
    const key = s.ind.level1 || W.LEVEL1_MISSING;
    let g = groups.find((x) => x.name === key);
    if (!g) groups.push((g = { name: key, list: [] }));
    g.list.push(s);
  }
  return groups;
}

const sum = (xs: (number | undefined)[]) => (xs.every((x) => x !== undefined) ? (xs as number[]).reduce((a, v) => a + v, 0) : undefined);

/** One level-1 group: its heading (or, for a part of a project report, its caption), table and shortfalls. */
function writeGroups(c: Ctx, t: Table, asCaption: boolean): void {
  const scored = scoredIndicators(t, resultOf(c, t));
  if (scored.length === 0) {
    c.b.para(W.INDICATORS_NONE);
    return;
  }
  for (const g of groupsOf(scored)) {
    const firstRef = g.list[0].ind.level1Ref;
    const meta: string[] = [];
    const sumW = sum(g.list.map((s) => s.weight));
    const sumS = sum(g.list.map((s) => s.score));
    if (sumW !== undefined) meta.push(W.GROUP_WEIGHT(c.b.score(lab(t, `${g.name}分值合计`), sumW, firstRef)));
    if (sumS !== undefined) meta.push(W.GROUP_SCORE(c.b.score(lab(t, `${g.name}得分合计（重算）`), sumS, firstRef)));
    const head = W.GROUP_HEAD(g.name, meta);
    if (!asCaption) c.b.heading3(head);
    c.b.table({ caption: asCaption ? head : undefined, header: W.INDICATOR_HEADER, widths: [13, 25, 14, 14, 8, 8], rows: g.list.map((s) => indicatorRow(c, t, s)) });
    const short = g.list.filter((s) => s.belowFull || s.unmet);
    if (short.length === 0) {
      if (g.list.every((s) => s.weight !== undefined && s.score !== undefined)) c.b.para(W.GROUP_FULL(g.name));
      continue;
    }
    for (const s of short) c.b.para(shortfallText(c, t, s));
  }
}

function indicatorRow(c: Ctx, t: Table, s: Scored): ReportCell[] {
  const { b } = c;
  const name = s.ind.name;
  const target = readingText(s.ind.target);
  const actual = readingText(s.ind.actual);
  if (target) b.fig(lab(t, `${name}：指标值`), target, target, s.ind.target.ref);
  if (actual) b.fig(lab(t, `${name}：完成值`), actual, actual, s.ind.actual.ref);
  const cells: ReportCell[] = [text(s.ind.level2), text(name), text(target ?? W.NOT_FILLED_CELL), text(actual ?? W.NOT_FILLED_CELL)];
  if (s.weight !== undefined && s.ind.weight) {
    b.score(lab(t, `${name}：分值`), s.weight, s.ind.weight.ref);
    cells.push(num(s.weight, 'score'));
  } else cells.push(text('—'));
  if (s.score !== undefined) {
    const stated = s.recomputed && s.stated !== undefined && Math.abs(s.stated - s.score) >= 0.005 ? W.NOTE_STATED(`${s.stated}分`) : undefined;
    b.score(lab(t, `${name}：得分${s.recomputed ? '（重算）' : ''}`), s.score, s.ind.score?.ref ?? s.ind.nameRef, stated);
    cells.push(num(s.score, 'score'));
  } else cells.push(text('—'));
  return cells;
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
    c.b.para(W.PROJECT_RESULT(projectName(p), r.totalText, r.gradeText) + (short.length ? W.PROJECT_SHORT_LEAD : W.PROJECT_ALL_FULL));
    for (const s of short) c.b.para(shortfallText(c, p, s));
  }
}
