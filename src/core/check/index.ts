// The consistency checks of rules.md §3 (all but the structure findings the reader emits), and the
// computed results of rules.md §2 per table. One file per rule family: funds.ts, indicators.ts,
// weights.ts, totals.ts, scoring.ts, workbook.ts.

import type { CheckResult, Profile, ReadResult, TableResult } from '../types';
import { Collector, num, sane } from './collector';
import { checkFunds, checkUnits } from './funds';
import { checkIndicators } from './indicators';
import { checkScoringRates } from './scoring';
import { checkTotals } from './totals';
import { checkWeights } from './weights';
import { checkBasic, checkCrossTable } from './workbook';

export { RULE_SEVERITY } from './collector';
export { saysMissed } from './deviation';

export function runChecks(read: ReadResult, profile: Profile): CheckResult {
  const out = new Collector();
  out.profileName = profile.name;
  const results: TableResult[] = [];
  const tables = (Array.isArray(read?.tables) ? read.tables : []).filter((t) => !!t && typeof t === 'object');
  for (const orig of tables) {
    const t = sane(orig);
    out.fallback = t.titleRef ?? { sheet: t.sheet ?? '', cell: 'A1' };
    const tr: TableResult = { table: orig, indicators: [] };
    results.push(tr);
    const fo = checkFunds(t, profile, out);
    tr.execWeight = fo.execWeight;
    tr.executionRate = fo.rate;
    tr.executionScore = fo.score;
    checkUnits(t, out);
    tr.indicators = checkIndicators(t, profile, out, num(t.year) ?? num(read.basic?.year));
    checkScoringRates(t, profile, out);
    checkWeights(t, profile, fo.execWeight, out);
    checkTotals(t, profile, fo, tr.indicators, out, tr);
  }
  if (read?.basic && typeof read.basic === 'object') {
    out.fallback = { sheet: read.basic.sheet ?? '', cell: 'A1' };
    checkBasic(read.basic, out);
  }
  if (read) checkCrossTable({ ...read, tables: tables.map(sane) }, out);
  return { results, findings: out.findings };
}
