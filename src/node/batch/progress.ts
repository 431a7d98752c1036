// The progress bar of a batch, on standard error when it is a terminal: files done of how
// many, the file being read, and the time left. Nothing at all otherwise.

import { textUnits } from '../../core/layout';
import { progressLine } from './wording';

/** What the bar needs of a stream (process.stderr has it). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  /** A file begins. */
  start(file: string): void;
  /** The current file is done. */
  done(): void;
  /** Takes the bar off the line (before other output is written, and at the end). */
  clear(): void;
  /** Draws it again after other output. */
  redraw(): void;
}

const NONE: Progress = { start() {}, done() {}, clear() {}, redraw() {} };

const BAR_WIDTH = 20;
/** Redraws at most this often (ms), except when a file is done. */
const MIN_INTERVAL = 100;
const CLEAR_LINE = '\r\x1b[K';

/** A text cut to a display width (CJK characters count two), with … at the cut. */
export function fitWidth(s: string, width: number): string {
  if (textUnits(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (textUnits(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

export function bar(done: number, total: number, width = BAR_WIDTH): string {
  const full = total > 0 ? Math.round((done / total) * width) : 0;
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export interface ProgressOptions {
  quiet?: boolean;
  /** The clock, in ms (tests give their own). */
  now?: () => number;
}

/** A bar on the stream when it is a terminal and not quiet; otherwise one that draws nothing. */
export function createProgress(stream: ProgressStream | undefined, total: number, opts: ProgressOptions = {}): Progress {
  if (!stream || !stream.isTTY || opts.quiet || total <= 0) return NONE;
  const now = opts.now ?? (() => Date.now());
  const began = now();
  let done = 0;
  let current = '';
  let shown = false;
  let lastDraw = -Infinity;

  const draw = (force: boolean): void => {
    const t = now();
    if (!force && t - lastDraw < MIN_INTERVAL) return;
    lastDraw = t;
    const leftMs = done > 0 ? ((t - began) / done) * (total - done) : undefined;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const line = progressLine(bar(done, total), done, total, current, leftMs);
    stream.write(CLEAR_LINE + fitWidth(line, width));
    shown = true;
  };

  return {
    start(file) {
      current = file;
      draw(done === 0);
    },
    done() {
      done++;
      draw(true);
    },
    clear() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
    redraw() {
      if (done < total) draw(true);
    },
  };
}
