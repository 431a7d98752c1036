// The tasks that add sheets and then check again: 插入基本情况表, 插入模板, and 清除标记.

import { existingNames } from './state';
import type { TaskContext } from './taskContext';

/** 插入基本情况表: the 基本情况 sheet from what the tables state, for the department to complete. */
export const insertBasicTask = (ctx: TaskContext) =>
  ctx.run('basic', async () => {
    const { host, dispatch, stateRef } = ctx;
    const { ev } = await ctx.current();
    const { basicSheetLayout } = await import(/* webpackChunkName: "basic" */ '../core/basicSheet');
    const layout = basicSheetLayout(ev.read, existingNames(stateRef.current));
    if (!layout) {
      dispatch({ type: 'failed', notice: { intent: 'info', title: '已有基本情况表', text: '工作簿已有“基本情况”工作表，不再另加（已有的内容不会被覆盖）。' } });
      return;
    }
    dispatch({ type: 'phase', phase: 'write' });
    const names = await host.addSheets([layout]);
    await ctx.check();
    const text = `已插入工作表“${names[0] ?? layout.name}”：能从自评表取得的内容已填入，其余请按灰色示例填写。`;
    dispatch({ type: 'info', notice: { intent: 'success', title: '已插入基本情况表', text } });
  });

/** 插入模板: the standard tables, then a fresh check. */
export const templateTask = (ctx: TaskContext) =>
  ctx.run('template', async () => {
    const { host, dispatch, stateRef } = ctx;
    dispatch({ type: 'phase', phase: 'write' });
    const { templateLayouts } = await import(/* webpackChunkName: "template" */ '../core/template');
    const layouts = templateLayouts(existingNames(stateRef.current));
    const names = await host.addSheets(layouts);
    // The pane shows the new workbook: checked again, so the old "未找到绩效自评表" goes.
    await ctx.check();
    dispatch({ type: 'templateAdded', names: names.length ? names : layouts.map((l) => l.name) });
  });

/** 清除标记. */
export const clearTask = (ctx: TaskContext) =>
  ctx.run('clear', async () => {
    const count = await ctx.host.clearMarks();
    ctx.dispatch({ type: 'marksCleared', count });
  });
