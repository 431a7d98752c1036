// A ReportText from raw paragraphs: empty ones dropped, the rest numbered 1, 2, … in order.

import type { Paragraph, ParagraphOrigin, ReportText } from './types';

export interface RawParagraph {
  text: string;
  origin: ParagraphOrigin;
  row?: string;
  heading?: boolean;
}

/** Tabs and line breaks inside a paragraph read as spaces; other white space is kept as written. */
function flatten(s: string): string {
  return s.replace(/[\t\r\n\u2028\u2029\v\f]+/g, ' ');
}

export function numberParagraphs(source: string, raws: RawParagraph[]): ReportText {
  const paragraphs: Paragraph[] = [];
  for (const r of raws) {
    const text = flatten(r.text);
    if (text.trim() === '') continue;
    const p: Paragraph = { no: paragraphs.length + 1, text, origin: r.origin };
    if (r.row !== undefined) p.row = flatten(r.row);
    if (r.heading) p.heading = true;
    paragraphs.push(p);
  }
  return { source, paragraphs };
}

/** Where a paragraph is, in Chinese: 第3段（第5行）, 第12段（表格1第2行第3列）, 第4段（自评报告!A7）. */
export function whereOf(p: Paragraph): string {
  const o = p.origin;
  switch (o.kind) {
    case 'line':
      return `第${p.no}段（第${o.line}行）`;
    case 'table':
      return `第${p.no}段（表格${o.table + 1}第${o.row + 1}行第${o.col + 1}列）`;
    case 'cell':
      return `第${p.no}段（${o.sheet}!${o.cell}）`;
    default:
      return `第${p.no}段`;
  }
}
