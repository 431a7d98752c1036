// The `selfeval` command, run in process through main().

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { layoutWorkbook } from '../../src/core/template';
import { sampleGrid } from '../../src/core/sample';
import { makeSheet, setCell } from '../../src/core/grid';
import { gridToXlsx } from '../../src/node/xlsx';
import { defaultOutput } from '../../src/node/cli';
import { cleanModel, expectOneChineseLine, run, sha256, tmpDir } from './helpers';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let clean: string;
let sample: string;

beforeAll(async () => {
  clean = path.join(dir, '部门A-2025.xlsx');
  await gridToXlsx(layoutWorkbook(cleanModel()).grid, clean);
  sample = path.join(dir, 'sample.xlsx');
  await gridToXlsx(sampleGrid(), sample);
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('check', () => {
  test('a consistent workbook: summary in Chinese, exit 0', async () => {
    const r = await run('check', clean);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('文件：部门A-2025.xlsx');
    expect(r.out).toMatch(/权重方案：.*hebei-county.*取自工作簿“权重方案”/);
    expect(r.out).toContain('工作表“部门整体”');
    expect(r.out).toContain('井陉县委网信办');
    expect(r.out).toMatch(/执行率 \d+\.\d\d%/);
    expect(r.out).toMatch(/共 0 个错误、\d+ 个警告、\d+ 个提示/);
  });

  test('--json has the fields of cli.md', async () => {
    const r = await run('check', clean, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.file).toBe('部门A-2025.xlsx');
    expect(doc.profile).toBe('hebei-county');
    expect(doc.tables).toHaveLength(3);
    const dept = doc.tables[0];
    for (const k of ['sheet', 'kind', 'name', 'year', 'funds', 'executionRate', 'executionScore', 'indicators', 'statedTotal', 'computedTotal', 'statedGrade', 'computedGrade']) {
      expect(dept).toHaveProperty(k);
    }
    expect(dept).toMatchObject({ sheet: '部门整体', kind: 'department', name: '井陉县委网信办', year: 2025, statedTotal: 98, statedGrade: '优' });
    expect(dept.funds).toEqual({ initial: 154.74, adjusted: 154.74, executed: 144.06 });
    expect(dept.executionRate).toBeCloseTo(144.06 / 154.74, 3);
    // Scores as displayed (2 decimals); rates keep 4, so 93.10 % survives as 0.931.
    expect(dept.executionScore).toBe(9.31);
    expect(dept.computedTotal).toBe(98);
    expect(doc.tables.slice(1).map((t: { kind: string }) => t.kind)).toEqual(['project', 'project']);
    expect(Array.isArray(doc.findings)).toBe(true);
    expect(doc.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(false);
  });

  test('the sample with its slips: error findings on their cells, exit 1', async () => {
    const r = await run('check', sample, '--json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const rules = doc.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['funds.conflict', 'funds.unit']));
    for (const f of doc.findings) {
      expect(f).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), sheet: expect.any(String), cell: expect.stringMatching(/^[A-Z]+[0-9]+$/), message: expect.stringMatching(/[\u4e00-\u9fff]/) }));
    }
  });

  test('the readable summary groups findings by sheet with severity labels and counts them', async () => {
    const r = await run('check', sample);
    expect(r.code).toBe(1);
    const json = JSON.parse((await run('check', sample, '--json')).out);
    const n = (s: string) => json.findings.filter((f: { severity: string }) => f.severity === s).length;
    expect(r.out).toContain(`共 ${n('error')} 个错误、${n('warning')} 个警告、${n('info')} 个提示`);
    expect(r.out).toMatch(/工作表“部门整体”\n {2}\[错误\] C5 /);
    for (const f of json.findings) expect(r.out).toContain(f.message);
  });

  test('--profile overrides the workbook and is named as given on the command line', async () => {
    const r = await run('check', clean, '--profile', 'mof-2020');
    expect(r.out).toMatch(/权重方案：.*mof-2020.*命令行指定/);
    const j = JSON.parse((await run('check', clean, '--json', '--profile', 'mof-2020')).out);
    expect(j.profile).toBe('mof-2020');
    // 40/40/10 weights under a 50/30/10 profile: level-1 weight warnings.
    expect(j.findings.some((f: { rule: string }) => f.rule === 'weight.level1')).toBe(true);
  });

  test('an unknown --profile is exit 2 with one Chinese line', async () => {
    const r = await run('check', clean, '--profile', 'no-such-profile');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectOneChineseLine(r.err);
    expect(r.err).toContain('no-such-profile');
  });

  test('a workbook with no table: exit 1 and structure.no_table', async () => {
    const f = path.join(dir, 'notable.xlsx');
    await gridToXlsx({ sheets: [makeSheet('Sheet1', [['随便写的', 1, 2], ['没有表', 3, 4]])] }, f);
    const r = await run('check', f, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.tables).toEqual([]);
    expect(j.findings.map((x: { rule: string }) => x.rule)).toContain('structure.no_table');
  });

  test('the default profile when the workbook names none', async () => {
    const m = cleanModel();
    delete m.basic!.fields!['权重方案'];
    const f = path.join(dir, 'noprofile.xlsx');
    await gridToXlsx(layoutWorkbook(m).grid, f);
    const r = await run('check', f);
    expect(r.out).toMatch(/权重方案：.*mof-2020.*默认/);
  });
});

describe('unusable input: exit 2, one Chinese line on stderr, no stack trace', () => {
  const cases: [string, () => string][] = [
    ['a missing file', () => path.join(dir, 'nope.xlsx')],
    ['a directory', () => dir],
    [
      'a text file renamed .xlsx',
      () => {
        const f = path.join(dir, 'renamed.xlsx');
        fs.writeFileSync(f, '这只是一个文本文件\n');
        return f;
      },
    ],
    [
      'a corrupt (truncated) zip',
      () => {
        const f = path.join(dir, 'truncated.xlsx');
        const b = fs.readFileSync(clean);
        fs.writeFileSync(f, b.subarray(0, Math.floor(b.length * 0.6)));
        return f;
      },
    ],
    [
      'a password-protected workbook (synthetic compound file)',
      () => {
        const f = path.join(dir, 'locked.xlsx');
        const b = Buffer.alloc(4096);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
        Buffer.from('EncryptionInfo', 'utf16le').copy(b, 1024);
        fs.writeFileSync(f, b);
        return f;
      },
    ],
    ['a real password-protected workbook (encrypted with a password)', () => path.join(__dirname, 'fixtures', 'encrypted-123456.xlsx')],
    ['a real old .xls compound file', () => path.join(__dirname, 'fixtures', 'old-biff8.xls')],
    [
      'an old .xls',
      () => {
        const f = path.join(dir, 'old.xls');
        const b = Buffer.alloc(4096);
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
        fs.writeFileSync(f, b);
        return f;
      },
    ],
    [
      'an empty file',
      () => {
        const f = path.join(dir, 'empty.xlsx');
        fs.writeFileSync(f, '');
        return f;
      },
    ],
  ];

  // A folder given to check is a batch of the workbooks in it (test/node/batch.test.ts).
  test.each(cases.filter(([name]) => name !== 'a directory'))('check: %s', async (_name, make) => {
    const r = await run('check', make());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectOneChineseLine(r.err);
  });

  test.each(cases)('report: %s', async (_name, make) => {
    const file = make();
    const r = await run('report', file, '-o', path.join(dir, 'never-written.xlsx'));
    expect(r.code).toBe(2);
    expectOneChineseLine(r.err);
    expect(fs.existsSync(path.join(dir, 'never-written.xlsx'))).toBe(false);
  });

  test('the messages name what is wrong', async () => {
    expect((await run('check', path.join(dir, 'nope.xlsx'))).err).toContain('找不到文件');
    expect((await run('check', path.join(dir, 'locked.xlsx'))).err).toContain('工作簿受密码保护，请先取消密码后再检查');
    expect((await run('check', path.join(__dirname, 'fixtures', 'encrypted-123456.xlsx'))).err).toContain('工作簿受密码保护，请先取消密码后再检查');
    expect((await run('check', path.join(__dirname, 'fixtures', 'old-biff8.xls'))).err).toContain('这是旧版 .xls 文件');
    expect((await run('check', path.join(dir, 'old.xls'))).err).toContain('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再检查');
    expect((await run('check', path.join(dir, 'truncated.xlsx'))).err).toContain('文件已损坏，无法作为 .xlsx 读取');
  });

  test('usage errors are exit 2 in Chinese', async () => {
    for (const args of [['check'], ['check', clean, '--bogus'], ['frobnicate', clean], ['check', clean, '--profile'], ['report', clean, 'extra.xlsx']]) {
      const r = await run(...args);
      expect(r.code).toBe(2);
      expectOneChineseLine(r.err);
    }
  });

  test('--help is exit 0 and in Chinese', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：');
    expect(r.out).toContain('check');
    expect(r.out).toContain('report');
  });
});

describe('report', () => {
  test('default output beside the input', () => {
    expect(defaultOutput(path.join('a', 'b', '部门A.xlsx'))).toBe(path.join('a', 'b', '部门A.checked.xlsx'));
  });

  test('writes <name>.checked.xlsx by default and never touches the input', async () => {
    const input = path.join(dir, '默认输出.xlsx');
    fs.copyFileSync(sample, input);
    const before = sha256(input);
    const mtime = fs.statSync(input).mtimeMs;
    const r = await run('report', input);
    expect(r.code).toBe(1);
    const out = path.join(dir, '默认输出.checked.xlsx');
    expect(fs.existsSync(out)).toBe(true);
    expect(r.out).toContain(out);
    expect(r.out).toMatch(/共 \d+ 个错误、\d+ 个警告、\d+ 个提示/);
    expect(sha256(input)).toBe(before);
    expect(fs.statSync(input).mtimeMs).toBe(mtime);
    // No stray temporary file is left beside it.
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('refuses to write over the input', async () => {
    const input = path.join(dir, 'same.xlsx');
    fs.copyFileSync(sample, input);
    const before = sha256(input);
    for (const o of [input, path.join(dir, '.', 'same.xlsx')]) {
      const r = await run('report', input, '-o', o);
      expect(r.code).toBe(2);
      expectOneChineseLine(r.err);
    }
    expect(sha256(input)).toBe(before);
  });

  describe('nothing lost in the copy', () => {
    let input: string;
    let output: string;
    let beforeHash: string;
    let result: Awaited<ReturnType<typeof run>>;

    beforeAll(async () => {
      // The sample, plus a user's note, a formula, text that looks like a formula, an existing 自评报告.
      input = path.join(dir, 'user.xlsx');
      const grid = sampleGrid();
      const dept = grid.sheets.find((s) => s.name === '部门整体')!;
      setCell(dept, 'L1', '=不是公式');
      setCell(dept, 'L2', '+86 0311');
      setCell(dept, 'L3', '-负数样的文本');
      setCell(dept, 'L4', '@提及');
      grid.sheets.push(makeSheet('自评报告', [['用户上次改过的报告'], ['第二段']]));
      await gridToXlsx(grid, input);
      // Add a note on the cell the check marks (C5 of 部门整体) and a formula, with ExcelJS directly.
      const wb = await load(input);
      const ws = wb.getWorksheet('部门整体')!;
      ws.getCell('C5').note = '用户：此数据来自决算报表';
      ws.getCell('M1').value = { formula: 'C5*2', result: 309.48 };
      // And the other kinds of value a user's workbook holds, on a sheet of its own.
      const misc = wb.addWorksheet('杂项');
      misc.getCell('A1').value = new Date(Date.UTC(2025, 11, 31));
      misc.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
      misc.getCell('A2').value = { formula: 'ROW()*2', result: 4, shareType: 'shared', ref: 'A2:A4' } as unknown as ExcelJS.CellFormulaValue;
      misc.getCell('A3').value = { sharedFormula: 'A2', result: 6 };
      misc.getCell('A4').value = { sharedFormula: 'A2', result: 8 };
      misc.getCell('B1').value = { richText: [{ text: '加粗', font: { bold: true } }, { text: '与普通' }] };
      misc.getCell('B2').value = { text: '财政局网站', hyperlink: 'https://example.gov.cn/' };
      misc.getCell('B3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      misc.getCell('B4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      misc.getCell('C1').value = 0.9674;
      misc.getCell('C1').numFmt = '0.00%';
      misc.getCell('C2').value = false;
      misc.getCell('D1').value = '合并的';
      misc.mergeCells('D1:E3');
      misc.getColumn(6).hidden = true;
      misc.getCell('F1').value = '隐藏列';
      await wb.xlsx.writeFile(input);
      beforeHash = sha256(input);
      output = path.join(dir, 'user.out.xlsx');
      result = await run('report', input, '-o', output);
    });

    test('exit status and output', () => {
      expect(result.err).toBe('');
      expect(result.code).toBe(1);
      expect(result.out).toContain(output);
      expect(result.out).toContain('自评报告 (2)');
    });

    test("the input file's bytes are unchanged", () => {
      expect(sha256(input)).toBe(beforeHash);
    });

    test('every cell of every original sheet has its value, type and number format', async () => {
      const a = await load(input);
      const b = await load(output);
      let compared = 0;
      for (const wsA of a.worksheets) {
        const wsB = b.getWorksheet(wsA.name);
        expect(wsB).toBeDefined();
        wsA.eachRow({ includeEmpty: true }, (row, r) =>
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            const other = wsB!.getCell(r, c);
            expect({ at: `${wsA.name}!${cell.address}`, v: other.value }).toEqual({ at: `${wsA.name}!${cell.address}`, v: cell.value });
            expect(other.type).toBe(cell.type);
            expect(other.numFmt).toBe(cell.numFmt);
            compared++;
          }),
        );
      }
      expect(compared).toBeGreaterThan(200);
      // The original sheets come first, in their order; the new report is last.
      expect(b.worksheets.map((w) => w.name)).toEqual([...a.worksheets.map((w) => w.name), '自评报告 (2)']);
    });

    test('the findings are marked on their cells', async () => {
      const b = await load(output);
      const json = JSON.parse((await run('check', input, '--json')).out);
      expect(json.findings.length).toBeGreaterThan(0);
      for (const f of json.findings) {
        const cell = b.getWorksheet(f.sheet)!.getCell(f.cell);
        const master = cell.isMerged ? cell.master : cell;
        expect(String(master.note)).toContain(f.message);
        expect((master.fill as ExcelJS.FillPattern).pattern).toBe('solid');
      }
    });

    test("the user's note is kept, with ours after it", async () => {
      const b = await load(output);
      const note = String(b.getWorksheet('部门整体')!.getCell('C5').note);
      expect(note.startsWith('用户：此数据来自决算报表\n\n')).toBe(true);
      expect(note).toContain('年度资金总额');
    });

    test('the old 自评报告 is untouched; the new one is 自评报告 (2), with no formula in it', async () => {
      const b = await load(output);
      const old = b.getWorksheet('自评报告')!;
      expect(old.getCell('A1').value).toBe('用户上次改过的报告');
      expect(old.getCell('A2').value).toBe('第二段');
      expect(old.actualRowCount).toBe(2);
      const rep = b.getWorksheet('自评报告 (2)')!;
      expect(rep.actualRowCount).toBeGreaterThan(10);
      rep.eachRow((row) =>
        row.eachCell((cell) => {
          // Text, numbers, and the covered cells of merged areas: never a formula.
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Merge]).toContain(cell.type);
        }),
      );
      expect(rep.pageSetup.paperSize).toBe(9);
    });

    test('text beginning with = + - @ stays a string', async () => {
      const b = await load(output);
      const ws = b.getWorksheet('部门整体')!;
      for (const [addr, text] of [
        ['L1', '=不是公式'],
        ['L2', '+86 0311'],
        ['L3', '-负数样的文本'],
        ['L4', '@提及'],
      ]) {
        expect(ws.getCell(addr).type).toBe(ExcelJS.ValueType.String);
        expect(ws.getCell(addr).value).toBe(text);
      }
      expect(ws.getCell('M1').value).toEqual({ formula: 'C5*2', result: 309.48 });
    });
  });

  test('a clean workbook: exit 0 and a report sheet named 自评报告', async () => {
    const out = path.join(dir, 'clean.out.xlsx');
    const r = await run('report', clean, '-o', out);
    expect(r.code).toBe(0);
    const b = await load(out);
    expect(b.worksheets[b.worksheets.length - 1].name).toBe('自评报告');
  });

  test('an output folder that does not exist is made', async () => {
    const out = path.join(dir, 'new', 'folder', 'x.xlsx');
    const r = await run('report', clean, '-o', out);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  test('an output path that is a folder, or under a file, is exit 2', async () => {
    for (const o of [dir, path.join(clean, 'x.xlsx')]) {
      const r = await run('report', clean, '-o', o);
      expect(r.code).toBe(2);
      expectOneChineseLine(r.err);
    }
  });
});
