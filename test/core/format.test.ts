import { cnIndex, fmtRate, fmtScore, fmtWan, gradeName, roundTo, sectionNo, subsectionNo } from '../../src/core/format';

describe('fmtWan', () => {
  test.each<[number, string]>([
    [154.74, '154.74万元'],
    [25, '25.00万元'],
    [6.8, '6.80万元'],
    [12345.6, '12345.60万元'],
    [0, '0.00万元'],
    [1.005, '1.01万元'],
    [0.125, '0.13万元'],
    [154.74 - 149.7, '5.04万元'],
    [-3.456, '-3.46万元'],
    [-0.001, '0.00万元'],
    [1234567.891, '1234567.89万元'],
  ])('%p -> %s', (x, s) => expect(fmtWan(x)).toBe(s));

  test('a value that is not a number prints as a dash, never NaN', () => {
    expect(fmtWan(NaN)).toBe('—');
    expect(fmtWan(Infinity)).toBe('—');
  });
});

describe('fmtRate', () => {
  test.each<[number, string]>([
    [0.9674, '96.74%'],
    [149.7 / 154.74, '96.74%'],
    [1, '100.00%'],
    [0, '0.00%'],
    [0.5, '50.00%'],
    [0.96745, '96.75%'],
    [1.2, '120.00%'],
    [0.00004, '0.00%'],
  ])('%p -> %s', (x, s) => expect(fmtRate(x)).toBe(s));
  test('NaN', () => expect(fmtRate(NaN)).toBe('—'));
});

describe('fmtScore', () => {
  test.each<[number, string]>([
    [9.7, '9.7'],
    [98, '98'],
    [8.62, '8.62'],
    [8.6249, '8.62'],
    [8.625, '8.63'],
    [9.674305, '9.67'],
    [97.32, '97.32'],
    [10.0, '10'],
    [0, '0'],
    [-0, '0'],
    [0.1 + 0.2, '0.3'],
    [99.995, '100'],
  ])('%p -> %s', (x, s) => expect(fmtScore(x)).toBe(s));
});

describe('roundTo', () => {
  test('rounds half away from zero on the decimal value', () => {
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(roundTo(1.5, 0)).toBe(2);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });
});

describe('Chinese numbering', () => {
  test.each<[number, string]>([
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [36, '三十六'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [120, '一百二十'],
  ])('cnIndex(%p) = %s', (n, s) => expect(cnIndex(n)).toBe(s));

  test('section and subsection numbers', () => {
    expect(sectionNo(1)).toBe('一、');
    expect(sectionNo(6)).toBe('六、');
    expect(sectionNo(12)).toBe('十二、');
    expect(subsectionNo(1)).toBe('（一）');
    expect(subsectionNo(3)).toBe('（三）');
    expect(subsectionNo(10)).toBe('（十）');
  });

  test('grades in full', () => {
    expect(['优', '良', '中', '差'].map(gradeName)).toEqual(['优秀', '良好', '中等', '较差']);
  });
});
