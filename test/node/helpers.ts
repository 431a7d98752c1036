// Shared helpers of the node-edge tests: temp dirs, a consistent workbook model, an in-process CLI run.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as crypto from 'crypto';
import { main } from '../../src/node/cli';
import { sampleModel } from '../../src/core/sample';
import type { WorkbookModel } from '../../src/core/template';

export function tmpDir(prefix = 'selfeval-node-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * The sample model with its two deliberate slips corrected (基本支出 年初预算数 in 万元, and
 * 基本情况 年初预算收入 equal to the table's 年度资金总额): a workbook with no error finding.
 */
export function cleanModel(): WorkbookModel {
  const m = sampleModel();
  const dept = m.tables.find((t) => t.kind === 'department');
  if (!dept) throw new Error('the sample has no department table');
  const basicRow = dept.funds.rows.find((r) => r.label === '基本支出');
  if (!basicRow) throw new Error('the sample has no 基本支出 row');
  basicRow.initial = 122.94;
  if (m.basic?.fields) m.basic.fields['年初预算收入'] = 154.74;
  return m;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `selfeval <args>` in process. */
export async function run(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['node', 'selfeval', ...args], {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  return { code, out, err };
}

/** One line of text, no stack trace, and Chinese in it. */
export function expectOneChineseLine(err: string): void {
  const lines = err.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toMatch(/Error:/);
}
