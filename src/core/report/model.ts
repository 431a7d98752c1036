// The narrative report (report.md) as a document model that every host renders the same
// way: the report sheet (sheet.ts), Word (docx.ts), the plain text VERIFY reads.
//
// Tables are real tables: a header (optionally with a row of merged group cells above it),
// rows of typed cells, relative column widths. A number cell keeps its number and says what
// kind of number it is, so each renderer formats it (万元 two decimals, rates as percent).

import type { Ref } from '../types';
import { fmtRate, fmtScore, fixed2, roundTo } from '../format';

/** What a number in a table is: 万元 amount, a rate (fraction), a score, a count. */
export type NumberKind = 'amount' | 'rate' | 'score' | 'count';

export type ReportCell = { type: 'text'; text: string } | { type: 'number'; value: number; kind: NumberKind };

/** A header cell above several columns (span), or above one column and the header row beneath (span 1, same text as that column's header: merged down). */
export interface HeaderGroup {
  text: string;
  span: number;
}

export interface ReportTable {
  type: 'table';
  /** A bold line above the table, when its heading does not name it. */
  caption?: string;
  /** One title per column. */
  header: string[];
  /** Merged header cells above `header`, spanning all columns in order. */
  groups?: HeaderGroup[];
  /** Relative column widths (character units), one per column. */
  widths: number[];
  rows: ReportCell[][];
  /** Rows tall enough to sign in (the team list with its 签字 column). */
  signing?: boolean;
}

export type ReportBlock =
  | { type: 'title'; text: string }
  /** The notice a report opens with when errors remain (or parts could not be written). */
  | { type: 'notice'; text: string; items: string[] }
  /** level 1: 一、… ; level 2: （一）… ; level 3: 1. … (the number is part of text). */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | ReportTable;

/** A figure the report uses, with its source cell. */
export interface FigureUse {
  /** What the figure is, e.g. '年初预算数'. */
  label: string;
  /** As the narrative prints it, e.g. '154.74万元'. */
  display: string;
  value: number | string;
  ref: Ref;
  /** What the checker knows about it and the narrative does not say, e.g. '表中填报98分'. */
  note?: string;
}

export interface ReportDoc {
  /** 部门整体支出 or 项目支出 report. */
  kind?: 'department' | 'project';
  title: string;
  blocks: ReportBlock[];
  figures: FigureUse[];
}

export const text = (t: string | undefined | null): ReportCell => ({ type: 'text', text: t ?? '' });
/** A number cell; a score is kept at the two decimals it is shown with. */
export const num = (value: number, kind: NumberKind): ReportCell => ({ type: 'number', value: kind === 'score' ? roundTo(value, 2) : value, kind });

/** A number cell as printed: amounts 0.00, rates 0.00%, scores with at most two decimals. */
export function cellText(c: ReportCell): string {
  if (c.type === 'text') return c.text;
  switch (c.kind) {
    case 'amount':
      return fixed2(c.value);
    case 'rate':
      return fmtRate(c.value);
    case 'score':
      return fmtScore(c.value);
    default:
      return String(c.value);
  }
}

/** Every text line of the document, tables as rows of cells joined by a tab (for tests and plain-text hosts). */
export function docLines(doc: ReportDoc): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'table') {
      if (b.caption) out.push(b.caption);
      if (b.groups) out.push(b.groups.map((g) => g.text).join('\t'));
      out.push(b.header.join('\t'));
      for (const r of b.rows) out.push(r.map(cellText).join('\t'));
    } else if (b.type === 'notice') out.push(b.text, ...b.items);
    else out.push(b.text);
  }
  return out;
}
