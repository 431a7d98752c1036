// What a sentence is about beyond its own words: the project it names, the quoted names in it,
// the label before a paragraph's first colon; and which table its totals and grades belong to.

import type { Evaluation } from '../engine';
import type { Table, TableResult } from '../types';
import { tableScope } from './facts';
import { words } from './match';
import { headingLike, markerOf } from './headings';
import type { Paragraph, TextFigure } from './types';

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
  return [paragraphLabel(f.paragraph.text), ...quoted, ...projects, f.paragraph.section ?? ''].join('|');
}

/** Each paragraph with the project its part is about: the last heading (or paragraph opening with “name”) naming a project, until a heading that names none. */
export function withSections(ev: Evaluation, paragraphs: Paragraph[]): Paragraph[] {
  let section = '';
  return paragraphs.map((p) => {
    const m = markerOf(p);
    if (p.heading || (m && m.marker.level <= 3 && headingLike(p, p.text.trim()))) {
      const named = projectsNamed(ev, p.text);
      section = named.length ? tableScope(named[0].table) : '';
    } else {
      // a paragraph opening with a project's name (“…经费”自评得分…) starts that project's part
      const opening = /^\s*[“"]([^”"]{2,60})[”"]/.exec(p.text);
      const named = opening ? projectsNamed(ev, opening[1]) : [];
      if (named.length) section = tableScope(named[0].table);
    }
    return section ? { ...p, section } : p;
  });
}

export type { Table };
