// `selfeval verify REPORT WORKBOOK`: the seed against assets/sample.xlsx, the JSON, a clean
// report, and the reports that cannot be used (exit 2, one Chinese line).

import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { evaluate } from '../../src/core/engine';
import { layoutWorkbook } from '../../src/core/template';
import { gridToXlsx } from '../../src/node/xlsx';
import { docxOfReport, SEED_FILE } from '../core/verify/helpers';
import { cleanModel, expectOneChineseLine, run, tmpDir } from './helpers';

const SAMPLE = path.join(__dirname, '../../assets/sample.xlsx');

describe('selfeval verify', () => {
  test('the seed against the sample: exit 1, each finding under its quoted sentence', async () => {
    const r = await run('verify', SEED_FILE, SAMPLE);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('第10段（第11行）');
    expect(r.out).toContain('「2025年度年初预算收入158.5万元，预算支出158.5元」');
    expect(r.out).toMatch(/\[错误\] 158\.5元的单位可能写错.*（text\.unit，基本情况!B11）/);
    expect(r.out).toContain('text.conflict');
    expect(r.out).toContain('「（2） 部门收支预决算情况」');
    expect(r.out).toMatch(/共 2 个错误、3 个警告、\d+ 个提示/);
  });

  test('--json: the findings with paragraph, quote, origin and cell', async () => {
    const r = await run('verify', SEED_FILE, SAMPLE, '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.report).toBe(path.basename(SEED_FILE));
    expect(j.workbook).toBe('sample.xlsx');
    expect(j.profile).toBe('hebei-county');
    const unit = j.findings.find((f: { rule: string }) => f.rule === 'text.unit');
    expect(unit).toMatchObject({ severity: 'error', sheet: '基本情况', cell: 'B11', paragraph: 10, origin: { kind: 'line', line: 11 } });
    expect(unit.quote).toContain('158.5元');
  });

  test('the report selfeval writes for a clean workbook, as .docx: exit 0', async () => {
    const dir = tmpDir();
    const book = path.join(dir, 'clean.xlsx');
    const grid = layoutWorkbook(cleanModel()).grid;
    await gridToXlsx(grid, book);
    const docx = path.join(dir, '自评报告.docx');
    fs.writeFileSync(docx, await docxOfReport(evaluate(grid).report));
    const r = await run('verify', docx, book);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/共 0 个错误、0 个警告/);
    expect(r.code).toBe(0);
  });

  describe('a report that cannot be used: exit 2, one Chinese line', () => {
    const dir = tmpDir();
    const cases: [string, () => Promise<string>, string][] = [
      ['corrupt', async () => {
        const zip = new JSZip();
        zip.file('word/document.xml', '<w:document/>'.repeat(200));
        const bytes = await zip.generateAsync({ type: 'uint8array' });
        const f = path.join(dir, 'corrupt.docx');
        fs.writeFileSync(f, bytes.slice(0, bytes.length - 30));
        return f;
      }, '损坏'],
      ['encrypted', async () => {
        const f = path.join(dir, 'encrypted.docx');
        fs.copyFileSync(path.join(__dirname, 'fixtures', 'encrypted-123456.xlsx'), f);
        return f;
      }, '密码'],
      ['not a docx', async () => {
        const f = path.join(dir, 'text.docx');
        fs.writeFileSync(f, '只是一段文字');
        return f;
      }, '不是 Word 文档'],
      ['an xlsx named .docx', async () => {
        const f = path.join(dir, 'book.docx');
        fs.copyFileSync(SAMPLE, f);
        return f;
      }, '不是 Word 文档'],
      ['missing', async () => path.join(dir, 'none.docx'), '找不到报告文件'],
      ['a pdf', async () => {
        const f = path.join(dir, 'r.pdf');
        fs.writeFileSync(f, '%PDF-1.4');
        return f;
      }, '.docx'],
    ];
    test.each(cases)('%s', async (_name, make, words) => {
      const r = await run('verify', await make(), SAMPLE);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expectOneChineseLine(r.err);
      expect(r.err).toContain(words);
    });
    test('a workbook that cannot be used: exit 2', async () => {
      const r = await run('verify', SEED_FILE, path.join(dir, 'none.xlsx'));
      expect(r.code).toBe(2);
      expectOneChineseLine(r.err);
    });
  });
});
