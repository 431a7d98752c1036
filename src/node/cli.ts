// The `selfeval` command: check a workbook, or write a checked copy with the report sheet.
// All the judging is the core's (engine.ts); this file reads, prints and writes.

import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError } from 'commander';
import { evaluate, hasErrors, SelfevalError, toCheckJson } from '../core/engine';
import type { CheckJson, Evaluation, TableJson } from '../core/engine';
import type { Finding, Severity } from '../core/types';
import { SEVERITY_LABEL } from '../core/marks';
import { inertJson, inertText } from '../core/inert';
import { isSingleCheck, runBatch, type BatchOptions } from './batch/run';
import type { ProgressStream } from './batch/progress';
import { readGridFile } from './batch/read';
import type { ReportOptions } from './reportCommand';
import type { BasicOptions } from './basicCommand';
import type { VerifyOptions } from './verifyCommand';

/** The checked copy's default name (reportCommand's; loaded on use, as that module loads the report writers). */
export function defaultOutput(file: string, ext?: string): string {
  return (require('./reportCommand') as typeof import('./reportCommand')).defaultOutput(file, ext);
}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard error as a stream, for the batch's progress bar (drawn only on a terminal). */
  stderrStream?: ProgressStream;
}

/** Exit codes of cli.md. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

// ---------------------------------------------------------------------------
// The readable summary

const KIND_LABEL: Record<TableJson['kind'], string> = {
  department: '部门整体支出绩效自评表',
  project: '项目支出绩效自评表',
  'department-scoring': '部门整体支出绩效评价表',
};

const SOURCE_LABEL: Record<Evaluation['profileSource'], string> = {
  workbook: '取自工作簿“权重方案”',
  option: '命令行指定',
  default: '默认',
};

function num(x: number | null): string {
  if (x === null) return '—';
  return String(Math.round(x * 100) / 100);
}

function pct(x: number | null): string {
  if (x === null) return '—';
  return `${(Math.round(x * 10000) / 100).toFixed(2)}%`;
}

function pair(stated: string, computed: string): string {
  return `填报 ${stated}，重算 ${computed}`;
}

export function countLine(findings: Finding[]): string {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return `共 ${n.error} 个错误、${n.warning} 个警告、${n.info} 个提示`;
}

/** The summary `check` prints without --json. */
export function formatSummary(ev: Evaluation, json: CheckJson): string {
  const lines: string[] = [];
  lines.push(`文件：${inertText(json.file)}`);
  lines.push(`权重方案：${inertText(ev.profile.name)}（${inertText(ev.profile.id)}，${SOURCE_LABEL[ev.profileSource]}）`);
  lines.push('');
  if (json.tables.length === 0) {
    lines.push('未找到部门整体支出或项目支出绩效自评表。');
  } else {
    lines.push(`找到 ${json.tables.length} 张绩效自评表：`);
    json.tables.forEach((t, i) => {
      const head = `${i + 1}. 工作表“${inertText(t.sheet)}”：${KIND_LABEL[t.kind]}${t.name ? `“${inertText(t.name)}”` : ''}${t.year !== null ? `（${t.year} 年度）` : ''}`;
      lines.push(head);
      lines.push(
        `   执行率 ${pct(t.executionRate)}，执行率得分 ${num(t.executionScore)}，指标 ${t.indicators} 个；` +
          `总分 ${pair(num(t.statedTotal), num(t.computedTotal))}；等级 ${pair(t.statedGrade ?? '—', t.computedGrade ?? '—')}`,
      );
    });
  }
  lines.push('');
  if (json.findings.length === 0) {
    lines.push('未发现问题。');
  } else {
    lines.push('发现的问题：');
    let sheet: string | undefined;
    for (const f of json.findings) {
      if (f.sheet !== sheet) {
        sheet = f.sheet;
        lines.push(`工作表“${inertText(sheet)}”`);
      }
      lines.push(`  [${SEVERITY_LABEL[f.severity]}] ${inertText(f.cell)}  ${inertText(f.message)}（${f.rule}）`);
    }
  }
  lines.push('');
  lines.push(countLine(json.findings));
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// The commands

interface CheckOptions {
  profile?: string;
  json?: boolean;
}

async function runCheck(file: string, opts: CheckOptions, io: Io): Promise<number> {
  const grid = await readGridFile(file);
  const ev = evaluate(grid, { profile: opts.profile });
  const json = toCheckJson(ev, path.basename(file));
  if (opts.json) io.stdout(inertJson(json) + '\n');
  else io.stdout(formatSummary(ev, json));
  return hasErrors(ev.findings) ? EXIT_FINDINGS : EXIT_OK;
}

// ---------------------------------------------------------------------------
// Argument parsing (commander), in Chinese

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

function quoted(message: string): string {
  const m = /'([^']*)'/.exec(message);
  return m ? m[1] : '';
}

/** A commander usage error as one Chinese line. */
function usageMessage(err: CommanderError): string {
  switch (err.code) {
    case 'commander.unknownOption':
      return `未知的选项：${quoted(err.message)}（运行 selfeval --help 查看用法）`;
    case 'commander.unknownCommand':
      return `未知的命令：${quoted(err.message)}，可用的命令有 check、report、basic、verify`;
    case 'commander.missingArgument':
      return '缺少参数：请给出要检查的 .xlsx 工作簿文件';
    case 'commander.optionMissingArgument':
      return `选项 ${quoted(err.message)} 缺少取值`;
    case 'commander.excessArguments':
      return '参数过多：一次只检查一个工作簿文件';
    default:
      return '命令行参数有误（运行 selfeval --help 查看用法）';
  }
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name('selfeval')
    .description('绩效自评助手：检查绩效自评表，并写出自评报告')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureHelp({ styleTitle: (s: string) => TITLES[s] ?? s })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: () => {
        /* usage errors are printed in Chinese by main() */
      },
    })
    .exitOverride();

  program
    .command('check')
    .description('检查工作簿：列出找到的表、重算的得分和发现的问题；可一次检查多个文件和文件夹')
    .argument('<workbook.xlsx|folder...>', '要检查的工作簿，或其所在的文件夹（含子文件夹）')
    .option('--profile <ID>', '权重方案（如 mof-2020、hebei-county）；默认取工作簿“权重方案”')
    .option('--json', '以 JSON 输出结果（多个文件时每行一个 JSON 文档）')
    .option('--summary <OUT.xlsx>', '写出复核汇总工作簿（汇总、问题明细、复核意见、无法读取）')
    .option('--force', '覆盖已有的复核汇总文件（默认另取“名称 (2).xlsx”）')
    .option('--quiet', '不显示进度条')
    .helpOption('-h, --help', '显示帮助')
    .action(async (files: string[], opts: CheckOptions & BatchOptions) => {
      setCode(isSingleCheck(files, opts) ? await runCheck(files[0], opts, io) : await runBatch(files, opts, io));
    });

  program
    .command('report')
    .description('写出检查后的副本：问题标注在单元格上，并新增“自评报告”工作表（原文件不变）')
    .argument('<workbook.xlsx>', '要检查的工作簿')
    .option('-o, --output <OUT.xlsx>', '输出文件（默认：与原文件同目录的 <名称>.checked.xlsx）')
    .option('--docx [OUT.docx]', '另写出 Word 格式的自评报告（默认：<名称>.自评报告.docx）')
    .option('--docx-only', '只写出 Word 报告，不写工作簿副本（此时 -o 指 Word 文件）')
    .option('--force', '输出文件已存在时覆盖（默认另起新名“名称 (2)”）')
    .option('--profile <ID>', '权重方案（如 mof-2020、hebei-county）；默认取工作簿“权重方案”')
    .helpOption('-h, --help', '显示帮助')
    .action(async (file: string, opts: ReportOptions) => {
      setCode(await (await import('./reportCommand')).runReport(file, opts, io));
    });

  program
    .command('verify')
    .description('核对报告：把写好的自评报告（.docx 或 .txt）与工作簿中的表格逐数核对')
    .argument('<report>', '要核对的报告（.docx 或 .txt）')
    .argument('<workbook.xlsx>', '报告所依据的工作簿')
    .option('--profile <ID>', '权重方案（如 mof-2020、hebei-county）；默认取工作簿“权重方案”')
    .option('--json', '以 JSON 输出结果')
    .helpOption('-h, --help', '显示帮助')
    .action(async (report: string, file: string, opts: VerifyOptions) => {
      setCode(await (await import('./verifyCommand')).runVerify(report, file, opts, io));
    });

  program
    .command('basic')
    .description('写出加了“基本情况”工作表的副本：从自评表取得的内容已填入，其余留空并附示例（原文件不变）')
    .argument('<workbook.xlsx>', '缺少“基本情况”工作表的工作簿')
    .option('-o, --output <OUT.xlsx>', '输出文件（默认：与原文件同目录的 <名称>.基本情况.xlsx）')
    .option('--force', '输出文件已存在时覆盖（默认另起新名“名称 (2)”）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (file: string, opts: BasicOptions) => {
      setCode(await (await import('./basicCommand')).runBasic(file, opts, io));
    });

  for (const cmd of program.commands) {
    cmd.configureHelp({ styleTitle: (s: string) => TITLES[s] ?? s });
    cmd.exitOverride();
  }
  return program;
}

/** An unexpected exception, as one Chinese line: the user gets no stack trace. */
function unexpected(e: unknown): string {
  const detail = e instanceof Error && e.message ? e.message.split('\n')[0] : String(e);
  return `处理工作簿时出现意外错误，无法完成检查（${inertText(detail)}）`;
}

/**
 * Runs the command. argv is as process.argv (node, script, arguments...).
 * Returns the exit code: 0 no error finding, 1 error findings, 2 unusable input or usage.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  let code: number | undefined;
  try {
    const program = buildProgram(io, (c) => {
      code = c;
    });
    await program.parseAsync(argv, { from: 'node' });
    // No code: no command ran (commander printed the help).
    return code ?? EXIT_UNUSABLE;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT_OK : EXIT_UNUSABLE;
      io.stderr(usageMessage(e) + '\n');
      return EXIT_UNUSABLE;
    }
    if (e instanceof SelfevalError) {
      io.stderr(inertText(e.message.split('\n')[0]) + '\n');
      return EXIT_UNUSABLE;
    }
    io.stderr(unexpected(e) + '\n');
    return EXIT_UNUSABLE;
  }
}
