// `selfeval verify REPORT WORKBOOK [--json] [--profile ID]`: proofreads a written report (.docx
// or .txt) against its workbook. The judging is the core's (core/verify); this file reads files
// and prints.

import * as fs from 'fs';
import * as path from 'path';
import { evaluate, SelfevalError } from '../core/engine';
import type { Evaluation } from '../core/engine';
import { SEVERITY_LABEL } from '../core/marks';
import type { Severity } from '../core/types';
import { readReport, verifyText, whereOf } from '../core/verify';
import type { TextFinding, VerifyResult } from '../core/verify';
import { readGridFile } from './batch/read';

export interface VerifyOptions {
  profile?: string;
  json?: boolean;
}

export interface VerifyJson {
  report: string;
  workbook: string;
  profile: string;
  paragraphs: number;
  figures: number;
  findings: TextFinding[];
}

function readReportBytes(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new SelfevalError(`找不到报告文件：${file}`);
  }
  if (!stat.isFile()) throw new SelfevalError(`这不是一个文件，无法作为报告读取：${file}`);
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    throw new SelfevalError(`无法读取报告文件（没有读取权限或文件被占用）：${file}`);
  }
}

function countLine(findings: TextFinding[]): string {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return `共 ${n.error} 个错误、${n.warning} 个警告、${n.info} 个提示`;
}

/** The readable output: each paragraph with findings, quoted, then its findings. */
export function formatVerify(ev: Evaluation, res: VerifyResult, reportName: string, workbookName: string): string {
  const lines: string[] = [];
  lines.push(`报告：${reportName}（${res.text.paragraphs.length} 段，${res.figures.filter((f) => f.cls !== 'year').length} 个数）`);
  lines.push(`工作簿：${workbookName}`);
  lines.push(`权重方案：${ev.profile.name}（${ev.profile.id}）`);
  lines.push('');
  if (res.findings.length === 0) lines.push('未发现问题：报告中的数与表格一致。');
  else {
    lines.push('发现的问题：');
    let last = -1;
    for (const f of res.findings) {
      const p = res.text.paragraphs.find((x) => x.no === f.paragraph);
      if (f.paragraph !== last) {
        last = f.paragraph;
        lines.push(p ? `${whereOf(p)}` : '全文');
      }
      const cell = f.sheet && f.cell ? `，${f.sheet}!${f.cell}` : '';
      lines.push(`  「${f.quote}」`);
      lines.push(`    [${SEVERITY_LABEL[f.severity]}] ${f.message}（${f.rule}${cell}）`);
    }
  }
  const tableErrors = ev.findings.filter((f) => f.severity === 'error').length;
  if (tableErrors > 0) lines.push('', `另：工作簿本身有 ${tableErrors} 个错误（运行 selfeval check 查看），报告中的数是与表格现有的数核对的。`);
  lines.push('', countLine(res.findings));
  return lines.join('\n') + '\n';
}

/** Runs the command; returns the exit code (0 no error finding, 1 error findings; unusable input throws SelfevalError). */
export async function runVerify(reportFile: string, workbookFile: string, opts: VerifyOptions, io: { stdout: (s: string) => void }): Promise<number> {
  const name = path.basename(reportFile);
  const text = await readReport(name, readReportBytes(reportFile));
  const grid = await readGridFile(workbookFile);
  const ev = evaluate(grid, { profile: opts.profile });
  const res = verifyText(text, ev);
  if (opts.json) {
    const json: VerifyJson = { report: name, workbook: path.basename(workbookFile), profile: ev.profile.id, paragraphs: text.paragraphs.length, figures: res.figures.length, findings: res.findings };
    io.stdout(JSON.stringify(json, null, 2) + '\n');
  } else io.stdout(formatVerify(ev, res, name, path.basename(workbookFile)));
  return res.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
