// Department scoring tables (部门整体支出绩效评价: 投入 / 过程 / 产出 / 效果, 分值, 评分标准, 自评得分):
// read by the indicator reader; here the level names and the texts of a row in which a rate's
// figures may be stated (预算调整率 = 调整数 ÷ 年初预算数 …).

import { parseA1 } from '../grid';
import { cleanLevel } from '../labels';
import type { Fig, Table } from '../types';
import type { IndHeader } from './indicatorHeader';
import type { View } from './view';

/** A level-1 name of the framework without its weight, spaces and a trailing 指标. */
export function cleanLevelName(s: string): string {
  return cleanLevel(s).replace(/指标$/, '');
}

/** For each scored row: its text cells right of the level columns (the 评分标准 and any note column). */
export function readStatements(view: View, table: Table, h: IndHeader): void {
  const levelCols = new Set([h.cols.level1, h.cols.level2].filter((c) => c !== undefined));
  for (const ind of table.indicators) {
    const r = parseA1(ind.nameRef.cell).r;
    const texts: Fig<string>[] = [];
    for (const o of view.row(r)) {
      if (levelCols.has(o.c) || typeof o.cell.value !== 'string' || !/\d/.test(o.text)) continue;
      texts.push({ value: o.text.trim(), ref: view.ref(r, o.c) });
    }
    if (texts.length) ind.statements = texts;
  }
}
