// Runs the engine so the pane never freezes: in a Web Worker (dist/engine-worker.js) where the
// browser has one, else on the main thread after yielding a frame (jsdom, a host without
// workers). The answer is the same Evaluation either way. The engine and the report builder
// are loaded on demand (not part of the pane's initial JavaScript): loadReport() before
// anything reads ev.report.

import type { Evaluation } from '../core/engine';
import type { Grid } from '../core/grid';
import type { ReportDoc } from '../core/types';

type BuildReport = typeof import('../core/report/index').buildReport;
let buildReport: BuildReport | undefined;

/** Loads the report builder, so that ev.report can be read. */
export async function loadReport(): Promise<void> {
  buildReport ??= (await import(/* webpackChunkName: "report" */ '../core/report/index')).buildReport;
}

function selfevalError(message: string): Error {
  const e = new Error(message);
  e.name = 'SelfevalError';
  return e;
}

type Parts = Pick<Evaluation, 'profile' | 'profileSource' | 'read' | 'check' | 'findings'>;

/** An Evaluation from its data, with the report built on first use (as engine.evaluate does). */
export function evaluationOf(p: Parts): Evaluation {
  let report: ReportDoc | undefined;
  return {
    ...p,
    get report(): ReportDoc {
      if (!buildReport) throw new Error('the report builder is not loaded (await loadReport() first)');
      if (!report) report = buildReport(p.read, p.check, p.profile, p.findings);
      return report;
    },
  };
}

const WORKER_URL = 'engine-worker.js';
let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve(ev: Evaluation): void; reject(e: unknown): void }>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined' || typeof window === 'undefined' || !/^https?:/.test(window.location?.protocol ?? '')) return worker;
  try {
    const w = new Worker(WORKER_URL);
    w.onmessage = (e: MessageEvent) => {
      const m = e.data as { id: number; ok: boolean; parts?: Parts; name?: string; message?: string };
      const p = waiting.get(m.id);
      if (!p) return;
      waiting.delete(m.id);
      if (m.ok && m.parts) p.resolve(evaluationOf(m.parts));
      else p.reject(m.name === 'SelfevalError' ? selfevalError(m.message ?? '') : new Error(m.message));
    };
    w.onerror = () => {
      // A worker that cannot start (blocked, missing file): the main thread takes over.
      worker = null;
      const pending = [...waiting.values()];
      waiting.clear();
      for (const p of pending) p.reject(new WorkerUnavailable());
    };
    worker = w;
  } catch {
    worker = null;
  }
  return worker;
}

class WorkerUnavailable extends Error {}

const yieldFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function onMainThread(grid: Grid, profile?: string): Promise<Evaluation> {
  const { evaluate } = await import(/* webpackChunkName: "engine" */ '../core/engine');
  await yieldFrame();
  return evaluate(grid, { profile });
}

/** Evaluates a snapshot without blocking the pane. */
export async function evaluateAsync(grid: Grid, profile?: string): Promise<Evaluation> {
  const w = getWorker();
  if (!w) return onMainThread(grid, profile);
  const id = nextId++;
  try {
    return await new Promise<Evaluation>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, grid, profile });
    });
  } catch (e) {
    if (e instanceof WorkerUnavailable) return onMainThread(grid, profile);
    throw e;
  }
}
