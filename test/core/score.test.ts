import { fmtNum, fmtPct } from '../../src/core/format';
import { BUILTIN_PROFILES } from '../../src/core/profiles';
import {
  executionRate,
  executionScore,
  quantitativeScore,
  qualitativeBand,
  inBand,
  deadlineMet,
} from '../../src/core/score';
import { parseReading } from '../../src/core/value';
import type { Profile, Reading } from '../../src/core/types';

const mof = BUILTIN_PROFILES[0];
const linear: Profile = { ...mof, id: 'lin', reverseFormula: 'linear' };
const uncapped: Profile = { ...mof, id: 'uncapped', capExecution: false };

function n(comparator: Reading['comparator'], low: number, high = low, unit = ''): Reading {
  return { kind: 'number', comparator, low, high, unit, approx: false, text: `${comparator}${low}` };
}
const date = (ymd: number, comparator: Reading['comparator'] = 'eq'): Reading => ({ kind: 'date', comparator, low: ymd, high: ymd, unit: 'date', approx: false, text: String(ymd) });
const qual = (text: string): Reading => ({ kind: 'qualitative', unit: '', approx: false, text });

describe('executionRate', () => {
  test('executed over the adjusted budget', () => {
    expect(executionRate(100, 96.74)).toBeCloseTo(0.9674, 10);
    expect(executionRate(31.8, 31.8)).toBe(1);
  });
  test('undefined without a positive budget or a figure', () => {
    expect(executionRate(0, 5)).toBeUndefined();
    expect(executionRate(-3, 5)).toBeUndefined();
    expect(executionRate(null, 5)).toBeUndefined();
    expect(executionRate(10, undefined)).toBeUndefined();
    expect(executionRate(NaN, 1)).toBeUndefined();
  });
  test('over-execution gives a rate above 1', () => {
    expect(executionRate(100, 120)).toBeCloseTo(1.2, 10);
  });
});

describe('executionScore', () => {
  test('rate × weight', () => {
    expect(executionScore(0.9674, 10, mof)).toBeCloseTo(9.674, 10);
    expect(executionScore(0.5, 20, mof)).toBeCloseTo(10, 10);
  });
  test('capped at 100 % when the profile says so', () => {
    expect(executionScore(1.2, 10, mof)).toBe(10);
  });
  test('uncapped profile', () => {
    expect(executionScore(1.2, 10, uncapped)).toBeCloseTo(12, 10);
  });
  test('a negative rate scores 0', () => {
    expect(executionScore(-0.2, 10, mof)).toBe(0);
  });
});

describe('quantitativeScore: at least / exactly', () => {
  test('B ≥ A gives w', () => {
    expect(quantitativeScore(10, n('ge', 500), n('eq', 500), mof)).toBe(10);
    expect(quantitativeScore(10, n('ge', 500), n('eq', 620), mof)).toBe(10);
  });
  test('B < A gives w × B ÷ A', () => {
    expect(quantitativeScore(10, n('ge', 500), n('eq', 431), mof)).toBeCloseTo(8.62, 10);
  });
  test('exactly is scored like at least', () => {
    expect(quantitativeScore(6, n('eq', 12), n('eq', 9), mof)).toBeCloseTo(4.5, 10);
    expect(quantitativeScore(6, n('eq', 12), n('eq', 13), mof)).toBe(6);
  });
  test('more than (gt) like at least', () => {
    expect(quantitativeScore(5, n('gt', 90), n('eq', 45), mof)).toBeCloseTo(2.5, 10);
  });
  test('A = 0 on an at-least indicator gives w', () => {
    expect(quantitativeScore(5, n('ge', 0), n('eq', 0), mof)).toBe(5);
  });
  test('a written comparator on the actual counts as its number', () => {
    expect(quantitativeScore(10, n('ge', 300), n('ge', 266), mof)).toBeCloseTo((10 * 266) / 300, 10);
  });
});

describe('quantitativeScore: at most (reverse)', () => {
  test('B ≤ A gives w', () => {
    expect(quantitativeScore(10, n('le', 5, 5, '%'), n('eq', 3, 3, '%'), mof)).toBe(10);
    expect(quantitativeScore(10, n('lt', 5), n('eq', 5), mof)).toBe(10);
  });
  test('ratio: w × A ÷ B', () => {
    expect(quantitativeScore(10, n('le', 5), n('eq', 8), mof)).toBeCloseTo(6.25, 10);
  });
  test('linear: w × max(0, 1 − (B − A) ÷ A)', () => {
    expect(quantitativeScore(10, n('le', 5), n('eq', 8), linear)).toBeCloseTo(4, 10);
    expect(quantitativeScore(10, n('le', 5), n('eq', 20), linear)).toBe(0);
  });
  test('A = 0: B ≤ 0 gives w, else 0', () => {
    expect(quantitativeScore(4, n('le', 0), n('eq', 0), mof)).toBe(4);
    expect(quantitativeScore(4, n('le', 0), n('eq', 1), mof)).toBe(0);
    expect(quantitativeScore(4, n('le', 0), n('eq', 1), linear)).toBe(0);
  });
});

describe('quantitativeScore: range', () => {
  const t = n('range', 90, 95, '%');
  test('inside gives w', () => {
    expect(quantitativeScore(10, t, n('eq', 90), mof)).toBe(10);
    expect(quantitativeScore(10, t, n('eq', 92), mof)).toBe(10);
    expect(quantitativeScore(10, t, n('eq', 95), mof)).toBe(10);
  });
  test('below gives w × B ÷ L', () => {
    expect(quantitativeScore(10, t, n('eq', 72), mof)).toBeCloseTo(8, 10);
  });
  test('above gives w × H ÷ B', () => {
    expect(quantitativeScore(10, t, n('eq', 100), mof)).toBeCloseTo(9.5, 10);
  });
});

describe('quantitativeScore: special actuals', () => {
  test('an approximate actual counts as its number', () => {
    const b = parseReading('500余篇');
    expect(b.kind).toBe('number');
    expect(b.approx).toBe(true);
    expect(quantitativeScore(10, parseReading('≥500篇'), b, mof)).toBe(10);
    expect(quantitativeScore(10, parseReading('≥600篇'), parseReading('约450篇'), mof)).toBeCloseTo(7.5, 10);
  });
  test('a negative actual counts as 0', () => {
    expect(quantitativeScore(10, n('ge', 5), n('eq', -3), mof)).toBe(0);
    expect(quantitativeScore(10, n('le', 5), n('eq', -3), mof)).toBe(10);
  });
  test('undefined when not quantitative', () => {
    expect(quantitativeScore(10, qual('及时'), n('eq', 1), mof)).toBeUndefined();
    expect(quantitativeScore(10, n('ge', 5), qual('完成'), mof)).toBeUndefined();
    expect(quantitativeScore(10, date(1231, 'le'), date(1130), mof)).toBeUndefined();
  });
  test('parsed values end to end: the spec example', () => {
    expect(quantitativeScore(10, parseReading('≥500篇'), parseReading('431篇'), mof)).toBeCloseTo(8.62, 10);
    expect(quantitativeScore(10, parseReading('≤5%'), parseReading('8%'), mof)).toBeCloseTo(6.25, 10);
    expect(quantitativeScore(10, parseReading('90%-95%'), parseReading('100%'), mof)).toBeCloseTo(9.5, 10);
  });
  test('the score stays within [0, w]', () => {
    for (const b of [0, 1, 50, 99, 100, 1000]) {
      for (const t of [n('ge', 100), n('le', 100), n('range', 40, 60)]) {
        const s = quantitativeScore(7, t, n('eq', b), mof)!;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(7);
      }
    }
  });
});

describe('deadlineMet', () => {
  test('dates compare as dates', () => {
    expect(deadlineMet(date(20251231, 'le'), date(20251130))).toBe(true);
    expect(deadlineMet(date(20251231, 'le'), date(20251231))).toBe(true);
    expect(deadlineMet(date(20250930, 'le'), date(20251015))).toBe(false);
    expect(deadlineMet(date(20251231, 'le'), date(20260110))).toBe(false);
  });
  test('no year on one side compares month and day', () => {
    expect(deadlineMet(date(1231, 'le'), date(20251120))).toBe(true);
    expect(deadlineMet(date(930, 'le'), date(20251120))).toBe(false);
  });
  test('a side without a year takes the evaluation year when given', () => {
    expect(deadlineMet(date(1231, 'le'), date(20260131))).toBe(true);
    expect(deadlineMet(date(1231, 'le'), date(20260131), 2025)).toBe(false);
    expect(deadlineMet(date(1231, 'le'), date(20251130), 2025)).toBe(true);
    expect(deadlineMet(date(20251231, 'le'), date(1015), 2025)).toBe(true);
  });
  test('parsed deadlines', () => {
    expect(deadlineMet(parseReading('12月底前'), parseReading('2025年11月'))).toBe(true);
    expect(deadlineMet(parseReading('9月前'), parseReading('10月15日'))).toBe(false);
  });
  test('undefined unless both are dates', () => {
    expect(deadlineMet(date(1231, 'le'), qual('按时完成'))).toBeUndefined();
  });
});

describe('qualitativeBand', () => {
  test('达成: 0.8 w ≤ s ≤ w', () => {
    const b = qualitativeBand('达成', 10);
    expect(b).toEqual({ min: 8, max: 10, maxInclusive: true });
    expect(inBand(8, b)).toBe(true);
    expect(inBand(10, b)).toBe(true);
    expect(inBand(7.99, b)).toBe(false);
  });
  test('部分达成: 0.6 w ≤ s < 0.8 w', () => {
    const b = qualitativeBand('部分达成', 10);
    expect(b.min).toBeCloseTo(6, 10);
    expect(b.max).toBeCloseTo(8, 10);
    expect(b.maxInclusive).toBe(false);
    expect(inBand(6, b)).toBe(true);
    expect(inBand(7.9, b)).toBe(true);
    expect(inBand(8, b)).toBe(false);
    expect(inBand(5.9, b)).toBe(false);
  });
  test('未达成: 0 ≤ s < 0.6 w', () => {
    const b = qualitativeBand('未达成', 5);
    expect(b.min).toBe(0);
    expect(b.max).toBeCloseTo(3, 10);
    expect(inBand(0, b)).toBe(true);
    expect(inBand(2.9, b)).toBe(true);
    expect(inBand(3, b)).toBe(false);
  });
});

describe('number display', () => {
  test('at most 2 decimals, no float noise', () => {
    expect(fmtNum(0.1 + 0.2)).toBe('0.3');
    expect(fmtNum(8.6200000001)).toBe('8.62');
    expect(fmtNum(10)).toBe('10');
    expect(fmtNum(-0.001)).toBe('0');
    expect(fmtNum(undefined)).toBe('—');
    expect(fmtPct(0.96745)).toBe('96.75%');
  });
});
