// The report model selfeval writes (ReportDoc blocks) as a ReportText, read the way a .docx
// export of it reads: one paragraph per block, a notice's items each a paragraph, a table's
// caption a paragraph and its cells each a paragraph with their row beside them.

import { fixed2, fmtRate, fmtScore } from '../format';
import type { ReportDoc } from '../types';
import { numberParagraphs, type RawParagraph } from './text';
import type { ReportText } from './types';

/** A table cell as printed: a plain value, or a typed cell ({ type: 'text' } / { type: 'number', kind }). */
export function cellString(c: unknown): string {
  if (c === null || c === undefined) return '';
  if (typeof c !== 'object') return String(c);
  const o = c as { type?: string; text?: string; value?: number; kind?: string };
  if (o.type === 'text') return o.text ?? '';
  if (o.type === 'number' && typeof o.value === 'number') {
    if (o.kind === 'amount') return fixed2(o.value);
    if (o.kind === 'rate') return fmtRate(o.value);
    if (o.kind === 'score') return fmtScore(o.value);
    return String(o.value);
  }
  return '';
}

export interface TableLike {
  caption?: string;
  groups?: { text: string }[];
  header: unknown[];
  rows: unknown[][];
}

export function reportTextOfDoc(doc: ReportDoc, source = '自评报告'): ReportText {
  const raws: RawParagraph[] = [];
  let index = 0;
  let table = 0;
  const para = (text: string, heading = false) => raws.push({ text, origin: { kind: 'docx', index: index++ }, heading });
  for (const b of doc.blocks) {
    if (b.type === 'table') {
      const t = b as unknown as TableLike;
      if (t.caption) para(t.caption);
      const rows: unknown[][] = [...(t.groups ? [t.groups.map((g) => g.text)] : []), t.header, ...t.rows];
      rows.forEach((row, r) => {
        const cells = row.map(cellString);
        const rowText = cells.join(' ');
        cells.forEach((text, c) => raws.push({ text, origin: { kind: 'table', table, row: r, col: c }, row: rowText }));
      });
      table++;
    } else if (b.type === 'notice') {
      para(b.text);
      for (const it of b.items) para(it);
    } else {
      para(b.text, b.type === 'heading' || b.type === 'title');
    }
  }
  return numberParagraphs(source, raws);
}
