// The docx renderer in the core, and the pane's export wrapper (the same bytes as a Blob).

import JSZip from 'jszip';
import { evaluate } from '../../src/core/engine';
import { sampleGrid } from '../../src/core/sample';
import { docxBytes } from '../../src/core/report/docx';
import { text } from '../../src/core/report/model';
import { DOCX_MIME, exportWordBlob, wordFileName } from '../../src/taskpane/exportWord';
import type { ReportDoc } from '../../src/core/types';

const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

test('exportWordBlob gives a .docx Blob of the report', async () => {
  const ev = evaluate(sampleGrid());
  const blob = await exportWordBlob(ev);
  expect(blob.type).toBe(DOCX_MIME);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  expect(await documentXml(bytes)).toContain('六、评价工作组人员名单');
  expect(wordFileName(ev)).toBe('井陉县委网信办2025年度整体支出绩效自评报告.docx');
});

test('formula-looking text, line breaks and control characters are plain, valid text', async () => {
  const doc: ReportDoc = {
    title: '=HYPERLINK("x")',
    blocks: [
      { type: 'title', text: '=HYPERLINK("x")' },
      { type: 'paragraph', text: '第一行\n第二行\u0007' },
      { type: 'table', header: ['姓名', '备注'], widths: [1, 1], rows: [[text('=1+1'), text('@me')]] },
    ],
    figures: [],
  };
  const xml = await documentXml(await docxBytes(doc));
  expect(xml).toContain('>=HYPERLINK(&quot;x&quot;)<');
  expect(xml).toContain('>=1+1<');
  expect(xml).not.toContain('\u0007');
  expect(xml).toMatch(/第一行<\/w:t>[\s\S]*<w:br\/>[\s\S]*第二行/);
  expect(xml).not.toContain('fldSimple');
});
