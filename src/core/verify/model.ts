// The report model selfeval writes (ReportDoc blocks) as a ReportText, read the way a .docx
// export of it reads: one paragraph per block, a notice's items each a paragraph, a table's
// cells each a paragraph with their row beside them.

import type { ReportDoc } from '../types';
import { numberParagraphs, type RawParagraph } from './text';
import type { ReportText } from './types';

export function reportTextOfDoc(doc: ReportDoc, source = '自评报告'): ReportText {
  const raws: RawParagraph[] = [];
  let index = 0;
  let table = 0;
  const para = (text: string, heading = false) => raws.push({ text, origin: { kind: 'docx', index: index++ }, heading });
  for (const b of doc.blocks) {
    if (b.type === 'table') {
      const rows: (string | number)[][] = [b.header, ...b.rows];
      rows.forEach((row, r) => {
        const cells = row.map((x) => String(x));
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
