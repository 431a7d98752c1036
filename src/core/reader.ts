// The table reader (workbook.md §1–§5): finds the profile sheet and the self-evaluation
// tables by their labels, never by fixed addresses, and keeps the cell of every figure.
// It reports only structure.* findings; the checks work from its ReadResult.

import type { Area, Cell, Grid, Sheet } from './grid';
import { a1, cellText, isBlank } from './grid';
import type {
  BasicInfo,
  Fig,
  Finding,
  FundsBlock,
  FundsRow,
  FundsRowKind,
  Indicator,
  ReadResult,
  Reading,
  Ref,
  Table,
  TableKind,
  TeamMember,
  Totals,
} from './types';
import { cleanLevel, labelWeight, level1Of, level2Of, matchLabel, normLabel, splitLabelValue } from './labels';
import { isDateFormat, parseReading, parseYear, readNumber, readRate, serialToYmd, toHalfWidth, ymdText } from './value';

// ---------------------------------------------------------------- label tables

const BASIC_FIELDS: { label: string; field: keyof BasicInfo; type: 'text' | 'year' | 'count' | 'amount' }[] = [
  { label: '部门名称|单位名称', field: 'department', type: 'text' },
  { label: '评价年度|年度', field: 'year', type: 'year' },
  { label: '部门职责|主要职责', field: 'duties', type: 'text' },
  { label: '机构设置|组织机构', field: 'organisation', type: 'text' },
  { label: '行政编制', field: 'adminPosts', type: 'count' },
  { label: '事业编制', field: 'institutionPosts', type: 'count' },
  { label: '实有人数', field: 'staff', type: 'count' },
  { label: '资产总额', field: 'assets', type: 'amount' },
  { label: '固定资产', field: 'fixedAssets', type: 'amount' },
  { label: '无形资产', field: 'intangibleAssets', type: 'amount' },
  { label: '年初预算收入', field: 'budgetIncome', type: 'amount' },
  { label: '决算收入', field: 'finalIncome', type: 'amount' },
  { label: '上年结转', field: 'carryover', type: 'amount' },
  { label: '评价依据', field: 'basis', type: 'text' },
  { label: '年度工作完成情况|绩效目标完成情况', field: 'achievements', type: 'text' },
  { label: '自评组织工作', field: 'selfEvalOrganisation', type: 'text' },
  { label: '存在问题', field: 'problems', type: 'text' },
  { label: '改进措施', field: 'measures', type: 'text' },
  { label: '权重方案', field: 'profile', type: 'text' },
];
const BASIC_LABELS = BASIC_FIELDS.map((f) => f.label);
const TEAM_LABELS = ['评价工作组|评价工作组人员名单'];
const TEAM_COLS = ['姓名', '工作单位', '职务', '职称', '备注'];

const DEPT_HEAD = ['部门名称|单位名称|部门'];
const PROJECT_HEAD = ['项目名称', '主管部门', '实施单位|项目实施单位'];
/** Labels that may stand in a table's head; a value never is one of them. */
const ANY_HEAD = [
  '部门名称|单位名称|部门',
  '项目名称',
  '主管部门',
  '实施单位|项目实施单位',
  '项目负责人',
  '联系电话',
  '联系人',
  '评价年度|年度',
  '项目属性',
  '项目类型',
  '填报单位',
];
const YEAR_HEAD = ['评价年度|年度'];
const PROJECT_NAME = ['项目名称'];

const FUNDS_COLS = [
  'initial|年初预算数|年初预算',
  'adjusted|全年预算数|调整后预算数|预算数',
  'executed|全年执行数|预算执行数|执行数',
  'weight|分值|权重',
  'rate|执行率|预算执行率',
  'score|得分',
];
type FundsCol = 'initial' | 'adjusted' | 'executed' | 'weight' | 'rate' | 'score';

const FUNDS_ROWS = [
  'total|年度资金总额|资金总额|年度财政资金总额|总额',
  'basic|基本支出',
  'project|项目支出',
  'appropriation|当年财政拨款|本年财政拨款|财政拨款|财政资金',
  'carryover|上年结转资金|上年结转',
  'special|财政专户管理资金|单位资金',
  'other|其他资金',
];

const GOALS_ROW = ['年度总体目标|年度绩效目标'];
const GOALS_COLS = [
  'expected|预期目标|年初设定目标|项目年度目标',
  'actual|实际完成情况|实际完成值|年度总体目标完成情况综述|年度目标完成情况',
];

const IND_COLS = [
  'level1|一级指标',
  'level2|二级指标',
  'name|三级指标|指标名称',
  'target|年度指标值|指标值|年初指标值|预期指标值|年初目标值',
  'actual|实际完成值|完成值|全年实际值|全年完成值',
  'weight|分值|权重|指标权重',
  'score|得分|指标得分|自评得分',
  'deviation|偏差原因分析及改进措施|偏差原因|未完成原因分析|未完成原因及拟采取的改进措施',
  'tier|完成档次|完成情况',
  'comparator|指标性质|计算符号|比较符|符号',
  'unit|度量单位|计量单位|单位',
];
type IndCol = 'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deviation' | 'tier' | 'comparator' | 'unit';
const IND_REQUIRED: { key: IndCol; label: string }[] = [
  { key: 'level1', label: '一级指标' },
  { key: 'level2', label: '二级指标' },
  { key: 'name', label: '三级指标' },
  { key: 'target', label: '年度指标值' },
  { key: 'actual', label: '实际完成值' },
  { key: 'score', label: '得分' },
];

const TOTALS_ROW = ['总分|合计|自评总分'];
const GRADE_LABEL = ['评价等级|自评等级|绩效等级'];
const GRADE_WORDS = new Set(['优', '良', '中', '差', '优秀', '良好', '中等', '较差']);


const DEPT_TITLE = '部门整体支出绩效自评表';

/** The department a title names before its year: '某县农业农村局2025年度部门整体支出绩效自评表' -> '某县农业农村局'. */
function nameInTitle(title: string): string {
  const i = title.indexOf(DEPT_TITLE);
  if (i < 0) return '';
  return title
    .slice(0, i)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]?[0-9０-９]{4}\s*年度?[)）]?$/, '')
    .trim();
}
const PROJECT_TITLE = '项目支出绩效自评表';

// ---------------------------------------------------------------- a sheet with indexes

interface OwnCell {
  c: number;
  cell: Cell;
  text: string;
}

const KEY = 16384;

const colNames: string[] = [];
/** a1() with the column names cached: the reader makes tens of thousands of refs. */
function addr(r: number, c: number): string {
  let name = colNames[c];
  if (name === undefined) {
    name = a1(0, c).replace(/[0-9]+$/, '');
    if (c < KEY) colNames[c] = name;
  }
  return name + String(r + 1);
}
const BIG_MERGE = 4096;

/** A sheet with its non-empty cells per row and a merge lookup. */
class View {
  readonly name: string;
  /** Non-empty cells per row, left to right; cells covered by a merge (not its top-left) are left out. */
  readonly rows: OwnCell[][];
  private readonly mergeMap = new Map<number, Area>();
  private readonly bigMerges: Area[] = [];

  constructor(readonly sheet: Sheet) {
    this.name = sheet.name;
    for (const m of sheet.merges ?? []) {
      if (!m || (m.r1 === m.r2 && m.c1 === m.c2)) continue;
      const size = (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
      if (size > BIG_MERGE) {
        this.bigMerges.push(m);
        continue;
      }
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (!this.mergeMap.has(r * KEY + c)) this.mergeMap.set(r * KEY + c, m);
    }
    const rows: OwnCell[][] = [];
    const src = sheet.rows ?? [];
    for (let r = 0; r < src.length; r++) {
      const row = src[r];
      const out: OwnCell[] = [];
      if (row) {
        row.forEach((cell, c) => {
          if (!cell || isBlank(cell)) return;
          const m = this.mergeAt(r, c);
          if (m && (m.r1 !== r || m.c1 !== c)) return;
          out.push({ c, cell, text: cellText(cell) });
        });
        out.sort((x, y) => x.c - y.c);
      }
      rows.push(out);
    }
    this.rows = rows;
  }

  get nRows(): number {
    return this.rows.length;
  }

  mergeAt(r: number, c: number): Area | undefined {
    const m = this.mergeMap.get(r * KEY + c);
    if (m) return m;
    for (const b of this.bigMerges) if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) return b;
    return undefined;
  }

  cell(r: number, c: number): Cell | undefined {
    const row = this.sheet.rows[r];
    return row ? row[c] : undefined;
  }

  /** The cell that shows at (r, c): the top-left of its merged area, or the cell itself. */
  shown(r: number, c: number): { cell: Cell | undefined; r: number; c: number } {
    const m = this.mergeAt(r, c);
    if (m) return { cell: this.cell(m.r1, m.c1), r: m.r1, c: m.c1 };
    return { cell: this.cell(r, c), r, c };
  }

  /** The last column a cell at (r, c) spans. */
  endCol(r: number, c: number): number {
    const m = this.mergeAt(r, c);
    return m ? m.c2 : c;
  }

  ref(r: number, c: number): Ref {
    return { sheet: this.name, cell: addr(r, c) };
  }

  /** The first non-empty cell right of the cell at (r, c) (past its merge), on the same row. */
  nextRight(r: number, c: number): OwnCell | undefined {
    const end = this.endCol(r, c);
    for (const o of this.rows[r] ?? []) if (o.c > end) return o;
    return undefined;
  }

  firstRef(): Ref {
    for (let r = 0; r < this.rows.length; r++) if (this.rows[r].length) return this.ref(r, this.rows[r][0].c);
    return this.ref(0, 0);
  }
}

// ---------------------------------------------------------------- figures

/** A cell's text as a message quotes it: at most 40 characters (a cell may hold 100,000). */
function clipText(t: string, max = 40): string {
  return t.length > max ? t.slice(0, max) + '…' : t;
}

class Ctx {
  readonly findings: Finding[] = [];
  private readonly errorCells = new Set<string>();

  cellError(view: View, r: number, c: number, err: string, what: string, label?: string): void {
    const key = `${view.name}!${r}:${c}`;
    if (this.errorCells.has(key)) return;
    this.errorCells.add(key);
    const where = label ? `“${label}”` : '';
    this.findings.push({
      rule: 'structure.cell_error',
      severity: 'error',
      sheet: view.name,
      cell: addr(r, c),
      message: `${where}单元格显示错误值 ${err}，无法读取该${what}`,
      actual: err,
    });
  }

  /**
   * A figure cell that holds something other than a number: TRUE/FALSE, a date (a serial number with
   * a date format: it shows a date, not the number), or text without a readable figure. It is read
   * as no figure, and reported on its cell, never taken silently as empty.
   */
  cellUnreadable(view: View, r: number, c: number, cell: Cell, label: string): void {
    const key = `${view.name}!${r}:${c}`;
    if (this.errorCells.has(key)) return;
    this.errorCells.add(key);
    let what: string;
    let shown: string;
    if (typeof cell.value === 'number') {
      const ymd = Number.isFinite(cell.value) && isDateFormat(cell.format) ? serialToYmd(cell.value) : null;
      shown = ymd === null ? '数值无效' : ymdText(ymd);
      what = ymd === null ? '的数值无效' : `显示的是日期 ${shown}`;
    } else if (typeof cell.value === 'boolean') {
      shown = cell.value ? 'TRUE' : 'FALSE';
      what = `是逻辑值 ${shown}`;
    } else {
      shown = clipText(cellText(cell).trim());
      what = `的内容“${shown}”`;
    }
    this.findings.push({
      rule: 'structure.cell_error',
      severity: 'error',
      sheet: view.name,
      cell: addr(r, c),
      message: `“${label}”单元格${what}，不是数字，无法读取`,
      actual: shown,
    });
  }

  /** A figure cell holding an Excel error or a date, which no number may be read from: reported on its cell. */
  private notANumber(view: View, s: { cell: Cell | undefined; r: number; c: number }, label: string): Fig<number | null> | undefined {
    const cell = s.cell;
    const ref = view.ref(s.r, s.c);
    if (cell?.error) {
      this.cellError(view, s.r, s.c, cell.error, '数字', label);
      return { value: null, ref, error: cell.error, text: cell.error };
    }
    if (cell && typeof cell.value === 'number' && isDateFormat(cell.format)) {
      this.cellUnreadable(view, s.r, s.c, cell, label);
      return { value: null, ref, text: cellText(cell) };
    }
    return undefined;
  }

  /** A number figure at (r, c) (the shown cell), scaled by `scale`. */
  num(view: View, r: number, c: number, label: string, scale = 1, own = false): Fig<number | null> {
    const s = own ? { cell: view.cell(r, c), r, c } : view.shown(r, c);
    const ref = view.ref(s.r, s.c);
    const cell = s.cell;
    const bad = this.notANumber(view, s, label);
    if (bad) return bad;
    const rd = readNumber(cell);
    const fig: Fig<number | null> = { value: rd.status === 'ok' && rd.value !== null && rd.value !== undefined ? rd.value * scale : null, ref };
    const text = cell ? cellText(cell) : '';
    if (text !== '' && (typeof cell?.value !== 'number' || scale !== 1)) fig.text = text;
    if (rd.status === 'error' && rd.error) {
      fig.error = rd.error;
      this.cellError(view, s.r, s.c, rd.error, '数字', label);
    }
    if (rd.status === 'unreadable' && cell && !isBlank(cell)) this.cellUnreadable(view, s.r, s.c, cell, label);
    return fig;
  }

  rate(view: View, r: number, c: number, label: string): Fig<number | null> & { decimals?: number } {
    const s = view.shown(r, c);
    const ref = view.ref(s.r, s.c);
    const cell = s.cell;
    const bad = this.notANumber(view, s, label);
    if (bad) return bad;
    const rd = readRate(cell);
    const fig: Fig<number | null> & { decimals?: number } = { value: rd.status === 'ok' && rd.value !== null && rd.value !== undefined ? rd.value : null, ref };
    if (rd.status === 'ok' && typeof rd.decimals === 'number') fig.decimals = rd.decimals;
    const text = cell ? cellText(cell) : '';
    if (text !== '') fig.text = text;
    if (rd.status === 'error' && rd.error) {
      fig.error = rd.error;
      this.cellError(view, s.r, s.c, rd.error, '数字', label);
    }
    if (rd.status === 'unreadable' && cell && !isBlank(cell)) this.cellUnreadable(view, s.r, s.c, cell, label);
    return fig;
  }

  text(view: View, r: number, c: number, label: string): Fig<string> {
    const s = view.shown(r, c);
    const ref = view.ref(s.r, s.c);
    const cell = s.cell;
    if (cell?.error) {
      this.cellError(view, s.r, s.c, cell.error, '内容', label);
      return { value: '', ref, error: cell.error, text: cell.error };
    }
    return { value: isBlank(cell) ? '' : cellText(cell).trim(), ref };
  }

  reading(view: View, r: number, c: number, label: string): Fig<Reading> {
    const s = view.shown(r, c);
    const ref = view.ref(s.r, s.c);
    const cell = s.cell;
    if (cell?.error) {
      this.cellError(view, s.r, s.c, cell.error, '指标值', label);
      return { value: parseReading(''), ref, error: cell.error, text: cell.error };
    }
    return { value: parseReading(cell ?? ''), ref };
  }
}

// ---------------------------------------------------------------- names

const half = (s: string): string => toHalfWidth(s).replace(/[\s\u3000]/g, '');

/** A level-1 name as the standard names it where it matches one, else the cleaned text. */
function standardLevel1(s: string): string {
  return level1Of(s) ?? cleanLevel(s);
}

/** A level-2 name as the standard names it where it matches one, else the cleaned text. */
function standardLevel2(s: string): string {
  return level2Of(s) ?? cleanLevel(s);
}

/** A level-3 name without its numbering prefix (指标1： 1. 1、 (1) ①). */
export function stripNumbering(s: string): string {
  let t = s.replace(/^[\s\u3000]+/, '').trim();
  t = t.replace(/^指标\s*[0-9０-９]+\s*[:：.、．]\s*/, '');
  t = t.replace(/^[0-9０-９]+\s*(?:[、．]|\.(?![0-9０-９]))\s*/, '');
  t = t.replace(/^[（(]\s*[0-9０-９]+\s*[)）]\s*/, '');
  t = t.replace(/^[①-⑳]\s*/, '');
  return t.trim();
}

function isTemplateName(s: string): boolean {
  const t = half(s).replace(/[:：.、]+$/, '');
  if (t === '') return true;
  if (/^(三级)?指标[0-9]*$/.test(t) || /^[0-9]+$/.test(t)) return true;
  if (/^[.。…·\-—_、]+$/.test(t)) return true;
  return false;
}

// ---------------------------------------------------------------- titles

interface TitleHit {
  r: number;
  c: number;
  kind: TableKind;
  text: string;
}

function titleOf(text: string): TableKind | undefined {
  if (text.length > 80 || text.indexOf('表') < 0) return undefined;
  const t = half(text);
  for (const [phrase, kind] of [
    [DEPT_TITLE, 'department'],
    [PROJECT_TITLE, 'project'],
  ] as [string, TableKind][]) {
    const i = t.indexOf(phrase);
    if (i < 0) continue;
    // What follows the phrase may only be a bracketed note: "……自评表填写说明" is not a title.
    const rest = t.slice(i + phrase.length);
    if (rest === '' || /^[([【〔]/.test(rest)) return kind;
  }
  return undefined;
}

function findTitles(view: View): TitleHit[] {
  const out: TitleHit[] = [];
  for (let r = 0; r < view.nRows; r++) {
    const row = view.rows[r];
    if (!row.length) continue;
    for (const o of row) {
      if (typeof o.cell.value !== 'string') continue;
      const kind = titleOf(o.text);
      if (kind) {
        out.push({ r, c: o.c, kind, text: o.text.trim() });
        break;
      }
    }
  }
  return out;
}

function topRowsLimit(view: View, n: number): number {
  let count = 0;
  for (let r = 0; r < view.nRows; r++) {
    if (view.rows[r].length) count++;
    if (count >= n) return r;
  }
  return view.nRows;
}

// ---------------------------------------------------------------- structure of one segment

interface ColMatch<K extends string> {
  map: Partial<Record<K, number>>;
  cells: Partial<Record<K, OwnCell>>;
  count: number;
}

function matchCols<K extends string>(cells: OwnCell[], labels: readonly string[]): ColMatch<K> {
  const map: Partial<Record<K, number>> = {};
  const got: Partial<Record<K, OwnCell>> = {};
  let count = 0;
  for (const o of cells) {
    if (typeof o.cell.value !== 'string') continue;
    const k = matchLabel(o.text, labels) as K | undefined;
    if (k && map[k] === undefined) {
      map[k] = o.c;
      got[k] = o;
      count++;
    }
  }
  return { map, cells: got, count };
}

function hasLabel(view: View, r0: number, r1: number, labels: readonly string[]): boolean {
  for (let r = r0; r < r1; r++)
    for (const o of view.rows[r]) {
      if (typeof o.cell.value !== 'string') continue;
      if (matchLabel(o.text, labels) || matchLabel(splitLabelValue(o.text)?.label ?? '', labels)) return true;
    }
  return false;
}

function rowLabelIs(row: OwnCell[], labels: readonly string[]): boolean {
  const o = row[0];
  if (!o || typeof o.cell.value !== 'string') return false;
  if (matchLabel(o.text, labels)) return true;
  const sv = splitLabelValue(o.text);
  return !!(sv && matchLabel(sv.label, labels));
}

interface IndHeader {
  top: number;
  bottom: number;
  cols: Partial<Record<IndCol, number>>;
  firstRef: Ref;
}

function findIndicatorHeader(view: View, from: number, to: number, exclude: Set<number>): IndHeader | undefined {
  let r = -1;
  for (let i = from; i < to; i++) {
    if (exclude.has(i)) continue;
    const m = matchCols<IndCol>(view.rows[i], IND_COLS);
    const core = ['level1', 'level2', 'name', 'target', 'actual', 'score'].filter((k) => m.map[k as IndCol] !== undefined).length;
    if (core >= 3) {
      r = i;
      break;
    }
  }
  if (r < 0) return undefined;
  const labelled = (i: number): boolean => i >= from && i < to && !exclude.has(i) && matchCols<IndCol>(view.rows[i], IND_COLS).count >= 1;
  let top = r;
  let bottom = r;
  if (labelled(r + 1)) bottom = r + 1;
  else if (labelled(r - 1)) top = r - 1;
  const cols: Partial<Record<IndCol, number>> = {};
  if (top === bottom) {
    Object.assign(cols, matchCols<IndCol>(view.rows[r], IND_COLS).map);
  } else {
    // Two rows: a column's label is the lower cell, or the upper one (merged over its span) where the lower is empty.
    const columns = new Set<number>();
    for (const o of view.rows[top]) for (let c = o.c; c <= view.endCol(top, o.c); c++) columns.add(c);
    for (const o of view.rows[bottom]) columns.add(o.c);
    const sorted = [...columns].sort((x, y) => x - y);
    const lower: [number, string][] = [];
    const upper: [number, string][] = [];
    for (const c of sorted) {
      const low = view.cell(bottom, c);
      const lowShown = view.shown(bottom, c);
      if (lowShown.r === bottom && lowShown.c === c && !isBlank(low)) lower.push([c, cellText(low)]);
      else if (lowShown.r === bottom && lowShown.c !== c) continue; // inside a lower merge: not a column of its own
      else {
        const up = view.shown(top, c);
        if (!isBlank(up.cell)) upper.push([c, cellText(up.cell)]);
      }
    }
    // Lower labels first: an upper label only names the columns under it that the lower row leaves unnamed.
    for (const [c, text] of [...lower, ...upper]) {
      const k = matchLabel(text, IND_COLS) as IndCol | undefined;
      if (k && cols[k] === undefined) cols[k] = c;
    }
  }
  const firstCell = view.rows[top][0];
  return { top, bottom, cols, firstRef: view.ref(top, firstCell ? firstCell.c : 0) };
}

// ---------------------------------------------------------------- one table

const KIND_NAMES: Record<TableKind, string> = { department: '部门整体支出绩效自评表', project: '项目支出绩效自评表' };

function readTable(ctx: Ctx, view: View, kind: TableKind | undefined, title: TitleHit | undefined, r0: number, r1: number): Table | undefined {
  // ---- blocks
  let fundsRow = -1;
  let fundsCols: ColMatch<FundsCol> | undefined;
  let goalsRow = -1;
  let partialRow = -1;
  let partialCols: ColMatch<FundsCol> | undefined;
  for (let r = r0; r < r1; r++) {
    const row = view.rows[r];
    if (!row.length) continue;
    if (fundsRow < 0) {
      const m = matchCols<FundsCol>(row, FUNDS_COLS);
      if (m.map.adjusted !== undefined && m.map.executed !== undefined) {
        fundsRow = r;
        fundsCols = m;
        continue;
      }
      // A header that lacks one of the two amount columns still is the funds header.
      if (partialRow < 0 && (m.map.adjusted !== undefined || m.map.executed !== undefined) && m.count >= 2) {
        partialRow = r;
        partialCols = m;
        continue;
      }
    }
    if (goalsRow < 0 && rowLabelIs(row, GOALS_ROW)) goalsRow = r;
    if (fundsRow >= 0 && goalsRow >= 0) break;
  }
  if (fundsRow < 0 && partialRow >= 0) {
    fundsRow = partialRow;
    fundsCols = partialCols;
  }
  const exclude = new Set<number>();
  if (fundsRow >= 0) exclude.add(fundsRow);
  if (goalsRow >= 0) {
    exclude.add(goalsRow);
    exclude.add(goalsRow + 1);
  }
  const ind = findIndicatorHeader(view, r0, r1, exclude);

  if (!title) {
    // No title: a table only when it has both blocks.
    if (fundsRow < 0 || !ind) return undefined;
  }
  // Without a title: a project table when it has 项目名称, else a department table.
  const tkind: TableKind = kind ?? (hasLabel(view, r0, r1, PROJECT_NAME) ? 'project' : 'department');
  const titleRef = title ? view.ref(title.r, title.c) : view.firstRef();
  const table: Table = {
    kind: tkind,
    sheet: view.name,
    title: title ? title.text : '',
    titleRef,
    hasWeightColumn: false,
    indicators: [],
    level1Weights: [],
    missing: [],
  };

  // ---- year
  if (title) {
    const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(title.text));
    if (m) table.year = { value: Number(m[1]), ref: titleRef, text: title.text };
    else {
      for (let r = title.r; r < Math.min(title.r + 4, r1) && !table.year; r++) {
        for (const o of view.rows[r]) {
          const t = half(o.text);
          const y = /^[([]?((?:19|20)\d{2})年度?[)\]]?$/.exec(t);
          if (y) {
            table.year = { value: Number(y[1]), ref: view.ref(r, o.c), text: o.text };
            break;
          }
        }
      }
    }
  }

  // ---- head
  const blockStarts = [fundsRow, goalsRow, ind ? ind.top : -1].filter((x) => x >= 0);
  const headEnd = blockStarts.length ? Math.min(...blockStarts) : r1;
  const headLabels = tkind === 'department' ? DEPT_HEAD : PROJECT_HEAD;
  const head: Record<string, Fig<string>> = {};
  for (let r = title ? title.r + 1 : r0; r < headEnd; r++) {
    for (const o of view.rows[r]) {
      if (typeof o.cell.value !== 'string') continue;
      let k = matchLabel(o.text, headLabels);
      let yearLabel = !k && !table.year && matchLabel(o.text, YEAR_HEAD);
      if (k || yearLabel) {
        const next = view.nextRight(r, o.c);
        let fig: Fig<string>;
        if (next && !(typeof next.cell.value === 'string' && matchLabel(next.text, ANY_HEAD))) fig = ctx.text(view, r, next.c, k ?? '评价年度');
        else fig = { value: '', ref: view.ref(r, view.endCol(r, o.c) + 1) };
        if (k && !head[k]) head[k] = fig;
        if (yearLabel) {
          const y = parseYear(fig.value);
          if (y) table.year = { value: y, ref: fig.ref, text: fig.value };
        }
        continue;
      }
      const sv = splitLabelValue(o.text);
      if (sv) {
        k = matchLabel(sv.label, headLabels);
        if (k && !head[k]) head[k] = { value: sv.value, ref: view.ref(r, o.c), text: o.text };
        yearLabel = !k && !table.year && matchLabel(sv.label, YEAR_HEAD);
        if (yearLabel) {
          const y = parseYear(sv.value);
          if (y) table.year = { value: y, ref: view.ref(r, o.c), text: o.text };
        }
      }
    }
  }
  if (tkind === 'department') {
    const fromTitle = nameInTitle(table.title);
    if (head['部门名称']) table.name = head['部门名称'];
    // 某县市场监督管理局2025年度部门整体支出绩效自评表 names the department in its title.
    else if (fromTitle) table.name = { value: fromTitle, ref: table.titleRef, text: table.title };
    else table.missing.push('部门名称');
  } else {
    if (head['项目名称']) table.name = head['项目名称'];
    else table.missing.push('项目名称');
    if (head['主管部门']) table.competentDept = head['主管部门'];
    if (head['实施单位']) table.implementer = head['实施单位'];
  }

  // ---- funds
  if (fundsRow >= 0 && fundsCols) {
    table.funds = readFunds(ctx, view, fundsRow, fundsCols, r0, [goalsRow, ind ? ind.top : -1].filter((x) => x > fundsRow).concat([r1]), title);
    if (fundsCols.map.adjusted === undefined) table.missing.push('全年预算数');
    if (fundsCols.map.executed === undefined) table.missing.push('全年执行数');
    if (!table.funds.rows.some((x) => x.kind === 'total')) table.missing.push('年度资金总额');
  } else {
    table.missing.push('全年预算数', '全年执行数');
  }

  // ---- goals
  if (goalsRow >= 0) {
    const m = matchCols<'expected' | 'actual'>(view.rows[goalsRow].slice(1), GOALS_COLS);
    const goals: Table['goals'] = {};
    if (m.map.expected !== undefined) goals.expected = ctx.text(view, goalsRow + 1, m.map.expected, '预期目标');
    if (m.map.actual !== undefined) goals.actual = ctx.text(view, goalsRow + 1, m.map.actual, '实际完成情况');
    if (m.map.expected === undefined && m.map.actual === undefined) {
      // A goals row with the text beside its label.
      const next = view.nextRight(goalsRow, view.rows[goalsRow][0].c);
      if (next) goals.expected = ctx.text(view, goalsRow, next.c, '年度总体目标');
    }
    table.goals = goals;
  }

  // ---- indicators
  if (ind) {
    table.indicatorHeaderRef = ind.firstRef;
    table.hasWeightColumn = ind.cols.weight !== undefined;
    for (const req of IND_REQUIRED) if (ind.cols[req.key] === undefined) table.missing.push(req.label);
    readIndicators(ctx, view, table, ind, fundsRow, goalsRow, r1);
  } else {
    for (const req of IND_REQUIRED) table.missing.push(req.label);
    // Totals may still be there.
    readTotals(ctx, view, table, undefined, Math.max(r0, fundsRow + 1), r1);
  }

  for (const label of table.missing) {
    ctx.findings.push({
      rule: 'structure.label_missing',
      severity: 'error',
      sheet: view.name,
      cell: titleRef.cell,
      message: `工作表“${view.name}”中的${KIND_NAMES[tkind]}缺少必需的标签“${label}”，相应内容无法读取`,
      expected: label,
    });
  }
  return table;
}

function readFunds(ctx: Ctx, view: View, h: number, cols: ColMatch<FundsCol>, r0: number, ends: number[], title: TitleHit | undefined): FundsBlock {
  const colPositions = Object.values(cols.map) as number[];
  const firstCol = Math.min(...colPositions);
  const headerCells = view.rows[h].filter((o) => o.c < firstCol);
  // Unit: from the header's own labels, else the column labels, else a 单位：元 note above.
  const unitOf = (t: string): '万元' | '元' | undefined => {
    const s = half(t);
    if (/\(万元\)/.test(s) || /单位万元/.test(s.replace(/[:：]/g, ''))) return '万元';
    if (/\(元\)/.test(s) || /单位元/.test(s.replace(/[:：]/g, ''))) return '元';
    return undefined;
  };
  const firstUnit = (cells: OwnCell[]): '万元' | '元' | undefined => {
    for (const o of cells) {
      const u = unitOf(o.text);
      if (u) return u;
    }
    return undefined;
  };
  const notesAbove: OwnCell[] = [];
  for (let r = title ? title.r : r0; r < h; r++) for (const o of view.rows[r]) if (/单位/.test(o.text)) notesAbove.push(o);
  const unit = firstUnit(headerCells) ?? firstUnit(Object.values(cols.cells) as OwnCell[]) ?? firstUnit(notesAbove) ?? '万元';
  const scale = unit === '元' ? 1 / 10000 : 1;
  const block: FundsBlock = {
    headerRef: view.ref(h, headerCells.length ? headerCells[0].c : firstCol),
    unit,
    columns: {
      initial: cols.map.initial !== undefined,
      adjusted: cols.map.adjusted !== undefined,
      executed: cols.map.executed !== undefined,
      weight: cols.map.weight !== undefined,
      rate: cols.map.rate !== undefined,
      score: cols.map.score !== undefined,
    },
    rows: [],
  };
  for (const o of headerCells) {
    const w = labelWeight(o.text);
    if (w !== undefined) {
      block.headerWeight = { value: w, ref: view.ref(h, o.c), text: o.text };
      break;
    }
  }
  // The header's first cell may be merged down over the block's rows: its own label.
  const end = Math.min(...ends);
  for (let r = h + 1; r < end; r++) {
    const row = view.rows[r];
    let labelCell: OwnCell | undefined;
    let kind: FundsRowKind | undefined;
    for (const o of row) {
      if (o.c >= firstCol) break;
      if (typeof o.cell.value !== 'string') continue;
      const raw = o.text.replace(/^[\s\u3000]*其中[\s\u3000]*[：:]?/, '');
      const k = matchLabel(raw, FUNDS_ROWS) as FundsRowKind | undefined;
      if (k) {
        labelCell = o;
        kind = k;
        break;
      }
    }
    if (!labelCell || !kind) {
      if (rowLabelIs(row, TOTALS_ROW) || rowLabelIs(row, GOALS_ROW)) break;
      continue;
    }
    const fr: FundsRow = { kind, label: labelCell.text.trim(), labelRef: view.ref(r, labelCell.c) };
    const amount = (col: number | undefined, name: string): Fig<number | null> | undefined => {
      if (col === undefined) return undefined;
      // A value merged down from the row above belongs to that row.
      const m = view.mergeAt(r, col);
      if (m && m.r1 < r) return { value: null, ref: view.ref(r, col) };
      return ctx.num(view, r, col, name, scale);
    };
    fr.initial = amount(cols.map.initial, '年初预算数');
    fr.adjusted = amount(cols.map.adjusted, '全年预算数');
    fr.executed = amount(cols.map.executed, '全年执行数');
    if (kind === 'total') {
      if (cols.map.weight !== undefined) fr.weight = ctx.num(view, r, cols.map.weight, '分值');
      if (cols.map.rate !== undefined) fr.rate = ctx.rate(view, r, cols.map.rate, '执行率');
      if (cols.map.score !== undefined) fr.score = ctx.num(view, r, cols.map.score, '得分');
    }
    for (const k of ['initial', 'adjusted', 'executed'] as const) if (fr[k] === undefined) delete fr[k];
    block.rows.push(fr);
  }
  return block;
}

function readIndicators(ctx: Ctx, view: View, table: Table, h: IndHeader, fundsRow: number, goalsRow: number, r1: number): void {
  const cols = h.cols;
  let prev1: { text: string; ref: Ref } | undefined;
  let prev2: { text: string; ref: Ref } | undefined;
  const seenL1 = new Set<string>();
  let lastGroup = '';
  const level = (r: number, col: number | undefined, prev: { text: string; ref: Ref } | undefined): { text: string; ref: Ref } => {
    if (col === undefined) return prev ?? { text: '', ref: view.ref(r, cols.name ?? 0) };
    const s = view.shown(r, col);
    if (!isBlank(s.cell)) return { text: cellText(s.cell).trim(), ref: view.ref(s.r, s.c) };
    return prev ?? { text: '', ref: view.ref(r, col) };
  };
  const blankAt = (r: number, col: number | undefined): boolean => col === undefined || isBlank(view.shown(r, col).cell);
  let r = h.bottom + 1;
  for (; r < r1; r++) {
    if (r === fundsRow || r === goalsRow) break;
    const row = view.rows[r];
    if (row.length && (rowLabelIs(row, TOTALS_ROW) || rowLabelIs(row, GRADE_LABEL))) break;
    // A row that shows nothing (no own cell and no merge reaching in from above) carries no indicator.
    const l1 = level(r, cols.level1, prev1);
    // A new level-1 cell starts a new group: a blank level-2 cell below it does not inherit across groups.
    if (prev1 && l1.ref.cell !== prev1.ref.cell) prev2 = undefined;
    const l2 = level(r, cols.level2, prev2);
    prev1 = l1;
    prev2 = l2;
    if (cols.level1 !== undefined && l1.text) {
      // One declared weight per group: a merged cell, a cell with blanks below, or the same text repeated row by row.
      const key = l1.ref.cell;
      const group = standardLevel1(l1.text) + '\u0000' + String(labelWeight(l1.text));
      if (!seenL1.has(key) && group !== lastGroup) {
        const w = labelWeight(l1.text);
        if (w !== undefined) table.level1Weights.push({ name: standardLevel1(l1.text), weight: w, ref: l1.ref });
      }
      seenL1.add(key);
      lastGroup = group;
    }
    const nameRaw = cols.name === undefined ? '' : isBlank(view.shown(r, cols.name).cell) ? '' : cellText(view.shown(r, cols.name).cell);
    const empty = blankAt(r, cols.target) && blankAt(r, cols.actual) && blankAt(r, cols.weight) && blankAt(r, cols.score);
    if (empty && isTemplateName(nameRaw)) continue;
    if (!row.length && empty) continue;
    const nameCol = cols.name ?? 0;
    const ns = view.shown(r, nameCol);
    const indicator: Indicator = {
      level1: standardLevel1(l1.text),
      level1Ref: l1.ref,
      level2: standardLevel2(l2.text),
      level2Ref: l2.ref,
      name: stripNumbering(nameRaw),
      nameRef: view.ref(ns.r, ns.c),
      target: cols.target !== undefined ? ctx.reading(view, r, cols.target, '年度指标值') : { value: parseReading(''), ref: view.ref(r, nameCol) },
      actual: cols.actual !== undefined ? ctx.reading(view, r, cols.actual, '实际完成值') : { value: parseReading(''), ref: view.ref(r, nameCol) },
    };
    if (cols.weight !== undefined) indicator.weight = ctx.num(view, r, cols.weight, '分值');
    if (cols.score !== undefined) indicator.score = ctx.num(view, r, cols.score, '得分');
    if (cols.deviation !== undefined) indicator.deviation = ctx.text(view, r, cols.deviation, '偏差原因');
    if (cols.tier !== undefined) {
      const f = ctx.text(view, r, cols.tier, '完成档次');
      if (f.value) indicator.tier = f;
    }
    if (cols.comparator !== undefined) {
      const f = ctx.text(view, r, cols.comparator, '指标性质');
      if (f.value) indicator.comparator = f;
    }
    if (cols.unit !== undefined) {
      const f = ctx.text(view, r, cols.unit, '度量单位');
      if (f.value) indicator.unit = f;
    }
    table.indicators.push(indicator);
  }
  readTotals(ctx, view, table, h, r, r1);
}

function readTotals(ctx: Ctx, view: View, table: Table, h: IndHeader | undefined, from: number, r1: number): void {
  let t = -1;
  for (let r = from; r < r1; r++) {
    if (view.rows[r].length && rowLabelIs(view.rows[r], TOTALS_ROW)) {
      t = r;
      break;
    }
  }
  const cols = h?.cols ?? {};
  let totals: Totals | undefined;
  if (t >= 0) {
    const label = view.rows[t][0];
    totals = { labelRef: view.ref(t, label.c) };
    if (cols.weight !== undefined) totals.weight = ctx.num(view, t, cols.weight, '总分分值');
    else {
      const w = labelWeight(label.text);
      if (w !== undefined) totals.weight = { value: w, ref: totals.labelRef, text: label.text };
    }
    if (cols.score !== undefined) totals.score = ctx.num(view, t, cols.score, '总分得分');
    if (cols.weight === undefined && (!totals.score || totals.score.value === null)) {
      // No 分值 column: the first number right of the label is the stated total.
      const end = view.endCol(t, label.c);
      for (const o of view.rows[t]) {
        if (o.c <= end) continue;
        if (o.cell.error) {
          totals.score = ctx.num(view, t, o.c, '总分');
          break;
        }
        const rd = readNumber(o.cell);
        if (rd.status === 'ok') {
          totals.score = ctx.num(view, t, o.c, '总分');
          break;
        }
      }
    }
  }
  // Grade: after a 评价等级 label (own row or totals row), else alone at the right end of the totals row.
  let grade: Fig<string> | undefined;
  const gradeEnd = Math.min(r1, (t >= 0 ? t : from) + 6);
  for (let r = t >= 0 ? t : from; r < gradeEnd && !grade; r++) {
    for (const o of view.rows[r]) {
      if (typeof o.cell.value !== 'string') continue;
      if (matchLabel(o.text, GRADE_LABEL)) {
        const next = view.nextRight(r, o.c);
        grade = next ? ctx.text(view, r, next.c, '评价等级') : { value: '', ref: view.ref(r, view.endCol(r, o.c) + 1) };
        break;
      }
      const sv = splitLabelValue(o.text);
      if (sv && matchLabel(sv.label, GRADE_LABEL)) {
        grade = { value: sv.value, ref: view.ref(r, o.c), text: o.text };
        break;
      }
    }
  }
  if (!grade && t >= 0) {
    const row = view.rows[t];
    const last = row[row.length - 1];
    if (row.length > 1 && typeof last.cell.value === 'string' && GRADE_WORDS.has(half(last.text))) grade = { value: last.text.trim(), ref: view.ref(t, last.c) };
  }
  if (grade) {
    if (!totals) totals = { labelRef: grade.ref };
    totals.grade = grade;
  }
  if (totals) table.totals = totals;
}

// ---------------------------------------------------------------- 基本情况

function readBasic(ctx: Ctx, view: View): BasicInfo {
  const info: BasicInfo = { sheet: view.name, team: [] };
  const rec = info as unknown as Record<string, unknown>;
  const fieldOf = new Map(BASIC_FIELDS.map((f) => [f.label.split('|')[0], f]));
  for (let r = 0; r < view.nRows; r++) {
    const row = view.rows[r];
    if (!row.length) continue;
    if (rowLabelIs(row, TEAM_LABELS)) {
      // The members table; key-value rows may go on after it.
      const got = readTeam(view, r);
      if (!info.team.length) info.team = got.team;
      r = got.end;
      continue;
    }
    for (let i = 0; i < row.length; i++) {
      const o = row[i];
      if (typeof o.cell.value !== 'string') continue;
      let canon = matchLabel(o.text, BASIC_LABELS);
      let inline: { value: string } | undefined;
      if (!canon) {
        const sv = splitLabelValue(o.text);
        if (sv) {
          canon = matchLabel(sv.label, BASIC_LABELS);
          if (canon) inline = sv;
        }
      }
      if (!canon) continue;
      const f = fieldOf.get(canon);
      if (!f || rec[f.field] !== undefined) continue;
      const vr = r;
      let vc = o.c;
      let text: string;
      let cell: Cell | undefined;
      if (inline && inline.value !== '') {
        text = inline.value;
        cell = { value: inline.value };
      } else {
        const next = view.nextRight(r, o.c);
        if (next && !(typeof next.cell.value === 'string' && (matchLabel(next.text, BASIC_LABELS) || matchLabel(splitLabelValue(next.text)?.label ?? '', BASIC_LABELS)))) {
          vc = next.c;
          cell = next.cell;
          text = next.text;
          i = row.indexOf(next);
        } else {
          vc = view.endCol(r, o.c) + 1;
          cell = undefined;
          text = '';
        }
      }
      const ref = view.ref(vr, vc);
      if (cell?.error) {
        ctx.cellError(view, vr, vc, cell.error, f.type === 'text' ? '内容' : '数字', canon);
        if (f.type === 'text') rec[f.field] = { value: '', ref, error: cell.error };
        else if (f.type !== 'year') rec[f.field] = { value: null, ref, error: cell.error };
        continue;
      }
      if (f.type === 'text') {
        rec[f.field] = { value: text.trim(), ref };
      } else if (f.type === 'year') {
        const y = parseYear(cell ?? '');
        if (y !== null && y !== undefined) rec[f.field] = typeof cell?.value === 'number' ? { value: y, ref } : { value: y, ref, text };
        else if (cell && !isBlank(cell)) ctx.cellUnreadable(view, vr, vc, cell, canon);
      } else {
        const rd = readNumber(cell);
        if (rd.status === 'ok' && rd.value !== null && rd.value !== undefined) {
          const scale = f.type === 'amount' && /\(元\)/.test(half(o.text)) ? 1 / 10000 : 1;
          const fig: Fig<number> = { value: rd.value * scale, ref };
          if (typeof cell?.value !== 'number' || scale !== 1) fig.text = text;
          rec[f.field] = fig;
        } else if (rd.status === 'unreadable' && cell && !isBlank(cell)) {
          // A figure that cannot be read is reported on its cell, never left out in silence.
          ctx.cellUnreadable(view, vr, vc, cell, canon);
        }
      }
    }
  }
  const where = view.firstRef();
  if (!info.department) missingBasic(ctx, view, where, '部门名称');
  if (!info.year) missingBasic(ctx, view, where, '评价年度');
  return info;
}

function missingBasic(ctx: Ctx, view: View, where: Ref, label: string): void {
  ctx.findings.push({
    rule: 'structure.label_missing',
    severity: 'error',
    sheet: view.name,
    cell: where.cell,
    message: `“${view.name}”工作表缺少必需的“${label}”，或其内容无法识别`,
    expected: label,
  });
}

function readTeam(view: View, teamRow: number): { team: TeamMember[]; end: number } {
  const team: TeamMember[] = [];
  let h = teamRow + 1;
  // The header may follow after blank rows.
  while (h < view.nRows && !view.rows[h].length) h++;
  if (h >= view.nRows) return { team, end: h };
  const cols = matchCols<string>(view.rows[h], TEAM_COLS).map as Record<string, number | undefined>;
  if (cols['姓名'] === undefined) return { team, end: teamRow };
  const get = (r: number, c: number | undefined): string => (c === undefined ? '' : isBlank(view.shown(r, c).cell) ? '' : cellText(view.shown(r, c).cell).trim());
  let r = h + 1;
  for (; r < view.nRows; r++) {
    if (!view.rows[r].length) break;
    const name = get(r, cols['姓名']);
    if (!name) continue;
    team.push({
      name,
      unit: get(r, cols['工作单位']),
      post: get(r, cols['职务']),
      title: get(r, cols['职称']),
      note: get(r, cols['备注']),
      ref: view.ref(r, cols['姓名'] as number),
    });
  }
  return { team, end: r };
}

// ---------------------------------------------------------------- the workbook

function readSheetTables(ctx: Ctx, view: View, isProfile: boolean): Table[] {
  const titles = findTitles(view);
  const tables: Table[] = [];
  if (!titles.length) {
    if (isProfile) return tables;
    const t = readTable(ctx, view, undefined, undefined, 0, view.nRows);
    if (t) tables.push(t);
    return tables;
  }
  const top = topRowsLimit(view, 6);
  titles.forEach((ti, i) => {
    const end = i + 1 < titles.length ? titles[i + 1].r : view.nRows;
    const start = ti.r;
    if (ti.r > top || isProfile) {
      // A title further down counts only when a table follows it.
      const probe = readTableProbe(view, start, end);
      if (!probe) return;
    }
    const t = readTable(ctx, view, ti.kind, ti, start, end);
    if (t) tables.push(t);
  });
  return tables;
}

function readTableProbe(view: View, r0: number, r1: number): boolean {
  for (let r = r0; r < r1; r++) {
    const row = view.rows[r];
    if (!row.length) continue;
    const f = matchCols<FundsCol>(row, FUNDS_COLS);
    if (f.map.adjusted !== undefined && f.map.executed !== undefined) return true;
    const m = matchCols<IndCol>(row, IND_COLS);
    if (m.count >= 3) return true;
  }
  return false;
}

function sheetUnreadable(ctx: Ctx, name: string, why: string): void {
  ctx.findings.push({
    rule: 'structure.sheet_unreadable',
    severity: 'error',
    sheet: name,
    cell: 'A1',
    message: `工作表“${name}”无法读取（${why}），已跳过该表，其余工作表照常检查`,
  });
}

export function readWorkbook(grid: Grid): ReadResult {
  const ctx = new Ctx();
  const tables: Table[] = [];
  let basic: BasicInfo | undefined;
  const sheets = grid?.sheets ?? [];
  for (const sheet of sheets) {
    if (!sheet) continue;
    const name = sheet.name ?? '';
    if (sheet.unreadable) {
      sheetUnreadable(ctx, name, sheet.unreadable);
      continue;
    }
    const before = ctx.findings.length;
    try {
      const view = new View(sheet);
      const isProfile = normLabel(name) === '基本情况';
      if (isProfile && !basic) basic = readBasic(ctx, view);
      tables.push(...readSheetTables(ctx, view, isProfile));
    } catch (e) {
      ctx.findings.splice(before);
      // Drop what the failed sheet had produced.
      for (let i = tables.length - 1; i >= 0; i--) if (tables[i].sheet === name) tables.splice(i, 1);
      if (basic && basic.sheet === name) basic = undefined;
      sheetUnreadable(ctx, name, '内容无法识别');
    }
  }
  const first = sheets[0]?.name ?? '';
  if (!basic) {
    ctx.findings.push({
      rule: 'structure.no_profile',
      severity: 'info',
      sheet: first,
      cell: 'A1',
      message: '工作簿中没有“基本情况”工作表，报告将缺少部门职责、机构设置、人员编制和资产等只有该表才有的内容',
    });
  }
  if (!tables.length) {
    ctx.findings.push({
      rule: 'structure.no_table',
      severity: 'error',
      sheet: first,
      cell: 'A1',
      message: '工作簿中没有找到部门整体支出绩效自评表或项目支出绩效自评表，无法检查',
    });
  }
  return { basic, tables, findings: ctx.findings };
}
