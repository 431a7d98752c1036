// The task pane's reducer and selectors, without React and without a host.

import {
  GENERIC_ERROR,
  errorNotice,
  existingNames,
  filterFindings,
  fmtRate,
  fmtScore,
  groupBySheet,
  headerOf,
  initialState,
  noTable,
  reducer,
  severityCounts,
  tableSummaries,
  type Action,
  type PaneState,
} from '../../src/taskpane/state';
import { evaluate, SelfevalError, type Evaluation } from '../../src/core/engine';
import { HostError } from '../../src/office/host';
import type { Finding } from '../../src/core/types';
import type { Grid } from '../../src/core/grid';
import { cleanWorkbook, slippedWorkbook, tablelessWorkbook, basicSheet, projectSheet } from './workbooks';

const f = (severity: Finding['severity'], sheet: string, cell: string, rule: Finding['rule'] = 'score.total'): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  message: `${sheet}!${cell} 的问题`,
});

const run = (actions: Action[], from: PaneState = initialState) => actions.reduce(reducer, from);

function checked(grid: Grid): { grid: Grid; ev: Evaluation; state: PaneState } {
  const ev = evaluate(grid);
  return { grid, ev, state: run([{ type: 'start', task: 'check' }, { type: 'checked', grid, ev }, { type: 'end' }]) };
}

describe('reducer', () => {
  test('a task marks the pane busy and clears the last message; end brings the buttons back', () => {
    const s1 = run([{ type: 'failed', notice: { intent: 'error', title: 't', text: 'x' } }, { type: 'start', task: 'check' }]);
    expect(s1.busy).toBe('check');
    expect(s1.notice).toBeUndefined();
    const s2 = run([{ type: 'phase', phase: 'read' }], s1);
    expect(s2.phase).toBe('read');
    const s3 = run([{ type: 'end' }], s2);
    expect(s3.busy).toBeNull();
    expect(s3.phase).toBeNull();
  });

  test('a failure keeps its message after the task ends', () => {
    const s = run([
      { type: 'start', task: 'report' },
      { type: 'failed', notice: errorNotice(new HostError('protected', '工作簿受保护'), 'report') },
      { type: 'end' },
    ]);
    expect(s.busy).toBeNull();
    expect(s.notice).toEqual({ intent: 'error', title: '生成报告失败', text: '工作簿受保护' });
    expect(run([{ type: 'dismiss' }], s).notice).toBeUndefined();
  });

  test('checked stores the snapshot and evaluation, resets filter, selection and added sheets', () => {
    const before = run([
      { type: 'filter', filter: 'error' },
      { type: 'selected', sheet: 'A', cell: 'B2' },
      { type: 'reportAdded', names: ['自评报告'] },
    ]);
    expect(before.addedSheets).toEqual(['自评报告']);
    const grid = slippedWorkbook();
    const ev = evaluate(grid);
    const s = run([{ type: 'checked', grid, ev }], before);
    expect(s.grid).toBe(grid);
    expect(s.ev).toBe(ev);
    expect(s.filter).toBe('all');
    expect(s.selected).toBeUndefined();
    expect(s.addedSheets).toEqual([]);
    // A completed check is news, not an error: no coloured bar; the live region says the counts.
    expect(s.notice).toBeUndefined();
    expect(s.announce).toBe('检查完成：1 个错误，0 个警告，0 个提示，已在工作表中标出。');
    expect(s.stale).toBe(false);
  });

  test('an edit after a check makes it stale, once; a new check makes it fresh', () => {
    expect(run([{ type: 'stale' }]).stale).toBe(false);
    const { grid, ev, state } = checked(slippedWorkbook());
    const s = run([{ type: 'stale' }], state);
    expect(s.stale).toBe(true);
    expect(s.announce).toContain('已过期');
    expect(run([{ type: 'checked', grid, ev }], s).stale).toBe(false);
  });

  test('a report written with errors is a warning, not a success', () => {
    const s = run([{ type: 'reportAdded', names: ['自评报告'] }], checked(slippedWorkbook()).state);
    expect(s.notice).toMatchObject({ intent: 'warning', title: '报告已生成，但仍有错误' });
  });

  test('a clean check leaves no message (the list shows 未发现问题)', () => {
    expect(checked(cleanWorkbook()).state.notice).toBeUndefined();
  });

  test('selecting a finding is navigation: it keeps the busy state and the message', () => {
    const s0 = run([{ type: 'start', task: 'check' }, { type: 'failed', notice: { intent: 'error', title: 't', text: 'x' } }]);
    const s = run([{ type: 'selected', sheet: '项目1', cell: 'H18' }], s0);
    expect(s.selected).toBe('项目1!H18');
    expect(s.busy).toBe('check');
    expect(s.notice).toBe(s0.notice);
  });

  test('profile: chosen id is kept; a re-evaluation replaces ev but not the snapshot', () => {
    const { grid, state } = checked(cleanWorkbook());
    const ev2 = evaluate(grid, { profile: 'hebei-county' });
    const s = run([{ type: 'profileChosen', profileId: 'hebei-county' }, { type: 'start', task: 'profile' }, { type: 'reevaluated', ev: ev2 }, { type: 'end' }], state);
    expect(s.profileId).toBe('hebei-county');
    expect(s.ev).toBe(ev2);
    expect(s.grid).toBe(grid);
    expect(s.notice?.text).toContain(ev2.profile.name);
  });

  test('added sheets accumulate and join the snapshot names', () => {
    const { state } = checked(cleanWorkbook());
    const s = run([
      { type: 'reportAdded', names: ['自评报告'] },
      { type: 'templateAdded', names: ['基本情况(2)', '部门整体'] },
    ], state);
    expect(existingNames(s)).toEqual(['基本情况', '项目1', '自评报告', '基本情况(2)', '部门整体']);
    expect(s.notice?.text).toContain('基本情况(2)、部门整体');
  });

  test('the report message names the sheet, and the errors left when there are any', () => {
    const clean = run([{ type: 'reportAdded', names: ['自评报告 (2)'] }], checked(cleanWorkbook()).state);
    expect(clean.notice).toMatchObject({ intent: 'success' });
    expect(clean.notice?.text).toContain('“自评报告 (2)”');
    expect(clean.notice?.text).not.toContain('错误');
    const slipped = run([{ type: 'reportAdded', names: ['自评报告'] }], checked(slippedWorkbook()).state);
    expect(slipped.notice?.text).toContain('尚未更正的 1 个错误');
  });

  test('cleared marks: the count, or that there was nothing to clear', () => {
    expect(run([{ type: 'marksCleared', count: 7 }]).notice?.text).toContain('7 个单元格');
    // The pane shows the unmarked workbook, not the old check.
    expect(run([{ type: 'marksCleared', count: 1 }], checked(slippedWorkbook()).state).ev).toBeUndefined();
    expect(run([{ type: 'marksCleared', count: 0 }]).notice?.text).toContain('没有需要清除的标记');
  });
});

describe('errorNotice', () => {
  test('a HostError shows its own Chinese message', () => {
    expect(errorNotice(new HostError('busy', 'Excel 正忙，请稍后重试。'), 'check')).toEqual({ intent: 'error', title: '检查失败', text: 'Excel 正忙，请稍后重试。' });
  });
  test('a SelfevalError shows its message', () => {
    expect(errorNotice(new SelfevalError('未知的权重方案“x”'), 'profile').text).toBe('未知的权重方案“x”');
  });
  test('anything else shows the generic Chinese message, never the English one', () => {
    expect(errorNotice(new TypeError('x is undefined'), 'clear')).toEqual({ intent: 'error', title: '清除标记失败', text: GENERIC_ERROR });
    expect(errorNotice('a string', 'template').text).toBe(GENERIC_ERROR);
    expect(errorNotice(undefined, 'select').title).toBe('无法定位单元格');
  });
});

describe('selectors', () => {
  const list = [f('warning', 'A', 'C3'), f('error', 'A', 'B2'), f('info', 'B', 'A1'), f('error', 'B', 'D4'), f('warning', 'A', 'E9')];

  test('counts by severity', () => {
    expect(severityCounts(list)).toEqual({ all: 5, error: 2, warning: 2, info: 1 });
    expect(severityCounts([])).toEqual({ all: 0, error: 0, warning: 0, info: 0 });
  });

  test('filter by severity', () => {
    expect(filterFindings(list, 'all')).toBe(list);
    expect(filterFindings(list, 'error').map((x) => x.cell)).toEqual(['B2', 'D4']);
    expect(filterFindings(list, 'info').map((x) => x.cell)).toEqual(['A1']);
  });

  test('group by sheet in order of first appearance, keeping the order within a sheet', () => {
    const g = groupBySheet([f('error', 'S2', 'A1'), f('info', 'S1', 'B1'), f('warning', 'S2', 'C1')]);
    expect(g.map((x) => x.sheet)).toEqual(['S2', 'S1']);
    expect(g[0].findings.map((x) => x.cell)).toEqual(['A1', 'C1']);
  });

  test('header: department and year from 基本情况, else from the first table', () => {
    expect(headerOf(undefined)).toEqual({});
    expect(headerOf(evaluate(cleanWorkbook()))).toEqual({ name: '某县教育局', year: 2025 });
    const onlyTable = evaluate({ sheets: [projectSheet()] });
    expect(headerOf(onlyTable)).toEqual({ name: '校舍改造工程', year: 2025 });
  });

  test('table summaries: recomputed and stated totals, grades, execution rate', () => {
    const [t] = tableSummaries(evaluate(slippedWorkbook()));
    expect(t.sheet).toBe('项目1');
    expect(t.kind).toBe('项目支出');
    expect(t.name).toBe('校舍改造工程');
    expect(t.statedTotal).toBe(99);
    expect(t.computedTotal).toBeCloseTo(97.43, 2);
    expect(t.totalDiffers).toBe(true);
    expect(t.executionRate).toBeCloseTo(30 / 31.8, 4);
    expect(t.statedRate).toBeCloseTo(0.9434, 4);
    expect(t.rateDiffers).toBe(false);
    const [c] = tableSummaries(evaluate(cleanWorkbook()));
    expect(c.totalDiffers).toBe(false);
    expect(c.computedGrade).toBe('优');
    expect(tableSummaries(undefined)).toEqual([]);
    const [r] = tableSummaries(evaluate({ sheets: [basicSheet('财政部'), projectSheet({ rate: 0.99 })] }));
    expect(r.statedRate).toBe(0.99);
    expect(r.rateDiffers).toBe(true);
  });

  test('noTable: only when the reader found no table', () => {
    expect(noTable(undefined)).toBe(false);
    expect(noTable(evaluate(tablelessWorkbook()))).toBe(true);
    expect(noTable(evaluate(cleanWorkbook()))).toBe(false);
    expect(noTable(evaluate({ sheets: [basicSheet('财政部')] }))).toBe(true);
  });

  test('formats: scores with at most two decimals, rates as percentages', () => {
    expect(fmtScore(97.4321)).toBe('97.43');
    expect(fmtScore(90)).toBe('90');
    expect(fmtScore(undefined)).toBe('—');
    expect(fmtRate(0.96875)).toBe('96.88%');
    expect(fmtRate(1)).toBe('100.00%');
    expect(fmtRate(undefined)).toBe('—');
  });
});
