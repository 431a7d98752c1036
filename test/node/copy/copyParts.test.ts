// The surgical edits of the copy, one by one, on small hand-written parts.

import { markSheetXml, sheetFacts } from '../../../src/node/package/copyCells';
import { StyleBook } from '../../../src/node/package/copyStyles';
import { layoutSheetXml } from '../../../src/node/package/copySheet';
import { writeComments } from '../../../src/node/package/copyNotes';
import { escapeXstring } from '../../../src/node/package/xmlScan';
import { parseTree, onlyAdded } from './compare';

const WS = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

function mark(xml: string, cells: string[], legacy?: string): string {
  const facts = sheetFacts(xml);
  const at = cells.map((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { r: Number(m[2]) - 1, c: m[1].charCodeAt(0) - 65 };
  });
  return markSheetXml(xml, facts, { cells: at, style: (old) => 100 + old, legacyDrawingRelId: legacy });
}

describe('marked cells in the sheet XML', () => {
  const xml = `${WS}<sheetData><row r="2" spans="1:3"><c r="A2" s="3"><v>1</v></c><c r="C2" t="s"><v>0</v></c></row><row r="5"><c r="B5"/></row></sheetData><mergeCells count="1"><mergeCell ref="D7:E8"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

  test('an existing cell keeps everything but its style reference', () => {
    const out = mark(xml, ['A2', 'C2']);
    expect(out).toContain('<c r="A2" s="103"><v>1</v></c><c r="C2" t="s" s="100"><v>0</v></c>');
    expect(onlyAdded(parseTree(xml), parseTree(out))).toBeUndefined();
  });

  test('a missing cell is inserted in column order, a missing row in row order, spans widened', () => {
    const out = mark(xml, ['B2', 'F2', 'A3', 'C9']);
    expect(out).toContain('<row r="2" spans="1:6"><c r="A2" s="3"><v>1</v></c><c r="B2" s="100"/><c r="C2" t="s"><v>0</v></c><c r="F2" s="100"/></row><row r="3"><c r="A3" s="100"/></row><row r="5">');
    expect(out).toContain('<row r="5"><c r="B5"/></row><row r="9"><c r="C9" s="100"/></row></sheetData>');
    expect(onlyAdded(parseTree(xml), parseTree(out))).toBeUndefined();
  });

  test('an empty sheet data and a legacy drawing in schema order', () => {
    const empty = `${WS}<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/></worksheet>`;
    const out = mark(empty, ['B2'], 'rId9');
    expect(out).toContain('<sheetData><row r="2"><c r="B2" s="100"/></row></sheetData>');
    expect(out).toContain('<legacyDrawing r:id="rId9"/><tableParts');
  });
});

describe('styles', () => {
  const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';

  test("a marked cell's format is cloned with the fill; existing entries stay; one new entry per (format, fill)", () => {
    const book = new StyleBook(styles);
    expect(book.markedXf(1, '#FFC7CE')).toBe(2);
    expect(book.markedXf(1, '#FFC7CE')).toBe(2);
    expect(book.markedXf(0, '#FFC7CE')).toBe(3);
    const out = book.toXml();
    expect(out).toContain('<fills count="3">');
    expect(out).toContain('<xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"><alignment wrapText="1"/></xf>');
    expect(out).toContain('<cellXfs count="4">');
    expect(onlyAdded(parseTree(styles), parseTree(out))).toBeUndefined();
  });

  test('a layout cell gets its font, border, alignment and a custom number format', () => {
    const book = new StyleBook(styles);
    const s = book.layoutXf({ bold: true, fontSize: 14, border: true, align: 'center', wrap: true, format: '0.0000' });
    const out = book.toXml();
    expect(s).toBe(2);
    expect(out).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts><fonts');
    expect(out).toContain('<font><b/><sz val="14"/><name val="宋体"/><charset val="134"/></font>');
    expect(out).toContain('<left style="thin"><color indexed="64"/></left>');
    expect(out).toContain('<alignment horizontal="center" vertical="top" wrapText="1"/>');
  });
});

describe('text in the report sheet and notes', () => {
  test('text that looks like a formula is an inline string; control characters and _x escapes survive', () => {
    const book = new StyleBook('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf/></cellXfs></styleSheet>');
    const xml = layoutSheetXml({ name: 'r', columnWidths: [10], merges: ['A1:B1', 'B1:C1'], cells: [{ row: 0, col: 0, value: '=SUM(A1)' }, { row: 1, col: 0, value: '+1 -2 @x' }, { row: 2, col: 0, value: 'a\u0007b_x0041_c<&>' }, { row: 3, col: 0, value: 12.5 }] }, book);
    expect(xml).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">=SUM(A1)</t></is></c>');
    expect(xml).toContain('<t xml:space="preserve">+1 -2 @x</t>');
    expect(xml).toContain('a_x0007_b_x005F_x0041_c&lt;&amp;&gt;');
    expect(xml).toContain('<c r="A4"><v>12.5</v></c>');
    expect(xml).not.toContain('<f>');
    // The overlapping merge is left out rather than making the file unreadable.
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>');
    expect(escapeXstring('\uD800x')).toBe('\uFFFDx');
  });

  test("a user's plain note is continued by ours; a new note is added with its author", () => {
    const xml = '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>李</author></authors><commentList><comment ref="B2" authorId="0"><text><t>用户的批注</t><rPh sb="0" eb="1"><t>ヨウ</t></rPh></text></comment></commentList></comments>';
    const out = writeComments(xml, [
      { r: 1, c: 1, text: '【绩效自评助手】\n错误：x' },
      { r: 2, c: 2, text: '【绩效自评助手】\n警告：y' },
    ]);
    expect(out.xml).toContain('<t xml:space="preserve">用户的批注\n\n【绩效自评助手】\n错误：x</t><rPh sb="0" eb="1"><t>ヨウ</t></rPh>');
    expect(out.xml).toContain('<author>李</author><author>绩效自评助手</author>');
    expect(out.xml).toContain('<comment ref="C3" authorId="1">');
    expect(out.added).toEqual([{ r: 2, c: 2, text: '【绩效自评助手】\n警告：y' }]);
    expect(onlyAdded(parseTree(xml), parseTree(out.xml))).toBeUndefined();
  });

  test('our own older note is replaced, the user part kept', () => {
    const xml = '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t xml:space="preserve">我的\n\n【绩效自评助手】\n错误：旧</t></r></text></comment></commentList></comments>';
    const out = writeComments(xml, [{ r: 0, c: 0, text: '【绩效自评助手】\n错误：新' }]);
    expect(out.xml).toContain('<text><r><t xml:space="preserve">我的\n\n【绩效自评助手】\n错误：新</t></r></text>');
    expect(out.xml).not.toContain('旧');
  });
});

test('a carriage return survives as _x000D_; a tab and a line feed stay as they are', () => {
  expect(escapeXstring('a\r\nb\tc')).toBe('a_x000D_\nb\tc');
});
