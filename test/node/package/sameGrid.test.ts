// The fast read path gives the same Grid as the ExcelJS path, cell by cell: for generated
// workbooks, the real published tables, the hardening workbook with its odd cells, workbooks
// built by ExcelJS with every kind of value, XML written by hand the way other producers write
// it, and files that went through LibreOffice (test/fixtures/libreoffice, made by
// scripts/make-lo-fixtures.sh).

import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { layoutWorkbook } from '../../../src/core/template';
import { gridToXlsx } from '../../../src/node/xlsx';
import type { Area, Cell, Grid, Sheet } from '../../../src/core/grid';
import { parseArea } from '../../../src/core/grid';
import { sampleGrid } from '../../../src/core/sample';
import { arbLayout, arbWorkbook, layoutModel, shuffled } from '../../gen/generate';
import { cleanWorkbook, plant } from '../../hardening/model';
import { tmpDir } from '../helpers';
import { bothGrids, gridDiff, handPackage } from './equiv';

const dir = tmpDir('selfeval-fastread-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function viaExcelJs(grid: Grid): Promise<string> {
  const file = path.join(dir, `g${n++}.xlsx`);
  await gridToXlsx(grid, file);
  return file;
}

async function expectSame(file: string): Promise<Grid> {
  const { fast, ref } = await bothGrids(file);
  expect(gridDiff(fast, ref)).toEqual([]);
  return fast;
}

test('generated workbooks (the property generator, fixed seed)', async () => {
  const runs = Number(process.env.SELFEVAL_FASTREAD_RUNS) || 25;
  const samples = fc.sample(fc.tuple(arbWorkbook(), arbLayout()), { seed: 20261202, numRuns: runs });
  for (const [gw, gl] of samples) {
    const { grid } = layoutWorkbook(layoutModel(gw, gl.opts), gl.opts);
    grid.sheets = shuffled(grid.sheets, gl.shuffle);
    await expectSame(await viaExcelJs(grid));
  }
}, 120000);

// ------------------------------------------------------------------ real published tables

const REAL = path.join(__dirname, '..', '..', '..', '..', 'shared', 'real-tables');

function realGrid(file: string): Grid {
  const t = JSON.parse(fs.readFileSync(file, 'utf8')) as { kind: string; grid: string[][]; merges?: string[] };
  const rows: (Cell | undefined)[][] = t.grid.map((row) =>
    row.map((s) => {
      if (s === '' || s === ' ') return undefined;
      return /^-?\d+(\.\d+)?$/.test(s) ? { value: Number(s) } : { value: s };
    }),
  );
  const merges: Area[] = (t.merges ?? []).map(parseArea);
  const sheet: Sheet = { name: t.kind === 'department' ? '部门整体' : '项目自评', rows, merges };
  return { sheets: [sheet] };
}

test('the real published tables', async () => {
  const files = fs.readdirSync(REAL).filter((f) => /^t\d+\.json$/.test(f));
  expect(files.length).toBeGreaterThanOrEqual(10);
  for (const f of files) await expectSame(await viaExcelJs(realGrid(path.join(REAL, f))));
}, 60000);

// ------------------------------------------------------------------ the hardening workbook

test('the hardening workbook, clean and with odd cells planted', async () => {
  await expectSame(await viaExcelJs(cleanWorkbook().grid));
  await expectSame(await viaExcelJs(sampleGrid()));
  const { grid, addr } = cleanWorkbook();
  const P = 'tables.1.';
  plant(grid, addr, P + 'indicators.0.target', { value: 46022, format: 'yyyy-mm-dd' });
  plant(grid, addr, P + 'indicators.0.actual', { value: 46021.5, format: 'yyyy"年"m"月"d"日" h:mm' });
  plant(grid, addr, P + 'indicators.1.score', { value: null, error: '#DIV/0!' });
  plant(grid, addr, P + 'indicators.1.weight', true);
  plant(grid, addr, P + 'indicators.1.target', 1e-7);
  plant(grid, addr, P + 'indicators.1.actual', 1.0000000002);
  plant(grid, addr, P + 'indicators.0.name', 'x'.repeat(5000));
  plant(grid, addr, P + 'indicators.0.deviation', '控制字符\u0007与_x0041_转义、<>&"\'、emoji 😀');
  plant(grid, addr, 'tables.0.indicators.0.score', { value: 0.955, format: '0.0%' });
  plant(grid, addr, 'tables.0.indicators.0.weight', { value: 20, format: '#,##0.00_);[Red]\\(#,##0.00\\)' });
  await expectSame(await viaExcelJs(grid));
});

// ------------------------------------------------------------------ ExcelJS with every kind of value

async function writeWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, `w${n++}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

test('values of every kind, formats, formulas, merges, hidden columns, sheet order', async () => {
  const file = await writeWorkbook((wb) => {
    const ws = wb.addWorksheet('数据');
    ws.getCell('A1').value = 1.5;
    ws.getCell('B1').value = '文本';
    ws.getCell('C1').value = true;
    ws.getCell('D1').value = new Date(Date.UTC(2025, 0, 15, 13, 7, 1));
    ws.getCell('D1').numFmt = 'yyyy-mm-dd hh:mm:ss';
    ws.getCell('A2').value = { formula: 'A1*2', result: 3 };
    ws.getCell('B2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('C2').value = { formula: 'B1&"x"', result: '文本x' };
    ws.getCell('D2').value = { formula: 'A1', result: undefined } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('E2').value = { formula: 'TRUE()', result: false };
    ws.getCell('A3').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] };
    ws.getCell('B3').value = { text: '链接文字', hyperlink: 'https://example.com' };
    ws.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('A4').value = 0.9674;
    ws.getCell('A4').numFmt = '0.00%';
    ws.getCell('B4').value = 1234567.891;
    ws.getCell('B4').numFmt = '#,##0.00';
    ws.getCell('C4').value = 12;
    ws.getCell('C4').numFmt = '"第"0"名"';
    ws.getCell('A5').value = { formula: 'A1+1', result: 2.5, shareType: 'shared', ref: 'A5:A7' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('A6').value = { sharedFormula: 'A5', result: 3.5 };
    ws.getCell('A7').value = { sharedFormula: 'A5', result: 4.5 };
    ws.getCell('B5').value = '合并';
    ws.mergeCells('B5:C6');
    ws.getCell('D5').value = '整行合并';
    ws.mergeCells('D5:H5');
    ws.getColumn(5).hidden = true;
    ws.getColumn(9).hidden = true;
    ws.getCell('F1').value = '隐藏列之后';
    ws.getCell('A8').value = { formula: 'DATE(2025,2,1)', result: new Date(Date.UTC(2025, 1, 1)) };
    ws.getCell('A8').numFmt = 'yyyy/m/d';
    ws.getCell('A10').value = '=1+1';
    ws.getCell('A11').value = '  前后空格  ';
    ws.getCell('A12').value = '';
    ws.getCell('Z300').value = '远处';
    wb.addWorksheet('空表');
    const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
    hidden.getCell('B2').value = 2;
    wb.addWorksheet('第三').getCell('C3').value = 7;
  });
  const grid = await expectSame(file);
  expect(grid.sheets.map((s) => s.name)).toEqual(['数据', '空表', '隐藏表', '第三']);
});

test('a workbook in the 1904 date system', async () => {
  const file = await writeWorkbook((wb) => {
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('日期');
    ws.getCell('A1').value = new Date(Date.UTC(2025, 11, 31));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    ws.getCell('A2').value = 44560;
  });
  const grid = await expectSame(file);
  expect(grid.sheets[0].rows[0][0]).toEqual({ value: 46022, format: 'yyyy-mm-dd' });
});

// ------------------------------------------------------------------ XML as other producers write it

test('hand-written XML: inline and rich strings, phonetic runs, escapes, built-in and custom formats, t="str"', async () => {
  const sst =
    '<si><t>普通</t></si>' +
    '<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve"> 文本</t></r></si>' +
    '<si><t>汉字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
    '<si><t>换行_x000D_\n与_x0007_铃</t></si>' +
    '<si><t></t></si>' +
    '<si><t>&lt;&amp;&gt;</t></si>';
  const styles =
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0\\%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>' +
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="49"/></cellXfs>';
  const cells =
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s" s="6"><v>5</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>行内</t></is></c><c r="B2" t="inlineStr"><is><r><t>行</t></r><r><rPr><i/></rPr><t>内富_x0041_</t></r></is></c><c r="C2" t="str"><v>公式串 &amp;amp;</v></c></row>' +
    '<row r="3"><c r="A3" s="1"><v>0.5</v></c><c r="B3" s="2"><v>45000.25</v></c><c r="C3" s="3"><v>12.5</v></c><c r="D3" s="4"><v>45292</v></c><c r="E3" s="5"><v>45292</v></c><c r="F3" t="b"><v>1</v></c><c r="G3" t="e"><v>#N/A</v></c></row>' +
    '<row r="5"><c r="A5"><f>SUM(A3:A4)</f><v>0.5</v></c><c r="B5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D5" s="2"><f>TODAY()</f><v>45000</v></c><c r="E5"><f t="shared" ref="E5:E6" si="0">A5*2</f><v>1</v></c></row>' +
    '<row r="6"><c r="E6"><f t="shared" si="0"/><v>2</v></c><c r="F6"><f>NA()</f></c><c r="G6" s="3"/><c r="H6"><v>1E+400</v></c></row>' +
    '<row r="8" spans="1:3"><c r="A8"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>';
  const sheet = `<dimension ref="A1:H8"/><cols><col min="2" max="3" width="5" hidden="1"/><col min="6" max="6" hidden="true"/></cols><sheetData>${cells}</sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>`;
  const file = path.join(dir, 'hand.xlsx');
  fs.writeFileSync(file, await handPackage(sheet, { sst, styles }));
  const grid = await expectSame(file);
  expect(grid.sheets[0].rows[0][2]).toEqual({ value: '汉字' });
  expect(grid.sheets[0].rows[1][1]).toEqual({ value: '行内富A' });
  expect(grid.sheets[0].merges).toEqual([{ r1: 0, c1: 3, r2: 0, c2: 4 }]);
});

test('a 1904 workbook written by hand (workbookPr date1904="1")', async () => {
  const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>';
  const file = path.join(dir, 'hand1904.xlsx');
  fs.writeFileSync(file, await handPackage('<sheetData><row r="1"><c r="A1" s="1"><v>44560</v></c></row></sheetData>', { styles, workbookPr: '<workbookPr date1904="1"/>' }));
  const grid = await expectSame(file);
  expect(grid.sheets[0].rows[0][0]).toEqual({ value: 46022, format: 'mm-dd-yy' });
});

// ------------------------------------------------------------------ LibreOffice round trips

const LO = path.join(__dirname, '..', '..', 'fixtures', 'libreoffice');

test('workbooks written by LibreOffice (a second producer of the XML)', async () => {
  const files = fs.existsSync(LO) ? fs.readdirSync(LO).filter((f) => f.endsWith('.xlsx')) : [];
  expect(files.length).toBeGreaterThanOrEqual(4);
  for (const f of files) await expectSame(path.join(LO, f));
}, 60000);

test('the comparison itself sees a changed value, format, merge or sheet', () => {
  const a: Grid = { sheets: [{ name: 'x', rows: [[{ value: 1, format: '0%' }]], merges: [{ r1: 0, c1: 0, r2: 0, c2: 1 }] }] };
  const b = (f: (g: Grid) => void): Grid => {
    const g = JSON.parse(JSON.stringify(a)) as Grid;
    f(g);
    return g;
  };
  expect(gridDiff(a, b(() => undefined))).toEqual([]);
  expect(gridDiff(a, b((g) => (g.sheets[0].rows[0][0]!.value = 2)))).toHaveLength(1);
  expect(gridDiff(a, b((g) => delete g.sheets[0].rows[0][0]!.format))).toHaveLength(1);
  expect(gridDiff(a, b((g) => (g.sheets[0].merges = [])))).toHaveLength(1);
  expect(gridDiff(a, b((g) => (g.sheets[0].name = 'y')))).toHaveLength(1);
});
