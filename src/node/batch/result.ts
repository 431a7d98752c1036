// What the batch keeps of each file: the `check --json` document, and the few figures the
// review workbook needs beyond it. The evaluation itself is dropped once a file is done.

import * as path from 'path';
import type { CheckJson } from '../../core/engine';
import type { Evaluation } from '../../core/engine';
import { toCheckJson } from '../../core/engine';
import type { Finding, Table } from '../../core/types';
import { parseA1 } from '../../core/grid';
import { countFindings, type Counts } from './wording';

export interface TableExtra {
  /** The 执行率 the table states on its 年度资金总额 row, as a fraction. */
  statedRate: number | null;
  /** 主管部门 of a project table. */
  competentDept: string | null;
  /** The findings on this table's part of its sheet. */
  counts: Counts;
}

export interface UsableFile {
  path: string;
  /** How the file is named in the output (its path below the folder given). */
  label: string;
  json: CheckJson;
  /** The department table's name, else 基本情况's 部门名称. */
  department: string | null;
  /** Parallel to json.tables. */
  extras: TableExtra[];
}

export interface UnusableFile {
  path: string;
  label: string;
  reason: string;
}

export type FileResult = ({ ok: true } & UsableFile) | ({ ok: false } & UnusableFile);

function rowOf(cell: string): number {
  try {
    return parseA1(cell).r;
  } catch {
    return -1;
  }
}

/**
 * The table each finding belongs to: on the finding's sheet, the last table whose title is at
 * or above the finding's row (the first table of the sheet for a finding above every title).
 * A finding on a sheet without a table (基本情况) belongs to none.
 */
export function findingsByTable(tables: Table[], findings: Finding[]): Finding[][] {
  const out: Finding[][] = tables.map(() => []);
  const bySheet = new Map<string, { i: number; row: number }[]>();
  tables.forEach((t, i) => {
    const list = bySheet.get(t.sheet) ?? [];
    list.push({ i, row: rowOf(t.titleRef.cell) });
    bySheet.set(t.sheet, list);
  });
  for (const list of bySheet.values()) list.sort((a, b) => a.row - b.row);
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (!list) continue;
    const row = rowOf(f.cell);
    let at = list[0];
    for (const t of list) if (t.row <= row) at = t;
    out[at.i].push(f);
  }
  return out;
}

function departmentOf(ev: Evaluation): string | null {
  const dept = ev.read.tables.find((t) => t.kind !== 'project');
  const name = dept?.name?.value ?? ev.read.basic?.department?.value;
  return name && name.trim() !== '' ? name.trim() : null;
}

/** The result of one usable file. */
export function usableFile(file: string, label: string, ev: Evaluation): UsableFile {
  const json = toCheckJson(ev, path.basename(file));
  const tables = ev.check.results.map((r) => r.table);
  const perTable = findingsByTable(tables, ev.findings);
  const extras = ev.check.results.map((r, i): TableExtra => {
    const rate = r.table.funds?.rows.find((x) => x.kind === 'total')?.rate?.value;
    return {
      statedRate: typeof rate === 'number' && Number.isFinite(rate) ? rate : null,
      competentDept: r.table.competentDept?.value?.trim() || null,
      counts: countFindings(perTable[i]),
    };
  });
  return { path: file, label, json, department: departmentOf(ev), extras };
}
