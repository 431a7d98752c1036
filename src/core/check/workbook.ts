// Workbook-wide checks: asset.components on 基本情况, and across tables structure.year_mismatch,
// funds.conflict and funds.projects.

import type { BasicInfo, ReadResult } from '../types';
import { fmtNum } from '../format';
import { AMOUNT_TOL, Collector, num } from './collector';

export function checkBasic(basic: BasicInfo, out: Collector): void {
  const a = num(basic.assets);
  const f = num(basic.fixedAssets);
  const i = num(basic.intangibleAssets);
  if (a !== undefined && basic.assets && (f !== undefined || i !== undefined)) {
    if (basic.fixedAssets?.error || basic.intangibleAssets?.error) return;
    const sum = (f ?? 0) + (i ?? 0);
    if (a < sum - AMOUNT_TOL)
      out.add('asset.components', basic.assets.ref, `资产总额 ${fmtNum(a)} 万元小于固定资产 ${fmtNum(f ?? 0)} 万元与无形资产 ${fmtNum(i ?? 0)} 万元之和 ${fmtNum(sum)} 万元`, sum, a);
  }
}

export function checkCrossTable(read: ReadResult, out: Collector): void {
  const dept = read.tables.find((t) => t.kind === 'department') ?? read.tables.find((t) => t.kind === 'department-scoring');
  const projects = read.tables.filter((t) => t.kind === 'project');
  const basic = read.basic;

  // structure.year_mismatch
  const by = num(basic?.year);
  if (by !== undefined && basic?.year)
    for (const t of read.tables) {
      const ty = num(t.year);
      if (ty !== undefined && t.year && ty !== by)
        out.add('structure.year_mismatch', t.year.ref, `本表年度 ${ty} 与基本情况中的评价年度 ${by}（${basic.year.ref.sheet}!${basic.year.ref.cell}）不一致`, by, ty);
    }

  // funds.conflict
  const deptTotal = dept?.funds?.rows.find((r) => r.kind === 'total');
  const bi = num(basic?.budgetIncome);
  const di = num(deptTotal?.initial);
  if (bi !== undefined && di !== undefined && basic?.budgetIncome && deptTotal?.initial && Math.abs(bi - di) > AMOUNT_TOL)
    out.add(
      'funds.conflict',
      deptTotal.initial.ref,
      `部门整体支出表年度资金总额的年初预算数 ${fmtNum(di)} 万元与基本情况中的年初预算收入 ${fmtNum(bi)} 万元（${basic.budgetIncome.ref.sheet}!${basic.budgetIncome.ref.cell}）不一致`,
      bi,
      di,
    );

  // funds.projects
  const projRow = dept?.funds?.rows.find((r) => r.kind === 'project');
  const pv = num(projRow?.adjusted);
  if (projRow?.adjusted && pv !== undefined && projects.length > 0) {
    const amounts = projects.map((p) => num(p.funds?.rows.find((r) => r.kind === 'total')?.adjusted));
    if (amounts.every((x) => x !== undefined)) {
      const sum = (amounts as number[]).reduce((s, x) => s + x, 0);
      if (Math.abs(sum - pv) > AMOUNT_TOL)
        out.add(
          'funds.projects',
          projRow.adjusted.ref,
          `部门项目支出全年预算数 ${fmtNum(pv)} 万元与本工作簿 ${projects.length} 个项目支出绩效自评表的全年预算数之和 ${fmtNum(sum)} 万元不符（${(amounts as number[]).map(fmtNum).join(' + ')}）`,
          sum,
          pv,
        );
    }
  }
}
