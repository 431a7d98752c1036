// The report selfeval writes, rendered to .docx by its own Word renderer (core/report/docx),
// read back and verified: no error, no warning; then one figure, one unit and one heading
// number changed in the document: exactly those three findings.

import JSZip from 'jszip';
import { docxBytes } from '../../../src/core/report/docx';
import { readDocx } from '../../../src/core/verify/docx';
import { verifyText } from '../../../src/core/verify/verify';
import { sampleEvaluation, serious } from './helpers';

/** The document with `from` replaced by `to` in its body XML (the text must sit in one run). */
async function edited(bytes: Uint8Array, edits: [string, string][]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let xml = await zip.file('word/document.xml')!.async('string');
  for (const [from, to] of edits) {
    if (!xml.includes(from)) throw new Error(`the document does not hold ${from}`);
    xml = xml.replace(from, to);
  }
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('the Word report selfeval writes, read back', () => {
  test('verifies with no error and no warning', async () => {
    const ev = sampleEvaluation();
    const text = await readDocx('自评报告.docx', await docxBytes(ev.report));
    expect(text.paragraphs.length).toBeGreaterThan(100);
    expect(serious(verifyText(text, ev).findings)).toEqual([]);
  });

  test('one figure, one unit and one heading number changed give exactly those three findings', async () => {
    const ev = sampleEvaluation();
    const bytes = await edited(await docxBytes(ev.report), [
      ['全年执行数为144.06万元', '全年执行数为145.06万元'],
      ['决算收入154.74万元', '决算收入154.74元'],
      ['（二）部门收支预决算情况', '（2）部门收支预决算情况'],
    ]);
    const found = serious(verifyText(await readDocx('自评报告.docx', bytes), ev).findings);
    expect(found.map((f) => f.rule).sort()).toEqual(['text.figure', 'text.numbering', 'text.unit']);
    expect(found.find((f) => f.rule === 'text.figure')!.message).toContain('145.06万元');
    expect(found.find((f) => f.rule === 'text.unit')!.quote).toContain('决算收入154.74元');
    expect(found.find((f) => f.rule === 'text.numbering')!.quote).toBe('（2）部门收支预决算情况');
  });
});
