// suggestionFor: the one exact value the engine knows a finding's cell should hold.

import { evaluate } from '../../src/core/engine';
import { sampleGrid } from '../../src/core/sample';
import { setCell, type Grid } from '../../src/core/grid';
import { suggestionFor } from '../../src/core/suggest';
import { basicSheet, projectSheet } from '../taskpane/workbooks';

function findingOf(grid: Grid, rule: string) {
  const f = evaluate(grid).findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`no ${rule} finding`);
  return f;
}

test('funds.unit: the amount converted from 元 (the sample: 1229400 -> 122.94)', () => {
  const g = sampleGrid();
  const s = suggestionFor(findingOf(g, 'funds.unit'), g);
  expect(s).toMatchObject({ sheet: '部门整体', cell: 'C6', current: 1229400, value: 122.94 });
});

test('score.total: the sum the table adds up to', () => {
  const g: Grid = { sheets: [basicSheet('财政部'), projectSheet({ total: 99 })] };
  const s = suggestionFor(findingOf(g, 'score.total'), g);
  expect(s).toMatchObject({ cell: 'H18', current: 99, value: 97.43 });
});

test('exec.rate: the recomputed rate as a fraction in a percentage-formatted cell, digits the format shows + 2', () => {
  const g: Grid = { sheets: [basicSheet('财政部'), projectSheet({ rate: 0.9 })] };
  const f = findingOf(g, 'exec.rate');
  const s = suggestionFor(f, g);
  expect(s?.value).toBeCloseTo(30 / 31.8, 4);
  expect(String(s?.value).split('.')[1].length).toBeLessThanOrEqual(4);
  // Written in percent points, the suggestion is in points.
  const p = projectSheet({ rate: 0.9 });
  setCell(p, 'G6', 90);
  const g2: Grid = { sheets: [basicSheet('财政部'), p] };
  const f2 = evaluate(g2).findings.find((x) => x.rule === 'exec.rate');
  expect(f2).toBeDefined();
  expect(suggestionFor(f2!, g2)?.value).toBeCloseTo(94.34, 2);
});

test('exec.score and score.grade: the recomputed score; the grade as text', () => {
  const p = projectSheet();
  setCell(p, 'H6', 5);
  setCell(p, 'I18', '差');
  const g: Grid = { sheets: [basicSheet('财政部'), p] };
  expect(suggestionFor(findingOf(g, 'exec.score'), g)).toMatchObject({ cell: 'H6', current: 5, value: 9.43 });
  expect(suggestionFor(findingOf(g, 'score.grade'), g)).toMatchObject({ cell: 'I18', current: '差', value: '优' });
});

test('no suggestion where the engine has no one exact value, nor over a formula', () => {
  const g = sampleGrid();
  expect(suggestionFor(findingOf(g, 'funds.components'), g)).toBeUndefined();
  expect(suggestionFor(findingOf(g, 'funds.conflict'), g)).toBeUndefined();
  const p = projectSheet({ total: 99 });
  setCell(p, 'H18', { value: 99, formula: true });
  const g2: Grid = { sheets: [basicSheet('财政部'), p] };
  expect(suggestionFor(findingOf(g2, 'score.total'), g2)).toBeUndefined();
});
