import { OfficeMockObject } from 'office-addin-mock';
import { createExcelHost, freeSheetName, charsToPoints, type ExcelHostOptions } from '../../src/office/excelHost';
import { HostError } from '../../src/office/host';
import { NOTE_PREFIX, SEVERITY_FILL } from '../../src/core/marks';
import { a1, cellAt } from '../../src/core/grid';
import type { Mark, SheetLayout } from '../../src/core/plan';
import { RECORD_KEY, parseRecord } from '../../src/office/markRecord';
import { FakeExcel, FakeOfficeError, type ApiSupport } from './fakeExcel';

function hostOf(fake: FakeExcel, opts?: ExcelHostOptions) {
  return createExcelHost(fake.run as unknown as typeof Excel.run, fake.isSetSupported, opts);
}

/** Counts the syncs one call makes. */
async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncs;
  const result = await f();
  return { result, syncs: fake.syncs - before };
}

function mark(sheet: string, cell: string, severity: 'error' | 'warning' | 'info' = 'error', text = '数值不一致'): Mark {
  return { sheet, cell, severity, fill: SEVERITY_FILL[severity], note: `${NOTE_PREFIX}\n错误：${text}（R1）` };
}

function smallSheet(fake: FakeExcel, name: string, rows = 30, cols = 8) {
  const data: (string | number)[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: (string | number)[] = [];
    for (let c = 0; c < cols; c++) row.push(c === 0 ? `项目${r}` : r * 100 + c);
    data.push(row);
  }
  return fake.addSheet(name, data);
}

function bigSheet(fake: FakeExcel, name: string, rows: number, cols: number) {
  const s = fake.addSheet(name);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) s.setRC(r, c, r * cols + c);
  return s;
}

function allApis(): Partial<ApiSupport> {
  return { api19: true, comments: true, merges: true, notes: true };
}

describe('capabilities', () => {
  it('asks the requirement sets: notes 1.18, comments 1.10, merges 1.13, events 1.7', async () => {
    const asked: string[] = [];
    const host = createExcelHost(
      (async () => undefined) as unknown as typeof Excel.run,
      (name, ver) => {
        asked.push(`${name} ${ver}`);
        return ver === '1.10' || ver === '1.13';
      },
    );
    expect(await host.capabilities()).toEqual({ notes: false, comments: true, merges: true, events: false });
    expect(asked).toEqual(expect.arrayContaining(['ExcelApi 1.18', 'ExcelApi 1.10', 'ExcelApi 1.13', 'ExcelApi 1.7']));
  });
});

describe('snapshot', () => {
  it('reads a 1-sheet and a 50-sheet workbook in the same number of syncs (2)', async () => {
    const one = new FakeExcel(allApis());
    smallSheet(one, '封面');
    const fifty = new FakeExcel(allApis());
    for (let i = 0; i < 50; i++) smallSheet(fifty, `表${i + 1}`);
    const a = await syncsOf(one, () => hostOf(one).snapshot());
    const b = await syncsOf(fifty, () => hostOf(fifty).snapshot());
    expect(a.syncs).toBe(2);
    expect(b.syncs).toBe(a.syncs);
    expect(b.result.sheets.map((s) => s.name)).toEqual(fifty.sheets.map((s) => s.name));
    expect(cellAt(b.result.sheets[49], 29, 7)).toEqual({ value: 2907, format: 'General' });
    expect(cellAt(b.result.sheets[0], 3, 0)).toEqual({ value: '项目3', format: 'General' });
  });

  it('converts errors, dates, text that looks like an error, merges and a used range starting at C5', async () => {
    const fake = new FakeExcel(allApis());
    const s = fake.addSheet('部门整体支出绩效自评表', [], { merges: ['C5:F5', 'C7:C9'] });
    s.set('C5', '部门整体支出绩效自评表');
    s.set('C6', '执行率');
    s.set('D6', { error: '#DIV/0!' });
    s.set('E6', '#N/A'); // typed as text by the user
    s.set('F6', 0.9512, '0.00%');
    s.set('C10', 45292, 'yyyy-mm-dd'); // 2024-01-01
    s.set('D10', true);
    s.set('E10', { error: '#N/A' });
    const grid = await hostOf(fake).snapshot();
    const sh = grid.sheets[0];
    expect(sh.rows.length).toBe(10);
    expect(sh.rows[0]).toEqual([]);
    expect(cellAt(sh, 4, 2)).toEqual({ value: '部门整体支出绩效自评表', format: 'General' });
    expect(cellAt(sh, 4, 3)).toBeUndefined(); // inside the merge, empty
    expect(cellAt(sh, 5, 3)).toEqual({ value: null, error: '#DIV/0!', format: 'General' });
    expect(cellAt(sh, 5, 4)).toEqual({ value: '#N/A', format: 'General' });
    expect(cellAt(sh, 5, 5)).toEqual({ value: 0.9512, format: '0.00%' });
    expect(cellAt(sh, 9, 2)).toEqual({ value: 45292, format: 'yyyy-mm-dd' });
    expect(cellAt(sh, 9, 3)).toEqual({ value: true, format: 'General' });
    expect(cellAt(sh, 9, 4)).toEqual({ value: null, error: '#N/A', format: 'General' });
    expect(sh.merges).toEqual([
      { r1: 4, c1: 2, r2: 4, c2: 5 },
      { r1: 6, c1: 2, r2: 8, c2: 2 },
    ]);
    expect(sh.unreadable).toBeUndefined();
  });

  it('reads an empty sheet as an empty sheet, and reads no merges where 1.13 is missing', async () => {
    const fake = new FakeExcel({ ...allApis(), merges: false });
    fake.addSheet('空表');
    fake.addSheet('表', [['a', 'b']], { merges: ['A1:B1'] });
    const grid = await hostOf(fake).snapshot();
    expect(grid.sheets[0]).toEqual({ name: '空表', rows: [], merges: [] });
    expect(grid.sheets[1].merges).toEqual([]);
  });

  it('reads a sheet over the response limit in row blocks: syncs depend on the cell count only', async () => {
    const opts = { chunkCells: 50_000, syncCells: 50_000 };
    // 20,000 rows x 10 columns = 200,000 cells; Excel (the fake) refuses more than 150,000 in one response.
    const one = new FakeExcel(allApis());
    one.responseCellLimit = 150_000;
    bigSheet(one, '明细', 20_000, 10);
    smallSheet(one, '封面', 5, 3);
    const r1 = await syncsOf(one, () => hostOf(one, opts).snapshot());
    // names, the refused whole read, used-range sizes, then ceil(200,015 / 50,000) = 5 batches of blocks.
    expect(r1.syncs).toBe(3 + 5);
    const sh = r1.result.sheets[0];
    expect(sh.rows.length).toBe(20_000);
    expect(cellAt(sh, 19_999, 9)).toEqual({ value: 199_999, format: 'General' });
    expect(cellAt(sh, 12_345, 6)).toEqual({ value: 123_456, format: 'General' });
    expect(cellAt(r1.result.sheets[1], 4, 2)).toEqual({ value: 402, format: 'General' });
    expect(one.loadedPerSync.slice(3).every((n) => n <= 50_000)).toBe(true);

    // The same cells spread over two sheets: the same number of syncs.
    const two = new FakeExcel(allApis());
    two.responseCellLimit = 150_000;
    bigSheet(two, '明细一', 10_000, 10);
    bigSheet(two, '明细二', 10_000, 10);
    smallSheet(two, '封面', 5, 3);
    const r2 = await syncsOf(two, () => hostOf(two, opts).snapshot());
    expect(r2.syncs).toBe(r1.syncs);

    // Twice the cells: twice the block syncs.
    const big = new FakeExcel(allApis());
    big.responseCellLimit = 150_000;
    bigSheet(big, '明细', 40_000, 10);
    const r3 = await syncsOf(big, () => hostOf(big, opts).snapshot());
    expect(r3.syncs).toBe(3 + 8);
  });

  it('halves the blocks when Excel still refuses their size', async () => {
    const fake = new FakeExcel(allApis());
    fake.responseCellLimit = 30_000;
    bigSheet(fake, '明细', 8_000, 10);
    const grid = await hostOf(fake, { chunkCells: 50_000, syncCells: 50_000 }).snapshot();
    expect(grid.sheets[0].rows.length).toBe(8_000);
    expect(cellAt(grid.sheets[0], 7_999, 9)).toEqual({ value: 79_999, format: 'General' });
  });

  it('marks a sheet Excel cannot read as unreadable and reads the others', async () => {
    const fake = new FakeExcel(allApis());
    smallSheet(fake, '封面', 3, 3);
    const bad = smallSheet(fake, '坏表', 3, 3);
    bad.readError = new FakeOfficeError('GeneralException', 'An internal error has occurred.');
    smallSheet(fake, '项目表', 3, 3);
    const grid = await hostOf(fake).snapshot();
    expect(grid.sheets.map((s) => s.name)).toEqual(['封面', '坏表', '项目表']);
    expect(grid.sheets[1].unreadable).toMatch(/^无法读取此工作表/);
    expect(grid.sheets[1].rows).toEqual([]);
    expect(grid.sheets[0].unreadable).toBeUndefined();
    expect(cellAt(grid.sheets[2], 2, 2)).toEqual({ value: 202, format: 'General' });
  });
});

describe('applyMarks and clearMarks', () => {
  function markedWorkbook(api: Partial<ApiSupport> = allApis()) {
    const fake = new FakeExcel(api);
    const s = smallSheet(fake, '自评表', 40, 8);
    s.setFill('B2', null); // no fill
    s.setFill('C3', '#00B050'); // green, the user's
    s.setFill('D4', '#FFFFFF', 0); // white, explicitly
    return { fake, s };
  }

  it('marks in 2 syncs (1 read, 1 write) whatever the number of marks, and writes no value', async () => {
    for (const n of [3, 300]) {
      const { fake } = markedWorkbook();
      const marks: Mark[] = [];
      for (let i = 0; i < n; i++) marks.push(mark("自评表", a1(Math.floor(i / 8), i % 8), i % 2 ? "warning" : "error"));
      const { syncs } = await syncsOf(fake, () => hostOf(fake).applyMarks(marks));
      expect(syncs).toBe(2);
      expect(fake.valueWritesOnUserSheets()).toEqual([]);
      const s = fake.sheet('自评表');
      expect(s.fillAt('A1')?.color).toBe('#FFC7CE');
      expect(s.fillAt('B1')?.color).toBe('#FFEB9C');
      expect(s.fillAt('H40')).toBeUndefined();
      expect(s.notes.get('A1')).toMatch(new RegExp('^' + NOTE_PREFIX));
      const rec = parseRecord(fake.settings.get(RECORD_KEY));
      expect(rec.length).toBe(n);
    }
  });

  it('records the original fills and restores them exactly, after marking twice', async () => {
    const { fake, s } = markedWorkbook();
    const host = hostOf(fake);
    const marks = [mark('自评表', 'B2'), mark('自评表', 'C3', 'warning'), mark('自评表', 'D4', 'info')];
    await host.applyMarks(marks);
    // Twice: the second run must not take our own fill for the original.
    const again = await syncsOf(fake, () => host.applyMarks(marks));
    expect(again.syncs).toBe(2);
    expect(s.fillAt('C3')?.color).toBe('#FFEB9C');
    const rec = parseRecord(fake.settings.get(RECORD_KEY));
    expect(rec).toEqual([
      { sheet: '自评表', sheetId: s.id, cell: 'B2', fill: null, note: true, mark: '#FFC7CE', via: 'note' },
      { sheet: '自评表', sheetId: s.id, cell: 'C3', fill: '#00B050', note: true, mark: '#FFEB9C', via: 'note' },
      { sheet: '自评表', sheetId: s.id, cell: 'D4', fill: '#FFFFFF', note: true, mark: '#DDEBF7', via: 'note' },
    ]);
    expect(s.notes.get('B2')?.split(NOTE_PREFIX).length).toBe(2); // one copy of our note, not two

    const cleared = await syncsOf(fake, () => host.clearMarks());
    expect(cleared.result).toBe(3);
    expect(cleared.syncs).toBeLessThanOrEqual(3);
    expect(s.fillAt('B2')).toBeUndefined(); // no fill again
    expect(s.fillAt('C3')).toEqual({ color: '#00B050', tint: 0 });
    expect(s.fillAt('D4')).toEqual({ color: '#FFFFFF', tint: 0 }); // white stays white, not "no fill"
    expect(s.notes.size).toBe(0);
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
    expect(fake.valueWritesOnUserSheets()).toEqual([]);
    // Nothing left to clear.
    expect(await host.clearMarks()).toBe(0);
  });

  it('leaves a fill the user changed by hand after marking', async () => {
    const { fake, s } = markedWorkbook();
    const host = hostOf(fake);
    await host.applyMarks([mark('自评表', 'B2'), mark('自评表', 'C3')]);
    s.setFill('B2', '#0070C0'); // the user recoloured it
    expect(await host.clearMarks()).toBe(1);
    expect(s.fillAt('B2')?.color).toBe('#0070C0');
    expect(s.fillAt('C3')?.color).toBe('#00B050');
  });

  it("keeps the user's own note and restores it on clearing", async () => {
    const { fake, s } = markedWorkbook();
    s.notes.set('E5', '请财务科核对');
    const host = hostOf(fake);
    await host.applyMarks([mark('自评表', 'E5', 'error', '合计不等于各项之和')]);
    expect(s.notes.get('E5')).toBe(`请财务科核对\n\n${NOTE_PREFIX}\n错误：合计不等于各项之和（R1）`);
    await host.clearMarks();
    expect(s.notes.get('E5')).toBe('请财务科核对');
  });

  it('restores the cells a previous check marked and this one does not', async () => {
    const { fake, s } = markedWorkbook();
    const host = hostOf(fake);
    await host.applyMarks([mark('自评表', 'B2'), mark('自评表', 'C3')]);
    const second = await syncsOf(fake, () => host.applyMarks([mark('自评表', 'C3', 'warning')]));
    expect(second.syncs).toBe(3); // one more read for the stale cell
    expect(s.fillAt('B2')).toBeUndefined();
    expect(s.notes.has('B2')).toBe(false);
    expect(s.fillAt('C3')?.color).toBe('#FFEB9C');
    expect(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => [e.cell, e.fill])).toEqual([['C3', '#00B050']]);
    await host.clearMarks();
    expect(s.fillAt('C3')?.color).toBe('#00B050');
  });

  it('falls back to comments without notes (1.10, no 1.18) and removes only its own', async () => {
    const { fake, s } = markedWorkbook({ api19: true, comments: true, merges: true, notes: false });
    fake.addComment('自评表', 'H8', '用户的批注');
    const host = hostOf(fake);
    const { syncs } = await syncsOf(fake, () => host.applyMarks([mark('自评表', 'B2'), mark('自评表', 'C3')]));
    expect(syncs).toBe(2);
    expect(s.notes.size).toBe(0);
    expect(fake.commentAt('自评表', 'B2')?.content).toMatch(new RegExp('^' + NOTE_PREFIX));
    // Marking again replaces our comments instead of piling them up.
    await host.applyMarks([mark('自评表', 'B2'), mark('自评表', 'C3')]);
    expect(fake.comments.length).toBe(3);
    expect(parseRecord(fake.settings.get(RECORD_KEY))[0].via).toBe('comment');
    expect(await host.clearMarks()).toBe(2);
    expect(fake.comments.map((c) => c.content)).toEqual(['用户的批注']);
    expect(s.fillAt('C3')?.color).toBe('#00B050');
  });

  it("keeps the fills when a cell already holds the user's comment thread", async () => {
    const { fake, s } = markedWorkbook({ api19: true, comments: true, merges: true, notes: false });
    fake.addComment('自评表', 'C3', '用户的批注');
    await hostOf(fake).applyMarks([mark('自评表', 'B2'), mark('自评表', 'C3')]);
    expect(s.fillAt('B2')?.color).toBe('#FFC7CE');
    expect(s.fillAt('C3')?.color).toBe('#FFC7CE');
    expect(fake.commentAt('自评表', 'C3')?.content).toBe('用户的批注');
    expect(parseRecord(fake.settings.get(RECORD_KEY)).every((e) => e.note === false && e.fill !== undefined)).toBe(true);
    await hostOf(fake).clearMarks();
    expect(s.fillAt('C3')?.color).toBe('#00B050');
    expect(fake.comments.map((c) => c.content)).toEqual(['用户的批注']);
  });

  it('marks with fills only where neither notes nor comments exist, and without 1.9 (no getRanges)', async () => {
    const { fake, s } = markedWorkbook({ api19: false, comments: false, merges: false, notes: false });
    const host = hostOf(fake);
    const { syncs } = await syncsOf(fake, () => host.applyMarks([mark('自评表', 'B2'), mark('自评表', 'D4'), mark('自评表', 'C3')]));
    expect(syncs).toBe(2);
    expect(s.fillAt('B2')?.color).toBe('#FFC7CE');
    expect(s.notes.size).toBe(0);
    expect(fake.comments.length).toBe(0);
    expect(fake.maxAddressLength).toBe(0); // getRanges never called
    expect(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => [e.cell, e.fill, e.note])).toEqual([
      ['B2', null, false],
      ['D4', null, false], // without 1.9 a white fill cannot be told from no fill
      ['C3', '#00B050', false],
    ]);
    expect(await host.clearMarks()).toBe(3);
    expect(s.fillAt('C3')?.color).toBe('#00B050');
  });

  it('marks 5,000 cells of a 20,000-row sheet in 2 syncs, with no address over 8,192 characters', async () => {
    const fake = new FakeExcel(allApis());
    bigSheet(fake, '明细', 20_000, 6);
    const marks: Mark[] = [];
    for (let i = 0; i < 5_000; i++) marks.push(mark('明细', a1(i * 4, i % 6), i % 3 ? 'warning' : 'error'));
    const host = hostOf(fake);
    const { syncs } = await syncsOf(fake, () => host.applyMarks(marks));
    expect(syncs).toBe(2);
    expect(fake.maxAddressLength).toBeGreaterThan(1000);
    expect(fake.maxAddressLength).toBeLessThanOrEqual(8192);
    const s = fake.sheet('明细');
    expect(s.fillAt('A1')?.color).toBe('#FFC7CE');
    expect(s.fillAt(a1(4 * 4999, 4999 % 6))?.color).toBe('#FFEB9C');
    expect(s.notes.size).toBe(5_000);
    const fillWrites = fake.writes.filter((w) => w.prop === 'fill.color');
    expect(fillWrites.length).toBeLessThan(20); // a few multi-area ranges, not 5,000 writes
    expect(fake.valueWritesOnUserSheets()).toEqual([]);
    const cleared = await syncsOf(fake, () => host.clearMarks());
    expect(cleared.result).toBe(5_000);
    expect(cleared.syncs).toBe(3);
    expect(s.fills.size).toBe(0);
    expect(fake.maxAddressLength).toBeLessThanOrEqual(8192);
  });

  it('splits a mark set beyond the budgets into more syncs, each slice a constant', async () => {
    const build = () => {
      const fake = new FakeExcel(allApis());
      bigSheet(fake, '明细', 3_000, 4);
      const marks: Mark[] = [];
      for (let i = 0; i < 3_000; i++) marks.push(mark('明细', a1(i, i % 4)));
      return { fake, marks };
    };
    const plain = build();
    expect((await syncsOf(plain.fake, () => hostOf(plain.fake).applyMarks(plain.marks))).syncs).toBe(2);
    // Reads of 1,000 cells per sync: 3 reads, then the write.
    const reads = build();
    expect((await syncsOf(reads.fake, () => hostOf(reads.fake, { probeCells: 1_000 }).applyMarks(reads.marks))).syncs).toBe(4);
    // Writes of at most ~100 kB per sync: more syncs, the same result.
    const writes = build();
    const host = hostOf(writes.fake, { writeBytes: 100_000 });
    const n = (await syncsOf(writes.fake, () => host.applyMarks(writes.marks))).syncs;
    expect(n).toBeGreaterThan(3);
    const s = writes.fake.sheet('明细');
    expect(s.notes.size).toBe(3_000);
    expect(s.fillAt('D3000')?.color).toBe('#FFC7CE');
    expect(parseRecord(writes.fake.settings.get(RECORD_KEY)).length).toBe(3_000);
    expect(await host.clearMarks()).toBe(3_000);
    expect(s.notes.size).toBe(0);
    expect(s.fills.size).toBe(0);
  });

  it('refuses a protected sheet with HostError protected, writing nothing', async () => {
    const { fake, s } = markedWorkbook();
    s.isProtected = true;
    const err = await hostOf(fake)
      .applyMarks([mark('自评表', 'B2')])
      .catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.kind).toBe('protected');
    expect(err.message).toContain('撤销工作表保护');
    expect(s.fillAt('B2')).toBeUndefined();
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
  });

  it('maps an AccessDenied failure of Excel (a protected sheet) to HostError protected', async () => {
    const { fake } = markedWorkbook();
    fake.failSync = { at: 2, error: new FakeOfficeError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.') };
    await expect(hostOf(fake).applyMarks([mark('自评表', 'B2')])).rejects.toMatchObject({ kind: 'protected' });
  });

  it('reports a sheet that disappeared since the check as a switched workbook', async () => {
    const { fake } = markedWorkbook();
    await expect(hostOf(fake).applyMarks([mark('已删除的表', 'B2')])).rejects.toMatchObject({
      kind: 'switched',
      message: '工作簿已更改或切换，请重新检查。',
    });
  });

  it('reports cell edit mode as busy', async () => {
    const { fake } = markedWorkbook();
    fake.failSync = { at: 1, error: new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.') };
    await expect(hostOf(fake).snapshot()).rejects.toMatchObject({ kind: 'busy', message: 'Excel 正忙（可能正在编辑单元格），请按 Enter 结束编辑后重试。' });
  });
});

describe('addSheets', () => {
  const layout = (name: string): SheetLayout => ({
    name,
    columnWidths: [90, 12],
    merges: ['A1:B1'],
    orientation: 'portrait',
    printArea: 'A1:A7',
    rowHeights: { 3: 45 },
    cells: [
      { row: 0, col: 0, value: '某部门2024年度整体支出绩效自评报告', bold: true, align: 'center', fontSize: 16 },
      { row: 2, col: 0, value: '一、部门基本情况', bold: true },
      { row: 3, col: 0, value: '=1+1', wrap: true },
      { row: 4, col: 0, value: '-5% 的偏差', wrap: true },
      { row: 5, col: 1, value: 0.9512, format: '0.00%' },
      { row: 6, col: 1, value: 1234.5, format: '#,##0.00' },
    ],
  });

  it('writes each sheet in at most 2 syncs, text as text, numbers with their format', async () => {
    const fake = new FakeExcel(allApis());
    smallSheet(fake, '自评表', 5, 3);
    smallSheet(fake, '自评报告', 2, 2); // taken: the layout name gets ' (2)'
    const host = hostOf(fake);
    const { result, syncs } = await syncsOf(fake, () => host.addSheets([layout('自评报告'), layout('附表')]));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(result).toEqual(['自评报告 (2)', '附表']);
    const s = fake.sheet('自评报告 (2)');
    expect(s.get('A4')).toEqual({ v: '=1+1', t: 'String' }); // not a formula
    expect(s.formatAt('A4')).toBe('@');
    expect(s.get('A5')).toEqual({ v: '-5% 的偏差', t: 'String' });
    expect(s.get('B6')).toEqual({ v: 0.9512, t: 'Double' });
    expect(s.formatAt('B6')).toBe('0.00%');
    expect(s.formatAt('B7')).toBe('#,##0.00');
    expect(s.styleAt('A1')).toMatchObject({ 'font.bold': true, horizontalAlignment: 'Center', 'font.size': 16 });
    expect(s.styleAt('A4')).toMatchObject({ wrapText: true });
    expect(s.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 1 }]);
    expect(s.columnWidths.get(0)).toBe(charsToPoints(90));
    expect(s.pageLayout).toEqual({ orientation: 'Portrait', paperSize: 'A4', printArea: 'A1:A7' });
    expect(s.rowHeights.get(3)).toBe(45);
    expect(fake.active).toBe('自评报告 (2)');
    // The user's sheets are untouched.
    expect(fake.writes.filter((w) => !w.newSheet)).toEqual([]);
    // One block write of values per sheet, formats set before the values.
    const vw = fake.writes.filter((w) => w.sheet === '附表' && (w.prop === 'values' || w.prop === 'numberFormat'));
    expect(vw.map((w) => w.prop)).toEqual(['numberFormat', 'values']);
  });

  it('writes the same without 1.9 (one range per styled cell, no page layout)', async () => {
    const fake = new FakeExcel({ api19: false, comments: false, merges: false, notes: false });
    const { result, syncs } = await syncsOf(fake, () => hostOf(fake).addSheets([layout('自评报告')]));
    expect(syncs).toBeLessThanOrEqual(2);
    const s = fake.sheet(result[0]);
    expect(s.get('A4')).toEqual({ v: '=1+1', t: 'String' });
    expect(s.styleAt('A3')).toMatchObject({ 'font.bold': true });
    expect(s.pageLayout).toEqual({});
  });

  it('chooses free sheet names', () => {
    const taken = new Set(['自评报告', '自评报告 (2)', 'sheet1']);
    expect(freeSheetName('自评报告', taken)).toBe('自评报告 (3)');
    expect(freeSheetName('Sheet1', taken)).toBe('Sheet1 (2)');
    expect(freeSheetName('a/b:c', new Set())).toBe('a_b_c');
    const long = 'x'.repeat(40);
    expect(freeSheetName(long, new Set([long.slice(0, 31)]))).toBe('x'.repeat(27) + ' (2)');
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const fake = new FakeExcel(allApis());
    smallSheet(fake, '封面', 3, 3);
    smallSheet(fake, '自评表', 3, 3);
    const { syncs } = await syncsOf(fake, () => hostOf(fake).selectCell('自评表', 'c3'));
    expect(syncs).toBe(1);
    expect(fake.active).toBe('自评表');
    expect(fake.selected).toEqual({ sheet: '自评表', address: 'C3' });
  });

  it('works on the office-addin-mock object model too', async () => {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem(name: string) {
              calls.push(`getItem ${name}`);
              return {
                activate: () => calls.push('activate'),
                getRange: (addr: string) => ({ select: () => calls.push(`select ${addr}`) }),
              };
            },
          },
        },
      },
      run: async function (cb: (ctx: unknown) => Promise<unknown>) {
        return cb((this as unknown as { context: unknown }).context);
      },
    });
    const m = mock as unknown as { run: typeof Excel.run };
    await createExcelHost(m.run.bind(mock), () => true).selectCell('自评表', 'B7');
    expect(calls).toEqual(['getItem 自评表', 'activate', 'select B7']);
  });

  it('reports a missing sheet as a switched workbook', async () => {
    const fake = new FakeExcel(allApis());
    await expect(hostOf(fake).selectCell('没有的表', 'A1')).rejects.toMatchObject({ kind: 'switched' });
  });
});

describe('a check: snapshot, then applyMarks from what the snapshot saw', () => {
  /** One check as the pane runs it, with the syncs of each call counted apart. */
  async function check(fake: FakeExcel, host: ReturnType<typeof hostOf>, marks: Mark[]) {
    const read = await syncsOf(fake, () => host.snapshot());
    const wrote = await syncsOf(fake, () => host.applyMarks(marks));
    return { read: read.syncs, mark: wrote.syncs, grid: read.result };
  }

  it('a check (snapshot + applyMarks) of a 1-sheet and of a 50-sheet workbook makes the same number of syncs: 2 to read and 1 to mark', async () => {
    const one = new FakeExcel(allApis());
    smallSheet(one, '封面');
    const fifty = new FakeExcel(allApis());
    for (let i = 0; i < 50; i++) smallSheet(fifty, `表${i + 1}`);
    fifty.sheet('表7').setFill('C3', '#00B050');
    fifty.sheet('表7').notes.set('C3', '用户的备注');
    const marksOne = [mark('封面', 'B2'), mark('封面', 'H30', 'warning')];
    const marksFifty: Mark[] = [];
    for (let i = 0; i < 50; i++) marksFifty.push(mark(`表${i + 1}`, a1(i % 30, i % 8), i % 2 ? 'warning' : 'error'));
    marksFifty.push(mark('表7', 'C3', 'info'));

    const a = await check(one, hostOf(one), marksOne);
    const b = await check(fifty, hostOf(fifty), marksFifty);
    expect(a).toMatchObject({ read: 2, mark: 1 });
    expect(b).toMatchObject({ read: 2, mark: 1 });
    // The fills read stay within the budget (default 25,000 cells), 50 sheets or 1.
    expect(fifty.cellPropertiesLoaded).toBeLessThanOrEqual(25_000);

    // The one-sync marks are the marks the two-sync path writes.
    const s = fifty.sheet('表7');
    expect(s.fillAt('C3')?.color).toBe(SEVERITY_FILL.info);
    expect(s.notes.get('C3')).toBe(`用户的备注\n\n${NOTE_PREFIX}\n错误：数值不一致（R1）`);
    expect(fifty.sheet('表50').fillAt(a1(49 % 30, 49 % 8))?.color).toBe(SEVERITY_FILL.warning);
    const rec = parseRecord(fifty.settings.get(RECORD_KEY));
    expect(rec).toHaveLength(51);
    expect(rec.find((e) => e.sheet === '表7' && e.cell === 'C3')).toEqual({ sheet: '表7', sheetId: fifty.sheet('表7').id, cell: 'C3', fill: '#00B050', note: true, mark: SEVERITY_FILL.info, via: 'note' });
    expect(fifty.valueWritesOnUserSheets()).toEqual([]);
    expect(one.sheet('封面').notes.get('H30')).toMatch(new RegExp('^' + NOTE_PREFIX));

    const two = new FakeExcel(allApis());
    for (let i = 0; i < 50; i++) smallSheet(two, `表${i + 1}`);
    two.sheet('表7').setFill('C3', '#00B050');
    two.sheet('表7').notes.set('C3', '用户的备注');
    await hostOf(two).applyMarks(marksFifty);
    expect([...two.settings.entries()]).toEqual([...fifty.settings.entries()]);
    expect(two.sheets.map((x) => [...x.fills.entries(), ...x.notes.entries()])).toEqual(fifty.sheets.map((x) => [...x.fills.entries(), ...x.notes.entries()]));
  });

  it('falls back to reading before writing (2 syncs) when the snapshot did not see what marking needs', async () => {
    const build = (api: Partial<ApiSupport> = allApis()) => {
      const fake = new FakeExcel(api);
      smallSheet(fake, '自评表', 40, 8);
      fake.sheet('自评表').setFill('C3', '#00B050');
      return fake;
    };
    const marks = [mark('自评表', 'B2'), mark('自评表', 'C3', 'warning')];

    // No 1.9 (no getCellProperties): the snapshot reads no fills.
    const no19 = build({ api19: false, comments: true, merges: true, notes: true });
    expect(await check(no19, hostOf(no19), marks)).toMatchObject({ read: 2, mark: 2 });
    expect(no19.cellPropertiesLoaded).toBe(0);
    expect(no19.sheet('自评表').fillAt('C3')?.color).toBe('#FFEB9C');

    // Over the fill budget: 100 cells read (16 columns x 6 rows from A1), a mark on row 30 is outside them.
    const over = build();
    const host = hostOf(over, { fillCells: 100 });
    expect(await check(over, host, [...marks, mark('自评表', 'A30')])).toMatchObject({ read: 2, mark: 2 });
    expect(over.cellPropertiesLoaded).toBeLessThanOrEqual(100);
    // The next check must restore A30, which the snapshot did not read either: read, write, and the stale read.
    expect(await check(over, host, marks)).toMatchObject({ read: 2, mark: 3 });
    // ...while marks (and earlier marks) inside them need no read.
    expect(await check(over, host, marks)).toMatchObject({ read: 2, mark: 1 });
    expect(parseRecord(over.settings.get(RECORD_KEY)).map((e) => [e.cell, e.fill])).toEqual([
      ['B2', null],
      ['C3', '#00B050'],
    ]);
    expect(over.sheet('自评表').fillAt('A30')).toBeUndefined(); // restored in the same sync

    // No snapshot before, or a second applyMarks after one snapshot: the cache is gone.
    const again = build();
    const h = hostOf(again);
    expect((await syncsOf(again, () => h.applyMarks(marks))).syncs).toBe(2);
    expect(await check(again, h, marks)).toMatchObject({ read: 2, mark: 1 });
    expect((await syncsOf(again, () => h.applyMarks(marks))).syncs).toBe(2);
    // clearMarks between them drops it too.
    await h.snapshot();
    await h.clearMarks();
    expect((await syncsOf(again, () => h.applyMarks(marks))).syncs).toBe(2);

    // A mark on a sheet the snapshot did not see.
    const other = build();
    const oh = hostOf(other);
    await oh.snapshot();
    other.addSheet('新表', [['x']]);
    expect((await syncsOf(other, () => oh.applyMarks([...marks, mark('新表', 'A1')]))).syncs).toBe(2);

    // A sheet read in row blocks (over the response limit): no fills cached for any sheet.
    const big = build();
    big.responseCellLimit = 150_000;
    bigSheet(big, '明细', 20_000, 10);
    const bh = hostOf(big, { chunkCells: 50_000, syncCells: 50_000 });
    const r = await check(big, bh, marks);
    expect(r.read).toBeGreaterThan(2);
    expect(r.mark).toBe(2);
  });

  it('the one-sync marks restore exactly on clearMarks: no fill, white, colours, the user note; a refill wins', async () => {
    const fake = new FakeExcel(allApis());
    const s = smallSheet(fake, '自评表', 40, 8);
    s.setFill('C3', '#00B050'); // the user's green
    s.setFill('D4', '#FFFFFF', 0); // white, explicitly (not "no fill")
    s.setFill('F6', '#FFFF00');
    s.notes.set('E5', '请财务科核对');
    s.notes.set('G7', '无关的备注');
    const before = {
      fills: [...s.fills.entries()].sort((x, y) => x[0] - y[0]),
      notes: [...s.notes.entries()].sort(),
    };
    const host = hostOf(fake);
    const marks = [mark('自评表', 'B2'), mark('自评表', 'C3', 'warning'), mark('自评表', 'D4', 'info'), mark('自评表', 'E5', 'error', '合计不等于各项之和'), mark('自评表', 'F6')];
    expect(await check(fake, host, marks)).toMatchObject({ read: 2, mark: 1 });
    expect(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => [e.cell, e.fill])).toEqual([
      ['B2', null],
      ['C3', '#00B050'],
      ['D4', '#FFFFFF'],
      ['E5', null],
      ['F6', '#FFFF00'],
    ]);
    expect(s.notes.get('E5')).toBe(`请财务科核对\n\n${NOTE_PREFIX}\n错误：合计不等于各项之和（R1）`);

    // Checked again: the original fills are kept, not our own; the user refilled F6 meanwhile; B2 is no longer marked.
    s.setFill('F6', '#7030A0');
    const second = [mark('自评表', 'C3', 'warning'), mark('自评表', 'D4', 'info'), mark('自评表', 'E5', 'error', '合计不等于各项之和'), mark('自评表', 'F6')];
    expect(await check(fake, host, second)).toMatchObject({ read: 2, mark: 1 });
    expect(s.fillAt('B2')).toBeUndefined(); // back to no fill in the same sync
    expect(s.notes.has('B2')).toBe(false);
    expect(s.notes.get('E5')?.split(NOTE_PREFIX)).toHaveLength(2); // one copy of our note
    expect(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => [e.cell, e.fill])).toEqual([
      ['C3', '#00B050'],
      ['D4', '#FFFFFF'],
      ['E5', null],
      ['F6', '#7030A0'],
    ]);

    expect(await host.clearMarks()).toBe(4);
    expect(s.fillAt('F6')).toEqual({ color: '#7030A0', tint: 0 }); // the refill is what comes back
    // Every fill as before the first check, but F6: the user's refill wins over the original yellow.
    s.setFill('F6', '#FFFF00');
    expect([...s.fills.entries()].sort((x, y) => x[0] - y[0])).toEqual(before.fills);
    expect(s.fillAt('D4')).toEqual({ color: '#FFFFFF', tint: 0 }); // white stays white
    expect(s.fillAt('B2')).toBeUndefined();
    expect([...s.notes.entries()].sort()).toEqual(before.notes);
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
    expect(fake.valueWritesOnUserSheets()).toEqual([]);
  });

  it('comments (1.10 without 1.18): one sync, our earlier comments replaced, a user thread on a marked cell kept', async () => {
    const fake = new FakeExcel({ api19: true, comments: true, merges: true, notes: false });
    smallSheet(fake, '自评表', 40, 8);
    fake.addComment('自评表', 'H8', '用户的批注');
    const host = hostOf(fake);
    const marks = [mark('自评表', 'B2'), mark('自评表', 'C3')];
    expect(await check(fake, host, marks)).toMatchObject({ read: 2, mark: 1 });
    expect(await check(fake, host, marks)).toMatchObject({ read: 2, mark: 1 });
    expect(fake.comments.map((c) => [c.cell, c.content.startsWith(NOTE_PREFIX)])).toEqual([
      ['H8', false],
      ['B2', true],
      ['C3', true],
    ]);
    expect(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => e.via)).toEqual(['comment', 'comment']);
    // The user starts a thread on a marked cell: the next check marks it by fill only, as the two-sync path does.
    fake.addComment('自评表', 'C3', '请核实');
    expect((await check(fake, host, marks)).mark).toBe(1);
    expect(fake.comments.map((c) => c.content)).toEqual(['用户的批注', '请核实']);
    expect(parseRecord(fake.settings.get(RECORD_KEY)).every((e) => e.note === false)).toBe(true);
    expect(await host.clearMarks()).toBe(2);
    expect(fake.comments.map((c) => c.content)).toEqual(['用户的批注', '请核实']);
  });

  it('refuses a sheet protected at the snapshot before writing, and a sheet gone since the snapshot as switched', async () => {
    const fake = new FakeExcel(allApis());
    smallSheet(fake, '封面', 5, 3);
    const s = smallSheet(fake, '自评表', 40, 8);
    s.isProtected = true;
    const host = hostOf(fake);
    await host.snapshot();
    const err = await syncsOf(fake, () => host.applyMarks([mark('封面', 'A1'), mark('自评表', 'B2')]).catch((e) => e));
    expect(err.syncs).toBe(0);
    expect(err.result).toBeInstanceOf(HostError);
    expect(err.result).toMatchObject({ kind: 'protected' });
    expect(err.result.message).toContain('自评表');
    expect(fake.writes).toEqual([]);
    expect(fake.settings.has(RECORD_KEY)).toBe(false);

    s.isProtected = false;
    await host.snapshot();
    s.name = '自评表（改）';
    await expect(host.applyMarks([mark('封面', 'A1'), mark('自评表', 'B2')])).rejects.toMatchObject({ kind: 'switched' });
    expect(fake.writes).toEqual([]);
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
  });

  it('models Office: cell properties are readable only after the sync, and only with 1.9', async () => {
    const fake = new FakeExcel(allApis());
    const s = smallSheet(fake, '表', 3, 3);
    s.setFill('B2', '#00B050');
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('表').getRange('A1:B2');
      const props = r.getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
      expect(() => props.value).toThrow(/not available/);
      await ctx.sync();
      expect(props.value).toEqual([
        [{ format: { fill: { color: '#FFFFFF', tintAndShade: null } } }, { format: { fill: { color: '#FFFFFF', tintAndShade: null } } }],
        [{ format: { fill: { color: '#FFFFFF', tintAndShade: null } } }, { format: { fill: { color: '#00B050', tintAndShade: 0 } } }],
      ]);
    });
    const old = new FakeExcel({ ...allApis(), api19: false });
    smallSheet(old, '表', 3, 3);
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('表').getRange('A1').getCellProperties({ format: { fill: { color: true } } });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('snapshot when the extra reads are refused', () => {
  it('reads once more without them (3 syncs) and marks with a read first', async () => {
    const fake = new FakeExcel(allApis());
    const s = smallSheet(fake, '自评表', 5, 3);
    // A value in the sheet's last cell: the fill block from there would run off the sheet.
    const edge = fake.addSheet('边角');
    edge.setRC(1_048_575, 16_383, 1);
    const host = hostOf(fake);
    const read = await syncsOf(fake, () => host.snapshot());
    expect(read.syncs).toBe(3);
    expect(read.result.sheets.map((x) => x.name)).toEqual(['自评表', '边角']);
    expect(read.result.sheets[1].unreadable).toBeUndefined();
    expect((await syncsOf(fake, () => host.applyMarks([mark('自评表', 'B2')]))).syncs).toBe(2);
    expect(s.fillAt('B2')?.color).toBe(SEVERITY_FILL.error);
  });
});

describe('a sheet renamed or deleted after the check: the record finds sheets by id', () => {
  /** One check as the pane runs it, with the syncs of each call counted apart. */
  async function check(fake: FakeExcel, host: ReturnType<typeof hostOf>, marks: Mark[]) {
    const read = await syncsOf(fake, () => host.snapshot());
    const wrote = await syncsOf(fake, () => host.applyMarks(marks));
    return { read: read.syncs, mark: wrote.syncs };
  }

  function workbook(api: Partial<ApiSupport> = allApis()) {
    const fake = new FakeExcel(api);
    const cover = smallSheet(fake, '封面', 5, 3);
    const s = smallSheet(fake, '自评表', 40, 8);
    s.setFill('C3', '#00B050'); // the user's green
    // White, explicitly (without 1.9 white cannot be told from no fill, so it is left out).
    if (api.api19) s.setFill('D4', '#FFFFFF', 0);
    if (api.notes) s.notes.set('E5', '请财务科核对');
    if (api.comments && !api.notes) fake.addComment('自评表', 'H8', '用户的批注');
    const marks = [mark('自评表', 'B2'), mark('自评表', 'C3', 'warning'), mark('自评表', 'D4', 'info'), mark('自评表', 'E5'), mark('封面', 'A1')];
    const picture = () => ({
      fills: fake.sheets.map((x) => [x.id, [...x.fills.entries()].sort((p, q) => p[0] - q[0])]),
      notes: fake.sheets.map((x) => [x.id, [...x.notes.entries()].sort()]),
      comments: fake.comments.map((c) => [fake.sheet(c.sheet).id, c.cell, c.content]),
    });
    return { fake, s, cover, marks, picture };
  }

  it('the fake models Worksheet.id: unique, fixed through a rename, loaded with the list, and a key for getItem / getItemOrNullObject', async () => {
    const { fake, s, cover } = workbook();
    expect(s.id).toMatch(/^\{[0-9A-F-]+\}$/);
    expect(s.id).not.toBe(cover.id);
    const id = s.id;
    fake.renameSheet('自评表', '自评表（改）');
    expect(fake.sheet('自评表（改）').id).toBe(id);
    await fake.run(async (ctx) => {
      const wss = ctx.workbook.worksheets;
      wss.load('items/name,items/id');
      const byId = wss.getItem(id).load('name');
      const byName = wss.getItem('自评表（改）').load('id');
      const gone = wss.getItemOrNullObject('自评表').load('name');
      const there = wss.getItemOrNullObject(id).load('name,id');
      await ctx.sync();
      expect(wss.items.map((w) => [w.name, w.id])).toEqual([
        ['封面', cover.id],
        ['自评表（改）', id],
      ]);
      expect(byId.name).toBe('自评表（改）');
      expect(byName.id).toBe(id);
      expect(gone.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      expect([there.name, there.id]).toEqual(['自评表（改）', id]);
      const added = wss.add('新表').load('id');
      await ctx.sync();
      expect([cover.id, id]).not.toContain(added.id);
    });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('{00000000-0001-0000-FFFF-000000000000}').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it.each([
    ['notes (1.18)', allApis()],
    ['comments (1.10)', { api19: true, comments: true, merges: true, notes: false }],
    ['fills only, no 1.9', { api19: false, comments: false, merges: false, notes: false }],
  ] as [string, Partial<ApiSupport>][])('%s: renamed after the check, 清除标记 restores every fill and removes our notes or comments, in 3 syncs', async (_n, api) => {
    const { fake, s, marks, picture } = workbook(api);
    const before = picture();
    const host = hostOf(fake);
    expect(await check(fake, host, marks)).toMatchObject({ read: 2, mark: api.api19 ? 1 : 2 });
    const rec = parseRecord(fake.settings.get(RECORD_KEY));
    expect(rec.map((e) => [e.sheet, e.sheetId])).toEqual([...Array(4).fill(['自评表', s.id]), ['封面', fake.sheet('封面').id]]);

    fake.renameSheet('自评表', '自评表（改）');
    // Another sheet takes the old name: it is not the marked one, and nothing on it is touched.
    const other = smallSheet(fake, '自评表', 5, 3);
    other.setFill('B2', SEVERITY_FILL.error);
    const writes0 = fake.writes.length;
    const cleared = await syncsOf(fake, () => host.clearMarks());
    expect(cleared.result).toBe(5);
    expect(cleared.syncs).toBe(3);
    expect(other.fillAt('B2')?.color).toBe(SEVERITY_FILL.error);
    expect(new Set(fake.writes.slice(writes0).map((w) => w.sheet))).toEqual(new Set(['自评表（改）', '封面']));
    expect(s.fillAt('B2')).toBeUndefined();
    expect(s.fillAt('C3')).toEqual({ color: '#00B050', tint: 0 });
    expect(s.fillAt('D4')).toEqual(api.api19 ? { color: '#FFFFFF', tint: 0 } : undefined);
    expect(fake.comments.filter((c) => c.content.startsWith(NOTE_PREFIX))).toEqual([]);
    expect([...s.notes.values()].filter((t) => t.includes(NOTE_PREFIX))).toEqual([]);
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
    fake.deleteSheet('自评表');
    expect(picture()).toEqual(before);
  });

  it('a check, a rename, a second check: the first originals are kept (one sync from the snapshot, or 2 and 3 without it)', async () => {
    for (const fast of [true, false]) {
      const { fake, s, marks, picture } = workbook();
      const before = picture();
      const host = hostOf(fake);
      await check(fake, host, marks);
      fake.renameSheet('自评表', '自评表 新');
      const renamed = marks.map((m) => (m.sheet === '自评表' ? { ...m, sheet: '自评表 新' } : m));
      // B2 is no longer marked: the second check restores it on the renamed sheet.
      const second = renamed.filter((m) => m.cell !== 'B2');
      if (fast) expect(await check(fake, host, second)).toMatchObject({ read: 2, mark: 1 });
      else expect((await syncsOf(fake, () => host.applyMarks(second))).syncs).toBe(3); // read, stale read, write
      expect(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => [e.sheet, e.sheetId, e.cell, e.fill])).toEqual([
        ['自评表 新', s.id, 'C3', '#00B050'],
        ['自评表 新', s.id, 'D4', '#FFFFFF'],
        ['自评表 新', s.id, 'E5', null],
        ['封面', fake.sheet('封面').id, 'A1', null],
      ]);
      expect(s.fillAt('B2')).toBeUndefined();
      expect(s.notes.has('B2')).toBe(false);
      expect(s.fillAt('C3')?.color).toBe(SEVERITY_FILL.warning);
      expect(s.notes.get('E5')?.split(NOTE_PREFIX)).toHaveLength(2); // one copy of our note
      expect((await syncsOf(fake, () => host.clearMarks())).syncs).toBe(3);
      expect(picture()).toEqual(before);
    }
  });

  it('an old record without ids still clears by name, and a new check writes the ids', async () => {
    const { fake, s } = workbook();
    s.setFill('B2', SEVERITY_FILL.error);
    s.setFill('C3', SEVERITY_FILL.warning);
    s.notes.set('B2', `${NOTE_PREFIX}\n错误：数值不一致（R1）`);
    // As a version before ids wrote it: an array of entries keyed by sheet name.
    const old = [
      { sheet: '自评表', cell: 'B2', fill: null, note: true, mark: SEVERITY_FILL.error, via: 'note' },
      { sheet: '自评表', cell: 'C3', fill: '#00B050', note: true, mark: SEVERITY_FILL.warning, via: 'note' },
      { sheet: '已删除', cell: 'A1', fill: null, note: true, mark: SEVERITY_FILL.error, via: 'note' },
    ];
    expect(parseRecord(JSON.stringify(old)).every((e) => e.sheetId === undefined)).toBe(true);
    fake.settings.set(RECORD_KEY, JSON.stringify(old));
    const host = hostOf(fake);
    const cleared = await syncsOf(fake, () => host.clearMarks());
    expect(cleared).toEqual({ result: 2, syncs: 3 });
    expect(s.fillAt('B2')).toBeUndefined();
    expect(s.fillAt('C3')?.color).toBe('#00B050');
    expect(s.notes.has('B2')).toBe(false);
    expect(fake.settings.has(RECORD_KEY)).toBe(false);

    // An old record carried into a check keeps its originals, and comes out with ids.
    s.setFill('C3', SEVERITY_FILL.warning);
    fake.settings.set(RECORD_KEY, JSON.stringify(old.slice(1, 2)));
    expect(await check(fake, host, [mark('自评表', 'C3', 'warning')])).toMatchObject({ read: 2, mark: 1 });
    expect(parseRecord(fake.settings.get(RECORD_KEY))).toEqual([{ sheet: '自评表', sheetId: s.id, cell: 'C3', fill: '#00B050', note: true, mark: SEVERITY_FILL.warning, via: 'note' }]);
  });

  it('a sheet deleted since the check: its entries are dropped quietly, the others restored', async () => {
    const { fake, s, marks } = workbook();
    const host = hostOf(fake);
    await check(fake, host, marks);
    fake.deleteSheet('封面');
    const cleared = await syncsOf(fake, () => host.clearMarks());
    expect(cleared).toEqual({ result: 4, syncs: 3 });
    expect(s.fillAt('C3')?.color).toBe('#00B050');
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
    // ...and on a second check: nothing to restore there, no error.
    await check(fake, host, marks.filter((m) => m.sheet !== '封面'));
    fake.settings.set(RECORD_KEY, JSON.stringify([...parseRecord(fake.settings.get(RECORD_KEY)), { sheet: '封面', sheetId: '{00000000-0001-0000-FFFF-000000000000}', cell: 'A1', fill: null, note: true, mark: SEVERITY_FILL.error, via: 'note' }]));
    expect(await check(fake, host, [mark('自评表', 'C3', 'warning')])).toMatchObject({ read: 2, mark: 1 });
    expect((await syncsOf(fake, () => hostOf(fake).applyMarks([mark('自评表', 'C3', 'warning')]))).syncs).toBe(2);
  });

  it('keeps the sync counts: snapshot 2, applyMarks 1 after a snapshot (else 2, +1 for stale cells), clearMarks 3, addSheets 2', async () => {
    const { fake, marks } = workbook();
    const host = hostOf(fake);
    expect(await check(fake, host, marks)).toEqual({ read: 2, mark: 1 });
    fake.renameSheet('自评表', '自评表2');
    const renamed = marks.map((m) => (m.sheet === '自评表' ? { ...m, sheet: '自评表2' } : m));
    expect(await check(fake, host, renamed)).toEqual({ read: 2, mark: 1 });
    expect((await syncsOf(fake, () => host.applyMarks(renamed))).syncs).toBe(2);
    expect((await syncsOf(fake, () => host.applyMarks(renamed.slice(1)))).syncs).toBe(3);
    fake.renameSheet('自评表2', '自评表3');
    expect((await syncsOf(fake, () => host.clearMarks())).syncs).toBe(3);
    const layout: SheetLayout = { name: '自评报告', columnWidths: [40], merges: [], cells: [{ row: 0, col: 0, value: '报告' }] };
    expect((await syncsOf(fake, () => host.addSheets([layout]))).syncs).toBe(2);
  });
});
