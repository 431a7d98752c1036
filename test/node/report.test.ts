// `selfeval report` end to end: the xlsx copy read back with ExcelJS (the report sheet's
// tables are bordered cells with typed numbers) and the .docx read back as XML (GB/T 9704
// page, fonts, headings, real tables, page numbers); outputs never overwritten.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { gridToXlsx } from '../../src/node/xlsx';
import { layoutWorkbook } from '../../src/core/template';
import { sampleGrid, sampleModel } from '../../src/core/sample';
import { DOCX_FONTS, DOCX_GRID } from '../../src/core/report/docx';
import { expectOneChineseLine, run, sha256, tmpDir } from './helpers';

let dir: string;
let sample: string;

beforeAll(async () => {
  dir = tmpDir('selfeval-report-');
  sample = path.join(dir, 'sample.xlsx');
  await gridToXlsx(sampleGrid(), sample);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function copyOfSample(name: string): string {
  const f = path.join(dir, name);
  fs.copyFileSync(sample, f);
  return f;
}

async function docxXml(file: string, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const f = zip.file(part);
  if (!f) throw new Error(`no ${part}`);
  return f.async('string');
}

/** The text of each w:p, in order. */
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('the report sheet of the copy, read back with ExcelJS', () => {
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const input = copyOfSample('sheet.xlsx');
    const r = await run('report', input);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'sheet.checked.xlsx'));
    ws = wb.getWorksheet('自评报告')!;
  });

  const rowValues = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(r, c).value);
  const findRow = (v: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === v) return r;
    throw new Error(`no row ${v}`);
  };

  test('no ｜-joined row anywhere; the title merged over the print width', () => {
    ws.eachRow((row) => row.eachCell((c) => expect(String(c.value ?? '')).not.toContain('｜')));
    expect(ws.getCell('A1').value).toBe('井陉县委网信办2025年度整体支出绩效自评报告');
    expect(ws.getCell('F1').isMerged).toBe(true);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
  });

  test('the indicator and team tables are cells, bordered', () => {
    const head = findRow('二级指标');
    expect(rowValues(head)).toEqual(['二级指标', '三级指标', '指标值', '完成值', '分值', '得分']);
    const team = findRow('姓名');
    expect(rowValues(team)).toEqual(['姓名', '工作单位', '职务', '职称', '签字', '备注']);
    expect(ws.getCell(team + 1, 1).value).toBe('陈志军');
    for (const c of [1, 5, 6]) {
      const b = ws.getCell(team + 1, c).border;
      for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(b?.[side]?.style).toBe('thin');
    }
  });

  test('numbers are typed, with 万元 and percent formats', () => {
    const p = findRow('2025年网络舆情监测等工作经费');
    expect(ws.getCell(p, 2).value).toBe(25);
    expect(ws.getCell(p, 2).numFmt).toBe('0.00');
    expect(typeof ws.getCell(p, 4).value).toBe('number');
    expect(ws.getCell(p, 4).numFmt).toBe('0.00%');
    expect(ws.getCell(p, 5).value).toBe(98.89);
    const head = findRow('二级指标');
    expect(typeof ws.getCell(head + 1, 5).value).toBe('number');
  });
});

describe('the Word document', () => {
  let xml: string;
  let paras: string[];
  let file: string;

  beforeAll(async () => {
    const input = copyOfSample('word.xlsx');
    const r = await run('report', input, '--docx-only');
    expect(r.code).toBe(1);
    file = path.join(dir, 'word.自评报告.docx');
    expect(r.out).toContain(file);
    expect(fs.existsSync(path.join(dir, 'word.checked.xlsx'))).toBe(false);
    xml = await docxXml(file);
    paras = paragraphsOf(xml);
  });

  test('the six section headings, in 黑体', () => {
    const heads = ['一、部门基本情况', '二、自评工作开展情况', '三、部门整体支出绩效目标实现情况及指标分析', '四、评价结论和评价等级', '五、存在的问题及改进措施', '六、评价工作组人员名单'];
    let at = -1;
    for (const h of heads) {
      const i = paras.indexOf(h);
      expect(i).toBeGreaterThan(at);
      at = i;
    }
    const p = xml.match(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*一、部门基本情况(?:(?!<\/w:p>)[\s\S])*<\/w:p>/)![0];
    expect(p).toContain(`w:eastAsia="${DOCX_FONTS.heading1.name}"`);
  });

  test('title in 方正小标宋简体 2号, （一） in 楷体_GB2312, body in 仿宋_GB2312 3号', () => {
    const para = (t: string) => xml.match(new RegExp(`<w:p[ >](?:(?!</w:p>)[\\s\\S])*${t}(?:(?!</w:p>)[\\s\\S])*</w:p>`))![0];
    const title = para('井陉县委网信办2025年度整体支出绩效自评报告');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(para('（一）部门概况')).toContain('w:eastAsia="楷体_GB2312"');
    const body = para('现将自评情况报告如下');
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
  });

  test('fallback fonts in the font table', async () => {
    const fonts = await docxXml(file, 'word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
  });

  test('A4 with the GB/T 9704 margins and a 22 × 28 grid', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = xml.match(/<w:pgMar [^>]*>/)![0];
    const tw = (mm: number) => String(Math.round((mm * 1440) / 25.4));
    expect(mar).toContain(`w:top="${tw(37)}"`);
    expect(mar).toContain(`w:bottom="${tw(35)}"`);
    expect(mar).toContain(`w:left="${tw(28)}"`);
    expect(mar).toContain(`w:right="${tw(26)}"`);
    expect(xml).toMatch(new RegExp(`<w:docGrid [^>]*w:type="linesAndChars"`));
    expect(xml).toContain(`w:linePitch="${DOCX_GRID.linePitch}"`);
    expect(xml).toContain(`w:charSpace="${DOCX_GRID.charSpace}"`);
  });

  test('real tables: indicators, projects and the team with a 签字 column', () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => paragraphsOf(m[0]));
    expect(tables.some((t) => t.slice(0, 6).join('|') === '二级指标|三级指标|指标值|完成值|分值|得分')).toBe(true);
    const projects = tables.find((t) => t[0] === '项目名称')!;
    expect(projects).toContain('资金情况（万元）');
    expect(projects).toContain('2025年网络舆情监测等工作经费');
    expect(projects).toContain('98.89');
    const team = tables.find((t) => t[0] === '姓名')!;
    expect(team.slice(0, 6)).toEqual(['姓名', '工作单位', '职务', '职称', '签字', '备注']);
    expect(team).toContain('陈志军');
    expect(xml).toMatch(/<w:tblBorders>[\s\S]*?<w:insideH w:val="single"/);
    expect(xml).toContain('w:gridSpan w:val="2"');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
  });

  test('page numbers “— 1 —” in 4号 in the footers; the notice boxed on page one', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(footers.length).toBeGreaterThanOrEqual(1);
    for (const f of footers) {
      expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —<\/w:t>/);
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    const notice = paras.findIndex((p) => p.startsWith('【注意】'));
    expect(notice).toBe(1);
    const p = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)][1][0];
    expect(p).toMatch(/<w:pBdr><w:top w:val="single"/);
  });

  test('formula-looking text is plain text', () => {
    expect(xml).not.toContain('<w:fldSimple');
    expect(xml).not.toContain('<w:instrText>=');
  });
});

describe('never overwrite', () => {
  test('report twice leaves two outputs, the first untouched; --force replaces', async () => {
    const input = copyOfSample('twice.xlsx');
    const out = path.join(dir, 'twice.checked.xlsx');
    await run('report', input, '--docx');
    const first = sha256(out);
    const firstDocx = sha256(path.join(dir, 'twice.自评报告.docx'));
    const r = await run('report', input, '--docx');
    expect(r.out).toContain('twice.checked (2).xlsx');
    expect(fs.existsSync(path.join(dir, 'twice.checked (2).xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'twice.自评报告 (2).docx'))).toBe(true);
    expect(sha256(out)).toBe(first);
    expect(sha256(path.join(dir, 'twice.自评报告.docx'))).toBe(firstDocx);
    fs.writeFileSync(out, 'edited by the officer');
    await run('report', input, '--force');
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(fs.existsSync(path.join(dir, 'twice.checked (3).xlsx'))).toBe(false);
  });

  test('an output extension that does not match is exit 2, and nothing is written', async () => {
    const input = copyOfSample('ext.xlsx');
    for (const args of [['-o', path.join(dir, 'r.docx')], ['--docx', path.join(dir, 'r.xlsx')], ['--docx-only', '-o', path.join(dir, 'r2.xlsx')]]) {
      const r = await run('report', input, ...args);
      expect(r.code).toBe(2);
      expectOneChineseLine(r.err);
    }
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'r.xlsx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'ext.checked.xlsx'))).toBe(false);
  });
});

describe('a project-only workbook', () => {
  test('gets a 项目支出 report in Word', async () => {
    const m = sampleModel();
    m.tables = m.tables.filter((t) => t.kind === 'project');
    const input = path.join(dir, 'projects.xlsx');
    await gridToXlsx(layoutWorkbook(m).grid, input);
    const out = path.join(dir, 'projects.docx');
    await run('report', input, '--docx-only', '-o', out);
    const paras = paragraphsOf(await docxXml(out));
    expect(paras[0]).toBe('井陉县委网信办2025年度项目支出绩效自评报告');
    expect(paras).toContain('一、项目基本情况');
  });
});

describe('selfeval basic', () => {
  test('adds a 基本情况 sheet to a copy of a workbook without one; refuses a workbook that has one', async () => {
    const m = sampleModel();
    delete m.basic;
    const input = path.join(dir, 'nobasic.xlsx');
    await gridToXlsx(layoutWorkbook(m).grid, input);
    const before = sha256(input);
    const r = await run('basic', input);
    expect(r.code).toBe(0);
    const out = path.join(dir, 'nobasic.基本情况.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('基本情况')!;
    expect(ws.getCell('A3').value).toBe('部门名称');
    expect(ws.getCell('B3').value).toBe('井陉县委网信办');
    expect(ws.getCell('B3').border?.top?.style).toBe('thin');
    expect(sha256(input)).toBe(before);
    // the copy now has its 基本情况: a second run refuses, and writes nothing
    const again = await run('basic', out, '-o', path.join(dir, 'again.xlsx'));
    expect(again.code).toBe(2);
    expectOneChineseLine(again.err);
    expect(fs.existsSync(path.join(dir, 'again.xlsx'))).toBe(false);
    // and the report of the copy reads it
    const rep = await run('report', out, '--docx-only', '-o', path.join(dir, 'nobasic.docx'));
    expect(rep.code).toBeLessThan(2);
  });
});
