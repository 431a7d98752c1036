// The goals block (workbook.md §3.3): 年度总体目标 with 预期目标 / 实际完成情况 columns, texts on the
// next row. The texts row is never a row that starts another block.

import type { Table } from '../types';
import type { Ctx } from './figures';
import { startsOtherBlock } from './finder';
import { matchCols } from './match';
import { blockUnread } from './unread';
import type { View } from './view';
import { GOALS_COLS } from './vocabulary';

export function readGoals(ctx: Ctx, view: View, goalsRow: number, r1: number): Table['goals'] {
  const row = view.row(goalsRow);
  const m = matchCols<'expected' | 'actual'>(row.slice(1), GOALS_COLS);
  const goals: NonNullable<Table['goals']> = {};
  const textRow = goalsRow + 1 < r1 && !startsOtherBlock(view, goalsRow + 1) ? goalsRow + 1 : -1;
  const why = goalsRow + 1 < r1 ? `下一行（第 ${goalsRow + 2} 行）是另一部分的表头，没有目标内容` : '其下没有目标内容';
  if (m.map.expected === undefined && m.map.actual === undefined) {
    // A goals row with the text beside its label.
    const beside = view.nextRight(goalsRow, row[0].c);
    if (beside) goals.expected = ctx.text(view, goalsRow, beside.c, '年度总体目标');
    else if (textRow >= 0 && view.row(textRow).length) {
      // No column labels: the texts row gives the expected goal first, the actual after it.
      const cells = view.row(textRow);
      goals.expected = ctx.text(view, textRow, cells[0].c, '预期目标');
      if (cells.length > 1) goals.actual = ctx.text(view, textRow, cells[1].c, '实际完成情况');
    } else if (textRow < 0) blockUnread(ctx, view, goalsRow, row[0].c, '年度总体目标', `缺少“预期目标”“实际完成情况”列标签，${why}`);
    return goals;
  }
  if (textRow < 0) {
    blockUnread(ctx, view, goalsRow, row[0].c, '年度总体目标', why);
    return goals;
  }
  if (m.map.expected !== undefined) goals.expected = ctx.text(view, textRow, m.map.expected, '预期目标');
  if (m.map.actual !== undefined) goals.actual = ctx.text(view, textRow, m.map.actual, '实际完成情况');
  return goals;
}
