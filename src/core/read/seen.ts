// What the finder saw in a sheet that holds no table, for structure.no_table's message: the officer
// learns which label to fix.

import { findBlocks } from './finder';
import type { View } from './view';

export function describeSegment(view: View, r0: number, r1: number): string {
  if (!view.used.length) return '';
  const b = findBlocks(view, r0, r1);
  const at = (r: number): string => `第 ${r + 1} 行`;
  const sheet = `工作表“${view.name}”`;
  if (b.fundsRow >= 0 && !b.ind)
    return `${sheet}${at(b.fundsRow)}有预算资金表头，但其下没有“年度资金总额”行，也没有绩效指标表头（一级指标、二级指标、三级指标、年度指标值、实际完成值、得分）`;
  if (b.ind && b.fundsRow < 0)
    return `${sheet}${at(b.ind.top)}有绩效指标表头，但没有标题（……绩效自评表）和预算资金表头（全年预算数、全年执行数）`;
  return `${sheet}中既没有标题（……部门整体支出绩效自评表 / ……项目支出绩效自评表），也没有预算资金表头（全年预算数、全年执行数）或绩效指标表头（一级指标、二级指标、三级指标）`;
}
