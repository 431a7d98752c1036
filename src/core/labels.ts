// Label matching (workbook.md §1): labels are compared after normalisation, never by address.

import { toHalfWidth } from './value';
import type { Level1Name } from './types';

const TRAILING_BRACKET = /(\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/;

/**
 * workbook.md §1 normalisation: full-width -> half-width, remove all white space
 * (ASCII, 　, line breaks) and ：:*, then remove a trailing bracketed part
 * ((万元) (名) (A) (B/A) (40分) (盖章)), repeatedly.
 */
export function normLabel(s: string): string {
  if (s === null || s === undefined) return '';
  const key = String(s);
  const hit = normCache.get(key);
  if (hit !== undefined) return hit;
  const t = normalise(key);
  if (normCache.size > 50000) normCache.clear();
  normCache.set(key, t);
  return t;
}

const normCache = new Map<string, string>();

function normalise(s: string): string {
  let t = toHalfWidth(s);
  t = t.replace(/[\s\u3000\u00a0：:*＊]/g, '');
  for (;;) {
    const u = t.replace(TRAILING_BRACKET, '');
    if (u === t) break;
    t = u;
  }
  return t;
}

const MAX_LABEL = 60;

const tableCache = new WeakMap<readonly string[], Map<string, string>>();

function labelTable(labels: readonly string[]): Map<string, string> {
  let m = tableCache.get(labels);
  if (m) return m;
  m = new Map();
  for (const entry of labels) {
    const parts = entry.split('|');
    const canonical = parts[0].trim();
    for (const p of parts) {
      const k = normLabel(p);
      if (k && !m.has(k)) m.set(k, canonical);
    }
  }
  tableCache.set(labels, m);
  return m;
}

/** The canonical label among `labels` (each 'canonical|syn1|syn2') that s matches after normalisation, or undefined. */
export function matchLabel(s: string, labels: readonly string[]): string | undefined {
  // Labels are short: a long text (a paragraph, a goal) is never one.
  if (typeof s !== 'string' || s.length > MAX_LABEL) return undefined;
  const k = normLabel(s);
  if (!k) return undefined;
  return labelTable(labels).get(k);
}

/** The weight in a label: '产出指标（40分）' -> 40, '预算执行情况（20分）' -> 20, '总分（100分）' -> 100; undefined when none. */
export function labelWeight(s: string): number | undefined {
  if (s === null || s === undefined) return undefined;
  const t = toHalfWidth(String(s)).replace(/[\s\u3000]/g, '');
  const re = /\([^()]*?(\d+(?:\.\d+)?)分\)/g;
  let last: number | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) last = Number(m[1]);
  return last;
}

/** A label carrying its value after a colon: '部门：某县某局' -> { label: '部门', value: '某县某局' }. */
export function splitLabelValue(s: string): { label: string; value: string } | undefined {
  if (typeof s !== 'string') return undefined;
  const i = s.search(/[：:]/);
  if (i <= 0) return undefined;
  const label = s.slice(0, i).replace(/[\s\u3000]+/g, ' ').trim();
  if (!label) return undefined;
  const value = s.slice(i + 1).trim();
  return { label, value };
}

// ---- level names (workbook.md §3.4) ----

export const LEVEL1_NAMES: Level1Name[] = ['产出指标', '效益指标', '满意度指标'];

/** Standard level-2 names per level-1 name. */
export const LEVEL2_NAMES: Record<Level1Name, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};
const ALL_LEVEL2 = ([] as string[]).concat(...Object.values(LEVEL2_NAMES));

/** A level name without spaces, a trailing bracket such as (40分), or a trailing 等. */
export function cleanLevel(s: string): string {
  return normLabel(s ?? '').replace(/等$/, '');
}

/** The standard level-1 name s stands for (指标 may be left off; 效果指标 = 效益指标), or undefined. */
export function level1Of(s: string): Level1Name | undefined {
  let t = cleanLevel(s);
  if (t === '') return undefined;
  if (!t.endsWith('指标')) t += '指标';
  if (t === '效果指标') t = '效益指标';
  return (LEVEL1_NAMES as string[]).includes(t) ? (t as Level1Name) : undefined;
}

/** The standard level-2 name s stands for (指标 may be left off; 满意度指标 = 服务对象满意度指标), or undefined. */
export function level2Of(s: string): string | undefined {
  let t = cleanLevel(s);
  if (t === '') return undefined;
  if (!t.endsWith('指标')) t += '指标';
  if (t === '满意度指标') t = '服务对象满意度指标';
  return ALL_LEVEL2.includes(t) ? t : undefined;
}
