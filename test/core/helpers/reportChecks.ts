// Checks every report must pass: its narrative speaks as the department (none of the tool
// phrases), and every number it prints traces to a figure (doc.figures), a cell of one of its
// tables, or a cell of the workbook it was written from.

import type { Grid } from '../../../src/core/grid';
import { TOOL_PHRASES } from '../../../src/core/report';
import { cellText } from '../../../src/core/report/model';
import type { ReportDoc } from '../../../src/core/types';

/** The narrative: titles, headings and paragraphs (not the notice, not the tables). */
export function narrativeLines(doc: ReportDoc): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'title' || b.type === 'paragraph') out.push(b.text);
    else if (b.type === 'heading') out.push(b.text);
    else if (b.type === 'table' && b.caption) out.push(b.caption);
  }
  return out;
}

export function toolPhrasesIn(doc: ReportDoc): string[] {
  const text = narrativeLines(doc).join('\n');
  return TOOL_PHRASES.filter((p) => text.includes(p));
}

const NUMBER = /\d+(?:\.\d+)?/g;
const numbersIn = (s: string): number[] => (s.match(NUMBER) ?? []).map(Number);
/** The report's own numbering: 1. at the start of an item (一、 and （一） have no digits). */
const ITEM_NO = /^\d+\.\s/;

/**
 * Numbers printed in the narrative that are neither a figure, nor a cell of the report's tables,
 * nor inside a text cell of the workbook (a text the report quotes: 年度目标, 偏差原因 …). A
 * workbook cell that holds a number does not count: such a number must come through `figures`.
 */
export function untracedNumbers(doc: ReportDoc, grid: Grid, tables = true): string[] {
  const known = new Set<number>();
  const add = (s: string | number | boolean | null | undefined) => {
    if (typeof s === 'number') known.add(s);
    if (typeof s === 'string') for (const n of numbersIn(s)) known.add(n);
  };
  for (const f of doc.figures) {
    add(f.display);
    add(f.value);
  }
  if (tables) for (const b of doc.blocks) if (b.type === 'table') for (const r of b.rows) for (const c of r) add(cellText(c));
  for (const sh of grid.sheets) for (const row of sh.rows) for (const c of row ?? []) if (c && typeof c.value === 'string') add(c.value);
  const has = (n: number) => known.has(n) || [...known].some((k) => Math.abs(k - n) < 1e-9 || Math.abs(k * 100 - n) < 1e-6);
  const out: string[] = [];
  for (const line of narrativeLines(doc)) for (const n of numbersIn(line.replace(ITEM_NO, ''))) if (!has(n)) out.push(`${n} in “${line.slice(0, 60)}”`);
  return out;
}
