// structure.block_unread: a block was found but could not be read. One finding names the block,
// its row and why, at the block's first cell.

import type { Ctx } from './figures';
import type { View } from './view';

export function blockUnread(ctx: Ctx, view: View, r: number, c: number, block: string, why: string): void {
  ctx.add({
    rule: 'structure.block_unread',
    severity: 'warning',
    sheet: view.name,
    cell: view.ref(r, c).cell,
    message: `工作表“${view.name}”第 ${r + 1} 行的“${block}”部分未能读取：${why}`,
    expected: block,
  });
}
