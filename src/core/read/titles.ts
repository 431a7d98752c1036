// Table titles (workbook.md §3): …部门整体支出绩效自评表 / …项目支出绩效自评表, and the year a title gives.

import type { Fig, TableKind } from '../types';
import { toHalfWidth } from '../value';
import { half } from './names';
import type { View } from './view';
import { DEPT_EVAL_TITLE, DEPT_TITLE, PROJECT_TITLE } from './vocabulary';

export interface TitleHit {
  r: number;
  c: number;
  kind: TableKind;
  text: string;
}

/** The department a title names before its year: '某县农业农村局2025年度部门整体支出绩效自评表' -> '某县农业农村局'. */
export function nameInTitle(title: string): string {
  let i = title.indexOf(DEPT_TITLE);
  if (i < 0) i = title.indexOf(DEPT_EVAL_TITLE);
  if (i < 0) return '';
  return title
    .slice(0, i)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]?[0-9０-９]{4}\s*年度?[)）]?$/, '')
    .trim();
}

/** The kind of table a title cell announces, or undefined. */
export function titleOf(text: string): TableKind | undefined {
  if (text.length > 80 || text.indexOf('表') < 0) return undefined;
  const t = half(text);
  for (const [phrase, kind] of [
    [DEPT_TITLE, 'department'],
    [PROJECT_TITLE, 'project'],
  ] as [string, TableKind][]) {
    const i = t.indexOf(phrase);
    if (i < 0) continue;
    // What follows the phrase may only be a bracketed note: "……自评表填写说明" is not a title.
    const rest = t.slice(i + phrase.length);
    if (rest === '' || /^[([【〔]/.test(rest)) return kind;
  }
  // 部门整体支出绩效评价（自评）表, …绩效评价指标评分表: the department framework's scoring table.
  const j = t.indexOf(DEPT_EVAL_TITLE);
  if (j >= 0 && /表(?:[([【〔][^)\]】〕]*[)\]】〕])?$/.test(t)) return 'department';
  return undefined;
}

export function findTitles(view: View): TitleHit[] {
  const out: TitleHit[] = [];
  for (const r of view.used) {
    for (const o of view.row(r)) {
      if (typeof o.cell.value !== 'string') continue;
      const kind = titleOf(o.text);
      if (kind) {
        out.push({ r, c: o.c, kind, text: o.text.trim() });
        break;
      }
    }
  }
  return out;
}

/** The row of the n-th non-empty row (the sheet's top rows), or one past the end. */
export function topRowsLimit(view: View, n: number): number {
  return view.used.length >= n ? view.used[n - 1] : view.nRows;
}

/** The year a title gives, or a line such as （2025年度） just under it. */
export function titleYear(view: View, title: TitleHit, r1: number): Fig<number> | undefined {
  const ref = view.ref(title.r, title.c);
  const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(title.text));
  if (m) return { value: Number(m[1]), ref, text: title.text };
  for (const r of view.rowsIn(title.r, Math.min(title.r + 4, r1))) {
    for (const o of view.row(r)) {
      const y = /^[([]?((?:19|20)\d{2})年度?[)\]]?$/.exec(half(o.text));
      if (y) return { value: Number(y[1]), ref: view.ref(r, o.c), text: o.text };
    }
  }
  return undefined;
}
