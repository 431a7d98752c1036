// A table's head (workbook.md §3.1): name, 主管部门, 实施单位 and a year label, above the blocks.

import type { Fig, Table, TableKind } from '../types';
import { matchLabel, normLabel, splitLabelValue } from '../labels';
import { parseYear } from '../value';
import type { Ctx } from './figures';
import type { OwnCell, View } from './view';
import { ANY_HEAD, DEPT_HEAD, PROJECT_HEAD, YEAR_HEAD } from './vocabulary';
import { nameInTitle } from './titles';

/** A head label: one of `labels`, or for a department a compound label ending in 部门名称 / 单位名称 (预算部门、单位名称). */
function headLabel(text: string, labels: readonly string[], kind: TableKind): string | undefined {
  const k = matchLabel(text, labels);
  if (k || kind === 'project') return k;
  const n = normLabel(text);
  return n.length <= 12 && /(部门|单位)名称$/.test(n) ? '部门名称' : undefined;
}

interface HeadOut {
  head: Record<string, Fig<string>>;
  year?: Fig<number>;
}

function readHeadCell(ctx: Ctx, view: View, r: number, o: OwnCell, labels: readonly string[], kind: TableKind, out: HeadOut): void {
  let k = headLabel(o.text, labels, kind);
  let yearLabel = !k && !out.year && matchLabel(o.text, YEAR_HEAD);
  if (k || yearLabel) {
    const next = view.nextRight(r, o.c);
    let fig: Fig<string>;
    if (next && !(typeof next.cell.value === 'string' && matchLabel(next.text, ANY_HEAD))) fig = ctx.text(view, r, next.c, k ?? '评价年度');
    else fig = { value: '', ref: view.ref(r, view.endCol(r, o.c) + 1) };
    if (k && !out.head[k]) out.head[k] = fig;
    if (yearLabel) {
      const y = parseYear(fig.value);
      if (y) out.year = { value: y, ref: fig.ref, text: fig.value };
    }
    return;
  }
  const sv = splitLabelValue(o.text);
  if (!sv) return;
  k = headLabel(sv.label, labels, kind);
  if (k && !out.head[k]) out.head[k] = { value: sv.value, ref: view.ref(r, o.c), text: o.text };
  yearLabel = !k && !out.year && matchLabel(sv.label, YEAR_HEAD);
  if (yearLabel) {
    const y = parseYear(sv.value);
    if (y) out.year = { value: y, ref: view.ref(r, o.c), text: o.text };
  }
}

/** Reads the head rows [from, to) into the table: name, 主管部门, 实施单位, a year; missing names go to table.missing. */
export function readHead(ctx: Ctx, view: View, table: Table, from: number, to: number): void {
  const kind = table.kind;
  const labels = kind === 'project' ? PROJECT_HEAD : DEPT_HEAD;
  const out: HeadOut = { head: {}, year: table.year };
  for (const r of view.rowsIn(from, to)) for (const o of view.row(r)) if (typeof o.cell.value === 'string') readHeadCell(ctx, view, r, o, labels, kind, out);
  if (out.year) table.year = out.year;
  const head = out.head;
  if (kind !== 'project') {
    const fromTitle = nameInTitle(table.title);
    if (head['部门名称']) table.name = head['部门名称'];
    // 某县市场监督管理局2025年度部门整体支出绩效自评表 names the department in its title.
    else if (fromTitle) table.name = { value: fromTitle, ref: table.titleRef, text: table.title };
    else table.missing.push('部门名称');
  } else {
    if (head['项目名称']) table.name = head['项目名称'];
    else table.missing.push('项目名称');
    if (head['主管部门']) table.competentDept = head['主管部门'];
    if (head['实施单位']) table.implementer = head['实施单位'];
  }
}
