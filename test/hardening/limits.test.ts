// Excel's limits and awkward workbooks, end to end through the core and the Office edge (fake Excel):
// a 20,000-row sheet with 5,000 findings, 200 sheets, sheet names with spaces, quotes and Chinese
// punctuation, protected sheets, and a workbook that changes between the check and its marks.

import { evaluate, marksOf } from '../../src/core/engine';
import { a1, quoteSheet, type Grid } from '../../src/core/grid';
import { layoutWorkbook, type IndicatorModel, type TableModel, type WorkbookModel } from '../../src/core/template';
import { HostError } from '../../src/office/host';
import { RECORD_KEY } from '../../src/office/markRecord';
import { parseAreaList, rangePart } from '../../src/office/addresses';
import { MemoryHost } from '../../src/preview/memoryHost';
import { SEVERITY_FILL } from '../../src/core/marks';
import { cleanModel, plant } from './model';
import { fakeOf, hostOf, picture } from './officeKit';
import type { FakeExcel } from '../office/fakeExcel';

async function syncsOf<T>(fake: FakeExcel, f: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = fake.syncs;
  const result = await f();
  return { result, syncs: fake.syncs - before };
}

// ------------------------------------------------------------ 20,000 rows, 5,000 findings

function bigProject(n: number): TableModel {
  const indicators: IndicatorModel[] = [];
  for (let i = 0; i < n; i++)
    indicators.push({ level1: '产出指标', level2: '数量指标', name: `巡查点位${i + 1}`, target: '≥10次', actual: '10次', weight: 1, score: 0, deviation: '已按计划完成。' });
  indicators.push({ level1: '效益指标', level2: '社会效益指标', name: '群众知晓率', target: '≥90%', actual: '95%', weight: 0, score: 0 });
  return {
    kind: 'project',
    name: '网格化巡查项目',
    year: 2025,
    competentDept: '某县应急管理局',
    implementer: '某县应急管理局',
    funds: { rows: [{ label: '年度资金总额', initial: 10, adjusted: 10, executed: 10, weight: 10, rate: 1, score: 10 }] },
    indicators,
    totalScore: 10,
    grade: '差',
  };
}

test('a 20,000-row sheet with 5,000 findings: read in row blocks (syncs set by the block count), marked with no address over 8,192 characters, cleared back', async () => {
  const { grid } = layoutWorkbook({ tables: [bigProject(5_000)] }, { sheetNames: ['巡查项目'] });
  const sheet = grid.sheets[0];
  // Rows of working notes below the table, up to row 20,000.
  for (let r = sheet.rows.length + 2; r < 20_000; r++) sheet.rows[r] = [{ value: `备查记录${r}` }, { value: r }];
  for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
  expect(sheet.rows.length).toBe(20_000);
  const direct = evaluate(grid);
  const scoreFindings = direct.findings.filter((f) => f.rule === 'score.recomputed');
  expect(scoreFindings.length).toBe(5_000);

  const fake = fakeOf(grid);
  fake.responseCellLimit = 60_000; // the whole used range (20,000 x 9 or 10 cells) is refused in one response
  const opts = { chunkCells: 25_000, syncCells: 50_000 };
  const host = hostOf(fake, opts);
  const before = picture(fake);
  const read = await syncsOf(fake, () => host.snapshot());
  const used = fake.sheet('巡查项目').usedArea()!;
  const cells = (used.r2 - used.r1 + 1) * (used.c2 - used.c1 + 1);
  const rowsPerBlock = Math.floor(opts.chunkCells / (used.c2 - used.c1 + 1));
  const blocks = Math.ceil((used.r2 - used.r1 + 1) / rowsPerBlock);
  const blocksPerSync = Math.floor(opts.syncCells / (rowsPerBlock * (used.c2 - used.c1 + 1)));
  // Names, the refused whole read, the used-range sizes, then one sync per batch of blocks.
  expect(read.syncs).toBe(3 + Math.ceil(blocks / blocksPerSync));
  expect(cells).toBeGreaterThan(fake.responseCellLimit);
  expect(fake.loadedPerSync.slice(3).every((n) => n <= opts.syncCells)).toBe(true);

  const ev = evaluate(read.result);
  expect(ev.findings).toEqual(direct.findings);
  const marks = marksOf(ev);
  expect(marks.length).toBeGreaterThanOrEqual(5_000);
  const wrote = await syncsOf(fake, () => host.applyMarks(marks));
  // One read; the writes (5,000 notes of ~2.5 MB with the record) split at the 2.5 MB request budget.
  expect(wrote.syncs).toBe(3);
  const unbounded = fakeOf(grid);
  expect((await syncsOf(unbounded, () => hostOf(unbounded, { writeBytes: 1e9 }).applyMarks(marks))).syncs).toBe(2);
  expect(fake.maxAddressLength).toBeGreaterThan(1_000);
  expect(fake.maxAddressLength).toBeLessThanOrEqual(8_192);
  expect(fake.sheet('巡查项目').fillAt(scoreFindings[4_999].cell)?.color).toBe(SEVERITY_FILL.error);
  expect(fake.valueWritesOnUserSheets()).toEqual([]);
  expect(await host.clearMarks()).toBe(marks.length);
  expect(picture(fake)).toEqual(before);
});

// ------------------------------------------------------------ 200 sheets

function twoHundredSheets(): { model: WorkbookModel; extra: number } {
  const model = cleanModel();
  const dept = model.tables[0];
  const projects = 98;
  const rows = dept.funds.rows;
  // 基本支出 60 + 98 projects of 1 万元 each, executed at 95 %.
  rows[0] = { ...rows[0], initial: 158, adjusted: 158, executed: 150.1 };
  rows[2] = { ...rows[2], initial: projects, adjusted: projects, executed: 93.1 };
  model.basic!.fields!['年初预算收入'] = 158;
  const proto = model.tables[1];
  model.tables = [dept];
  for (let i = 0; i < projects; i++)
    model.tables.push({
      ...proto,
      name: `项目${i + 1}`,
      funds: {
        rows: [
          { label: '年度资金总额', initial: 1, adjusted: 1, executed: 0.95, weight: 10, rate: 0.95, score: 9.5 },
          { label: '其中：当年财政拨款', initial: 1, adjusted: 1, executed: 0.95 },
        ],
      },
    });
  return { model, extra: 200 - 1 - model.tables.length };
}

test('a workbook with 200 sheets: the core reads every table and finds the one slip; the Office edge reads it in 2 syncs and marks it in 2', async () => {
  const { model, extra } = twoHundredSheets();
  const { grid, addr } = layoutWorkbook(model, { extraSheets: extra });
  expect(grid.sheets).toHaveLength(200);
  expect(evaluate(grid).findings).toEqual([]);
  const slip = plant(grid, addr, 'tables.80.indicators.0.score', 15);

  const ev = evaluate(grid);
  expect(ev.read.tables).toHaveLength(99);
  expect(ev.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.sheet])).toEqual([
    ['score.recomputed', slip.sheet],
    ['score.total', slip.sheet],
  ]);
  expect(ev.findings.find((f) => f.rule === 'score.recomputed')?.cell).toBe(slip.cell);

  const fake = fakeOf(grid);
  const host = hostOf(fake);
  const read = await syncsOf(fake, () => host.snapshot());
  expect(read.syncs).toBe(2);
  expect(read.result.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
  const ev2 = evaluate(read.result);
  expect(ev2.findings).toEqual(ev.findings);
  expect((await syncsOf(fake, () => host.applyMarks(marksOf(ev2)))).syncs).toBe(2);
  expect(fake.sheet(slip.sheet).fillAt(slip.cell)?.color).toBe(SEVERITY_FILL.error);
});

// ------------------------------------------------------------ sheet names

describe('sheet names with spaces, quotes and Chinese punctuation', () => {
  const NAMES = [
    ['部门(整体)', "O'Brien 表"],
    ['项目 一', '（项目）２'],
  ];

  test('Excel-style addresses: quoted, quotes doubled, and read back to the plain name', () => {
    expect(quoteSheet('部门(整体)')).toBe("'部门(整体)'");
    expect(quoteSheet("O'Brien 表")).toBe("'O''Brien 表'");
    expect(quoteSheet('项目 一')).toBe("'项目 一'");
    expect(quoteSheet('（项目）２')).toBe("'（项目）２'");
    expect(rangePart("'O''Brien 表'!C5:L20")).toBe('C5:L20');
    expect(parseAreaList("'部门(整体)'!A1:B2, 'O''Brien 表'!C3,'a!b, c'!D4")).toEqual([
      { r1: 0, c1: 0, r2: 1, c2: 1 },
      { r1: 2, c1: 2, r2: 2, c2: 2 },
      { r1: 3, c1: 3, r2: 3, c2: 3 },
    ]);
  });

  test.each(NAMES)('findings carry the plain names %s / %s; the Office edge reads, marks and clears them', async (dept, proj) => {
    const { grid, addr } = layoutWorkbook(cleanModel(), { sheetNames: [dept, proj] });
    const a = plant(grid, addr, 'tables.0.indicators.0.score', 15);
    const b = plant(grid, addr, 'tables.1.funds.rows.0.rate', 0.9);
    expect([a.sheet, b.sheet]).toEqual([dept, proj]);
    const ev = evaluate(grid);
    expect(new Set(ev.findings.map((f) => f.sheet))).toEqual(new Set([dept, proj]));
    expect(ev.findings).toContainEqual(expect.objectContaining({ rule: 'score.recomputed', sheet: dept, cell: a.cell }));
    expect(ev.findings).toContainEqual(expect.objectContaining({ rule: 'exec.rate', sheet: proj, cell: b.cell }));

    const fake = fakeOf(grid);
    const host = hostOf(fake);
    const before = picture(fake);
    const snap = await host.snapshot();
    // Used ranges and merged areas come back as quoted addresses ('O''Brien 表'!A1:I20) and are read right.
    expect(snap.sheets.find((s) => s.name === proj)!.merges).toEqual(grid.sheets.find((s) => s.name === proj)!.merges);
    const ev2 = evaluate(snap);
    expect(ev2.findings).toEqual(ev.findings);
    await host.applyMarks(marksOf(ev2));
    expect(fake.sheet(dept).fillAt(a.cell)?.color).toBe(SEVERITY_FILL.error);
    expect(fake.sheet(proj).fillAt(b.cell)?.color).toBe(SEVERITY_FILL.error);
    await host.selectCell(proj, b.cell);
    expect(fake.selected).toEqual({ sheet: proj, address: b.cell });
    await host.clearMarks();
    expect(picture(fake)).toEqual(before);
  });
});

// ------------------------------------------------------------ protected sheets

describe('protected sheets', () => {
  function marked() {
    const { grid, addr } = layoutWorkbook(cleanModel());
    plant(grid, addr, 'tables.0.indicators.0.score', 15);
    plant(grid, addr, 'tables.1.indicators.0.score', 15);
    return fakeOf(grid);
  }

  test('reading works; marks touching a protected sheet are refused with a Chinese message, nothing written on any sheet', async () => {
    const fake = marked();
    fake.sheet('项目1').isProtected = true;
    const host = hostOf(fake);
    const before = picture(fake);
    const ev = evaluate(await host.snapshot());
    expect(ev.findings.some((f) => f.sheet === '项目1')).toBe(true);
    const err = await host.applyMarks(marksOf(ev)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.kind).toBe('protected');
    expect(err.message).toContain('项目1');
    expect(err.message).toContain('撤销工作表保护');
    expect(picture(fake)).toEqual(before); // not even the unprotected 部门整体
    expect(fake.writes).toEqual([]);
  });

  test('a sheet protected after the check: 清除标记 is refused whole, and works once unprotected', async () => {
    const fake = marked();
    const host = hostOf(fake);
    const before = picture(fake);
    await host.applyMarks(marksOf(evaluate(await host.snapshot())));
    const markedPicture = picture(fake);
    fake.sheet('部门整体').isProtected = true;
    await expect(host.clearMarks()).rejects.toMatchObject({ kind: 'protected' });
    expect(picture(fake)).toEqual(markedPicture);
    fake.sheet('部门整体').isProtected = false;
    await host.clearMarks();
    expect(picture(fake)).toEqual(before);
  });
});

// ------------------------------------------------------------ a workbook switched mid-check

describe('a workbook that changes between the check and its marks', () => {
  const SWITCHED = '工作簿已更改或切换，请重新检查。';

  function checked() {
    const { grid, addr } = layoutWorkbook(cleanModel());
    plant(grid, addr, 'tables.0.indicators.0.score', 15);
    plant(grid, addr, 'tables.1.indicators.0.score', 15);
    const fake = fakeOf(grid);
    return { fake, host: hostOf(fake) };
  }

  test('a sheet renamed after the snapshot: HostError switched, nothing written, an earlier check’s marks still clear', async () => {
    const { fake, host } = checked();
    const before = picture(fake);
    const ev = evaluate(await host.snapshot());
    await host.applyMarks(marksOf(ev)); // the first check
    const afterFirst = picture(fake);
    const ev2 = evaluate(await host.snapshot());
    fake.sheet('项目1').name = '项目1（改）'; // the user renames a sheet while the second check runs
    const err = await host.applyMarks(marksOf(ev2)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.kind).toBe('switched');
    expect(err.message).toBe(SWITCHED);
    fake.sheet('项目1（改）').name = '项目1';
    expect(picture(fake)).toEqual(afterFirst);
    await host.clearMarks();
    expect(picture(fake)).toEqual(before);
  });

  test('a sheet deleted between the reads and the writes of one applyMarks: switched, and 清除标记 restores what was written', async () => {
    const { fake, host } = checked();
    const before = picture(fake);
    const ev = evaluate(await host.snapshot());
    // A host that has not read this workbook marks in two syncs (a read, then the writes);
    // the sheet vanishes after the read sync.
    const marker = hostOf(fake);
    const find = fake.findSheet.bind(fake);
    const start = fake.syncs;
    fake.findSheet = (name: string) => (name === '项目1' && fake.syncs > start + 1 ? undefined : find(name));
    const err = await marker.applyMarks(marksOf(ev)).catch((e) => e);
    expect(fake.syncs - start).toBe(2);
    expect(err).toMatchObject({ kind: 'switched', message: SWITCHED });
    // The record went first: whatever was written can be undone.
    expect(fake.settings.has(RECORD_KEY)).toBe(true);
    fake.findSheet = find;
    await host.clearMarks();
    expect(picture(fake)).toEqual(before);
  });

  test('a snapshot while a sheet disappears: switched, nothing written', async () => {
    const { fake, host } = checked();
    const before = picture(fake);
    const find = fake.findSheet.bind(fake);
    fake.findSheet = () => undefined;
    await expect(host.applyMarks([{ sheet: '部门整体', cell: 'A1', severity: 'error', fill: SEVERITY_FILL.error, note: 'x' }])).rejects.toMatchObject({ kind: 'switched' });
    fake.findSheet = find;
    expect(picture(fake)).toEqual(before);
    await expect(host.selectCell('不存在的表', 'A1')).rejects.toMatchObject({ kind: 'switched', message: SWITCHED });
  });

  test('the memory host: a mark on a sheet gone since the check is refused whole with a Chinese message; the earlier marks stay', async () => {
    const { grid, addr } = layoutWorkbook(cleanModel());
    plant(grid, addr, 'tables.0.indicators.0.score', 15);
    const host = new MemoryHost(grid as Grid);
    const ev = evaluate(await host.snapshot());
    await host.applyMarks(marksOf(ev));
    const earlier = host.allMarks();
    const err = await host.applyMarks([...marksOf(ev), { sheet: '已删除', cell: a1(0, 0), severity: 'error', fill: SEVERITY_FILL.error, note: 'x' }]).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.kind).toBe('switched');
    expect(err.message).toMatch(/已删除.*重新检查/);
    expect(host.allMarks()).toEqual(earlier);
  });
});

