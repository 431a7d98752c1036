// `selfeval report FILE [-o OUT.xlsx] [--docx [OUT.docx]] [--docx-only] [--force]`:
// the checked copy of the workbook (findings marked on their cells, the 自评报告 sheet) and,
// with --docx, the same report as a Word document. The input is never modified and no
// existing file is replaced unless --force is given (src/node/output.ts).

import * as fs from 'fs';
import * as path from 'path';
import { evaluate, hasErrors, marksOf, reportSheetOf, SelfevalError, type Evaluation } from '../core/engine';
import { inertText } from '../core/inert';
import { docxBytes } from '../core/report/docx';
import { isMacroEnabled, sheetNamesOf, writeCheckedCopy } from './package/copy';
import { readPackageEntries } from './package/load';
import { readGridFile } from './batch/read';
import { assertExtension, resolveOutputPath, writeOutputFile } from './output';
import { countLine, type Io } from './cli';

export interface ReportOptions {
  profile?: string;
  output?: string;
  /** true: beside the input; a string: that file. */
  docx?: string | boolean;
  docxOnly?: boolean;
  force?: boolean;
}

/** `<name>.checked.xlsx` beside the input (`.xlsm` for a macro-enabled workbook). */
export function defaultOutput(file: string, ext = '.xlsx'): string {
  const base = path.basename(file, path.extname(file));
  return path.join(path.dirname(file), `${base}.checked${ext}`);
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

/**
 * An output path checked before the work is done: not the input, the right extension, and no
 * device, FIFO, folder or symlink there (resolveOutputPath refuses those).
 */
function checkedTarget(out: string, input: string, ext: '.xlsx' | '.xlsm' | '.docx', force: boolean): string {
  if (samePath(out, input)) throw new SelfevalError(`输出文件不能与输入文件相同（${out}）：selfeval 从不修改原工作簿，请用 -o 另指一个文件`);
  resolveOutputPath(out, { force });
  assertExtension(out, ext);
  return out;
}

/** The checked copy: the original package with only the parts selfeval changes (package/copy.ts). */
function workbookBytes(file: string, ev: Evaluation, entries: Map<string, Uint8Array>): { bytes: Uint8Array; sheet: string } {
  const sheet = reportSheetOf(ev, sheetNamesOf(entries));
  try {
    return { bytes: writeCheckedCopy(entries, marksOf(ev), [sheet]), sheet: sheet.name };
  } catch {
    throw new SelfevalError(`无法生成检查结果文件：工作簿中有无法写出的内容（原文件未改动）：${file}`);
  }
}

export async function runReport(file: string, opts: ReportOptions, io: Io): Promise<number> {
  const force = !!opts.force;
  const grid = await readGridFile(file);
  const wantDocx = opts.docxOnly || opts.docx !== undefined;
  let entries: Map<string, Uint8Array> | undefined;
  let xlsxOut: string | undefined;
  if (!opts.docxOnly) {
    // The copy is the original package with the changed parts: its parts are read once more,
    // through the same zip reader and limits as the grid (package/zip.ts, package/limits.ts).
    entries = await readPackageEntries(file);
    const ext = isMacroEnabled(entries) ? '.xlsm' : '.xlsx';
    xlsxOut = checkedTarget(opts.output ?? defaultOutput(file, ext), file, ext, force);
  }
  // with --docx-only, -o names the Word file (there is no workbook copy to name)
  const docxPath = typeof opts.docx === 'string' ? opts.docx : opts.docxOnly && opts.output ? opts.output : defaultDocxOutput(file);
  const docxOut = wantDocx ? checkedTarget(docxPath, file, '.docx', force) : undefined;

  const ev = evaluate(grid, { profile: opts.profile });
  if (xlsxOut && entries) {
    const { bytes, sheet } = workbookBytes(file, ev, entries);
    const written = writeOutputFile(xlsxOut, bytes, { force });
    io.stdout(`已写出：${inertText(written)}（问题已标注在单元格上，叙述报告在工作表“${inertText(sheet)}”）\n`);
  }
  if (docxOut) {
    const written = writeOutputFile(docxOut, await docxBytes(ev.report), { force });
    io.stdout(`已写出：${inertText(written)}（Word 格式的自评报告）\n`);
  }
  io.stdout(countLine(ev.findings) + '\n');
  return hasErrors(ev.findings) ? 1 : 0;
}
