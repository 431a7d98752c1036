// Funds checks: weight.execution, exec.*, funds.components (breakdowns and splits), funds.unit.

import type { Fig, FundsBlock, FundsRow, FundsRowKind, Profile, Table } from '../types';
import { executionRate, executionScore, rateAccepted, scoreAccepted } from '../score';
import { fmtNum, fmtPct, roundTo } from '../format';
import { AMOUNT_TOL, Collector, EPS, WEIGHT_EPS, num, ok } from './collector';

const COLUMN_NAME = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数' } as const;
type AmountColumn = keyof typeof COLUMN_NAME;
const AMOUNT_COLUMNS: AmountColumn[] = ['initial', 'adjusted', 'executed'];

const ROW_NAME: Record<FundsRowKind, string> = {
  total: '年度资金总额',
  basic: '基本支出',
  project: '项目支出',
  appropriation: '当年财政拨款',
  carryover: '上年结转',
  special: '财政专户管理资金/单位资金',
  other: '其他资金',
};

/** A funds row's name for a message: its label without 其中：, else the standard name. */
function rowName(row: FundsRow): string {
  const l = (row.label ?? '').replace(/^[\s\u3000]*其中[:：]?/, '').replace(/[:：\s\u3000]+$/, '').trim();
  return l || ROW_NAME[row.kind];
}

export interface FundsOutcome {
  rate?: number;
  score?: number;
  statedScore?: number;
  execWeight: number;
}

function checkExecWeight(funds: FundsBlock, total: FundsRow | undefined, profile: Profile, out: Collector): void {
  const stated = num(total?.weight);
  const header = num(funds.headerWeight);
  if (stated !== undefined && total?.weight) {
    if (Math.abs(stated - profile.execWeight) > WEIGHT_EPS)
      out.add('weight.execution', total.weight.ref, `预算执行率的分值 ${fmtNum(stated)} 与权重方案“${profile.name}”规定的 ${fmtNum(profile.execWeight)} 分不符`, profile.execWeight, stated);
  } else if (header !== undefined && funds.headerWeight) {
    if (Math.abs(header - profile.execWeight) > WEIGHT_EPS)
      out.add('weight.execution', funds.headerWeight.ref, `预算执行情况标明的 ${fmtNum(header)} 分与权重方案“${profile.name}”规定的 ${fmtNum(profile.execWeight)} 分不符`, profile.execWeight, header);
  }
}

/** exec.over_budget / exec.zero_budget, on the 年度资金总额 row (the one §2 computes the rate on). */
function checkBudget(total: FundsRow, out: Collector): void {
  if (!ok(total.executed) || total.adjusted?.error) return;
  const adj = num(total.adjusted);
  const exe = num(total.executed);
  if (exe !== undefined && (adj === undefined || adj <= 0) && exe > 0) {
    out.add('exec.zero_budget', total.adjusted?.ref ?? total.labelRef, `年度资金总额的全年预算数为${adj === undefined ? '空' : ' ' + fmtNum(adj)}，全年执行数却为 ${fmtNum(exe)} 万元，无法计算执行率`, undefined, adj ?? '');
  } else if (exe !== undefined && adj !== undefined && adj > 0 && exe > adj + EPS) {
    out.add('exec.over_budget', total.executed.ref, `年度资金总额的全年执行数 ${fmtNum(exe)} 万元超过全年预算数 ${fmtNum(adj)} 万元（执行率 ${fmtPct(exe / adj)}）`, adj, exe);
  }
}

function checkRateAndScore(total: FundsRow, res: FundsOutcome, profile: Profile, out: Collector): void {
  const rate = res.rate;
  const statedRate = num(total.rate);
  if (rate !== undefined && statedRate !== undefined && total.rate && !rateAccepted(statedRate, rate, total.rate.decimals, profile))
    out.add(
      'exec.rate',
      total.rate.ref,
      `执行率 ${fmtPct(statedRate)} 与全年执行数 ${fmtNum(num(total.executed))} 万元 ÷ 全年预算数 ${fmtNum(num(total.adjusted))} 万元 = ${fmtPct(rate)} 不符`,
      roundTo(rate * 100) + '%',
      roundTo(statedRate * 100) + '%',
    );
  if (res.score !== undefined && res.statedScore !== undefined && total.score && !scoreAccepted(res.statedScore, res.score, profile))
    out.add(
      'exec.score',
      total.score.ref,
      `预算执行率得分 ${fmtNum(res.statedScore)} 与按公式重算的 ${fmtNum(res.score)} 不符（执行率 ${fmtPct(rate)}，分值 ${fmtNum(res.execWeight)}${profile.capExecution ? '，执行率超过100%按100%计' : ''}）`,
      res.score,
      res.statedScore,
    );
}

const BREAKDOWNS: { kinds: FundsRowKind[] }[] = [{ kinds: ['basic', 'project'] }, { kinds: ['appropriation', 'carryover', 'special', 'other'] }];

/** funds.components: each breakdown separately, in each amount column. */
function checkComponents(funds: FundsBlock, total: FundsRow, out: Collector): void {
  for (const col of AMOUNT_COLUMNS) {
    const tf = total[col];
    const tv = num(tf);
    if (tv === undefined || !tf) continue;
    for (const b of BREAKDOWNS) {
      const rows = funds.rows.filter((r) => b.kinds.includes(r.kind));
      if (rows.some((r) => r[col]?.error)) continue;
      const filled = rows.filter((r) => num(r[col]) !== undefined);
      if (filled.length === 0) continue;
      const sum = filled.reduce((s, r) => s + (num(r[col]) as number), 0);
      if (Math.abs(sum - tv) > AMOUNT_TOL) {
        const parts = filled.map((r) => `${rowName(r)} ${fmtNum(num(r[col]))}`).join(' + ');
        out.add('funds.components', tf.ref, `年度资金总额的${COLUMN_NAME[col]} ${fmtNum(tv)} 万元与其构成之和 ${fmtNum(sum)} 万元不符（${parts}）`, sum, tv);
      }
    }
  }
}

/** funds.components for the splits: parts against the split's own total, the split against 全年预算数 (income) or 全年执行数 (expenditure). */
function checkSplits(funds: FundsBlock, total: FundsRow, out: Collector): void {
  for (const s of funds.splits ?? []) {
    const filled = s.parts.filter((p) => num(p.amount) !== undefined);
    const sum = filled.reduce((acc, p) => acc + (num(p.amount) as number), 0);
    const stated = num(s.stated);
    const name = s.kind === 'income' ? '按收入性质分' : '按支出性质分';
    if (stated !== undefined && s.stated && filled.length && Math.abs(sum - stated) > AMOUNT_TOL)
      out.add('funds.components', s.stated.ref, `${name}合计 ${fmtNum(stated)} 万元与其各项之和 ${fmtNum(sum)} 万元不符（${filled.map((p) => `${p.label} ${fmtNum(num(p.amount))}`).join(' + ')}）`, sum, stated);
    const splitTotal = stated ?? (filled.length ? sum : undefined);
    const col: AmountColumn = s.kind === 'income' ? 'adjusted' : 'executed';
    const tf = total[col];
    const tv = num(tf);
    if (splitTotal !== undefined && tv !== undefined && tf && Math.abs(splitTotal - tv) > AMOUNT_TOL)
      out.add('funds.components', tf.ref, `年度资金总额的${COLUMN_NAME[col]} ${fmtNum(tv)} 万元与${name}的合计 ${fmtNum(splitTotal)} 万元不符（${s.ref.cell}）`, splitTotal, tv);
  }
}

export function checkFunds(t: Table, profile: Profile, out: Collector): FundsOutcome {
  const funds = t.funds;
  const total = funds?.rows.find((r) => r.kind === 'total');
  // A scoring table without a funds block carries no execution weight.
  const fallback = t.kind === 'department-scoring' && !funds ? 0 : profile.execWeight;
  const res: FundsOutcome = { execWeight: num(total?.weight) ?? num(funds?.headerWeight) ?? fallback };
  if (!funds) return res;
  checkExecWeight(funds, total, profile, out);
  if (!total) return res;
  checkBudget(total, out);
  res.rate = executionRate(num(total.adjusted), num(total.executed));
  res.statedScore = num(total.score);
  if (res.rate !== undefined) res.score = executionScore(res.rate, res.execWeight, profile);
  checkRateAndScore(total, res, profile, out);
  checkComponents(funds, total, out);
  checkSplits(funds, total, out);
  return res;
}

/** funds.unit: an amount ≥ 1000 × the median of the table's other non-zero amounts. */
export function checkUnits(t: Table, out: Collector): void {
  if (!t.funds) return;
  const cells: { v: number; f: Fig<number | null>; row: FundsRow; col: AmountColumn }[] = [];
  for (const row of t.funds.rows)
    for (const col of AMOUNT_COLUMNS) {
      const f = row[col];
      const v = num(f);
      if (f && v !== undefined && v !== 0) cells.push({ v: Math.abs(v), f, row, col });
    }
  if (cells.length < 3) return;
  cells.forEach((c, i) => {
    const others = cells.filter((_, j) => j !== i).map((x) => x.v).sort((a, b) => a - b);
    const m = others.length % 2 ? others[(others.length - 1) / 2] : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
    if (m > 0 && c.v >= 1000 * m)
      out.add(
        'funds.unit',
        c.f.ref,
        `${rowName(c.row)}的${COLUMN_NAME[c.col]} ${fmtNum(c.f.value as number)} 万元是本表其他金额中位数 ${fmtNum(m)} 万元的 ${fmtNum(c.v / m)} 倍，可能误按“元”填写（按元折合 ${fmtNum((c.f.value as number) / 10000)} 万元）`,
        undefined,
        c.f.value as number,
      );
  });
}
