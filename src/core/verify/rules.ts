// The rules of `selfeval verify` (rules.md, "Written reports"): each id, its severity and what
// it points at. README.md beside this file lists them for readers; the two must agree
// (test/core/verify/rules.test.ts checks it).

import type { Severity } from '../types';

export type TextRuleId =
  | 'text.figure'
  | 'text.conflict'
  | 'text.unit'
  | 'text.sum'
  | 'text.total'
  | 'text.grade'
  | 'text.grade_score'
  | 'text.numbering'
  | 'text.outline'
  | 'text.completion'
  | 'text.unverified'
  | 'text.empty';

export interface TextRule {
  id: TextRuleId;
  severity: Severity;
  /** What the rule finds, in English (the messages themselves are in messages.ts, in Chinese). */
  what: string;
  /** What the finding points at. */
  pointsAt: string;
}

export const TEXT_RULES: readonly TextRule[] = [
  {
    id: 'text.figure',
    severity: 'error',
    what: 'a figure in the text differs from the table figure its words name (both values given)',
    pointsAt: 'the paragraph, and the table cell of the figure',
  },
  {
    id: 'text.conflict',
    severity: 'error',
    what: 'one quantity (same words, same scope) is stated with two different values in the text',
    pointsAt: 'the paragraph of the later statement (the message quotes the earlier one), and the table cell when the tables hold the quantity',
  },
  {
    id: 'text.unit',
    severity: 'error',
    what: 'a unit slip: the number matches a table amount in 万元 but is written with 元 or 亿元 (or written in 万元 where it is the amount in 元)',
    pointsAt: 'the paragraph, and the table cell of the amount meant',
  },
  {
    id: 'text.sum',
    severity: 'error',
    what: 'arithmetic stated in a sentence does not add up: a 共计/合计/总计 and its items after 其中 differ, or items exceed a 总额',
    pointsAt: 'the paragraph',
  },
  {
    id: 'text.total',
    severity: 'error',
    what: 'the total score stated in the text differs from the recomputed total of its table',
    pointsAt: "the paragraph, and the table's 总分 cell",
  },
  {
    id: 'text.grade',
    severity: 'error',
    what: 'the grade stated in the text is not the grade of the recomputed total',
    pointsAt: "the paragraph, and the table's grade cell",
  },
  {
    id: 'text.grade_score',
    severity: 'error',
    what: 'the grade stated in the text does not fit the total score stated in the same paragraph (≥90 优, ≥80 良, ≥60 中, else 差)',
    pointsAt: 'the paragraph',
  },
  {
    id: 'text.numbering',
    severity: 'warning',
    what: 'heading numbering drifts: a style mixed into a sequence (（一）（2）（三）), a skipped, repeated or out-of-order number (一、 after 三、)',
    pointsAt: 'the heading paragraph',
  },
  {
    id: 'text.outline',
    severity: 'warning',
    what: 'a required section or subsection of the outline (report.md) is missing',
    pointsAt: 'the heading of the section it belongs in (or the first paragraph)',
  },
  {
    id: 'text.completion',
    severity: 'warning',
    what: 'the text says an indicator was completed while its table row shows it short (score below its weight, or tier not 达成)',
    pointsAt: "the paragraph, and the indicator's 实际完成值 cell",
  },
  {
    id: 'text.unverified',
    severity: 'info',
    what: 'a figure the text states that the workbook does not hold ("not in the tables"), so the officer sees what is unchecked',
    pointsAt: 'the paragraph',
  },
  {
    id: 'text.empty',
    severity: 'info',
    what: 'the report holds no text at all',
    pointsAt: 'paragraph 0',
  },
];

const BY_ID = new Map(TEXT_RULES.map((r) => [r.id, r]));

export function textRule(id: TextRuleId): TextRule {
  return BY_ID.get(id) as TextRule;
}
