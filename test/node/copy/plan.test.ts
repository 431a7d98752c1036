// The plans rendered into the package copy: marks (fill, note, merged cells, shared styles, a
// user's note, marking again) and a new sheet (values, fonts, fills, borders, alignment, number
// formats, widths, heights, merges, page setup, print area), read back with ExcelJS.

import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Mark, SheetLayout } from '../../../src/core/plan';
import { NOTE_PREFIX } from '../../../src/core/marks';
import { writeCheckedCopy } from '../../../src/node/package/copy';

const marks: Mark[] = [
  { sheet: '表', cell: 'B2', severity: 'error', fill: '#FFC7CE', note: `${NOTE_PREFIX}\n错误：得分有误（score.recomputed）` },
  { sheet: '表', cell: 'C3', severity: 'warning', fill: '#FFEB9C', note: `${NOTE_PREFIX}\n警告：偏差原因为空` },
  // C5 lies inside the merged area B4:C5: marked on B4.
  { sheet: '表', cell: 'C5', severity: 'info', fill: '#DDEBF7', note: `${NOTE_PREFIX}\n提示：合并单元格` },
  { sheet: '表', cell: 'A1', severity: 'info', fill: '#DDEBF7', note: `${NOTE_PREFIX}\n提示：有批注` },
  // An empty cell in a row the sheet does not have.
  { sheet: '表', cell: 'E9', severity: 'warning', fill: '#FFEB9C', note: `${NOTE_PREFIX}\n警告：空单元格` },
  { sheet: '不存在', cell: 'A1', severity: 'error', fill: '#FFC7CE', note: `${NOTE_PREFIX}\n错误：无此表` },
];

const layout = {
  name: '自评报告',
  columnWidths: [90, 4, 30],
  cells: [
    { row: 0, col: 0, value: '绩效自评报告', bold: true, align: 'center', fontSize: 16, border: true },
    { row: 1, col: 0, value: '=1+1' },
    { row: 2, col: 0, value: '+86 电话', wrap: true },
    { row: 3, col: 0, value: '-5 分', fill: '#FFC7CE', color: '#9C0006' },
    { row: 4, col: 0, value: '@某人' },
    { row: 5, col: 2, value: 154.74, format: '0.00' },
    { row: 6, col: 2, value: 0.9674, format: '0.0000%' },
  ],
  merges: ['A1:C1'],
  orientation: 'landscape',
  printArea: 'A1:C7',
  rowHeights: { 2: 45 },
} as SheetLayout;

async function userWorkbook(): Promise<Map<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.getCell('A1').value = '标题';
  ws.getCell('A1').note = '用户自己的批注';
  ws.getCell('B2').value = 8;
  ws.getCell('C2').value = 9;
  ws.getCell('C3').value = { formula: 'B2+1', result: 9 };
  ws.getCell('B4').value = '合并';
  ws.mergeCells('B4:C5');
  // B2 and C2 share one style: marking B2 must not colour C2.
  ws.getCell('B2').font = { bold: true };
  ws.getCell('C2').font = { bold: true };
  return new Map(Object.entries(unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))));
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const fg = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const noteOf = (c: ExcelJS.Cell) => (typeof c.note === 'string' ? c.note : (c.note as unknown as { texts: { text: string }[] } | undefined)?.texts.map((t) => t.text).join(''));

let original: Map<string, Uint8Array>;
let bytes: Uint8Array;
let copy: ExcelJS.Workbook;

beforeAll(async () => {
  original = await userWorkbook();
  bytes = writeCheckedCopy(original, marks, [layout]);
  copy = await open(bytes);
});

test('marked cells get the fill and the note; values and fonts unchanged; a shared style stays shared', () => {
  const ws = copy.getWorksheet('表')!;
  expect(fg(ws.getCell('B2'))).toBe('FFFFC7CE');
  expect(ws.getCell('B2').value).toBe(8);
  expect(ws.getCell('B2').font?.bold).toBe(true);
  expect(noteOf(ws.getCell('B2'))).toContain('得分有误');
  expect(fg(ws.getCell('C3'))).toBe('FFFFEB9C');
  expect(ws.getCell('C3').value).toEqual({ formula: 'B2+1', result: 9 });
  expect(fg(ws.getCell('C2'))).toBeUndefined();
  expect(ws.getCell('C2').note).toBeUndefined();
  expect(fg(ws.getCell('E9'))).toBe('FFFFEB9C');
  expect(noteOf(ws.getCell('E9'))).toContain('空单元格');
});

test('a merged cell is marked on its master', () => {
  const ws = copy.getWorksheet('表')!;
  expect(fg(ws.getCell('B4'))).toBe('FFDDEBF7');
  expect(noteOf(ws.getCell('B4'))).toContain('合并单元格');
  expect(ws.getCell('B4').value).toBe('合并');
});

test("a user's note is kept, ours after a blank line", () => {
  const note = noteOf(copy.getWorksheet('表')!.getCell('A1'))!;
  expect(note.startsWith('用户自己的批注\n\n' + NOTE_PREFIX)).toBe(true);
  expect(note).toContain('有批注');
});

test("checking the checked copy again replaces our note and keeps the user's; no second fill or note", async () => {
  const again = writeCheckedCopy(new Map(Object.entries(unzipSync(bytes))), [{ sheet: '表', cell: 'A1', severity: 'warning', fill: '#FFEB9C', note: `${NOTE_PREFIX}\n警告：第二次` }], []);
  const wb = await open(again);
  expect(noteOf(wb.getWorksheet('表')!.getCell('A1'))).toBe(`用户自己的批注\n\n${NOTE_PREFIX}\n警告：第二次`);
  expect(fg(wb.getWorksheet('表')!.getCell('A1'))).toBe('FFFFEB9C');
  const comments = Object.entries(unzipSync(again)).filter(([n]) => /comments\d*\.xml$/.test(n));
  expect(comments).toHaveLength(1);
  expect(strFromU8(comments[0][1]).match(/<comment ref="A1"/g)).toHaveLength(1);
});

test('the new sheet: values, fonts, fills, borders, alignment, formats, widths, heights, merges, page setup, print area', () => {
  const ws = copy.getWorksheet('自评报告')!;
  expect(copy.worksheets.map((w) => w.name)).toEqual(['表', '自评报告']);
  expect(ws.getCell('A1').value).toBe('绩效自评报告');
  expect(ws.getCell('A1').font?.bold).toBe(true);
  expect(ws.getCell('A1').font?.size).toBe(16);
  expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
  for (const side of ['left', 'right', 'top', 'bottom'] as const) expect(ws.getCell('A1').border?.[side]?.style).toBe('thin');
  expect(ws.getCell('A3').alignment?.wrapText).toBe(true);
  expect(ws.getRow(3).height).toBe(45);
  expect(fg(ws.getCell('A4'))).toBe('FFFFC7CE');
  expect(ws.getCell('A4').font?.color?.argb).toBe('FF9C0006');
  expect(ws.getCell('C6').value).toBe(154.74);
  expect(ws.getCell('C6').numFmt).toBe('0.00');
  expect(ws.getCell('C7').numFmt).toBe('0.0000%');
  expect(ws.getColumn(1).width).toBe(90);
  expect(ws.getColumn(3).width).toBe(30);
  expect(ws.getCell('C1').isMerged).toBe(true);
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.orientation).toBe('landscape');
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?C\$?7$/);
});

test('text beginning with = + - @ is stored as a string, never a formula', () => {
  const ws = copy.getWorksheet('自评报告')!;
  for (const [addr, text] of [
    ['A2', '=1+1'],
    ['A3', '+86 电话'],
    ['A4', '-5 分'],
    ['A5', '@某人'],
  ]) {
    expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(addr).value).toBe(text);
    expect(ws.getCell(addr).formula).toBeUndefined();
  }
});
