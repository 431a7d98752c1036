// Every text of a batch check in one place: the readable lines, the progress bar, the
// review workbook's headers and the bureau's draft opinions. Zh-CN.

import { SEVERITY_LABEL } from '../../core/marks';
import type { Finding, Severity } from '../../core/types';

export type Counts = Record<Severity, number>;

export function countFindings(findings: Finding[]): Counts {
  const n: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

function num(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  return String(Math.round(x * 100) / 100);
}

// ---------------------------------------------------------------------------
// Readable output

export interface FileLine {
  /** The path as found, already inert. */
  file: string;
  /** The department, already inert; null when the workbook names none. */
  department: string | null;
  tables: number;
  statedTotal: number | null;
  computedTotal: number | null;
  statedGrade: string | null;
  computedGrade: string | null;
  counts: Counts;
}

/** One line per usable file: department, total and grade against the stated ones, counts. */
export function fileLine(l: FileLine): string {
  const who = l.department ?? '（未写明部门）';
  if (l.tables === 0) return `${l.file}  ${who}：未找到绩效自评表；${l.counts.error} 个错误、${l.counts.warning} 个警告`;
  const total = `总分 填报 ${num(l.statedTotal)}，重算 ${num(l.computedTotal)}`;
  const grade = `等级 填报 ${l.statedGrade ?? '—'}，重算 ${l.computedGrade ?? '—'}`;
  const differs = l.statedGrade !== l.computedGrade ? '（等级不一致）' : '';
  return `${l.file}  ${who}：${l.tables} 张表；${total}；${grade}${differs}；${l.counts.error} 个错误、${l.counts.warning} 个警告`;
}

/** A file that could not be used. */
export function unusableLine(file: string, reason: string): string {
  return `${file}  无法读取：${reason}`;
}

export interface Totals {
  files: number;
  usable: number;
  withErrors: number;
  unusable: number;
  tables: number;
  counts: Counts;
}

export function totalsLine(t: Totals): string {
  return (
    `共 ${t.files} 个文件：${t.usable} 个已检查（${t.tables} 张表，其中 ${t.withErrors} 个文件有错误），${t.unusable} 个无法读取；` +
    `共 ${t.counts.error} 个错误、${t.counts.warning} 个警告、${t.counts.info} 个提示`
  );
}

export const NO_FILES = '没有找到要检查的 .xlsx 工作簿（文件夹中的 ~$ 临时文件和隐藏文件不检查）';

export function summaryWritten(file: string): string {
  return `已写出复核汇总：${file}`;
}

/** The text of a file that failed in an unforeseen way. */
export function unexpectedReason(detail: string): string {
  return `处理时出现意外错误（${detail}）`;
}

// ---------------------------------------------------------------------------
// Progress

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function progressLine(bar: string, done: number, total: number, file: string, leftMs: number | undefined): string {
  const left = leftMs === undefined ? '剩余时间估算中' : `剩余约 ${clock(leftMs)}`;
  return `${bar} ${done}/${total}  ${left}  ${file}`;
}

// ---------------------------------------------------------------------------
// The review workbook

export const SHEET_SUMMARY = '汇总';
export const SHEET_FINDINGS = '问题明细';
export const SHEET_OPINIONS = '复核意见';
export const SHEET_UNUSABLE = '无法读取';

export const SUMMARY_HEADERS = [
  '文件',
  '工作表',
  '部门',
  '项目',
  '年度',
  '全年预算数（万元）',
  '全年执行数（万元）',
  '执行率（填报）',
  '执行率（重算）',
  '总分（填报）',
  '总分（重算）',
  '等级（填报）',
  '等级（重算）',
  '错误',
  '警告',
  '复核标记',
];

export const MARK_GRADE_DIFFERS = '重算等级与填报不一致';
export const MARK_NO_TABLE = '未找到绩效自评表';

export const FINDINGS_HEADERS = ['文件', '工作表', '单元格', '规则', '严重程度', '问题'];
export const OPINIONS_HEADERS = ['文件', '部门', '填报总分', '重算总分', '填报等级', '重算等级', '问题数', '复核意见（草稿）'];
export const UNUSABLE_HEADERS = ['文件', '原因'];

export function severityLabel(s: Severity): string {
  return SEVERITY_LABEL[s];
}

// ---------------------------------------------------------------------------
// The bureau's draft opinion, per department

export interface OpinionInput {
  department: string | null;
  year: number | null;
  /** The department table (else the first table), when there is one. */
  statedTotal: number | null;
  computedTotal: number | null;
  statedGrade: string | null;
  computedGrade: string | null;
  tables: number;
  /** Project tables whose recomputed grade differs from the stated one. */
  gradeDiffers: { name: string; stated: string | null; computed: string | null }[];
  counts: Counts;
  /** The main problems, most serious first (already inert); `where` as opinionWhere gives it. */
  main: { where: string; message: string; severity: Severity }[];
}

const MAIN_PROBLEMS = 3;

/** Where a problem is, as the opinion names it: “部门整体”C5. */
export function opinionWhere(sheet: string, cell: string): string {
  return `“${sheet}”${cell}`;
}

function scorePhrase(o: OpinionInput): string {
  const statedScore = o.statedTotal === null ? '未填报总分' : `填报总分${num(o.statedTotal)}分`;
  const stated = `${statedScore}、${o.statedGrade === null ? '未填报等级' : `等级“${o.statedGrade}”`}`;
  const computed = o.computedTotal === null ? '无法按评分规则重算总分' : `按评分规则重算为${num(o.computedTotal)}分、等级“${o.computedGrade ?? '—'}”`;
  const same = o.statedGrade === o.computedGrade && o.statedTotal !== null && o.computedTotal !== null && Math.abs(o.statedTotal - o.computedTotal) < 0.005;
  const nothingStated = o.statedTotal === null && o.statedGrade === null;
  const verdict = nothingStated || o.computedTotal === null ? '' : same ? '，与填报一致' : o.statedGrade === o.computedGrade ? '，分值有出入但等级不变' : '，等级与填报不一致';
  return `${stated}，${computed}${verdict}。`;
}

function problemsPhrase(o: OpinionInput): string {
  const total = o.counts.error + o.counts.warning + o.counts.info;
  if (total === 0) return '复核未发现问题，自评结果予以认可。';
  const parts = [`复核发现问题${total}个（错误${o.counts.error}个、警告${o.counts.warning}个、提示${o.counts.info}个）`];
  const main = o.main.slice(0, MAIN_PROBLEMS);
  if (main.length) parts.push(`，主要有：${main.map((m, i) => `${i + 1}. ${m.where}：${m.message}`).join('；')}`);
  const ask = o.counts.error > 0 ? '请逐项核实更正后重新报送。' : '请核实相关内容，必要时修改完善。';
  return `${parts.join('')}。${ask}`;
}

/** A short draft opinion in the bureau's voice, ready to edit. */
export function opinionText(o: OpinionInput): string {
  const who = o.department ?? '该单位';
  const year = o.year !== null ? `${o.year}年度` : '';
  if (o.tables === 0) return `${who}：报送的工作簿中未找到部门整体支出或项目支出绩效自评表，无法复核，请按规定格式重新报送。`;
  const head = `${who}：经复核，你单位${year}绩效自评（共${o.tables}张自评表）${scorePhrase(o)}`;
  const projects = o.gradeDiffers.length
    ? `另有${o.gradeDiffers.length}个项目重算等级与填报不一致（${o.gradeDiffers
        .slice(0, MAIN_PROBLEMS)
        .map((p) => `“${p.name}”填报“${p.stated ?? '—'}”、重算“${p.computed ?? '—'}”`)
        .join('；')}${o.gradeDiffers.length > MAIN_PROBLEMS ? '等' : ''}）。`
    : '';
  return head + projects + problemsPhrase(o);
}
