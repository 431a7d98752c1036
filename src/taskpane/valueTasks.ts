// The tasks on one finding or value: 忽略 / 恢复, 采用建议值 / 撤销, and the profile choice; and
// the record of the pane's own writes, so an edit event on them is not taken as the user's.

import * as React from 'react';
import type { AppliedValue, WorkbookEvent } from '../office/host';
import type { Finding } from '../core/types';
import { IGNORE_KEY, withIgnored, withoutIgnored, type IgnoreEntry } from '../core/ignore';
import type { Suggestion } from '../core/suggest';
import { evaluateAsync } from './engineClient';
import { visible } from './findingsModel';
import type { TaskContext } from './taskContext';

/** How long after the pane's own write an edit event on that cell is taken as the pane's own. */
const OWN_WRITE_MS = 3000;

const cellKey = (sheet: string, cell: string) => `${sheet}!${cell.toUpperCase()}`;

/** The cells the pane wrote itself, each until when an edit event on it is the pane's own. */
export function useOwnWrites() {
  const own = React.useRef(new Map<string, number>());
  const ownWrite = (sheet: string, cell: string) => own.current.set(cellKey(sheet, cell), Date.now() + OWN_WRITE_MS);
  const isOwnWrite = (e: WorkbookEvent) => {
    const until = own.current.get(cellKey(e.sheet, e.address.split(':')[0]));
    return until !== undefined && until > Date.now();
  };
  return { ownWrite, isOwnWrite };
}

async function saveIgnored(ctx: TaskContext, entries: IgnoreEntry[], restored: boolean) {
  const { host, dispatch, stateRef } = ctx;
  await host.writeSetting(IGNORE_KEY, entries.length ? JSON.stringify(entries) : null);
  dispatch({ type: 'ignored', entries, restored });
  const s = stateRef.current;
  if (s.ev && s.grid) await ctx.mark(visible(s.ev.findings, entries, s.grid).shown);
}

/** 忽略: sets the finding aside, then moves to the next one. */
export const ignoreTask = (ctx: TaskContext, f: Finding, nextId?: string) =>
  ctx.run('ignore', async () => {
    const s = ctx.stateRef.current;
    if (!s.grid) return;
    await saveIgnored(ctx, withIgnored(s.ignored, f, s.grid), false);
    if (nextId) ctx.dispatch({ type: 'selected', sheet: '', cell: '', key: nextId });
  });

/** 恢复: the finding set aside shows again. */
export const restoreTask = (ctx: TaskContext, e: IgnoreEntry) =>
  ctx.run('ignore', () => saveIgnored(ctx, withoutIgnored(ctx.stateRef.current.ignored, e), true));

/** 采用建议值. */
export const applyTask = (ctx: TaskContext, ownWrite: (sheet: string, cell: string) => void, sug: Suggestion) =>
  ctx.run('apply', async () => {
    ctx.dispatch({ type: 'phase', phase: 'write' });
    ownWrite(sug.sheet, sug.cell);
    await ctx.host.applyValue(sug.sheet, sug.cell, sug.current, sug.value);
    await ctx.check();
    const text = `已将 ${sug.sheet}!${sug.cell} 由 ${sug.currentText} 改为 ${sug.valueText}。可在“已采用的建议值”中撤销。`;
    ctx.dispatch({ type: 'info', notice: { intent: 'success', title: '已采用建议值', text } });
  });

/** 撤销 an applied value. */
export const undoTask = (ctx: TaskContext, ownWrite: (sheet: string, cell: string) => void, a: AppliedValue) =>
  ctx.run('undo', async () => {
    ctx.dispatch({ type: 'phase', phase: 'write' });
    ownWrite(a.sheet, a.cell);
    const done = await ctx.host.undoValue(a.sheet, a.cell);
    await ctx.check();
    const text = done ? `已撤销：${a.sheet}!${a.cell} 恢复为原来的值、类型和格式。` : '没有可撤销的记录。';
    ctx.dispatch({ type: 'info', notice: { intent: done ? 'success' : 'info', title: '撤销', text } });
  });

/** A profile chosen: the last snapshot evaluated again under it, and marked. */
export const chooseProfileTask = (ctx: TaskContext, profileId: string) => {
  ctx.dispatch({ type: 'profileChosen', profileId });
  const { grid, ev } = ctx.stateRef.current;
  if (!grid || !ev || ev.profile.id === profileId) return;
  void ctx.run('profile', async () => {
    const next = await evaluateAsync(grid, profileId);
    ctx.dispatch({ type: 'reevaluated', ev: next });
    await ctx.mark(visible(next.findings, ctx.stateRef.current.ignored, grid).shown);
  });
};
