import { isFormulaLike, uniqueSheetName } from '../../src/core/layout';

describe('uniqueSheetName', () => {
  test.each<[string[], string, string]>([
    [[], '自评报告', '自评报告'],
    [['基本情况', '部门整体'], '自评报告', '自评报告'],
    [['自评报告'], '自评报告', '自评报告 (2)'],
    [['自评报告', '自评报告 (2)'], '自评报告', '自评报告 (3)'],
    [['自评报告', '自评报告 (3)'], '自评报告', '自评报告 (2)'],
    [['Report'], 'report', 'report (2)'],
    [['REPORT', 'report (2)'], 'Report', 'Report (3)'],
    [['自评报告 (2)'], '自评报告', '自评报告'],
    [[], 'a[b]c:d*e?f/g\\h', 'abcdefgh'],
    [[], '', '自评报告'],
    [[], "'引号'", '引号'],
    [[], 'history', 'history (2)'],
  ])('%j + %p -> %p', (existing, base, want) => expect(uniqueSheetName(existing, base)).toBe(want));

  test('at most 31 characters, the suffix kept', () => {
    const base = '某某县某某局二〇二五年度部门整体支出绩效自评报告正式稿最终版本（审定后）';
    expect(base.length).toBeGreaterThan(31);
    const first = uniqueSheetName([], base);
    expect(first).toBe(base.slice(0, 31));
    const second = uniqueSheetName([first], base);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
    const third = uniqueSheetName([first, second], base);
    expect(third.endsWith(' (3)')).toBe(true);
    expect(third.length).toBeLessThanOrEqual(31);
  });

  test('never returns a taken name, through many reports', () => {
    const names: string[] = [];
    for (let i = 0; i < 15; i++) names.push(uniqueSheetName(names, '自评报告'));
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(15);
    expect(names[14]).toBe('自评报告 (15)');
  });
});

describe('isFormulaLike', () => {
  test.each<[string, boolean]>([
    ['=SUM(A1:A3)', true],
    ['+1', true],
    ['-5.04万元', true],
    ['@name', true],
    ['一、部门基本情况', false],
    [' =1', false],
    ['', false],
    ['96.74%', false],
    ['a=b', false],
  ])('%p -> %p', (s, want) => expect(isFormulaLike(s)).toBe(want));
});
