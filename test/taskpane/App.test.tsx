/** @jest-environment jsdom */
// The task pane over a fake WorkbookHost: the real core evaluates the grids the host returns.

import * as React from 'react';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/App';
import { HostError, type HostCapabilities, type WorkbookHost } from '../../src/office/host';
import type { Grid } from '../../src/core/grid';
import type { Mark, SheetLayout } from '../../src/core/plan';
import { basicSheet, cleanWorkbook, projectSheet, slippedWorkbook, tablelessWorkbook } from './workbooks';

// The machine may be busy: wait for the pane as long as it takes, within jest's own timeout.
configure({ asyncUtilTimeout: 20000 });

// ---- what Fluent needs from a browser that jsdom lacks ----
beforeAll(() => {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  if (!('ResizeObserver' in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};
});
afterEach(cleanup);

/** A host over a fixed grid that records every call; `fail` makes a method reject. */
class FakeHost implements WorkbookHost {
  calls: string[] = [];
  marks: Mark[] = [];
  added: SheetLayout[] = [];
  selected: { sheet: string; cell: string }[] = [];
  fail: Partial<Record<keyof WorkbookHost, Error>> = {};
  constructor(public grid: Grid) {}
  private step(name: keyof WorkbookHost) {
    this.calls.push(name);
    const err = this.fail[name];
    return err ? Promise.reject(err) : Promise.resolve();
  }
  async capabilities(): Promise<HostCapabilities> {
    return { notes: true, comments: false, merges: true };
  }
  async snapshot(): Promise<Grid> {
    await this.step('snapshot');
    return JSON.parse(JSON.stringify(this.grid)) as Grid;
  }
  async applyMarks(marks: Mark[]): Promise<void> {
    await this.step('applyMarks');
    this.marks = marks;
  }
  async clearMarks(): Promise<number> {
    await this.step('clearMarks');
    const n = this.marks.length;
    this.marks = [];
    return n;
  }
  async addSheets(layouts: SheetLayout[]): Promise<string[]> {
    await this.step('addSheets');
    this.added.push(...layouts);
    return layouts.map((l) => l.name);
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.step('selectCell');
    this.selected.push({ sheet, cell });
  }
}

const button = (name: RegExp | string) => screen.getByRole('button', { name });

async function check(host: FakeHost) {
  render(<App host={host} />);
  fireEvent.click(button('一键检查'));
  // The check is over when the primary button is enabled again.
  await waitFor(() => expect(button('一键检查')).toBeEnabled());
}

/** Two project tables under the 河北 profile: weight warnings on both, a total slip on 项目1. */
function findingsWorkbook(): Grid {
  return { sheets: [basicSheet('河北'), projectSheet({ total: 99 }), projectSheet({ name: '项目2' })] };
}

describe('a workbook with no table', () => {
  test('shows the no_table finding and inserts the standard template', async () => {
    const host = new FakeHost(tablelessWorkbook());
    await check(host);
    expect(screen.getByTestId('no-table')).toHaveTextContent('未找到绩效自评表');
    const list = screen.getByRole('region', { name: '检查结果' });
    expect(list).toHaveTextContent('没有找到部门整体支出绩效自评表或项目支出绩效自评表');
    expect(screen.queryByTestId('summary')).toBeNull();

    fireEvent.click(button('插入标准模板'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('模板已插入'));
    expect(host.calls).toContain('addSheets');
    const names = host.added.map((l) => l.name);
    expect(names.length).toBeGreaterThan(0);
    // Never a name the workbook already has.
    expect(names).not.toContain('Sheet1');
    for (const n of names) expect(screen.getByTestId('notice')).toHaveTextContent(n);
  });
});

describe('a workbook with findings', () => {
  test('evaluates, marks, summarises, groups by sheet, filters and selects', async () => {
    const host = new FakeHost(findingsWorkbook());
    await check(host);

    // The check read once and marked every finding's cell.
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(1);
    expect(host.calls).toContain('applyMarks');
    expect(host.marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(expect.arrayContaining(['项目1!H18']));
    expect(host.marks.find((m) => m.cell === 'H18')?.severity).toBe('error');

    // Header: department and year from 基本情况; the workbook's profile is selected.
    expect(screen.getByTestId('department')).toHaveTextContent('某县教育局');
    expect(screen.getByTestId('year')).toHaveTextContent('2025 年度');
    expect(screen.getByRole('combobox', { name: '权重方案' })).toHaveValue('hebei-county');
    expect(screen.getByRole('combobox', { name: '权重方案' })).toHaveDisplayValue(/河北/);

    // Summary: recomputed total beside the stated one, grade and execution rate per table.
    const summary = screen.getByTestId('summary');
    const t1 = summary.querySelector('[data-table="项目1"]') as HTMLElement;
    expect(t1).toHaveTextContent('97.43');
    expect(t1).toHaveTextContent('表内 99');
    expect(t1).toHaveTextContent('94.34%');
    expect(summary.querySelector('[data-table="项目2"]')).not.toBeNull();

    // Grouped by sheet, in sheet order.
    const groups = [...document.querySelectorAll('[data-sheet-group]')].map((g) => g.getAttribute('data-sheet-group'));
    expect(groups).toEqual(['项目1', '项目2']);
    const g1 = document.querySelector('[data-sheet-group="项目1"]') as HTMLElement;
    expect(within(g1).getAllByRole('button').length).toBe(3);

    // The filter, with counts.
    const all = document.querySelectorAll('[data-finding]').length;
    expect(screen.getByRole('button', { name: `全部 ${all}`, pressed: true })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^错误 \d+$/ }));
    const errors = [...document.querySelectorAll('[data-finding]')];
    expect(errors.length).toBe(1);
    expect(errors[0].getAttribute('data-severity')).toBe('error');
    expect(errors[0]).toHaveTextContent('总分 99');
    fireEvent.click(screen.getByRole('button', { name: /^警告 \d+$/ }));
    const warnings = [...document.querySelectorAll('[data-finding]')];
    expect(warnings.length).toBe(all - 1);
    expect(warnings.every((w) => w.getAttribute('data-severity') === 'warning')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '提示 0' }));
    expect(document.querySelectorAll('[data-finding]').length).toBe(0);
    expect(screen.getByText('没有提示级别的问题。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /^全部 \d+$/ }));

    // A click on a finding selects its cell.
    const target = document.querySelector('[data-finding="项目1!H18"]') as HTMLElement;
    fireEvent.click(target);
    await waitFor(() => expect(host.selected).toEqual([{ sheet: '项目1', cell: 'H18' }]));
    expect(target).toHaveAttribute('aria-current', 'true');
  });

  test('生成报告 adds the report sheet under a new name and says so', async () => {
    const host = new FakeHost({ sheets: [...findingsWorkbook().sheets, { name: '自评报告', rows: [], merges: [] }] });
    await check(host);
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('报告已生成'));
    expect(host.added).toHaveLength(1);
    const name = host.added[0].name;
    expect(name).not.toBe('自评报告');
    expect(name.startsWith('自评报告')).toBe(true);
    expect(screen.getByTestId('notice')).toHaveTextContent(name);
    // The report opens with the errors that remain: the pane says so too.
    expect(screen.getByTestId('notice')).toHaveTextContent('1 个错误');
    // A second report gets yet another name, though no new snapshot was read.
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(host.added).toHaveLength(2));
    expect(host.added[1].name).not.toBe(name);
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(1);
  });

  test('changing the profile re-evaluates the last snapshot without reading again', async () => {
    const host = new FakeHost(cleanWorkbook());
    await check(host);
    expect(screen.getByTestId('no-findings')).toBeInTheDocument();

    const chooser = screen.getByRole('combobox', { name: '权重方案' });
    expect(chooser).toHaveValue('mof-2020');
    fireEvent.change(chooser, { target: { value: 'hebei-county' } });
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已切换权重方案'));
    // Under 河北 (产出 40, 效益 40) the table's weights no longer fit: warnings appear.
    expect(screen.queryByTestId('no-findings')).toBeNull();
    const warnings = [...document.querySelectorAll('[data-finding]')];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.getAttribute('data-severity') === 'warning')).toBe(true);
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(1);
    expect(host.marks.length).toBe(warnings.length);
  });

  test('清除标记 clears the marks and reports how many', async () => {
    const host = new FakeHost(slippedWorkbook());
    await check(host);
    expect(host.marks).toHaveLength(1);
    fireEvent.click(button('清除标记'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已恢复 1 个单元格'));
    expect(host.marks).toHaveLength(0);
  });
});

describe('a workbook with no finding', () => {
  test('shows a clear 未发现问题 state', async () => {
    const host = new FakeHost(cleanWorkbook());
    await check(host);
    expect(screen.getByTestId('no-findings')).toHaveTextContent('未发现问题');
    expect(screen.queryByRole('group', { name: '按严重程度筛选' })).toBeNull();
    expect(screen.getByTestId('summary')).toHaveTextContent('97.43');
    expect(screen.queryByTestId('notice')).toBeNull();
    // Nothing to mark: the marks of an earlier check are cleared instead.
    expect(host.calls).toEqual(['snapshot', 'clearMarks']);
    expect(host.marks).toEqual([]);
  });
});

describe('an Excel failure', () => {
  const PROTECTED = '工作表受保护，无法标记单元格。请先撤消工作表保护。';

  test('a rejected write shows the HostError message and the buttons work again', async () => {
    const host = new FakeHost(slippedWorkbook());
    host.fail.applyMarks = new HostError('protected', PROTECTED);
    await check(host);
    const bar = screen.getByTestId('notice');
    expect(bar).toHaveTextContent(PROTECTED);
    // The findings still show.
    expect(document.querySelector('[data-finding="项目1!H18"]')).not.toBeNull();
    for (const name of ['一键检查', '生成报告', '清除标记']) expect(button(name)).toBeEnabled();

    // The next attempt works once Excel lets it.
    delete host.fail.applyMarks;
    fireEvent.click(button('一键检查'));
    await waitFor(() => expect(host.marks).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('notice')).not.toHaveTextContent(PROTECTED));
  });

  test('a rejected read shows the message, never a blank pane', async () => {
    const host = new FakeHost(slippedWorkbook());
    host.fail.snapshot = new HostError('protected', PROTECTED);
    await check(host);
    expect(screen.getByTestId('notice')).toHaveTextContent('检查失败');
    expect(screen.getByTestId('notice')).toHaveTextContent(PROTECTED);
    expect(button('一键检查')).toBeEnabled();
  });

  test('any other error shows a generic Chinese message', async () => {
    const host = new FakeHost(slippedWorkbook());
    await check(host);
    host.fail.addSheets = new TypeError('Cannot read properties of undefined');
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('生成报告失败'));
    expect(screen.getByTestId('notice')).toHaveTextContent('发生了意外错误');
    expect(screen.getByTestId('notice')).not.toHaveTextContent('Cannot read');
    expect(button('生成报告')).toBeEnabled();
  });

  test('a failed selection says so', async () => {
    const host = new FakeHost(slippedWorkbook());
    await check(host);
    host.fail.selectCell = new HostError('switched', '工作表已被重命名或删除，请重新检查。');
    await act(async () => {
      fireEvent.click(document.querySelector('[data-finding="项目1!H18"]') as HTMLElement);
    });
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('工作表已被重命名或删除'));
  });
});
