// 忽略: a finding the user set aside for this workbook. The entry keeps the cell and the values
// the finding was about (the cell's value, the expected and the stated figure), so the finding
// comes back as soon as any of them changes. The hosts keep the entries in the workbook's
// settings under IGNORE_KEY; this module only builds, matches and parses them.

import type { Grid } from './grid';
import type { Finding, RuleId } from './types';
import { findingCell } from './suggest';
import { storedObjects } from './stored';

export const IGNORE_KEY = 'selfeval.ignored';

export interface IgnoreEntry {
  rule: RuleId;
  sheet: string;
  cell: string;
  /** The values the finding was about, as one string (see valuesOf). */
  values: string;
  /** The finding's message when it was ignored, for the 已忽略 list. */
  message: string;
}

/** The values a finding is about: its cell's value, type and error, and its expected and stated figures. */
export function valuesOf(f: Finding, grid: Grid): string {
  const c = findingCell(f, grid);
  const cell = c ? [typeof c.value, c.value, c.error ?? null] : null;
  return JSON.stringify([cell, f.expected ?? null, f.actual ?? null]);
}

export function ignoreEntryOf(f: Finding, grid: Grid): IgnoreEntry {
  return { rule: f.rule, sheet: f.sheet, cell: f.cell, values: valuesOf(f, grid), message: f.message };
}

const sameSpot = (e: IgnoreEntry, f: Finding) => e.rule === f.rule && e.sheet === f.sheet && e.cell === f.cell;

/** The entry that sets this finding aside, if its values are still those it was ignored with. */
export function ignoredBy(f: Finding, entries: IgnoreEntry[], grid: Grid): IgnoreEntry | undefined {
  const mine = entries.filter((e) => sameSpot(e, f));
  if (mine.length === 0) return undefined;
  const v = valuesOf(f, grid);
  return mine.find((e) => e.values === v);
}

/** The findings split into those shown and those set aside. */
export function partitionIgnored(findings: Finding[], entries: IgnoreEntry[], grid: Grid): { shown: Finding[]; ignored: Finding[] } {
  const shown: Finding[] = [];
  const ignored: Finding[] = [];
  for (const f of findings) (entries.length && ignoredBy(f, entries, grid) ? ignored : shown).push(f);
  return { shown, ignored };
}

/** The entries with this finding's entry added (replacing an older one at the same spot). */
export function withIgnored(entries: IgnoreEntry[], f: Finding, grid: Grid): IgnoreEntry[] {
  return [...entries.filter((e) => !sameSpot(e, f)), ignoreEntryOf(f, grid)];
}

/** The entries without this finding's. */
export function withoutIgnored(entries: IgnoreEntry[], f: { rule: string; sheet: string; cell: string }): IgnoreEntry[] {
  return entries.filter((e) => !(e.rule === f.rule && e.sheet === f.sheet && e.cell === f.cell));
}

/** The stored setting (a JSON string or the parsed array) -> entries; anything malformed is dropped. */
export function parseIgnored(value: unknown): IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  for (const o of storedObjects(value)) {
    if ([o.rule, o.sheet, o.cell, o.values].every((x) => typeof x === 'string')) {
      out.push({ rule: o.rule as RuleId, sheet: o.sheet as string, cell: o.cell as string, values: o.values as string, message: typeof o.message === 'string' ? o.message : '' });
    }
  }
  return out;
}
