// Must show (issue 9): the seed report against the sample workbook.

import { readTxt } from '../../../src/core/verify/txt';
import { verifyText } from '../../../src/core/verify/verify';
import { ofRule, sampleEvaluation, seedBytes, serious } from './helpers';

const result = () => verifyText(readTxt('seed.txt', seedBytes()), sampleEvaluation());

describe('the seed report against assets/sample.xlsx', () => {
  test('the 158.5 元 unit slip is found at its sentence, pointing at 年初预算收入', () => {
    const [f, ...rest] = ofRule(result().findings, 'text.unit');
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('error');
    expect(f.quote).toContain('预算支出158.5元');
    expect(f.message).toContain('158.5元');
    expect(`${f.sheet}!${f.cell}`).toBe('基本情况!B11');
    expect(f.origin).toEqual({ kind: 'line', line: 11 });
  });

  test('the 158.5 / 154.74 conflict is found at the second statement', () => {
    const [f, ...rest] = ofRule(result().findings, 'text.conflict');
    expect(rest).toHaveLength(0);
    expect(f.severity).toBe('error');
    expect(f.quote).toContain('年初预算收入154.74万元');
    expect(f.message).toContain('158.5万元');
    expect(f.message).toContain('154.74万元');
  });

  test('the （2） numbering drift is found at its headings', () => {
    const fs = ofRule(result().findings, 'text.numbering');
    const quotes = fs.map((f) => f.quote);
    expect(quotes).toContain('（2） 部门收支预决算情况');
    expect(quotes).toContain('（2） 自评的方法和过程');
    // section 三 numbers its subsections （1）（2） while the others use （一）（二）
    expect(quotes).toContain('（1） 总体绩效目标实现情况');
    expect(fs).toHaveLength(3);
    expect(fs.every((f) => f.severity === 'warning')).toBe(true);
  });

  test('the correct figures raise nothing: 31.8 = 25 + 6.8, 98 分 and 优秀, the counts', () => {
    const r = result();
    const bad = serious(r.findings);
    // exactly the slips above
    expect(bad.map((f) => f.rule).sort()).toEqual(['text.conflict', 'text.numbering', 'text.numbering', 'text.numbering', 'text.unit']);
    const texts = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => f.quote).join('\n');
    expect(texts('text.sum')).toBe('');
    expect(ofRule(r.findings, 'text.total')).toHaveLength(0);
    expect(ofRule(r.findings, 'text.grade')).toHaveLength(0);
    // the 98 分 and 优秀 were read
    expect(r.figures.some((f) => f.cls === 'score' && f.value === 98)).toBe(true);
    expect(r.figures.some((f) => f.cls === 'grade' && f.unit === '优')).toBe(true);
    // the counts the tables hold are matched: none of them is listed as unchecked
    const unchecked = ofRule(r.findings, 'text.unverified').map((f) => f.message);
    for (const c of ['500余篇', '200余篇', '3万余条', '111家', '165条', '34186 条', '334 期', '445 期', '8047条', '1209条', '5000余份', '230名']) {
      expect(r.figures.some((f) => f.text === c)).toBe(true);
      expect(unchecked.some((m) => m.startsWith(c))).toBe(false);
    }
  });

  test('figures the workbook does not hold are listed as info, not errors', () => {
    const info = ofRule(result().findings, 'text.unverified');
    expect(info.length).toBeGreaterThan(0);
    expect(info.every((f) => f.severity === 'info')).toBe(true);
    expect(info.some((f) => f.message.startsWith('11人'))).toBe(true);
  });

  test('no outline finding: the seed has all six sections', () => {
    expect(ofRule(result().findings, 'text.outline')).toEqual([]);
  });
});
