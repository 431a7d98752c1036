// 导出 Word: the report as a .docx built in the browser. The docx renderer (and the `docx`
// package) is loaded with a dynamic import() only when the user exports, so webpack puts it
// in a chunk of its own and the pane's initial JS does not grow.

import type { Evaluation } from '../core/engine';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The report of an evaluation as a Word document. */
export async function exportWordBlob(ev: Evaluation): Promise<Blob> {
  const { docxBytes } = await import(/* webpackChunkName: "docx" */ '../core/report/docx');
  const bytes = await docxBytes(ev.report);
  return new Blob([bytes as BlobPart], { type: DOCX_MIME });
}

/** The file name to offer: the report's title, without characters a file name cannot hold. */
export function wordFileName(ev: Evaluation): string {
  const t = ev.report.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '自评报告';
  return `${t}.docx`;
}
