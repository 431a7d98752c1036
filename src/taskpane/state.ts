// The task pane's state: a pure reducer (no React, no host), plus the selectors the view
// reads. The App performs the host calls and the evaluation, then dispatches their results.

import type { Grid } from '../core/grid';
import type { Finding, Grade, Profile, Severity } from '../core/types';
import { gradeAccepted, rateAccepted, scoreAccepted } from '../core/score';
import type { Evaluation } from '../core/engine';
import type { IgnoreEntry } from '../core/ignore';
import { HostError, type AppliedValue } from '../office/host';

/** What the pane is busy with; null when idle. */
export type Task = 'check' | 'profile' | 'report' | 'clear' | 'template' | 'select' | 'ignore' | 'apply' | 'undo' | 'export' | 'basic' | 'verify';

/** The steps of 一键检查, shown beside the progress bar. */
export type Phase = 'read' | 'evaluate' | 'mark' | 'write';

export type SeverityFilter = 'all' | Severity;

/** How the findings list groups: by check (plain-language title) or by sheet. */
export type GroupBy = 'rule' | 'sheet';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  intent: NoticeIntent;
  title: string;
  text: string;
}

export interface PaneState {
  busy: Task | null;
  phase: Phase | null;
  /** 0..1 while the engine works through a big workbook; undefined: not measured. */
  progress?: number;
  /** The last snapshot the pane read. */
  grid?: Grid;
  /** The evaluation of that snapshot under the chosen profile. */
  ev?: Evaluation;
  /** The workbook changed after the last check: its results may be out of date. */
  stale: boolean;
  /** A profile id the user chose in the dropdown; undefined: the workbook's 权重方案 (or the default). */
  profileId?: string;
  /** Sheets added since the snapshot (report, template), so a later name never collides. */
  addedSheets: string[];
  filter: SeverityFilter;
  groupBy: GroupBy;
  /** The findings set aside (忽略), as kept in the workbook's settings. */
  ignored: IgnoreEntry[];
  /** The suggested values written (采用建议值), as kept in the workbook's settings. */
  applied: AppliedValue[];
  /** The current finding, by findingKey. */
  selected?: string;
  notice?: Notice;
  /** What the live region says (a task's result). */
  announce: string;
  /** A 自评报告 sheet exists: the pane asks whether to replace it or add another. */
  askReport?: { existing: string; next: string };
}

export type Action =
  | { type: 'start'; task: Task }
  | { type: 'phase'; phase: Phase; progress?: number }
  | { type: 'checked'; grid: Grid; ev: Evaluation }
  | { type: 'settings'; ignored: IgnoreEntry[]; applied: AppliedValue[] }
  | { type: 'profileChosen'; profileId: string }
  | { type: 'reevaluated'; ev: Evaluation }
  | { type: 'stale' }
  | { type: 'askReport'; existing: string; next: string }
  | { type: 'reportAdded'; names: string[] }
  | { type: 'templateAdded'; names: string[] }
  | { type: 'marksCleared'; count: number }
  | { type: 'selected'; sheet: string; cell: string; key?: string }
  | { type: 'filter'; filter: SeverityFilter }
  | { type: 'groupBy'; groupBy: GroupBy }
  | { type: 'ignored'; entries: IgnoreEntry[]; restored: boolean }
  | { type: 'info'; notice: Notice }
  | { type: 'failed'; notice: Notice }
  | { type: 'end' }
  | { type: 'dismiss' };

export const initialState: PaneState = { busy: null, phase: null, addedSheets: [], filter: 'all', groupBy: 'rule', stale: false, ignored: [], applied: [], announce: '' };

/** A finding's place: its sheet and cell ('项目1!H18'). */
export const findingKey = (f: { sheet: string; cell: string }): string => `${f.sheet}!${f.cell}`;

export function reducer(s: PaneState, a: Action): PaneState {
  switch (a.type) {
    case 'start':
      // A new task clears the last message.
      return { ...s, busy: a.task, phase: null, progress: undefined, notice: undefined, askReport: a.task === 'report' ? s.askReport : undefined };
    case 'phase':
      return { ...s, phase: a.phase, progress: a.progress };
    case 'checked': {
      // A completed check is news, not an error: no coloured bar; the summary line gives the counts once.
      // The current finding stays current when it is still there.
      const keep = s.selected && a.ev.findings.some((f) => findingKey(f) === s.selected) ? s.selected : undefined;
      return { ...s, grid: a.grid, ev: a.ev, stale: false, addedSheets: [], selected: keep, filter: 'all', notice: undefined, announce: checkedAnnouncement(a.ev) };
    }
    case 'settings':
      return { ...s, ignored: a.ignored, applied: a.applied };
    case 'profileChosen':
      return { ...s, profileId: a.profileId };
    case 'reevaluated': {
      const text = `已按“${a.ev.profile.name}”重新计算，工作表中的标记已更新。`;
      return { ...s, ev: a.ev, notice: { intent: 'info', title: '已切换权重方案', text }, announce: text };
    }
    case 'stale':
      return s.ev && !s.stale ? { ...s, stale: true, announce: '工作簿已修改，检查结果可能已过期。' } : s;
    case 'askReport':
      return { ...s, askReport: { existing: a.existing, next: a.next } };
    case 'reportAdded': {
      const notice = reportNotice(a.names[0] ?? '自评报告', s.ev);
      return { ...s, askReport: undefined, addedSheets: [...s.addedSheets, ...a.names], notice, announce: `${notice.title}。${notice.text}` };
    }
    case 'templateAdded': {
      const text = `已插入标准模板工作表：${a.names.join('、')}。填写后请再次点击“一键检查”。`;
      return { ...s, addedSheets: [...s.addedSheets, ...a.names], notice: { intent: 'success', title: '模板已插入', text }, announce: text };
    }
    case 'marksCleared': {
      // The workbook is unmarked now: the pane shows that state, not the findings of the old check.
      const text = `${a.count > 0 ? `已恢复 ${a.count} 个单元格的原有格式并删除批注。` : '工作簿中没有需要清除的标记。'}需要时请再次点击“一键检查”。`;
      return { ...s, ev: undefined, grid: undefined, stale: false, selected: undefined, askReport: undefined, notice: { intent: 'success', title: '标记已清除', text }, announce: text };
    }
    case 'selected':
      // Navigation only: it neither ends nor starts a task.
      return { ...s, selected: a.key ?? findingKey(a) };
    case 'filter':
      return { ...s, filter: a.filter };
    case 'groupBy':
      return { ...s, groupBy: a.groupBy };
    case 'ignored': {
      const text = a.restored ? '已恢复该问题，它重新出现在问题清单中。' : '已忽略该问题；单元格的值改变时它会重新出现。';
      return { ...s, ignored: a.entries, announce: text };
    }
    case 'info':
      return { ...s, notice: a.notice, announce: `${a.notice.title}。${a.notice.text}` };
    case 'failed':
      return { ...s, notice: a.notice, announce: `${a.notice.title}。${a.notice.text}` };
    case 'end':
      // Every task ends with this, whether it succeeded or failed: the buttons come back.
      return { ...s, busy: null, phase: null, progress: undefined };
    case 'dismiss':
      return { ...s, notice: undefined };
  }
}

function reportNotice(name: string, ev: Evaluation | undefined): Notice {
  const errors = ev ? severityCounts(ev.findings).error : 0;
  const base = `自评报告已写入工作表“${name}”。`;
  if (errors > 0) return { intent: 'warning', title: '报告已生成，但仍有错误', text: `${base}报告开头注明了尚未更正的 ${errors} 个错误，更正后请重新生成。` };
  return { intent: 'success', title: '报告已生成', text: base };
}

function checkedAnnouncement(ev: Evaluation): string {
  if (ev.read.tables.length === 0) return '检查完成：工作簿中没有找到绩效自评表。';
  const c = severityCounts(ev.findings);
  if (c.all === 0) return '检查完成：未发现问题。';
  return `检查完成：${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示，已在工作表中标出。`;
}

// ---- errors -> notices ----

export const GENERIC_ERROR = '操作未能完成，发生了意外错误。请重试；如果问题仍然存在，请关闭并重新打开任务窗格。';

/** The message bar for a rejected host call or a failed evaluation. */
export function errorNotice(err: unknown, task: Task): Notice {
  const title = TASK_FAILED[task];
  if (err instanceof HostError) return { intent: 'error', title, text: err.message };
  // The core's SelfevalError carries a Chinese message meant for the user.
  if (err instanceof Error && err.name === 'SelfevalError' && err.message) return { intent: 'error', title, text: err.message };
  return { intent: 'error', title, text: GENERIC_ERROR };
}

const TASK_FAILED: Record<Task, string> = {
  check: '检查失败',
  profile: '切换权重方案失败',
  report: '生成报告失败',
  clear: '清除标记失败',
  template: '插入模板失败',
  select: '无法定位单元格',
  ignore: '忽略失败',
  apply: '未能写入建议值',
  undo: '撤销失败',
  export: '导出失败',
  basic: '插入基本情况表失败',
  verify: '核对报告失败',
};

// ---- selectors ----

export function severityCounts(findings: Finding[]): Record<Severity, number> & { all: number } {
  const c = { all: findings.length, error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function filterFindings(findings: Finding[], filter: SeverityFilter): Finding[] {
  return filter === 'all' ? findings : findings.filter((f) => f.severity === filter);
}

export interface SheetGroup {
  sheet: string;
  findings: Finding[];
}

/** Findings grouped by sheet, in the order the sheets first appear (the engine sorts by sheet order). */
export function groupBySheet(findings: Finding[]): SheetGroup[] {
  const groups: SheetGroup[] = [];
  const byName = new Map<string, SheetGroup>();
  for (const f of findings) {
    let g = byName.get(f.sheet);
    if (!g) {
      g = { sheet: f.sheet, findings: [] };
      byName.set(f.sheet, g);
      groups.push(g);
    }
    g.findings.push(f);
  }
  return groups;
}

/** The department (or project) and year the header shows: 基本情况 first, else the first table. */
export function headerOf(ev: Evaluation | undefined): { name?: string; year?: number } {
  if (!ev) return {};
  const b = ev.read.basic;
  const t = ev.read.tables[0];
  const name = nonEmpty(b?.department?.value) ?? nonEmpty(t?.name?.value);
  const year = b?.year?.value ?? t?.year?.value;
  return { name, year: typeof year === 'number' && Number.isFinite(year) ? year : undefined };
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s.trim() : undefined;
}

export interface TableSummary {
  sheet: string;
  kind: '部门整体支出' | '项目支出';
  name?: string;
  computedTotal?: number;
  statedTotal?: number;
  computedGrade?: Grade;
  statedGrade?: Grade;
  executionRate?: number;
  /** 执行率 as the table states it (年度资金总额 row), as a fraction. */
  statedRate?: number;
  /** The stated total differs from the recomputed one by more than the profile's score tolerance. */
  totalDiffers: boolean;
  gradeDiffers: boolean;
  /** The stated rate does not stand against the recomputed one (rules.md §2: tolerance, or the decimals written). */
  rateDiffers: boolean;
}

export function tableSummaries(ev: Evaluation | undefined): TableSummary[] {
  if (!ev) return [];
  return ev.check.results.map((r) => summarise(r, ev.profile));
}

/** One table's figures, and whether the stated ones stand: judged by the core's own rules. */
function summarise(r: Evaluation['check']['results'][number], profile: Profile): TableSummary {
  const rateFig = r.table.funds?.rows.find((x) => x.kind === 'total')?.rate;
  const statedRate = fin(rateFig?.value ?? undefined);
  const rate = fin(r.executionRate);
  const computedTotal = fin(r.computedTotal);
  const statedTotal = fin(r.statedTotal);
  return {
    sheet: r.table.sheet,
    kind: r.table.kind === 'department' ? '部门整体支出' : '项目支出',
    name: nonEmpty(r.table.name?.value),
    computedTotal,
    statedTotal,
    computedGrade: r.computedGrade,
    statedGrade: r.statedGrade,
    executionRate: rate,
    statedRate,
    totalDiffers: computedTotal !== undefined && statedTotal !== undefined && !scoreAccepted(statedTotal, computedTotal, profile),
    gradeDiffers: !!r.statedGrade && computedTotal !== undefined && !gradeAccepted(r.statedGrade, computedTotal, profile),
    rateDiffers: rate !== undefined && statedRate !== undefined && !rateAccepted(statedRate, rate, rateFig?.decimals, profile),
  };
}

function fin(x: number | undefined): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** The workbook has no table the reader recognises: the pane offers the standard template. */
export function noTable(ev: Evaluation | undefined): boolean {
  return !!ev && (ev.read.tables.length === 0 || ev.findings.some((f) => f.rule === 'structure.no_table'));
}

/** Sheet names a new sheet must avoid: the snapshot's and those added since. */
export function existingNames(s: PaneState): string[] {
  return [...(s.grid?.sheets.map((x) => x.name) ?? []), ...s.addedSheets];
}

/** Figures in the pane are formatted as in the report. */
export { fmtNum as fmtScore, fmtRate } from '../core/format';
