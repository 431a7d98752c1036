// 清除标记 after a check, after a check run twice, and after the user edited a marked cell:
// the user's values and formats come back exactly as they were before the first check, on the
// Office edge (the fake Excel) and on the preview's in-memory host. The checks are real: the
// workbook's defects are planted in the standard layout, snapshot -> evaluate -> marks.

import { evaluate, marksOf } from '../../src/core/engine';
import { NOTE_PREFIX, SEVERITY_FILL } from '../../src/core/marks';
import { parseA1, type Grid } from '../../src/core/grid';
import type { FakeSheet } from '../office/fakeExcel';
import type { WorkbookHost } from '../../src/office/host';
import { MemoryHost } from '../../src/preview/memoryHost';
import { RECORD_KEY, parseRecord } from '../../src/office/markRecord';
import { cleanWorkbook, plant } from './model';
import { fakeOf, hostOf, picture } from './officeKit';
import type { ApiSupport } from '../office/fakeExcel';

/** A workbook with three slips: a wrong score, a wrong total, a missing actual. */
function slipped() {
  const { grid, addr } = cleanWorkbook();
  const score = plant(grid, addr, 'tables.0.indicators.0.score', 18);
  const total = addr['tables.0.totalScore'];
  const actual = plant(grid, addr, 'tables.1.indicators.2.actual', null);
  return { grid, addr, score, total, actual };
}

/** The user types a value into a cell (its number format stays). */
function type(s: FakeSheet, cell: string, v: number): void {
  const { r, c } = parseA1(cell);
  s.setRC(r, c, v);
  s.touch();
}

async function check(host: WorkbookHost): Promise<string[]> {
  const ev = evaluate(await host.snapshot());
  const marks = marksOf(ev);
  await host.applyMarks(marks);
  return marks.map((m) => `${m.sheet}!${m.cell}`);
}

const APIS: [string, Partial<ApiSupport>][] = [
  ['notes (1.18)', { api19: true, comments: true, merges: true, notes: true }],
  ['comments (1.10)', { api19: true, comments: true, merges: true, notes: false }],
  ['fills only, no 1.9', { api19: false, comments: false, merges: false, notes: false }],
];

describe.each(APIS)('Office edge, %s', (_name, api) => {
  function setup() {
    const w = slipped();
    const fake = fakeOf(w.grid, api);
    const s = fake.sheet('部门整体');
    // The user's own formatting on the cells the check will mark, and elsewhere.
    s.setFill(w.score.cell, '#00B050');
    s.setFill(w.total.cell, '#FFFF00');
    s.setFill('A1', '#D9E1F2');
    if (api.notes) s.notes.set(w.total.cell, '请财务科复核');
    return { ...w, fake, s, host: hostOf(fake) };
  }

  test('after one check', async () => {
    const { fake, host, score, total, actual } = setup();
    const before = picture(fake);
    const syncs0 = fake.syncs;
    const marked = await check(host);
    // 2 to read; 1 to mark from what the snapshot read (it reads fills only with 1.9), else 2.
    expect(fake.syncs - syncs0).toBe(api.api19 ? 3 : 4);
    expect(marked).toEqual(expect.arrayContaining([`部门整体!${score.cell}`, `部门整体!${total.cell}`, `项目1!${actual.cell}`]));
    expect(fake.sheet('部门整体').fillAt(score.cell)?.color).toBe(SEVERITY_FILL.error);
    expect(picture(fake)).not.toEqual(before);
    expect(await host.clearMarks()).toBe(marked.length);
    expect(picture(fake)).toEqual(before);
    expect(fake.valueWritesOnUserSheets()).toEqual([]);
  });

  test('after a check run twice', async () => {
    const { fake, host } = setup();
    const before = picture(fake);
    const first = await check(host);
    const second = await check(host);
    expect(second).toEqual(first);
    if (api.notes) expect(fake.sheet('部门整体').notes.get(first[0].split('!')[1])?.split(NOTE_PREFIX)).toHaveLength(2);
    await host.clearMarks();
    expect(picture(fake)).toEqual(before);
  });

  test('after the user edited a marked cell: the value stays theirs, everything else comes back', async () => {
    const { fake, host, s, score } = setup();
    await check(host);
    type(s, score.cell, 20); // the user corrects the score
    const expected = picture(fake) as { sheets: { name: string; fills: unknown; notes: unknown }[] };
    await host.clearMarks();
    const after = picture(fake) as typeof expected;
    expect(s.get(score.cell)).toEqual({ v: 20, t: 'Double' });
    expect(s.fillAt(score.cell)?.color).toBe('#00B050');
    // Compared with the workbook before the check, only the edited value differs.
    const { fake: fresh, s: freshS } = setup();
    type(freshS, score.cell, 20);
    expect(after).toEqual(picture(fresh));
    expect(expected).not.toEqual(after);
  });

  test("after the user refilled a marked cell: the user's fill wins, also through a second check", async () => {
    const { fake, host, s, score, total } = setup();
    await check(host);
    s.setFill(score.cell, '#0070C0');
    await host.clearMarks();
    expect(s.fillAt(score.cell)?.color).toBe('#0070C0');
    expect(s.fillAt(total.cell)?.color).toBe('#FFFF00');

    // Check, refill, check again (the cell is still wrong), clear: the refill is what comes back.
    const again = setup();
    await check(again.host);
    again.s.setFill(again.score.cell, '#7030A0');
    await check(again.host);
    expect(again.s.fillAt(again.score.cell)?.color).toBe(SEVERITY_FILL.error);
    await again.host.clearMarks();
    expect(again.s.fillAt(again.score.cell)?.color).toBe('#7030A0');
    expect(again.s.fillAt(again.total.cell)?.color).toBe('#FFFF00');
    expect(again.fake.settings.has(RECORD_KEY)).toBe(false);
  });

  test('after the user fixed the slips and checked again: the cells no longer marked come back too', async () => {
    const { fake, host, s, score, total } = setup();
    const before = picture(fake);
    await check(host);
    // Fixing the score fixes the total as well; the missing actual stays.
    type(s, score.cell, 20);
    const syncs0 = fake.syncs;
    const marked = await check(host);
    // The cells no longer marked are restored in the same single write sync.
    expect(fake.syncs - syncs0).toBe(api.api19 ? 3 : 5);
    expect(marked).not.toContain(`部门整体!${score.cell}`);
    expect(marked).not.toContain(`部门整体!${total.cell}`);
    expect(s.fillAt(score.cell)?.color).toBe('#00B050');
    expect(s.fillAt(total.cell)?.color).toBe('#FFFF00');
    await host.clearMarks();
    type(s, score.cell, 18);
    expect(picture(fake)).toEqual(before);
  });

  test('after the user renamed a marked sheet: 清除标记 still finds every mark (the record keys sheets by id)', async () => {
    const { fake, host, s, score, total } = setup();
    const before = picture(fake);
    const marked = await check(host);
    const onSheet = marked.filter((m) => m.startsWith('部门整体!')).length;
    expect(onSheet).toBeGreaterThan(0);
    fake.renameSheet('部门整体', '部门整体（2025年）');
    const syncs0 = fake.syncs;
    expect(await host.clearMarks()).toBe(marked.length);
    expect(fake.syncs - syncs0).toBe(3);
    expect(s.fillAt(score.cell)?.color).toBe('#00B050');
    expect(s.fillAt(total.cell)?.color).toBe('#FFFF00');
    // None of our notes or comments is left on the renamed sheet; the user's note is back as it was.
    expect([...s.notes.values()].filter((n) => n.includes(NOTE_PREFIX))).toEqual([]);
    expect(fake.comments.filter((c) => c.content.includes(NOTE_PREFIX))).toEqual([]);
    if (api.notes) expect(s.notes.get(total.cell)).toBe('请财务科复核');
    expect(fake.settings.has(RECORD_KEY)).toBe(false);
    fake.renameSheet('部门整体（2025年）', '部门整体');
    expect(picture(fake)).toEqual(before);
  });

  test('a check, a rename, a second check: the first check’s original fills are kept', async () => {
    const { fake, host, s, score, total } = setup();
    const before = picture(fake);
    const first = await check(host);
    fake.renameSheet('部门整体', '部门整体 新');
    const second = await check(host);
    // The same slips, found on the sheet under its new name.
    expect(second).toEqual(first.map((m) => m.replace(/^部门整体!/, '部门整体 新!')));
    const rec = new Map(parseRecord(fake.settings.get(RECORD_KEY)).map((e) => [`${e.sheet}!${e.cell}`, e.fill]));
    expect(rec.get(`部门整体 新!${score.cell}`)).toBe('#00B050'); // the user's green, not our mark
    expect(rec.get(`部门整体 新!${total.cell}`)).toBe('#FFFF00');
    expect(await host.clearMarks()).toBe(second.length);
    expect(s.fillAt(score.cell)?.color).toBe('#00B050');
    fake.renameSheet('部门整体 新', '部门整体');
    expect(picture(fake)).toEqual(before);
  });
});

describe('memory host (the preview)', () => {
  function setup() {
    const w = slipped();
    const host = new MemoryHost(w.grid);
    host.edit('部门整体', w.score.cell, { fill: '#00B050' });
    return { ...w, host };
  }
  const gridOf = async (h: MemoryHost): Promise<Grid> => h.snapshot();

  test('after one check and after a check run twice: values, formats and fills as before', async () => {
    for (const times of [1, 2]) {
      const { host, score } = setup();
      const before = await gridOf(host);
      const fills = host.getView().fills;
      let marked: string[] = [];
      for (let i = 0; i < times; i++) marked = await check(host);
      expect(host.fillAt('部门整体', score.cell)).toBe(SEVERITY_FILL.error);
      expect(await host.clearMarks()).toBe(marked.length);
      expect(await gridOf(host)).toEqual(before);
      expect(host.getView().fills).toEqual(fills);
      expect(host.fillAt('部门整体', score.cell)).toBe('#00B050');
      expect(host.allMarks()).toEqual([]);
    }
  });

  test("after the user edited a marked cell: their value stays (with the cell's format), their fill wins", async () => {
    const { host, score, total, grid } = setup();
    const marked = await check(host);
    host.edit('部门整体', score.cell, { value: 20 });
    host.edit('部门整体', total.cell, { fill: '#0070C0' });
    expect(host.fillAt('部门整体', total.cell)).toBe('#0070C0');
    expect(await host.clearMarks()).toBe(marked.length - 1);
    const after = await gridOf(host);
    const sheet = after.sheets.find((s) => s.name === '部门整体')!;
    const orig = grid.sheets.find((s) => s.name === '部门整体')!;
    const { r, c } = { r: Number(score.cell.slice(1)) - 1, c: score.cell.charCodeAt(0) - 65 };
    expect(sheet.rows[r][c]).toEqual({ ...orig.rows[r][c], value: 20 });
    expect(host.fillAt('部门整体', total.cell)).toBe('#0070C0');
    expect(host.fillAt('部门整体', score.cell)).toBe('#00B050');
    // Everything else as before the check.
    sheet.rows[r][c] = orig.rows[r][c];
    expect(after).toEqual(grid);
  });
});
