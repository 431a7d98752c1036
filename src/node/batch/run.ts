// `selfeval check` on several files and folders: one process, the files in turn. A file that
// cannot be used is reported and the batch goes on; the exit status sums it all up.

import * as fs from 'fs';
import * as path from 'path';
import { evaluate, SelfevalError } from '../../core/engine';
import { BUILTIN_PROFILES, resolveProfile } from '../../core/profiles';
import { inertText } from '../../core/inert';
import { assertExtension, writeOutputFile } from '../output';
import { discoverFiles, type Found } from './discover';
import { createProgress, type Progress, type ProgressStream } from './progress';
import { readGridFile } from './read';
import { usableFile, type FileResult } from './result';
import * as W from './wording';

export interface BatchOptions {
  profile?: string;
  json?: boolean;
  summary?: string;
  quiet?: boolean;
  force?: boolean;
}

export interface BatchIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard error as a stream, for the progress bar (drawn only when it is a terminal). */
  stderrStream?: ProgressStream;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_UNUSABLE = 2;

function checkProfile(wanted: string | undefined): void {
  if (wanted === undefined || wanted === '' || resolveProfile(wanted)) return;
  throw new SelfevalError(`未知的权重方案“${wanted}”，可用的有：${BUILTIN_PROFILES.map((x) => x.id).join('、')}`);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** One file named (not a folder) and no summary: `check` prints as it always has. */
export function isSingleCheck(args: string[], opts: BatchOptions): boolean {
  if (args.length !== 1 || opts.summary !== undefined) return false;
  try {
    return !fs.statSync(args[0]).isDirectory();
  } catch {
    return true;
  }
}

/** Checks one file; never throws. */
export async function checkFile(found: Found, profile: string | undefined): Promise<FileResult> {
  const { path: file, label } = found;
  try {
    const grid = await readGridFile(file);
    return { ok: true, ...usableFile(file, label, evaluate(grid, { profile })) };
  } catch (e) {
    if (e instanceof SelfevalError) return { ok: false, path: file, label, reason: e.message.split('\n')[0] };
    const detail = e instanceof Error && e.message ? e.message.split('\n')[0] : String(e);
    return { ok: false, path: file, label, reason: W.unexpectedReason(detail) };
  }
}

/** The JSON Lines document of one file: `check --json` of it, plus `path`; or `error` for an unusable one. */
export function jsonLine(r: FileResult): string {
  if (r.ok) return JSON.stringify({ ...r.json, path: r.path });
  return JSON.stringify({ file: path.basename(r.path), path: r.path, error: r.reason });
}

/** The readable line of one file; workbook text is made inert. */
export function readableLine(r: FileResult): string {
  const file = inertText(r.label);
  if (!r.ok) return W.unusableLine(file, inertText(r.reason));
  const tables = r.json.tables;
  const main = tables.find((t) => t.kind !== 'project') ?? tables[0];
  return W.fileLine({
    file,
    department: r.department === null ? null : inertText(r.department),
    tables: tables.length,
    statedTotal: main?.statedTotal ?? null,
    computedTotal: main?.computedTotal ?? null,
    statedGrade: main?.statedGrade ?? null,
    computedGrade: main?.computedGrade ?? null,
    counts: W.countFindings(r.json.findings),
  });
}

function emptyTotals(): W.Totals {
  return { files: 0, usable: 0, withErrors: 0, unusable: 0, tables: 0, counts: { error: 0, warning: 0, info: 0 } };
}

/** Adds one file's result to the totals. */
function addToTotals(t: W.Totals, r: FileResult): void {
  t.files++;
  if (!r.ok) {
    t.unusable++;
    return;
  }
  t.usable++;
  t.tables += r.json.tables.length;
  const c = W.countFindings(r.json.findings);
  if (c.error > 0) t.withErrors++;
  t.counts.error += c.error;
  t.counts.warning += c.warning;
  t.counts.info += c.info;
}

/** Exit status: 2 if any file could not be used, else 1 if any has an error, else 0. */
function exitCodeOfTotals(t: W.Totals): number {
  if (t.unusable > 0) return EXIT_UNUSABLE;
  if (t.withErrors > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}

/**
 * Every file in turn, its line written as soon as it is checked. Only the totals outlive a file,
 * unless the review workbook is to be written (`keep`): then its results are kept for it.
 */
async function checkAll(files: Found[], opts: BatchOptions, io: BatchIo, progress: Progress): Promise<{ totals: W.Totals; kept: FileResult[] }> {
  const totals = emptyTotals();
  const kept: FileResult[] = [];
  const keep = opts.summary !== undefined;
  for (const file of files) {
    progress.start(inertText(path.basename(file.label)));
    const r = await checkFile(file, opts.profile);
    addToTotals(totals, r);
    if (keep) kept.push(r);
    progress.clear();
    io.stdout((opts.json ? jsonLine(r) : readableLine(r)) + '\n');
    progress.done();
  }
  progress.clear();
  return { totals, kept };
}

/**
 * Runs the batch: every file in turn, one line (or one JSON document) each as it is done, the
 * totals, then the review workbook when asked. Returns the exit status.
 * Throws SelfevalError only before the first file (usage: unknown profile, bad summary name, nothing found).
 */
export async function runBatch(args: string[], opts: BatchOptions, io: BatchIo): Promise<number> {
  checkProfile(opts.profile);
  if (opts.summary !== undefined) assertExtension(opts.summary, '.xlsx');
  const { files } = discoverFiles(args, opts.summary !== undefined ? [opts.summary] : []);
  if (files.length === 0) throw new SelfevalError(W.NO_FILES);
  if (opts.summary !== undefined && files.some((f) => samePath(f.path, opts.summary as string))) {
    throw new SelfevalError(`复核汇总文件不能是要检查的工作簿之一：${opts.summary}`);
  }
  const progress = createProgress(io.stderrStream, files.length, { quiet: opts.quiet });
  const { totals, kept: results } = await checkAll(files, opts, io, progress);
  if (!opts.json) io.stdout(W.totalsLine(totals) + '\n');
  let code = exitCodeOfTotals(totals);
  if (opts.summary !== undefined) {
    try {
      const written = writeOutputFile(opts.summary, await (await import('./summary')).summaryWorkbookBytes(results), { force: opts.force });
      // With --json, standard output holds only the documents.
      (opts.json ? io.stderr : io.stdout)(W.summaryWritten(inertText(written)) + '\n');
    } catch (e) {
      io.stderr((e instanceof SelfevalError ? e.message.split('\n')[0] : W.unexpectedReason(String(e))) + '\n');
      code = EXIT_UNUSABLE;
    }
  }
  return code;
}
