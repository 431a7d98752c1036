// Large honest workbooks built as XML directly (ExcelJS would take minutes to write them):
// `sheets` worksheets of `rows` rows × `cols` columns of ordinary data (a text label, numbers).

import { deflated, writeZip, type RawEntry } from './hostileZip';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(rows: number, cols: number, seed: number): string {
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>`];
  const names = Array.from({ length: cols }, (_, c) => colName(c));
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}" spans="1:${cols}"><c r="A${r}" t="s"><v>${(r + seed) % 50}</v></c>`;
    for (let c = 1; c < cols; c++) row += `<c r="${names[c]}${r}" s="1"><v>${((r * 31 + c * 7 + seed) % 100000) / 100}</v></c>`;
    out.push(row + '</row>');
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

export function bigWorkbook(sheets: number, rows: number, cols: number): Buffer {
  const entries: RawEntry[] = [];
  const over = Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  entries.push(
    deflated(
      '[Content_Types].xml',
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${over}</Types>`,
    ),
  );
  entries.push(deflated('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`));
  const list = Array.from({ length: sheets }, (_, i) => `<sheet name="数据${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  entries.push(deflated('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><sheets>${list}</sheets></workbook>`));
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  entries.push(
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  const sst = Array.from({ length: 50 }, (_, i) => `<si><t>项目名称第${i}项</t></si>`).join('');
  entries.push(deflated('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS} count="50" uniqueCount="50">${sst}</sst>`));
  entries.push(deflated('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="4"/></cellXfs></styleSheet>`));
  // Sheets of one shape share their XML text; each part is deflated on its own all the same.
  const xml = [0, 1, 2].map((s) => deflated('x', sheetXml(rows, cols, s)));
  for (let i = 0; i < sheets; i++) entries.push({ ...xml[i % 3], name: `xl/worksheets/sheet${i + 1}.xml` });
  return writeZip(entries);
}
