// `selfeval report FILE [-o OUT.xlsx] [--docx [OUT.docx]] [--docx-only] [--force]`:
// the checked copy of the workbook (findings marked on their cells, the 自评报告 sheet) and,
// with --docx, the same report as a Word document. The input is never modified and no
// existing file is replaced unless --force is given (src/node/output.ts).

import * as fs from 'fs';
import * as path from 'path';
import { evaluate, hasErrors, marksOf, reportSheetOf, SelfevalError, type Evaluation } from '../core/engine';
import { docxBytes } from '../core/report/docx';
import { applyPlan, loadWorkbookFile } from './xlsx';
import { assertExtension, writeOutputFile } from './output';
import { countLine, type Io } from './cli';

export interface ReportOptions {
  profile?: string;
  output?: string;
  /** true: beside the input; a string: that file. */
  docx?: string | boolean;
  docxOnly?: boolean;
  force?: boolean;
}

/** `<name>.checked.xlsx` beside the input. */
export function defaultOutput(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.checked.xlsx`);
}

/** `<name>.自评报告.docx` beside the input. */
export function defaultDocxOutput(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.自评报告.docx`);
}

function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    return fs.realpathSync(ra) === fs.realpathSync(rb);
  } catch {
    return false;
  }
}

/** An output path checked before anything is read: not the input, not a folder, the right extension. */
function checkedTarget(out: string, input: string, ext: '.xlsx' | '.docx'): string {
  if (samePath(out, input)) throw new SelfevalError(`输出文件不能与输入文件相同（${out}）：selfeval 从不修改原工作簿，请用 -o 另指一个文件`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new SelfevalError(`输出路径是一个文件夹：${out}`);
  assertExtension(out, ext);
  return out;
}

async function workbookBytes(file: string, ev: Evaluation, workbook: Awaited<ReturnType<typeof loadWorkbookFile>>['workbook']): Promise<{ bytes: Uint8Array; sheet: string }> {
  const sheet = reportSheetOf(ev, workbook.worksheets.map((w) => w.name));
  applyPlan(workbook, marksOf(ev), [sheet]);
  try {
    return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), sheet: sheet.name };
  } catch {
    throw new SelfevalError(`无法生成检查结果文件：工作簿中有无法写出的内容（原文件未改动）：${file}`);
  }
}

export async function runReport(file: string, opts: ReportOptions, io: Io): Promise<number> {
  const wantDocx = opts.docxOnly || opts.docx !== undefined;
  const xlsxOut = opts.docxOnly ? undefined : checkedTarget(opts.output ?? defaultOutput(file), file, '.xlsx');
  // with --docx-only, -o names the Word file (there is no workbook copy to name)
  const docxPath = typeof opts.docx === 'string' ? opts.docx : opts.docxOnly && opts.output ? opts.output : defaultDocxOutput(file);
  const docxOut = wantDocx ? checkedTarget(docxPath, file, '.docx') : undefined;

  const { workbook, grid } = await loadWorkbookFile(file);
  const ev = evaluate(grid, { profile: opts.profile });
  const force = !!opts.force;
  if (xlsxOut) {
    const { bytes, sheet } = await workbookBytes(file, ev, workbook);
    const written = writeOutputFile(xlsxOut, bytes, { force });
    io.stdout(`已写出：${written}（问题已标注在单元格上，叙述报告在工作表“${sheet}”）\n`);
  }
  if (docxOut) {
    const written = writeOutputFile(docxOut, await docxBytes(ev.report), { force });
    io.stdout(`已写出：${written}（Word 格式的自评报告）\n`);
  }
  io.stdout(countLine(ev.findings) + '\n');
  return hasErrors(ev.findings) ? 1 : 0;
}
