// The findings list model: ids, grouping by check (most severe first) or by sheet, the walk
// order, and the finding at a selected cell.

import type { Finding } from '../../src/core/types';
import { findingAt, flatOrder, groupFindings, listed } from '../../src/taskpane/findingsModel';

const f = (rule: Finding['rule'], severity: Finding['severity'], sheet: string, cell: string): Finding => ({ rule, severity, sheet, cell, message: `${rule} ${cell}` });

const findings = [
  f('weight.level1', 'warning', '项目1', 'G13'),
  f('funds.components', 'error', '部门整体', 'C5'),
  f('funds.components', 'error', '部门整体', 'C5'),
  f('weight.level1', 'warning', '项目2', 'G13'),
];

test('ids are unique even for two findings of one rule on one cell', () => {
  const ids = listed(findings).map((i) => i.id);
  expect(new Set(ids).size).toBe(4);
  expect(ids[2]).toBe('funds.components|部门整体!C5#1');
});

test('by check: plain titles and counts, errors first; by sheet: in order of appearance', () => {
  const byRule = groupFindings(listed(findings), 'rule');
  expect(byRule.map((g) => [g.title, g.items.length])).toEqual([
    ['资金总额与构成之和不符', 2],
    ['一级指标分值与方案不符', 2],
  ]);
  expect(groupFindings(listed(findings), 'sheet').map((g) => g.key)).toEqual(['项目1', '部门整体', '项目2']);
  expect(flatOrder(byRule).map((i) => i.finding.cell)).toEqual(['C5', 'C5', 'G13', 'G13']);
});

test('the finding at a selected cell or range (its top-left)', () => {
  const items = listed(findings);
  expect(findingAt(items, '项目2', 'g13')?.finding.sheet).toBe('项目2');
  expect(findingAt(items, '部门整体', '$C$5:$D$6')?.id).toBe('funds.components|部门整体!C5');
  expect(findingAt(items, '项目2', 'A1')).toBeUndefined();
});
