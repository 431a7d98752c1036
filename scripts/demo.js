#!/usr/bin/env node
'use strict';
// npm run demo: builds the sample workbook, checks it, and writes the checked copy with its
// report. The sample carries the seed report's own slips, so the check finds errors: that is
// the demonstration, and the demo itself succeeds when every step ran.

const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'bin', 'selfeval.js');
const sample = path.join('assets', 'sample.xlsx');
const out = path.join('out', 'sample.checked.xlsx');
const docx = path.join('out', 'sample.自评报告.docx');

function run(args, okCodes) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (!okCodes.includes(r.status)) {
    process.stderr.write(`演示中断：${args.join(' ')} 退出码 ${r.status}\n`);
    process.exit(r.status || 1);
  }
  return r.status;
}

run([path.join(root, 'scripts', 'make-sample.js')], [0]);
process.stdout.write('\n');
// check: exit 1 means "errors found", which is what the sample is for.
const status = run([cli, 'check', sample], [0, 1]);
process.stdout.write('\n');
// --force: out/ holds the demo's own earlier outputs, which a rerun replaces.
run([cli, 'report', sample, '-o', out, '--docx', docx, '--force'], [0, 1]);
process.stdout.write(
  `\n演示完成。检查结果退出码为 ${status}（${status === 1 ? '示例工作簿故意保留了种子报告中的错误' : '未发现错误'}）。` +
    `\n用 Excel 打开 ${out}，可看到标注的单元格和“自评报告”工作表；${docx} 是同一份报告的 Word 版。\n`,
);
