// Reading a report: .txt in its encodings, .docx paragraphs and table cells, a sheet, and the
// inputs that are refused with one Chinese line.

import JSZip from 'jszip';
import * as fs from 'fs';
import * as path from 'path';
import { SelfevalError } from '../../../src/core/engine';
import { makeSheet } from '../../../src/core/grid';
import { readReport } from '../../../src/core/verify';
import { readDocx } from '../../../src/core/verify/docx';
import { readSheetText } from '../../../src/core/verify/sheet';
import { decodeText, readTxt } from '../../../src/core/verify/txt';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function docx(body: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  for (const [k, v] of Object.entries(extra)) zip.file(k, v);
  return zip.generateAsync({ type: 'uint8array' });
}

const p = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(SelfevalError);
    const m = (e as Error).message;
    expect(m).not.toContain('\n');
    expect(m).toMatch(/[\u4e00-\u9fff]/);
    return m;
  }
  throw new Error('not refused');
}

describe('.txt', () => {
  const text = '一、部门基本情况\n\n年初预算收入158.5万元。';
  test('UTF-8, UTF-8 with BOM, UTF-16LE with BOM and GB18030 read the same', () => {
    const utf8 = Buffer.from(text, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // GB18030 bytes of the same text: 一 = D2BB, 、 = A1A2 … checked by decoding them back
    const gbText = '年初预算收入158.5万元';
    const gb = Buffer.from([0xc4, 0xea, 0xb3, 0xf5, 0xd4, 0xa4, 0xcb, 0xe3, 0xca, 0xd5, 0xc8, 0xeb, 0x31, 0x35, 0x38, 0x2e, 0x35, 0xcd, 0xf2, 0xd4, 0xaa]);
    expect(decodeText(gb)).toBe(gbText);
    for (const b of [utf8, bom, utf16]) expect(decodeText(new Uint8Array(b))).toBe(text);
  });
  test('one paragraph per non-empty line, numbered, with its line', () => {
    const t = readTxt('r.txt', new Uint8Array(Buffer.from(text, 'utf8')));
    expect(t.paragraphs.map((x) => [x.no, x.text, x.origin])).toEqual([
      [1, '一、部门基本情况', { kind: 'line', line: 1 }],
      [2, '年初预算收入158.5万元。', { kind: 'line', line: 3 }],
    ]);
  });
});

describe('.docx', () => {
  test('paragraphs and table cells in document order, runs joined, headings marked', async () => {
    const table = `<w:tbl><w:tr><w:tc>${p('姓名')}</w:tc><w:tc>${p('职务')}</w:tc></w:tr><w:tr><w:tc>${p('陈志军')}</w:tc><w:tc>${p('主任')}${p('兼')}</w:tc></w:tr></w:tbl>`;
    const body = p('一、部门基本情况', 'Heading1') + `<w:p><w:r><w:t>年初预算收入</w:t></w:r><w:r><w:t>158.5万元</w:t></w:r><w:r><w:delText>删掉的</w:delText></w:r></w:p>` + p('') + table + p('完');
    const t = await readDocx('r.docx', await docx(body));
    expect(t.paragraphs.map((x) => x.text)).toEqual(['一、部门基本情况', '年初预算收入158.5万元', '姓名', '职务', '陈志军', '主任 兼', '完']);
    expect(t.paragraphs[0].heading).toBe(true);
    expect(t.paragraphs[5].origin).toEqual({ kind: 'table', table: 0, row: 1, col: 1 });
    expect(t.paragraphs[5].row).toBe('陈志军 主任 兼');
    expect(t.paragraphs[6].origin).toEqual({ kind: 'docx', index: 3 });
  });
  test('an empty document reads as no paragraphs', async () => {
    expect((await readDocx('r.docx', await docx(''))).paragraphs).toEqual([]);
  });
  test('not a zip, a zip without a Word document, a corrupt zip, malformed XML: refused', async () => {
    expect(await refusal(readDocx('a.docx', new Uint8Array(Buffer.from('这不是 Word 文件'))))).toContain('不是 Word 文档');
    const xlsxLike = new JSZip();
    xlsxLike.file('xl/workbook.xml', '<workbook/>');
    expect(await refusal(readDocx('b.docx', await xlsxLike.generateAsync({ type: 'uint8array' })))).toContain('不是 Word 文档');
    const good = await docx(p('正文'));
    expect(await refusal(readDocx('c.docx', good.slice(0, Math.floor(good.length / 2))))).toContain('损坏');
    const bad = await docx('<w:p><w:r><w:t>未闭合</w:r></w:p>');
    expect(await refusal(readDocx('d.docx', bad))).toContain('损坏');
  });
  test('an encrypted file (an OLE container with EncryptionInfo) and an old .doc: refused', async () => {
    const encrypted = new Uint8Array(fs.readFileSync(path.join(__dirname, '../../node/fixtures/encrypted-123456.xlsx')));
    expect(await refusal(readDocx('e.docx', encrypted))).toContain('密码');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(readDocx('f.docx', ole))).toContain('.doc');
  });
  test('readReport goes by the file name and refuses other types', async () => {
    expect((await readReport('x.TXT', new Uint8Array(Buffer.from('甲\n乙')))).paragraphs).toHaveLength(2);
    expect(await refusal(readReport('x.pdf', new Uint8Array(4)))).toContain('.docx');
    expect(await refusal(readReport('x.doc', new Uint8Array(4)))).toContain('.doc');
  });
});

describe('a sheet holding narrative', () => {
  test('one paragraph per non-empty cell in row order, with its address; rows of several cells carry their row', () => {
    const sheet = makeSheet('自评报告', [['标题'], [], ['一、部门基本情况'], ['姓名', '职务'], [null, '年初预算收入158.5万元']]);
    const t = readSheetText({ sheets: [sheet] }, '自评报告')!;
    expect(t.paragraphs.map((x) => [x.text, x.origin])).toEqual([
      ['标题', { kind: 'cell', sheet: '自评报告', cell: 'A1' }],
      ['一、部门基本情况', { kind: 'cell', sheet: '自评报告', cell: 'A3' }],
      ['姓名', { kind: 'cell', sheet: '自评报告', cell: 'A4' }],
      ['职务', { kind: 'cell', sheet: '自评报告', cell: 'B4' }],
      ['年初预算收入158.5万元', { kind: 'cell', sheet: '自评报告', cell: 'B5' }],
    ]);
    expect(t.paragraphs[2].row).toBe('姓名 职务');
    expect(readSheetText({ sheets: [sheet] }, '没有')).toBeUndefined();
  });
});
