#!/usr/bin/env node
'use strict';
// Builds assets/sample.xlsx from the core's sample grid (src/core/sample.ts), through the same
// ExcelJS edge the CLI uses. Deterministic: the same sources give the same bytes
// (fixed document dates and zip entry dates). Run `npm run build:cli` first.

const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'build', 'node', 'xlsx.js');
if (!fs.existsSync(built)) {
  process.stderr.write('尚未编译：请先运行 npm run build:cli\n');
  process.exit(2);
}
const { gridToWorkbook } = require(built);
const { sampleGrid } = require(path.join(root, 'build', 'core', 'sample.js'));
// jszip is ExcelJS's own zip library (a dependency of exceljs).
const JSZip = require('jszip');

const FIXED = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

async function main() {
  const out = path.resolve(process.argv[2] || path.join(root, 'assets', 'sample.xlsx'));
  const workbook = gridToWorkbook(sampleGrid());
  const raw = await workbook.xlsx.writeBuffer();
  // Re-pack with fixed entry dates, in name order, so the bytes do not depend on the clock.
  const zip = await JSZip.loadAsync(raw);
  const fixed = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
  for (const name of names) {
    fixed.file(name, await zip.files[name].async('nodebuffer'), { date: FIXED, createFolders: false });
  }
  const buf = await fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buf);
  process.stdout.write(`已生成示例工作簿：${path.relative(process.cwd(), out) || out}（${(buf.length / 1024).toFixed(1)} KB）\n`);
  if (buf.length >= 100 * 1024) {
    process.stderr.write('示例工作簿超过 100 KB\n');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  process.stderr.write(`生成示例工作簿失败：${e && e.message ? e.message : e}\n`);
  process.exitCode = 2;
});
