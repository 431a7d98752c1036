// Value parsing (workbook.md §4, §3.2): indicator target/actual cells -> Reading, plain figures,
// execution rates, years and completion tiers.
//
// Every parser here is a hand-written left-to-right scanner or an anchored regex without nested
// quantifiers, so a cell of 100,000 characters is read in linear time.
//
// Choices on spellings the spec leaves open (see the tests for each):
// - `万元` and `亿元` are units of their own: `5万元` is 5 with unit 万元, `1.2亿元` is 1.2 with unit
//   亿元 (unscaled). `万`/`亿` followed by anything else scales: `3万余条` -> 30000 条, `２０万` -> 200000.
//   `3万余元` -> 30000 元 (the 万 is a scale there, since 余 stands between it and 元).
// - A range whose high end carries the 万/亿 scale and whose low end carries none scales both
//   (`1-2万人` -> 10000–20000 人), as Chinese writes it. A range written high-to-low is unreadable.
// - `超500篇` is 500, approximate, "a little more" (comparator eq); `超过500篇` is the comparator gt.
// - `达到500篇` / `达500篇` -> ge. The neutral leading words 完成/已完成/实现/累计/共/共计/合计/控制在
//   and a trailing 完成 are accepted (`完成12期` -> 12 期); any other text before a number makes the
//   cell unreadable.
// - `…内` / `以内` / `之内` -> le (`5个工作日内`); `左右` / `上下` -> approximate; a trailing `+` (`500+`)
//   -> approximate, more. Trailing 完成/已完成/达标/到位/覆盖/全覆盖/(含) are neutral (`100%到位` -> 100 %).
// - `3千人` -> 3000 人, but 千米/千克/千瓦/千元/千字 ... after a number are units (`5千米` -> 5 千米).
// - Reading.more is set only when true.
// - Text holding an Arabic digit that is not one of the readings -> unreadable. Text without Arabic
//   digits is read as a Chinese-numeral figure only when the whole text is one, with a known unit
//   (`三万条`, `两个`), else it is qualitative (`一般`, `进一步提升` stay qualitative).
// - Dates: a bare month or 月底/月末/下旬 is the month's last day; 上旬 the 10th, 中旬 the 20th;
//   年底/年末/年内/下半年 -> 12-31, 上半年/年中 -> 06-30, 第N季度 -> the quarter's last day. With no
//   year written the year is 0 (and February has 29 days, year 0 being a leap year). A 4-digit year
//   alone (`2025年`) is a date (2025-12-31). `…前/以前/之前/内/以内/之内` and a leading
//   不晚于/不迟于/最迟/截至/截止 -> le, otherwise eq.
// - Booleans read as qualitative with text 'TRUE' / 'FALSE' and no tier.
// - Text `1e-7` reads as the number 1e-7.
// - Values are never rounded as read; clean() is applied only to results of arithmetic
//   (×10⁴, ×100, ÷100), which removes floating-point noise beyond 10 significant digits.
// - A number cell whose format has an unquoted % is ×100 with unit %; a quoted unit in the format
//   (0"万元") becomes the unit; a date format reads the serial as a date (Excel 1900 system).

import type { Cell } from './grid';
import type { Comparator, Reading, Tier } from './types';

export type ValueInput = Cell | string | number | boolean | null | undefined;

// ---------------------------------------------------------------- small helpers

/** Full-width -> half-width (digits, letters, （）％，．：＜＞＝～－ and the ideographic space), keeps CJK. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Half-width, without any white space (spaces, ideographic spaces, NBSP, zero-width). */
function compact(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00a0\u200b\u200c\u200d\ufeff]+/g, '')
    .replace(/\u2212/g, '-');
}

/** Number noise from floating point (1.0000000002 -> 1; 0.1+0.2 -> 0.3): round to 10 significant digits. */
export function clean(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const r = Number(x.toPrecision(10));
  return r === 0 ? 0 : r;
}

const EMPTY_MARKERS = new Set(['', '-', '--', '---', '—', '——', '―', '–', '/', '//', '\\', '*', '**', '无', '空', 'N/A', 'n/a', 'NA']);

/** True for the "no value" spellings: empty, white space, —, －, -, /, *, 无. */
export function isEmptyMarker(text: string): boolean {
  return EMPTY_MARKERS.has(compact(text));
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function hasArabicDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigit(s[i])) return true;
  return false;
}

// ---------------------------------------------------------------- Chinese numerals

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, '○': 0,
  一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

function isCnNumeralChar(ch: string): boolean {
  return ch in CN_DIGIT || ch in CN_SMALL || ch in CN_BIG || ch === '点';
}

/** Chinese numerals: '三' 3, '十二' 12, '二十五' 25, '三万' 30000, '一百零八' 108, '两' 2, '〇/零'. null if not a numeral. */
export function chineseNumeral(input: string): number | null {
  const s = compact(input);
  if (s === '') return null;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const ip = chineseNumeral(s.slice(0, dot));
    const fr = s.slice(dot + 1);
    if (ip === null || fr === '') return null;
    let digits = '';
    for (const ch of fr) {
      if (!(ch in CN_DIGIT) || ch === '两' || ch === '兩') return null;
      digits += String(CN_DIGIT[ch]);
    }
    return clean(ip + Number('0.' + digits));
  }
  // Digit by digit: 二〇二五 -> 2025.
  let allDigits = true;
  for (const ch of s) if (!(ch in CN_DIGIT)) { allDigits = false; break; }
  if (allDigits) {
    if (s.length === 1) return CN_DIGIT[s];
    let digits = '';
    for (const ch of s) {
      if (ch === '两' || ch === '兩') return null;
      digits += String(CN_DIGIT[ch]);
    }
    return Number(digits);
  }
  let total = 0; // parts completed by 亿
  let wan = 0; // part completed by 万
  let wanUsed = false;
  let yiUsed = false;
  let section = 0; // below 万
  let num = -1; // pending digit
  let lastSmall = Infinity;
  let prevUnit = 0; // the unit just before the pending digit (for 一百二 = 120)
  let zero = false;
  let first = true;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      const d = CN_DIGIT[ch];
      if (num >= 0) return null;
      if (d === 0) {
        if (first) return null;
        zero = true;
        prevUnit = 0;
      } else num = d;
    } else if (ch in CN_SMALL) {
      const u = CN_SMALL[ch];
      if (u >= lastSmall) return null;
      let n = num;
      if (n < 0) {
        if (u === 10 && (first || zero)) n = 1;
        else return null;
      }
      section += n * u;
      lastSmall = u;
      prevUnit = u;
      num = -1;
      zero = false;
    } else if (ch in CN_BIG) {
      const b = CN_BIG[ch];
      const part = section + (num > 0 ? num : 0);
      if (b === 1e4) {
        if (part === 0 || wanUsed) return null;
        wan = part * 1e4;
        wanUsed = true;
      } else {
        if (part + wan === 0 || yiUsed) return null;
        total = (total + wan + part) * 1e8;
        wan = 0;
        wanUsed = false;
        yiUsed = true;
      }
      section = 0;
      num = -1;
      lastSmall = Infinity;
      prevUnit = b;
      zero = false;
    } else return null;
    first = false;
  }
  let tail = num > 0 ? num : 0;
  if (num > 0 && prevUnit >= 100 && !zero) tail = num * (prevUnit / 10); // 一百二 = 120, 一万五 = 15000
  return total + wan + section + tail;
}

// ---------------------------------------------------------------- units

const KNOWN_UNITS = new Set([
  '篇', '条', '期', '次', '人', '人次', '个', '家', '份', '场', '部', '天', '日', '小时', '分钟', '秒',
  '米', '公里', '千米', '平方米', '平方公里', '立方米', '延米', '万元', '元', '亿元', '%', '‰', '户', '项', '件',
  '所', '座', '处', '名', '位', '台', '套', '辆', '吨', '公斤', '千克', '克', '斤', '亩', '公顷', '株', '棵', '头',
  '只', '册', '本', '张', '批', '届', '轮', '季', '年', '月', '个月', '周', '工作日', '个工作日', '分', '村',
  '镇', '乡', '社区', '间', '栋', '盏', '块', '根', '段', '条次', '户次', '批次', '场次', '人天', '人日', '床',
  '床位', '班', '班次', '门', '课时', '学时', '节', '期次', '种', '类', '台次', '架次', '宗', '起', '例',
  '单', '笔', '篇次', '课', '处次', '家次', '单位', '个单位', '所学校', '学校', '万人次', '平米', '幅', '枚',
  '立方', '方', '度', '千瓦', '千瓦时', '兆瓦', '公顷', '顷', '片', '组', '队', '支', '个次', '项次', '元/人',
  'km', 'm', 'kg', 't', 'kw', 'kwh', 'mw', 'gb', 'tb', 'mb', 'h', 'min', 'm2', 'm3', 'm²', 'm³', 'km²', 'km2',
]);

/** Unit normalisation: '百分比'|'百分点'|'％' -> '%'; trims; '' for none. 万元 stays 万元 (≠ 元). */
export function normUnit(u: string): string {
  // A compound unit's product sign, however written: 元/人·月 = 元/人*月 = 元/人×月.
  let s = compact(u).replace(/(?<=\p{L})[·・•∙⋅*×](?=\p{L})/gu, '·');
  // (%) / （万元）
  while (s.length >= 2 && s[0] === '(' && s[s.length - 1] === ')') s = s.slice(1, -1);
  if (s === '百分比' || s === '百分点' || s === '个百分点' || s === '百分率' || s === '%') return '%';
  return s;
}

const UNIT_FORBIDDEN = /[的和及或并且与完达未以第约共为是在对于将已把被从向不]/;

function unitOk(unit: string, strict: boolean): boolean {
  if (unit === '') return true;
  if (KNOWN_UNITS.has(unit) || KNOWN_UNITS.has(unit.toLowerCase())) return true;
  const slash = unit.indexOf('/');
  // A quotient of units (元/户, 元/人/月): each part a unit.
  if (slash > 0) return unit.split('/').every((p) => p !== '' && unitOk(p, strict));
  // A product of units (人·月): each factor a unit.
  const dot = unit.indexOf('·');
  if (dot > 0 && dot < unit.length - 1) return unit.split('·').every((p) => p !== '' && unitOk(p, strict));
  if (unit[0] === '个' && unit.length > 1 && unitOk(unit.slice(1), strict)) return true;
  if (strict) return false;
  if (UNIT_FORBIDDEN.test(unit)) return false;
  if (/^[A-Za-z]{1,5}[23²³]?$/.test(unit)) return true;
  return /^\p{L}{1,3}$/u.test(unit) && !/[A-Za-z]/.test(unit);
}

/**
 * A compound unit the reader cannot parse still lets the number be read (issue 7): a short run of
 * letters with a / · or bracket after Arabic digits (次/期刊号, 万元(含税)), with no word that makes it a phrase (完成, 以上 …).
 * It is kept as written, so only the same text on the other side compares equal.
 */
function looseUnit(unit: string, cn: boolean): boolean {
  if (cn || unit.length > 8 || UNIT_FORBIDDEN.test(unit) || !/[/·(]/.test(unit)) return false;
  return /^[\p{L}/·()‰²³]+$/u.test(unit) && /\p{L}/u.test(unit);
}

// ---------------------------------------------------------------- number scanning

interface NumTok {
  value: number;
  /** The digits as written (without thousands separators), for counting decimals. */
  raw: string;
  end: number;
  scale: number;
  percent: boolean;
  approx: boolean;
  more: boolean;
}

/** An Arabic figure at i: sign, digits with thousands separators, decimals, exponent. */
function scanArabic(s: string, i: number): { value: number; raw: string; end: number } | null {
  let j = i;
  let sign = '';
  if ((s[j] === '-' || s[j] === '+') && isDigit(s[j + 1])) {
    sign = s[j] === '-' ? '-' : '';
    j++;
  }
  if (!isDigit(s[j])) return null;
  let int = '';
  while (isDigit(s[j])) int += s[j++];
  if (int.length <= 3) {
    // thousands separators: ,ddd not followed by a further digit
    while (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4])) {
      int += s.slice(j + 1, j + 4);
      j += 4;
    }
  }
  let frac = '';
  if (s[j] === '.' && isDigit(s[j + 1])) {
    j++;
    while (isDigit(s[j])) frac += s[j++];
  }
  let exp = '';
  if ((s[j] === 'e' || s[j] === 'E') && (isDigit(s[j + 1]) || ((s[j + 1] === '-' || s[j + 1] === '+') && isDigit(s[j + 2])))) {
    let k = j + 1;
    let e = s[k] === '-' ? '-' : '';
    if (s[k] === '-' || s[k] === '+') k++;
    while (isDigit(s[k])) e += s[k++];
    exp = e;
    j = k;
  }
  const raw = sign + int + (frac ? '.' + frac : '');
  const value = Number(raw + (exp ? 'e' + exp : ''));
  if (!Number.isFinite(value)) return null;
  return { value, raw: exp ? raw + 'e' + exp : raw, end: j };
}

/** A Chinese-numeral figure at i (maximal run of numeral characters). 万元/亿元 keep their 万/亿 as unit. */
function scanChinese(s: string, i: number): { value: number; raw: string; end: number } | null {
  let j = i;
  while (j < s.length && isCnNumeralChar(s[j])) j++;
  if (j === i) return null;
  if (j - i >= 2 && (s[j - 1] === '万' || s[j - 1] === '亿') && s[j] === '元') j--;
  // 百分 after a numeral (一百分) is not a numeral
  const v = chineseNumeral(s.slice(i, j));
  if (v === null) return null;
  return { value: v, raw: String(v), end: j };
}

/** After 千, these make a unit (千米, 千克, 千瓦, 千元 ...), not a scale. */
const THOUSAND_UNITS = new Set(['米', '克', '瓦', '元', '字', '卡', '伏', '焦', '帕', '赫', '兆', '步']);

/** number [千|万|亿]* [余|多] at i; cn allows Chinese numerals; 百分之 makes a percent. */
function scanFigure(s: string, i: number, cn: boolean): NumTok | null {
  let j = i;
  let percent = false;
  if (s.startsWith('百分之', j)) {
    percent = true;
    j += 3;
  }
  const base =
    scanArabic(s, j) ??
    (percent && s[j] === '百' && !isCnNumeralChar(s[j + 1] ?? '') ? { value: 100, raw: '100', end: j + 1 } : null) ?? // 百分之百
    (cn ? scanChinese(s, j) : null);
  if (!base) return null;
  j = base.end;
  let scale = 1;
  if (!isCnNumeralChar(s[base.end - 1] ?? '') && s[j] === '千' && !THOUSAND_UNITS.has(s[j + 1])) {
    scale = 1e3; // 3千人 -> 3000 人 (千米, 千克, 千瓦, 千元 ... are units)
    j++;
  }
  while ((s[j] === '万' || s[j] === '亿') && s[j + 1] !== '元') {
    scale *= s[j] === '万' ? 1e4 : 1e8;
    j++;
  }
  let approx = false;
  let more = false;
  if (s[j] === '余' || s[j] === '多') {
    approx = true;
    more = true;
    j++;
  }
  // a 万 after 余/多 (十多万) scales as well
  while ((s[j] === '万' || s[j] === '亿') && s[j + 1] !== '元') {
    scale *= s[j] === '万' ? 1e4 : 1e8;
    j++;
  }
  const value = scale === 1 ? base.value : clean(base.value * scale);
  if (!Number.isFinite(value)) return null;
  return { value, raw: base.raw, end: j, scale, percent, approx, more };
}

// ---------------------------------------------------------------- comparators

type Cmp = Comparator | 'none';

/** Words before a number, longest first at each position. 'none' = a neutral word. */
const PREFIXES: [string, Cmp][] = (
  [
    ['大于或等于', 'ge'], ['高于或等于', 'ge'], ['大于等于', 'ge'], ['高于等于', 'ge'], ['不得低于', 'ge'], ['不得少于', 'ge'],
    ['小于或等于', 'le'], ['低于或等于', 'le'], ['小于等于', 'le'], ['低于等于', 'le'], ['不得超过', 'le'], ['不得高于', 'le'],
    ['不低于', 'ge'], ['不少于', 'ge'], ['不小于', 'ge'], ['至少', 'ge'], ['最少', 'ge'], ['最低', 'ge'], ['达到', 'ge'],
    ['不高于', 'le'], ['不超过', 'le'], ['不大于', 'le'], ['不多于', 'le'], ['未超过', 'le'], ['至多', 'le'], ['最多', 'le'],
    ['最高', 'le'], ['控制在', 'none'],
    ['大于', 'gt'], ['高于', 'gt'], ['多于', 'gt'], ['超过', 'gt'], ['超出', 'gt'],
    ['小于', 'lt'], ['低于', 'lt'], ['少于', 'lt'], ['不足', 'lt'],
    ['已完成', 'none'], ['完成', 'none'], ['实现', 'none'], ['累计', 'none'], ['共计', 'none'], ['合计', 'none'], ['共', 'none'],
    ['达', 'ge'],
    ['>=', 'ge'], ['=>', 'ge'], ['≥', 'ge'], ['≧', 'ge'], ['≮', 'ge'], ['⩾', 'ge'],
    ['<=', 'le'], ['=<', 'le'], ['≤', 'le'], ['≦', 'le'], ['≯', 'le'], ['⩽', 'le'],
    ['>', 'gt'], ['〉', 'gt'], ['》', 'gt'],
    ['<', 'lt'], ['〈', 'lt'], ['《', 'lt'],
    ['==', 'eq'], ['=', 'eq'], ['═', 'eq'], ['等于', 'eq'],
  ] as [string, Cmp][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * A comparator written on its own, as a 指标性质 column holds it: '≥', '＞', '不低于', '=',
 * '定量' (exactly) or '定性' ('qual'); undefined when the text is none of these.
 */
export function parseComparator(text: string | undefined): Comparator | 'qual' | undefined {
  if (typeof text !== 'string') return undefined;
  const s = toHalfWidth(text).replace(/[\s\u3000]/g, '');
  if (s === '') return undefined;
  if (s === '定性') return 'qual';
  const t = s.replace(/^定量/, '');
  if (t === '') return 'eq';
  const hit = PREFIXES.find(([w]) => w === t);
  return hit && hit[1] !== 'none' ? hit[1] : undefined;
}

const APPROX_PREFIXES: [string, boolean][] = [
  ['大约', false], ['大概', false], ['将近', false], ['接近', false], ['约为', false], ['约', false], ['近', false], ['超', true],
];

/** Words after the unit, longest first. */
const SUFFIXES: [string, Cmp | 'approx' | 'more' | 'none'][] = (
  [
    ['(含)以上', 'ge'], ['(含)以下', 'le'], ['及其以上', 'ge'], ['及以上', 'ge'], ['或以上', 'ge'], ['以上', 'ge'],
    ['及以下', 'le'], ['或以下', 'le'], ['以下', 'le'], ['以内', 'le'], ['之内', 'le'], ['内', 'le'],
    ['左右', 'approx'], ['上下', 'approx'], ['+', 'more'],
    ['已完成', 'none'], ['完成', 'none'], ['已达标', 'none'], ['达标', 'none'], ['到位', 'none'], ['全覆盖', 'none'],
    ['覆盖', 'none'], ['(含)', 'none'],
  ] as [string, Cmp | 'approx' | 'more' | 'none'][]
).sort((a, b) => b[0].length - a[0].length);

const RANGE_SEPS = new Set(['-', '~', '—', '–', '―', '至', '到', '〜']);

function sameDirection(a: Comparator, b: Comparator): boolean {
  const up = (c: Comparator) => c === 'ge' || c === 'gt';
  const down = (c: Comparator) => c === 'le' || c === 'lt';
  return (up(a) && up(b)) || (down(a) && down(b));
}

// ---------------------------------------------------------------- the numeric grammar

interface NumReading {
  comparator: Comparator;
  low: number;
  high: number;
  unit: string;
  approx: boolean;
  more: boolean;
}

/** Reads the unit text from j up to the end, a digit, or a range separator. */
function unitRun(s: string, j: number): number {
  let k = j;
  while (k < s.length && !isDigit(s[k]) && !RANGE_SEPS.has(s[k])) k++;
  return k;
}

function stripSuffixes(tail: string): { rest: string; cmp?: Comparator; approx: boolean; more: boolean } | null {
  let rest = tail;
  let cmp: Comparator | undefined;
  let approx = false;
  let more = false;
  for (let round = 0; round < 4; round++) {
    let hit = false;
    for (const [w, kind] of SUFFIXES) {
      if (rest.length >= w.length && rest.endsWith(w)) {
        rest = rest.slice(0, rest.length - w.length);
        if (kind === 'approx') approx = true;
        else if (kind === 'more') {
          approx = true;
          more = true;
        } else if (kind !== 'none') {
          if (cmp && !sameDirection(cmp, kind) && cmp !== kind) return null;
          cmp = cmp ?? kind;
        }
        hit = true;
        break;
      }
    }
    if (!hit) break;
  }
  return { rest, cmp, approx, more };
}

/**
 * The numeric grammar on compacted text:
 *   [comparator|approx word]* figure [unit] ( sep figure [unit] )? [suffix words]
 * cn: Chinese numerals allowed (and units must then be known units).
 */
function readNumeric(s: string, cn: boolean): NumReading | null {
  const head = readPrefixes(s);
  const lo = scanFigure(s, head.i, cn);
  if (!lo) return null;
  const j = lo.end;
  let k = unitRun(s, j);
  let loUnitText = s.slice(j, k);
  let hi: NumTok | null = null;
  let hiUnitText = '';
  if (k < s.length && RANGE_SEPS.has(s[k])) {
    let m = k;
    while (m < s.length && RANGE_SEPS.has(s[m])) m++;
    if (m - k <= 2) hi = scanHighFigure(s, m, cn);
    if (hi) {
      const e = unitRun(s, hi.end);
      if (e !== s.length) return null;
      hiUnitText = s.slice(hi.end, e);
    } else {
      // no figure after the separator: it belongs to the unit text (100%到位), which must then end the text
      k = m;
      while (k < s.length && !isDigit(s[k])) k++;
      if (k < s.length) return null;
      loUnitText = s.slice(j, k);
    }
  }
  if (!hi && k < s.length) return null; // a digit after the unit text: more than one figure
  if (hi) return rangeReading(head, lo, loUnitText, hi, hiUnitText, cn);
  return singleReading(head, lo, loUnitText, cn);
}

/** The comparator and approximation words before the figure, and where the figure starts. */
interface NumHead {
  i: number;
  pre: Cmp | undefined;
  approx: boolean;
  more: boolean;
}

function readPrefixes(s: string): NumHead {
  let i = 0;
  let pre: Cmp | undefined;
  let approx = false;
  let more = false;
  for (let round = 0; round < 3; round++) {
    let hit = false;
    if (pre === undefined) {
      for (const [w, c] of PREFIXES) {
        if (s.startsWith(w, i)) {
          pre = c;
          i += w.length;
          hit = true;
          break;
        }
      }
    }
    if (!hit && !approx) {
      for (const [w, m] of APPROX_PREFIXES) {
        if (s.startsWith(w, i)) {
          approx = true;
          more = more || m;
          i += w.length;
          hit = true;
          break;
        }
      }
    }
    if (!hit) break;
  }
  return { i, pre, approx, more };
}

/** The figure after a range separator at m, with an approximation word before it (not 超). */
function scanHighFigure(s: string, m: number, cn: boolean): NumTok | null {
  let approxHi = false;
  for (const [w] of APPROX_PREFIXES) {
    if (s.startsWith(w, m) && w !== '超') {
      m += w.length;
      approxHi = true;
      break;
    }
  }
  const hi = scanFigure(s, m, cn);
  if (hi && approxHi) hi.approx = true;
  return hi;
}

function rangeReading(head: NumHead, lo: NumTok, loUnitText: string, hi: NumTok, hiUnitText: string, cn: boolean): NumReading | null {
  const { pre, approx, more } = head;
  const loUnit = normUnit(loUnitText);
  const sx = stripSuffixes(hiUnitText);
  if (!sx || sx.cmp) return null; // 90%-95%以上: not a range we can read
  const hiUnit = normUnit(sx.rest);
  if (!unitOk(loUnit, cn) || !unitOk(hiUnit, cn)) return null;
  if (lo.percent || hi.percent) {
    if ((loUnit && loUnit !== '%') || (hiUnit && hiUnit !== '%')) return null;
  }
  const loU = lo.percent ? '%' : loUnit;
  const hiU = hi.percent ? '%' : hiUnit;
  if (loU && hiU && loU !== hiU) return null;
  let low = lo.value;
  // 1-2万人 -> 1万–2万 人; 5000-1万 keeps 5000 (scaling it would pass the high end)
  if (lo.scale === 1 && hi.scale !== 1 && loU === '' && clean(low * hi.scale) <= hi.value) low = clean(low * hi.scale);
  const high = hi.value;
  if (!Number.isFinite(low) || !(low <= high)) return null;
  if (pre && pre !== 'none' && pre !== 'eq') return null;
  return {
    comparator: 'range',
    low,
    high,
    unit: hiU || loU,
    approx: approx || lo.approx || hi.approx || sx.approx,
    more: more || lo.more || hi.more || sx.more,
  };
}

function singleReading(head: NumHead, lo: NumTok, loUnitText: string, cn: boolean): NumReading | null {
  const { pre, approx, more } = head;
  const sx = stripSuffixes(loUnitText);
  if (!sx) return null;
  const unit = normUnit(sx.rest);
  if (!unitOk(unit, cn) && !looseUnit(unit, cn)) return null;
  if (lo.percent && unit !== '' && unit !== '%') return null;
  let cmp: Comparator = 'eq';
  const p = pre === 'none' ? undefined : pre;
  if (p && sx.cmp) {
    if (p !== 'eq' && !sameDirection(p, sx.cmp) && p !== sx.cmp) return null;
    cmp = p === 'eq' ? sx.cmp : p;
  } else cmp = p ?? sx.cmp ?? 'eq';
  return {
    comparator: cmp,
    low: lo.value,
    high: lo.value,
    unit: lo.percent ? '%' : unit,
    approx: approx || lo.approx || sx.approx,
    more: more || lo.more || sx.more,
  };
}

// ---------------------------------------------------------------- dates

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthDays(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Excel 1900 date system: serial 1 = 1900-01-01, 60 = the phantom 1900-02-29, 45658 = 2025-01-01. -> yyyymmdd */
export function serialToYmd(serial: number): number | null {
  if (!Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > 2958465) return null;
  if (n === 60) return 19000229;
  const days = n < 60 ? n - 1 : n - 2; // days after 1900-01-01
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86400000);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** yyyymmdd -> 'yyyy-mm-dd' (the year left out when it is 0, i.e. not written). */
export function ymdText(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const md = `${String(Math.floor(ymd / 100) % 100).padStart(2, '0')}-${String(ymd % 100).padStart(2, '0')}`;
  return y === 0 ? md : `${y}-${md}`;
}

/** The first section of a number format, without quoted text, [..] codes and escaped characters. */
/** Entries each cache of this file holds before it is cleared. */
const MAX_CACHED = 20000;

/** The format codes a workbook uses are few: each is reduced to its core once. */
const formatCores = new Map<string, string>();

function formatCore(format: string): string {
  let core = formatCores.get(format);
  if (core === undefined) {
    core = formatCoreUncached(format);
    if (formatCores.size >= MAX_CACHED) formatCores.clear();
    formatCores.set(format, core);
  }
  return core;
}

function formatCoreUncached(format: string): string {
  const first = format.split(';')[0];
  return first.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/[\\_*]./g, '');
}

/** True for a number format that shows a date (yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日" ...), not a time alone. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = formatCore(format);
  if (/general/i.test(f)) return false;
  if (/[yd]/i.test(f)) return true;
  return /m/i.test(f) && !/[hs]/i.test(f);
}

function isPercentFormat(format: string | undefined): boolean {
  return !!format && formatCore(format).includes('%');
}

/** The literal unit a format shows after the number: 0"万元" -> 万元. */
function formatUnit(format: string | undefined): string {
  if (!format) return '';
  const first = format.split(';')[0];
  const m = /"([^"]*)"\s*$/.exec(first);
  if (!m) return '';
  const u = normUnit(m[1]);
  return unitOk(u, false) ? u : '';
}

/** Decimals a number format shows: '0.00%' -> 2, '0%' -> 0; undefined when it does not say. */
function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  const f = formatCore(format);
  if (!/[0#?]/.test(f)) return undefined;
  const m = /\.([0#?]+)/.exec(f);
  return m ? m[1].length : 0;
}

const CN_MONTH: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};

function smallNumber(t: string): number | null {
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const v = chineseNumeral(t);
  return v !== null && Number.isInteger(v) && v >= 0 && v < 100 ? v : null;
}

const DATE_PREFIX_LE = ['不晚于', '不迟于', '最迟', '最晚', '截至', '截止到', '截止'];
const DATE_PREFIX_NEUTRAL = ['计划于', '预计于', '于', '在'];
const DATE_SUFFIX_LE = ['以前', '之前', '前', '以内', '之内', '内'];
const DATE_TAIL = ['全部完成', '前完成', '完成', '完工', '竣工', '办结', '上线', '到位'];

/** A deadline or a date written as text -> { cmp, ymd } (year 0 when none is written). */
function readDateText(s: string): { cmp: Comparator; ymd: number } | null {
  let i = 0;
  let cmp: Comparator = 'eq';
  for (const p of DATE_PREFIX_LE) {
    if (s.startsWith(p, i)) {
      cmp = 'le';
      i += p.length;
      break;
    }
  }
  if (i === 0) {
    for (const p of DATE_PREFIX_NEUTRAL) {
      if (s.startsWith(p, i)) {
        i += p.length;
        break;
      }
    }
  }
  const rest = s.slice(i);
  let y = 0;
  let m = 0;
  let d = 0;
  let used = 0;
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})日?/.exec(rest);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[3]);
    d = Number(iso[4]);
    used = iso[0].length;
  } else {
    let t = rest;
    let hasYear = false;
    const ya = /^(\d{4})年(度)?/.exec(t) ?? /^([〇零○一二三四五六七八九]{4})年(度)?/.exec(t);
    if (ya) {
      const yv = /^\d{4}$/.test(ya[1]) ? Number(ya[1]) : chineseNumeral(ya[1]);
      if (yv === null || yv < 1900 || yv > 2199) return null;
      y = yv;
      hasYear = true;
      t = t.slice(ya[0].length);
      used += ya[0].length;
    }
    let q: RegExpExecArray | null;
    if (hasYear && (t.startsWith('底') || t.startsWith('末'))) {
      m = 12; d = 31; used += 1;
    } else if ((q = /^(本|当)?年(底|末|内|终)/.exec(t))) {
      if (q[2] === '内') cmp = 'le';
      m = 12; d = 31; used += q[0].length;
    } else if ((q = /^(上半年|年中)/.exec(t))) {
      m = 6; d = 30; used += q[0].length;
    } else if ((q = /^下半年/.exec(t))) {
      m = 12; d = 31; used += q[0].length;
    } else if ((q = /^第?([1-4一二三四])季度(末|底)?/.exec(t))) {
      const qn = isDigit(q[1]) ? Number(q[1]) : CN_DIGIT[q[1]];
      m = qn * 3; d = monthDays(y, m); used += q[0].length;
    } else if ((q = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?/.exec(t))) {
      m = isDigit(q[1][0]) ? Number(q[1]) : CN_MONTH[q[1]];
      if (!(m >= 1 && m <= 12)) return null;
      used += q[0].length;
      t = t.slice(q[0].length);
      const dm = /^(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(日|号)/.exec(t);
      const em = /^(底|末|下旬|上旬|中旬)/.exec(t);
      if (dm) {
        d = smallNumber(dm[1]) ?? 0;
        if (d < 1) return null;
        used += dm[0].length;
      } else if (em) {
        d = em[1] === '上旬' ? 10 : em[1] === '中旬' ? 20 : monthDays(y, m);
        used += em[0].length;
      } else d = monthDays(y, m);
    } else if (hasYear) {
      m = 12; d = 31;
    } else return null;
  }
  if (!(m >= 1 && m <= 12) || !(d >= 1 && d <= monthDays(y, m))) return null;
  let tail = rest.slice(used);
  for (const w of DATE_SUFFIX_LE) {
    if (tail.startsWith(w)) {
      cmp = 'le';
      tail = tail.slice(w.length);
      break;
    }
  }
  for (const w of DATE_TAIL) {
    if (tail === w) {
      tail = '';
      break;
    }
  }
  if (tail !== '') return null;
  return { cmp, ymd: y * 10000 + m * 100 + d };
}

// ---------------------------------------------------------------- tiers

const TIER_NEG = [
  '未达成', '未完成', '未达到', '未达标', '未达', '未实现', '未按期', '未按时', '未如期', '未及时', '未能完成', '未能',
  '没有完成', '没完成', '没有达到', '尚未', '滞后', '不及时', '不达标', '不明显', '不显著', '不到位', '不符合', '不满足',
  '逾期', '无法完成', '差距较大', '较差', '不满意', '无效', '下滑', '延期', '延迟', '推迟', '拖延',
];
const TIER_PART = [
  '部分达成', '基本完成', '基本达成', '部分完成', '基本达到', '部分达到', '基本实现', '部分实现', '大部分完成', '基本按期',
  '基本按时', '基本平稳', '基本及时', '基本到位', '基本符合', '基本满足', '基本达标',
];
const TIER_POS = [
  '达成', '完成', '达到', '达标', '实现', '平稳', '稳定', '及时', '按时', '按期', '如期', '效果明显', '效果显著', '明显',
  '显著', '有效', '良好', '到位', '符合', '满足', '提升', '提高', '改善', '增强', '全覆盖', '满意',
];

/** The completion tier a wording implies (negatives first: 未完成 is not 完成). */
export function tierOf(text: string): Tier | undefined {
  const s = compact(text);
  if (s === '') return undefined;
  for (const w of TIER_NEG) if (s.includes(w)) return '未达成';
  for (const w of TIER_PART) if (s.includes(w)) return '部分达成';
  for (const w of TIER_POS) if (s.includes(w)) return '达成';
  return undefined;
}

// ---------------------------------------------------------------- readings

function reading(kind: Reading['kind'], text: string, extra: Partial<Reading> = {}): Reading {
  return { kind, unit: '', approx: false, text, ...extra };
}

function numberReading(text: string, n: NumReading): Reading {
  const r: Reading = {
    kind: 'number',
    comparator: n.comparator,
    low: n.low,
    high: n.high,
    unit: n.unit,
    approx: n.approx,
    text,
  };
  if (n.more) r.more = true;
  return r;
}

/**
 * Readings of cell texts already read: a workbook repeats its texts (≥95%, 100%, 及时, 达成) on
 * every table, and reading one is the reader's largest single cost. Cached readings are frozen,
 * so no caller can change another's; bounded, cleared when full.
 */
const textReadings = new Map<string, Reading>();

function readText(text: string): Reading {
  const hit = textReadings.get(text);
  if (hit !== undefined) return hit;
  const r = Object.freeze(readTextUncached(text)) as Reading;
  if (textReadings.size >= MAX_CACHED) textReadings.clear();
  textReadings.set(text, r);
  return r;
}

function readTextUncached(text: string): Reading {
  const s = compact(text);
  if (EMPTY_MARKERS.has(s)) return reading('empty', text);
  const date = readDateText(s);
  if (date) return reading('date', text, { comparator: date.cmp, low: date.ymd, high: date.ymd, unit: 'date' });
  if (hasArabicDigit(s)) {
    const n = readNumeric(s, false);
    return n ? numberReading(text, n) : reading('unreadable', text);
  }
  const n = readNumeric(s, true);
  if (n) return numberReading(text, n);
  return reading('qualitative', text, { tier: tierOf(s) });
}

/** An indicator target/actual cell -> Reading (workbook.md §4, every row of its table). */
export function parseReading(input: ValueInput): Reading {
  if (input === null || input === undefined) return reading('empty', '');
  if (typeof input === 'string') return readText(input);
  if (typeof input === 'boolean') return reading('qualitative', input ? 'TRUE' : 'FALSE');
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return reading('unreadable', String(input));
    return reading('number', String(input), { comparator: 'eq', low: input, high: input });
  }
  const cell = input;
  if (cell.error) return reading('unreadable', cell.error);
  const v = cell.value;
  if (v === null || v === undefined) return reading('empty', cell.text ?? '');
  if (typeof v === 'string') return readText(v);
  if (typeof v === 'boolean') return reading('qualitative', v ? 'TRUE' : 'FALSE');
  const text = cell.text !== undefined && cell.text !== '' ? cell.text : String(v);
  if (!Number.isFinite(v)) return reading('unreadable', text);
  if (isDateFormat(cell.format)) {
    const ymd = serialToYmd(v);
    if (ymd === null) return reading('unreadable', text);
    // The cell shows a date, not its serial number: without the host's displayed text, say the date.
    const shown = cell.text !== undefined && cell.text !== '' ? cell.text : ymdText(ymd);
    return reading('date', shown, { comparator: 'eq', low: ymd, high: ymd, unit: 'date' });
  }
  if (isPercentFormat(cell.format)) {
    const p = clean(v * 100);
    return reading('number', text, { comparator: 'eq', low: p, high: p, unit: '%' });
  }
  return reading('number', text, { comparator: 'eq', low: v, high: v, unit: formatUnit(cell.format) });
}

// ---------------------------------------------------------------- plain figures

type Status = 'ok' | 'empty' | 'unreadable' | 'error';

/** Splits a ValueInput into what the figure readers need. */
function unpack(input: ValueInput):
  | { t: 'empty'; text: string }
  | { t: 'error'; text: string }
  | { t: 'number'; n: number; text: string; format?: string }
  | { t: 'text'; text: string }
  | { t: 'bad'; text: string } {
  if (input === null || input === undefined) return { t: 'empty', text: '' };
  if (typeof input === 'string') return { t: 'text', text: input };
  if (typeof input === 'number') return Number.isFinite(input) ? { t: 'number', n: input, text: String(input) } : { t: 'bad', text: String(input) };
  if (typeof input === 'boolean') return { t: 'bad', text: input ? 'TRUE' : 'FALSE' };
  if (input.error) return { t: 'error', text: input.error };
  const v = input.value;
  if (v === null || v === undefined) return { t: 'empty', text: input.text ?? '' };
  if (typeof v === 'string') return { t: 'text', text: v };
  if (typeof v === 'boolean') return { t: 'bad', text: v ? 'TRUE' : 'FALSE' };
  const text = input.text !== undefined && input.text !== '' ? input.text : String(v);
  return Number.isFinite(v) ? { t: 'number', n: v, text, format: input.format } : { t: 'bad', text };
}

/** A bare figure in compacted text: [-]number [万|亿] [unit]; no comparator, no approximation. */
function readFigureText(s: string): { value: number; raw: string; unit: string } | null {
  const cn = !hasArabicDigit(s);
  const tok = scanFigure(s, 0, cn);
  if (!tok || tok.approx) return null;
  const unit = normUnit(s.slice(tok.end));
  if (tok.percent && unit !== '' && unit !== '%') return null;
  if (!unitOk(unit, cn)) return null;
  if (hasArabicDigit(unit)) return null;
  return { value: tok.value, raw: tok.raw, unit: tok.percent ? '%' : unit };
}

/** A plain figure (amount, weight, score, count); see the header comment of this module. */
export function readNumber(input: ValueInput): { status: Status; value: number | null; text: string; error?: string } {
  const u = unpack(input);
  switch (u.t) {
    case 'empty':
      return { status: 'empty', value: null, text: u.text };
    case 'error':
      return { status: 'error', value: null, text: u.text, error: u.text };
    case 'bad':
      return { status: 'unreadable', value: null, text: u.text };
    case 'number':
      return { status: 'ok', value: u.n, text: u.text };
    case 'text': {
      const s = compact(u.text);
      if (EMPTY_MARKERS.has(s)) return { status: 'empty', value: null, text: u.text };
      const f = readFigureText(s);
      return f ? { status: 'ok', value: f.value, text: u.text } : { status: 'unreadable', value: null, text: u.text };
    }
  }
}

/** Decimals of a number as JavaScript writes it after clean(): 96.74 -> 2, 1e-7 -> 7. */
function decimalsOfNumber(n: number): number {
  const t = String(clean(Math.abs(n)));
  const e = /e-(\d+)$/.exec(t);
  if (e) {
    const mant = t.slice(0, t.indexOf('e'));
    const dot = mant.indexOf('.');
    return Number(e[1]) + (dot >= 0 ? mant.length - dot - 1 : 0);
  }
  if (/e\+/.test(t)) return 0;
  const dot = t.indexOf('.');
  return dot >= 0 ? t.length - dot - 1 : 0;
}

function decimalsOfRaw(raw: string): number {
  const dot = raw.indexOf('.');
  return dot >= 0 ? raw.length - dot - 1 : 0;
}

/** 执行率 (workbook.md §3.2); see the header comment of this module. */
export function readRate(input: ValueInput): { status: Status; value: number | null; decimals: number; text: string; error?: string } {
  const u = unpack(input);
  switch (u.t) {
    case 'empty':
      return { status: 'empty', value: null, decimals: 0, text: u.text };
    case 'error':
      return { status: 'error', value: null, decimals: 0, text: u.text, error: u.text };
    case 'bad':
      return { status: 'unreadable', value: null, decimals: 0, text: u.text };
    case 'number': {
      const fd = formatDecimals(u.format);
      if (isPercentFormat(u.format)) return { status: 'ok', value: u.n, decimals: fd ?? Math.max(0, decimalsOfNumber(u.n) - 2), text: u.text };
      if (u.n > 1.5) return { status: 'ok', value: clean(u.n / 100), decimals: fd ?? decimalsOfNumber(u.n), text: u.text };
      return { status: 'ok', value: u.n, decimals: Math.max(0, (fd ?? decimalsOfNumber(u.n)) - 2), text: u.text };
    }
    case 'text': {
      const s = compact(u.text);
      if (EMPTY_MARKERS.has(s)) return { status: 'empty', value: null, decimals: 0, text: u.text };
      const f = readFigureText(s);
      if (!f || (f.unit !== '' && f.unit !== '%')) return { status: 'unreadable', value: null, decimals: 0, text: u.text };
      const dec = decimalsOfRaw(f.raw);
      if (f.unit === '%' || f.value > 1.5) return { status: 'ok', value: clean(f.value / 100), decimals: dec, text: u.text };
      return { status: 'ok', value: f.value, decimals: Math.max(0, dec - 2), text: u.text };
    }
  }
}

// ---------------------------------------------------------------- years

function plausibleYear(n: number): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= 2199;
}

/** A year: 2025, '2025', '2025年', '2025年度', '（2025年度）', '二〇二五年', a date cell -> its year. null otherwise. */
export function parseYear(input: ValueInput): number | null {
  if (input === null || input === undefined || typeof input === 'boolean') return null;
  if (typeof input === 'number') return plausibleYear(input) ? input : null;
  let text: string;
  if (typeof input === 'object') {
    if (input.error) return null;
    const v = input.value;
    if (typeof v === 'number') {
      if (isDateFormat(input.format)) {
        const ymd = serialToYmd(v);
        return ymd === null ? null : Math.floor(ymd / 10000);
      }
      return plausibleYear(v) ? v : null;
    }
    if (typeof v !== 'string') return null;
    text = v;
  } else text = input;
  let s = compact(text);
  while (s.length >= 2 && s[0] === '(' && s[s.length - 1] === ')') s = s.slice(1, -1);
  if (s.endsWith('年度')) s = s.slice(0, -2);
  else if (s.endsWith('年')) s = s.slice(0, -1);
  if (/^\d{4}$/.test(s)) {
    const n = Number(s);
    return plausibleYear(n) ? n : null;
  }
  if (/^[〇零○一二三四五六七八九]{4}$/.test(s)) {
    const n = chineseNumeral(s);
    return n !== null && plausibleYear(n) ? n : null;
  }
  return null;
}
