// `selfeval basic FILE [-o OUT.xlsx] [--force]`: a copy of the workbook with a 基本情况 sheet
// added (src/core/basicSheet.ts), for the department to fill in. Never over an existing
// 基本情况 sheet, never over an existing file unless --force.

import * as path from 'path';
import { basicSheetOf, evaluate, SelfevalError } from '../core/engine';
import { readGridFile } from './batch/read';
import { readPackageEntries } from './package/load';
import { sheetNamesOf, writeCheckedCopy } from './package/copy';
import { assertExtension, writeOutputFile } from './output';
import type { Io } from './cli';

export interface BasicOptions {
  output?: string;
  force?: boolean;
}

/** `<name>.基本情况.xlsx` beside the input. */
export function defaultBasicOutput(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.基本情况.xlsx`);
}

export async function runBasic(file: string, opts: BasicOptions, io: Io): Promise<number> {
  const out = opts.output ?? defaultBasicOutput(file);
  assertExtension(out, '.xlsx');
  if (path.resolve(out) === path.resolve(file)) throw new SelfevalError(`输出文件不能与输入文件相同（${out}）：selfeval 从不修改原工作簿，请用 -o 另指一个文件`);
  // Read within the limits, and written as report's copy is: the original package with one sheet added.
  const grid = await readGridFile(file);
  const entries = await readPackageEntries(file);
  const layout = basicSheetOf(evaluate(grid), sheetNamesOf(entries));
  if (!layout) throw new SelfevalError('工作簿已有“基本情况”工作表，不再另加（已有的内容不会被覆盖）');
  let bytes: Uint8Array;
  try {
    bytes = writeCheckedCopy(entries, [], [layout]);
  } catch {
    throw new SelfevalError('无法生成副本：工作簿中有无法写出的内容（原文件未改动）');
  }
  const written = writeOutputFile(out, bytes, { force: !!opts.force });
  io.stdout(`已写出：${written}（新增工作表“${layout.name}”：已从自评表取得的内容已填入，其余请按示例填写）\n`);
  return 0;
}
