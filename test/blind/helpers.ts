// Blind tests: helpers that only use the public entry (engine.evaluate) and the grid builders.
// Workbooks are written by hand from the spec (workbook.md / rules.md), not from the reader's code.

import { evaluate, type Evaluation } from '../../src/core/engine';
import { makeSheet, type CellInput, type Sheet } from '../../src/core/grid';
import type { Finding, FundsRow, FundsRowKind, Indicator, Profile, Table, TableResult } from '../../src/core/types';

export function run(sheets: Sheet[], profile?: string | Profile): Evaluation {
  return evaluate({ sheets }, profile === undefined ? {} : { profile });
}

export const pct = (value: number, format = '0.00%'): CellInput => ({ value, format });
export const num = (value: number, format = '#,##0.00'): CellInput => ({ value, format });

/** "rule@sheet!cell" for every finding of the given severity (or all). */
export function list(ev: Evaluation, severity?: Finding['severity']): string[] {
  return ev.findings.filter((f) => !severity || f.severity === severity).map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
}

export const errors = (ev: Evaluation): string[] => list(ev, 'error');

export function at(ev: Evaluation, rule: string, sheet: string, cell: string): Finding | undefined {
  return ev.findings.find((f) => f.rule === rule && f.sheet === sheet && f.cell === cell);
}

export function tableOf(ev: Evaluation, sheet: string): { t: Table; r: TableResult } {
  const t = ev.read.tables.find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table read on sheet ${sheet}; tables: ${ev.read.tables.map((x) => x.sheet).join(',')}`);
  const r = ev.check.results.find((x) => x.table === t || x.table.sheet === sheet);
  if (!r) throw new Error(`no result for sheet ${sheet}`);
  return { t, r };
}

export function fundsRow(t: Table, kind: FundsRowKind): FundsRow {
  const row = t.funds?.rows.find((x) => x.kind === kind);
  if (!row) throw new Error(`no funds row ${kind} in ${t.sheet}: ${(t.funds?.rows ?? []).map((x) => x.kind).join(',')}`);
  return row;
}

export function ind(t: Table, name: string): Indicator {
  const i = t.indicators.find((x) => x.name === name);
  if (!i) throw new Error(`no indicator ${name} in ${t.sheet}: ${t.indicators.map((x) => x.name).join(' | ')}`);
  return i;
}

/** A figure's value and cell, as one comparable object. Numbers are rounded to 6 decimals. */
export function fig(f: { value: unknown; ref: { sheet: string; cell: string } } | undefined): { value: unknown; cell: string } | undefined {
  if (!f) return undefined;
  const v = typeof f.value === 'number' ? Math.round(f.value * 1e6) / 1e6 : f.value;
  return { value: v, cell: f.ref.cell };
}

export function computed(r: TableResult, name: string): number | undefined {
  return r.indicators.find((x) => x.indicator.name === name)?.computedScore;
}

// ---------- a plain, standard-looking table (used where the point of a test is elsewhere) ----------

export type FundsIn = [string, CellInput, CellInput, CellInput, CellInput?, CellInput?, CellInput?];
export type IndIn = [string, string, string, CellInput, CellInput, CellInput, CellInput, CellInput?];

export interface SimpleSpec {
  sheet: string;
  title: string | null;
  yearLine?: string;
  head: [string, string][];
  fundsHeader?: string;
  funds: FundsIn[];
  indicators: IndIn[];
  total: [CellInput, CellInput];
  grade?: string;
}

export interface SimpleLayout {
  sheet: Sheet;
  /** 1-based row numbers. */
  fundsHeader: number;
  funds: number[];
  indHeader: number;
  ind: number[];
  total: number;
  grade?: number;
}

/**
 * Layout: row 1 title, row 2 year line, head rows (label in A, value in B) from row 3,
 * funds header (A label | B 年初预算数 | C 全年预算数 | D 全年执行数 | E 分值 | F 执行率 | G 得分), funds rows,
 * indicator header (A 一级指标 | B 二级指标 | C 三级指标 | D 年度指标值 | E 实际完成值 | F 分值 | G 得分 | H 偏差原因分析及改进措施),
 * indicator rows (empty level cells inherit), totals row (A 总分, F 分值, G 得分), then A 评价等级 | B grade.
 */
export function simpleTable(s: SimpleSpec): SimpleLayout {
  const rows: CellInput[][] = [];
  rows.push([s.title]);
  rows.push([s.yearLine ?? null]);
  for (const [k, v] of s.head) rows.push([k, v]);
  const fundsHeader = rows.length + 1;
  rows.push([s.fundsHeader ?? '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  const funds: number[] = [];
  for (const f of s.funds) {
    funds.push(rows.length + 1);
    rows.push([...f]);
  }
  const indHeader = rows.length + 1;
  rows.push(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
  const ind: number[] = [];
  for (const i of s.indicators) {
    ind.push(rows.length + 1);
    rows.push([...i]);
  }
  const total = rows.length + 1;
  rows.push(['总分', null, null, null, null, s.total[0], s.total[1]]);
  let grade: number | undefined;
  if (s.grade !== undefined) {
    grade = rows.length + 1;
    rows.push(['评价等级', s.grade]);
  }
  return { sheet: makeSheet(s.sheet, rows), fundsHeader, funds, indHeader, ind, total, grade };
}

/** A standard mof-2020 project (50/30/10 + 10). Hand arithmetic:
 * funds: 全年预算数 120, 全年执行数 114 -> 执行率 0.95, 执行率得分 0.95 × 10 = 9.5.
 * indicators: 20 + 10 + 10 + 10 (产出 50) ; 服务群众人次 20 × 4500/5000 = 18, 运行机制 9 (qualitative, 达成 band 8–10) (效益 27) ; 10 (满意度).
 * total: 50 + 27 + 10 + 9.5 = 96.5 -> 优.
 */
export function standardProject(sheet = '项目表'): SimpleLayout {
  return simpleTable({
    sheet,
    title: '项目支出绩效自评表',
    yearLine: '（2025年度）',
    head: [
      ['项目名称', '村级综合服务站建设项目'],
      ['主管部门', '某县民政局'],
      ['实施单位', '某县社会救助服务中心'],
    ],
    funds: [
      ['年度资金总额', 100, 120, 114, 10, pct(0.95), 9.5],
      ['其中：当年财政拨款', 100, 100, 96, '—', '—', '—'],
      ['上年结转资金', '—', 20, 18, '—', '—', '—'],
    ],
    indicators: [
      ['产出指标', '数量指标', '新建村级服务站数量', '≥20个', '20个', 20, 20],
      ['', '质量指标', '服务站验收合格率', '≥95%', '100%', 10, 10],
      ['', '时效指标', '项目完成时间', '12月底前', '11月', 10, 10],
      ['', '成本指标', '单站建设成本', '≤15万元', '14.5万元', 10, 10],
      ['效益指标', '社会效益指标', '服务群众人次', '≥5000人次', '4500人次', 20, 18, '部分服务站投入使用较晚，下年度加强宣传'],
      ['', '可持续影响指标', '服务站运行机制', '建立长效运行机制', '达到预期', 10, 9, '运维人员配备不足，拟增设公益岗位'],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10],
    ],
    total: [100, 96.5],
    grade: '优',
  });
}
