// Indicator checks: weight.nonpositive, score.range, score.recomputed, score.qualitative_band,
// score.inflated and indicator.*; detail lines are checked for their own target and actual.

import type { Fig, Indicator, IndicatorDetail, IndicatorResult, Profile, Reading, Table } from '../types';
import { deadlineMet, inBand, qualitativeBand, quantitativeScore } from '../score';
import { fmtNum, fmtPct } from '../format';
import { LEVEL2_NAMES, level1Of, level2Of, normLabel } from '../labels';
import { normUnit, parseComparator, tierOf } from '../value';
import { Collector, EPS, clip, finite, num, ok, okReading, shown } from './collector';
import { blankText, saysMissed } from './deviation';

interface Eff {
  target: Reading;
  actual: Reading;
  qualitativeByColumn: boolean;
  unitMismatch?: { t: string; a: string };
}

/** Target and actual with the 指标性质 and 度量单位 columns applied, and units reconciled. */
function effective(ind: { target: Fig<Reading>; actual: Fig<Reading>; comparator?: Fig<string>; unit?: Fig<string> }): Eff {
  let target = { ...ind.target.value };
  let actual = { ...ind.actual.value };
  let qualitativeByColumn = false;
  if (ok(ind.comparator)) {
    const c = parseComparator(ind.comparator.value);
    if (c === 'qual') qualitativeByColumn = true;
    else if (c && target.comparator !== 'range' && (target.kind === 'number' || target.kind === 'date')) target = { ...target, comparator: c };
  }
  const eff: Eff = { target, actual, qualitativeByColumn };
  if (target.kind === 'number' && actual.kind === 'number') {
    if (ok(ind.unit) && typeof ind.unit.value === 'string' && ind.unit.value.trim() !== '') {
      const u = normUnit(ind.unit.value);
      target = { ...target, unit: u };
      actual = { ...actual, unit: u };
    } else {
      const tu = normUnit(target.unit ?? '');
      const au = normUnit(actual.unit ?? '');
      if (tu !== '' && au !== '' && tu !== au) eff.unitMismatch = { t: tu, a: au };
    }
    eff.target = target;
    eff.actual = actual;
  }
  return eff;
}

/** Per indicator, what the checks say about it. */
interface Ctx {
  ind: Indicator;
  r: IndicatorResult;
  w?: number;
  s?: number;
  label: string;
  profile: Profile;
  tol: number;
  out: Collector;
  year?: number;
}

function checkWeightAndRange(c: Ctx, t: Table): void {
  const { ind, w, s, label, out } = c;
  if (t.hasWeightColumn && ind.weight && !ind.weight.error && (w === undefined || w <= 0))
    out.add('weight.nonpositive', ind.weight.ref, w === undefined ? `指标${label}的分值为空或不是数字` : `指标${label}的分值为 ${fmtNum(w)}，应大于 0`, undefined, w ?? (ind.weight.text ?? ''));
  if (s !== undefined && ind.score && (s < -EPS || (w !== undefined && w > 0 && s > w + EPS)))
    out.add('score.range', ind.score.ref, s < 0 ? `指标${label}的得分 ${fmtNum(s)} 小于 0` : `指标${label}的得分 ${fmtNum(s)} 超过其分值 ${fmtNum(w)}`, undefined, s);
}

/** indicator.value_missing / indicator.unparsed on a target and an actual (an indicator's or a detail line's). */
function checkValues(x: { target: Fig<Reading>; actual: Fig<Reading> }, label: string, out: Collector): void {
  const tOk = okReading(x.target);
  const aOk = okReading(x.actual);
  if (tOk && x.target.value.kind === 'empty') out.add('indicator.value_missing', x.target.ref, `指标${label}的年度指标值为空`);
  if (aOk && x.actual.value.kind === 'empty') out.add('indicator.value_missing', x.actual.ref, `指标${label}的实际完成值为空`);
  if (tOk && x.target.value.kind === 'unreadable') out.add('indicator.unparsed', x.target.ref, `无法识别指标${label}的年度指标值“${shown(x.target)}”`, undefined, shown(x.target));
  if (aOk && x.actual.value.kind === 'unreadable') out.add('indicator.unparsed', x.actual.ref, `无法识别指标${label}的实际完成值“${shown(x.actual)}”`, undefined, shown(x.actual));
  else if (tOk && aOk && x.target.value.kind === 'number' && x.actual.value.kind === 'qualitative')
    out.add('indicator.unparsed', x.actual.ref, `指标${label}的年度指标值是数值“${shown(x.target)}”，实际完成值“${shown(x.actual)}”却不是数值，无法按公式计分`, undefined, shown(x.actual));
}

function unitMismatch(x: { target: Fig<Reading>; actual: Fig<Reading> }, eff: Eff, label: string, out: Collector): void {
  const m = eff.unitMismatch;
  if (m) out.add('indicator.unit_mismatch', x.actual.ref, `指标${label}的实际完成值单位“${m.a}”与年度指标值单位“${m.t}”不一致（指标值 ${shown(x.target)}，完成值 ${shown(x.actual)}），未按公式计分`, m.t, m.a);
}

function checkNumbers(c: Ctx, eff: Eff, devEmpty: boolean): void {
  const { ind, r, w, s, out, profile } = c;
  r.quantitative = true;
  if (w !== undefined && w > 0) {
    const cs = quantitativeScore(w, eff.target, eff.actual, profile);
    if (cs !== undefined) {
      r.computedScore = cs;
      if (s !== undefined && ind.score && Math.abs(s - cs) > c.tol)
        out.add('score.recomputed', ind.score.ref, `得分 ${fmtNum(s)} 与按公式重算的 ${fmtNum(cs)} 不符（指标值 ${shown(ind.target)}，完成值 ${shown(ind.actual)}，分值 ${fmtNum(w)}）`, cs, s);
    }
  }
  const cmp = eff.target.comparator ?? 'eq';
  const A = eff.target.low;
  const B = eff.actual.low;
  if ((cmp === 'ge' || cmp === 'gt' || cmp === 'eq') && finite(A) && finite(B) && A > 0 && B >= profile.overachieveThreshold * A - EPS && devEmpty)
    out.add('indicator.overachieved', ind.actual.ref, `指标${c.label}实际完成值 ${shown(ind.actual)} 达到年度指标值 ${shown(ind.target)} 的 ${fmtPct(B / A)}，超过 ${fmtPct(profile.overachieveThreshold)}，但未说明原因（目标是否定得过低）`, undefined, B);
}

function checkDates(c: Ctx, eff: Eff): void {
  const { ind, r, w, s, out, tol } = c;
  const met = deadlineMet(eff.target, eff.actual, c.year);
  if (met === undefined) return;
  r.quantitative = true;
  if (met && w !== undefined && w > 0) {
    r.computedScore = w;
    if (s !== undefined && ind.score && Math.abs(s - w) > tol) out.add('score.recomputed', ind.score.ref, `得分 ${fmtNum(s)} 与按期完成应得的满分 ${fmtNum(w)} 不符（时限 ${shown(ind.target)}，完成 ${shown(ind.actual)}）`, w, s);
  } else if (!met && w !== undefined && w > 0 && s !== undefined && ind.score && s >= w - tol) {
    out.add('score.recomputed', ind.score.ref, `实际完成时间 ${shown(ind.actual)} 晚于时限 ${shown(ind.target)}，得分却为满分 ${fmtNum(s)}`, undefined, s);
  }
}

function checkQualitative(c: Ctx): void {
  const { ind, r, w, s, out } = c;
  const tierText = ok(ind.tier) && typeof ind.tier.value === 'string' ? ind.tier.value : '';
  const tier = (tierText.trim() !== '' ? tierOf(tierText) : undefined) ?? (okReading(ind.actual) ? ind.actual.value.tier : undefined);
  if (!tier) return;
  r.tier = tier;
  if (w === undefined || w <= 0 || s === undefined || !ind.score) return;
  const band = qualitativeBand(tier, w);
  if (!inBand(s, band))
    out.add(
      'score.qualitative_band',
      ind.score.ref,
      `定性指标${c.label}完成档次为“${tier}”，得分应在 ${fmtNum(band.min)} 至 ${fmtNum(band.max)} 之间（${band.maxInclusive ? '含' : '不含'} ${fmtNum(band.max)}），实际为 ${fmtNum(s)}`,
      `${fmtNum(band.min)}–${fmtNum(band.max)}`,
      s,
    );
}

function checkDeviation(c: Ctx, dev: Fig<string> | undefined, devEmpty: boolean): void {
  const { ind, w, s, out, label } = c;
  if (w !== undefined && s !== undefined && s < w - EPS && dev && devEmpty) out.add('indicator.deviation_missing', dev.ref, `指标${label}得分 ${fmtNum(s)} 低于分值 ${fmtNum(w)}，未填写偏差原因分析及改进措施`);
  if (w !== undefined && w > 0 && s !== undefined && ind.score && s >= w - EPS && dev && saysMissed(dev.value))
    out.add('score.inflated', ind.score.ref, `指标${label}得满分 ${fmtNum(s)}，偏差原因却写明目标未完全实现（“${dev.value.trim().slice(0, 40)}”）`, undefined, s);
}

function checkScored(c: Ctx): void {
  const { ind } = c;
  checkValues(ind, c.label, c.out);
  const dev = ok(ind.deviation) ? ind.deviation : undefined;
  const devEmpty = dev !== undefined && blankText(dev.value);
  if (okReading(ind.target) && okReading(ind.actual)) {
    const eff = effective(ind);
    const tk = eff.target.kind;
    const ak = eff.actual.kind;
    if (tk === 'number' && ak === 'number' && !eff.qualitativeByColumn) {
      if (eff.unitMismatch) unitMismatch(ind, eff, c.label, c.out);
      else checkNumbers(c, eff, devEmpty);
    } else if (tk === 'date' && ak === 'date' && !eff.qualitativeByColumn) checkDates(c, eff);
  }
  if (!c.r.quantitative) checkQualitative(c);
  checkDeviation(c, dev, devEmpty);
}

/** A detail line: its own target and actual, and their units. */
function checkDetail(d: IndicatorDetail, parent: Indicator, out: Collector): void {
  const label = d.name ? `“${clip(d.name)}”（“${clip(parent.name)}”的明细）` : `（“${clip(parent.name)}”的明细）`;
  checkValues(d, label, out);
  if (okReading(d.target) && okReading(d.actual) && d.target.value.kind === 'number' && d.actual.value.kind === 'number') {
    const eff = effective({ ...d, comparator: parent.comparator, unit: parent.unit });
    unitMismatch(d, eff, label, out);
  }
}

/** indicator.level_unknown and indicator.duplicate, across the table. */
function checkNames(t: Table, out: Collector): void {
  const levelSeen = new Set<string>();
  const names = new Map<string, Indicator>();
  for (const ind of t.indicators) {
    const l1 = level1Of(ind.level1);
    // The scoring framework has level-2 names of its own.
    if (l1 && ind.level2Ref && t.kind !== 'department-scoring') {
      const l2 = level2Of(ind.level2);
      const key = `${ind.level2Ref.sheet}\u0000${ind.level2Ref.cell}`;
      if (ind.level2.trim() !== '' && !(l2 && LEVEL2_NAMES[l1].includes(l2)) && !levelSeen.has(key)) {
        levelSeen.add(key);
        out.add('indicator.level_unknown', ind.level2Ref, `二级指标“${clip(ind.level2.trim())}”不是${l1}下的标准名称（${LEVEL2_NAMES[l1].join('、')}）`, undefined, clip(ind.level2.trim()));
      }
    }
    const nk = normLabel(ind.name ?? '');
    if (nk !== '' && ind.nameRef) {
      const first = names.get(nk);
      if (first) out.add('indicator.duplicate', ind.nameRef, `三级指标“${clip(ind.name.trim())}”在本表中重复出现（另见 ${first.nameRef.cell}）`, undefined, clip(ind.name.trim()));
      else names.set(nk, ind);
    }
  }
}

const NO_WEIGHT = '本表没有“分值”列，未给出该指标的分值，未按公式重算其得分';

export function checkIndicators(t: Table, profile: Profile, out: Collector, year: number | undefined): IndicatorResult[] {
  const results: IndicatorResult[] = [];
  const scoring = t.kind === 'department-scoring';
  for (const ind of t.indicators) {
    const r: IndicatorResult = { indicator: ind, quantitative: false };
    results.push(r);
    const label = ind.name ? `“${clip(ind.name)}”` : `（第 ${ind.nameRef.cell.replace(/^[A-Z]+/, '')} 行，未填名称）`;
    const c: Ctx = { ind, r, w: num(ind.weight), s: num(ind.score), label, profile, tol: profile.scoreTolerance + EPS, out, year };
    checkWeightAndRange(c, t);
    // The 20 + 80 layout: no 分值 is given, and none is guessed.
    if (!t.hasWeightColumn && !ind.weight) r.unscored = NO_WEIGHT;
    // A scoring row has criteria, not a target and an actual.
    if (scoring) continue;
    checkScored(c);
    for (const d of Array.isArray(ind.details) ? ind.details : []) if (d && typeof d === 'object') checkDetail(d, ind, out);
  }
  checkNames(t, out);
  return results;
}
