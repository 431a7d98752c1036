// The problems of 五（一） and the measures of 五（二）, one measure per problem.
//
// Problems: the department's own (存在问题 of 基本情况), then those the data show: a 执行率
// below 100 % and each indicator below full marks (the department's and, in a department
// report, its projects'). A data problem the department already states (an execution
// problem in its words, or one naming the indicator) is written once: the department's
// sentence with the figures added.
// Measures: the department's 改进措施 in the order of its problems; for a data problem the
// measure part of its 偏差原因分析及改进措施 cell, else a measure naming that problem.

import type { Table } from '../types';
import type { Ctx } from './context';
import { fundsRow, lab, projectName, rateOf, rateRef, resultOf, shortfalls } from './context';
import { roundTo } from '../format';
import { bare, endSentence, readingText, splitItems, textOf } from './text';
import { splitDeviation } from './deviation';
import { execRate } from './section1';
import * as W from './wording';

export interface Problem {
  problem: string;
  measure: string;
}

interface Derived {
  /** What the department's own problem is matched by. */
  matches: (userProblem: string) => boolean;
  /** The problem as a full sentence, and the figures to add to a user's sentence. */
  problem: string;
  detail: string;
  measure: string;
  exec?: boolean;
}

function tablesWithProblems(c: Ctx): Table[] {
  return c.projectOnly ? c.mainTables : [...c.mainTables, ...c.projects];
}

function derivedProblems(c: Ctx): Derived[] {
  const out: Derived[] = [];
  for (const t of tablesWithProblems(c)) {
    const who = t.kind === 'project' && (!c.projectOnly || c.projects.length > 1) ? projectName(t) : '';
    const f = fundsRow(t, 'total');
    const rate = rateOf(resultOf(c, t), f);
    // a project's execution is part of its department's: only the tables the report rests on
    const own = c.mainTables.includes(t);
    if (own && f && rate !== undefined && roundTo(rate, 4) < 1 && f.adjusted !== undefined && f.executed !== undefined) {
      const rateText = execRate(c, t, rate, f);
      const left = c.b.wan(lab(t, '未执行金额（重算）'), f.adjusted - f.executed, f.row.executed!.ref, W.NOTE_RECOMPUTED);
      out.push({
        // the department's own execution problem is this one only when the report rests on one table
        matches: (p) => c.mainTables.length === 1 && W.EXEC_PROBLEM.test(p),
        problem: W.PROBLEM_EXEC(who, rateText, left),
        detail: W.PROBLEM_EXEC_DETAIL(rateText, left),
        measure: out.some((d) => d.exec) ? W.MEASURE_EXEC_MORE(who, left) : W.MEASURE_EXEC(who, left),
        exec: true,
      });
    }
    for (const s of shortfalls(c, t)) {
      const target = readingText(s.ind.target);
      const actual = readingText(s.ind.actual);
      const detail: string[] = [];
      if (target) detail.push(`指标值为${target}`);
      if (actual) detail.push(`完成值为${actual}`);
      if (s.belowFull && s.score !== undefined && s.weight !== undefined)
        detail.push(`得分${c.b.score(lab(t, `${s.ind.name}：得分${s.recomputed ? '（重算）' : ''}`), s.score, s.ind.score?.ref ?? s.ind.nameRef)}（分值${s.weight}分）`);
      else detail.push(W.SHORT_UNMET);
      const dev = splitDeviation(textOf(s.ind.deviation));
      const name = s.ind.name;
      out.push({
        matches: (p) => name.length >= 2 && p.includes(name),
        problem: W.PROBLEM_INDICATOR(who, name, detail.join('，')),
        detail: `“${name}”${detail.join('，')}`,
        measure: dev.measure ? W.MEASURE_OWN(who, name, endSentence(dev.measure)) : W.MEASURE_INDICATOR(who, name, dev.reason, target),
      });
    }
  }
  return out;
}

/** The problems and their measures, one to one, each written once. */
export function problemsAndMeasures(c: Ctx): Problem[] {
  const userProblems = splitItems(textOf(c.basic?.problems), true);
  const userMeasures = splitItems(textOf(c.basic?.measures), true);
  const derived = derivedProblems(c);
  const used = new Set<Derived>();
  const out: Problem[] = userProblems.map((p, i) => {
    const d = derived.find((x) => !used.has(x) && x.matches(p));
    if (d) used.add(d);
    const problem = d ? `${bare(p)}，${d.detail}。` : p;
    let measure = userMeasures[i];
    if (!measure && d) measure = d.measure;
    if (!measure) {
      c.gaps.push(W.NOTICE_MEASURE_GAP(i + 1));
      measure = W.MEASURE_GAP(bare(p));
    }
    return { problem, measure };
  });
  for (const d of derived) if (!used.has(d)) out.push({ problem: d.problem, measure: d.measure });
  // measures beyond the department's problems are its own words too
  for (let i = userProblems.length; i < userMeasures.length; i++) out.push({ problem: '', measure: userMeasures[i] });
  return dedupeMeasures(out);
}

/** No measure sentence twice: a repeated one is kept where it first stands. */
function dedupeMeasures(list: Problem[]): Problem[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const key = bare(p.measure);
    if (p.problem === '' && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
