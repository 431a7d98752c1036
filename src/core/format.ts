// Number and numbering formats of the narrative report (report.md "Numbering").
// Amounts in 万元 with two decimals, rates as percentages with two decimals,
// scores with at most two decimals; 一、 / （一） / 1. numbering.

/**
 * Rounds to `digits` decimals, half away from zero, on the decimal value the
 * number shows (so 1.005 -> 1.01 and 96.745 -> 96.75, not the binary 1.00).
 */
export function roundTo(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  // toPrecision(15) drops the binary noise of the float before rounding.
  const abs = Number(Math.abs(x).toPrecision(15));
  // Beyond 1e15 a double has no decimals left to round.
  if (abs >= 1e15) return sign * abs;
  // Shift by the exponent, not by pasting 'e2' onto the text: 1e-7 prints as '1e-7'.
  const [mant, exp] = String(abs).split('e');
  const shifted = Math.round(Number(`${mant}e${Number(exp ?? 0) + digits}`));
  const r = Number(`${shifted}e-${digits}`);
  const out = sign * r;
  return out === 0 ? 0 : out; // no -0
}

/** The text a number that cannot be shown prints as. */
const NO_NUMBER = '—';

/** Two decimals always, no thousands separators: '12345.60'. */
export function fixed2(x: number): string {
  if (!Number.isFinite(x)) return NO_NUMBER;
  return roundTo(x, 2).toFixed(2);
}

/** An amount in 万元: '154.74万元', '12345.60万元'. */
export function fmtWan(x: number): string {
  if (!Number.isFinite(x)) return NO_NUMBER;
  return `${fixed2(x)}万元`;
}

/** A fraction as a percentage with two decimals: 0.9674 -> '96.74%'. */
export function fmtRate(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NO_NUMBER;
  return `${fixed2(fraction * 100)}%`;
}

/** A score with at most two decimals and no trailing zeros: 9.7, 98, 8.62. */
export function fmtScore(x: number): string {
  if (!Number.isFinite(x)) return NO_NUMBER;
  return String(roundTo(x, 2));
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A positive integer in Chinese numerals as used in numbering: 1 -> 一, 10 -> 十, 11 -> 十一, 21 -> 二十一, 105 -> 一百零五. */
export function cnIndex(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const rest = n % 100;
    if (rest === 0) return DIGITS[h] + '百';
    if (rest < 10) return DIGITS[h] + '百零' + DIGITS[rest];
    // 110 -> 一百一十 (inside a larger number 十 takes its 一)
    return DIGITS[h] + '百' + (rest < 20 ? '一' + cnIndex(rest) : cnIndex(rest));
  }
  return String(n);
}

/** Level-1 section number: '一、'. */
export function sectionNo(n: number): string {
  return `${cnIndex(n)}、`;
}

/** Level-2 subsection number: '（一）'. */
export function subsectionNo(n: number): string {
  return `（${cnIndex(n)}）`;
}

/** Level-3 item number: '1. '. */
export function itemNo(n: number): string {
  return `${n}. `;
}

/** A grade letter in full, as a report writes it: 优 -> 优秀. */
export function gradeName(g: string): string {
  const m: Record<string, string> = { 优: '优秀', 良: '良好', 中: '中等', 差: '较差' };
  return m[g] ?? g;
}

/** A number in a message: at most two decimals, no float noise; '—' when there is none. */
export function fmtNum(x: number | null | undefined): string {
  return x === null || x === undefined ? NO_NUMBER : fmtScore(x);
}

/** A fraction as a percentage in a message, at most two decimals: 0.96745 -> '96.75%'. */
export function fmtPct(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? NO_NUMBER : fmtNum(fraction * 100) + '%';
}
