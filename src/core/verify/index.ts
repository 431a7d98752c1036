// The verify stage's entry points: read a report (.docx, .txt, a sheet, the report model) and
// proofread it against an evaluation.

import { SelfevalError } from '../engine';
import { readDocx } from './docx';
import { INPUT } from './messages';
import { readTxt } from './txt';
import type { ReportText } from './types';

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
