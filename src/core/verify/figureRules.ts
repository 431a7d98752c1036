// Each figure of the text against the workbook's facts: supported, a unit slip (text.unit), a
// figure that differs from the table figure its words name (text.figure), or a figure the
// tables do not hold (text.unverified).

import { fmtNum, fmtWan } from '../format';
import type { Fact } from './facts';
import { quoteFigure, textFinding } from './finding';
import { bigrams, equalFact, labelPairs, overlap, sameKind, sameNumber } from './match';
import { MSG } from './messages';
import { paragraphLabel, quotedNames } from './scope';
import type { TextFigure, TextFinding } from './types';

/** Coverage of a fact's label by the figure's own words from which the fact is "named". */
export const STRONG = 0.6;

/** Words that make a figure a change or a starting point (新增3名, 从150名扩充至…), not the level a table holds. */
const CHANGE_WORDS = /新增|增加|减少|增长|扩充|提高|下降|降低|比上年|同比|较上年|净增|从|由|超出|差/;

export interface FigureMatch {
  figure: TextFigure;
  /** The fact the figure's words name best (coverage ≥ STRONG), if any. */
  named?: Fact;
  /** A relevant fact of equal value. */
  support?: Fact;
  finding?: TextFinding;
}

export function factText(f: Fact): string {
  switch (f.cls) {
    case 'amount':
      return fmtWan(f.value);
    case 'rate':
      return `${fmtNum(f.value)}%`;
    case 'score':
      return `${fmtNum(f.value)}分`;
    default:
      return `${fmtNum(f.value)}${f.unit}`;
  }
}

export const whereRef = (f: Fact) => `${f.ref.sheet}!${f.ref.cell}`;

/** The fact the figure's words name: highest coverage of its label, then the longer label. */
/** The words a figure is stated with: its subject, the paragraph's label, the names quoted in its sentence, a table cell's row. */
export function ownWords(t: TextFigure): Set<string> {
  return bigrams([t.subject, paragraphLabel(t.paragraph.text), ...quotedNames(t.sentence), t.paragraph.row ?? '', t.paragraph.section ?? ''].join('|'));
}

/** Between two facts the words name equally well: the one of equal value (two tables may share a name), the longer label, an actual. */
function preferred(t: TextFigure, f: Fact, than: Fact): boolean {
  const eq = equalFact(t, f);
  if (eq !== equalFact(t, than)) return eq;
  if (f.label.length !== than.label.length) return f.label.length > than.label.length;
  return f.role === 'actual' && than.role !== 'actual';
}

export function namedFact(t: TextFigure, cands: Fact[]): Fact | undefined {
  const own = ownWords(t);
  // a figure whose own words were widened to its sentence names only facts holding its own words (得分 -> …得分合计)
  const widened = t.core !== t.subject;
  let best: { f: Fact; c: number } | undefined;
  for (const f of cands) {
    const o = overlap(f.label, own);
    if (o.shared < 2 || o.coverage < STRONG) continue;
    if (widened && overlap(t.core, labelPairs(f.label)).coverage < 1) continue;
    if (!best || o.coverage > best.c + 1e-9 || (Math.abs(o.coverage - best.c) < 1e-9 && preferred(t, f, best.f))) best = { f, c: o.coverage };
  }
  return best?.f;
}

/** What the figure is about, for a message: its own words, else the fact's label. */
export function aboutOf(t: TextFigure, f?: Fact): string {
  const w = (t.lead + t.trail).replace(/^[\s、，,（(]+|[\s为是达约共:：（(）)]+$/g, '').replace(/^(其中|截至|其中：)/, '');
  return w.length >= 2 && w.length <= 20 ? w : f?.label ?? t.text;
}

function unitSlip(t: TextFigure, cands: Fact[], relevant: (f: Fact) => boolean, named?: Fact): TextFinding | undefined {
  if (t.cls !== 'amount' || t.raw === 0) return undefined;
  const meant = t.unit === '万元' ? t.raw / 1e4 : t.raw;
  // the tolerance of the unit meant: 元 for a figure written in 万元, 万元 otherwise
  const as = { ...t, value: meant, unit: t.unit === '万元' ? '元' : '万元' };
  const distinctive = !Number.isInteger(t.raw) || t.raw >= 100;
  const fits = (f: Fact) => sameNumber(as, f.value, f);
  const hit = named && fits(named) ? named : cands.find((f) => fits(f) && (relevant(f) || distinctive));
  if (!hit) return undefined;
  const msg = t.unit === '元' ? MSG.unitYuan(t.text, factText(hit), whereRef(hit)) : t.unit === '亿元' ? MSG.unitYi(t.text, factText(hit), whereRef(hit)) : MSG.unitWan(t.text, factText(hit), whereRef(hit));
  return textFinding('text.unit', t.paragraph, quoteFigure(t), msg, hit.ref, { expected: factText(hit), actual: t.text });
}

/** One figure against the facts. */
export function matchFigure(t: TextFigure, facts: Fact[]): FigureMatch {
  const cands = sameKind(t, facts);
  const sentence = bigrams(t.sentence + (t.paragraph.row ?? ''));
  const relevant = (f: Fact) => overlap(f.label, sentence).shared >= 1;
  // a fact without a cell (the profile's weights) supports a figure but is never the one it contradicts
  const named = namedFact(t, cands.filter((f) => f.ref.sheet !== ''));
  if (named && equalFact(t, named)) return { figure: t, named, support: named };
  // a figure whose words name a fact is supported only by a fact its words name as well
  const own = ownWords(t);
  const support = cands.find((f) => (named ? overlap(f.label, own).coverage >= STRONG : relevant(f)) && equalFact(t, f));
  if (support) return { figure: t, named, support };
  const slip = unitSlip(t, cands, relevant, named);
  if (slip) return { figure: t, named, finding: slip };
  if (named && !/填报/.test(t.lead) && !CHANGE_WORDS.test(t.lead + t.trail)) {
    const msg = MSG.figure(aboutOf(t, named), t.text, factText(named), whereRef(named));
    return { figure: t, named, finding: textFinding('text.figure', t.paragraph, quoteFigure(t), msg, named.ref, { expected: factText(named), actual: t.text }) };
  }
  const weak = cands.find((f) => equalFact(t, f));
  if (weak) return { figure: t, support: weak };
  return { figure: t, finding: textFinding('text.unverified', t.paragraph, quoteFigure(t), MSG.unverified(t.text)) };
}
