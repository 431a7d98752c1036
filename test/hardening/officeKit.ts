// Helpers to put a core Grid into the fake Excel (test/office/fakeExcel.ts) and to take a
// picture of everything a user can see in it (values, types, formats, fills, notes, comments).

import { a1, type Grid } from '../../src/core/grid';
import { createExcelHost, type ExcelHostOptions } from '../../src/office/excelHost';
import { FakeExcel, type ApiSupport } from '../office/fakeExcel';

export function hostOf(fake: FakeExcel, opts?: ExcelHostOptions) {
  return createExcelHost(fake.run as unknown as typeof Excel.run, fake.isSetSupported, opts);
}

export function allApis(): Partial<ApiSupport> {
  return { api19: true, comments: true, merges: true, notes: true };
}

/** The grid's sheets as the user's sheets of a fake Excel: values, errors, number formats, merges. */
export function fakeOf(grid: Grid, api: Partial<ApiSupport> = allApis()): FakeExcel {
  const fake = new FakeExcel(api);
  for (const sh of grid.sheets) {
    const s = fake.addSheet(sh.name, [], { merges: [] });
    s.merges = sh.merges.map((m) => ({ ...m }));
    sh.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        if (cell.error) s.set(a1(r, c), { error: cell.error }, cell.format);
        else if (cell.value !== null && cell.value !== undefined && cell.value !== '') s.set(a1(r, c), cell.value, cell.format);
      }),
    );
  }
  return fake;
}

/** Everything the user sees, sorted, as plain data (equal pictures: the same workbook). */
export function picture(fake: FakeExcel): unknown {
  return {
    sheets: fake.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
      formats: [...s.formats.entries()].sort((a, b) => a[0] - b[0]),
      fills: [...s.fills.entries()].sort((a, b) => a[0] - b[0]),
      notes: [...s.notes.entries()].sort(),
      merges: s.merges,
    })),
    comments: fake.comments.map((c) => [c.sheet, c.cell, c.content]),
    settings: [...fake.settings.keys()],
  };
}
