// The verify stage's entry points: read a report (.docx, .txt, a sheet, the report model) and
// proofread it against an evaluation.

import { SelfevalError, type Evaluation } from '../engine';
import type { Grid } from '../grid';
import { readDocx } from './docx';
import { INPUT } from './messages';
import { readSheetText } from './sheet';
import { readTxt } from './txt';
import type { ReportText, VerifyResult } from './types';
import { verifyText } from './verify';

export { readDocx } from './docx';
export { readTxt, readPlainText, decodeText } from './txt';
export { readSheetText } from './sheet';
export { reportTextOfDoc } from './model';
export { verifyText } from './verify';
export { whereOf } from './text';
export { TEXT_RULES, textRule } from './rules';
export type { TextRule, TextRuleId } from './rules';
export type { Paragraph, ParagraphOrigin, ReportText, TextFigure, TextFinding, VerifyResult } from './types';

/** A report file by its name: .docx or .txt (anything else is refused with one Chinese line). */
export async function readReport(name: string, bytes: Uint8Array): Promise<ReportText> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx') || lower.endsWith('.docm')) return readDocx(name, bytes);
  if (lower.endsWith('.txt') || lower.endsWith('.text')) return readTxt(name, bytes);
  if (lower.endsWith('.doc')) throw new SelfevalError(INPUT.oldDoc(name));
  throw new SelfevalError(INPUT.unknownType(name));
}

/** The two calls a host makes for a report file: read it, then proofread it against the evaluation. */
export async function verifyReport(name: string, bytes: Uint8Array, ev: Evaluation): Promise<VerifyResult> {
  return verifyText(await readReport(name, bytes), ev);
}

/** A sheet of the workbook holding narrative, proofread; throws SelfevalError when there is no such sheet. */
export function verifySheet(grid: Grid, sheetName: string, ev: Evaluation): VerifyResult {
  const text = readSheetText(grid, sheetName);
  if (!text) throw new SelfevalError(INPUT.noSheet(sheetName));
  return verifyText(text, ev);
}
