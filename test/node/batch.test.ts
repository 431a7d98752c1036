// `selfeval check` on a folder of many workbooks: discovery, per-file results equal to the
// single-file check, exit status, JSON Lines, progress bar, and the review workbook read back.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { layoutWorkbook } from '../../src/core/template';
import type { WorkbookModel } from '../../src/core/template';
import { sampleGrid } from '../../src/core/sample';
import { gridToXlsx } from '../../src/node/xlsx';
import { makeSheet } from '../../src/core/grid';
import { main } from '../../src/node/cli';
import { discoverFiles } from '../../src/node/batch/discover';
import { createProgress, fitWidth, type ProgressStream } from '../../src/node/batch/progress';
import { opinionText } from '../../src/node/batch/wording';
import { cleanModel, run, tmpDir } from './helpers';

const dir = tmpDir('selfeval-batch-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const folder = path.join(dir, '收件');
const GOOD = 47;
/** Which of the good workbooks carry the sample's slips (error findings). */
const WITH_SLIPS = new Set([3, 17, 30]);
/** Which have a project whose stated grade is not the recomputed one. */
const WRONG_GRADE = new Set([5, 40]);
const BIDI = '\u202e';

function departmentModel(i: number): WorkbookModel {
  const m = cleanModel();
  const name = i === 9 ? `第${i}局${BIDI}反向` : `示例县第${i}局`;
  if (m.basic) m.basic.department = name;
  for (const t of m.tables) {
    if (t.kind === 'department') t.name = name;
    else {
      t.competentDept = name;
      t.implementer = name;
    }
  }
  if (WRONG_GRADE.has(i)) {
    const p = m.tables.find((t) => t.kind === 'project');
    if (p) p.grade = '差';
  }
  return m;
}

function good(i: number): string {
  // A few in a subfolder: the scan is recursive.
  const sub = i % 10 === 0 ? path.join(folder, '乡镇') : folder;
  return path.join(sub, `部门${String(i).padStart(2, '0')}.xlsx`);
}

beforeAll(async () => {
  fs.mkdirSync(path.join(folder, '乡镇'), { recursive: true });
  for (let i = 1; i <= GOOD; i++) {
    const grid = WITH_SLIPS.has(i) ? sampleGrid() : layoutWorkbook(departmentModel(i)).grid;
    await gridToXlsx(grid, good(i));
  }
  const bytes = fs.readFileSync(good(1));
  // The three bad ones: corrupt, password-protected, an .xls renamed .xlsx.
  fs.writeFileSync(path.join(folder, '坏-损坏.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  fs.copyFileSync(path.join(__dirname, 'fixtures', 'encrypted-123456.xlsx'), path.join(folder, '坏-加密.xlsx'));
  fs.copyFileSync(path.join(__dirname, 'fixtures', 'old-biff8.xls'), path.join(folder, '坏-旧版.xlsx'));
  // Never taken: Excel's lock file, hidden files and folders, other files.
  fs.writeFileSync(path.join(folder, '~$部门01.xlsx'), 'lock');
  fs.writeFileSync(path.join(folder, '.隐藏.xlsx'), 'hidden');
  fs.mkdirSync(path.join(folder, '.git'));
  fs.copyFileSync(good(1), path.join(folder, '.git', '部门99.xlsx'));
  fs.writeFileSync(path.join(folder, '说明.txt'), 'not a workbook');
}, 60000);

interface Doc {
  file: string;
  path: string;
  error?: string;
  tables?: { statedGrade: string | null; computedGrade: string | null }[];
  findings?: { severity: string }[];
}

function jsonLines(out: string): Doc[] {
  const lines = out.split('\n').filter((l) => l !== '');
  return lines.map((l) => JSON.parse(l) as Doc);
}

describe('discovery', () => {
  test('recursive, .xlsx and .xlsm, lock files, hidden files and checked copies skipped, stable order', () => {
    const d = path.join(dir, 'disc');
    fs.mkdirSync(path.join(d, 'b'), { recursive: true });
    fs.mkdirSync(path.join(d, 'a'), { recursive: true });
    for (const f of ['z.xlsx', 'a.XLSX', 'm.xlsm', '~$z.xlsx', '.h.xlsx', 'x.xls', 'z.checked.xlsx', 'b/2.xlsx', 'b/1.xlsx', 'a/q.xlsx']) fs.writeFileSync(path.join(d, f), '');
    const found = discoverFiles([d]).files.map((f) => f.label);
    expect(found).toEqual(['a.XLSX', 'm.xlsm', 'z.xlsx', 'a/q.xlsx', 'b/1.xlsx', 'b/2.xlsx']);
    // The same order again, and a file named explicitly is taken as named (once).
    expect(discoverFiles([d]).files.map((f) => f.label)).toEqual(found);
    const both = discoverFiles([path.join(d, 'x.xls'), d, path.join(d, 'z.xlsx')]).files.map((f) => f.label);
    expect(both).toEqual([path.join(d, 'x.xls'), ...found]);
    // The summary being written, and its numbered variants from earlier runs, are never read back.
    fs.writeFileSync(path.join(d, '复核汇总.xlsx'), '');
    fs.writeFileSync(path.join(d, '复核汇总 (2).xlsx'), '');
    fs.writeFileSync(path.join(d, '复核汇总 (2) 意见.xlsx'), '');
    expect(discoverFiles([d], [path.join(d, '复核汇总.xlsx')]).files.map((f) => f.label)).toEqual(['a.XLSX', 'm.xlsm', 'z.xlsx', '复核汇总 (2) 意见.xlsx', 'a/q.xlsx', 'b/1.xlsx', 'b/2.xlsx']);
  });
});

describe('a folder of 50 workbooks, 3 of them bad', () => {
  let jsonRun: { code: number; out: string; err: string };
  let docs: Doc[];

  beforeAll(async () => {
    jsonRun = await run('check', folder, '--json');
    docs = jsonLines(jsonRun.out);
  }, 60000);

  test('JSON Lines: one document per file, exit 2 (some file unusable)', () => {
    expect(jsonRun.code).toBe(2);
    expect(jsonRun.err).toBe('');
    expect(docs).toHaveLength(50);
    const bad = docs.filter((d) => d.error !== undefined);
    expect(bad.map((d) => d.file).sort()).toEqual(['坏-加密.xlsx', '坏-损坏.xlsx', '坏-旧版.xlsx']);
    const reasons = Object.fromEntries(bad.map((d) => [d.file, d.error]));
    expect(reasons['坏-加密.xlsx']).toContain('密码保护');
    expect(reasons['坏-损坏.xlsx']).toContain('损坏');
    expect(reasons['坏-旧版.xlsx']).toContain('旧版 .xls');
    for (const d of bad) expect(d).not.toHaveProperty('tables');
  });

  test('each per-file document equals `check --json` of that file alone', async () => {
    const usable = docs.filter((d) => d.error === undefined);
    expect(usable).toHaveLength(GOOD);
    for (const d of usable) {
      const alone = await run('check', d.path, '--json');
      const { path: p, ...rest } = d;
      expect(path.resolve(p).startsWith(path.resolve(folder))).toBe(true);
      expect(rest).toEqual(JSON.parse(alone.out));
      expect(alone.code).toBe(d.findings!.some((f) => f.severity === 'error') ? 1 : 0);
    }
  }, 120000);

  test('readable: one line per file, then the totals', async () => {
    const r = await run('check', folder);
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines.find((l) => l.startsWith('部门01.xlsx'))).toMatch(/^部门01\.xlsx  示例县第1局：3 张表；总分 填报 98，重算 98；等级 填报 优，重算 优；0 个错误、\d+ 个警告$/);
    expect(lines.find((l) => l.startsWith('坏-加密.xlsx'))).toContain('无法读取：工作簿受密码保护');
    expect(lines.find((l) => l.startsWith('乡镇/部门10.xlsx'))).toContain('示例县第10局');
    // The 3 with the sample's slips and the 2 with a wrong grade have errors.
    expect(lines[50]).toMatch(/^共 50 个文件：47 个已检查（141 张表，其中 5 个文件有错误），3 个无法读取；共 \d+ 个错误/);
    // Workbook text is shown inert: the bidi override is an escape, not a reordering.
    const nine = lines.find((l) => l.startsWith('部门09.xlsx'))!;
    expect(nine).toContain('第9局\\u202E反向');
    expect(r.out).not.toContain(BIDI);
  }, 60000);
});

describe('exit status', () => {
  test('0 when no file has an error, 1 when one has, 2 when one is unusable (and the rest still checked)', async () => {
    const a = good(1);
    const b = good(2);
    const slips = good(3);
    expect((await run('check', a, b, '--quiet')).code).toBe(0);
    expect((await run('check', a, slips)).code).toBe(1);
    const r = await run('check', a, path.join(dir, '不存在.xlsx'), slips);
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('无法读取：找不到文件');
    expect(lines[2]).toMatch(/^.*部门03\.xlsx  .*[1-9]\d* 个错误/);
  });

  test('usage: nothing found, an unknown profile, a summary that is no .xlsx: exit 2, one line, nothing checked', async () => {
    const empty = path.join(dir, '空文件夹');
    fs.mkdirSync(empty);
    for (const args of [['check', empty], ['check', folder, '--profile', 'nope'], ['check', folder, '--summary', path.join(dir, 'x.csv')]]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(row);
  });
  return out;
}

describe('the review workbook', () => {
  const out = path.join(dir, '复核汇总.xlsx');
  let wb: ExcelJS.Workbook;
  let docs: Doc[];

  beforeAll(async () => {
    const r = await run('check', folder, '--json', '--summary', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`已写出复核汇总：${out}\n`);
    docs = jsonLines(r.out);
    wb = await readBack(out);
  }, 60000);

  test('four sheets, each with a bold frozen header and a filter over it', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题明细', '复核意见', '无法读取']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      const width = ws.getRow(1).cellCount;
      const filter = ws.autoFilter as unknown as string;
      expect(filter).toBe(`A1:${String.fromCharCode(64 + width)}1`);
    }
  });

  test('汇总: a row per table of the 47 usable files, numbers typed and formatted, wrong grades marked', () => {
    const ws = wb.getWorksheet('汇总')!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(['文件', '工作表', '部门', '项目', '年度', '全年预算数（万元）', '全年执行数（万元）', '执行率（填报）', '执行率（重算）', '总分（填报）', '总分（重算）', '等级（填报）', '等级（重算）', '错误', '警告', '复核标记']);
    const rows = rowsOf(ws);
    const usable = docs.filter((d) => !d.error);
    expect(rows).toHaveLength(usable.reduce((n, d) => n + d.tables!.length, 0));
    expect(new Set(rows.map((r) => r.getCell(1).value)).size).toBe(GOOD);
    const first = rows[0];
    expect(first.getCell(1).value).toBe('部门01.xlsx');
    expect(first.getCell(3).value).toBe('示例县第1局');
    expect(first.getCell(5).value).toBe(2025);
    expect(first.getCell(6).value).toBe(154.74);
    expect(first.getCell(6).numFmt).toBe('#,##0.00');
    expect(first.getCell(7).value).toBe(144.06);
    expect(typeof first.getCell(8).value).toBe('number');
    expect(first.getCell(9).numFmt).toBe('0.00%');
    expect(first.getCell(9).value as number).toBeCloseTo(144.06 / 154.74, 3);
    expect(first.getCell(11).value).toBe(98);
    expect(first.getCell(11).numFmt).toBe('0.00');
    expect(first.getCell(14).value).toBe(0);
    const project = rows[1];
    expect(project.getCell(3).value).toBe('示例县第1局');
    expect(typeof project.getCell(4).value).toBe('string');
    const marked = rows.filter((r) => r.getCell(16).value === '重算等级与填报不一致');
    const wrong = usable.flatMap((d) => d.tables!.filter((t) => t.statedGrade !== t.computedGrade));
    expect(marked.length).toBe(wrong.length);
    expect(marked.map((r) => r.getCell(1).value)).toEqual(expect.arrayContaining(['部门05.xlsx', '乡镇/部门40.xlsx']));
    for (const r of marked) expect((r.getCell(1).fill as ExcelJS.FillPattern).pattern).toBe('solid');
    expect(rows.filter((r) => r.getCell(16).value !== '重算等级与填报不一致').every((r) => !r.getCell(1).fill || (r.getCell(1).fill as ExcelJS.FillPattern).pattern !== 'solid')).toBe(true);
  });

  test('问题明细: every finding; 复核意见: one per department; 无法读取: the 3 bad files', () => {
    const det = rowsOf(wb.getWorksheet('问题明细')!);
    const findings = docs.reduce((n, d) => n + (d.findings?.length ?? 0), 0);
    expect(det).toHaveLength(findings);
    for (const r of det) {
      expect(r.getCell(3).value).toMatch(/^[A-Z]+\d+$/);
      expect(['错误', '警告', '提示']).toContain(r.getCell(5).value);
    }
    const opi = rowsOf(wb.getWorksheet('复核意见')!);
    expect(opi).toHaveLength(GOOD);
    const three = opi.find((r) => r.getCell(1).value === '部门03.xlsx')!;
    expect(three.getCell(8).value).toMatch(/^井陉县委网信办：经复核.*复核发现问题\d+个（错误[1-9]/);
    const bad = rowsOf(wb.getWorksheet('无法读取')!);
    expect(bad.map((r) => r.getCell(1).value)).toEqual(['坏-加密.xlsx', '坏-损坏.xlsx', '坏-旧版.xlsx']);
    for (const r of bad) expect(r.getCell(2).value).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a usable workbook with no table still has its row, marked, and its opinion', async () => {
    const none = path.join(dir, '无表.xlsx');
    await gridToXlsx({ sheets: [makeSheet('说明', [['本工作簿只有说明文字']])] }, none);
    const file = path.join(dir, '无表汇总.xlsx');
    const r = await run('check', none, good(1), '--summary', file);
    expect(r.out).toContain('无表.xlsx  （未写明部门）：未找到绩效自评表');
    const back = await readBack(file);
    const rows = rowsOf(back.getWorksheet('汇总')!);
    expect(rows[0].getCell(1).value).toBe(none);
    expect(rows[0].getCell(16).value).toBe('未找到绩效自评表');
    expect(rows).toHaveLength(4);
    const opi = rowsOf(back.getWorksheet('复核意见')!);
    expect(opi[0].getCell(8).value).toMatch(/^该单位：报送的工作簿中未找到/);
  });

  test('never overwritten: the next free name, unless --force', async () => {
    const few = [good(1), good(2)];
    const again = await run('check', ...few, '--summary', out, '--quiet');
    const second = path.join(dir, '复核汇总 (2).xlsx');
    expect(again.out).toContain(`已写出复核汇总：${second}`);
    expect(rowsOf((await readBack(out)).getWorksheet('汇总')!).length).toBeGreaterThan(6);
    const forced = await run('check', ...few, '--summary', out, '--force');
    expect(forced.out).toContain(`已写出复核汇总：${out}\n`);
    expect(rowsOf((await readBack(out)).getWorksheet('汇总')!)).toHaveLength(6);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30000);
});

// ---------------------------------------------------------------------------

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  const s = {
    isTTY,
    columns: 60,
    text: '',
    write(x: string) {
      s.text += x;
      return true;
    },
  };
  return s;
}

describe('progress bar', () => {
  test('on a terminal: files done of how many, the current file, the time left; cleared at the end', () => {
    const tty = fakeStream(true);
    let t = 0;
    const p = createProgress(tty, 4, { now: () => t });
    p.start('部门01.xlsx');
    expect(tty.text).toContain('0/4');
    expect(tty.text).toContain('部门01.xlsx');
    expect(tty.text).toContain('剩余时间估算中');
    t = 2000;
    p.done();
    expect(tty.text).toContain('1/4');
    expect(tty.text).toContain('剩余约 0:06');
    p.start('部门02.xlsx');
    t = 4000;
    p.done();
    expect(tty.text).toContain('2/4');
    expect(tty.text).toContain('剩余约 0:04');
    p.clear();
    expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
    // Every drawn line fits the terminal's width.
    for (const line of tty.text.split('\r\x1b[K')) expect(line.length).toBeLessThanOrEqual(59);
  });

  test('none when not a terminal, or quiet', () => {
    for (const [s, quiet] of [
      [fakeStream(false), false],
      [fakeStream(true), true],
    ] as const) {
      const p = createProgress(s, 3, { quiet });
      p.start('a.xlsx');
      p.done();
      p.clear();
      expect(s.text).toBe('');
    }
  });

  test('a long name is cut to the width, CJK counted double', () => {
    expect(fitWidth('部门'.repeat(20), 11)).toBe('部门部门部…');
    expect(fitWidth('short', 11)).toBe('short');
  });

  test('through the command: drawn on a terminal stderr, stdout lines untouched; nothing with --quiet', async () => {
    const files = [good(1), good(2), good(4)];
    for (const quiet of [false, true]) {
      const tty = fakeStream(true);
      let out = '';
      const code = await main(['node', 'selfeval', 'check', ...files, ...(quiet ? ['--quiet'] : [])], {
        stdout: (s) => (out += s),
        stderr: (s) => tty.write(s),
        stderrStream: tty,
      });
      expect(code).toBe(0);
      expect(out).not.toContain('\r');
      expect(out.trimEnd().split('\n')).toHaveLength(4);
      if (quiet) expect(tty.text).toBe('');
      else {
        expect(tty.text).toContain('3/3');
        expect(tty.text).toContain('部门02.xlsx');
        expect(tty.text.endsWith('\r\x1b[K')).toBe(true);
      }
    }
  });
});

describe('the draft opinion', () => {
  test('stated and recomputed score and grade, the number of problems, the main ones', () => {
    const text = opinionText({
      department: '某局',
      year: 2025,
      statedTotal: 95,
      computedTotal: 88.5,
      statedGrade: '优',
      computedGrade: '良',
      tables: 2,
      gradeDiffers: [],
      counts: { error: 2, warning: 1, info: 0 },
      main: [
        { where: '“部门整体”H17', message: '得分与重算不符', severity: 'error' },
        { where: '“部门整体”H20', message: '总分不符', severity: 'error' },
      ],
    });
    expect(text).toBe(
      '某局：经复核，你单位2025年度绩效自评（共2张自评表）填报总分95分、等级“优”，按评分规则重算为88.5分、等级“良”，等级与填报不一致。' +
        '复核发现问题3个（错误2个、警告1个、提示0个），主要有：1. “部门整体”H17：得分与重算不符；2. “部门整体”H20：总分不符。请逐项核实更正后重新报送。',
    );
  });

  test('nothing stated, no problem; no table at all', () => {
    const base = { department: '某局', year: null, statedTotal: null, computedTotal: 90, statedGrade: null, computedGrade: '优', tables: 1, gradeDiffers: [], counts: { error: 0, warning: 0, info: 0 }, main: [] };
    expect(opinionText(base)).toBe('某局：经复核，你单位绩效自评（共1张自评表）未填报总分、未填报等级，按评分规则重算为90分、等级“优”。复核未发现问题，自评结果予以认可。');
    expect(opinionText({ ...base, department: null, tables: 0 })).toMatch(/^该单位：报送的工作簿中未找到.*请按规定格式重新报送。$/);
  });
});
