// The reader (workbook.md §1–§5): finds the profile sheet and the self-evaluation tables by their
// labels, never by fixed addresses, and keeps the cell of every figure. It reports only
// structure.* findings; the checks work from its ReadResult.
//
// One block, one reader: basic.ts (基本情况), titles.ts and finder.ts (where tables and blocks
// start), head.ts, funds.ts, goals.ts, indicators.ts, totals.ts, scoring.ts; view.ts and
// figures.ts hold the sheet and the cell readers they share.

import type { Grid } from '../grid';
import type { BasicInfo, ReadResult, Table } from '../types';
import { normLabel } from '../labels';
import { readBasic } from './basic';
import { Ctx } from './figures';
import { describeSegment } from './seen';
import { readTable } from './table';
import { findTitles, topRowsLimit } from './titles';
import { View } from './view';
import { isNarrativeSheet } from './narrative';
import { fundsHeaderOf } from './finder';
import { matchCols } from './match';
import { IND_COLS } from './vocabulary';

export { stripNumbering } from './names';

/** A title further down a sheet counts only when a table follows it. */
function tableFollows(view: View, r0: number, r1: number): boolean {
  for (const r of view.rowsIn(r0, r1)) {
    const f = fundsHeaderOf(view, r);
    if (f?.full || matchCols(view.row(r), IND_COLS).count >= 3) return true;
  }
  return false;
}

function readSheetTables(ctx: Ctx, view: View, isProfile: boolean, seen: string[]): Table[] {
  const titles = findTitles(view);
  const tables: Table[] = [];
  if (!titles.length) {
    if (isProfile) return tables;
    const t = readTable(ctx, view, undefined, 0, view.nRows);
    if (t) tables.push(t);
    else seen.push(describeSegment(view, 0, view.nRows));
    return tables;
  }
  const top = topRowsLimit(view, 6);
  titles.forEach((ti, i) => {
    const end = i + 1 < titles.length ? titles[i + 1].r : view.nRows;
    if ((ti.r > top || isProfile) && !tableFollows(view, ti.r, end)) return;
    const t = readTable(ctx, view, ti, ti.r, end);
    if (t) tables.push(t);
  });
  return tables;
}

function sheetUnreadable(ctx: Ctx, name: string, why: string): void {
  ctx.add({
    rule: 'structure.sheet_unreadable',
    severity: 'error',
    sheet: name,
    cell: 'A1',
    message: `工作表“${name}”无法读取（${why}），已跳过该表，其余工作表照常检查`,
  });
}

function workbookFindings(ctx: Ctx, first: string, basic: BasicInfo | undefined, tables: Table[], seen: string[]): void {
  if (!basic) {
    ctx.add({
      rule: 'structure.no_profile',
      severity: 'info',
      sheet: first,
      cell: 'A1',
      message: '工作簿中没有“基本情况”工作表，报告将缺少部门职责、机构设置、人员编制和资产等只有该表才有的内容',
    });
  }
  if (!tables.length) {
    const what = seen.filter((s) => s !== '');
    ctx.add({
      rule: 'structure.no_table',
      severity: 'error',
      sheet: first,
      cell: 'A1',
      message: `工作簿中没有找到部门整体支出绩效自评表或项目支出绩效自评表，无法检查${what.length ? '：' + what.join('；') : ''}`,
    });
  }
}

export function readWorkbook(grid: Grid): ReadResult {
  const ctx = new Ctx();
  const tables: Table[] = [];
  const seen: string[] = [];
  let basic: BasicInfo | undefined;
  const sheets = grid?.sheets ?? [];
  for (const sheet of sheets) {
    if (!sheet) continue;
    const name = sheet.name ?? '';
    if (sheet.unreadable) {
      sheetUnreadable(ctx, name, sheet.unreadable);
      continue;
    }
    // A narrative report (the 自评报告 sheet) is text to proofread, not a table to check.
    if (isNarrativeSheet(sheet)) continue;
    const before = ctx.findings.length;
    try {
      const view = new View(sheet);
      const isProfile = normLabel(name) === '基本情况';
      if (isProfile && !basic) basic = readBasic(ctx, view);
      tables.push(...readSheetTables(ctx, view, isProfile, seen));
    } catch (e) {
      ctx.findings.splice(before);
      // Drop what the failed sheet had produced.
      for (let i = tables.length - 1; i >= 0; i--) if (tables[i].sheet === name) tables.splice(i, 1);
      if (basic && basic.sheet === name) basic = undefined;
      sheetUnreadable(ctx, name, '内容无法识别');
    }
  }
  workbookFindings(ctx, sheets[0]?.name ?? '', basic, tables, seen);
  return { basic, tables, findings: ctx.findings };
}
