// The engine off the pane's main thread: the pane posts a snapshot and a profile, the worker
// evaluates and posts back the data of the evaluation (the narrative report is built on the
// main thread when it is asked for). Bundled as its own file (dist/engine-worker.js).

import { evaluate } from '../core/engine';
import type { Grid } from '../core/grid';

interface Request {
  id: number;
  grid: Grid;
  profile?: string;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (e) => {
  const { id, grid, profile } = e.data;
  try {
    const ev = evaluate(grid, { profile });
    scope.postMessage({ id, ok: true, parts: { profile: ev.profile, profileSource: ev.profileSource, read: ev.read, check: ev.check, findings: ev.findings } });
  } catch (err) {
    const x = err as { name?: string; message?: string };
    scope.postMessage({ id, ok: false, name: x?.name ?? 'Error', message: x?.message ?? String(err) });
  }
};
