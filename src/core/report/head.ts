// The head of the report: its title, the preamble, and the opening notice (written last,
// placed right after the title) of remaining errors and of parts that could not be written.

import type { Fig } from '../types';
import type { Ctx } from './context';
import { plainProjectName } from './context';
import { bare, textOf } from './text';
import * as W from './wording';

/** Name and year of the report, recorded as figures. */
export function nameAndYear(c: Ctx): void {
  const { b, basic, dept, projects } = c;
  const nameFig =
    (textOf(basic?.department) ? basic?.department : undefined) ??
    (textOf(dept?.name) ? dept?.name : undefined) ??
    projects.map((p) => (textOf(p.competentDept) ? p.competentDept : textOf(p.implementer) ? p.implementer : undefined)).find((x) => x);
  if (nameFig) c.deptName = b.fig('部门名称', textOf(nameFig) as string, textOf(nameFig) as string, nameFig.ref);
  const yearFig = [basic?.year, dept?.year, ...c.read.tables.map((t) => t.year)].find(
    (y): y is Fig<number> => !!y && typeof y.value === 'number' && Number.isFinite(y.value),
  );
  if (yearFig) c.year = b.fig('评价年度', String(yearFig.value), yearFig.value, yearFig.ref);
  c.subject = c.deptName ?? '本部门';
  c.yearWords = c.year ? `${c.year}年度` : '本年度';
}

export function writeTitle(c: Ctx): string {
  const yearShown = c.year ? `${c.year}年度` : W.YEAR_MISSING;
  let title: string;
  if (!c.projectOnly) title = W.TITLE_DEPT(c.deptName ?? W.NAME_MISSING, yearShown);
  else if (c.projects.length === 1) {
    const p = c.projects[0];
    const name = textOf(p.name) ? c.b.fig('项目名称', plainProjectName(p), plainProjectName(p), p.name!.ref) : c.deptName ?? W.NAME_MISSING;
    title = W.TITLE_PROJECT(name, yearShown);
  } else title = W.TITLE_PROJECT(c.deptName ?? W.NAME_MISSING, yearShown);
  c.b.title(title);
  return title;
}

export function writePreamble(c: Ctx): void {
  const basisText = textOf(c.basic?.basis);
  let basis = W.BASIS_DEFAULT;
  if (basisText) {
    // several documents, one per line or separated by '；', read as one list
    const docs = bare(basisText.split(/\s*(?:\r\n|\r|\n|[；;])\s*/).map(bare).filter((x) => x !== '').join('、'));
    basis = W.basisPhrase(docs);
  }
  c.b.para(W.PREAMBLE(basis, c.subject, c.yearWords, c.projectOnly));
  if (!c.basic) c.gaps.push(W.NOTICE_NO_BASIC);
  if (c.read.tables.length === 0) c.gaps.push(W.NOTICE_NO_TABLES);
}

/** The notice, inserted after the title: remaining errors first, then what could not be written. */
export function insertNotice(c: Ctx): void {
  const errors = c.findings.filter((f) => f.severity === 'error');
  const items: string[] = [];
  let text: string;
  if (errors.length > 0) {
    items.push(...errors.slice(0, W.NOTICE_MAX_ITEMS).map((f) => `${f.sheet}!${f.cell}：${f.message}`));
    if (errors.length > W.NOTICE_MAX_ITEMS) items.push(W.NOTICE_MORE(errors.length - W.NOTICE_MAX_ITEMS));
    text = W.NOTICE_ERRORS(errors.length);
  } else if (c.gaps.length > 0) text = W.NOTICE_PARTS;
  else return;
  items.push(...c.gaps);
  c.b.blocks.splice(1, 0, { type: 'notice', text, items });
}
