// Every limit of the package reader, each with a name and a value in one place, and the Chinese
// message that says which limit a file broke and by how much. A broken limit ends the run with
// exit 2 (LimitError is a SelfevalError), before the work it would have cost is done.

import * as v8 from 'v8';
import { SelfevalError } from '../../core/engine';

const KB = 1024;
const MB = 1024 * KB;

/** Excel's own grid: a row or column beyond these is not a workbook Excel wrote (corrupt). */
export const EXCEL_MAX_ROWS = 1048576;
export const EXCEL_MAX_COLS = 16384;

export interface Limit {
  /** The name a message and the README use. */
  name: string;
  value: number;
  /** 'bytes' limits are shown in MB; 'count' limits as plain numbers. */
  unit: 'bytes' | 'count';
}

export const LIMITS = {
  /** The .xlsx file on disk. */
  fileBytes: { name: '文件大小', value: 512 * MB, unit: 'bytes' },
  /** Entries in the zip's central directory. */
  zipEntries: { name: '压缩包中的部件数', value: 10000, unit: 'count' },
  /** One part once inflated (declared, and as counted from the stream). */
  partInflated: { name: '单个部件解压后的大小', value: 256 * MB, unit: 'bytes' },
  /** All parts once inflated, declared in the central directory and as counted while reading. */
  totalInflated: { name: '全部部件解压后的总大小', value: 1024 * MB, unit: 'bytes' },
  /**
   * One run of XML without a tag: a text, comment or attribute (Excel's cell text is at most
   * 32,767 characters; the parser would hold a longer run whole in memory).
   */
  xmlRun: { name: '单段 XML 文本（无标签的连续内容）', value: 16 * MB, unit: 'bytes' },
  /** Worksheets in the workbook. */
  sheets: { name: '工作表数', value: 1000, unit: 'count' },
  /** Entries of the shared-string table. */
  sharedStrings: { name: '共享字符串数', value: 500000, unit: 'count' },
  /** Filled cells over the whole workbook. */
  cells: { name: '有内容的单元格数', value: 5000000, unit: 'count' },
  /** Merged areas over the whole workbook (each kept as one range, never expanded). */
  merges: { name: '合并单元格区域数', value: 200000, unit: 'count' },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

function show(n: number, unit: Limit['unit']): string {
  if (unit === 'count') return n.toLocaleString('en-US');
  if (n >= MB) return `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB`;
  return `${Math.ceil(n / KB)} KB`;
}

/** A limit the file broke: exit 2 with one Chinese line naming the limit and how far over. */
export class LimitError extends SelfevalError {
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

/**
 * The error for a limit broken by `actual` (a known amount) or, when `actual` is undefined,
 * by an amount only known to be larger (a stream stopped at the limit).
 */
export function overLimit(limit: LimitName, file: string, what: string, actual?: number, value?: number): LimitError {
  const l: Limit = value === undefined ? LIMITS[limit] : { ...LIMITS[limit], value };
  const cap = show(l.value, l.unit);
  const head = `文件过大：${what}`;
  const tail = `selfeval 不读取此文件（${file}）`;
  if (actual === undefined) return new LimitError(limit, `${head}已超过“${l.name}”上限 ${cap}（读到上限即停止），${tail}`);
  const over = `超出 ${show(actual - l.value, l.unit)}，约为上限的 ${(actual / l.value).toFixed(1)} 倍`;
  return new LimitError(limit, `${head}为 ${show(actual, l.unit)}，超过“${l.name}”上限 ${cap}（${over}），${tail}`);
}

/** Heap bytes one filled cell costs through the read and the check (measured: about 200). */
export const HEAP_BYTES_PER_CELL = 250;

/**
 * The cell limit of this process: LIMITS.cells, or less when the JavaScript heap is too small
 * to hold that many (Node sizes its heap from the machine's memory, or --max-old-space-size):
 * the run stops with exit 2 at the limit instead of running out of memory.
 */
export function cellLimit(): number {
  const heap = v8.getHeapStatistics().heap_size_limit;
  return Math.max(100000, Math.min(LIMITS.cells.value, Math.floor((heap * 0.7) / HEAP_BYTES_PER_CELL)));
}

/** Throws when `actual` is over the limit. */
export function checkLimit(limit: LimitName, file: string, what: string, actual: number): void {
  if (actual > LIMITS[limit].value) throw overLimit(limit, file, what, actual);
}

/** A file that is not a well-formed workbook package: exit 2, one line. */
export class CorruptError extends SelfevalError {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptError';
  }
}

export function corrupt(file: string, why: string): CorruptError {
  return new CorruptError(`文件已损坏，无法作为 .xlsx 读取：${why}（${file}）`);
}
