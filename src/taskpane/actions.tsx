// What the pane's buttons do, as one hook: each task reads what it needs from the host, runs the
// engine off the main thread, and dispatches the result. Every action that depends on the
// workbook works from a fresh read, or from the last snapshot when the workbook's events prove
// it unchanged since.

import * as React from 'react';
import type { AppliedValue, WorkbookEvent, WorkbookHost } from '../office/host';
import type { Finding } from '../core/types';
import type { Grid } from '../core/grid';
import type { Evaluation } from '../core/engine';
import { planMarks } from '../core/marks';
import { uniqueSheetName } from '../core/layout';
import { IGNORE_KEY, parseIgnored, withIgnored, withoutIgnored, type IgnoreEntry } from '../core/ignore';
import type { Suggestion } from '../core/suggest';
import { APPLIED_KEY, parseApplied } from '../office/markRecord';
import { evaluateAsync, loadReport } from './engineClient';
import type { VerifyResult } from '../core/verify/types';
import { errorNotice, existingNames, noTable, type Action, type PaneState, type Task } from './state';
import { visible } from './findingsModel';

const REPORT_NAME = '自评报告';

export interface VerifyState {
  result?: VerifyResult;
  error?: string;
}
/** How long after the pane's own write an edit event on that cell is taken as the pane's own. */
const OWN_WRITE_MS = 3000;

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
  const busyRef = React.useRef(false);
  const own = React.useRef(new Map<string, number>());
  const events = React.useRef<boolean | undefined>(undefined);
  /** The last Word export, offered as a download link. */
  const [download, setDownload] = React.useState<{ url: string; name: string } | undefined>(undefined);
  React.useEffect(() => () => download && URL.revokeObjectURL(download.url), [download]);

  /** Runs one task; any failure becomes a message bar and the buttons come back. */
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

  const ownWrite = (sheet: string, cell: string) => own.current.set(`${sheet}!${cell.toUpperCase()}`, Date.now() + OWN_WRITE_MS);

  /** Marks the findings shown; with nothing to mark, the earlier marks go. */
  const mark = React.useCallback(
    async (findings: Finding[]) => {
      const marks = planMarks(findings);
      if (marks.length > 0) await host.applyMarks(marks);
      else await host.clearMarks();
    },
    [host],
  );

  /** Reads, evaluates, shows the findings, then marks; returns the new snapshot and evaluation. */
  const check = React.useCallback(async (): Promise<{ grid: Grid; ev: Evaluation }> => {
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

  /** The evaluation of the workbook as it is now: the last one if proven unchanged, else a fresh check. */
  const current = async (needSheet?: string): Promise<{ grid: Grid; ev: Evaluation }> => {
    const s = stateRef.current;
    // A sheet the pane added since (the report) is not in the snapshot: read again to see it.
    const seen = needSheet === undefined || !!s.grid?.sheets.some((x) => x.name === needSheet);
    if (s.ev && s.grid && !s.stale && events.current && seen) return { grid: s.grid, ev: s.ev };
    return check();
  };

  const writeReportNow = async (ev: Evaluation, replace: boolean) => {
    dispatch({ type: 'phase', phase: 'write' });
    const names = existingNames(stateRef.current);
    const name = replace ? REPORT_NAME : uniqueSheetName(names, REPORT_NAME);
    await loadReport();
    const { layoutReport } = await import(/* webpackChunkName: "report" */ '../core/report/sheet');
    const added = await host.addSheets([layoutReport(ev.report, name)], { replace });
    dispatch({ type: 'reportAdded', names: added.length ? added : [name] });
  };

  const reportTask = (decided?: boolean) =>
    run('report', async () => {
      const { ev } = await current();
      if (noTable(ev)) {
        dispatch({ type: 'failed', notice: { intent: 'warning', title: '无法生成报告', text: '工作簿中没有找到绩效自评表，请先填写表格或插入标准模板。' } });
        return;
      }
      const names = existingNames(stateRef.current);
      const exists = names.some((n) => n.toLowerCase() === REPORT_NAME.toLowerCase());
      if (decided === undefined && exists) {
        dispatch({ type: 'askReport', existing: REPORT_NAME, next: uniqueSheetName(names, REPORT_NAME) });
        return;
      }
      await writeReportNow(ev, decided === true);
    });

  const saveIgnored = async (entries: IgnoreEntry[], restored: boolean) => {
    await host.writeSetting(IGNORE_KEY, entries.length ? JSON.stringify(entries) : null);
    dispatch({ type: 'ignored', entries, restored });
    const s = stateRef.current;
    if (s.ev && s.grid) await mark(visible(s.ev.findings, entries, s.grid).shown);
  };

  /** 导出 Word: the report of the workbook as it is now, as a .docx download (the docx code loads on demand). */
  const exportWord = () =>
    run('export', async () => {
      const { ev } = await current();
      if (noTable(ev)) {
        dispatch({ type: 'failed', notice: { intent: 'warning', title: '无法导出', text: '工作簿中没有找到绩效自评表，请先填写表格或插入标准模板。' } });
        return;
      }
      dispatch({ type: 'phase', phase: 'write' });
      await loadReport();
      const { exportWordBlob, wordFileName } = await import(/* webpackChunkName: "export-word" */ './exportWord');
      const blob = await exportWordBlob(ev);
      const name = wordFileName(ev);
      const url = URL.createObjectURL(blob);
      setDownload({ url, name });
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      dispatch({ type: 'info', notice: { intent: 'success', title: 'Word 文档已生成', text: `已生成“${name}”。如果浏览器没有自动下载，请点击下方的下载链接。` } });
    });

  /** 核对报告: a report (a .docx or .txt file, or a sheet) proofread against the workbook as it is now. */
  const [verifyState, setVerifyState] = React.useState<VerifyState>({});
  const verify = (what: { file: File } | { sheet: string }) =>
    run('verify', async () => {
      setVerifyState((v) => ({ ...v, error: undefined }));
      const { grid, ev } = await current('sheet' in what ? what.sheet : undefined);
      await loadReport();
      const engine = await import(/* webpackChunkName: "verify" */ '../core/verify/index');
      try {
        const result =
          'file' in what ? await engine.verifyReport(what.file.name, new Uint8Array(await what.file.arrayBuffer()), ev) : engine.verifySheet(grid, what.sheet, ev);
        setVerifyState({ result });
        const n = result.findings.length;
        dispatch({ type: 'info', notice: { intent: n ? 'info' : 'success', title: '核对完成', text: n ? `报告中有 ${n} 处与表格不一致或需要注意，见“核对报告”。` : '报告中的数与表格一致。' } });
      } catch (err) {
        // A report that cannot be read: one Chinese line under the chooser.
        if (err instanceof Error && err.name === 'SelfevalError') setVerifyState({ error: err.message });
        else throw err;
      }
    });

  /** 插入基本情况表: the 基本情况 sheet from what the tables state, for the department to complete. */
  const insertBasic = () =>
    run('basic', async () => {
      const { ev } = await current();
      const { basicSheetLayout } = await import(/* webpackChunkName: "basic" */ '../core/basicSheet');
      const layout = basicSheetLayout(ev.read, existingNames(stateRef.current));
      if (!layout) {
        dispatch({ type: 'failed', notice: { intent: 'info', title: '已有基本情况表', text: '工作簿已有“基本情况”工作表，不再另加（已有的内容不会被覆盖）。' } });
        return;
      }
      dispatch({ type: 'phase', phase: 'write' });
      const names = await host.addSheets([layout]);
      await check();
      const text = `已插入工作表“${names[0] ?? layout.name}”：能从自评表取得的内容已填入，其余请按灰色示例填写。`;
      dispatch({ type: 'info', notice: { intent: 'success', title: '已插入基本情况表', text } });
    });

  return {
    verify: { run: verify, ...verifyState },
    exportWord,
    insertBasic,
    download,
    check: () =>
      run('check', async () => {
        await check();
        onChecked();
      }),
    report: () => reportTask(),
    writeReport: (replace: boolean) => reportTask(replace),
    clear: () =>
      run('clear', async () => {
        const count = await host.clearMarks();
        dispatch({ type: 'marksCleared', count });
      }),
    template: () =>
      run('template', async () => {
        dispatch({ type: 'phase', phase: 'write' });
        const { templateLayouts } = await import(/* webpackChunkName: "template" */ '../core/template');
        const layouts = templateLayouts(existingNames(stateRef.current));
        const names = await host.addSheets(layouts);
        // The pane shows the new workbook: checked again, so the old "未找到绩效自评表" goes.
        await check();
        dispatch({ type: 'templateAdded', names: names.length ? names : layouts.map((l) => l.name) });
      }),
    chooseProfile: (profileId: string) => {
      dispatch({ type: 'profileChosen', profileId });
      const { grid, ev } = stateRef.current;
      if (!grid || !ev || ev.profile.id === profileId) return;
      void run('profile', async () => {
        const next = await evaluateAsync(grid, profileId);
        dispatch({ type: 'reevaluated', ev: next });
        await mark(visible(next.findings, stateRef.current.ignored, grid).shown);
      });
    },
    locate: (f: { sheet: string; cell: string }) => {
      host.selectCell(f.sheet, f.cell).catch((err: unknown) => dispatch({ type: 'failed', notice: errorNotice(err, 'select') }));
    },
    ignore: (f: Finding, nextId?: string) =>
      run('ignore', async () => {
        const s = stateRef.current;
        if (!s.grid) return;
        await saveIgnored(withIgnored(s.ignored, f, s.grid), false);
        if (nextId) dispatch({ type: 'selected', sheet: '', cell: '', key: nextId });
      }),
    restore: (e: IgnoreEntry) => run('ignore', () => saveIgnored(withoutIgnored(stateRef.current.ignored, e), true)),
    apply: (sug: Suggestion) =>
      run('apply', async () => {
        dispatch({ type: 'phase', phase: 'write' });
        ownWrite(sug.sheet, sug.cell);
        await host.applyValue(sug.sheet, sug.cell, sug.current, sug.value);
        await check();
        const text = `已将 ${sug.sheet}!${sug.cell} 由 ${sug.currentText} 改为 ${sug.valueText}。可在“已采用的建议值”中撤销。`;
        dispatch({ type: 'info', notice: { intent: 'success', title: '已采用建议值', text } });
      }),
    undo: (a: AppliedValue) =>
      run('undo', async () => {
        dispatch({ type: 'phase', phase: 'write' });
        ownWrite(a.sheet, a.cell);
        const done = await host.undoValue(a.sheet, a.cell);
        await check();
        const text = done ? `已撤销：${a.sheet}!${a.cell} 恢复为原来的值、类型和格式。` : '没有可撤销的记录。';
        dispatch({ type: 'info', notice: { intent: done ? 'success' : 'info', title: '撤销', text } });
      }),
    /** An edit the pane made itself (采用建议值, 撤销) is not the user's. */
    isOwnChange: (e: WorkbookEvent): boolean => {
      if (busyRef.current) return true;
      const until = own.current.get(`${e.sheet}!${e.address.split(':')[0].toUpperCase()}`);
      if (until !== undefined && until > Date.now()) return true;
      // A sheet the pane added (the report, the template) is not a table of the check.
      return stateRef.current.addedSheets.includes(e.sheet);
    },
  };
}
