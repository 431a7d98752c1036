// For each text.* rule: a text that fires it and a close variant that does not.

import * as fs from 'fs';
import * as path from 'path';
import type { RuleId } from '../../../src/core/types';
import { reportTextOfDoc } from '../../../src/core/verify/model';
import { TEXT_RULES } from '../../../src/core/verify/rules';
import type { ReportText } from '../../../src/core/verify/types';
import { verifyText } from '../../../src/core/verify/verify';
import { ofRule, sampleEvaluation, textOf } from './helpers';

const run = (t: ReportText) => verifyText(t, sampleEvaluation()).findings;
const fires = (rule: RuleId, ...lines: string[]) => ofRule(run(textOf(...lines)), rule);

describe.each<[RuleId, string[], string[]]>([
  ['text.figure', ['2025年度全年执行数为150.00万元。'], ['2025年度全年执行数为144.06万元。']],
  ['text.figure', ['“社会公众满意度”完成值为88%。'], ['“社会公众满意度”完成值为92%。']],
  ['text.conflict', ['开展座谈交流场次为12场。', '开展座谈交流场次为15场。'], ['开展座谈交流场次为12场。', '开展座谈交流场次为12场。']],
  ['text.unit', ['决算收入154.74元。'], ['决算收入154.74万元。']],
  ['text.unit', ['基本支出全年执行数1131900万元。'], ['基本支出全年执行数1131900元。']],
  ['text.unit', ['资产总额5.73亿元。'], ['资产总额5.73万元。']],
  ['text.sum', ['项目共计33万元，其中甲项目25万元、乙项目6.8万元。'], ['项目共计31.8万元，其中甲项目25万元、乙项目6.8万元。']],
  ['text.sum', ['产出40分，效益40分，满意度10分，执行率10分，合计90分。'], ['产出40分，效益40分，满意度10分，执行率10分，合计100分。']],
  ['text.sum', ['资产总额5.5万元，其中固定资产5.3万元、无形资产0.4万元。'], ['资产总额5.73万元，其中固定资产5.3万元、无形资产0.4万元。']],
  ['text.total', ['综合评价，自评得分为95分，评价等级为优秀。'], ['综合评价，自评得分为98分，评价等级为优秀。']],
  ['text.grade', ['综合评价，自评得分为98分，评价等级为良好。'], ['综合评价，自评得分为98分，评价等级为优秀。']],
  ['text.grade_score', ['综合评价，自评得分为85分，评价等级为优秀。'], ['综合评价，自评得分为98分，评价等级为优秀。']],
  ['text.numbering', ['一、甲', '（一）乙', '（2）丙'], ['一、甲', '（一）乙', '（二）丙']],
  ['text.numbering', ['一、甲', '三、丙'], ['一、甲', '二、丙']],
  ['text.numbering', ['一、甲', '二、乙', '三、丙', '一、丁'], ['一、甲', '二、乙', '三、丙', '四、丁']],
  ['text.numbering', ['一、甲', '（一）乙', '（一）丙'], ['一、甲', '（一）乙', '1. 子项', '1. 另一节']],
  ['text.numbering', ['一、甲', '（一）乙', '1. 子项。', '3. 子项。'], ['一、甲', '（一）乙', '1. 子项。', '2. 子项。']],
  ['text.completion', ['网络安全培训及应急演练已全部完成。'], ['网络安全培训及应急演练未全部完成。']],
  ['text.unverified', ['组织座谈活动7次。'], ['呈报舆情周报52期。']],
  ['text.empty', [], ['一段文字']],
])('%s', (rule, firing, quiet) => {
  test(`fires on ${JSON.stringify(firing.join(' / '))}`, () => {
    const found = fires(rule, ...firing);
    expect(found.length).toBeGreaterThan(0);
    const def = TEXT_RULES.find((r) => r.id === rule)!;
    for (const f of found) {
      expect(f.severity).toBe(def.severity);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  test(`does not fire on ${JSON.stringify(quiet.join(' / '))}`, () => {
    expect(fires(rule, ...quiet)).toEqual([]);
  });
});

describe('text.outline', () => {
  const full = () => reportTextOfDoc(sampleEvaluation().report);
  test('fires when a required section is missing (六、评价工作组人员名单 removed)', () => {
    const t = full();
    const cut = t.paragraphs.findIndex((p) => p.text.startsWith('六、'));
    const found = ofRule(run({ ...t, paragraphs: t.paragraphs.slice(0, cut) }), 'text.outline');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('评价工作组人员名单');
    expect(found[0].severity).toBe('warning');
  });
  test('fires when a required subsection is missing (（二）改进措施 renamed)', () => {
    const t = full();
    const paragraphs = t.paragraphs.map((p) => (p.text === '（二）改进措施' ? { ...p, text: '（二）其他事项' } : p));
    const found = ofRule(run({ ...t, paragraphs }), 'text.outline');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('改进措施')]);
  });
  test('does not fire on the full outline', () => {
    expect(ofRule(run(full()), 'text.outline')).toEqual([]);
  });
  test('a text with no section headings gets one finding naming all six', () => {
    const found = ofRule(run(textOf('本部门全年工作顺利。')), 'text.outline');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('评价结论和评价等级');
  });
});

describe('the rules and their documentation', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../../src/core/verify/README.md'), 'utf8');
  test.each(TEXT_RULES.map((r) => [r.id, r.severity]))('%s is listed in src/core/verify/README.md with severity %s', (id, severity) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${id}\``));
    expect(row).toBeDefined();
    expect(row).toContain(`| ${severity} |`);
  });
  test('every finding carries its paragraph, a short quote and the origin', () => {
    for (const f of run(textOf('2025年度全年执行数为150.00万元。', '组织座谈活动7次。'))) {
      expect(f.paragraph).toBeGreaterThan(0);
      expect(f.quote.length).toBeLessThanOrEqual(42);
      expect(f.origin.kind).toBe('line');
    }
  });
});
