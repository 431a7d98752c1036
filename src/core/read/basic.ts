// Sheet 基本情况 (workbook.md §2): key–value rows and the 评价工作组 members.

import type { Cell } from '../grid';
import { cellText, isBlank } from '../grid';
import type { BasicInfo, Fig, Ref, TeamMember } from '../types';
import { matchLabel, splitLabelValue } from '../labels';
import { parseYear, readNumber } from '../value';
import type { Ctx } from './figures';
import { matchCols, rowLabelIs } from './match';
import { half } from './names';
import type { OwnCell, View } from './view';
import { BASIC_FIELDS, BASIC_LABELS, TEAM_COLS, TEAM_LABELS } from './vocabulary';

type Field = (typeof BASIC_FIELDS)[number];
const FIELD_OF = new Map(BASIC_FIELDS.map((f) => [f.label.split('|')[0], f]));

/** The basic label a cell holds, with an inline value after a colon. */
function basicLabel(o: OwnCell): { canon: string; inline?: string } | undefined {
  if (typeof o.cell.value !== 'string') return undefined;
  const canon = matchLabel(o.text, BASIC_LABELS);
  if (canon) return { canon };
  const sv = splitLabelValue(o.text);
  const c = sv ? matchLabel(sv.label, BASIC_LABELS) : undefined;
  return c && sv ? { canon: c, inline: sv.value } : undefined;
}

/** The value cell of a label at row r: inline, else the nearest non-empty cell right of it that is no label. */
function valueOf(view: View, r: number, o: OwnCell, inline: string | undefined): { c: number; cell?: Cell; text: string; next?: OwnCell } {
  if (inline !== undefined && inline !== '') return { c: o.c, cell: { value: inline }, text: inline };
  const next = view.nextRight(r, o.c);
  if (next && !(typeof next.cell.value === 'string' && basicLabel(next))) return { c: next.c, cell: next.cell, text: next.text, next };
  return { c: view.endCol(r, o.c) + 1, text: '' };
}

function storeField(ctx: Ctx, view: View, info: BasicInfo, f: Field, label: OwnCell, r: number, v: { c: number; cell?: Cell; text: string }, canon: string): void {
  const rec = info as unknown as Record<string, unknown>;
  const ref: Ref = view.ref(r, v.c);
  const cell = v.cell;
  if (cell?.error) {
    ctx.cellError(view, r, v.c, cell.error, f.type === 'text' ? '内容' : '数字', canon);
    if (f.type === 'text') rec[f.field] = { value: '', ref, error: cell.error };
    else if (f.type !== 'year') rec[f.field] = { value: null, ref, error: cell.error };
    return;
  }
  if (f.type === 'text') {
    rec[f.field] = { value: v.text.trim(), ref };
  } else if (f.type === 'year') {
    const y = parseYear(cell ?? '');
    if (y !== null && y !== undefined) rec[f.field] = typeof cell?.value === 'number' ? { value: y, ref } : { value: y, ref, text: v.text };
    else if (cell && !isBlank(cell)) ctx.cellUnreadable(view, r, v.c, cell, canon);
  } else {
    const rd = readNumber(cell);
    if (rd.status === 'ok' && rd.value !== null && rd.value !== undefined) {
      const scale = f.type === 'amount' && /\(元\)/.test(half(label.text)) ? 1 / 10000 : 1;
      const fig: Fig<number> = { value: rd.value * scale, ref };
      if (typeof cell?.value !== 'number' || scale !== 1) fig.text = v.text;
      rec[f.field] = fig;
    } else if (rd.status === 'unreadable' && cell && !isBlank(cell)) {
      // A figure that cannot be read is reported on its cell, never left out in silence.
      ctx.cellUnreadable(view, r, v.c, cell, canon);
    }
  }
}

function readBasicRow(ctx: Ctx, view: View, info: BasicInfo, r: number): void {
  const rec = info as unknown as Record<string, unknown>;
  const row = view.row(r);
  for (let i = 0; i < row.length; i++) {
    const o = row[i];
    const hit = basicLabel(o);
    if (!hit) continue;
    const f = FIELD_OF.get(hit.canon);
    if (!f || rec[f.field] !== undefined) continue;
    const v = valueOf(view, r, o, hit.inline);
    if (v.next) i = row.indexOf(v.next);
    storeField(ctx, view, info, f, o, r, v, hit.canon);
  }
}

export function readBasic(ctx: Ctx, view: View): BasicInfo {
  const info: BasicInfo = { sheet: view.name, team: [] };
  const rows = view.used;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (rowLabelIs(view.row(r), TEAM_LABELS)) {
      // The members table; key-value rows may go on after it.
      const got = readTeam(view, r);
      if (!info.team.length) info.team = got.team;
      while (i + 1 < rows.length && rows[i + 1] <= got.end) i++;
      continue;
    }
    readBasicRow(ctx, view, info, r);
  }
  const where = view.firstRef();
  if (!info.department) missingBasic(ctx, view, where, '部门名称');
  if (!info.year) missingBasic(ctx, view, where, '评价年度');
  return info;
}

function missingBasic(ctx: Ctx, view: View, where: Ref, label: string): void {
  ctx.add({
    rule: 'structure.label_missing',
    severity: 'error',
    sheet: view.name,
    cell: where.cell,
    message: `“${view.name}”工作表缺少必需的“${label}”，或其内容无法识别`,
    expected: label,
  });
}

/** The members under 评价工作组 until the first empty row; `end` is the last row it took. */
function readTeam(view: View, teamRow: number): { team: TeamMember[]; end: number } {
  const team: TeamMember[] = [];
  // The header may follow after blank rows.
  const h = view.nextUsed(teamRow + 1);
  if (h < 0) return { team, end: view.nRows };
  const cols = matchCols<string>(view.row(h), TEAM_COLS).map as Record<string, number | undefined>;
  if (cols['姓名'] === undefined) return { team, end: teamRow };
  const get = (r: number, c: number | undefined): string => (c === undefined ? '' : isBlank(view.shown(r, c).cell) ? '' : cellText(view.shown(r, c).cell).trim());
  let r = h + 1;
  for (; r < view.nRows; r++) {
    if (!view.row(r).length) break;
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
