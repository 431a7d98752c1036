// One self-evaluation table: its kind, head, and each block read by its own reader. A block that
// is absent or cut short is said once (structure.label_missing / structure.total_missing).

import type { Indicator, Table, TableKind } from '../types';
import { level1Of, matchLabel } from '../labels';
import { clipText, type Ctx } from './figures';
import { findBlocks, type Blocks } from './finder';
import { readFunds } from './funds';
import { readGoals } from './goals';
import { readHead } from './head';
import type { IndHeader } from './indicatorHeader';
import { dropCutEdge, readIndicators } from './indicators';
import { hasLabel } from './match';
import { cleanLevelName, readStatements } from './scoring';
import { readTotals } from './totals';
import { blockUnread } from './unread';
import { titleYear, type TitleHit } from './titles';
import type { View } from './view';
import { FUNDS_ROWS, IND_REQUIRED, PROJECT_NAME, SCORING_LEVEL1, SCORING_REQUIRED } from './vocabulary';

const KIND_NAMES: Record<TableKind, string> = {
  department: '部门整体支出绩效自评表',
  project: '项目支出绩效自评表',
  'department-scoring': '部门整体支出绩效评价表',
};

/** Whether an indicator header is a department scoring table's: 分值 and 得分, no target or actual, scoring criteria or level-1 names. */
export function isScoringHeader(view: View, ind: IndHeader | undefined, r1: number): boolean {
  if (!ind) return false;
  const c = ind.cols;
  if (c.target !== undefined || c.actual !== undefined || c.weight === undefined || c.score === undefined) return false;
  if (c.criteria !== undefined) return true;
  if (c.level1 === undefined) return false;
  const first = view.rowsIn(ind.bottom + 1, r1)[0];
  const text = first === undefined ? '' : view.shownText(first, c.level1);
  return !level1Of(text) && SCORING_LEVEL1.includes(cleanLevelName(text));
}

/** The first funds row below the funds header is 年度资金总额. */
function hasFundsTotal(view: View, b: Blocks, r1: number): boolean {
  if (b.fundsRow < 0) return false;
  for (const r of view.rowsIn(b.fundsRow + 1, Math.min(r1, b.fundsRow + 4)))
    for (const o of view.row(r)) if (typeof o.cell.value === 'string' && matchLabel(o.text.replace(/^[\s\u3000]*其中[:：]?/, ''), FUNDS_ROWS) === 'total') return true;
  return false;
}

/** The kind of the table in [r0, r1), or undefined when an untitled segment holds no table. */
function kindOf(view: View, title: TitleHit | undefined, b: Blocks, r0: number, r1: number): TableKind | undefined {
  const scoring = isScoringHeader(view, b.ind, r1);
  if (!title) {
    // No title: a table when its blocks say so (funds + indicators, a funds block with its total, a scoring table).
    if (!(b.fundsRow >= 0 && b.ind) && !scoring && !hasFundsTotal(view, b, r1)) return undefined;
  }
  if (title?.kind === 'project') return 'project';
  if (!title && hasLabel(view, r0, r1, PROJECT_NAME)) return 'project';
  return scoring ? 'department-scoring' : 'department';
}

function newTable(view: View, kind: TableKind, title: TitleHit | undefined, r0: number): Table {
  return {
    kind,
    sheet: view.name,
    title: title ? title.text : '',
    titleRef: title ? view.ref(title.r, title.c) : view.firstRef(r0),
    hasWeightColumn: false,
    indicators: [],
    level1Weights: [],
    missing: [],
  };
}

function readFundsBlock(ctx: Ctx, view: View, table: Table, b: Blocks, title: TitleHit | undefined, r0: number, r1: number): void {
  if (b.fundsRow < 0 || !b.fundsCols) {
    if (table.kind !== 'department-scoring') table.missing.push('全年预算数', '全年执行数');
    return;
  }
  const end = Math.min(r1, ...[b.goalsRow, b.ind ? b.ind.top : -1].filter((x) => x > b.fundsRow));
  table.funds = readFunds(ctx, view, b.fundsRow, b.fundsCols, title ? title.r : r0, end);
  if (b.fundsCols.map.adjusted === undefined) table.missing.push('全年预算数');
  if (b.fundsCols.map.executed === undefined) table.missing.push('全年执行数');
  const head = view.row(b.fundsRow)[0];
  if (!table.funds.rows.length) blockUnread(ctx, view, b.fundsRow, head.c, '预算资金', '表头下没有“年度资金总额”或其构成行（当年财政拨款、上年结转资金……），未读到任何金额');
  else if (!table.funds.rows.some((x) => x.kind === 'total')) table.missing.push('年度资金总额');
}

/** The indicator block and the totals; returns the totals row, or -1, and the name-only last row a cut page left. */
function readIndicatorBlock(ctx: Ctx, view: View, table: Table, b: Blocks, r0: number, r1: number): { t: number; cut?: Indicator } {
  const ind = b.ind;
  const required = table.kind === 'department-scoring' ? SCORING_REQUIRED : IND_REQUIRED;
  if (!ind) {
    // A funds block alone (a page that ends after the funds) lacks no label: the totals check says it is cut.
    if (!table.funds) for (const req of required) table.missing.push(req.label);
    return { t: readTotals(ctx, view, table, undefined, Math.max(r0, b.fundsRow + 1), r1) };
  }
  table.indicatorHeaderRef = ind.firstRef;
  table.hasWeightColumn = ind.cols.weight !== undefined;
  for (const req of required) if (ind.cols[req.key] === undefined) table.missing.push(req.label);
  const stops = [b.fundsRow, b.goalsRow].filter((x) => x > ind.bottom);
  const stop = readIndicators(ctx, view, table, ind, stops, r1);
  const t = readTotals(ctx, view, table, ind, stop, r1);
  const cut = t < 0 ? dropCutEdge(table) : undefined;
  if (!table.indicators.length && view.rowsIn(ind.bottom + 1, stop).length)
    blockUnread(ctx, view, ind.top, view.row(ind.top)[0].c, '绩效指标', '表头下的各行都没有读到指标（名称、指标值、完成值、分值和得分都为空或无法识别）');
  if (t >= 0 && table.totals && !hasValue(table.totals.score) && !hasValue(table.totals.weight) && !table.totals.grade)
    blockUnread(ctx, view, t, view.row(t)[0].c, '总分', '该行的“分值”“得分”都是空的或不是数字');
  if (table.kind === 'department-scoring') readStatements(view, table, ind);
  return { t, cut };
}

const hasValue = (f: { value: unknown; error?: string } | undefined): boolean => !!f && (f.value !== null || !!f.error);

function totalMissing(ctx: Ctx, view: View, table: Table, cut: Indicator | undefined): void {
  table.totalsMissing = true;
  const fundsOnly = !table.indicatorHeaderRef;
  ctx.add({
    rule: 'structure.total_missing',
    severity: 'info',
    sheet: view.name,
    cell: table.titleRef.cell,
    message: fundsOnly
      ? `工作表“${view.name}”中的${KIND_NAMES[table.kind]}只有预算资金部分，没有绩效指标和总分行（页面可能在资金部分后截断）：只检查了资金，未计算分值合计与总分`
      : `工作表“${view.name}”中的${KIND_NAMES[table.kind]}没有总分行（页面可能被截断）：只检查了已有的内容，未计算分值合计与总分${cut ? `；最后一行“${clipText(cut.name)}”（${cut.nameRef.cell}）只有名称，未作为指标检查` : ''}`,
  });
}

export function readTable(ctx: Ctx, view: View, title: TitleHit | undefined, r0: number, r1: number): Table | undefined {
  const b = findBlocks(view, r0, r1);
  const kind = kindOf(view, title, b, r0, r1);
  if (!kind) return undefined;
  const table = newTable(view, kind, title, r0);
  if (title) table.year = titleYear(view, title, r1);
  const headEnd = Math.min(r1, ...[b.fundsRow, b.goalsRow, b.ind ? b.ind.top : -1].filter((x) => x >= 0));
  readHead(ctx, view, table, title ? title.r + 1 : r0, headEnd);
  readFundsBlock(ctx, view, table, b, title, r0, r1);
  if (b.goalsRow >= 0) table.goals = readGoals(ctx, view, b.goalsRow, r1);
  const ib = readIndicatorBlock(ctx, view, table, b, r0, r1);
  if (ib.t < 0 && (table.funds || table.indicatorHeaderRef)) totalMissing(ctx, view, table, ib.cut);
  for (const label of table.missing) {
    ctx.add({
      rule: 'structure.label_missing',
      severity: 'error',
      sheet: view.name,
      cell: table.titleRef.cell,
      message: `工作表“${view.name}”中的${KIND_NAMES[kind]}缺少必需的标签“${label}”，相应内容无法读取`,
      expected: label,
    });
  }
  return table;
}
