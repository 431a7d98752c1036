// 生成报告 and 导出 Word: the report of the workbook as it is now, as a sheet or a .docx download.

import { uniqueSheetName } from '../core/layout';
import type { Evaluation } from '../core/engine';
import { loadReport } from './engineClient';
import { existingNames, noTable } from './state';
import type { TaskContext } from './taskContext';

const REPORT_NAME = '自评报告';

export type Download = { url: string; name: string };

async function writeReportNow(ctx: TaskContext, ev: Evaluation, replace: boolean) {
  const { host, dispatch, stateRef } = ctx;
  dispatch({ type: 'phase', phase: 'write' });
  const names = existingNames(stateRef.current);
  const name = replace ? REPORT_NAME : uniqueSheetName(names, REPORT_NAME);
  await loadReport();
  const { layoutReport } = await import(/* webpackChunkName: "report" */ '../core/report/sheet');
  const added = await host.addSheets([layoutReport(ev.report, name)], { replace });
  dispatch({ type: 'reportAdded', names: added.length ? added : [name] });
}

/** 生成报告; with a 自评报告 sheet already there and no decision yet, asks whether to replace it. */
export const reportTask = (ctx: TaskContext, decided?: boolean) =>
  ctx.run('report', async () => {
    const { dispatch, stateRef } = ctx;
    const { ev } = await ctx.current();
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
    await writeReportNow(ctx, ev, decided === true);
  });

/** Starts the browser's download of a blob URL. */
function startDownload(url: string, name: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** 导出 Word: the report of the workbook as it is now, as a .docx download (the docx code loads on demand). */
export const exportWordTask = (ctx: TaskContext, setDownload: (d: Download) => void) =>
  ctx.run('export', async () => {
    const { dispatch } = ctx;
    const { ev } = await ctx.current();
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
    startDownload(url, name);
    dispatch({ type: 'info', notice: { intent: 'success', title: 'Word 文档已生成', text: `已生成“${name}”。如果浏览器没有自动下载，请点击下方的下载链接。` } });
  });
