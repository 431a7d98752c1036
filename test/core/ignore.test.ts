// 忽略: an entry keeps the cell and the values; the finding returns when they change.

import { evaluate } from '../../src/core/engine';
import { setCell, type Grid } from '../../src/core/grid';
import { IGNORE_KEY, ignoredBy, parseIgnored, partitionIgnored, withIgnored, withoutIgnored } from '../../src/core/ignore';
import { basicSheet, projectSheet } from '../taskpane/workbooks';

const grid = (total: number): Grid => ({ sheets: [basicSheet('财政部'), projectSheet({ total })] });

test('an ignored finding stays aside while its values stand, and returns when they change', () => {
  const g = grid(99);
  const f = evaluate(g).findings.find((x) => x.rule === 'score.total')!;
  const entries = withIgnored([], f, g);
  expect(IGNORE_KEY).toBe('selfeval.ignored');
  expect(ignoredBy(f, entries, g)).toBeDefined();
  const again = evaluate(g).findings;
  expect(partitionIgnored(again, entries, g).ignored).toHaveLength(1);
  // The same slip with another figure: the finding comes back.
  const g2 = grid(98);
  const f2 = evaluate(g2).findings.find((x) => x.rule === 'score.total')!;
  expect(ignoredBy(f2, entries, g2)).toBeUndefined();
  expect(partitionIgnored(evaluate(g2).findings, entries, g2).shown).toContainEqual(f2);
  // A change elsewhere that moves the expected figure brings it back too.
  const p = projectSheet({ total: 99 });
  setCell(p, 'H13', 24);
  const g3: Grid = { sheets: [basicSheet('财政部'), p] };
  const f3 = evaluate(g3).findings.find((x) => x.rule === 'score.total')!;
  expect(ignoredBy(f3, entries, g3)).toBeUndefined();
  expect(withoutIgnored(entries, f)).toEqual([]);
});

test('the stored setting round-trips; anything malformed is dropped', () => {
  const g = grid(99);
  const f = evaluate(g).findings.find((x) => x.rule === 'score.total')!;
  const entries = withIgnored(withIgnored([], f, g), f, g);
  expect(entries).toHaveLength(1);
  expect(parseIgnored(JSON.stringify(entries))).toEqual(entries);
  expect(parseIgnored('not json')).toEqual([]);
  expect(parseIgnored([{ rule: 1 }, null, 'x'])).toEqual([]);
});
