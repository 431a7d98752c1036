// The twelve real published tables of ../shared/real-tables: each is read as a workbook, its tables
// are recognised, every hand-verified slip is found at its cell, and no rule listed in mustNot
// fires anywhere in it.

import { evaluate } from '../../src/core/engine';
import { gridWorkbook, loadExpectations, loadReal, realWorkbook, sheetNameOf } from './fixtures';

/** Expectations judged wrong, left out with the reason (none so far). */
const LEFT_OUT: Record<string, string> = {};

describe('real published tables', () => {
  for (const e of loadExpectations()) {
    const name = e.file.replace(/\.xlsx$/, '');
    test(`${name}: ${e.tables} table(s), ${e.expected.length} slip(s) at their cells, none of ${e.mustNot.join(', ') || '(nothing forbidden)'}`, () => {
      const ev = evaluate(realWorkbook(name));
      expect(ev.read.tables).toHaveLength(e.tables);
      const kind = loadReal(name).kind;
      expect(ev.read.tables.every((t) => (kind === 'department' ? t.kind !== 'project' : t.kind === 'project'))).toBe(true);
      const got = ev.findings.map((f) => `${f.rule}@${f.cell}`);
      for (const [rule, cell] of e.expected) {
        if (LEFT_OUT[`${name} ${rule}@${cell}`]) continue;
        expect(got).toContain(`${rule}@${cell}`);
      }
      expect(ev.findings.filter((f) => e.mustNot.includes(f.rule)).map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
      // Nothing lost in silence: no table yields structure.no_table, and every error points at a cell of the grid.
      expect(got.filter((k) => k.startsWith('structure.no_table'))).toEqual([]);
    });
  }

  test('cut-short pages say so once and compute no total; complete pages compute one', () => {
    for (const name of ['t05', 't06', 't07', 't08', 't11', 't12']) {
      const ev = evaluate(realWorkbook(name));
      expect(ev.findings.filter((f) => f.rule === 'structure.total_missing')).toHaveLength(1);
      expect(ev.findings.filter((f) => f.rule === 'weight.total' || f.rule === 'score.total')).toEqual([]);
      expect(ev.check.results[0].computedTotal).toBeUndefined();
    }
    for (const name of ['t02', 't03']) {
      const ev = evaluate(realWorkbook(name));
      expect(ev.findings.filter((f) => f.rule === 'structure.total_missing')).toEqual([]);
      expect(ev.check.results[0].computedTotal).toBeCloseTo(name === 't02' ? 99.8 : 100, 5); // t02: 资金到位及时率 and 政策知晓率 recomputed (10, 9.8)
    }
  });

  test('t06: the name-only row a cut page ends on is named in the one total_missing finding, not checked as an indicator', () => {
    const ev = evaluate(realWorkbook('t06'));
    expect(ev.findings.find((f) => f.rule === 'structure.total_missing')?.message).toContain('受益农户满意度”（D18）');
    expect(ev.read.tables[0].indicators.map((i) => i.name)).not.toContain('受益农户满意度');
    expect(ev.findings.filter((f) => f.rule.startsWith('indicator.') || f.rule.startsWith('weight.'))).toEqual([]);
  });

  test('t07: ★ indicators keep their 其中 lines as details, out of the weights', () => {
    const t = evaluate(realWorkbook('t07')).read.tables[0];
    const core = t.indicators.filter((i) => i.core);
    expect(core.map((i) => [i.name, i.weight?.value, i.details?.length])).toEqual([
      ['补助各类瓜果蔬菜种植面积', 20, 4],
      ['补助鱼塘面积', 10, 1],
      ['补助家畜家禽养殖数量', 10, 2],
    ]);
    expect(t.indicators.some((i) => i.name.startsWith('其中'))).toBe(false);
    expect(core[0].details![0]).toMatchObject({ name: '其中桃树种植面积', nameRef: { cell: 'D13' }, actual: { ref: { cell: 'G13' } } });
  });

  test('t09: a funds-only department page is recognised; its expenditure split is checked against 全年执行数', () => {
    const ev = evaluate(realWorkbook('t09'));
    const t = ev.read.tables[0];
    expect(t.funds?.splits?.map((s) => [s.kind, s.stated?.value, s.parts.length])).toEqual([
      ['income', 2030.12, 4],
      ['expenditure', 1925.67, 2],
    ]);
    expect(ev.findings.filter((f) => f.rule === 'funds.components').map((f) => f.cell)).toEqual(['E3']);
    expect(ev.findings.find((f) => f.rule === 'structure.total_missing')?.severity).toBe('info');
    expect(ev.findings.filter((f) => f.rule === 'structure.label_missing')).toEqual([]);
  });

  test('full-width punctuation (，：（）％, as the live pages most likely have it) reads the same as the ASCII copies', () => {
    const wide: Record<string, string> = { ',': '，', ':': '：', '(': '（', ')': '）', '%': '％' };
    for (const e of loadExpectations()) {
      const name = e.file.replace(/\.xlsx$/, '');
      const t = loadReal(name);
      const grid = t.grid.map((row) => row.map((v) => (/^[+-]?\d+(\.\d+)?$/.test(v) ? v : v.replace(/[,:()%]/g, (ch) => wide[ch]))));
      const a = evaluate(realWorkbook(name)).findings.map((f) => `${f.rule}@${f.cell}`);
      const b = evaluate(gridWorkbook(sheetNameOf(t.kind), grid, t.merges)).findings.map((f) => `${f.rule}@${f.cell}`);
      expect([name, b]).toEqual([name, a]);
    }
  });
});
