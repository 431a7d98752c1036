// The outline of report.md (text.outline): its six sections, and the subsections each must
// have, found by the words of their headings (any numbering, any order).

import { quoteOf, textFinding } from './finding';
import type { Numbered } from './headings';
import { MSG } from './messages';
import type { Paragraph, TextFinding } from './types';

interface Part {
  name: string;
  words: RegExp;
}

interface Section extends Part {
  subs: Part[];
}

export const OUTLINE: Section[] = [
  {
    name: '部门基本情况',
    words: /基本情况/,
    subs: [
      { name: '部门概况', words: /概况/ },
      { name: '部门收支预决算情况', words: /收支|预决算|资金情况/ },
      { name: '部门整体支出绩效目标、指标', words: /绩效目标|指标/ },
    ],
  },
  {
    name: '自评工作开展情况',
    words: /自评工作|开展情况/,
    subs: [
      { name: '自评的组织工作', words: /组织/ },
      { name: '自评的方法和过程', words: /方法|过程/ },
    ],
  },
  {
    name: '部门整体支出绩效目标实现情况及指标分析',
    words: /目标实现|实现情况|指标分析/,
    subs: [
      { name: '总体绩效目标实现情况', words: /总体/ },
      { name: '分项绩效目标实现情况及指标分析', words: /分项|指标分析/ },
    ],
  },
  { name: '评价结论和评价等级', words: /结论|等级/, subs: [] },
  {
    name: '存在的问题及改进措施',
    words: /问题|改进/,
    subs: [
      { name: '存在的主要问题', words: /问题/ },
      { name: '改进措施', words: /改进|措施|建议/ },
    ],
  },
  { name: '评价工作组人员名单', words: /人员名单|工作组|名单/, subs: [] },
];

/** The first unused heading whose title has the words. */
function take<T extends { title: string }>(list: T[], used: Set<T>, words: RegExp): T | undefined {
  const h = list.find((x) => !used.has(x) && words.test(x.title));
  if (h) used.add(h);
  return h;
}

export function checkOutline(paragraphs: Paragraph[], list: Numbered[]): TextFinding[] {
  const out: TextFinding[] = [];
  const first = paragraphs[0];
  if (!first) return out;
  const sections = list.filter((h) => h.marker.level === 1);
  if (sections.length === 0) return [textFinding('text.outline', first, quoteOf(first.text), MSG.outlineNone(OUTLINE.map((s) => s.name)))];
  const used = new Set<Numbered>();
  for (const sec of OUTLINE) {
    const h = take(sections, used, sec.words);
    if (!h) {
      const last = sections[sections.length - 1];
      out.push(textFinding('text.outline', last.p, quoteOf(last.p.text), MSG.outlineSection(sec.name)));
      continue;
    }
    const from = list.indexOf(h);
    const next = list.findIndex((x, i) => i > from && x.marker.level === 1);
    const subs = list.slice(from + 1, next < 0 ? list.length : next).filter((x) => x.marker.level === 2);
    const usedSub = new Set<Numbered>();
    for (const sub of sec.subs) {
      if (!take(subs, usedSub, sub.words)) out.push(textFinding('text.outline', h.p, quoteOf(h.p.text), MSG.outlineSubsection(h.title, sub.name)));
    }
  }
  return out;
}
