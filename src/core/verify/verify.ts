// Proofreading a written report against its workbook (issue 9): the figures of the text
// matched with the workbook's, and the text's own arithmetic, conclusion, numbering and outline.

import type { Evaluation } from '../engine';
import { checkCompletion } from './completion';
import { checkGrade, checkGradeScore, checkTotal, isGradeClaim, isTotalClaim } from './conclusion';
import { findConflicts } from './conflict';
import { factsOf } from './facts';
import { figuresOf } from './figures';
import { matchFigure, type FigureMatch } from './figureRules';
import { textFinding } from './finding';
import { numberedOf } from './headings';
import { MSG } from './messages';
import { checkNumbering } from './numbering';
import { checkOutline } from './outline';
import { checkSums } from './sum';
import { withSections } from './scope';
import type { ReportText, TextFigure, TextFinding, VerifyResult } from './types';

const RANK = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(fs: TextFinding[]): TextFinding[] {
  return fs
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.paragraph - b.f.paragraph || RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/** Findings on the figures: totals and grades against the recomputed ones, the rest against the facts. */
function figureFindings(ev: Evaluation, figures: TextFigure[]): { findings: TextFinding[]; matches: FigureMatch[] } {
  const facts = factsOf(ev);
  const names = [
    ...ev.check.results.flatMap((r) => r.indicators.map((i) => i.indicator.name)),
    ...ev.check.results.flatMap((r) => r.table.level1Weights.map((w) => w.name)),
    '产出指标', '效益指标', '满意度指标',
  ];
  const findings: TextFinding[] = [];
  const matches: FigureMatch[] = [];
  const totals: TextFigure[] = [];
  for (const t of figures) {
    if (t.cls === 'year') continue;
    if (isTotalClaim(t, names)) {
      totals.push(t);
      const f = checkTotal(ev, t);
      if (f) findings.push(f);
    } else if (t.cls === 'grade') {
      if (!isGradeClaim(t)) continue;
      const f = checkGrade(ev, t) ;
      if (f) findings.push(f);
      const g = checkGradeScore(ev, t, totals);
      if (g) findings.push(g);
    } else matches.push(matchFigure(t, facts));
  }
  const conflicts = findConflicts(ev, matches);
  const conflicted = new Set(conflicts.map((c) => `${c.paragraph}|${c.quote}`));
  for (const m of matches) {
    if (!m.finding) continue;
    // a figure already reported as one side of a conflict is not reported again as unchecked
    if (m.finding.rule === 'text.unverified' && conflicted.has(`${m.finding.paragraph}|${m.finding.quote}`)) continue;
    findings.push(m.finding);
  }
  findings.push(...conflicts);
  return { findings, matches };
}

export function verifyText(text: ReportText, ev: Evaluation): VerifyResult {
  const paragraphs = withSections(ev, text.paragraphs);
  if (paragraphs.length === 0) {
    const none = { no: 0, text: '', origin: { kind: 'docx' as const, index: 0 } };
    return { text, figures: [], findings: [textFinding('text.empty', none, '', MSG.empty())] };
  }
  const perParagraph = paragraphs.map(figuresOf);
  const figures = perParagraph.flat();
  const { findings } = figureFindings(ev, figures);
  for (const fs of perParagraph) findings.push(...checkSums(fs));
  const numbered = numberedOf(paragraphs);
  findings.push(...checkNumbering(numbered), ...checkOutline(paragraphs, numbered), ...checkCompletion(ev, paragraphs));
  return { text: { ...text, paragraphs }, figures, findings: sortFindings(findings) };
}
