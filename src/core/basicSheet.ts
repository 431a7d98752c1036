// The 基本情况 sheet for a workbook that has tables but none (workbook.md §2), for the pane's
// 插入基本情况表 and `selfeval basic`: every label of §2 in column A, the value in column B
// where the tables already say it (部门名称, 评价年度, 年初预算收入, 上年结转), with the cell it
// came from beside it in column C; the other values blank, with a one-line example in the
// row beneath (never beside a blank value: the reader takes the nearest non-empty cell to
// the right of a label as its value). Then the 评价工作组 block with its header row.
// The sheet is never laid over an existing 基本情况 (basicSheetLayout returns undefined).

import type { LayoutCell, SheetLayout } from './plan';
import type { Fig, ReadResult, Ref } from './types';
import { normLabel } from './labels';
import { roundTo } from './format';

export const BASIC_SHEET_NAME = '基本情况';

/** Each label of workbook.md §2, and the example shown under a blank value. */
export const BASIC_ROWS: { label: string; example: string; amount?: boolean; long?: boolean }[] = [
  { label: '部门名称', example: '例：某县农业农村局' },
  { label: '评价年度', example: '例：2025' },
  { label: '部门职责', example: '例：负责全县农业农村发展规划的拟订和实施……', long: true },
  { label: '机构设置', example: '例：内设办公室、计划财务股等5个股室，下属事业单位2个', long: true },
  { label: '行政编制', example: '例：12（名）' },
  { label: '事业编制', example: '例：20（名）' },
  { label: '实有人数', example: '例：30（人）' },
  { label: '资产总额', example: '例：356.20（万元）', amount: true },
  { label: '固定资产', example: '例：300.00（万元）', amount: true },
  { label: '无形资产', example: '例：5.00（万元）', amount: true },
  { label: '年初预算收入', example: '例：1580.50（万元）', amount: true },
  { label: '决算收入', example: '例：1620.30（万元）', amount: true },
  { label: '上年结转', example: '例：35.00（万元）', amount: true },
  { label: '评价依据', example: '例：《关于全面实施预算绩效管理的意见》；《××县部门绩效自评管理办法》', long: true },
  { label: '年度工作完成情况', example: '例：一行一条，如“完成高标准农田建设2万亩”', long: true },
  { label: '自评组织工作', example: '例：成立自评工作小组，对照绩效目标逐项核对资料和数据', long: true },
  { label: '存在问题', example: '例：一行一条，如“预算执行进度偏慢”', long: true },
  { label: '改进措施', example: '例：一行一条，与存在问题逐条对应，如“按月调度支出进度”', long: true },
  { label: '权重方案', example: '例：mof-2020 或 hebei-county（不填则按财政部2020年方案）' },
];
const TEAM_HEADER = ['姓名', '工作单位', '职务', '职称', '备注'];
const TEAM_HINT = '在下方逐行填写，每人一行，名单以空行结束；例：张三｜县财政局｜科长｜经济师';
const HINT_COLOR = '#808080';

interface Known {
  value: string | number;
  ref: Ref;
}

const where = (r: Ref) => `取自“${r.sheet}”${r.cell}`;

/** What the tables already say about the department. */
function knownValues(read: ReadResult): Record<string, Known> {
  const dept = read.tables.find((t) => t.kind === 'department');
  const out: Record<string, Known> = {};
  const text = (f: Fig<string> | undefined) => (f && typeof f.value === 'string' && f.value.trim() ? { value: f.value.trim(), ref: f.ref } : undefined);
  const name = text(dept?.name) ?? read.tables.map((t) => text(t.competentDept) ?? text(t.implementer)).find((x) => x);
  if (name) out['部门名称'] = name;
  const year = [dept, ...read.tables].map((t) => t?.year).find((y) => y && Number.isFinite(y.value));
  if (year) out['评价年度'] = { value: year.value, ref: year.ref };
  const total = dept?.funds?.rows.find((r) => r.kind === 'total');
  if (total?.initial && typeof total.initial.value === 'number') out['年初预算收入'] = { value: roundTo(total.initial.value, 2), ref: total.initial.ref };
  const carry = dept?.funds?.rows.find((r) => r.kind === 'carryover');
  const c = carry?.adjusted?.value ?? carry?.initial?.value;
  const cRef = typeof carry?.adjusted?.value === 'number' ? carry.adjusted.ref : carry?.initial?.ref;
  if (typeof c === 'number' && cRef) out['上年结转'] = { value: roundTo(c, 2), ref: cRef };
  return out;
}

/** The 基本情况 sheet to add, or undefined when the workbook already has one. */
export function basicSheetLayout(read: ReadResult, existingSheetNames: string[]): SheetLayout | undefined {
  if (read.basic || existingSheetNames.some((n) => normLabel(n) === BASIC_SHEET_NAME)) return undefined;
  const known = knownValues(read);
  const cells: LayoutCell[] = [{ row: 0, col: 0, value: '部门基本情况', bold: true, fontSize: 14, align: 'center' }];
  const heights: Record<number, number> = {};
  let r = 2;
  for (const row of BASIC_ROWS) {
    cells.push({ row: r, col: 0, value: row.label, bold: true, border: true });
    const k = known[row.label];
    if (k) {
      cells.push({ row: r, col: 1, value: k.value, border: true, align: 'left', ...(row.amount && typeof k.value === 'number' ? { format: '0.00' } : {}) });
      cells.push({ row: r, col: 2, value: where(k.ref), color: HINT_COLOR });
      r++;
      continue;
    }
    cells.push({ row: r, col: 1, value: '', border: true, wrap: true });
    if (row.long) heights[r] = 60;
    cells.push({ row: r + 1, col: 1, value: row.example, color: HINT_COLOR, fontSize: 9 });
    r += 2;
  }
  r++;
  cells.push({ row: r, col: 0, value: '评价工作组', bold: true });
  cells.push({ row: r, col: 2, value: TEAM_HINT, color: HINT_COLOR, fontSize: 9 });
  r++;
  TEAM_HEADER.forEach((h, j) => cells.push({ row: r, col: j, value: h, bold: true, border: true, align: 'center' }));
  return {
    name: BASIC_SHEET_NAME,
    columnWidths: [18, 60, 24, 12, 12],
    cells,
    merges: ['A1:E1'],
    orientation: 'portrait',
    rowHeights: heights,
  };
}
