import fc from 'fast-check';
import type { Cell } from '../../src/core/grid';
import type { Comparator, Reading, Tier } from '../../src/core/types';
import {
  chineseNumeral,
  clean,
  isDateFormat,
  isEmptyMarker,
  normUnit,
  parseReading,
  parseYear,
  readNumber,
  readRate,
  serialToYmd,
  tierOf,
  toHalfWidth,
  type ValueInput,
} from '../../src/core/value';

// ---------------------------------------------------------------- helpers

interface Exp {
  kind: Reading['kind'];
  comparator?: Comparator;
  low?: number;
  high?: number;
  unit?: string;
  approx?: boolean;
  more?: boolean;
  tier?: Tier;
}

/** A number reading: low = high unless a range. */
function N(comparator: Comparator, low: number, unit: string, opts: { high?: number; approx?: boolean; more?: boolean } = {}): Exp {
  return { kind: 'number', comparator, low, high: opts.high ?? low, unit, approx: opts.approx ?? false, more: opts.more ?? false };
}
function R(low: number, high: number, unit: string, approx = false): Exp {
  return { kind: 'number', comparator: 'range', low, high, unit, approx, more: false };
}
function D(comparator: Comparator, ymd: number): Exp {
  return { kind: 'date', comparator, low: ymd, high: ymd, unit: 'date', approx: false };
}
function Q(tier?: Tier): Exp {
  return { kind: 'qualitative', tier, unit: '', approx: false };
}
const E: Exp = { kind: 'empty', unit: '', approx: false };
const U: Exp = { kind: 'unreadable', unit: '', approx: false };

function check(input: ValueInput, exp: Exp): void {
  const r = parseReading(input);
  const got: Exp = { kind: r.kind };
  if ('comparator' in exp) got.comparator = r.comparator;
  if ('low' in exp) got.low = r.low;
  if ('high' in exp) got.high = r.high;
  if ('unit' in exp) got.unit = r.unit;
  if ('approx' in exp) got.approx = r.approx;
  if ('more' in exp) got.more = r.more ?? false;
  if ('tier' in exp) got.tier = r.tier;
  expect(got).toEqual(exp);
}

// ---------------------------------------------------------------- parseReading: the spellings of workbook.md §4

const TEXT_ROWS: [string, Exp][] = [
  // at least (§4 row 1)
  ['≥500篇', N('ge', 500, '篇')],
  ['≧500篇', N('ge', 500, '篇')],
  ['>=500篇', N('ge', 500, '篇')],
  ['＞＝500篇', N('ge', 500, '篇')],
  ['=>500篇', N('ge', 500, '篇')],
  ['＞500篇', N('gt', 500, '篇')],
  ['>500篇', N('gt', 500, '篇')],
  ['不低于500篇', N('ge', 500, '篇')],
  ['不少于500篇', N('ge', 500, '篇')],
  ['至少500篇', N('ge', 500, '篇')],
  ['大于500篇', N('gt', 500, '篇')],
  ['高于500篇', N('gt', 500, '篇')],
  ['大于等于500篇', N('ge', 500, '篇')],
  ['500篇以上', N('ge', 500, '篇')],
  ['500篇及以上', N('ge', 500, '篇')],
  ['500篇（含）以上', N('ge', 500, '篇')],
  ['不低于500篇以上', N('ge', 500, '篇')],
  ['≥ 500 篇', N('ge', 500, '篇')],
  ['≥　５００　篇', N('ge', 500, '篇')],
  ['达到500篇', N('ge', 500, '篇')],
  ['超过500篇', N('gt', 500, '篇')],
  ['≥266米', N('ge', 266, '米')],
  ['≥95%', N('ge', 95, '%')],
  ['≥95％', N('ge', 95, '%')],
  ['≥500篇/年', N('ge', 500, '篇/年')],
  // at most (§4 row 2)
  ['≤5%', N('le', 5, '%')],
  ['≦5%', N('le', 5, '%')],
  ['<=5%', N('le', 5, '%')],
  ['＜＝5%', N('le', 5, '%')],
  ['不高于5%', N('le', 5, '%')],
  ['不超过5%', N('le', 5, '%')],
  ['小于5次', N('lt', 5, '次')],
  ['低于5%', N('lt', 5, '%')],
  ['<5%', N('lt', 5, '%')],
  ['〈5%', N('lt', 5, '%')],
  ['5%以内', N('le', 5, '%')],
  ['5%以下', N('le', 5, '%')],
  ['控制在5%以内', N('le', 5, '%')],
  ['5个工作日内', N('le', 5, '个工作日')],
  ['≤0.5‰', N('le', 0.5, '‰')],
  // exactly (§4 row 3)
  ['=12期', N('eq', 12, '期')],
  ['＝12期', N('eq', 12, '期')],
  ['═12期', N('eq', 12, '期')],
  ['12期', N('eq', 12, '期')],
  ['12', N('eq', 12, '')],
  ['0', N('eq', 0, '')],
  ['100%', N('eq', 100, '%')],
  ['98.5分', N('eq', 98.5, '分')],
  ['-5', N('eq', -5, '')],
  ['−5%', N('eq', -5, '%')],
  ['1e-7', N('eq', 1e-7, '')],
  ['完成12期', N('eq', 12, '期')],
  ['12期完成', N('eq', 12, '期')],
  ['100%完成', N('eq', 100, '%')],
  ['5万元', N('eq', 5, '万元')],
  ['154.74万元', N('eq', 154.74, '万元')],
  ['20人次', N('eq', 20, '人次')],
  ['100%到位', N('eq', 100, '%')],
  ['100%覆盖', N('eq', 100, '%')],
  ['不低于95%（含）', N('ge', 95, '%')],
  ['500+', N('eq', 500, '', { approx: true, more: true })],
  ['3千人', N('eq', 3000, '人')],
  ['5千米', N('eq', 5, '千米')],
  ['≥3天', N('ge', 3, '天')],
  ['3个月内完成', N('le', 3, '个月')],
  ['30日内', N('le', 30, '日')],
  ['≥1次/年', N('ge', 1, '次/年')],
  ['不超过500万元', N('le', 500, '万元')],
  // ranges (§4 row 4)
  ['95%-100%', R(95, 100, '%')],
  ['90%~95%', R(90, 95, '%')],
  ['90%～95%', R(90, 95, '%')],
  ['90-95%', R(90, 95, '%')],
  ['90%-95', R(90, 95, '%')],
  ['95%至100%', R(95, 100, '%')],
  ['90%—95%', R(90, 95, '%')],
  ['500-600篇', R(500, 600, '篇')],
  ['500篇到600篇', R(500, 600, '篇')],
  ['约500-600篇', R(500, 600, '篇', true)],
  ['1-2万人', R(10000, 20000, '人')],
  ['0.5-1万元', R(0.5, 1, '万元')],
  ['5000-1万', R(5000, 10000, '')],
  ['0.5-1万', R(5000, 10000, '')],
  ['2-3万元', R(2, 3, '万元')],
  // approximate (§4 row 5)
  ['500余篇', N('eq', 500, '篇', { approx: true, more: true })],
  ['500多篇', N('eq', 500, '篇', { approx: true, more: true })],
  ['约500篇', N('eq', 500, '篇', { approx: true })],
  ['近500篇', N('eq', 500, '篇', { approx: true })],
  ['超500篇', N('eq', 500, '篇', { approx: true, more: true })],
  ['500篇左右', N('eq', 500, '篇', { approx: true })],
  ['大约500篇', N('eq', 500, '篇', { approx: true })],
  ['≥500余篇', N('ge', 500, '篇', { approx: true, more: true })],
  // scale, Chinese numerals, full-width digits (§4 row 6)
  ['3万余条', N('eq', 30000, '条', { approx: true, more: true })],
  ['1.2亿元', N('eq', 1.2, '亿元')],
  ['1.2亿', N('eq', 120000000, '')],
  ['三万条', N('eq', 30000, '条')],
  ['２０万', N('eq', 200000, '')],
  ['2万人次', N('eq', 20000, '人次')],
  ['3万余元', N('eq', 30000, '元', { approx: true, more: true })],
  ['1.5万户', N('eq', 15000, '户')],
  ['十二期', N('eq', 12, '期')],
  ['二十五个', N('eq', 25, '个')],
  ['一百零八人', N('eq', 108, '人')],
  ['两个月内', N('le', 2, '个月')],
  ['不少于三次', N('ge', 3, '次')],
  ['十多万人', N('eq', 100000, '人', { approx: true, more: true })],
  ['百分之九十五', N('eq', 95, '%')],
  ['百分之95', N('eq', 95, '%')],
  ['百分之百', N('eq', 100, '%')],
  ['１２期', N('eq', 12, '期')],
  ['１２．５％', N('eq', 12.5, '%')],
  // thousands separators (§4 row 7)
  ['34,186条', N('eq', 34186, '条')],
  ['３４，１８６条', N('eq', 34186, '条')],
  ['1,234,567.5元', N('eq', 1234567.5, '元')],
  // percent units (§4 row 8)
  ['100百分比', N('eq', 100, '%')],
  ['100百分点', N('eq', 100, '%')],
  ['≥2个百分点', N('ge', 2, '%')],
  // deadlines (§4 row 9)
  ['12月底前', D('le', 1231)],
  ['12月底以前', D('le', 1231)],
  ['12月底之前', D('le', 1231)],
  ['9月前', D('le', 930)],
  ['6月30日前', D('le', 630)],
  ['2025年12月31日前', D('le', 20251231)],
  ['2025年12月31日', D('eq', 20251231)],
  ['年底前', D('le', 1231)],
  ['年底前完成', D('le', 1231)],
  ['2023年12月', D('eq', 20231231)],
  ['2月底前', D('le', 229)],
  ['2025年2月底前', D('le', 20250228)],
  ['2024年2月底', D('eq', 20240229)],
  ['十二月底前', D('le', 1231)],
  ['2025-12-31前', D('le', 20251231)],
  ['2025/6/30', D('eq', 20250630)],
  ['二〇二五年底前', D('le', 20251231)],
  ['第三季度末前', D('le', 930)],
  ['上半年', D('eq', 630)],
  ['不晚于10月15日', D('le', 1015)],
  ['10月中旬前', D('le', 1020)],
  ['12月底前完成', D('le', 1231)],
  ['按时限完成', Q('达成')],
  // qualitative (§4 row 10)
  ['及时', Q('达成')],
  ['按期', Q('达成')],
  ['平稳', Q('达成')],
  ['有所提升', Q('达成')],
  ['达到预期', Q('达成')],
  ['达成预期指标', Q('达成')],
  ['效果明显', Q('达成')],
  ['完成', Q('达成')],
  ['显著提高', Q('达成')],
  ['全县网络舆情态势总体平稳', Q('达成')],
  ['基本完成', Q('部分达成')],
  ['部分达成', Q('部分达成')],
  ['未完成', Q('未达成')],
  ['滞后', Q('未达成')],
  ['一般', Q(undefined)],
  ['进一步规范', Q(undefined)],
  ['十分满意', Q('达成')],
  ['零投诉', Q(undefined)],
  // empty (§4 row 11)
  ['', E],
  ['   ', E],
  ['　', E],
  ['—', E],
  ['——', E],
  ['－', E],
  ['-', E],
  ['/', E],
  ['／', E],
  ['*', E],
  ['无', E],
  ['N/A', E],
  // unreadable: digits that are none of the readings
  ['约500-600篇左右以及20期', U],
  ['第3季度完成2次', U],
  ['较2023年有所提升', U],
  ['参与人次超2万', U],
  ['500篇，其中核心期刊20篇', U],
  ['≤5%以上', U],
  ['100%-95%', U],
  ['95%-100篇', U],
  ['1,2', U],
  ['5-', U],
  ['2025年13月', U],
  ['2月30日前', U],
  ['12月底前完成3次', U],
  ['100%满意度', U],
  ['4A级景区', U],
  ['≥95%;≤100%', U],
];

describe('parseReading: text spellings', () => {
  test('the table has at least 70 spellings', () => {
    expect(TEXT_ROWS.length).toBeGreaterThanOrEqual(70);
  });
  test.each(TEXT_ROWS)('%s', (input, exp) => {
    check(input, exp);
    expect(parseReading(input).text).toBe(input);
  });
});

describe('parseReading: cells and other inputs', () => {
  const rows: [string, ValueInput, Exp][] = [
    ['null', null, E],
    ['undefined', undefined, E],
    ['empty cell', { value: null }, E],
    ['text cell', { value: '≥500篇' }, N('ge', 500, '篇')],
    ['plain number', 12, N('eq', 12, '')],
    ['number cell without a format', { value: 96.5 }, N('eq', 96.5, '')],
    ['number cell, General', { value: 96.5, format: 'General' }, N('eq', 96.5, '')],
    ['percent cell 0.00%', { value: 0.95, format: '0.00%' }, N('eq', 95, '%')],
    ['percent cell 0%', { value: 1, format: '0%' }, N('eq', 100, '%')],
    ['percent cell, float noise cleaned', { value: 0.07, format: '0%' }, N('eq', 7, '%')],
    ['unit in the format', { value: 12, format: '0"篇"' }, N('eq', 12, '篇')],
    ['quoted % is no percent format', { value: 95, format: '0"%"' }, N('eq', 95, '%')],
    ['date cell yyyy-mm-dd', { value: 45658, format: 'yyyy-mm-dd' }, D('eq', 20250101)],
    ['date cell m/d/yy', { value: 46022, format: 'm/d/yy' }, D('eq', 20251231)],
    ['date cell, Chinese format', { value: 45839, format: 'yyyy"年"m"月"d"日"' }, D('eq', 20250701)],
    ['date cell with a time', { value: 45658.5, format: 'yyyy-mm-dd hh:mm' }, D('eq', 20250101)],
    ['number cell 1e-7', { value: 1e-7 }, N('eq', 1e-7, '')],
    ['boolean true', true, Q(undefined)],
    ['boolean cell', { value: false }, Q(undefined)],
    ['error cell', { value: null, error: '#DIV/0!' }, U],
    ['NaN', NaN, U],
  ];
  test.each(rows)('%s', (_name, input, exp) => check(input, exp));

  test('texts of cells: the error value, TRUE/FALSE, the displayed text of a number', () => {
    expect(parseReading({ value: null, error: '#REF!' }).text).toBe('#REF!');
    expect(parseReading(true).text).toBe('TRUE');
    expect(parseReading({ value: false }).text).toBe('FALSE');
    expect(parseReading({ value: 0.95, format: '0.00%', text: '95.00%' }).text).toBe('95.00%');
  });

  test('a read value is kept as read; 1.0000000002 (11 significant digits) is only cleaned by clean()', () => {
    expect(parseReading('1.0000000002').low).toBe(1.0000000002);
    expect(parseReading({ value: 1.0000000002 }).low).toBe(1.0000000002);
    expect(clean(1.0000000002)).toBe(1);
  });

  test('a 100,000-character text is read (no catastrophic backtracking)', () => {
    const long = '≥' + '5'.repeat(10) + '篇'.repeat(100000);
    expect(parseReading(long).kind).toBe('unreadable');
    // a figure too large for a double is not a number we could use
    expect(parseReading('1'.repeat(100000)).kind).toBe('unreadable');
    expect(parseReading('0.' + '1'.repeat(100000)).kind).toBe('number');
    const words = '完成'.repeat(50000);
    expect(parseReading(words)).toMatchObject({ kind: 'qualitative', tier: '达成' });
    const mixed = '12月底前'.repeat(20000);
    expect(parseReading(mixed).kind).toBe('unreadable');
    const seps = '1-'.repeat(50000);
    expect(parseReading(seps).kind).toBe('unreadable');
    const cn = '一二三四五六七八九十'.repeat(10000);
    expect(parseReading(cn).kind).toBe('qualitative');
    const spaces = ' '.repeat(100000) + '5';
    expect(parseReading(spaces)).toMatchObject({ kind: 'number', low: 5 });
    expect(readNumber('9'.repeat(100000) + '元').status).toBe('unreadable');
    expect(readRate(',0'.repeat(50000)).status).toBe('unreadable');
  });
});

// ---------------------------------------------------------------- the small helpers

describe('toHalfWidth', () => {
  test.each([
    ['１２３', '123'],
    ['ＡＢｃ', 'ABc'],
    ['（）％，．：＜＞＝～－', '()%,.:<>=~-'],
    ['　', ' '],
    ['完成１２期', '完成12期'],
    ['≥', '≥'],
    ['', ''],
  ])('%s -> %s', (a, b) => expect(toHalfWidth(a)).toBe(b));
});

describe('chineseNumeral', () => {
  test.each<[string, number | null]>([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十五', 25],
    ['一百', 100],
    ['一百零八', 108],
    ['一百一十', 110],
    ['一百二', 120],
    ['一千零五十', 1050],
    ['三万', 30000],
    ['十万', 100000],
    ['一万五', 15000],
    ['一万二千', 12000],
    ['三百万', 3000000],
    ['一亿二千万', 120000000],
    ['两', 2],
    ['两千', 2000],
    ['〇', 0],
    ['零', 0],
    ['二〇二五', 2025],
    ['叁拾伍', 35],
    ['三点五', 3.5],
    ['万', null],
    ['百', null],
    ['十十', null],
    ['三四十', null],
    ['一般', null],
    ['abc', null],
    ['', null],
  ])('%s -> %s', (s, n) => expect(chineseNumeral(s)).toBe(n));
});

describe('normUnit', () => {
  test.each([
    ['%', '%'],
    ['％', '%'],
    ['百分比', '%'],
    ['百分点', '%'],
    ['（%）', '%'],
    [' 篇 ', '篇'],
    ['万元', '万元'],
    ['元', '元'],
    ['万 元', '万元'],
    ['', ''],
  ])('%s -> %s', (a, b) => expect(normUnit(a)).toBe(b));
  test('万元 is not 元', () => expect(normUnit('万元')).not.toBe(normUnit('元')));
});

describe('readNumber', () => {
  test.each<[string, ValueInput, string, number | null]>([
    ['number', 12.5, 'ok', 12.5],
    ['number cell', { value: 154.74 }, 'ok', 154.74],
    ['percent cell kept as it is', { value: 0.95, format: '0%' }, 'ok', 0.95],
    ['text', '154.74', 'ok', 154.74],
    ['full-width', '１５４．７４', 'ok', 154.74],
    ['thousands', '34,186', 'ok', 34186],
    ['full-width thousands', '３４，１８６', 'ok', 34186],
    ['spaces', '  20  ', 'ok', 20],
    ['unit 万元', '154.74万元', 'ok', 154.74],
    ['unit 元', '1,500元', 'ok', 1500],
    ['unit 分', '9.5分', 'ok', 9.5],
    ['unit 人', '12人', 'ok', 12],
    ['percent not divided', '95%', 'ok', 95],
    ['Chinese numeral', '十二', 'ok', 12],
    ['Chinese numeral with unit', '三万人', 'ok', 30000],
    ['negative', '-3', 'ok', -3],
    ['zero', '0', 'ok', 0],
    ['empty', '', 'empty', null],
    ['null', null, 'empty', null],
    ['empty cell', { value: null }, 'empty', null],
    ['dash', '—', 'empty', null],
    ['full-width dash', '－', 'empty', null],
    ['hyphen', '-', 'empty', null],
    ['slash', '/', 'empty', null],
    ['star', '*', 'empty', null],
    ['无', '无', 'empty', null],
    ['error cell', { value: null, error: '#VALUE!' }, 'error', null],
    ['comparator', '≥5', 'unreadable', null],
    ['approximate', '约5', 'unreadable', null],
    ['two numbers', '5和6', 'unreadable', null],
    ['words', '暂未统计', 'unreadable', null],
    ['boolean', true, 'unreadable', null],
    ['range', '1-2', 'unreadable', null],
  ])('%s', (_n, input, status, value) => {
    const r = readNumber(input);
    expect(r.status).toBe(status);
    expect(r.value).toBe(value);
  });
  test('error text', () => {
    expect(readNumber({ value: null, error: '#VALUE!' })).toEqual({ status: 'error', value: null, text: '#VALUE!', error: '#VALUE!' });
  });
});

describe('readRate', () => {
  test.each<[string, ValueInput, string, number | null, number]>([
    ['percent cell 0.00%', { value: 0.9674, format: '0.00%' }, 'ok', 0.9674, 2],
    ['percent cell 0%', { value: 0.86, format: '0%' }, 'ok', 0.86, 0],
    ['percent cell 0.0%', { value: 1.02, format: '0.0%' }, 'ok', 1.02, 1],
    ['plain number in points', 96.74, 'ok', 0.9674, 2],
    ['plain number 86', 86, 'ok', 0.86, 0],
    ['plain number 100', { value: 100 }, 'ok', 1, 0],
    ['plain fraction', 0.9674, 'ok', 0.9674, 2],
    ['plain fraction 0.5', 0.5, 'ok', 0.5, 0],
    ['plain 1', 1, 'ok', 1, 0],
    ['plain 1.2 is a fraction', 1.2, 'ok', 1.2, 0],
    ['number with a 0.00 format', { value: 96.7, format: '0.00' }, 'ok', 0.967, 2],
    ['text 96.74%', '96.74%', 'ok', 0.9674, 2],
    ['text 96.74％', '96.74％', 'ok', 0.9674, 2],
    ['text 96.70%', '96.70%', 'ok', 0.967, 2],
    ['text 96.74', '96.74', 'ok', 0.9674, 2],
    ['text 0.9674', '0.9674', 'ok', 0.9674, 2],
    ['text 1%', '1%', 'ok', 0.01, 0],
    ['text 100百分比', '100百分比', 'ok', 1, 0],
    ['empty', '', 'empty', null, 0],
    ['dash', '—', 'empty', null, 0],
    ['error', { value: null, error: '#DIV/0!' }, 'error', null, 0],
    ['words', '较高', 'unreadable', null, 0],
    ['other unit', '96篇', 'unreadable', null, 0],
  ])('%s', (_n, input, status, value, decimals) => {
    const r = readRate(input);
    expect(r.status).toBe(status);
    expect(r.value).toBe(value);
    expect(r.decimals).toBe(decimals);
  });
});

describe('parseYear', () => {
  test.each<[string, ValueInput, number | null]>([
    ['number', 2025, 2025],
    ['number cell', { value: 2025 }, 2025],
    ['text', '2025', 2025],
    ['年', '2025年', 2025],
    ['年度', '2025年度', 2025],
    ['brackets', '（2025年度）', 2025],
    ['full-width', '２０２５年', 2025],
    ['Chinese', '二〇二五年', 2025],
    ['Chinese 零', '二零二四年度', 2024],
    ['date cell', { value: 45658, format: 'yyyy-mm-dd' }, 2025],
    ['text cell', { value: ' 2024 ' }, 2024],
    ['not a year', 25, null],
    ['fraction', 2025.5, null],
    ['serial without a date format', 45658, null],
    ['words', '本年度', null],
    ['sentence', '2025年度部门整体支出', null],
    ['empty', null, null],
    ['error', { value: null, error: '#N/A' }, null],
  ])('%s', (_n, input, y) => expect(parseYear(input)).toBe(y));
});

describe('tierOf', () => {
  test.each<[string, Tier | undefined]>([
    ['达成', '达成'],
    ['完成', '达成'],
    ['已完成', '达成'],
    ['达到预期', '达成'],
    ['达成预期指标', '达成'],
    ['平稳', '达成'],
    ['及时', '达成'],
    ['按时', '达成'],
    ['按期', '达成'],
    ['效果明显', '达成'],
    ['部分达成', '部分达成'],
    ['基本完成', '部分达成'],
    ['基本达成', '部分达成'],
    ['部分完成', '部分达成'],
    ['未达成', '未达成'],
    ['未完成', '未达成'],
    ['未达到预期', '未达成'],
    ['滞后', '未达成'],
    ['没有完成', '未达成'],
    ['效果不明显', '未达成'],
    ['不及时', '未达成'],
    ['延期完成', '未达成'],
    ['提前完成', '达成'],
    ['基本按期完成', '部分达成'],
    ['部分项目未完成', '未达成'],
    ['未发生安全事故', undefined],
    ['一般', undefined],
    ['', undefined],
  ])('%s -> %s', (t, tier) => expect(tierOf(t)).toBe(tier));
});

describe('clean, dates and markers', () => {
  test('clean', () => {
    expect(clean(0.1 + 0.2)).toBe(0.3);
    expect(clean(1.0000000002)).toBe(1);
    expect(clean(0.95 * 100)).toBe(95);
    expect(clean(-0)).toBe(0);
    expect(Object.is(clean(-0), 0)).toBe(true);
    expect(clean(1e-7)).toBe(1e-7);
    expect(clean(123456.789)).toBe(123456.789);
    expect(clean(Infinity)).toBe(Infinity);
  });
  test('serialToYmd (Excel 1900 system)', () => {
    expect(serialToYmd(1)).toBe(19000101);
    expect(serialToYmd(59)).toBe(19000228);
    expect(serialToYmd(60)).toBe(19000229);
    expect(serialToYmd(61)).toBe(19000301);
    expect(serialToYmd(45658)).toBe(20250101);
    expect(serialToYmd(45658.99)).toBe(20250101);
    expect(serialToYmd(0)).toBeNull();
    expect(serialToYmd(NaN)).toBeNull();
  });
  test('isDateFormat', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('m/d/yy')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-804]yyyy年m月')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(isDateFormat('#,##0.00_);[Red](#,##0.00)')).toBe(false);
    expect(isDateFormat('0"天"')).toBe(false);
    expect(isDateFormat('h:mm')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
  test('isEmptyMarker', () => {
    for (const t of ['', ' ', '—', '－', '-', '/', '*', '无']) expect(isEmptyMarker(t)).toBe(true);
    for (const t of ['0', '无效', '完成']) expect(isEmptyMarker(t)).toBe(false);
  });
});

// ---------------------------------------------------------------- properties

const KINDS = new Set(['empty', 'number', 'date', 'qualitative', 'unreadable']);
const COMPARATORS = new Set(['ge', 'gt', 'eq', 'le', 'lt', 'range']);

/** Text mixing the pieces value cells are made of. */
const pieces = fc.constantFrom(
  '≥', '≧', '>=', '＞', '>', '<', '≤', '＝', '═', '=', '不低于', '不少于', '至少', '大于', '高于', '不高于', '不超过', '小于',
  '低于', '以上', '以下', '以内', '内', '约', '近', '超', '超过', '余', '多', '左右', '万', '亿', '万元', '元', '亿元', '%', '％',
  '百分比', '百分点', '百分之', '篇', '条', '人次', '个', '期', '月', '日', '年', '底', '前', '季度', '第', '-', '~', '～', '至',
  '—', ',', '，', '.', '．', ' ', '　', '0', '1', '5', '9', '12', '2025', '１', '５', '三', '十', '百', '千', '零', '两', '二〇二五',
  '完成', '未完成', '基本', '达成', 'e', 'E', '+', '(', ')', '（含）', '/', '*', '无', '点',
);
const mixed = fc.array(pieces, { maxLength: 12 }).map((a) => a.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), mixed, mixed);

const anyCell: fc.Arbitrary<Cell> = fc.record(
  {
    value: fc.oneof(fc.constant(null), fc.double(), fc.boolean(), anyText),
    error: fc.constantFrom(undefined, '#DIV/0!', '#REF!'),
    format: fc.constantFrom(undefined, 'General', '0.00%', '0%', 'yyyy-mm-dd', 'm/d/yy', '0"篇"', '@', '0.00'),
    text: fc.option(fc.string(), { nil: undefined }),
  },
  { requiredKeys: ['value'] },
);
const anyInput: fc.Arbitrary<ValueInput> = fc.oneof(anyText, fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), anyCell);

describe('properties', () => {
  test('parseReading never throws and returns a well-formed Reading', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = parseReading(input);
        expect(KINDS.has(r.kind)).toBe(true);
        expect(typeof r.unit).toBe('string');
        expect(typeof r.approx).toBe('boolean');
        expect(typeof r.text).toBe('string');
        if (r.kind === 'number' || r.kind === 'date') {
          expect(COMPARATORS.has(r.comparator as string)).toBe(true);
          expect(Number.isFinite(r.low)).toBe(true);
          expect(Number.isFinite(r.high)).toBe(true);
          expect(r.low as number).toBeLessThanOrEqual(r.high as number);
          if (r.comparator !== 'range') expect(r.high).toBe(r.low);
        }
        if (r.kind === 'date') expect(r.unit).toBe('date');
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  test('readNumber and readRate never throw; ok means a finite value', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const n = readNumber(input);
        expect(['ok', 'empty', 'unreadable', 'error']).toContain(n.status);
        if (n.status === 'ok') expect(Number.isFinite(n.value)).toBe(true);
        else expect(n.value).toBeNull();
        const r = readRate(input);
        expect(['ok', 'empty', 'unreadable', 'error']).toContain(r.status);
        if (r.status === 'ok') expect(Number.isFinite(r.value)).toBe(true);
        else expect(r.value).toBeNull();
        expect(Number.isInteger(r.decimals) && r.decimals >= 0).toBe(true);
        parseYear(input);
        if (typeof input === 'string') {
          tierOf(input);
          chineseNumeral(input);
          normUnit(input);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  test('≥{n}{unit} reads as ge, n, the normalised unit', () => {
    const units = ['', '篇', '条', '人次', '%', '％', '百分比', '百分点', '万元', '元', '亿元', '米', '个', '个工作日', 'km', '元/人'];
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...units), (n, u) => {
        const r = parseReading(`≥${n}${u}`);
        expect(r.kind).toBe('number');
        expect(r.comparator).toBe('ge');
        expect(r.low).toBe(n === 0 ? 0 : n);
        expect(r.high).toBe(r.low);
        expect(r.unit).toBe(normUnit(u));
        expect(r.approx).toBe(false);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  test('a plain number written as text reads as itself (readNumber) and as eq (parseReading)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const t = String(n);
        expect(readNumber(t)).toMatchObject({ status: 'ok', value: n === 0 ? 0 : n });
        expect(parseReading(t)).toMatchObject({ kind: 'number', comparator: 'eq', low: n === 0 ? 0 : n, unit: '' });
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  test('ranges L–H with a percent on either end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), fc.constantFrom('-', '~', '～', '至', '—'), fc.integer({ min: 0, max: 2 }), (a, b, sep, where) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const text = where === 0 ? `${lo}%${sep}${hi}%` : where === 1 ? `${lo}${sep}${hi}%` : `${lo}%${sep}${hi}`;
        expect(parseReading(text)).toMatchObject({ kind: 'number', comparator: 'range', low: lo, high: hi, unit: '%' });
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('compound units (issue 7)', () => {
  const unitOf = (s: string) => {
    const r = parseReading(s);
    return [r.kind, r.low, r.unit];
  };
  test('a quotient or product of units, however its sign is written', () => {
    expect(unitOf('300元/人·月')).toEqual(['number', 300, '元/人·月']);
    expect(unitOf('300元/人*月')).toEqual(['number', 300, '元/人·月']);
    expect(unitOf('300元/人×月')).toEqual(['number', 300, '元/人·月']);
    expect(unitOf('３００元／人・月')).toEqual(['number', 300, '元/人·月']);
    expect(unitOf('≥500元/户')).toEqual(['number', 500, '元/户']);
    expect(unitOf('3万元/公里')).toEqual(['number', 3, '万元/公里']);
    expect(unitOf('12人次/年')).toEqual(['number', 12, '人次/年']);
    expect(unitOf('≥2次/季度')).toEqual(['number', 2, '次/季度']);
    expect(unitOf('400kg/亩')).toEqual(['number', 400, 'kg/亩']);
    expect(unitOf('100元/人/月')).toEqual(['number', 100, '元/人/月']);
  });
  test('a compound unit the reader cannot parse still lets the number be read, kept as written', () => {
    expect(unitOf('100万元(含税)')).toEqual(['number', 100, '万元(含税)']);
    expect(parseReading('4A级景区').kind).toBe('unreadable');
  });
});
