// One <c> element's collected parts -> a grid Cell, the same Cell the ExcelJS path gives
// (src/node/xlsx.ts toGridCell over ExcelJS's cell model): the same types, the same dates,
// the same dropped empties. Where ExcelJS is plainly wrong the difference is named here.

import type { Cell } from '../../core/grid';

/** What the sheet parser collected for one cell. */
export interface RawCell {
  /** The t attribute. */
  t: string | undefined;
  /** The number format code of its style, if any. */
  fmt: string | undefined;
  /** Text of <v>, and of <t> directly in <is> (ExcelJS appends both to one value). */
  val: string | undefined;
  /** The texts of the rich runs of an inline string, when it has runs. */
  runs: string[] | undefined;
  /** A formula: <f> with text or with a t attribute (shared, array). */
  formula: boolean;
}

const MS_PER_DAY = 86400000;
const EPOCH_SERIAL = 25569;
const MAX_DATE_MS = 8.64e15;

const dateFmts = new Map<string, boolean>();

/** ExcelJS's test for a date format: date letters outside quotes and brackets. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let known = dateFmts.get(fmt);
  if (known === undefined) {
    const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
    known = /[ymdhMsb]+/.test(f);
    if (dateFmts.size < 10000) dateFmts.set(fmt, known);
  }
  return known;
}

/**
 * A serial read under a date format, as ExcelJS turns it into a Date (rounded to the
 * millisecond, shifted for the 1904 system) and src/node/xlsx.ts back into a 1900 serial.
 * NaN when JavaScript has no such date.
 */
export function dateSerial(v: unknown, date1904: boolean): number {
  const ms = Math.round((Number(v) - EPOCH_SERIAL + (date1904 ? 1462 : 0)) * MS_PER_DAY);
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return NaN;
  return EPOCH_SERIAL + ms / MS_PER_DAY;
}

/** ExcelJS's xmlDecode, applied (a second time) to t="str" texts. */
function xmlDecode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** An ISO 8601 date-time of a t="d" cell as a 1900 serial (ExcelJS reads it as parseFloat: a bug). */
function isoSerial(s: string): number {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !/T/.test(s) ? s : `${s}Z`);
  return Number.isFinite(t) ? EPOCH_SERIAL + t / MS_PER_DAY : NaN;
}

function withFmt(out: Cell, fmt: string | undefined): Cell {
  if (fmt) out.format = fmt;
  return out;
}

function numberCell(n: number, fmt: string | undefined): Cell {
  return Number.isFinite(n) ? withFmt({ value: n }, fmt) : withFmt({ value: null, error: '#NUM!' }, fmt);
}

function formulaCell(raw: RawCell, date1904: boolean): Cell {
  const out: Cell = { value: null, formula: true };
  const v = raw.val;
  if (v) {
    let result: unknown;
    if (raw.t === 'str') result = xmlDecode(v);
    else if (raw.t === 'b') result = parseInt(v, 10) !== 0;
    else if (raw.t === 'e') result = { error: v };
    else result = parseFloat(v);
    if (isDateFmt(raw.fmt)) {
      const d = dateSerial(result, date1904);
      if (Number.isFinite(d)) out.value = d;
    } else if (typeof result === 'number') {
      if (Number.isFinite(result)) out.value = result;
      else out.error = '#NUM!';
    } else if (typeof result === 'object') {
      out.error = String((result as { error: string }).error);
    } else {
      out.value = result as string | boolean;
    }
  }
  return withFmt(out, raw.fmt);
}

/** The grid Cell of a collected cell; undefined for an empty one. `sst(i)` gives shared string i (throws if none). */
export function toCell(raw: RawCell, sst: (i: number) => string, date1904: boolean): Cell | undefined {
  if (raw.formula) return formulaCell(raw, date1904);
  const v = raw.val;
  const fmt = raw.fmt;
  switch (raw.t) {
    case 's': {
      if (v === undefined) return undefined;
      const s = sst(parseInt(v, 10));
      return s === '' ? undefined : withFmt({ value: s }, fmt);
    }
    case 'inlineStr': {
      const s = raw.runs ? raw.runs.join('') : v;
      return s === undefined || s === '' ? undefined : withFmt({ value: s }, fmt);
    }
    case 'str':
      return v === undefined ? undefined : withFmt({ value: xmlDecode(v) }, fmt);
    case 'b':
      return v === undefined ? undefined : withFmt({ value: parseInt(v, 10) !== 0 }, fmt);
    case 'e':
      return v === undefined ? undefined : withFmt({ value: null, error: v }, fmt);
    case 'd': {
      if (v === undefined) return undefined;
      const n = isoSerial(v.trim());
      return Number.isFinite(n) ? withFmt({ value: n }, fmt) : withFmt({ value: null, error: '#VALUE!' }, fmt);
    }
    default: {
      if (v === undefined) return undefined;
      const n = parseFloat(v);
      if (!isDateFmt(fmt)) return numberCell(n, fmt);
      const d = dateSerial(n, date1904);
      return Number.isFinite(d) ? withFmt({ value: d }, fmt) : undefined;
    }
  }
}
