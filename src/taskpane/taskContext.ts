// What every pane task shares: the host, the reducer's dispatch, the latest state, the task
// runner (one task at a time, a failure becomes a message bar) and the check itself.

import * as React from 'react';
import type { WorkbookHost } from '../office/host';
import type { Finding } from '../core/types';
import type { Grid } from '../core/grid';
import type { Evaluation } from '../core/engine';
import { planMarks } from '../core/marks';
import { IGNORE_KEY, parseIgnored } from '../core/ignore';
import { APPLIED_KEY, parseApplied } from '../office/markRecord';
import { evaluateAsync } from './engineClient';
import { errorNotice, type Action, type PaneState, type Task } from './state';
import { visible } from './findingsModel';

export type Checked = { grid: Grid; ev: Evaluation };

export interface TaskContext {
  host: WorkbookHost;
  dispatch: React.Dispatch<Action>;
  stateRef: React.MutableRefObject<PaneState>;
  /** Runs one task; any failure becomes a message bar and the buttons come back. */
  run(task: Task, body: () => Promise<void>): Promise<void>;
  /** Marks the findings shown; with nothing to mark, the earlier marks go. */
  mark(findings: Finding[]): Promise<void>;
  /** Reads, evaluates, shows the findings, then marks; returns the new snapshot and evaluation. */
  check(): Promise<Checked>;
  /** The evaluation of the workbook as it is now: the last one if proven unchanged, else a fresh check. */
  current(needSheet?: string): Promise<Checked>;
}

/** The one-task-at-a-time runner; `busyRef` is true while a task runs. */
export function useTaskRunner(dispatch: React.Dispatch<Action>) {
  const busyRef = React.useRef(false);
  const run = React.useCallback(async (task: Task, body: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: 'start', task });
    try {
      await body();
    } catch (err) {
      dispatch({ type: 'failed', notice: errorNotice(err, task) });
    } finally {
      busyRef.current = false;
      dispatch({ type: 'end' });
    }
  }, [dispatch]);
  return { run, busyRef };
}

/** The check and its marking, plus `current`, which reuses the last check when events prove it unchanged. */
export function useCheck(host: WorkbookHost, dispatch: React.Dispatch<Action>, stateRef: React.MutableRefObject<PaneState>) {
  const events = React.useRef<boolean | undefined>(undefined);

  const mark = React.useCallback(
    async (findings: Finding[]) => {
      const marks = planMarks(findings);
      if (marks.length > 0) await host.applyMarks(marks);
      else await host.clearMarks();
    },
    [host],
  );

  const check = React.useCallback(async (): Promise<Checked> => {
    dispatch({ type: 'phase', phase: 'read' });
    if (events.current === undefined) events.current = !!(await host.capabilities()).events;
    const [grid, settings] = await Promise.all([host.snapshot(), host.readSettings([IGNORE_KEY, APPLIED_KEY])]);
    dispatch({ type: 'phase', phase: 'evaluate' });
    const ev = await evaluateAsync(grid, stateRef.current.profileId);
    const ignored = parseIgnored(settings[IGNORE_KEY]);
    dispatch({ type: 'settings', ignored, applied: parseApplied(settings[APPLIED_KEY]) });
    // The findings show before the marking finishes.
    dispatch({ type: 'checked', grid, ev });
    dispatch({ type: 'phase', phase: 'mark' });
    try {
      await mark(visible(ev.findings, ignored, grid).shown);
    } catch (err) {
      // The findings stand even when the workbook cannot be marked: show them, and say why.
      dispatch({ type: 'failed', notice: { ...errorNotice(err, 'check'), title: '检查已完成，但未能标记单元格' } });
    }
    return { grid, ev };
  }, [host, mark, dispatch]);

  const current = async (needSheet?: string): Promise<Checked> => {
    const s = stateRef.current;
    // A sheet the pane added since (the report) is not in the snapshot: read again to see it.
    const seen = needSheet === undefined || !!s.grid?.sheets.some((x) => x.name === needSheet);
    if (s.ev && s.grid && !s.stale && events.current && seen) return { grid: s.grid, ev: s.ev };
    return check();
  };

  return { mark, check, current };
}
