// Every rule the checks can raise has a plain-language title for the task pane.

import { RULE_SEVERITY } from '../../src/core/check/index';
import { RULE_TITLE, ruleTitle } from '../../src/core/ruleTitles';

test('every check rule is titled, in Chinese, never by its id', () => {
  for (const rule of Object.keys(RULE_SEVERITY)) {
    expect(RULE_TITLE[rule as keyof typeof RULE_TITLE]).toBeDefined();
    expect(ruleTitle(rule)).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(ruleTitle('no.such_rule')).toBe('其他问题');
});
