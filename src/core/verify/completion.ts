// An indicator the text says was completed whose table row says otherwise (text.completion):
// a clause naming the indicator (most of its name's words) with a completion word and no
// negation, while the indicator scored below its weight or its tier is not 达成.

import type { Evaluation } from '../engine';
import { fmtNum } from '../format';
import type { IndicatorResult } from '../types';
import { quoteOf, textFinding } from './finding';
import { bigrams, overlap, words } from './match';
import { MSG } from './messages';
import type { Paragraph, TextFinding } from './types';

const DONE = /(完成|达成|达到|实现|达标)/;
const NOT_DONE = /指标值|完成值|未|没有|不|尚|差距|偏差|偏低|低于|少于|仅|滞后|缓慢|待|基本|部分|确保|力争|计划|目标|针对|问题|原因|改进|措施/;
/** Share of the name's character pairs a clause must hold to name the indicator. */
const NAMES = 0.8;

function shortOf(ir: IndicatorResult): string | undefined {
  const ind = ir.indicator;
  const w = ind.weight?.value;
  const s = ir.computedScore ?? ind.score?.value ?? undefined;
  const target = ind.target.value.text;
  const actual = ind.actual.value.text;
  if (typeof w === 'number' && typeof s === 'number' && s < w - 1e-6) return `指标值${target}，完成值${actual}，得分${fmtNum(s)}分（分值${fmtNum(w)}分）`;
  if (ir.tier === '未达成' || ir.tier === '部分达成') return `指标值${target}，完成值${actual}，完成档次为${ir.tier}`;
  return undefined;
}

export function checkCompletion(ev: Evaluation, paragraphs: Paragraph[]): TextFinding[] {
  const short = ev.check.results.flatMap((r) => r.indicators).map((ir) => ({ ir, detail: shortOf(ir) })).filter((x) => x.detail && x.ir.indicator.name.length >= 4);
  if (short.length === 0) return [];
  const out: TextFinding[] = [];
  for (const p of paragraphs) {
    if (p.origin.kind === 'table' || p.row !== undefined) continue;
    let at = 0;
    for (const clause of p.text.split(/[，,；;。！？!?]/)) {
      const start = p.text.indexOf(clause, at);
      at = start + clause.length;
      // a quoted name is not a claim: the completion word must be the clause's own (not 整改完成率's)
      const own = clause.replace(/[“"「《][^”"」》]*[”"」》]/g, '').replace(/完成值|完成情况|完成档次|指标值/g, '');
      if (!DONE.test(own) || NOT_DONE.test(clause)) continue;
      const grams = bigrams(clause);
      const named = (name: string) => (/\d/.test(name) ? words(clause).includes(words(name)) : overlap(name, grams).coverage >= NAMES);
      const hit = short.find((x) => named(x.ir.indicator.name) && DONE.test(own.split(x.ir.indicator.name).join('')));
      if (!hit) continue;
      const ind = hit.ir.indicator;
      const msg = MSG.completion(ind.name, hit.detail as string, `${ind.actual.ref.sheet}!${ind.actual.ref.cell}`);
      out.push(textFinding('text.completion', p, quoteOf(clause), msg, ind.actual.ref));
    }
  }
  return out;
}
