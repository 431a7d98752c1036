// 采用建议值 and 撤销: one suggested value written into one cell, its old value, type, format
// and formula kept in the record (APPLIED_KEY) first; undo puts them back exactly.
//   applyValue  2  (the cell, its sheet's protection, the record; the record and the value)
//   undoValue   2  (the cell, its sheet's protection, the record; the cell and the record)

import { HostError, type AppliedValue, type CellState } from './host';
import { normalizeAddress } from './addresses';
import { APPLIED_KEY, parseApplied } from './markRecord';
import { guard, type Kit } from './kit';

/** What a loaded one-cell range holds. */
function stateOf(r: Excel.Range): CellState {
  const type = String(r.valueTypes[0][0]);
  const value = r.values[0][0] as CellState['value'];
  const formula = r.formulas[0][0];
  const s: CellState = {
    value: type === 'Empty' ? null : value,
    type: (type === 'Double' || type === 'Boolean' || type === 'Empty' ? type : 'String') as CellState['type'],
    format: String(r.numberFormat[0][0] ?? 'General'),
  };
  if (type === 'Error') throw new HostError('other', '单元格显示错误值，未写入建议值。');
  if (typeof formula === 'string' && formula.startsWith('=')) s.formula = formula;
  return s;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

function changed(sheet: string, cell: string, now: unknown): HostError {
  return new HostError('switched', `单元格 ${sheet}!${cell} 的内容已改变（现为“${String(now ?? '')}”），未写入。请重新检查后再试。`);
}

export function valueOps(k: Kit) {
  /** Loads the cell, its sheet's protection and the record; refuses a protected sheet. */
  async function look(ctx: Excel.RequestContext, sheet: string, cell: string) {
    const addr = normalizeAddress(cell);
    if (!addr || addr.includes(':')) throw new HostError('other', `单元格地址“${cell}”无效。`);
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.protection.load('protected');
    const range = ws.getRange(addr).load('values,valueTypes,numberFormat,formulas');
    const setting = ctx.workbook.settings.getItemOrNullObject(APPLIED_KEY).load('value');
    await ctx.sync();
    if (ws.protection.protected) throw new HostError('protected', `工作表“${sheet}”受保护，无法写入。请先撤销工作表保护（审阅 > 撤销工作表保护）后重试。`);
    const record = setting.isNullObject ? [] : parseApplied(setting.value);
    return { addr, range, record };
  }

  return {
    async applyValue(sheet: string, cell: string, expected: string | number, value: string | number): Promise<AppliedValue> {
      k.seen = null;
      return guard(() =>
        k.run(async (ctx) => {
          const { addr, range, record } = await look(ctx, sheet, cell);
          const old = stateOf(range);
          if (old.formula || !same(old.value, expected)) throw changed(sheet, addr, old.value);
          const entry: AppliedValue = { sheet, cell: addr, old, value };
          const rest = record.filter((e) => !(e.sheet === sheet && e.cell === addr));
          // The record first: whatever happens to the write after it, 撤销 can restore.
          ctx.workbook.settings.add(APPLIED_KEY, JSON.stringify([...rest, entry]));
          range.values = [[value]];
          await ctx.sync();
          return entry;
        }),
      );
    },

    async undoValue(sheet: string, cell: string): Promise<AppliedValue | null> {
      k.seen = null;
      return guard(() =>
        k.run(async (ctx) => {
          const { addr, range, record } = await look(ctx, sheet, cell);
          const entry = record.find((e) => e.sheet === sheet && e.cell === addr);
          if (!entry) return null;
          const now = range.values[0][0];
          // The user changed the cell after the suggestion was written: their value stays.
          if (!same(now, entry.value)) throw changed(sheet, addr, now);
          const o = entry.old;
          if (o.formula) {
            range.numberFormat = [[o.format]];
            range.formulas = [[o.formula]];
          } else if (o.type === 'String') {
            // Text comes back as text: written under '@', then the old format (text stays text).
            range.numberFormat = [['@']];
            range.values = [[o.value as string]];
            range.numberFormat = [[o.format]];
          } else {
            range.numberFormat = [[o.format]];
            range.values = [[o.type === 'Empty' ? '' : (o.value as number | boolean)]];
          }
          const rest = record.filter((e) => e !== entry);
          if (rest.length) ctx.workbook.settings.add(APPLIED_KEY, JSON.stringify(rest));
          else ctx.workbook.settings.getItem(APPLIED_KEY).delete();
          await ctx.sync();
          return entry;
        }),
      );
    },
  };
}
