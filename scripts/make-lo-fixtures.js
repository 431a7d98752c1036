#!/usr/bin/env node
'use strict';
// Builds the LibreOffice fixtures of the fast read path's equivalence test: a few small
// workbooks written by ExcelJS (the sample, the hardening workbook, two real published tables,
// one with values of every kind), each converted by LibreOffice Calc, a second producer of
// the XML, into test/fixtures/libreoffice/. Run once after `npm run build:cli`, with
// LibreOffice installed (Debian: apt-get install libreoffice-calc-nogui):
//
//   node scripts/make-lo-fixtures.js
//
// The results are committed, so the test does not need LibreOffice.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const ExcelJS = require('exceljs');

const root = path.join(__dirname, '..');
const build = path.join(root, 'build');
const { gridToXlsx } = require(path.join(build, 'node', 'xlsx.js'));
const { sampleGrid } = require(path.join(build, 'core', 'sample.js'));
const { parseArea } = require(path.join(build, 'core', 'grid.js'));
const outDir = path.join(root, 'test', 'fixtures', 'libreoffice');
const realDir = path.join(root, '..', 'shared', 'real-tables');

function realGrid(file) {
  const t = JSON.parse(fs.readFileSync(file, 'utf8'));
  const rows = t.grid.map((row) => row.map((s) => (s === '' || s === ' ' ? undefined : /^-?\d+(\.\d+)?$/.test(s) ? { value: Number(s) } : { value: s })));
  return { sheets: [{ name: t.kind === 'department' ? '部门整体' : '项目自评', rows, merges: (t.merges || []).map(parseArea) }] };
}

async function kinds(file) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.getCell('A1').value = 1.5;
  ws.getCell('B1').value = '文本';
  ws.getCell('C1').value = true;
  ws.getCell('D1').value = new Date(Date.UTC(2025, 0, 15, 13, 7, 1));
  ws.getCell('D1').numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.getCell('A2').value = { formula: 'A1*2', result: 3 };
  ws.getCell('B2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('C2').value = { formula: 'B1&"x"', result: '文本x' };
  ws.getCell('A3').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] };
  ws.getCell('C3').value = { error: '#REF!' };
  ws.getCell('A4').value = 0.9674;
  ws.getCell('A4').numFmt = '0.00%';
  ws.getCell('B4').value = 1234567.891;
  ws.getCell('B4').numFmt = '#,##0.00';
  ws.getCell('B5').value = '合并';
  ws.mergeCells('B5:C6');
  ws.getColumn(5).hidden = true;
  ws.getCell('F1').value = '隐藏列之后';
  ws.getCell('Z300').value = '远处';
  wb.addWorksheet('空表');
  wb.addWorksheet('第三').getCell('C3').value = 7;
  await wb.xlsx.writeFile(file);
}

async function main() {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-lo-src-'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-lo-out-'));
  await gridToXlsx(sampleGrid(), path.join(src, 'sample.xlsx'));
  await gridToXlsx(realGrid(path.join(realDir, 't01.json')), path.join(src, 'real-t01.xlsx'));
  await gridToXlsx(realGrid(path.join(realDir, 't03.json')), path.join(src, 'real-t03.xlsx'));
  await kinds(path.join(src, 'kinds.xlsx'));
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(src)) {
    // A private profile folder, so that a running LibreOffice or another user's settings do not interfere.
    const profile = `file://${path.join(work, 'profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', work, path.join(src, f)], { stdio: 'ignore', timeout: 120000 });
    fs.copyFileSync(path.join(work, f), path.join(outDir, f));
    process.stdout.write(`${f}: ${fs.statSync(path.join(outDir, f)).size} bytes\n`);
  }
  fs.rmSync(src, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
