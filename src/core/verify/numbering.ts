// Numbering drift in headings (text.numbering): within each level's sequence (sections; the
// subsections of a section; the items of a subsection) a style mixed in (（一）（2）（三）), a
// skipped, repeated or out-of-order number (一、 after 三、); and a section whose subsections use
// （1） where the others use （一）. A （1） under a （一） heading opens a list, not a drift.

import { cnIndex } from '../format';
import { quoteOf, textFinding } from './finding';
import type { Numbered } from './headings';
import { MSG } from './messages';
import type { TextFinding } from './types';

const cnMark = (n: number) => `（${cnIndex(n)}）`;
const arMark = (n: number) => `（${n}）`;

interface Seq {
  n: number;
  mark: string;
}

function sequence(h: Numbered, seq: Seq, expectedMark: (n: number) => string, out: TextFinding[]): void {
  const k = h.marker.n;
  const quote = quoteOf(h.p.text);
  const mark = h.marker.mark.trim();
  if (seq.n === 0 ? k !== 1 : k > seq.n + 1) out.push(textFinding('text.numbering', h.p, quote, MSG.numberingSkip(mark, expectedMark(seq.n + 1))));
  else if (seq.n > 0 && k === seq.n) out.push(textFinding('text.numbering', h.p, quote, MSG.numberingRepeat(mark)));
  else if (seq.n > 0 && k < seq.n) out.push(textFinding('text.numbering', h.p, quote, MSG.numberingOrder(mark, seq.mark)));
  seq.n = Math.max(seq.n, k);
  seq.mark = mark;
}

export function checkNumbering(list: Numbered[]): TextFinding[] {
  const out: TextFinding[] = [];
  const docStyle = list.some((h) => h.marker.level === 2 && h.marker.style === 'cn') ? 'cn' : 'ar';
  const sec: Seq = { n: 0, mark: '' };
  let sub: Seq & { style?: 'cn' | 'ar' } = { n: 0, mark: '' };
  let item: Seq = { n: 0, mark: '' };
  let sublist = 0;
  for (const h of list) {
    const m = h.marker;
    const quote = quoteOf(h.p.text);
    if (m.level === 1) {
      sequence(h, sec, (n) => `${cnIndex(n)}、`, out);
      sub = { n: 0, mark: '' };
      item = { n: 0, mark: '' };
      sublist = 0;
    } else if (m.level === 2 && m.style === 'ar' && sub.style === 'cn') {
      if (sublist > 0 || m.n === 1) {
        sublist = m.n; // a list of （1）（2） inside a subsection
        item = { n: 0, mark: '' };
      } else if (m.n === sub.n + 1) {
        out.push(textFinding('text.numbering', h.p, quote, MSG.numberingStyle(m.mark.trim(), cnMark(m.n))));
        sub.n = m.n;
        sub.mark = m.mark.trim();
        item = { n: 0, mark: '' };
      }
    } else if (m.level === 2) {
      const mark = m.mark.trim();
      if (sub.n === 0) {
        if (m.style !== docStyle) out.push(textFinding('text.numbering', h.p, quote, MSG.numberingSectionStyle(mark, docStyle === 'cn' ? cnMark(m.n) : arMark(m.n))));
        else if (m.n !== 1) out.push(textFinding('text.numbering', h.p, quote, MSG.numberingSkip(mark, m.style === 'cn' ? cnMark(1) : arMark(1))));
        sub = { n: m.n, mark, style: m.style };
      } else if (m.style !== sub.style) {
        out.push(textFinding('text.numbering', h.p, quote, MSG.numberingStyle(mark, sub.style === 'cn' ? cnMark(m.n) : arMark(m.n))));
        sub.n = Math.max(sub.n, m.n);
        sub.mark = mark;
      } else sequence(h, sub, sub.style === 'ar' ? arMark : cnMark, out);
      item = { n: 0, mark: '' };
      sublist = 0;
    } else {
      if (m.n === 1 && item.n > 0) item = { n: 0, mark: '' }; // a new list
      sequence(h, item, (n) => `${n}.`, out);
    }
  }
  return out;
}
