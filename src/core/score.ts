// The computations of rules.md §2: budget execution, quantitative scores, qualitative bands.

import type { Grade, Profile, Reading, Tier } from './types';
import { gradeOf } from './profiles';

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * 执行率 = 全年执行数 ÷ 全年预算数 (the adjusted budget), as a fraction.
 * Undefined when either figure is missing or the budget is not positive.
 */
export function executionRate(adjusted: number | null | undefined, executed: number | null | undefined): number | undefined {
  if (!finite(adjusted) || !finite(executed)) return undefined;
  if (adjusted <= 0) return undefined;
  return executed / adjusted;
}

/** 执行率得分 = min(执行率, 1) × w_exec (uncapped when profile.capExecution is false); a negative rate scores 0. */
export function executionScore(rate: number, wExec: number, profile: Profile): number {
  if (!finite(rate) || !finite(wExec)) return 0;
  const r = Math.max(0, profile.capExecution ? Math.min(rate, 1) : rate);
  return r * wExec;
}

/** The number an actual counts as: its number (low end of a range), a negative one as 0. */
function actualNumber(actual: Reading): number | undefined {
  if (!finite(actual.low)) return undefined;
  return Math.max(0, actual.low);
}

/**
 * The score §2 gives a quantitative indicator of weight w; undefined when target or actual is not
 * a number reading (dates and qualitative values are not scored here: see deadlineMet).
 * The target's comparator decides: ge / gt / eq -> at least; le / lt -> at most (reverse); range -> L–H.
 * The result is kept within [0, w].
 */
export function quantitativeScore(w: number, target: Reading, actual: Reading, profile: Profile): number | undefined {
  if (!finite(w)) return undefined;
  if (target.kind !== 'number' || actual.kind !== 'number') return undefined;
  if (!finite(target.low)) return undefined;
  const B = actualNumber(actual);
  if (B === undefined) return undefined;
  const cmp = target.comparator ?? 'eq';
  let s: number;
  if (cmp === 'le' || cmp === 'lt') {
    const A = finite(target.high) ? target.high : target.low;
    if (B <= A) s = w;
    else if (A <= 0) s = 0;
    else if (profile.reverseFormula === 'linear') s = w * Math.max(0, 1 - (B - A) / A);
    else s = (w * A) / B;
  } else if (cmp === 'range') {
    const L = target.low;
    const H = finite(target.high) ? target.high : target.low;
    if (B >= L && B <= H) s = w;
    else if (B < L) s = L > 0 ? (w * B) / L : w;
    else s = B > 0 && H > 0 ? (w * H) / B : 0;
  } else {
    const A = target.low;
    if (B >= A) s = w;
    else s = A > 0 ? (w * B) / A : w;
  }
  return Math.min(w, Math.max(0, s));
}

/** A yyyymmdd number split; year 0 when none was written. */
function ymd(n: number): { y: number; md: number } {
  const y = Math.floor(n / 10000);
  return { y, md: n - y * 10000 };
}

/**
 * Whether a date actual meets a date target (a deadline): actual ≤ target. A side that names no
 * year takes `year` (the evaluation year) when given; when a side still has no year, months and
 * days are compared. A missing day (…00) counts as the month's start
 * for the actual and the month's end for the target. Undefined when either is not a date.
 */
export function deadlineMet(target: Reading, actual: Reading, year?: number): boolean | undefined {
  if (target.kind !== 'date' || actual.kind !== 'date') return undefined;
  const tv = finite(target.high) ? target.high : target.low;
  const av = actual.low;
  if (!finite(tv) || !finite(av)) return undefined;
  const t = ymd(tv);
  const a = ymd(av);
  if (finite(year) && year > 0) {
    if (t.y === 0) t.y = year;
    if (a.y === 0) a.y = year;
  }
  const tmd = t.md % 100 === 0 ? t.md + 31 : t.md;
  const amd = a.md;
  if (t.y > 0 && a.y > 0) return a.y * 10000 + amd <= t.y * 10000 + tmd;
  return amd <= tmd;
}

/** The score band of a qualitative tier (rules.md §2). */
export function qualitativeBand(tier: Tier, w: number): { min: number; max: number; maxInclusive: boolean } {
  switch (tier) {
    case '达成':
      return { min: 0.8 * w, max: w, maxInclusive: true };
    case '部分达成':
      return { min: 0.6 * w, max: 0.8 * w, maxInclusive: false };
    default:
      return { min: 0, max: 0.6 * w, maxInclusive: false };
  }
}

/** Whether a score lies in a band, with a tolerance at both ends (a score at an exclusive max is out). */
export function inBand(s: number, band: { min: number; max: number; maxInclusive: boolean }, tol = 1e-9): boolean {
  if (s < band.min - tol) return false;
  if (band.maxInclusive) return s <= band.max + tol;
  return s < band.max - 1e-9;
}


const EPS = 1e-9;

/** A stated score stands when it is within the profile's score tolerance of the computed one. */
export function scoreAccepted(stated: number, computed: number, profile: Profile): boolean {
  return Math.abs(stated - computed) <= profile.scoreTolerance + EPS;
}

/**
 * A stated 执行率 (fraction) stands when it is within the profile's rate tolerance (percent
 * points) or equals the computed rate rounded to the decimals it is written with
 * (rules.md §2: a stated 86% accepts 85.5 % to 86.5 %).
 */
export function rateAccepted(stated: number, computed: number, decimals: number | undefined, profile: Profile): boolean {
  const diffPts = Math.abs(stated - computed) * 100;
  if (diffPts <= profile.rateTolerance + EPS) return true;
  return finite(decimals) && decimals >= 0 && diffPts <= 0.5 * Math.pow(10, -decimals) + EPS;
}

/** A stated grade stands when it is the grade of the recomputed total, give or take the score tolerance at a boundary. */
export function gradeAccepted(stated: Grade, computedTotal: number, profile: Profile): boolean {
  const t = profile.scoreTolerance;
  return [gradeOf(computedTotal), gradeOf(computedTotal - t), gradeOf(computedTotal + t)].includes(stated);
}
