// Real published tables (../shared/real-tables) as workbooks: a grid of cell texts and its merges
// becomes one sheet; a cell that is a plain number in text becomes a number, anything else stays text.

import * as fs from 'fs';
import * as path from 'path';
import type { Cell, Grid } from '../../src/core/grid';
import { makeSheet } from '../../src/core/grid';

export const REAL_DIR = path.resolve(__dirname, '../../../shared/real-tables');

export interface RealTable {
  file: string;
  source?: string;
  title: string;
  kind: 'project' | 'department';
  grid: string[][];
  merges: string[];
  notes?: string;
}

export interface RealExpectation {
  file: string;
  tables: number;
  expected: [string, string][];
  mustNot: string[];
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;

/** A cell as Excel would hold what the page showed: a plain number is a number, other text stays text. */
export function realCell(text: string): Cell | undefined {
  if (text === '') return undefined;
  if (PLAIN_NUMBER.test(text)) return { value: Number(text) };
  return { value: text };
}

/** A workbook of one sheet from a grid of texts and its A1 merges. */
export function gridWorkbook(sheetName: string, grid: string[][], merges: string[]): Grid {
  const rows = grid.map((row) => row.map(realCell));
  return { sheets: [makeSheet(sheetName, rows, { merges })] };
}

export function loadReal(name: string): RealTable {
  const t = JSON.parse(fs.readFileSync(path.join(REAL_DIR, name + '.json'), 'utf8')) as RealTable;
  return { ...t, file: name };
}

export function loadExpectations(): RealExpectation[] {
  return JSON.parse(fs.readFileSync(path.join(REAL_DIR, 'expected.json'), 'utf8')) as RealExpectation[];
}

/** The sheet name expected.json assumes for a table's kind. */
export function sheetNameOf(kind: RealTable['kind']): string {
  return kind === 'department' ? '部门整体' : '项目自评';
}

export function realWorkbook(name: string): Grid {
  const t = loadReal(name);
  return gridWorkbook(sheetNameOf(t.kind), t.grid, t.merges);
}
