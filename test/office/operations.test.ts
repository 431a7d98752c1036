// The Office edge's newer operations over the fake that enforces load/sync: workbook settings
// (忽略), a suggested value written and undone (采用建议值 / 撤销), the workbook's events, and a
// report sheet replaced. Each counts its context.sync() calls, which stay the same whatever
// the size of the workbook.

import { createExcelHost } from '../../src/office/excelHost';
import type { WorkbookEvent } from '../../src/office/host';
import { HostError } from '../../src/office/host';
import { APPLIED_KEY } from '../../src/office/markRecord';
import { IGNORE_KEY } from '../../src/core/ignore';
import { FakeExcel } from './fakeExcel';

function hostOf(fake: FakeExcel) {
  return createExcelHost(fake.run as unknown as typeof Excel.run, fake.isSetSupported);
}

/** A workbook with a table sheet, and `extra` more sheets of 200 rows each. */
function workbook(extra: number): FakeExcel {
  const fake = new FakeExcel();
  const s = fake.addSheet('项目1', [
    ['总分', 100, 99, '优'],
    ['执行率', 0.9],
    ['文本', '98'],
  ]);
  s.formats.set(1 * 16384 + 1, '0.00%');
  s.formats.set(2 * 16384 + 1, '@');
  s.set('B4', '=SUM(B1:B2)');
  s.cells.set(3 * 16384 + 1, { v: '=SUM(B1:B2)', t: 'String', formula: true });
  for (let i = 0; i < extra; i++) {
    const x = fake.addSheet(`项目${i + 2}`);
    for (let r = 0; r < 200; r++) x.setRC(r, 0, r);
  }
  return fake;
}

/** Syncs one call takes. */
async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ n: number; result: T }> {
  const before = fake.syncs;
  const result = await f();
  return { n: fake.syncs - before, result };
}

describe('settings (忽略)', () => {
  test('readSettings: 1 sync for any keys; writeSetting: 1 sync, removing: 2', async () => {
    for (const extra of [0, 300]) {
      const fake = workbook(extra);
      const host = hostOf(fake);
      expect((await syncsOf(fake, () => host.writeSetting(IGNORE_KEY, '[{"rule":"score.total"}]'))).n).toBe(1);
      const read = await syncsOf(fake, () => host.readSettings([IGNORE_KEY, APPLIED_KEY]));
      expect(read.n).toBe(1);
      expect(read.result).toEqual({ [IGNORE_KEY]: '[{"rule":"score.total"}]', [APPLIED_KEY]: null });
      expect((await syncsOf(fake, () => host.writeSetting(IGNORE_KEY, null))).n).toBe(2);
      expect(fake.settings.has(IGNORE_KEY)).toBe(false);
      // Removing what is not there: a look, no failing delete.
      expect((await syncsOf(fake, () => host.writeSetting(IGNORE_KEY, null))).n).toBe(1);
      expect(fake.valueWritesOnUserSheets()).toEqual([]);
    }
  });
});

describe('applyValue and undoValue (采用建议值 / 撤销)', () => {
  test('a number in a percentage cell: 2 syncs each, the old value, type and format recorded first, restored exactly', async () => {
    for (const extra of [0, 300]) {
      const fake = workbook(extra);
      const host = hostOf(fake);
      const s = fake.sheet('项目1');
      const apply = await syncsOf(fake, () => host.applyValue('项目1', 'B2', 0.9, 0.9434));
      expect(apply.n).toBe(2);
      expect(apply.result.old).toEqual({ value: 0.9, type: 'Double', format: '0.00%' });
      expect(s.get('B2')).toEqual({ v: 0.9434, t: 'Double' });
      expect(s.formatAt('B2')).toBe('0.00%');
      const record = JSON.parse(fake.settings.get(APPLIED_KEY) as string);
      expect(record).toEqual([{ sheet: '项目1', cell: 'B2', old: { value: 0.9, type: 'Double', format: '0.00%' }, value: 0.9434 }]);
      // Only the one cell's value was written on the user's sheet.
      expect(fake.valueWritesOnUserSheets()).toEqual([expect.objectContaining({ sheet: '项目1', address: "'项目1'!B2", prop: 'values' })]);
      const undo = await syncsOf(fake, () => host.undoValue('项目1', 'B2'));
      expect(undo.n).toBe(2);
      expect(s.get('B2')).toEqual({ v: 0.9, t: 'Double' });
      expect(s.formatAt('B2')).toBe('0.00%');
      expect(fake.settings.has(APPLIED_KEY)).toBe(false);
    }
  });

  test('text that reads as a number comes back as text, in its format', async () => {
    const fake = workbook(0);
    const host = hostOf(fake);
    const s = fake.sheet('项目1');
    s.formats.set(2 * 16384 + 1, 'General');
    s.cells.set(2 * 16384 + 1, { v: '98', t: 'String' });
    await host.applyValue('项目1', 'B3', '98', 97.43);
    expect(s.get('B3')).toEqual({ v: 97.43, t: 'Double' });
    await host.undoValue('项目1', 'B3');
    expect(s.get('B3')).toEqual({ v: '98', t: 'String' });
    expect(s.formatAt('B3')).toBe('General');
  });

  test('a cell changed since the check, a formula, a protected sheet: refused, nothing written', async () => {
    const fake = workbook(0);
    const host = hostOf(fake);
    await expect(host.applyValue('项目1', 'C1', 98, 97.43)).rejects.toMatchObject({ kind: 'switched' });
    await expect(host.applyValue('项目1', 'B4', '=SUM(B1:B2)', 1)).rejects.toBeInstanceOf(HostError);
    fake.sheet('项目1').isProtected = true;
    await expect(host.applyValue('项目1', 'C1', 99, 97.43)).rejects.toMatchObject({ kind: 'protected' });
    expect(fake.valueWritesOnUserSheets()).toEqual([]);
    expect(fake.settings.has(APPLIED_KEY)).toBe(false);
  });

  test('undo leaves a cell the user changed after the write, and says so', async () => {
    const fake = workbook(0);
    const host = hostOf(fake);
    await host.applyValue('项目1', 'C1', 99, 97.43);
    fake.sheet('项目1').set('C1', 96);
    await expect(host.undoValue('项目1', 'C1')).rejects.toMatchObject({ kind: 'switched' });
    expect(fake.sheet('项目1').get('C1')?.v).toBe(96);
    expect(await host.undoValue('项目1', 'D9')).toBeNull();
  });
});

describe('watch (ExcelApi 1.7 events)', () => {
  test('2 syncs to register on every sheet (the sheet list; the handlers); edits and selections come back by sheet name; 1 to remove', async () => {
    for (const extra of [0, 300]) {
      const fake = workbook(extra);
      const host = hostOf(fake);
      const seen: WorkbookEvent[] = [];
      const w = await syncsOf(fake, () => host.watch((e) => seen.push(e)));
      expect(w.n).toBe(2);
      expect(fake.handlers).toHaveLength(2 * (extra + 1));
      await fake.fire('changed', '项目1', '项目1!C1');
      await fake.fire('selected', '项目1', 'B2');
      expect(seen).toEqual([
        { kind: 'changed', sheet: '项目1', address: 'C1' },
        { kind: 'selected', sheet: '项目1', address: 'B2' },
      ]);
      expect((await syncsOf(fake, () => w.result())).n).toBe(1);
      expect(fake.handlers).toHaveLength(0);
    }
  });

  test('without ExcelApi 1.7 nothing is registered and nothing fails', async () => {
    const fake = new FakeExcel({ events: false });
    fake.addSheet('S');
    const stop = await createExcelHost(fake.run as unknown as typeof Excel.run, fake.isSetSupported).watch(() => undefined);
    expect(fake.syncs).toBe(0);
    await stop();
  });
});

describe('addSheets replacing a report sheet', () => {
  test('the old 自评报告 goes only when asked; 2 syncs; bordered cells get thin borders on four sides', async () => {
    const fake = workbook(0);
    fake.addSheet('自评报告', [['旧报告']]);
    const host = hostOf(fake);
    const layout = { name: '自评报告', columnWidths: [10], cells: [{ row: 0, col: 0, value: '新报告', border: true }], merges: [] };
    expect(await host.addSheets([layout])).toEqual(['自评报告 (2)']);
    expect(fake.sheet('自评报告').get('A1')?.v).toBe('旧报告');
    const r = await syncsOf(fake, () => host.addSheets([layout], { replace: true }));
    expect(r.n).toBe(2);
    expect(r.result).toEqual(['自评报告']);
    expect(fake.sheets.filter((s) => s.name.startsWith('自评报告')).map((s) => s.name)).toEqual(['自评报告 (2)', '自评报告']);
    const s = fake.sheet('自评报告');
    expect(s.get('A1')?.v).toBe('新报告');
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) {
      expect(s.styleAt('A1')[`border.${edge}.style`]).toBe('Continuous');
      expect(s.styleAt('A1')[`border.${edge}.weight`]).toBe('Thin');
    }
  });
});
