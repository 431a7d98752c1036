// Workbook settings (Office's per-document key/value store): read several in 1 sync, write one
// in 1 (removing one: 2, a look and the delete).

import { guard, type Kit } from './kit';

export function settingsOps(k: Kit) {
  return {
    async readSettings(keys: string[]): Promise<Record<string, string | null>> {
      return guard(() =>
        k.run(async (ctx) => {
          const items = keys.map((key) => ctx.workbook.settings.getItemOrNullObject(key).load('value'));
          await ctx.sync();
          const out: Record<string, string | null> = {};
          keys.forEach((key, i) => {
            const it = items[i];
            out[key] = it.isNullObject ? null : typeof it.value === 'string' ? it.value : JSON.stringify(it.value);
          });
          return out;
        }),
      );
    },

    async writeSetting(key: string, value: string | null): Promise<void> {
      await guard(() =>
        k.run(async (ctx) => {
          const s = ctx.workbook.settings;
          if (value !== null) {
            s.add(key, value);
            await ctx.sync();
            return;
          }
          // Removing: a method on a null object fails, so see first whether the setting is there.
          const it = s.getItemOrNullObject(key).load('value');
          await ctx.sync();
          if (it.isNullObject) return;
          it.delete();
          await ctx.sync();
        }),
      );
    },
  };
}
