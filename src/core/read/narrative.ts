// A sheet that holds a narrative report, not a table: the 自评报告 sheet selfeval writes (or an
// officer pasted). Its indicator tables look like a self-evaluation table's, so without this the
// next check would read the report back as a project table. `selfeval verify` and 核对报告 read
// such a sheet as text instead.

import { cellText, type Sheet } from '../grid';
import { normLabel } from '../labels';

/** How many filled cells, from the top, are looked at for the sheet's title. */
const TITLE_CELLS = 3;

/** The first few filled cells of the sheet, in row order. */
function leadingTexts(sheet: Sheet): string[] {
  const out: string[] = [];
  const rows = sheet.rows ?? [];
  // for…in walks only the filled indices of a holey array, in order, and stops when told.
  for (const r in rows) {
    const row = rows[r];
    if (!Array.isArray(row)) continue;
    for (const c in row) {
      const t = normLabel(cellText(row[c]));
      if (t) out.push(t);
      if (out.length >= TITLE_CELLS) return out;
    }
  }
  return out;
}

/** The sheet is titled as a report (…自评报告, …评价报告) and no table title stands above it. */
export function isNarrativeSheet(sheet: Sheet): boolean {
  const texts = leadingTexts(sheet);
  if (!texts.length || !/报告$/.test(texts[0])) return false;
  return !texts.some((t) => /(自评|评价)表$/.test(t));
}
