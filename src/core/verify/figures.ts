// Finding the figures of a paragraph: a small scanner finds candidate spans (a number with its
// unit, a grade after 等级为 …) and hands each to the value reader (value.parseReading), which
// reads the number, its 万/亿 scale, 余/多/超 and the unit. Only Arabic-digit figures are taken:
// Chinese numerals in running text (第七次会议, 两次) are words far more often than figures.

import { normGrade } from '../profiles';
import { parseReading, toHalfWidth } from '../value';
import type { FigureClass, Paragraph, TextFigure } from './types';

/** Count units the scanner takes (longest first); the value reader confirms each. */
const COUNT_UNITS = [
  '万人次', '人次', '场次', '户次', '批次', '期次', '条次', '个单位', '个月', '个', '篇', '条', '期', '人', '名', '家', '份', '场',
  '部', '次', '项', '件', '起', '户', '所', '处', '台', '套', '批', '本', '册', '张', '座', '间', '辆', '吨', '亩', '公里', '村', '届',
].sort((a, b) => b.length - a.length);

const AMOUNT_UNITS = ['万元', '亿元', '元'];
const RATE_UNITS = ['个百分点', '百分点', '%', '‰'];

/** After 分 these make another word (分钟, 分别, 分析 …), not a score. */
const NOT_SCORE_AFTER = new Set(['钟', '别', '析', '配', '类', '之', '布', '管', '解', '散', '批', '期', '享', '工', '担', '摊', '局', '行', '队', '校']);
/** After a count unit these make another word (人员, 条件, 期间 …), not a count. */
const NOT_COUNT_AFTER: Record<string, string> = {
  人: '员民们口均', 条: '件例款', 期: '间限末初望待', 次: '数序要', 项: '目', 件: '事', 起: '来草步到', 名: '称单', 家: '庭',
  部: '门署分', 处: '理置室', 场: '所地景', 份: '额', 所: '属有以在', 台: '账', 本: '级年次部单', 张: '贴',
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isCjk = (c: string | undefined) => c !== undefined && /[\u4e00-\u9fff]/.test(c);

const SENTENCE_END = /[。！？!?]/;
const CLAUSE_END = /[，,；;：:。！？!?]/;

interface Span {
  start: number;
  end: number;
  cls: FigureClass;
  /** The figure text for the value reader (spaces removed). */
  read: string;
  unit: string;
  decimals: number;
}

/** The Arabic number at i: digits, thousands groups, decimals. */
function numberAt(s: string, i: number): { end: number; decimals: number } {
  let j = i;
  while (isDigit(s[j])) j++;
  if (j - i <= 3) while (s[j] === ',' && isDigit(s[j + 1]) && isDigit(s[j + 2]) && isDigit(s[j + 3]) && !isDigit(s[j + 4])) j += 4;
  let decimals = 0;
  if (s[j] === '.' && isDigit(s[j + 1])) {
    j++;
    while (isDigit(s[j])) {
      j++;
      decimals++;
    }
  }
  return { end: j, decimals };
}

function skipSpaces(s: string, j: number): number {
  while (s[j] === ' ' || s[j] === '\u00a0') j++;
  return j;
}

function unitAt(s: string, j: number): { unit: string; cls: FigureClass } | undefined {
  for (const u of AMOUNT_UNITS) if (s.startsWith(u, j)) return { unit: u, cls: 'amount' };
  for (const u of RATE_UNITS) if (s.startsWith(u, j)) return { unit: u, cls: 'rate' };
  if (s[j] === '分' && !NOT_SCORE_AFTER.has(s[j + 1] ?? '')) return { unit: '分', cls: 'score' };
  for (const u of COUNT_UNITS) {
    if (!s.startsWith(u, j)) continue;
    const next = s[j + u.length];
    if (u.length === 1 && next && (NOT_COUNT_AFTER[u] ?? '').includes(next)) return undefined;
    return { unit: u, cls: 'count' };
  }
  return undefined;
}

/** The figure starting with the digit at i, or a year, or undefined. */
function spanAt(s: string, i: number): Span | undefined {
  const num = numberAt(s, i);
  let j = num.end;
  const intPart = s.slice(i, num.end);
  if (/^\d{4}$/.test(intPart) && s[j] === '年' && Number(intPart) >= 1900 && Number(intPart) <= 2199) {
    const end = s[j + 1] === '度' ? j + 2 : j + 1;
    return { start: i, end, cls: 'year', read: intPart, unit: '年', decimals: 0 };
  }
  j = skipSpaces(s, j);
  if (s[j] === '千' && !'米克瓦元字'.includes(s[j + 1] ?? '')) j++;
  while ((s[j] === '万' || s[j] === '亿') && s[j + 1] !== '元') j++;
  if (s[j] === '余' || s[j] === '多') j++;
  while ((s[j] === '万' || s[j] === '亿') && s[j + 1] !== '元') j++;
  j = skipSpaces(s, j);
  const u = unitAt(s, j);
  if (!u) return undefined;
  let start = i;
  if (s[i - 1] === '超' || s[i - 1] === '约' || s[i - 1] === '近') start = i - 1;
  const end = j + u.unit.length;
  return { start, end, cls: u.cls, read: s.slice(start, end).replace(/[\s\u00a0]+/g, ''), unit: u.unit, decimals: num.decimals };
}

const RANGE_SEP = ['~', '～', '-', '—', '–', '至', '到'];

const GRADE_RE = /(等级|等次|评为|评定为|评价为|认定为|定为)\s*(?:为|是|:|：)?\s*[“"「『]?(优秀|良好|中等|较差|不合格|合格|优|良|中|差)(?=[^\u4e00-\u9fff]|等|级|$)/g;

function gradeSpans(s: string): Span[] {
  const out: Span[] = [];
  GRADE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GRADE_RE.exec(s)) !== null) {
    const g = normGrade(m[2]);
    if (!g) continue;
    const end = m.index + m[0].length;
    out.push({ start: end - m[2].length, end, cls: 'grade', read: m[2], unit: g, decimals: 0 });
  }
  return out;
}

function candidateSpans(s: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!isDigit(s[i]) || isDigit(s[i - 1]) || s[i - 1] === '.' || /[A-Za-z_]/.test(s[i - 1] ?? '')) continue;
    let sp = spanAt(s, i);
    if (!sp) {
      // 10~20篇: a bare number opening a range takes the unit of its high end
      const low = numberAt(s, i);
      if (RANGE_SEP.includes(s[low.end] ?? '') && isDigit(s[low.end + 1])) {
        const hi = spanAt(s, low.end + 1);
        if (hi && hi.cls !== 'year') sp = { ...hi, start: i, read: s.slice(i, hi.end).replace(/[\s\u00a0]+/g, '') };
      }
    }
    if (sp && sp.cls !== 'year' && RANGE_SEP.includes(s[sp.end] ?? '') && isDigit(s[sp.end + 1])) {
      // 50%~51%, 1-2万人: one range, which the value reader reads as such (and a range is not compared)
      const hi = spanAt(s, sp.end + 1);
      if (hi) sp = { ...sp, end: hi.end, read: s.slice(sp.start, hi.end).replace(/[\s\u00a0]+/g, '') };
    }
    if (sp) {
      spans.push(sp);
      i = sp.end - 1;
    } else {
      while (isDigit(s[i + 1]) || (s[i + 1] === '.' && isDigit(s[i + 2])) || s[i + 1] === ',') i++;
    }
  }
  return [...spans, ...gradeSpans(s)].sort((a, b) => a.start - b.start);
}

const REACH = 300;

/** The boundaries around [start, end): the clause and the sentence. */
function around(s: string, start: number, end: number, re: RegExp): [number, number] {
  // at most REACH characters each way: a text without punctuation is not one endless sentence
  let a = start;
  while (a > 0 && start - a < REACH && !re.test(s[a - 1])) a--;
  let b = end;
  while (b < s.length && b - end < REACH && !re.test(s[b])) b++;
  return [a, b];
}

function toFigure(p: Paragraph, s: string, sp: Span, value: { low: number; approx: boolean; more: boolean }): Omit<TextFigure, 'lead' | 'trail' | 'subject' | 'core' | 'clause' | 'sentence' | 'sentenceStart'> {
  let v = value.low;
  let raw = value.low;
  if (sp.cls === 'amount') {
    if (sp.unit === '元') v = value.low / 1e4;
    else if (sp.unit === '亿元') v = value.low * 1e4;
  }
  if (sp.cls === 'rate' && sp.unit === '‰') v = value.low / 10;
  if (sp.cls === 'year' || sp.cls === 'grade') raw = v;
  const unit = sp.cls === 'count' && sp.unit === '万人次' ? '人次' : sp.unit;
  return { paragraph: p, start: sp.start, end: sp.end, text: p.text.slice(sp.start, sp.end), cls: sp.cls, value: v, raw, unit, decimals: sp.decimals, approx: value.approx, more: value.more };
}

/** The figures of one paragraph, in order. */
export function figuresOf(p: Paragraph): TextFigure[] {
  const s = toHalfWidth(p.text);
  const found: Omit<TextFigure, 'lead' | 'trail' | 'subject' | 'core' | 'clause' | 'sentence' | 'sentenceStart'>[] = [];
  for (const sp of candidateSpans(s)) {
    if (sp.cls === 'year') found.push(toFigure(p, s, sp, { low: Number(sp.read), approx: false, more: false }));
    else if (sp.cls === 'grade') found.push(toFigure(p, s, sp, { low: 0, approx: false, more: false }));
    else {
      const r = parseReading(sp.read);
      if (r.kind !== 'number' || r.low === undefined || !Number.isFinite(r.low) || r.comparator === 'range') continue;
      found.push(toFigure(p, s, sp, { low: r.low, approx: r.approx, more: r.more === true }));
    }
  }
  let first = 0; // the first figure of the current clause
  return found.map((f, k) => {
    const [c0, c1] = around(s, f.start, f.end, CLAUSE_END);
    const [s0, s1] = around(s, f.start, f.end, SENTENCE_END);
    const prevEnd = k > 0 ? found[k - 1].end : 0;
    const nextStart = k + 1 < found.length ? found[k + 1].start : s.length;
    const rawLead = s.slice(Math.max(c0, prevEnd), f.start);
    const lead = rawLead.replace(/^[、\s]+/, '');
    while (first < k && found[first].start < c0) first++;
    const firstInClause = found[first];
    const head = /^\s*、/.test(rawLead) && firstInClause ? s.slice(c0, firstInClause.start) : '';
    let trailEnd = Math.min(c1, nextStart);
    // the trail stops at a 、, a bracket, or after 12 characters: what follows is about something else
    const stop = /[、(（]/.exec(s.slice(f.end, trailEnd));
    if (stop) trailEnd = f.end + stop.index;
    trailEnd = Math.min(trailEnd, f.end + 12);
    const trail = s.slice(f.end, trailEnd);
    const core = head + lead + trail;
    let subject = core;
    // a figure whose own words are few (得分50分) is about what its sentence said before its clause
    if ((subject.match(/[\u4e00-\u9fff]/g) ?? []).length < 4 && !/合计|共计|总计|累计|共|总额/.test(lead)) subject = s.slice(Math.max(s0, c0 - 60), c0) + subject;
    return { ...f, lead, trail, subject, core, clause: p.text.slice(c0, c1), sentence: p.text.slice(s0, s1), sentenceStart: s0 };
  });
}

export { isCjk };
