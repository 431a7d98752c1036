// Arithmetic a sentence states (text.sum): a 共计/合计/总计 and its items (after 其中, or
// listed before the total), or a 总额 whose items after 其中 exceed it.

import { fmtNum } from '../format';
import { quoteFigure, textFinding } from './finding';
import { MSG } from './messages';
import type { TextFigure, TextFinding } from './types';

const EXACT = /(共计|合计|总计|累计|共)[为是达]?[:：]?\s*$/;
const AT_MOST = /(总额|总数|总计划)[为是达]?[:：]?\s*(\([^)]*\))?\s*$/;

const sameSentence = (a: TextFigure, b: TextFigure) => a.paragraph === b.paragraph && a.sentenceStart === b.sentenceStart;
const sameKind = (a: TextFigure, b: TextFigure) => a.cls === b.cls && (a.cls !== 'count' || a.unit === b.unit);
const half = (t: TextFigure) => 0.5 * Math.pow(10, -t.decimals) * (t.cls === 'amount' && t.unit === '元' ? 1e-4 : 1);

function show(t: TextFigure): string {
  return t.text.replace(/\s+/g, '');
}

function judge(total: TextFigure, items: TextFigure[], exact: boolean): TextFinding | undefined {
  const sum = items.reduce((a, x) => a + x.value, 0);
  const tol = items.reduce((a, x) => a + half(x), half(total)) + 1e-9;
  const unit = total.cls === 'amount' ? '万元' : total.unit;
  const parts = items.map(show).join(' + ');
  const sumText = `${fmtNum(sum)}${unit}`;
  if (exact && Math.abs(sum - total.value) > tol) return textFinding('text.sum', total.paragraph, quoteFigure(total), MSG.sumTotal(show(total), parts, sumText), undefined, { expected: sum, actual: total.value });
  if (!exact && sum > total.value + tol) return textFinding('text.sum', total.paragraph, quoteFigure(total), MSG.sumExceeds(show(total), parts, sumText), undefined, { expected: total.value, actual: sum });
  return undefined;
}

/** The sums of one paragraph's figures. */
export function checkSums(all: TextFigure[]): TextFinding[] {
  const out: TextFinding[] = [];
  const bySentence = new Map<number, TextFigure[]>();
  for (const t of all) {
    const list = bySentence.get(t.sentenceStart);
    if (list) list.push(t);
    else bySentence.set(t.sentenceStart, [t]);
  }
  all.forEach((t) => {
    const figures = bySentence.get(t.sentenceStart) as TextFigure[];
    const k = figures.indexOf(t);
    if (t.cls !== 'amount' && t.cls !== 'count' && t.cls !== 'score') return;
    const exact = EXACT.test(t.lead);
    if (!exact && !AT_MOST.test(t.lead)) return;
    const rest = t.sentence.slice(t.end - t.sentenceStart);
    const qi = rest.indexOf('其中');
    if (qi >= 0) {
      const from = t.end + qi;
      const stop = rest.indexOf('；', qi);
      const to = stop >= 0 ? t.end + stop : Infinity;
      const items = figures.filter((x) => sameSentence(x, t) && sameKind(x, t) && x.start > from && x.start < to);
      if (items.length >= 2) {
        const f = judge(t, items, exact);
        if (f) out.push(f);
      }
      return;
    }
    if (!exact) return;
    const before = figures.slice(0, k).filter((x) => sameSentence(x, t) && sameKind(x, t));
    if (before.length >= 2) {
      const f = judge(t, before, true);
      if (f) out.push(f);
    }
  });
  return out;
}
