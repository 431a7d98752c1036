// Findings -> marks: one mark per cell, the most severe colour, every message in its note.

import type { Finding, Severity } from './types';
import type { Mark } from './plan';
import { parseA1 } from './grid';

export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in sheet order (as given), then row, then column, then severity. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const idx = new Map(sheetOrder.map((n, i) => [n, i]));
  const pos = (f: Finding) => {
    try {
      return parseA1(f.cell);
    } catch {
      return { r: 0, c: 0 };
    }
  };
  return findings
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort(
      (a, b) =>
        (idx.get(a.f.sheet) ?? 1e9) - (idx.get(b.f.sheet) ?? 1e9) ||
        a.p.r - b.p.r ||
        a.p.c - b.p.c ||
        RANK[a.f.severity] - RANK[b.f.severity] ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

/** The note text that marks carry start with this, so a host can recognise its own notes. */
export const NOTE_PREFIX = '【绩效自评助手】';

export function planMarks(findings: Finding[]): Mark[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(key);
    if (list) list.push(f);
    else byCell.set(key, [f]);
  }
  const marks: Mark[] = [];
  for (const list of byCell.values()) {
    const severity = list.reduce<Severity>((s, f) => (RANK[f.severity] < RANK[s] ? f.severity : s), 'info');
    const lines = list.map((f) => `${SEVERITY_LABEL[f.severity]}：${f.message}（${f.rule}）`);
    marks.push({ sheet: list[0].sheet, cell: list[0].cell, severity, fill: SEVERITY_FILL[severity], note: NOTE_PREFIX + '\n' + lines.join('\n') });
  }
  return marks;
}

/** A note text carries the add-in's part. */
export function isOurNote(text: string | null | undefined): boolean {
  return typeof text === 'string' && text.includes(NOTE_PREFIX);
}

/** The user's part of a note: the text before the add-in's part, trailing space removed. */
export function userPartOfNote(text: string): string {
  const i = text.indexOf(NOTE_PREFIX);
  return (i >= 0 ? text.slice(0, i) : text).replace(/\s+$/, '');
}

/** A note holding the user's own text (if any) followed by ours. */
export function combineNote(existing: string | null | undefined, ours: string): string {
  const user = existing ? userPartOfNote(existing) : '';
  return user ? `${user}\n\n${ours}` : ours;
}
