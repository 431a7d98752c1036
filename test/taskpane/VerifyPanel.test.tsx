/** @jest-environment jsdom */
// The 核对报告 panel: choosing a report file or a sheet, findings under their sentences, a click
// on a finding with a cell selecting it.

import * as React from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { VerifyPanel, targetOf } from '../../src/taskpane/VerifyPanel';
import * as fs from 'fs';
import { verifyText } from '../../src/core/verify/verify';
import { readPlainText } from '../../src/core/verify/txt';
import { SEED_FILE, sampleEvaluation } from '../core/verify/helpers';

beforeAll(() => {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }),
  });
});
afterEach(cleanup);

// jsdom has no TextDecoder: the seed is decoded by Node here
const seedResult = () => verifyText(readPlainText('seed.txt', fs.readFileSync(SEED_FILE, 'utf8')), sampleEvaluation());

function renderPanel(props: Partial<React.ComponentProps<typeof VerifyPanel>> = {}) {
  const calls = { file: jest.fn(), sheet: jest.fn(), cell: jest.fn() };
  render(
    <FluentProvider theme={webLightTheme}>
      <VerifyPanel sheets={['基本情况', '部门整体', '自评报告']} onVerifyFile={calls.file} onVerifySheet={calls.sheet} onSelectCell={calls.cell} {...props} />
    </FluentProvider>,
  );
  return calls;
}

describe('VerifyPanel', () => {
  test('choosing a .docx calls onVerifyFile with the file', () => {
    const calls = renderPanel();
    const file = new File([new Uint8Array([0x50, 0x4b])], '自评报告.docx');
    fireEvent.change(screen.getByTestId('verify-file'), { target: { files: [file] } });
    expect(calls.file).toHaveBeenCalledWith(file);
  });

  test('the sheet list starts at the 自评报告 sheet; 核对此工作表 calls onVerifySheet', () => {
    const calls = renderPanel();
    const select = screen.getByLabelText('选择含报告文字的工作表') as HTMLSelectElement;
    expect(select.value).toBe('自评报告');
    fireEvent.change(select, { target: { value: '部门整体' } });
    fireEvent.click(screen.getByRole('button', { name: '核对此工作表' }));
    expect(calls.sheet).toHaveBeenCalledWith('部门整体');
  });

  test('findings are listed under their sentences; a click on one with a cell selects it', () => {
    const calls = renderPanel({ result: seedResult() });
    const unit = document.querySelector('[data-rule="text.unit"]') as HTMLButtonElement;
    expect(unit).not.toBeNull();
    const item = unit.closest('li') as HTMLElement;
    expect(within(item).getByText(/预算支出158\.5元/)).toBeInTheDocument();
    fireEvent.click(unit);
    expect(calls.cell).toHaveBeenCalledWith('基本情况', 'B11');
    // a numbering finding has no cell: its button stays focusable but selects nothing
    const numbering = document.querySelector('[data-rule="text.numbering"]') as HTMLButtonElement;
    expect(numbering).toHaveAttribute('aria-disabled', 'true');
    calls.cell.mockClear();
    fireEvent.click(numbering);
    expect(calls.cell).not.toHaveBeenCalled();
    // the tooltip names the check in plain words, not its rule id
    expect(numbering.title).not.toMatch(/text\./);
    expect(screen.getByText(/2 个错误、3 个警告/)).toBeInTheDocument();
  });

  test('the severity filter narrows the list', () => {
    renderPanel({ result: seedResult() });
    fireEvent.click(screen.getByRole('button', { name: /^错误 2$/ }));
    expect(document.querySelectorAll('[data-rule]')).toHaveLength(2);
  });

  test('an error line is shown as an alert; a clean result says so', () => {
    renderPanel({ error: '无法读取报告“x.docx”：文件已损坏' });
    expect(screen.getByRole('alert')).toHaveTextContent('文件已损坏');
    cleanup();
    const clean = { ...seedResult(), findings: [] };
    renderPanel({ result: clean });
    expect(screen.getByTestId('verify-clear')).toBeInTheDocument();
  });

  test('a finding on a sheet report selects its paragraph cell when it names no table cell', () => {
    const r = verifyText(readPlainText('x', '一、甲'), sampleEvaluation());
    const f = { ...r.findings[0], sheet: '', cell: '', origin: { kind: 'cell' as const, sheet: '自评报告', cell: 'A3' } };
    expect(targetOf(f)).toEqual({ sheet: '自评报告', cell: 'A3' });
  });
});
