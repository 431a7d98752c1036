// The bureau's review workbook of a batch (复核汇总.xlsx): 汇总, 问题明细, 复核意见, 无法读取.
// Written with ExcelJS to bytes; the caller writes them through output.ts.

import type * as ExcelJS from 'exceljs';
import { inertText } from '../../core/inert';
import type { Finding, Severity } from '../../core/types';
import type { FileResult, UnusableFile, UsableFile } from './result';
import * as W from './wording';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Workbook: typeof ExcelJS.Workbook = require('exceljs/lib/doc/workbook');

type CellValue = string | number | null;

const FMT_AMOUNT = '#,##0.00';
const FMT_RATE = '0.00%';
const FMT_SCORE = '0.00';
const FMT_INT = '0';
const HEADER_FILL = 'FFD9E1F2';
const MARK_FILL = 'FFFCE4D6';

/** Workbook text is made inert in the review workbook too: no control character reaches its XML. */
function text(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : inertText(s);
}

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } } as ExcelJS.Fill;
}

/** A sheet with a bold, filled, frozen header row, a filter over it, and column widths. */
function addTableSheet(wb: ExcelJS.Workbook, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const head = ws.getRow(1);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = fill(HEADER_FILL);
    c.alignment = { vertical: 'middle', wrapText: true };
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: CellValue[], formats: (string | undefined)[] = []): ExcelJS.Row {
  const row = ws.addRow(values.map((v) => (v === null ? undefined : v)));
  formats.forEach((f, i) => {
    if (f && typeof values[i] === 'number') row.getCell(i + 1).numFmt = f;
  });
  return row;
}

// ---------------------------------------------------------------------------
// 汇总

const SUMMARY_FORMATS = [undefined, undefined, undefined, undefined, FMT_INT, FMT_AMOUNT, FMT_AMOUNT, FMT_RATE, FMT_RATE, FMT_SCORE, FMT_SCORE, undefined, undefined, FMT_INT, FMT_INT];

function summaryRows(ws: ExcelJS.Worksheet, f: UsableFile): void {
  const file = text(f.label);
  if (f.json.tables.length === 0) {
    const row = addRow(ws, [file, null, text(f.department), null, null, null, null, null, null, null, null, null, null, fileCount(f, 'error'), fileCount(f, 'warning'), W.MARK_NO_TABLE], SUMMARY_FORMATS);
    row.eachCell((c) => (c.fill = fill(MARK_FILL)));
    return;
  }
  f.json.tables.forEach((t, i) => {
    const x = f.extras[i];
    const dept = t.kind !== 'project' ? t.name : (f.department ?? x.competentDept);
    const differs = t.statedGrade !== t.computedGrade;
    const values: CellValue[] = [
      file,
      text(t.sheet),
      text(dept),
      t.kind === 'project' ? text(t.name) : null,
      t.year,
      t.funds.adjusted,
      t.funds.executed,
      x.statedRate,
      t.executionRate,
      t.statedTotal,
      t.computedTotal,
      text(t.statedGrade),
      text(t.computedGrade),
      x.counts.error,
      x.counts.warning,
      differs ? W.MARK_GRADE_DIFFERS : null,
    ];
    const row = addRow(ws, values, SUMMARY_FORMATS);
    if (differs) for (let c = 1; c <= values.length; c++) row.getCell(c).fill = fill(MARK_FILL);
  });
}

function fileCount(f: UsableFile, s: Severity): number {
  return f.json.findings.filter((x) => x.severity === s).length;
}

// ---------------------------------------------------------------------------
// 问题明细, 无法读取

function findingRows(ws: ExcelJS.Worksheet, f: UsableFile): void {
  const file = text(f.label);
  for (const x of f.json.findings) addRow(ws, [file, text(x.sheet), x.cell, x.rule, W.severityLabel(x.severity), text(x.message)]);
}

function unusableRows(ws: ExcelJS.Worksheet, f: UnusableFile): void {
  addRow(ws, [text(f.label), text(f.reason)]);
}

// ---------------------------------------------------------------------------
// 复核意见

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function mainProblems(findings: Finding[]): W.OpinionInput['main'] {
  return [...findings]
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .map((f) => ({ where: W.opinionWhere(inertText(f.sheet), f.cell), message: inertText(f.message), severity: f.severity }));
}

export function opinionOf(f: UsableFile): W.OpinionInput {
  const tables = f.json.tables;
  const main = tables.find((t) => t.kind !== 'project') ?? tables[0];
  return {
    department: f.department === null ? null : inertText(f.department),
    year: main?.year ?? null,
    statedTotal: main?.statedTotal ?? null,
    computedTotal: main?.computedTotal ?? null,
    statedGrade: main?.statedGrade ?? null,
    computedGrade: main?.computedGrade ?? null,
    tables: tables.length,
    gradeDiffers: tables
      .filter((t) => t !== main && t.statedGrade !== t.computedGrade)
      .map((t) => ({ name: inertText(t.name ?? t.sheet), stated: t.statedGrade, computed: t.computedGrade })),
    counts: W.countFindings(f.json.findings),
    main: mainProblems(f.json.findings),
  };
}

function opinionRow(ws: ExcelJS.Worksheet, f: UsableFile): void {
  const o = opinionOf(f);
  const row = addRow(
    ws,
    [text(f.label), o.department, o.statedTotal, o.computedTotal, text(o.statedGrade), text(o.computedGrade), o.counts.error + o.counts.warning + o.counts.info, W.opinionText(o)],
    [undefined, undefined, FMT_SCORE, FMT_SCORE, undefined, undefined, FMT_INT],
  );
  row.getCell(8).alignment = { wrapText: true, vertical: 'top' };
}

// ---------------------------------------------------------------------------

/** The review workbook of a batch's results. */
export function summaryWorkbook(results: FileResult[]): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = 'selfeval';
  const sum = addTableSheet(wb, W.SHEET_SUMMARY, W.SUMMARY_HEADERS, [28, 14, 22, 30, 8, 14, 14, 12, 12, 10, 10, 10, 10, 8, 8, 20]);
  const det = addTableSheet(wb, W.SHEET_FINDINGS, W.FINDINGS_HEADERS, [28, 14, 8, 24, 10, 80]);
  const opi = addTableSheet(wb, W.SHEET_OPINIONS, W.OPINIONS_HEADERS, [28, 22, 10, 10, 10, 10, 8, 100]);
  const bad = addTableSheet(wb, W.SHEET_UNUSABLE, W.UNUSABLE_HEADERS, [28, 80]);
  for (const r of results) {
    if (r.ok) {
      summaryRows(sum, r);
      findingRows(det, r);
      opinionRow(opi, r);
    } else {
      unusableRows(bad, r);
    }
  }
  return wb;
}

export async function summaryWorkbookBytes(results: FileResult[]): Promise<Uint8Array> {
  return new Uint8Array(await summaryWorkbook(results).xlsx.writeBuffer());
}
