// Hostile and broken files through the real command (issue 10 parts 1, 2, 6; issue 12 "Must
// show"): each file is built here by code, run by bin/selfeval.js in a child process, and held
// to its exit code, one Chinese line on stderr, no stack trace, and generous bounds on time and
// peak memory. These are guards, not benchmarks: the bounds are far above what a run takes.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { gridToWorkbook } from '../../src/node/xlsx';
import { cleanWorkbook } from './model';
import { tmpDir } from '../node/helpers';
import { bigWorkbook } from './hostileBig';
import { buildCli, deflated, entriesOf, repeated, replaceEntry, runCli, writeZip, type CliRun, type RawEntry } from './hostileZip';

const dir = tmpDir('selfeval-hostile-');
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/** Bounds of the small hostile files (the figures). */
const SMALL = { seconds: 20, peakMB: 600 };
let base: RawEntry[];

beforeAll(async () => {
  buildCli();
  const { grid } = cleanWorkbook();
  base = await entriesOf(Buffer.from(await gridToWorkbook(grid).xlsx.writeBuffer()));
}, 300000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function save(name: string, data: Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
}

/** The first worksheet part of the clean workbook. */
const SHEET1 = 'xl/worksheets/sheet1.xml';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = '</sheetData></worksheet>';

/** One line of Chinese on stderr, no stack trace, within the bounds. */
function expectClean(r: CliRun, bounds: { seconds: number; peakMB: number } = SMALL): void {
  expect(r.signal).toBeNull();
  expect(r.code).not.toBe(134);
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines.length).toBeLessThanOrEqual(1);
  if (lines.length) expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(r.err).not.toMatch(/\n\s+at |Error:|FATAL|JavaScript heap/);
  expect(r.seconds).toBeLessThan(bounds.seconds);
  expect(r.peakMB).toBeLessThan(bounds.peakMB);
}

function exit2(r: CliRun, message: RegExp, bounds = SMALL): void {
  expectClean(r, bounds);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
}

/** A sheet part whose rows repeat to about `bytes` of XML (styled empty cells: no cell limit stops it first). */
function rowsBomb(name: string, bytes: number, declared?: number): RawEntry {
  const unit = '<row r="1"><c r="A1" s="0"/><c r="B1" s="0"/></row>'.repeat(20000);
  return repeated(name, HEAD, unit, Math.ceil(bytes / unit.length), TAIL, declared);
}

describe('a small file that inflates to 1.5 GiB', () => {
  test('declared in the directory: refused before inflating', () => {
    const f = save('bomb-declared.xlsx', writeZip(replaceEntry(base, rowsBomb(SHEET1, 1.5 * GiB))));
    expect(fs.statSync(f).size).toBeLessThan(5 * MiB);
    exit2(runCli(['check', f]), /^文件过大：.*单个部件解压后的大小/);
  });

  test('declared small (a lie): stopped at the limit while inflating, from the stream', () => {
    const f = save('bomb-lying.xlsx', writeZip(replaceEntry(base, rowsBomb(SHEET1, 1.5 * GiB, 4096))));
    // The sheet is parsed up to the part limit (256 MB of XML): the slowest guard here.
    exit2(runCli(['check', f]), /^文件过大：.*单个部件解压后的大小/, { seconds: 90, peakMB: 600 });
  }, 120000);

  test('white space without a tag, declared small: stopped at the limit of one XML run', () => {
    const bomb = repeated(SHEET1, HEAD, ' '.repeat(MiB), 1536, TAIL, 4096);
    const f = save('bomb-space.xlsx', writeZip(replaceEntry(base, bomb)));
    exit2(runCli(['check', f]), /^文件过大：.*单段 XML 文本/);
  });

  test('a part nothing refers to, declared: refused from the directory', () => {
    const f = save('bomb-orphan.xlsx', writeZip([...base, rowsBomb('xl/media/unused.bin', 1.5 * GiB)]));
    exit2(runCli(['check', f]), /^文件过大：.*单个部件解压后的大小/);
  });

  test('a part nothing refers to, declared small: never inflated, the workbook is checked', () => {
    const f = save('bomb-orphan-lying.xlsx', writeZip([...base, rowsBomb('xl/media/unused.bin', 1.5 * GiB, 100)]));
    const r = runCli(['check', f]);
    expectClean(r);
    expect(r.code).toBe(0);
  });
});

describe('far-flung cells and huge areas cost what they hold', () => {
  test('20 sheets each with one value at XFD1048576: checked, not refused', async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 1; i <= 20; i++) wb.addWorksheet(`表${i}`).getCell('XFD1048576').value = i;
    const f = save('far.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = runCli(['check', f]);
    expectClean(r);
    expect([0, 1]).toContain(r.code);
  });

  test('<row r="2000000000"> is corrupt (beyond Excel), not a hang', () => {
    const sheet = `${HEAD}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>${TAIL}`;
    const f = save('row2e9.xlsx', writeZip(replaceEntry(base, deflated(SHEET1, sheet))));
    exit2(runCli(['check', f]), /^文件已损坏.*行号 2000000000 超出 Excel 的上限 1,048,576/);
  });

  test('a cell in column XFE is corrupt', () => {
    const sheet = `${HEAD}<row r="1"><c r="XFE1"><v>1</v></c></row>${TAIL}`;
    const f = save('colXFE.xlsx', writeZip(replaceEntry(base, deflated(SHEET1, sheet))));
    exit2(runCli(['check', f]), /^文件已损坏.*超出 Excel 的上限 16,384/);
  });

  test('<mergeCell ref="K1:XFD1048576"/> is kept as one range, never expanded', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '标题';
    ws.getCell('K1').value = '合并';
    const xml0 = Buffer.from(await wb.xlsx.writeBuffer());
    const entries = await entriesOf(xml0);
    const sheet = `${HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="K1" t="inlineStr"><is><t>合并</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="K1:XFD1048576"/></mergeCells></worksheet>`;
    const f = save('merge-huge.xlsx', writeZip(replaceEntry(entries, deflated(SHEET1, sheet))));
    const r = runCli(['check', f]);
    expectClean(r);
    expect([0, 1]).toContain(r.code);
    // report too: the copy edits the package, the merge stays one range.
    const out = path.join(dir, 'merge-huge.out.xlsx');
    const rr = runCli(['report', f, '-o', out]);
    expectClean(rr);
    expect([0, 1]).toContain(rr.code);
    expect(fs.existsSync(out)).toBe(true);
  });
});

describe('large honest workbooks', () => {
  test('200 sheets × 5,000 rows of ordinary data finish (3 million cells), within 1.5 GB', () => {
    const f = save('big-200x5000.xlsx', bigWorkbook(200, 5000, 3));
    const r = runCli(['check', f], 300000);
    expectClean(r, { seconds: 240, peakMB: 1500 });
    expect([0, 1]).toContain(r.code);
    fs.rmSync(f);
  }, 300000);

  test('a small heap (--max-old-space-size=256) lowers the cell limit: exit 2, never a V8 crash (134)', () => {
    const f = save('big-small-memory.xlsx', bigWorkbook(40, 5000, 5));
    const r = runCli(['check', f], 120000, { NODE_OPTIONS: '--max-old-space-size=256' });
    exit2(r, /^文件过大：按本进程可用的内存，已超过“有内容的单元格数”上限/, { seconds: 90, peakMB: 600 });
  }, 120000);

  test('report of 200,000 cells under a small heap (--max-old-space-size=256): written, never a V8 crash (134)', () => {
    const f = save('report-small-memory.xlsx', bigWorkbook(40, 5000, 1));
    const out = path.join(dir, 'report-small-memory.out.xlsx');
    const r = runCli(['report', f, '-o', out], 120000, { NODE_OPTIONS: '--max-old-space-size=256' });
    expectClean(r, { seconds: 90, peakMB: 600 });
    expect([0, 1]).toContain(r.code);
    expect(fs.existsSync(out)).toBe(true);
  }, 120000);

  test('more than 5 million filled cells: exit 2, 文件过大 at the documented limit', () => {
    const unit = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'.repeat(10000);
    const f = save('cells-6m.xlsx', writeZip(replaceEntry(base, repeated(SHEET1, HEAD, unit, 300, TAIL))));
    exit2(runCli(['check', f]), /^文件过大：已超过“有内容的单元格数”上限 5,000,000（读到上限即停止）/, { seconds: 90, peakMB: 600 });
  }, 120000);
});

describe('entities, shared strings, duplicate names', () => {
  test('a DOCTYPE with entities (billion laughs) is refused', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const sheet = `<?xml version="1.0"?>${laughs}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>${TAIL}`;
    const f = save('laughs.xlsx', writeZip(replaceEntry(base, deflated(SHEET1, sheet))));
    exit2(runCli(['check', f]), /^文件含有 DTD 声明（DOCTYPE/);
  });

  test('an external entity (XXE) is refused the same way', () => {
    const sheet = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>${TAIL}`;
    const f = save('xxe.xlsx', writeZip(replaceEntry(base, deflated(SHEET1, sheet))));
    const r = runCli(['check', f]);
    exit2(r, /^文件含有 DTD 声明/);
    expect(r.out).not.toMatch(/root:/);
  });

  test('a million shared strings: a clear exit 2 at the limit', () => {
    const unit = Array.from({ length: 1000 }, (_, i) => `<si><t>字符串${i}</t></si>`).join('');
    const sst = repeated('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1000000" uniqueCount="1000000">', unit, 1000, '</sst>');
    const has = base.some((e) => e.name === 'xl/sharedStrings.xml');
    const f = save('sst-million.xlsx', writeZip(has ? replaceEntry(base, sst) : [...base, sst]));
    exit2(runCli(['check', f]), /^文件过大：.*共享字符串数.*500,000/);
  });

  test('two zip entries of one name are corrupt, named in the message', () => {
    const dup = base.find((e) => e.name === SHEET1)!;
    const f = save('dup.xlsx', writeZip([...base, dup]));
    exit2(runCli(['check', f]), /^文件已损坏.*两个同名的部件“xl\/worksheets\/sheet1\.xml”/);
  });

  test('a missing workbook part and a relationship to nothing are corrupt, with accurate messages', () => {
    const noWb = save('no-workbook.xlsx', writeZip(base.filter((e) => e.name !== 'xl/workbook.xml')));
    exit2(runCli(['check', noWb]), /^文件已损坏.*工作簿部件“xl\/workbook\.xml”不存在/);
    const noSheet = save('no-sheet-part.xlsx', writeZip(base.filter((e) => e.name !== SHEET1)));
    exit2(runCli(['check', noSheet]), /^文件已损坏.*指向的部件“xl\/worksheets\/sheet1\.xml”不存在/);
  });
});

describe('one bad sheet does not fail the workbook', () => {
  type Doc = { findings: { rule: string; sheet: string; severity: string }[]; tables: unknown[] };
  async function checkJson(f: string): Promise<{ r: CliRun; doc: Doc }> {
    const r = runCli(['check', f, '--json']);
    expectClean(r);
    return { r, doc: JSON.parse(r.out) };
  }

  /** Exit 1 for the one error, structure.sheet_unreadable on that sheet; the clean tables read and checked as before. */
  function expectOnlyUnreadable(r: CliRun, doc: Doc, sheet: string): void {
    expect(r.code).toBe(1);
    const errors = doc.findings.filter((x) => x.severity === 'error');
    expect(errors.map((x) => `${x.rule}@${x.sheet}`)).toEqual([`structure.sheet_unreadable@${sheet}`]);
    expect(doc.tables.length).toBe(cleanWorkbook().grid.sheets.length - 1);
  }

  test('a malformed sheet among good ones: structure.sheet_unreadable on it, the others checked', async () => {
    const { grid } = cleanWorkbook();
    const wb = gridToWorkbook(grid);
    wb.addWorksheet('坏表').getCell('A1').value = 1;
    const entries = await entriesOf(Buffer.from(await wb.xlsx.writeBuffer()));
    const last = `xl/worksheets/sheet${grid.sheets.length + 1}.xml`;
    const f = save('bad-sheet.xlsx', writeZip(replaceEntry(entries, deflated(last, `${HEAD}<row r="1"><c r="A1"><v>1</v></row>${TAIL}`))));
    const { r, doc } = await checkJson(f);
    expectOnlyUnreadable(r, doc, '坏表');
  });

  test('overlapping merges: that sheet unreadable, the others checked', async () => {
    const { grid } = cleanWorkbook();
    const wb = gridToWorkbook(grid);
    wb.addWorksheet('重叠').getCell('A1').value = 1;
    const entries = await entriesOf(Buffer.from(await wb.xlsx.writeBuffer()));
    const last = `xl/worksheets/sheet${grid.sheets.length + 1}.xml`;
    const xml = `${HEAD}<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:C3"/><mergeCell ref="B2:D4"/></mergeCells></worksheet>`;
    const f = save('overlap.xlsx', writeZip(replaceEntry(entries, deflated(last, xml))));
    const { r, doc } = await checkJson(f);
    expectOnlyUnreadable(r, doc, '重叠');
  });
});
