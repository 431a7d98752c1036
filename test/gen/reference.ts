// A small, independent reference implementation of rules.md §2, working on the
// generator's STRUCTURED values (never on cell text, never importing src/core/score.ts),
// so that the property tests cross-check the engine rather than restate it.

export type RefProfileId = 'mof-2020' | 'hebei-county';

export interface RefProfile {
  id: RefProfileId;
  level1: Record<'产出指标' | '效益指标' | '满意度指标', number>;
  execWeight: number;
  /** Names a user may type in 权重方案 (rules.md §1). */
  aliases: string[];
}

export const REF_PROFILES: Record<RefProfileId, RefProfile> = {
  'mof-2020': { id: 'mof-2020', level1: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 }, execWeight: 10, aliases: ['财政部', '全国', '国家', 'mof-2020'] },
  'hebei-county': { id: 'hebei-county', level1: { 产出指标: 40, 效益指标: 40, 满意度指标: 10 }, execWeight: 10, aliases: ['河北', '石家庄', '井陉', '40-40', 'hebei-county'] },
};

export type Cmp = 'ge' | 'gt' | 'eq' | 'le' | 'lt' | 'range';
export type Tier = '达成' | '部分达成' | '未达成';

/** A value as the generator meant it. */
export type GenValue =
  | { kind: 'num'; cmp: Cmp; low: number; high?: number; unit: string; approx: boolean; more?: boolean; text: string }
  | { kind: 'date'; cmp: 'le' | 'eq'; ymd: number; text: string }
  | { kind: 'qual'; text: string; tier?: Tier };

const atLeast = (c: Cmp) => c === 'ge' || c === 'gt' || c === 'eq';
const atMost = (c: Cmp) => c === 'le' || c === 'lt';

/**
 * The §2 score of a quantitative indicator (both values numeric), or of a deadline
 * (dates compare as numbers yyyymmdd; only "at most" deadlines are generated, met ones).
 * Returns null for a qualitative indicator. Reverse formula: 'ratio' (both built-in profiles).
 */
export function refScore(target: GenValue, actual: GenValue, w: number): number | null {
  if (target.kind === 'qual' || actual.kind === 'qual') return null;
  if (target.kind === 'date' && actual.kind === 'date') {
    if (target.cmp === 'le') return actual.ymd <= target.ymd ? w : (w * target.ymd) / actual.ymd;
    return actual.ymd <= target.ymd ? w : 0;
  }
  if (target.kind !== 'num' || actual.kind !== 'num') return null;
  const B = Math.max(0, actual.low);
  if (target.cmp === 'range') {
    const L = target.low;
    const H = target.high ?? target.low;
    if (B >= L && B <= H) return w;
    if (B < L) return L === 0 ? 0 : (w * B) / L;
    return (w * H) / B;
  }
  const A = target.low;
  if (atLeast(target.cmp)) {
    if (B >= A) return w;
    return A === 0 ? w : (w * B) / A;
  }
  if (atMost(target.cmp)) {
    if (A === 0) return B <= 0 ? w : 0;
    if (B <= A) return w;
    return (w * A) / B;
  }
  return null;
}

/** The score band of a completion tier: [low, high], high exclusive except for 达成. */
export function refBand(tier: Tier, w: number): [number, number] {
  if (tier === '达成') return [0.8 * w, w];
  if (tier === '部分达成') return [0.6 * w, 0.8 * w];
  return [0, 0.6 * w];
}

/** Budget execution (rules.md §2): rate = executed ÷ adjusted; score = min(rate, 1) × w. */
export function refExecution(adjusted: number, executed: number, w: number): { rate: number; score: number } {
  const rate = executed / adjusted;
  return { rate, score: Math.min(rate, 1) * w };
}

export type RefGrade = '优' | '良' | '中' | '差';

export function refGrade(total: number): RefGrade {
  if (total >= 90) return '优';
  if (total >= 80) return '良';
  if (total >= 60) return '中';
  return '差';
}

export const GRADE_BOUNDARIES = [60, 80, 90];

/** Round to 2 decimals (display and stated figures). */
export function r2(x: number): number {
  return Math.round((x + Number.EPSILON * Math.abs(x)) * 100) / 100;
}
