// The ExcelJS edge: .xlsx -> Grid, input validation, and plans -> workbook.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { applyPlan, gridToXlsx, loadWorkbookFile, workbookToGrid, dateToSerial } from '../../src/node/xlsx';
import { makeSheet, type Grid } from '../../src/core/grid';
import { SelfevalError } from '../../src/core/engine';
import { NOTE_PREFIX } from '../../src/core/marks';
import type { Mark, SheetLayout } from '../../src/core/plan';
import { tmpDir } from './helpers';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function reload(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function loadError(file: string): Promise<SelfevalError> {
  try {
    await loadWorkbookFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(SelfevalError);
    return e as SelfevalError;
  }
  throw new Error(`loading ${file} did not fail`);
}

describe('loadWorkbookFile: cell values', () => {
  let grid: Grid;

  beforeAll(async () => {
    const file = await writeWorkbook('values.xlsx', (wb) => {
      const ws = wb.addWorksheet('数据');
      ws.getCell('A1').value = 1.5;
      ws.getCell('B1').value = '文本';
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = new Date(Date.UTC(2025, 0, 15));
      ws.getCell('D1').numFmt = 'yyyy-mm-dd';
      ws.getCell('A2').value = { formula: 'A1*2', result: 3 };
      ws.getCell('B2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('C2').value = { formula: 'B1&"x"', result: '文本x' };
      ws.getCell('D2').value = { formula: 'A1', result: undefined } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('A3').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] };
      ws.getCell('B3').value = { text: '链接文字', hyperlink: 'https://example.com' };
      ws.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('A4').value = 0.9674;
      ws.getCell('A4').numFmt = '0.00%';
      ws.getCell('A5').value = { formula: 'A1+1', result: 2.5, shareType: 'shared', ref: 'A5:A7' } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell('A6').value = { sharedFormula: 'A5', result: 3.5 };
      ws.getCell('A7').value = { sharedFormula: 'A5', result: 4.5 };
      ws.getCell('B5').value = '合并';
      ws.mergeCells('B5:C6');
      ws.getColumn(5).hidden = true;
      ws.getCell('F1').value = '隐藏列之后';
      ws.getCell('A8').value = { formula: 'DATE(2025,2,1)', result: new Date(Date.UTC(2025, 1, 1)) };
      ws.getCell('A8').numFmt = 'yyyy/m/d';
      ws.getCell('A10').value = '=1+1';
      wb.addWorksheet('空表');
      wb.addWorksheet('第三').getCell('C3').value = 7;
    });
    grid = (await loadWorkbookFile(file)).grid;
  });

  const at = (addr: string, sheet = 0) => {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const c = m[1].charCodeAt(0) - 65;
    return grid.sheets[sheet].rows[Number(m[2]) - 1]?.[c];
  };

  test('every worksheet, in order', () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(['数据', '空表', '第三']);
    expect(grid.sheets[1].rows).toEqual([]);
    expect(grid.sheets[2].rows[2][2]).toEqual({ value: 7 });
  });

  test('numbers, strings, booleans', () => {
    expect(at('A1')).toEqual({ value: 1.5 });
    expect(at('B1')).toEqual({ value: '文本' });
    expect(at('C1')).toEqual({ value: true });
    expect(at('A10')).toEqual({ value: '=1+1' });
  });

  test('a date is its 1900 serial number and keeps its format', () => {
    expect(at('D1')).toEqual({ value: 45672, format: 'yyyy-mm-dd' });
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
  });

  test('formulas give their cached result', () => {
    expect(at('A2')).toEqual({ value: 3, formula: true });
    expect(at('B2')).toEqual({ value: null, formula: true, error: '#DIV/0!' });
    expect(at('C2')).toEqual({ value: '文本x', formula: true });
    expect(at('D2')).toEqual({ value: null, formula: true });
    expect(at('A8')).toEqual({ value: 45689, formula: true, format: 'yyyy/m/d' });
  });

  test('shared formulas give their cached results', () => {
    expect(at('A5')).toEqual({ value: 2.5, formula: true });
    expect(at('A6')).toEqual({ value: 3.5, formula: true });
    expect(at('A7')).toEqual({ value: 4.5, formula: true });
  });

  test('rich text is concatenated, a hyperlink gives its text, an error value is an error', () => {
    expect(at('A3')).toEqual({ value: '富文本' });
    expect(at('B3')).toEqual({ value: '链接文字' });
    expect(at('C3')).toEqual({ value: null, error: '#REF!' });
  });

  test('number formats', () => {
    expect(at('A4')).toEqual({ value: 0.9674, format: '0.00%' });
  });

  test('merges: the master holds the value, the others are empty', () => {
    expect(grid.sheets[0].merges).toEqual([{ r1: 4, c1: 1, r2: 5, c2: 2 }]);
    expect(at('B5')).toEqual({ value: '合并' });
    expect(at('C5')).toBeUndefined();
    expect(at('B6')).toBeUndefined();
  });

  test('hidden columns', () => {
    expect(grid.sheets[0].hiddenColumns).toEqual([4]);
    expect(grid.sheets[1].hiddenColumns).toBeUndefined();
  });
});

test('a sheet that cannot be converted is marked unreadable and the others are still read', async () => {
  const file = await writeWorkbook('three.xlsx', (wb) => {
    wb.addWorksheet('甲').getCell('A1').value = 1;
    wb.addWorksheet('乙').getCell('A1').value = 2;
    wb.addWorksheet('丙').getCell('A1').value = 3;
  });
  const wb = await reload(file);
  const bad = wb.getWorksheet('乙')!;
  bad.eachRow = () => {
    throw new Error('broken sheet');
  };
  const grid = workbookToGrid(wb);
  expect(grid.sheets.map((s) => s.name)).toEqual(['甲', '乙', '丙']);
  expect(grid.sheets[1].unreadable).toMatch(/[\u4e00-\u9fff]/);
  expect(grid.sheets[1].rows).toEqual([]);
  expect(grid.sheets[0].unreadable).toBeUndefined();
  expect(grid.sheets[2].rows[0][0]).toEqual({ value: 3 });
});

describe('loadWorkbookFile: input that cannot be used', () => {
  let valid: string;
  beforeAll(async () => {
    valid = await writeWorkbook('valid.xlsx', (wb) => {
      const ws = wb.addWorksheet('表');
      for (let r = 1; r <= 50; r++) ws.getRow(r).values = [r, `第${r}行`, r * 1.5];
    });
  });

  test('no such file', async () => {
    const f = path.join(dir, 'missing.xlsx');
    expect((await loadError(f)).message).toBe(`找不到文件：${f}`);
  });

  test('a directory', async () => {
    expect((await loadError(dir)).message).toMatch(/文件夹/);
  });

  test('an empty file', async () => {
    const f = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(f, '');
    expect((await loadError(f)).message).toMatch(/空/);
  });

  test('a text file named .xlsx', async () => {
    const f = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(f, '部门,预算\n网信办,154.74\n');
    expect((await loadError(f)).message).toMatch(/不是 \.xlsx/);
  });

  test('a truncated (corrupt) zip', async () => {
    const bytes = fs.readFileSync(valid);
    const f = path.join(dir, 'truncated.xlsx');
    fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await loadError(f)).message).toMatch(/^文件已损坏，无法作为 \.xlsx 读取/);
  });

  test('an old .xls (OLE compound file)', async () => {
    const f = path.join(dir, 'old.xls');
    const buf = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    Buffer.from('Workbook', 'utf16le').copy(buf, 1024);
    fs.writeFileSync(f, buf);
    expect((await loadError(f)).message).toMatch(/^这是旧版 \.xls 文件，请在 Excel 中另存为 \.xlsx 后再检查/);
  });

  test('a password-protected workbook (a compound file with an EncryptionInfo stream)', async () => {
    // Synthetic, beside the real fixture below: Excel stores an encrypted workbook as a compound
    // file holding the streams EncryptionInfo and EncryptedPackage, named in UTF-16LE.
    const f = path.join(dir, 'locked.xlsx');
    const buf = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
    Buffer.from('EncryptionInfo', 'utf16le').copy(buf, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(buf, 1152);
    fs.writeFileSync(f, buf);
    expect((await loadError(f)).message).toMatch(/^工作簿受密码保护，请先取消密码后再检查/);
  });

  test('a real encrypted workbook and a real .xls container (fixtures)', async () => {
    const fx = path.join(__dirname, 'fixtures');
    expect((await loadError(path.join(fx, 'encrypted-123456.xlsx'))).message).toMatch(/^工作簿受密码保护，请先取消密码后再检查/);
    expect((await loadError(path.join(fx, 'old-biff8.xls'))).message).toMatch(/^这是旧版 \.xls 文件/);
  });

  test('every message is one line', async () => {
    for (const f of [path.join(dir, 'missing.xlsx'), dir]) {
      expect((await loadError(f)).message).not.toMatch(/\n/);
    }
  });
});

describe('applyPlan', () => {
  let copy: ExcelJS.Workbook;
  let before: ExcelJS.Workbook;

  const marks: Mark[] = [
    { sheet: '表', cell: 'B2', severity: 'error', fill: '#FFC7CE', note: `${NOTE_PREFIX}\n错误：得分有误（score.recomputed）` },
    { sheet: '表', cell: 'C3', severity: 'warning', fill: '#FFEB9C', note: `${NOTE_PREFIX}\n警告：偏差原因为空` },
    // C5 lies inside the merged area B4:C5: marked on B4.
    { sheet: '表', cell: 'C5', severity: 'info', fill: '#DDEBF7', note: `${NOTE_PREFIX}\n提示：合并单元格` },
    { sheet: '表', cell: 'A1', severity: 'info', fill: '#DDEBF7', note: `${NOTE_PREFIX}\n提示：有批注` },
    { sheet: '不存在', cell: 'A1', severity: 'error', fill: '#FFC7CE', note: `${NOTE_PREFIX}\n错误：无此表` },
  ];
  const layout: SheetLayout = {
    name: '自评报告',
    columnWidths: [90, 4, 30],
    cells: [
      { row: 0, col: 0, value: '绩效自评报告', bold: true, align: 'center', fontSize: 16 },
      { row: 1, col: 0, value: '=1+1' },
      { row: 2, col: 0, value: '+86 电话', wrap: true },
      { row: 3, col: 0, value: '-5 分', fill: '#FFC7CE', color: '#9C0006' },
      { row: 4, col: 0, value: '@某人' },
      { row: 5, col: 2, value: 154.74, format: '0.00' },
    ],
    merges: ['A1:C1'],
    orientation: 'landscape',
  };

  beforeAll(async () => {
    const file = await writeWorkbook('plan.xlsx', (wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A1').value = '标题';
      ws.getCell('A1').note = '用户自己的批注';
      ws.getCell('B2').value = 8;
      ws.getCell('C2').value = 9;
      ws.getCell('C3').value = { formula: 'B2+1', result: 9 };
      ws.getCell('B4').value = '合并';
      ws.mergeCells('B4:C5');
      // B2 and C2 share one style as read from the file: marking B2 must not colour C2.
      ws.getCell('B2').font = { bold: true };
      ws.getCell('C2').font = { bold: true };
    });
    const { workbook } = await loadWorkbookFile(file);
    applyPlan(workbook, marks, [layout]);
    const out = path.join(dir, 'plan.out.xlsx');
    await workbook.xlsx.writeFile(out);
    copy = await reload(out);
    before = await reload(file);
  });

  const fg = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

  test('marked cells get the fill and the note; values unchanged', () => {
    const ws = copy.getWorksheet('表')!;
    expect(fg(ws.getCell('B2'))).toBe('FFFFC7CE');
    expect(ws.getCell('B2').value).toBe(8);
    expect(ws.getCell('B2').font?.bold).toBe(true);
    expect(String(ws.getCell('B2').note)).toContain('得分有误');
    expect(fg(ws.getCell('C3'))).toBe('FFFFEB9C');
    expect(ws.getCell('C3').value).toEqual({ formula: 'B2+1', result: 9 });
    expect(fg(ws.getCell('C2'))).toBeUndefined();
    expect(ws.getCell('C2').note).toBeUndefined();
  });

  test('a merged cell is marked on its master', () => {
    const ws = copy.getWorksheet('表')!;
    expect(fg(ws.getCell('B4'))).toBe('FFDDEBF7');
    expect(String(ws.getCell('B4').note)).toContain('合并单元格');
    expect(ws.getCell('B4').value).toBe('合并');
  });

  test("a user's note is kept, ours after a blank line", () => {
    const note = String(copy.getWorksheet('表')!.getCell('A1').note);
    expect(note.startsWith('用户自己的批注\n\n' + NOTE_PREFIX)).toBe(true);
    expect(note).toContain('有批注');
  });

  test('marking again replaces our note and keeps the user\'s', async () => {
    applyPlan(copy, [{ sheet: '表', cell: 'A1', severity: 'warning', fill: '#FFEB9C', note: `${NOTE_PREFIX}\n警告：第二次` }], []);
    const note = String(copy.getWorksheet('表')!.getCell('A1').note);
    expect(note).toBe(`用户自己的批注\n\n${NOTE_PREFIX}\n警告：第二次`);
  });

  test('every original value is unchanged', () => {
    const a = before.getWorksheet('表')!;
    const b = copy.getWorksheet('表')!;
    a.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(b.getCell(r, c).value).toEqual(cell.value);
      }),
    );
  });

  test('the new sheet: values, styles, widths, merges, page setup', () => {
    const ws = copy.getWorksheet('自评报告')!;
    expect(ws).toBeDefined();
    expect(copy.worksheets.map((w) => w.name)).toEqual(['表', '自评报告']);
    expect(ws.getCell('A1').value).toBe('绩效自评报告');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.size).toBe(16);
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    expect(ws.getCell('A3').alignment?.wrapText).toBe(true);
    expect(fg(ws.getCell('A4'))).toBe('FFFFC7CE');
    expect(ws.getCell('A4').font?.color?.argb).toBe('FF9C0006');
    expect(ws.getCell('C6').value).toBe(154.74);
    expect(ws.getCell('C6').numFmt).toBe('0.00');
    expect(ws.getColumn(1).width).toBe(90);
    expect(ws.getColumn(3).width).toBe(30);
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
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
});

test('gridToXlsx writes values, formats, errors, merges and hidden columns that load back the same', async () => {
  const sheet = makeSheet(
    '网格',
    [
      ['标题', null, null],
      [1, 'a', true],
      [{ value: 0.5, format: '0.00%' }, { value: null, error: '#N/A' }, '=不是公式'],
    ],
    { merges: ['A1:C1'] },
  );
  sheet.hiddenColumns = [1];
  const file = path.join(dir, 'grid.xlsx');
  await gridToXlsx({ sheets: [sheet, makeSheet('第二', [[null, 2]])] }, file);
  const { grid } = await loadWorkbookFile(file);
  expect(grid.sheets.map((s) => s.name)).toEqual(['网格', '第二']);
  const [g] = grid.sheets;
  expect(g.rows[0][0]).toEqual({ value: '标题' });
  expect(g.rows[1]).toEqual([{ value: 1 }, { value: 'a' }, { value: true }]);
  expect(g.rows[2]).toEqual([{ value: 0.5, format: '0.00%' }, { value: null, error: '#N/A' }, { value: '=不是公式' }]);
  expect(g.merges).toEqual([{ r1: 0, c1: 0, r2: 0, c2: 2 }]);
  expect(g.hiddenColumns).toEqual([1]);
  expect(grid.sheets[1].rows[0][1]).toEqual({ value: 2 });
});

test('a note on an empty cell, which ExcelJS alone would drop, is kept in the copy', async () => {
  const file = await writeWorkbook('notes.xlsx', (wb) => {
    const ws = wb.addWorksheet('批注 & 表');
    ws.getCell('A1').value = '有值';
    ws.getCell('A1').note = '有值单元格的批注';
    ws.getCell('C4').note = '空单元格上的批注 <重要> & "引号"\n第二行';
    wb.addWorksheet('另一个').getCell('B2').note = '另一表的空单元格批注';
  });
  // ExcelJS by itself loses them (the reason for restoreDroppedNotes).
  expect((await reload(file)).getWorksheet('批注 & 表')!.getCell('C4').note).toBeUndefined();

  const { workbook, grid } = await loadWorkbookFile(file);
  expect(grid.sheets[0].rows[3]?.[2]).toBeUndefined();
  applyPlan(workbook, [{ sheet: '另一个', cell: 'B2', severity: 'info', fill: '#DDEBF7', note: `${NOTE_PREFIX}\n提示：测试` }], []);
  const out = path.join(dir, 'notes.out.xlsx');
  await workbook.xlsx.writeFile(out);
  // Read the copy back through the same loader (plain ExcelJS would drop them again) ...
  const copy = (await loadWorkbookFile(out)).workbook;
  expect(copy.getWorksheet('批注 & 表')!.getCell('A1').note).toBe('有值单元格的批注');
  expect(copy.getWorksheet('批注 & 表')!.getCell('C4').note).toBe('空单元格上的批注 <重要> & "引号"\n第二行');
  expect(copy.getWorksheet('批注 & 表')!.getCell('C4').value).toBeNull();
  expect(String(copy.getWorksheet('另一个')!.getCell('B2').note)).toBe(`另一表的空单元格批注\n\n${NOTE_PREFIX}\n提示：测试`);
  // ... and check the file itself: the comments part holds the note at C4.
  const zip = await JSZip.loadAsync(fs.readFileSync(out));
  const parts = await Promise.all(Object.keys(zip.files).filter((n) => /comments\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  expect(parts.some((x) => /<comment ref="C4"[\s\S]*空单元格上的批注/.test(x))).toBe(true);
});

test('a read-only load (check) gives the same grid as a full load', async () => {
  const file = await writeWorkbook('readonly.xlsx', (wb) => {
    const ws = wb.addWorksheet('表一', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: { paperSize: 9, orientation: 'landscape' } });
    ws.getCell('A1').value = '标题';
    ws.getCell('A2').value = { text: '链接', hyperlink: 'https://example.com' };
    ws.getCell('B2').value = 0.95;
    ws.getCell('B2').numFmt = '0%';
    ws.getCell('C2').value = { formula: 'B2*100', result: 95 };
    ws.getCell('D2').value = new Date(Date.UTC(2025, 5, 30));
    ws.mergeCells('A3:C3');
    ws.getCell('A3').value = '合并';
    ws.getColumn(5).hidden = true;
    ws.getCell('B2').dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 1] };
    ws.addConditionalFormatting({ ref: 'B2:B9', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [0.6], priority: 1, style: { font: { bold: true } } }] });
    ws.autoFilter = 'A1:D1';
    wb.addWorksheet('表二').getCell('B2').value = 2;
  });
  const full = await loadWorkbookFile(file);
  const lean = await loadWorkbookFile(file, { readOnly: true });
  expect(lean.grid).toEqual(full.grid);
  expect(lean.grid.sheets[0].rows[1][0]).toEqual({ value: '链接' });
  expect(lean.grid.sheets[0].merges).toEqual([{ r1: 2, c1: 0, r2: 2, c2: 2 }]);
  expect(lean.grid.sheets[0].hiddenColumns).toEqual([4]);
});

test('a workbook in the 1904 date system gives 1900-system serials', async () => {
  const file = await writeWorkbook('date1904.xlsx', (wb) => {
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('日期');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 11, 31));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
  });
  const { grid } = await loadWorkbookFile(file);
  // 2025-12-31 is 46022 in the 1900 system (and 44560 in the 1904 one).
  expect(grid.sheets[0].rows[0][0]).toEqual({ value: 46022, format: 'yyyy-mm-dd' });
});
