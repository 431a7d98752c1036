// What the pane's buttons do, as one hook: each task reads what it needs from the host, runs the
// engine off the main thread, and dispatches the result. Every action that depends on the
// workbook works from a fresh read, or from the last snapshot when the workbook's events prove
// it unchanged since. The tasks themselves live in reportTasks, verifyTask, sheetTasks and valueTasks.

import * as React from 'react';
import type { AppliedValue, WorkbookEvent, WorkbookHost } from '../office/host';
import type { Finding } from '../core/types';
import type { IgnoreEntry } from '../core/ignore';
import type { Suggestion } from '../core/suggest';
import { errorNotice, type Action, type PaneState } from './state';
import { useCheck, useTaskRunner, type TaskContext } from './taskContext';
import { exportWordTask, reportTask, type Download } from './reportTasks';
import { verifyTask, type VerifyState, type VerifyTarget } from './verifyTask';
import { clearTask, insertBasicTask, templateTask } from './sheetTasks';
import { applyTask, chooseProfileTask, ignoreTask, restoreTask, undoTask, useOwnWrites } from './valueTasks';

export type { VerifyState } from './verifyTask';

export interface PaneActionsInput {
  host: WorkbookHost;
  state: PaneState;
  dispatch: React.Dispatch<Action>;
  /** After a check the user asked for: focus moves to the result. */
  onChecked(): void;
}

export function usePaneActions({ host, state, dispatch, onChecked }: PaneActionsInput) {
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const { run, busyRef } = useTaskRunner(dispatch);
  const { ownWrite, isOwnWrite } = useOwnWrites();
  const { mark, check, current } = useCheck(host, dispatch, stateRef);
  /** The last Word export, offered as a download link. */
  const [download, setDownload] = React.useState<Download | undefined>(undefined);
  React.useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);
  const [verifyState, setVerifyState] = React.useState<VerifyState>({});
  const ctx: TaskContext = { host, dispatch, stateRef, run, mark, check, current };

  return {
    verify: { run: (what: VerifyTarget) => verifyTask(ctx, setVerifyState, what), ...verifyState },
    exportWord: () => exportWordTask(ctx, setDownload),
    insertBasic: () => insertBasicTask(ctx),
    download,
    check: () =>
      run('check', async () => {
        await check();
        onChecked();
      }),
    report: () => reportTask(ctx),
    writeReport: (replace: boolean) => reportTask(ctx, replace),
    clear: () => clearTask(ctx),
    template: () => templateTask(ctx),
    chooseProfile: (profileId: string) => chooseProfileTask(ctx, profileId),
    locate: (f: { sheet: string; cell: string }) => {
      host.selectCell(f.sheet, f.cell).catch((err: unknown) => dispatch({ type: 'failed', notice: errorNotice(err, 'select') }));
    },
    ignore: (f: Finding, nextId?: string) => ignoreTask(ctx, f, nextId),
    restore: (e: IgnoreEntry) => restoreTask(ctx, e),
    apply: (sug: Suggestion) => applyTask(ctx, ownWrite, sug),
    undo: (a: AppliedValue) => undoTask(ctx, ownWrite, a),
    /** An edit the pane made itself (采用建议值, 撤销) is not the user's. */
    isOwnChange: (e: WorkbookEvent): boolean => {
      if (busyRef.current) return true;
      if (isOwnWrite(e)) return true;
      // A sheet the pane added (the report, the template) is not a table of the check.
      return stateRef.current.addedSheets.includes(e.sheet);
    },
  };
}
