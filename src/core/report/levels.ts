// The level-1 groups of a table as the report presents them: each group's weight (the sum of
// its indicators' 分值, else the weight its level-1 label states, e.g. 产出指标（60分）) and the
// sum of its scores. A table with no 分值 column (the 20 + 80 layout) is "unscored": its
// indicators keep the score the table states, never one the report invents.

import type { Ref, Table } from '../types';
import type { Scored } from './context';
import * as W from './wording';

export interface Level {
  name: string;
  list: Scored[];
  /** The group's weight and the cell it comes from (the first indicator's level-1 cell, or the labelled level-1 cell). */
  weight?: number;
  weightRef?: Ref;
  /** Σ of the scores, when every indicator of the group has one. */
  score?: number;
}

const sum = (xs: (number | undefined)[]) => (xs.length > 0 && xs.every((x) => x !== undefined) ? (xs as number[]).reduce((a, v) => a + v, 0) : undefined);

/** True when the table gives no 分值 per indicator (weights only in the level-1 labels). */
export function isUnscored(t: Table, scored: Scored[]): boolean {
  return t.kind !== 'department-scoring' && !t.hasWeightColumn && scored.every((s) => s.weight === undefined);
}

export function levelsOf(t: Table, scored: Scored[]): Level[] {
  const groups: Level[] = [];
  for (const s of scored) {
    const key = s.ind.level1 || W.LEVEL1_MISSING;
    let g = groups.find((x) => x.name === key);
    if (!g) groups.push((g = { name: key, list: [] }));
    g.list.push(s);
  }
  for (const g of groups) {
    const w = sum(g.list.map((s) => s.weight));
    const labelled = t.level1Weights.find((l) => l.name === g.name);
    if (w !== undefined) {
      g.weight = w;
      g.weightRef = g.list[0].ind.level1Ref;
    } else if (labelled) {
      g.weight = labelled.weight;
      g.weightRef = labelled.ref;
    }
    g.score = sum(g.list.map((s) => s.score));
  }
  return groups;
}
