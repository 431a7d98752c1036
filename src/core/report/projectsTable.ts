// The table of every project: 项目名称 | 资金情况（万元）: 全年预算数, 全年执行数 | 执行率 | 自评得分 | 评价等级.
// Written in 二（一） of a department report and in 一（二） of a project report.

import type { Table } from '../types';
import type { Ctx } from './context';
import { fundsRow, lab, plainProjectName, rateOf, rateRef, resultOf } from './context';
import { gradeName } from '../format';
import { num, text, type ReportCell } from './model';
import { numOf, textOf } from './text';
import * as W from './wording';

const NONE = '—';

export function projectsTable(c: Ctx): void {
  if (c.projects.length === 0) return;
  c.b.table({
    header: W.PROJECTS_TABLE_HEADER,
    groups: W.PROJECTS_TABLE_GROUPS,
    widths: [28, 12, 12, 13, 10, 10],
    rows: c.projects.map((p) => projectRow(c, p)),
  });
}

/** The score and grade of a project as the report states them (recomputed, else stated). */
export function projectResult(c: Ctx, p: Table): { total?: number; grade?: string; totalText?: string; gradeText?: string } {
  const res = resultOf(c, p);
  const totalRef = p.totals?.score?.ref ?? p.totals?.labelRef ?? p.titleRef;
  const gradeRef = p.totals?.grade?.ref ?? totalRef;
  const computed = res?.computedTotal !== undefined && Number.isFinite(res.computedTotal) ? res.computedTotal : undefined;
  const total = computed ?? res?.statedTotal ?? numOf(p.totals?.score);
  const grade = res?.computedGrade ?? res?.statedGrade ?? textOf(p.totals?.grade);
  const out: { total?: number; grade?: string; totalText?: string; gradeText?: string } = { total, grade };
  if (total !== undefined) out.totalText = c.b.score(lab(p, computed !== undefined ? '总分（重算）' : '总分（填报）'), total, totalRef);
  if (grade) out.gradeText = c.b.fig(lab(p, res?.computedGrade ? '评价等级（重算）' : '评价等级（填报）'), gradeName(grade), grade, gradeRef);
  return out;
}

function projectRow(c: Ctx, p: Table): ReportCell[] {
  const { b } = c;
  const name = plainProjectName(p);
  if (textOf(p.name)) b.fig('项目名称', name, name, p.name!.ref);
  const f = fundsRow(p, 'total');
  const cells: ReportCell[] = [text(name)];
  if (f?.adjusted !== undefined) {
    b.wan(`${name}全年预算数`, f.adjusted, f.row.adjusted!.ref);
    cells.push(num(f.adjusted, 'amount'));
  } else cells.push(text(NONE));
  if (f?.executed !== undefined) {
    b.wan(`${name}全年执行数`, f.executed, f.row.executed!.ref);
    cells.push(num(f.executed, 'amount'));
  } else cells.push(text(NONE));
  const rate = rateOf(resultOf(c, p), f);
  if (rate !== undefined && f) {
    b.rate(`${name}执行率（重算）`, rate, rateRef(p, f));
    cells.push(num(rate, 'rate'));
  } else cells.push(text(NONE));
  const r = projectResult(c, p);
  cells.push(r.total !== undefined ? num(r.total, 'score') : text(NONE));
  cells.push(text(r.grade ? gradeName(r.grade) : NONE));
  return cells;
}
