// The workbook's events the pane follows (ExcelApi 1.7): a user's edit on any sheet
// (Worksheet.onChanged) makes the last check out of date; a selection (onSelectionChanged)
// shows its finding. 2 syncs to register on every sheet (the sheet list; the handlers), 1 to
// remove; and selectCell, 1 sync.

import { HostError, type WorkbookEvent } from './host';
import { normalizeAddress, rangePart } from './addresses';
import { guard, type Kit } from './kit';

type Handle = { remove(): void; context: Excel.RequestContext };

export function eventOps(k: Kit, isSet: (name: string, version: string) => boolean) {
  return {
    async watch(listener: (e: WorkbookEvent) => void): Promise<() => Promise<void>> {
      if (!isSet('ExcelApi', '1.7')) return async () => {};
      let live = true;
      const handles: Handle[] = await guard(() =>
        k.run(async (ctx) => {
          const wss = ctx.workbook.worksheets;
          wss.load('items/name,items/id');
          await ctx.sync();
          const names = new Map(wss.items.map((ws) => [ws.id, ws.name]));
          const emit = (kind: WorkbookEvent['kind'], id: string, address: string) => {
            const sheet = names.get(id);
            if (!live || sheet === undefined) return;
            listener({ kind, sheet, address: rangePart(address) });
          };
          const out: Handle[] = [];
          for (const ws of wss.items) {
            out.push(ws.onChanged.add(async (e) => emit('changed', e.worksheetId, e.address)) as unknown as Handle);
            out.push(ws.onSelectionChanged.add(async (e) => emit('selected', e.worksheetId, e.address)) as unknown as Handle);
          }
          await ctx.sync();
          return out;
        }),
      );
      return async () => {
        live = false;
        if (handles.length === 0) return;
        // A handler is removed on the context it was added on.
        await (k.run as unknown as (c: Excel.RequestContext, b: (ctx: Excel.RequestContext) => Promise<void>) => Promise<void>)(handles[0].context, async (ctx) => {
          for (const h of handles) h.remove();
          await ctx.sync();
        }).catch(() => undefined);
      };
    },

    async selectCell(sheet: string, cell: string): Promise<void> {
      const addr = normalizeAddress(cell);
      if (!addr) throw new HostError('other', `单元格地址“${cell}”无效。`);
      await guard(() =>
        k.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(addr).select();
          await ctx.sync();
        }),
      );
    },
  };
}
