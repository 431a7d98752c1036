// The checked copy keeps every byte it does not change: the sample, the real published tables and
// a rich .xlsm built part by part, each checked and copied; every other part is byte-identical,
// the changed ones differ only by added elements, and the copy opens with marks, notes and report.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { evaluate, marksOf, reportSheetOf } from '../../../src/core/engine';
import type { Mark, SheetLayout } from '../../../src/core/plan';
import { loadWorkbookFile } from '../../../src/node/xlsx';
import { sheetNamesOf, writeCheckedCopy } from '../../../src/node/package/copy';
import { tmpDir } from '../helpers';
import { compareCopy } from './compare';
import { richParts } from './rich';

const ROOT = path.join(__dirname, '..', '..', '..');
const REAL = path.join(ROOT, '..', 'shared', 'real-tables');
const dir = tmpDir('selfeval-copy-');

type Parts = Record<string, Uint8Array>;

interface Checked {
  orig: Parts;
  copy: Parts;
  marks: Mark[];
  layout: SheetLayout;
  file: string;
}

async function checkAndCopy(orig: Parts, name: string): Promise<Checked> {
  const input = path.join(dir, name);
  fs.writeFileSync(input, zipSync(orig));
  const { grid } = await loadWorkbookFile(input, { readOnly: true });
  const ev = evaluate(grid, {});
  const marks = marksOf(ev);
  const entries = new Map(Object.entries(orig));
  const layout = reportSheetOf(ev, sheetNamesOf(entries));
  const bytes = writeCheckedCopy(entries, marks, [layout]);
  const file = path.join(dir, name.replace(/(\.xls[xm])$/, '.checked$1'));
  fs.writeFileSync(file, bytes);
  // For the one-off LibreOffice check (libreoffice-check.sh): keep the originals and copies.
  const keep = process.env.SELFEVAL_COPY_KEEP;
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.copyFileSync(input, path.join(keep, name));
    fs.copyFileSync(file, path.join(keep, path.basename(file)));
  }
  return { orig, copy: unzipSync(bytes), marks, layout, file };
}

/** The parts a copy may change: the marked sheets and their notes, styles, the workbook and package lists. */
const MAY_CHANGE = [
  /^\[Content_Types\]\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/comments\d*\.xml$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
];

function expectExact(c: Checked): void {
  const r = compareCopy(c.orig, c.copy);
  expect(r.problems).toEqual([]);
  for (const name of [...r.changed, ...r.added]) expect({ name, allowed: MAY_CHANGE.some((re) => re.test(name)) }).toEqual({ name, allowed: true });
  // Only sheets holding a mark change.
  expect(r.changed.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length).toBeLessThanOrEqual(new Set(c.marks.map((m) => m.sheet)).size);
  expect(r.same.length).toBeGreaterThan(0);
}

/** `plainNotes`: cells whose note is a plain `<t>` text, which ExcelJS reads as empty (checked in the XML instead). */
async function expectOpens(c: Checked, plainNotes: string[] = []): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(c.file) as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  expect(names[names.length - 1]).toBe(c.layout.name);
  for (const m of c.marks) {
    const ws = wb.getWorksheet(m.sheet)!;
    const cell = ws.getCell(m.cell);
    const master = cell.isMerged ? cell.master : cell;
    expect(master.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + m.fill.slice(1).toUpperCase() } });
    if (plainNotes.includes(`${m.sheet}!${m.cell}`)) continue;
    const note = typeof master.note === 'string' ? master.note : (master.note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
    expect(note).toContain(m.note);
  }
  const report = wb.getWorksheet(c.layout.name)!;
  const texts = c.layout.cells.filter((lc) => typeof lc.value === 'string' && lc.value !== '');
  expect(texts.length).toBeGreaterThan(5);
  for (const lc of texts) expect(report.getCell(lc.row + 1, lc.col + 1).value).toBe(lc.value);
  return wb;
}

describe('the sample', () => {
  let c: Checked;
  beforeAll(async () => {
    c = await checkAndCopy(unzipSync(fs.readFileSync(path.join(ROOT, 'assets', 'sample.xlsx'))), 'sample.xlsx');
  });
  test('has marks to write', () => expect(c.marks.length).toBeGreaterThan(0));
  test('every part it does not change is byte-identical; changed parts only gain elements', () => expectExact(c));
  test('opens in ExcelJS with the marks, notes and report sheet', async () => {
    await expectOpens(c);
  });
});

// ---------------------------------------------------------------------------
// The real published tables, as workbooks

function cellValue(text: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
}

async function realWorkbook(file: string): Promise<Parts> {
  const t = JSON.parse(fs.readFileSync(path.join(REAL, file), 'utf8')) as { kind: string; grid: string[][]; merges?: string[] };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.kind === 'department' ? '部门整体' : '项目自评');
  t.grid.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text !== '') ws.getCell(r + 1, c + 1).value = cellValue(text);
    }),
  );
  for (const m of t.merges ?? []) {
    try {
      ws.mergeCells(m);
    } catch {
      /* a reconstructed merge that overlaps another: leave it */
    }
  }
  return unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const realFiles = fs.readdirSync(REAL).filter((f) => /^t\d+\.json$/.test(f)).sort();

describe('the real published tables', () => {
  test('there are real tables to copy', () => expect(realFiles.length).toBeGreaterThanOrEqual(8));
  test.each(realFiles)('%s: exact copy, opens with marks and report', async (f) => {
    const c = await checkAndCopy(await realWorkbook(f), f.replace('.json', '.xlsx'));
    expectExact(c);
    await expectOpens(c);
  });
});

// ---------------------------------------------------------------------------
// A rich .xlsm

describe('a rich macro-enabled workbook built part by part', () => {
  let c: Checked;
  beforeAll(async () => {
    c = await checkAndCopy(richParts(), 'rich.xlsm');
  });

  test('the check marks the cell that holds a note and a threaded comment', () => {
    expect(c.marks.some((m) => m.sheet === '部门整体' && m.cell === 'C5')).toBe(true);
  });

  test('every part it does not change is byte-identical; changed parts only gain elements', () => expectExact(c));

  test('macros, chart, threaded comments, persons, customXml and custom properties are the same bytes', () => {
    for (const name of [
      'xl/vbaProject.bin',
      'xl/charts/chart1.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'customXml/item1.xml',
      'customXml/itemProps1.xml',
      'customXml/_rels/item1.xml.rels',
      'docProps/custom.xml',
      'docProps/app.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet5.xml',
      '_rels/.rels',
    ]) {
      expect({ name, same: Buffer.compare(Buffer.from(c.orig[name]), Buffer.from(c.copy[name])) === 0 }).toEqual({ name, same: true });
    }
  });

  test('the workbook stays macro-enabled, keeps its code name, calc settings and names, and gains a print area', () => {
    expect(strFromU8(c.copy['[Content_Types].xml'])).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    const wb = strFromU8(c.copy['xl/workbook.xml']);
    expect(wb).toContain('codeName="ThisWorkbook"');
    expect(wb).toContain('<calcPr calcId="191029" iterate="1" iterateCount="50" fullCalcOnLoad="1"/>');
    expect(wb).toMatch(/<definedNames><definedName name="等级列表">选项!\$A\$1:\$A\$3<\/definedName><definedName name="_xlnm.Print_Area" localSheetId="5">'自评报告'!\$A\$1:\$[A-Z]+\$\d+<\/definedName><\/definedNames>/);
  });

  test('the marked sheet keeps its extLst, page breaks, ignored errors, phonetic settings, code name and t="d" cell', () => {
    const orig = strFromU8(c.orig['xl/worksheets/sheet2.xml']);
    const copy = strFromU8(c.copy['xl/worksheets/sheet2.xml']);
    expect(copy).not.toBe(orig);
    for (const piece of [/<extLst>.*<\/extLst>/, /<rowBreaks.*<\/rowBreaks>/, /<ignoredErrors>.*<\/ignoredErrors>/, /<phoneticPr [^>]*\/>/, /<sheetPr codeName="Sheet2">/, /<c r="J1" t="d"><v>2025-01-02T00:00:00<\/v><\/c>/, /<drawing r:id="rId1"\/><legacyDrawing r:id="rId2"\/>/]) {
      expect(copy).toMatch(piece);
      expect(copy.match(piece)![0]).toBe(orig.match(piece)![0]);
    }
    // One legacy drawing: the existing one is extended, not doubled.
    expect(copy.match(/<legacyDrawing /g)).toHaveLength(1);
  });

  test("the user's notes stay; ours joins the note that stands for the threaded comment", () => {
    const comments = strFromU8(c.copy['xl/comments1.xml']);
    const orig = strFromU8(c.orig['xl/comments1.xml']);
    const a1 = /<comment ref="A1"[\s\S]*?<\/comment>/;
    expect(comments.match(a1)![0]).toBe(orig.match(a1)![0]);
    const c5 = comments.match(/<comment ref="C5"[\s\S]*?<\/comment>/)![0];
    expect(c5).toContain('请核对年初预算数');
    expect(c5).toContain('【绩效自评助手】');
    // Marks elsewhere get their own comment and a VML shape in the same drawing.
    const others = c.marks.filter((m) => m.sheet === '部门整体' && m.cell !== 'C5');
    for (const m of others) expect(comments).toContain(`<comment ref="${m.cell}"`);
    const vml = strFromU8(c.copy['xl/drawings/vmlDrawing1.vml']);
    expect(vml.match(/<v:shape /g)!.length).toBe(2 + others.length);
    expect(vml).not.toMatch(/_x0000_s(1025|1026)".*_x0000_s\1"/s);
  });

  test('opens in ExcelJS with the marks, notes, report sheet and the 选项 sheet', async () => {
    const wb = await expectOpens(c, ['部门整体!C5']);
    expect(wb.getWorksheet('选项')!.getCell('A1').value).toBe('优');
  });
});

// ---------------------------------------------------------------------------
// Any marks: random cells of the sample (empty ones, rows the sheet lacks, merged areas), any note text

describe('random marks on the sample', () => {
  const sampleParts = unzipSync(fs.readFileSync(path.join(ROOT, 'assets', 'sample.xlsx')));
  const SHEETS = ['基本情况', '部门整体', '项目1', '项目2'];
  const SEVERITY = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' } as const;
  const markArb = fc.record({
    sheet: fc.constantFrom(...SHEETS),
    col: fc.integer({ min: 0, max: 25 }),
    row: fc.integer({ min: 0, max: 120 }),
    severity: fc.constantFrom<keyof typeof SEVERITY>('error', 'warning', 'info'),
    // Any code units: controls, lone surrogates, `_x0041_`-like text, markup characters.
    text: fc.oneof(fc.string({ maxLength: 40, unit: 'binary' }), fc.constantFrom('_x0041_ & <b>', '=SUM(A1)', '\u0007\u001b[2J')),
  });

  test('every copy is exact and carries each mark on its cell (or its merge master)', async () => {
    const layout: SheetLayout = { name: '自评报告', columnWidths: [20, 60], merges: ['A1:B1'], cells: [{ row: 0, col: 0, value: '标题', bold: true }, { row: 1, col: 0, value: '=1+1' }, { row: 1, col: 1, value: 3.5, format: '0.00' }] };
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(markArb, { minLength: 1, maxLength: 25, selector: (m) => `${m.sheet}!${m.col},${m.row}` }), async (raw) => {
        const marks: Mark[] = raw.map((m) => ({ sheet: m.sheet, cell: `${String.fromCharCode(65 + m.col)}${m.row + 1}`, severity: m.severity, fill: SEVERITY[m.severity], note: `【绩效自评助手】\n${m.text}` }));
        const bytes = writeCheckedCopy(new Map(Object.entries(sampleParts)), marks, [layout]);
        const copy = unzipSync(bytes);
        const r = compareCopy(sampleParts, copy);
        expect(r.problems).toEqual([]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS, '自评报告']);
        expect(wb.getWorksheet('自评报告')!.getCell('A2').value).toBe('=1+1');
        for (const m of marks) {
          const cell = wb.getWorksheet(m.sheet)!.getCell(m.cell);
          const master = cell.isMerged ? cell.master : cell;
          expect((master.fill as ExcelJS.FillPattern).pattern).toBe('solid');
          const note = typeof master.note === 'string' ? master.note : (master.note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
          expect(note).toContain('【绩效自评助手】');
        }
        // A note's text comes back as written (lone surrogates aside, which XML cannot carry).
        const one = marks.find((m) => !/[\uD800-\uDFFF]/.test(m.note) && marks.filter((o) => o.sheet === m.sheet && o.cell === m.cell).length === 1);
        if (one) {
          const cell = wb.getWorksheet(one.sheet)!.getCell(one.cell);
          const master = cell.isMerged ? cell.master : cell;
          const note = typeof master.note === 'string' ? master.note : (master.note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
          if (!cell.isMerged) expect(note).toBe(one.note);
        }
      }),
      { numRuns: 15 },
    );
  });
});
