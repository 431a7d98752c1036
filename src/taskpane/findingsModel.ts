// The findings list as the pane shows it: the findings not set aside, grouped by check (its
// plain-language title) or by sheet, each group with its count, in one order for next/previous.

import type { Finding } from '../core/types';
import type { Grid } from '../core/grid';
import { partitionIgnored, type IgnoreEntry } from '../core/ignore';
import { ruleTitle } from '../core/ruleTitles';
import { inertText } from '../core/inert';
import type { GroupBy } from './state';

export interface ListedFinding {
  /** Unique in the list: the rule, the place, and its occurrence there. */
  id: string;
  finding: Finding;
}

export interface FindingGroup {
  key: string;
  title: string;
  items: ListedFinding[];
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings in the engine's order, each with an id stable for the same workbook. */
export function listed(findings: Finding[]): ListedFinding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.rule}|${f.sheet}!${f.cell}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { id: n ? `${base}#${n}` : base, finding: f };
  });
}

export function visible(findings: Finding[], ignored: IgnoreEntry[], grid: Grid | undefined): { shown: Finding[]; ignored: Finding[] } {
  if (!grid || ignored.length === 0) return { shown: findings, ignored: [] };
  return partitionIgnored(findings, ignored, grid);
}

/** Groups by check (most severe first, then first appearance) or by sheet (sheet order). */
export function groupFindings(items: ListedFinding[], by: GroupBy): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byKey = new Map<string, FindingGroup>();
  for (const it of items) {
    const key = by === 'rule' ? it.finding.rule : it.finding.sheet;
    let g = byKey.get(key);
    if (!g) {
      g = { key, title: by === 'rule' ? ruleTitle(key) : inertText(key), items: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.items.push(it);
  }
  if (by === 'rule') {
    const worst = (g: FindingGroup) => Math.min(...g.items.map((i) => RANK[i.finding.severity]));
    return groups.map((g, i) => ({ g, i })).sort((a, b) => worst(a.g) - worst(b.g) || a.i - b.i).map((x) => x.g);
  }
  return groups;
}

/** The list in the order next/previous walk it. */
export function flatOrder(groups: FindingGroup[]): ListedFinding[] {
  return groups.flatMap((g) => g.items);
}

/** The first finding on a cell the user selected in Excel (an address or a range's top-left). */
export function findingAt(items: ListedFinding[], sheet: string, address: string): ListedFinding | undefined {
  const cell = address.split(':')[0].replace(/\$/g, '').toUpperCase();
  return items.find((i) => i.finding.sheet === sheet && i.finding.cell.toUpperCase() === cell);
}
