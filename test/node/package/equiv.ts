// Shared helpers of the fast-path tests: load a file both ways and compare the grids cell by cell.

import JSZip from 'jszip';
import { loadPackage } from '../../../src/node/package/load';
import { loadWorkbookFile } from '../../../src/node/xlsx';
import type { Cell, Grid, Sheet } from '../../../src/core/grid';
import { areaA1, a1 } from '../../../src/core/grid';

function cellsOf(sheet: Sheet): Map<string, Cell> {
  const out = new Map<string, Cell>();
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell) out.set(a1(r, c), cell);
    });
  });
  return out;
}

/** Differences between two grids, one line each (empty when they agree cell by cell). */
export function gridDiff(fast: Grid, ref: Grid): string[] {
  const out: string[] = [];
  const names = (g: Grid) => g.sheets.map((s) => s.name);
  if (names(fast).join('|') !== names(ref).join('|')) return [`sheets: ${names(fast)} vs ${names(ref)}`];
  fast.sheets.forEach((fs, i) => {
    const rs = ref.sheets[i];
    const tag = `[${fs.name}]`;
    if (fs.rows.length !== rs.rows.length) out.push(`${tag} rows.length ${fs.rows.length} vs ${rs.rows.length}`);
    if (Boolean(fs.unreadable) !== Boolean(rs.unreadable)) out.push(`${tag} unreadable ${fs.unreadable} vs ${rs.unreadable}`);
    const fc = cellsOf(fs);
    const rc = cellsOf(rs);
    for (const [addr, cell] of rc) {
      const f = fc.get(addr);
      if (JSON.stringify(f) !== JSON.stringify(normalise(cell))) out.push(`${tag}${addr}: ${JSON.stringify(f)} vs ${JSON.stringify(cell)}`);
    }
    for (const addr of fc.keys()) if (!rc.has(addr)) out.push(`${tag}${addr}: ${JSON.stringify(fc.get(addr))} vs (none)`);
    const m = (s: Sheet) => s.merges.map(areaA1).sort().join(',');
    if (m(fs) !== m(rs)) out.push(`${tag} merges ${m(fs)} vs ${m(rs)}`);
    const h = (s: Sheet) => (s.hiddenColumns ?? []).join(',');
    if (h(fs) !== h(rs)) out.push(`${tag} hidden ${h(fs)} vs ${h(rs)}`);
  });
  return out;
}

/** The same fields in one order, so that JSON comparison is exact. */
function normalise(c: Cell): Cell {
  const out: Cell = { value: c.value };
  if (c.error !== undefined) out.error = c.error;
  if (c.format !== undefined) out.format = c.format;
  if (c.text !== undefined) out.text = c.text;
  if (c.formula !== undefined) out.formula = c.formula;
  return out;
}

/** The grid of both paths: the fast one and the ExcelJS one `check` used before (read-only load). */
export async function bothGrids(file: string): Promise<{ fast: Grid; ref: Grid }> {
  const fast = (await loadPackage(file)).grid;
  const ref = (await loadWorkbookFile(file, { readOnly: true })).grid;
  fast.sheets.forEach((s) => s.rows.forEach((row, r) => row?.forEach((cell, c) => (s.rows[r][c] = cell && normalise(cell)))));
  return { fast, ref };
}

// ---- hand-written packages

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet package from hand-written parts. */
export async function handPackage(sheetXml: string, opts: { sst?: string; styles?: string; workbookPr?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CT);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}>${opts.workbookPr ?? ''}<sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  let rels = `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`;
  if (opts.sst) {
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${opts.sst}</sst>`);
    rels += `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`;
  }
  if (opts.styles) {
    zip.file('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${NS}>${opts.styles}</styleSheet>`);
    rels += `<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>`;
  }
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet ${NS}>${sheetXml}</worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

