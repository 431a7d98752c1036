// The vocabulary of `verify` (issue 9): a written report as numbered paragraphs, the figures
// found in them, and the findings on them.

import type { Finding, Ref } from '../types';

/** Where a paragraph came from. */
export type ParagraphOrigin =
  /** A paragraph of a .docx body (index among the document's paragraphs, 0-based). */
  | { kind: 'docx'; index: number }
  /** A cell of a table in a .docx (or of a table block of a report model); all 0-based. */
  | { kind: 'table'; table: number; row: number; col: number }
  /** A line of a .txt file (1-based). */
  | { kind: 'line'; line: number }
  /** A cell of a sheet holding narrative. */
  | { kind: 'cell'; sheet: string; cell: string };

export interface Paragraph {
  /** 1-based, in document order, counting non-empty paragraphs only. */
  no: number;
  text: string;
  origin: ParagraphOrigin;
  /** For a table cell: the text of its whole row, which says what the cell's figure is about. */
  row?: string;
  /** The paragraph is a heading as its source marks it (a Word heading style, a heading block). */
  heading?: boolean;
  /** Set by verify: the project the paragraph's part of the report is about (named by the heading above it). */
  section?: string;
}

export interface ReportText {
  /** What was read: a file name or a sheet name. */
  source: string;
  paragraphs: Paragraph[];
}

export type FigureClass = 'amount' | 'rate' | 'score' | 'count' | 'grade' | 'year';

/** A figure stated in the text. */
export interface TextFigure {
  paragraph: Paragraph;
  /** Offsets of the figure's text in paragraph.text. */
  start: number;
  end: number;
  /** The figure as written, e.g. '158.5万元', '500余篇'. */
  text: string;
  cls: FigureClass;
  /** The number: amounts in 万元 as written converted (元 / 10⁴, 亿元 × 10⁴), rates in percent points, counts scaled by 万. */
  value: number;
  /** The number as written, before any conversion of the unit (158.5 of '158.5元'). */
  raw: number;
  /** The unit as written: 万元, 元, 亿元, %, 分, 篇 …; for a grade the grade letter 优/良/中/差. */
  unit: string;
  /** Decimals written. */
  decimals: number;
  approx: boolean;
  /** 余 / 多 / 超: a little more than the number. */
  more: boolean;
  /** The words before the figure in its clause (from the previous figure or the clause start). */
  lead: string;
  /** The words after the figure up to the next figure, a 、 or the clause end. */
  trail: string;
  /** What the figure is stated about: lead and trail, after the clause's head when the figure continues a 、 list. */
  subject: string;
  /** The figure's own words (lead and trail, after a 、 list's head), before any widening to its sentence. */
  core: string;
  /** The clause (between ，；。 …) holding the figure. */
  clause: string;
  /** The sentence (between 。！？ and line ends) holding the figure, and where it starts in the paragraph. */
  sentence: string;
  sentenceStart: number;
}

/** A finding on a written report: the paragraph it is about, and the table cell where there is one (sheet and cell '' otherwise). */
export interface TextFinding extends Finding {
  paragraph: number;
  /** A short quote of the sentence, at most about 40 characters. */
  quote: string;
  origin: ParagraphOrigin;
  /** The table figure's cell, when the finding involves one (the same as sheet/cell). */
  ref?: Ref;
}

export interface VerifyResult {
  text: ReportText;
  figures: TextFigure[];
  findings: TextFinding[];
}
