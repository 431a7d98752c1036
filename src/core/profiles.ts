// Scoring profiles (rules.md §1): data, never constants in code. Grades (rules.md §2).

import type { Grade, Level1Name, Profile } from './types';
import { LEVEL1_NAMES } from './labels';
import { toHalfWidth } from './value';

export const BUILTIN_PROFILES: Profile[] = [
  {
    id: 'mof-2020',
    name: '财政部2020年项目支出绩效评价办法',
    level1: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
    execWeight: 10,
    reverseFormula: 'ratio',
    capExecution: true,
    scoreTolerance: 0.05,
    rateTolerance: 0.1,
    overachieveThreshold: 1.3,
    totalCap: null,
    aliases: ['财政部', '全国', '国家'],
  },
  {
    id: 'hebei-county',
    name: '河北县级部门整体支出',
    level1: { 产出指标: 40, 效益指标: 40, 满意度指标: 10 },
    execWeight: 10,
    reverseFormula: 'ratio',
    capExecution: true,
    scoreTolerance: 0.05,
    rateTolerance: 0.1,
    overachieveThreshold: 1.3,
    totalCap: null,
    aliases: ['河北', '石家庄', '井陉', '40-40'],
  },
];


/** Half-width, no white space, lower case, and the dashes a user may type in 40-40 as '-'. */
function norm(text: string): string {
  return toHalfWidth(text).replace(/[—–－~～]/g, '-').replace(/\s+/g, '').toLowerCase();
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * A custom profile object, validated: every field present and sane (weights ≥ 0 summing to 100 with
 * the execution weight, tolerances ≥ 0, threshold > 1, cap entries with a rate in (0, 1.5] and a total in [0, 100]).
 */
export function validateProfile(o: unknown): Profile | undefined {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const p = o as Record<string, unknown>;
  if (typeof p.id !== 'string' || p.id.trim() === '') return undefined;
  if (typeof p.name !== 'string' || p.name.trim() === '') return undefined;
  const l1 = p.level1 as Record<string, unknown> | undefined;
  if (!l1 || typeof l1 !== 'object') return undefined;
  const level1 = {} as Record<Level1Name, number>;
  for (const k of LEVEL1_NAMES) {
    const v = l1[k];
    if (!isNum(v) || v < 0) return undefined;
    level1[k] = v;
  }
  if (!isNum(p.execWeight) || p.execWeight < 0) return undefined;
  const sum = level1['产出指标'] + level1['效益指标'] + level1['满意度指标'] + p.execWeight;
  if (Math.abs(sum - 100) > 1e-9) return undefined;
  if (p.reverseFormula !== 'ratio' && p.reverseFormula !== 'linear') return undefined;
  if (typeof p.capExecution !== 'boolean') return undefined;
  if (!isNum(p.scoreTolerance) || p.scoreTolerance < 0 || p.scoreTolerance > 10) return undefined;
  if (!isNum(p.rateTolerance) || p.rateTolerance < 0 || p.rateTolerance > 100) return undefined;
  if (!isNum(p.overachieveThreshold) || p.overachieveThreshold <= 1) return undefined;
  let totalCap: Profile['totalCap'] = null;
  if (p.totalCap !== null) {
    if (!Array.isArray(p.totalCap)) return undefined;
    totalCap = [];
    for (const e of p.totalCap as unknown[]) {
      if (!e || typeof e !== 'object') return undefined;
      const { belowRate, maxTotal } = e as Record<string, unknown>;
      if (!isNum(belowRate) || belowRate <= 0 || belowRate > 1.5) return undefined;
      if (!isNum(maxTotal) || maxTotal < 0 || maxTotal > 100) return undefined;
      totalCap.push({ belowRate, maxTotal });
    }
  }
  if (!Array.isArray(p.aliases) || !p.aliases.every((a) => typeof a === 'string')) return undefined;
  return {
    id: p.id.trim(),
    name: p.name.trim(),
    level1,
    execWeight: p.execWeight,
    reverseFormula: p.reverseFormula,
    capExecution: p.capExecution,
    scoreTolerance: p.scoreTolerance,
    rateTolerance: p.rateTolerance,
    overachieveThreshold: p.overachieveThreshold,
    totalCap,
    aliases: (p.aliases as string[]).slice(),
  };
}

/**
 * A profile by id (case-insensitive), by its Chinese name, or by an alias; text is trimmed and
 * full-width characters read as half-width. A JSON object text is validated as a custom profile.
 */
export function resolveProfile(text: string): Profile | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  if (t.startsWith('{')) {
    try {
      return validateProfile(JSON.parse(t));
    } catch {
      return undefined;
    }
  }
  const n = norm(t);
  for (const p of BUILTIN_PROFILES) if (norm(p.id) === n) return p;
  for (const p of BUILTIN_PROFILES) if (norm(p.name) === n) return p;
  for (const p of BUILTIN_PROFILES) if (p.aliases.some((a) => norm(a) === n)) return p;
  return undefined;
}

/** ≥ 90 优, ≥ 80 良, ≥ 60 中, else 差. A total within 1e-9 below a boundary (float noise) counts as reaching it. */
export function gradeOf(total: number): Grade {
  const t = total + 1e-9;
  if (t >= 90) return '优';
  if (t >= 80) return '良';
  if (t >= 60) return '中';
  return '差';
}

/**
 * A written grade: 优/优秀, 良/良好, 中/中等/一般/合格, 差/较差/不合格 (also 等/级 suffixes: 优秀等, 良级).
 * Anything else (empty, 及格?, 待定) -> undefined.
 */
export function normGrade(text: string): Grade | undefined {
  if (typeof text !== 'string') return undefined;
  const s = norm(text).replace(/[()（）【】\[\]"“”'‘’。.,，]/g, '').replace(/(等级|等|级)$/, '');
  switch (s) {
    case '优':
    case '优秀':
      return '优';
    case '良':
    case '良好':
      return '良';
    case '中':
    case '中等':
    case '一般':
    case '合格':
      return '中';
    case '差':
    case '较差':
    case '不合格':
      return '差';
    default:
      return undefined;
  }
}
