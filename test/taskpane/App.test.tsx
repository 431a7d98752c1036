/** @jest-environment jsdom */
// The task pane over a fake WorkbookHost: the real core evaluates the grids the host returns.

import * as React from 'react';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { App } from '../../src/taskpane/App';
import { HostError, type AddSheetsOptions, type HostCapabilities, type WorkbookEvent, type WorkbookHost } from '../../src/office/host';
import { MemoryHost } from '../../src/preview/memoryHost';
import { parseA1 } from '../../src/core/grid';
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
  added: { layout: SheetLayout; replace: boolean }[] = [];
  selected: { sheet: string; cell: string }[] = [];
  settings = new Map<string, string>();
  listeners: ((e: WorkbookEvent) => void)[] = [];
  events = true;
  fail: Partial<Record<keyof WorkbookHost, Error>> = {};
  private inner: MemoryHost;
  constructor(public grid: Grid) {
    this.inner = new MemoryHost(grid);
  }
  private step(name: keyof WorkbookHost) {
    this.calls.push(name);
    const err = this.fail[name];
    return err ? Promise.reject(err) : Promise.resolve();
  }
  /** The user edits a cell in Excel. */
  userEdit(sheet: string, cell: string, value: string | number) {
    this.inner.edit(sheet, cell, { value });
  }
  userSelect(sheet: string, cell: string) {
    this.inner.userSelect(sheet, cell);
  }
  cell(sheet: string, cell: string) {
    const { r, c } = parseA1(cell);
    return this.inner.getView().grid.sheets.find((s) => s.name === sheet)?.rows[r]?.[c];
  }
  async capabilities(): Promise<HostCapabilities> {
    return { notes: true, comments: false, merges: true, events: this.events };
  }
  async snapshot(): Promise<Grid> {
    await this.step('snapshot');
    return this.inner.snapshot();
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
  async addSheets(layouts: SheetLayout[], opts: AddSheetsOptions = {}): Promise<string[]> {
    await this.step('addSheets');
    this.added.push(...layouts.map((layout) => ({ layout, replace: !!opts.replace })));
    return this.inner.addSheets(layouts, opts);
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.step('selectCell');
    this.selected.push({ sheet, cell });
  }
  async readSettings(keys: string[]) {
    await this.step('readSettings');
    return this.inner.readSettings(keys);
  }
  async writeSetting(key: string, value: string | null) {
    await this.step('writeSetting');
    return this.inner.writeSetting(key, value);
  }
  async applyValue(sheet: string, cell: string, expected: string | number, value: string | number) {
    await this.step('applyValue');
    return this.inner.applyValue(sheet, cell, expected, value);
  }
  async undoValue(sheet: string, cell: string) {
    await this.step('undoValue');
    return this.inner.undoValue(sheet, cell);
  }
  async watch(listener: (e: WorkbookEvent) => void) {
    this.calls.push('watch');
    return this.inner.watch(listener);
  }
}

const button = (name: RegExp | string) => screen.getByRole('button', { name });
const idle = () => waitFor(() => expect(document.querySelector('main')).toHaveAttribute('aria-busy', 'false'));

async function check(host: FakeHost) {
  render(<App host={host} />);
  await waitFor(() => expect(host.calls).toContain('watch'));
  fireEvent.click(button('一键检查'));
  await waitFor(() => expect(host.calls).toContain('snapshot'));
  await idle();
}

/** The finding's item, once shown (every group opened). */
async function findingEl(key: string): Promise<HTMLElement> {
  return waitFor(() => {
    openAll();
    const el = document.querySelector(`[data-finding="${key}"]`);
    expect(el).not.toBeNull();
    return el as HTMLElement;
  });
}

/** Opens every group of the findings tree. */
function openAll() {
  for (const g of [...document.querySelectorAll('[role="tree"] > [role="treeitem"][aria-expanded="false"]')]) fireEvent.click(g.firstElementChild as HTMLElement);
}

/** Two project tables under the 河北 profile: weight warnings on both, a total slip on 项目1. */
function findingsWorkbook(): Grid {
  return { sheets: [basicSheet('河北'), projectSheet({ total: 99 }), projectSheet({ name: '项目2' })] };
}

describe('a workbook with no table', () => {
  test('warns, inserts the standard template, and then shows the new state', async () => {
    const host = new FakeHost(tablelessWorkbook());
    await check(host);
    expect(screen.getByTestId('no-table')).toHaveTextContent('未找到绩效自评表');
    expect(screen.queryByTestId('summary')).toBeNull();

    fireEvent.click(button('插入标准模板'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('模板已插入'));
    await idle();
    const names = host.added.map((a) => a.layout.name);
    expect(names.length).toBeGreaterThan(0);
    // Never a name the workbook already has.
    expect(names).not.toContain('Sheet1');
    for (const n of names) expect(screen.getByTestId('notice')).toHaveTextContent(n);
    // Checked again: the old warning is gone.
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(2);
    expect(screen.queryByTestId('no-table')).toBeNull();
  });
});

describe('a workbook with findings', () => {
  test('evaluates, marks, summarises in one line, groups by check with plain titles, and selects', async () => {
    const host = new FakeHost(findingsWorkbook());
    await check(host);
    expect(host.marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(expect.arrayContaining(['项目1!H18']));
    expect(host.marks.find((m) => m.cell === 'H18')?.severity).toBe('error');

    expect(screen.getByTestId('department')).toHaveTextContent('某县教育局');
    expect(screen.getByTestId('year')).toHaveTextContent('2025 年度');
    expect(screen.getByRole('combobox', { name: '权重方案' })).toHaveValue('hebei-county');

    // One line, the counts once; each table's figures in a closed detail.
    const line = screen.getByTestId('summary-line');
    expect(line).toHaveTextContent('1 个错误');
    expect(screen.getByTestId('summary').querySelector('[data-table]')).toBeNull();
    fireEvent.click(screen.getByText(/各表明细/));
    const details = screen.getByTestId('summary').querySelector('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(screen.getByTestId('summary').querySelector('[data-table="项目1"]')).not.toBeNull());
    const t1 = screen.getByTestId('summary').querySelector('[data-table="项目1"]') as HTMLElement;
    expect(t1).toHaveTextContent('97.43');
    expect(t1).toHaveTextContent('表内 99');

    // Grouped by check: plain titles, never rule ids; the error's group first.
    const tree = screen.getByRole('tree', { name: '问题清单' });
    const groups = [...tree.querySelectorAll(':scope > [role="treeitem"]')].map((g) => g.getAttribute('aria-label') ?? '');
    expect(groups[0]).toMatch(/^总分与各项得分之和不符，1 项$/);
    expect(groups.join(' ')).not.toMatch(/[a-z]+\.[a-z_]+/);
    // By sheet, in sheet order.
    fireEvent.click(button('按工作表'));
    const sheets = [...document.querySelectorAll('[data-sheet-group]')].map((g) => g.getAttribute('data-sheet-group'));
    expect(sheets).toEqual(['项目1', '项目2']);
    fireEvent.click(button('按检查项'));

    // A click on a finding makes it current and selects its cell.
    fireEvent.click(await findingEl('项目1!H18'));
    await waitFor(() => expect(host.selected).toEqual([{ sheet: '项目1', cell: 'H18' }]));
    expect(document.querySelector('[data-finding="项目1!H18"]')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('current')).toHaveTextContent('总分与各项得分之和不符');
  });

  test('a selection in Excel shows its finding; an edit marks the results out of date', async () => {
    const host = new FakeHost(findingsWorkbook());
    await check(host);
    act(() => host.userSelect('项目1', 'H18'));
    await waitFor(() => expect(document.querySelector('[data-finding="项目1!H18"]')).toHaveAttribute('aria-selected', 'true'));
    expect(screen.queryByTestId('stale')).toBeNull();
    act(() => host.userEdit('项目1', 'H18', 97.43));
    await waitFor(() => expect(screen.getByTestId('stale')).toHaveTextContent('结果可能已过期'));
    // 生成报告 reads the workbook again: the fixed total no longer counts as an error.
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('报告已生成'));
    expect(screen.getByTestId('notice')).not.toHaveTextContent('个错误');
    expect(screen.queryByTestId('stale')).toBeNull();
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(2);
  });

  test('生成报告 from an unchanged check reuses it; a 自评报告 sheet asks: add 自评报告 (2) or replace', async () => {
    const host = new FakeHost({ sheets: [...findingsWorkbook().sheets, { name: '自评报告', rows: [], merges: [] }] });
    await check(host);
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('ask-report')).toBeInTheDocument());
    expect(host.added).toHaveLength(0);
    fireEvent.click(button('另存为“自评报告 (2)”'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('报告已生成，但仍有错误'));
    expect(host.added[0]).toMatchObject({ replace: false, layout: { name: '自评报告 (2)' } });
    expect(screen.getByTestId('notice')).toHaveTextContent('1 个错误');
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('ask-report')).toBeInTheDocument());
    fireEvent.click(button('替换原工作表'));
    await waitFor(() => expect(host.added).toHaveLength(2));
    expect(host.added[1]).toMatchObject({ replace: true, layout: { name: '自评报告' } });
    // No edit since the check: the snapshot was not read again.
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(1);
  });

  test('忽略 keeps the finding aside in the workbook settings; 恢复 brings it back', async () => {
    const host = new FakeHost(findingsWorkbook());
    await check(host);
    const el = await findingEl('项目1!H18');
    const n = document.querySelectorAll('[data-finding]').length;
    fireEvent.click(el);
    fireEvent.click(button('忽略'));
    await idle();
    await waitFor(() => expect(document.querySelectorAll('[data-finding]').length).toBe(n - 1));
    expect(host.marks.some((m) => m.cell === 'H18')).toBe(false);
    const stored = JSON.parse((await host.readSettings(['selfeval.ignored']))['selfeval.ignored'] as string);
    expect(stored).toEqual([expect.objectContaining({ rule: 'score.total', sheet: '项目1', cell: 'H18' })]);
    expect(screen.getByTestId('ignored')).toHaveTextContent('已忽略（1）');
    fireEvent.click(screen.getByRole('button', { name: /^恢复/ }));
    await idle();
    openAll();
    await waitFor(() => expect(document.querySelectorAll('[data-finding]').length).toBe(n));
    expect(screen.queryByTestId('ignored')).toBeNull();
  });

  test('采用建议值 shows old and new, writes only on the click, and 撤销 restores the cell', async () => {
    const host = new FakeHost(findingsWorkbook());
    await check(host);
    fireEvent.click(await findingEl('项目1!H18'));
    expect(screen.getByTestId('suggestion')).toHaveTextContent('原值99建议值97.43');
    expect(host.calls).not.toContain('applyValue');
    fireEvent.click(button('采用建议值'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已采用建议值'));
    await idle();
    expect(host.cell('项目1', 'H18')?.value).toBe(97.43);
    expect(document.querySelector('[data-finding="项目1!H18"]')).toBeNull();
    fireEvent.click(button('撤销 项目1!H18'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('恢复为原来的值'));
    expect(host.cell('项目1', 'H18')?.value).toBe(99);
  });

  test('changing the profile re-evaluates the last snapshot without reading again', async () => {
    const host = new FakeHost(cleanWorkbook());
    await check(host);
    expect(screen.getByTestId('no-findings')).toBeInTheDocument();
    const chooser = screen.getByRole('combobox', { name: '权重方案' });
    expect(chooser).toHaveValue('mof-2020');
    fireEvent.change(chooser, { target: { value: 'hebei-county' } });
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已切换权重方案'));
    await idle();
    openAll();
    const warnings = [...document.querySelectorAll('[data-finding]')];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.getAttribute('data-severity') === 'warning')).toBe(true);
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(1);
    expect(host.marks.length).toBe(new Set(warnings.map((w) => w.getAttribute('data-finding'))).size);
  });

  test('清除标记 clears the marks, reports how many, and leaves the unchecked state', async () => {
    const host = new FakeHost(slippedWorkbook());
    await check(host);
    expect(host.marks).toHaveLength(1);
    fireEvent.click(button('清除标记'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已恢复 1 个单元格'));
    expect(host.marks).toHaveLength(0);
    expect(screen.queryByRole('tree')).toBeNull();
    expect(screen.queryByTestId('summary')).toBeNull();
  });

  test('buttons stay focusable while busy; focus moves to the result; the live region announces it', async () => {
    const host = new FakeHost(slippedWorkbook());
    render(<App host={host} />);
    await waitFor(() => expect(host.calls).toContain('watch'));
    const b = button('一键检查');
    b.focus();
    fireEvent.click(b);
    expect(b).toHaveAttribute('aria-disabled', 'true');
    expect(b).not.toHaveAttribute('disabled');
    await idle();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: '检查摘要' })));
    expect(screen.getByTestId('live')).toHaveTextContent('检查完成：1 个错误');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '问题清单' })).toBeInTheDocument();
  });
});

describe('a workbook with tables but no 基本情况', () => {
  test('offers 插入基本情况表, adds the sheet and checks again', async () => {
    const host = new FakeHost({ sheets: [projectSheet()] });
    await check(host);
    fireEvent.click(button('插入基本情况表'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已插入基本情况表'));
    await idle();
    expect(host.added.map((a) => a.layout.name)).toEqual(['基本情况']);
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(2);
    // The workbook has its 基本情况 now: the button goes.
    expect(screen.queryByRole('button', { name: '插入基本情况表' })).toBeNull();
  });

  test('a workbook that has its 基本情况 is not offered another', async () => {
    const host = new FakeHost(cleanWorkbook());
    await check(host);
    expect(screen.queryByRole('button', { name: '插入基本情况表' })).toBeNull();
    expect(button('导出 Word')).toBeInTheDocument();
  });
});

describe('核对报告', () => {
  test('opens on demand and proofreads the report sheet against the workbook as it is now', async () => {
    const host = new FakeHost(findingsWorkbook());
    await check(host);
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('报告已生成'));
    await idle();
    const details = screen.getByTestId('verify') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const go = await screen.findByRole('button', { name: '核对此工作表' }, { timeout: 20000 });
    expect(screen.getByRole('combobox', { name: '选择含报告文字的工作表' })).toHaveValue('自评报告');
    fireEvent.click(go);
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('核对完成'));
    // The panel shows its result: agreement, or the findings each under its sentence.
    await waitFor(() => expect(document.querySelector('[data-testid="verify-clear"], section[aria-label="核对结果"]')).not.toBeNull());
    const withCell = document.querySelector('section[aria-label="核对结果"] button[data-rule]');
    if (withCell) {
      fireEvent.click(withCell);
      await waitFor(() => expect(host.selected.length).toBeGreaterThan(0));
    }
    // The report sheet was added after the check: the workbook was read again to see it.
    expect(host.calls.filter((c) => c === 'snapshot')).toHaveLength(2);
  });
});

describe('workbook text in the pane', () => {
  test('control and bidi characters from cells show as visible escapes', async () => {
    const basic = basicSheet('财政部');
    basic.rows[1][1] = { value: '某县\u202e教育局\u0007' };
    const host = new FakeHost({ sheets: [basic, projectSheet({ total: 99 })] });
    await check(host);
    expect(screen.getByTestId('department').textContent).toBe('某县\\u202E教育局\\u0007');
    expect(document.body.textContent).not.toMatch(/[\u202e\u0007]/);
  });
});

describe('a workbook with no finding', () => {
  test('shows a clear 未发现问题 state, with no coloured bar', async () => {
    const host = new FakeHost(cleanWorkbook());
    await check(host);
    expect(screen.getByTestId('no-findings')).toHaveTextContent('未发现问题');
    expect(screen.getByTestId('summary-line')).toHaveTextContent('重算总分 97.43（优） · 未发现问题');
    expect(screen.queryByTestId('notice')).toBeNull();
    // Nothing to mark: the marks of an earlier check are cleared instead.
    expect(host.calls.filter((c) => c !== 'watch')).toEqual(['snapshot', 'readSettings', 'clearMarks']);
  });
});

describe('an Excel failure', () => {
  const PROTECTED = '工作表受保护，无法标记单元格。请先撤消工作表保护。';

  test('a rejected write shows the HostError message and the buttons work again', async () => {
    const host = new FakeHost(slippedWorkbook());
    host.fail.applyMarks = new HostError('protected', PROTECTED);
    await check(host);
    expect(screen.getByTestId('notice')).toHaveTextContent(PROTECTED);
    // The findings still show.
    await findingEl('项目1!H18');
    for (const name of ['一键检查', '生成报告', '清除标记']) expect(button(name)).not.toHaveAttribute('aria-disabled', 'true');
    delete host.fail.applyMarks;
    fireEvent.click(button('一键检查'));
    await waitFor(() => expect(host.marks).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText(PROTECTED)).toBeNull());
  });

  test('a rejected read shows the message, never a blank pane', async () => {
    const host = new FakeHost(slippedWorkbook());
    host.fail.snapshot = new HostError('protected', PROTECTED);
    await check(host);
    expect(screen.getByTestId('notice')).toHaveTextContent('检查失败');
    expect(screen.getByTestId('notice')).toHaveTextContent(PROTECTED);
  });

  test('any other error shows a generic Chinese message', async () => {
    const host = new FakeHost(slippedWorkbook());
    await check(host);
    host.fail.addSheets = new TypeError('Cannot read properties of undefined');
    fireEvent.click(button('生成报告'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('生成报告失败'));
    expect(screen.getByTestId('notice')).toHaveTextContent('发生了意外错误');
    expect(screen.getByTestId('notice')).not.toHaveTextContent('Cannot read');
  });

  test('a failed selection says so', async () => {
    const host = new FakeHost(slippedWorkbook());
    await check(host);
    host.fail.selectCell = new HostError('switched', '工作表已被重命名或删除，请重新检查。');
    const el = await findingEl('项目1!H18');
    await act(async () => {
      fireEvent.click(el);
    });
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('工作表已被重命名或删除'));
  });
});
