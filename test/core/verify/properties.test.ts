// Any text gives findings or none, never an exception: random Unicode, report-like fragments,
// huge and empty texts; and every finding is whole.

import fc from 'fast-check';
import { verifyText } from '../../../src/core/verify/verify';
import { readPlainText } from '../../../src/core/verify/txt';
import { TEXT_RULES } from '../../../src/core/verify/rules';
import type { TextFinding } from '../../../src/core/verify/types';
import { sampleEvaluation } from './helpers';

const RULES = new Set(TEXT_RULES.map((r) => r.id as string));

function whole(fs: TextFinding[], paragraphs: number): void {
  for (const f of fs) {
    expect(RULES.has(f.rule)).toBe(true);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.paragraph).toBeGreaterThanOrEqual(0);
    expect(f.paragraph).toBeLessThanOrEqual(paragraphs);
    expect(typeof f.sheet).toBe('string');
    expect(typeof f.cell).toBe('string');
  }
}

const FRAGMENTS = [
  '一、', '（一）', '（2）', '1.', '2、', '年初预算收入', '158.5', '万元', '元', '亿元', '%', '个百分点', '分', '得分', '总分', '等级为', '优秀', '良', '共计',
  '合计', '其中', '、', '，', '。', '；', '：', '余', '多', '超', '约', '篇', '条', '期', '人次', '2025年度', '“', '”', '网络安全培训及应急演练', '已完成', '未', '\n',
  '0', '3', '.', ',', '1,229,400', '1e9', '５', '１０．５', '\u3000', ' ', '（', '）', '(', ')', '万', '亿', '千', '百分之',
];

const evalOnce = sampleEvaluation;

describe('verify never throws', () => {
  test('random Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const t = readPlainText('r.txt', s);
        whole(verifyText(t, evalOnce()).findings, t.paragraphs.length);
      }),
      { numRuns: 200 },
    );
  });
  test('report-like fragments in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 120 }), (parts) => {
        const t = readPlainText('r.txt', parts.join(''));
        whole(verifyText(t, evalOnce()).findings, t.paragraphs.length);
      }),
      { numRuns: 300 },
    );
  });
  test('empty and white-space texts give the one text.empty finding', () => {
    for (const s of ['', '\n\n', '   ', '\u3000\t']) {
      const r = verifyText(readPlainText('r.txt', s), evalOnce());
      expect(r.findings.map((f) => f.rule)).toEqual(['text.empty']);
    }
  });
  test('a huge text (200,000 characters in one paragraph, and 2,000 lines) is read whole', () => {
    const line = '2025年度年初预算收入158.5万元，预算支出158.5元，共计31.8万元，其中25万元、6.8万元。';
    const one = readPlainText('r.txt', line.repeat(Math.ceil(200000 / line.length)));
    whole(verifyText(one, evalOnce()).findings, 1);
    const many = readPlainText('r.txt', Array.from({ length: 2000 }, (_, i) => `${i % 7 === 0 ? '一、' : ''}${line}`).join('\n'));
    const r = verifyText(many, evalOnce());
    whole(r.findings, 2000);
    expect(r.findings.filter((f) => f.rule === 'text.unit')).toHaveLength(2000);
  });
});
