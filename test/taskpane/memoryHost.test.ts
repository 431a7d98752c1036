// The preview's in-memory host: it must behave as the pane expects any WorkbookHost to.

import { MemoryHost, PROTECTED_MESSAGE, layoutToSheet } from '../../src/preview/memoryHost';
import { HostError } from '../../src/office/host';
import { makeSheet } from '../../src/core/grid';
import type { Mark, SheetLayout } from '../../src/core/plan';

const grid = () => ({ sheets: [makeSheet('表1', [['标题'], ['金额', 12.5]], { merges: ['A1:B1'] }), makeSheet('表2', [['x']])] });
const mark = (sheet: string, cell: string, severity: Mark['severity'] = 'error'): Mark => ({ sheet, cell, severity, fill: '#FFC7CE', note: 'n' });
const layout = (name: string): SheetLayout => ({
  name,
  columnWidths: [40],
  cells: [
    { row: 0, col: 0, value: '报告标题', bold: true },
    { row: 2, col: 1, value: 3.5, format: '0.00' },
  ],
  merges: ['A1:C1'],
});

test('snapshot is a copy: changing it changes nothing in the host', async () => {
  const host = new MemoryHost(grid());
  const a = await host.snapshot();
  a.sheets[0].rows[1][1] = { value: 999 };
  a.sheets[0].merges.length = 0;
  const b = await host.snapshot();
  expect(b.sheets[0].rows[1][1]).toEqual({ value: 12.5 });
  expect(b.sheets[0].merges).toHaveLength(1);
  expect(b.sheets.map((s) => s.name)).toEqual(['表1', '表2']);
});

test('marks sit beside the cells and never change a value; clearMarks restores and counts', async () => {
  const host = new MemoryHost(grid());
  const v0 = host.getView().version;
  await host.applyMarks([mark('表1', 'B2'), mark('表2', 'a1', 'warning')]);
  expect(host.getView().version).toBeGreaterThan(v0);
  expect(host.getView().marks.get('表2')?.get('A1')?.severity).toBe('warning');
  expect((await host.snapshot()).sheets[0].rows[1][1]).toEqual({ value: 12.5 });
  // A later check's marks replace the earlier ones.
  await host.applyMarks([mark('表1', 'B2', 'info'), mark('表1', 'A2', 'warning')]);
  expect(host.allMarks().map((m) => `${m.sheet}!${m.cell}:${m.severity}`).sort()).toEqual(['表1!A2:warning', '表1!B2:info']);
  expect(await host.clearMarks()).toBe(2);
  expect(host.allMarks()).toEqual([]);
  expect(await host.clearMarks()).toBe(0);
});

test('a mark on a missing sheet is rejected with a HostError', async () => {
  const host = new MemoryHost(grid());
  await expect(host.applyMarks([mark('没有', 'A1')])).rejects.toBeInstanceOf(HostError);
});

test('addSheets adds the layouts, shows the first; a taken name gets the next free one, or is replaced when asked', async () => {
  const host = new MemoryHost(grid());
  expect(await host.addSheets([layout('自评报告'), layout('附表')])).toEqual(['自评报告', '附表']);
  const v = host.getView();
  expect(v.active).toBe('自评报告');
  expect(v.grid.sheets.map((s) => s.name)).toEqual(['表1', '表2', '自评报告', '附表']);
  expect(v.layouts.get('自评报告')?.cells[0].bold).toBe(true);
  expect(await host.addSheets([layout('表1')])).toEqual(['表1 (2)']);
  expect(host.getView().grid.sheets).toHaveLength(5);
  expect(await host.addSheets([layout('自评报告')], { replace: true })).toEqual(['自评报告']);
  expect(host.getView().grid.sheets.map((s) => s.name)).toEqual(['表1', '表2', '附表', '表1 (2)', '自评报告']);
});

test('applyValue keeps the old value, type and format in the settings; undoValue puts them back; edits are events', async () => {
  const host = new MemoryHost({ sheets: [{ name: 'S', rows: [[{ value: 0.9, format: '0.00%' }, { value: '优秀' }]], merges: [] }] });
  const events: string[] = [];
  const stop = await host.watch((e) => events.push(`${e.kind} ${e.sheet}!${e.address}`));
  await expect(host.applyValue('S', 'A1', 0.5, 0.94)).rejects.toBeInstanceOf(HostError);
  const a = await host.applyValue('S', 'A1', 0.9, 0.9434);
  expect(a.old).toEqual({ value: 0.9, type: 'Double', format: '0.00%' });
  expect((await host.snapshot()).sheets[0].rows[0][0]).toEqual({ value: 0.9434, format: '0.00%' });
  expect(JSON.parse((await host.readSettings(['selfeval.applied']))['selfeval.applied'] as string)).toHaveLength(1);
  expect(await host.undoValue('S', 'A1')).toMatchObject({ cell: 'A1' });
  expect((await host.snapshot()).sheets[0].rows[0][0]).toEqual({ value: 0.9, format: '0.00%' });
  expect((await host.readSettings(['selfeval.applied']))['selfeval.applied']).toBeNull();
  expect(await host.undoValue('S', 'A1')).toBeNull();
  host.edit('S', 'B1', { value: '良' });
  host.userSelect('S', 'B1');
  await stop();
  host.edit('S', 'B1', { value: '优' });
  expect(events).toEqual(['changed S!A1', 'changed S!A1', 'changed S!B1', 'selected S!B1']);
});

test('layoutToSheet places values and merges', () => {
  const s = layoutToSheet(layout('R'));
  expect(s.rows[0][0]).toEqual({ value: '报告标题' });
  expect(s.rows[2][1]).toEqual({ value: 3.5, format: '0.00' });
  expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 2 }]);
});

test('selectCell switches the tab and records the cell; tabs switch on activate', async () => {
  const host = new MemoryHost(grid());
  const seen: number[] = [];
  const off = host.subscribe(() => seen.push(host.getView().version));
  await host.selectCell('表2', 'c7');
  expect(host.getView().active).toBe('表2');
  expect(host.getView().selected).toEqual({ sheet: '表2', cell: 'C7' });
  host.activate('表1');
  expect(host.getView().active).toBe('表1');
  host.activate('不存在');
  expect(host.getView().active).toBe('表1');
  off();
  await host.selectCell('表1', 'A1');
  expect(seen).toHaveLength(2);
  await expect(host.selectCell('不存在', 'A1')).rejects.toBeInstanceOf(HostError);
});

test('a read-only host rejects every write as a protected workbook, but still reads', async () => {
  const host = new MemoryHost(grid(), { readOnly: true });
  await expect(host.applyMarks([mark('表1', 'A1')])).rejects.toEqual(new HostError('protected', PROTECTED_MESSAGE));
  await expect(host.clearMarks()).rejects.toBeInstanceOf(HostError);
  await expect(host.addSheets([layout('R')])).rejects.toBeInstanceOf(HostError);
  expect((await host.snapshot()).sheets).toHaveLength(2);
});
