// What a sentence is about beyond its own words: the project it names, the quoted names in it,
// the label before a paragraph's first colon; and which table its totals and grades belong to.

import type { Evaluation } from '../engine';
import type { Table, TableResult } from '../types';
import { tableScope } from './facts';
import { words } from './match';
import type { TextFigure } from './types';

/** The project tables whose names the text holds. */
export function projectsNamed(ev: Evaluation, text: string): TableResult[] {
  const w = words(text);
  return ev.check.results.filter((r) => {
    const name = words(tableScope(r.table));
    return r.table.kind === 'project' && name.length >= 2 && w.includes(name);
  });
}

/** The table a total or grade in this figure's sentence is about: a named project, else the department table, else the first. */
export function tableOf(ev: Evaluation, f: TextFigure): TableResult | undefined {
  const named = projectsNamed(ev, f.paragraph.text.slice(Math.max(0, f.sentenceStart - 200), f.end) + (f.paragraph.row ?? ''));
  if (named.length) return named[named.length - 1];
  return ev.check.results.find((r) => r.table.kind === 'department') ?? ev.check.results[0];
}

/** The label a paragraph opens with, before its first colon: '部门职责', '2025年…经费'. */
export function paragraphLabel(text: string): string {
  const m = /^\s*([^：:。；;]{1,30})[：:]/.exec(text.slice(0, 200));
  return m ? words(m[1]).replace(/^\d+/, '') : '';
}

/** The names quoted in a text: “…”, 《…》. */
export function quotedNames(text: string): string[] {
  return (text.match(/[“"「《]([^”"」》]{2,40})[”"」》]/g) ?? []).map(words);
}

/** The scope of a figure: the paragraph's label, the quoted names and project names of its sentence. */
export function scopeOf(ev: Evaluation, f: TextFigure): string {
  const quoted = quotedNames(f.sentence);
  const projects = projectsNamed(ev, f.sentence).map((r) => words(tableScope(r.table)));
  return [paragraphLabel(f.paragraph.text), ...quoted, ...projects].join('|');
}

export type { Table };
