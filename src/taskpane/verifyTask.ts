// 核对报告: a report (a .docx or .txt file, or a sheet) proofread against the workbook as it is now.

import type { VerifyResult } from '../core/verify/types';
import { loadReport } from './engineClient';
import type { TaskContext } from './taskContext';

export interface VerifyState {
  result?: VerifyResult;
  error?: string;
}

export type VerifyTarget = { file: File } | { sheet: string };

type SetVerifyState = (next: VerifyState | ((v: VerifyState) => VerifyState)) => void;

export const verifyTask = (ctx: TaskContext, setVerifyState: SetVerifyState, what: VerifyTarget) =>
  ctx.run('verify', async () => {
    setVerifyState((v) => ({ ...v, error: undefined }));
    const { grid, ev } = await ctx.current('sheet' in what ? what.sheet : undefined);
    await loadReport();
    const engine = await import(/* webpackChunkName: "verify" */ '../core/verify/index');
    try {
      const result =
        'file' in what ? await engine.verifyReport(what.file.name, new Uint8Array(await what.file.arrayBuffer()), ev) : engine.verifySheet(grid, what.sheet, ev);
      setVerifyState({ result });
      const n = result.findings.length;
      ctx.dispatch({ type: 'info', notice: { intent: n ? 'info' : 'success', title: '核对完成', text: n ? `报告中有 ${n} 处与表格不一致或需要注意，见“核对报告”。` : '报告中的数与表格一致。' } });
    } catch (err) {
      // A report that cannot be read: one Chinese line under the chooser.
      if (err instanceof Error && err.name === 'SelfevalError') setVerifyState({ error: err.message });
      else throw err;
    }
  });
