// Weight checks: weight.total and weight.level1 (against the profile and the weight a level-1 cell
// declares); without a 分值 column, the declared level weights and the level score sums.

import type { Indicator, Level1Name, Profile, Ref, Table } from '../types';
import { fmtNum } from '../format';
import { LEVEL1_NAMES, cleanLevel, level1Of } from '../labels';
import { Collector, EPS, WEIGHT_EPS, finite, num, ok } from './collector';

/** weight.total: Σ 分值 + w_exec and the 总分 row's 分值 must be 100. Needs the totals row. */
function checkTotalWeight(t: Table, execWeight: number, out: Collector): void {
  if (t.totalsMissing) return;
  const totalsRef = t.totals ? (ok(t.totals.weight) ? t.totals.weight.ref : t.totals.labelRef) : t.titleRef;
  const parts: string[] = [];
  let expected: number | undefined;
  let actual: number | undefined;
  const sum = t.hasWeightColumn && t.indicators.length > 0 && t.indicators.every((i) => num(i.weight) !== undefined) ? t.indicators.reduce((s, i) => s + (num(i.weight) as number), 0) : undefined;
  if (sum !== undefined && Math.abs(sum + execWeight - 100) > WEIGHT_EPS) {
    parts.push(`各指标分值与预算执行率分值 ${fmtNum(execWeight)} 合计 ${fmtNum(sum + execWeight)}，不等于 100`);
    expected = 100;
    actual = sum + execWeight;
  }
  const tw = num(t.totals?.weight);
  if (tw !== undefined && Math.abs(tw - 100) > WEIGHT_EPS) {
    parts.push(`总分行的分值为 ${fmtNum(tw)}，不等于 100`);
    expected = 100;
    actual ??= tw;
  }
  if (parts.length) out.add('weight.total', totalsRef, parts.join('；'), expected, actual);
}

/** A level-1 group's key: the standard name, else the cleaned text (投入, 部门决策 …). */
function groupKey(name: string): string {
  return level1Of(name) ?? cleanLevel(name ?? '').replace(/指标$/, '');
}

function groupsOf(t: Table): Map<string, Indicator[]> {
  const groups = new Map<string, Indicator[]>();
  for (const ind of t.indicators) {
    const k = groupKey(ind.level1);
    if (!k) continue;
    const g = groups.get(k);
    if (g) g.push(ind);
    else groups.set(k, [ind]);
  }
  return groups;
}

function declaredOf(t: Table): Map<string, { weight: number; ref: Ref }> {
  const declared = new Map<string, { weight: number; ref: Ref }>();
  for (const lw of t.level1Weights ?? []) {
    const k = groupKey(lw.name);
    if (k && finite(lw.weight) && !declared.has(k)) declared.set(k, { weight: lw.weight, ref: lw.ref });
  }
  return declared;
}

/** With a 分值 column: each group's sum against its declared weight and the profile's. */
function checkGroupSum(name: string, g: Indicator[], dec: { weight: number } | undefined, want: number | undefined, last: boolean, t: Table, out: Collector): void {
  if (!(g.length > 0 && g.every((i) => num(i.weight) !== undefined) && g[0].weight)) return;
  const sum = g.reduce((s, i) => s + (num(i.weight) as number), 0);
  // The last group of a table cut short may be incomplete: only a sum already too high is certain.
  const differs = (x: number): boolean => (last && t.totalsMissing ? sum > x + WEIGHT_EPS : Math.abs(sum - x) > WEIGHT_EPS);
  const against: string[] = [];
  let exp: number | undefined;
  if (dec && differs(dec.weight)) {
    against.push(`该一级指标单元格标明的 ${fmtNum(dec.weight)} 分`);
    exp = dec.weight;
  }
  if (want !== undefined && differs(want)) {
    against.push(`权重方案“${out.profileName}”规定的 ${fmtNum(want)} 分`);
    exp ??= want;
  }
  if (against.length) out.add('weight.level1', g[0].weight.ref, `${name}各项分值合计 ${fmtNum(sum)}，与${against.join('及')}不符`, exp, sum);
}

/** Without a 分值 column: the declared weight against the profile, and the group's score sum within it. */
function checkDeclared(name: string, g: Indicator[] | undefined, dec: { weight: number; ref: Ref } | undefined, want: number | undefined, out: Collector): void {
  if (!dec) return;
  if (want !== undefined && Math.abs(dec.weight - want) > WEIGHT_EPS)
    out.add('weight.level1', dec.ref, `${name}标明的 ${fmtNum(dec.weight)} 分与权重方案“${out.profileName}”规定的 ${fmtNum(want)} 分不符`, want, dec.weight);
  const scored = (g ?? []).filter((i) => num(i.score) !== undefined);
  const sum = scored.reduce((s, i) => s + (num(i.score) as number), 0);
  if (scored.length && sum > dec.weight + EPS && scored[0].score)
    out.add('score.range', scored[0].score.ref, `${name}各项得分合计 ${fmtNum(sum)}，超过该一级指标标明的 ${fmtNum(dec.weight)} 分`, dec.weight, sum);
}

export function checkWeights(t: Table, profile: Profile, execWeight: number, out: Collector): void {
  checkTotalWeight(t, execWeight, out);
  out.profileName = profile.name;
  const groups = groupsOf(t);
  const declared = declaredOf(t);
  const keys = [...new Set([...groups.keys(), ...declared.keys()])];
  const std = (k: string): number | undefined => ((LEVEL1_NAMES as string[]).includes(k) && t.kind !== 'department-scoring' ? profile.level1[k as Level1Name] : undefined);
  const order = [...LEVEL1_NAMES.filter((k) => keys.includes(k)), ...keys.filter((k) => !(LEVEL1_NAMES as string[]).includes(k))];
  const lastKey = t.indicators.length ? groupKey(t.indicators[t.indicators.length - 1].level1) : '';
  for (const k of order) {
    const g = groups.get(k);
    // Names outside the standard three are checked only against their own declared weight (scoring tables).
    if (!(LEVEL1_NAMES as string[]).includes(k) && t.kind !== 'department-scoring') continue;
    if (t.hasWeightColumn) {
      if (g) checkGroupSum(k, g, declared.get(k), std(k), k === lastKey, t, out);
    } else checkDeclared(k, g, declared.get(k), std(k), out);
  }
}
