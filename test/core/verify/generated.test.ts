// The report selfeval writes verifies with no error and no warning, as its model's text and as
// a .docx read back; the same text with one figure, one unit and one heading number changed
// gives exactly those three findings.

import { evaluate } from '../../../src/core/engine';
import { sampleModel } from '../../../src/core/sample';
import { layoutWorkbook } from '../../../src/core/template';
import { readDocx } from '../../../src/core/verify/docx';
import { reportTextOfDoc } from '../../../src/core/verify/model';
import type { ReportText } from '../../../src/core/verify/types';
import { verifyText } from '../../../src/core/verify/verify';
import { docxOfReport, sampleEvaluation, serious } from './helpers';

/** The sample with its two slips corrected: a workbook without error findings (no notice). */
function cleanEvaluation() {
  const m = sampleModel();
  const dept = m.tables.find((t) => t.kind === 'department')!;
  dept.funds.rows.find((r) => r.label === '基本支出')!.initial = 122.94;
  m.basic!.fields!['年初预算收入'] = 154.74;
  return evaluate(layoutWorkbook(m).grid);
}

/** The text with one paragraph's text replaced (the paragraph must hold `from`). */
function edit(text: ReportText, from: string, to: string): ReportText {
  const i = text.paragraphs.findIndex((p) => p.text.includes(from));
  if (i < 0) throw new Error(`no paragraph holds ${from}`);
  const paragraphs = text.paragraphs.map((p, k) => (k === i ? { ...p, text: p.text.replace(from, to) } : p));
  return { ...text, paragraphs };
}

const threeChanges = (t: ReportText) =>
  edit(edit(edit(t, '全年执行数为144.06万元', '全年执行数为145.06万元'), '决算收入154.74万元', '决算收入154.74元'), '（二）部门收支预决算情况', '（2）部门收支预决算情况');

describe.each([
  ['the sample (with its notice of errors)', sampleEvaluation],
  ['the corrected sample', cleanEvaluation],
])('the report selfeval writes for %s', (_name, evaluation) => {
  test('its model text verifies with no error and no warning', () => {
    const ev = evaluation();
    const r = verifyText(reportTextOfDoc(ev.report), ev);
    expect(serious(r.findings)).toEqual([]);
    expect(r.figures.length).toBeGreaterThan(100);
  });

  test('exported to .docx and read back, it verifies with no error and no warning', async () => {
    const ev = evaluation();
    const text = await readDocx('report.docx', await docxOfReport(ev.report));
    const fromModel = reportTextOfDoc(ev.report);
    expect(text.paragraphs.map((p) => p.text)).toEqual(fromModel.paragraphs.map((p) => p.text));
    expect(serious(verifyText(text, ev).findings)).toEqual([]);
  });

  test('one figure, one unit and one heading number changed give exactly those three findings', async () => {
    const ev = evaluation();
    for (const text of [reportTextOfDoc(ev.report), await readDocx('report.docx', await docxOfReport(ev.report))]) {
      const found = serious(verifyText(threeChanges(text), ev).findings);
      expect(found.map((f) => f.rule).sort()).toEqual(['text.figure', 'text.numbering', 'text.unit']);
      const fig = found.find((f) => f.rule === 'text.figure')!;
      expect(fig.message).toContain('145.06万元');
      expect(fig.message).toContain('144.06万元');
      expect(`${fig.sheet}!${fig.cell}`).toBe('部门整体!E5');
      const unit = found.find((f) => f.rule === 'text.unit')!;
      expect(unit.quote).toContain('决算收入154.74元');
      expect(`${unit.sheet}!${unit.cell}`).toBe('基本情况!B12');
      expect(found.find((f) => f.rule === 'text.numbering')!.quote).toBe('（2）部门收支预决算情况');
    }
  });
});
