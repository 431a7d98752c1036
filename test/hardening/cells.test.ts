// Cells as Excel really holds them, through the core (issue 4, "Cells as Excel really holds them"):
// error values, dates, booleans, formulas with cached results, rich text and hyperlinks (the hosts
// flatten both to their text), very long text, and numbers like 1e-7 and 1.0000000002, in the
// amount, rate, weight, score, target, actual, label and 偏差原因 cells of a correct workbook
// laid out by the standard layout. Each is read as what it shows, or reported as a finding on its
// own cell: never a crash, never a wrong number.

import fc from 'fast-check';
import { evaluate, marksOf, reportSheetOf, type Evaluation } from '../../src/core/engine';
import { cellAt, parseA1, type CellInput, type Grid } from '../../src/core/grid';
import type { Finding, Fig } from '../../src/core/types';
import { MAX_CELL_TEXT } from '../../src/core/layout';
import { cleanWorkbook, plant } from './model';

const DEPT = 'tables.0.';
const PROJ = 'tables.1.';

/** Evaluates the clean workbook with one cell replaced. */
function withCell(path: string, v: CellInput): { ev: Evaluation; where: { sheet: string; cell: string }; grid: Grid } {
  const { grid, addr } = cleanWorkbook();
  const where = plant(grid, addr, path, v);
  return { ev: evaluate(grid), where, grid };
}

/** What every evaluation must satisfy, whatever the cell held. */
function sane(ev: Evaluation, grid: Grid): void {
  const names = grid.sheets.map((s) => s.name);
  for (const f of ev.findings) {
    expect(f.message).not.toMatch(/NaN|undefined|Infinity|null|\[object/);
    expect(f.message.length).toBeLessThan(300);
    expect(names).toContain(f.sheet);
    expect(() => parseA1(f.cell)).not.toThrow();
  }
  for (const m of marksOf(ev)) expect(m.note.length).toBeLessThan(2000);
  const layout = reportSheetOf(ev, names);
  for (const c of layout.cells) {
    if (typeof c.value === 'string') {
      expect(c.value.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
      expect(c.value).not.toMatch(/NaN|undefined|Infinity/);
    } else expect(Number.isFinite(c.value)).toBe(true);
  }
}

const on = (ev: Evaluation, where: { sheet: string; cell: string }): Finding[] => ev.findings.filter((f) => f.sheet === where.sheet && f.cell === where.cell);
const rulesOn = (ev: Evaluation, where: { sheet: string; cell: string }) => on(ev, where).map((f) => f.rule);

/** Every figure the reader kept, with its place. */
function figures(ev: Evaluation): Fig<unknown>[] {
  const out: Fig<unknown>[] = [];
  for (const t of ev.read.tables) {
    for (const r of t.funds?.rows ?? []) for (const k of ['initial', 'adjusted', 'executed', 'weight', 'rate', 'score'] as const) if (r[k]) out.push(r[k]!);
    for (const i of t.indicators) for (const k of ['weight', 'score', 'target', 'actual'] as const) if (i[k]) out.push(i[k]!);
    if (t.totals?.score) out.push(t.totals.score);
    if (t.totals?.weight) out.push(t.totals.weight);
  }
  return out;
}
const figAt = (ev: Evaluation, where: { sheet: string; cell: string }) => figures(ev).find((f) => f.ref.sheet === where.sheet && f.ref.cell === where.cell);

test('the clean workbook has no finding at all (the baseline of every case below)', () => {
  const { grid } = cleanWorkbook();
  const ev = evaluate(grid);
  expect(ev.findings).toEqual([]);
  expect(ev.profile.id).toBe('hebei-county');
});

describe('error values', () => {
  const paths = [
    'funds.rows.0.executed', // amount
    'funds.rows.1.initial', // amount of a component row
    'funds.rows.0.rate',
    'funds.rows.0.score',
    'indicators.0.weight',
    'indicators.2.score',
    'indicators.1.target',
    'indicators.3.actual',
    'totalScore',
  ];
  for (const err of ['#DIV/0!', '#REF!', '#N/A']) {
    for (const table of [DEPT, PROJ]) {
      test.each(paths)(`${err} in ${table}%s: a structure.cell_error on its cell, the figure read as none`, (p) => {
        const { ev, where, grid } = withCell(table + p, { value: null, error: err });
        sane(ev, grid);
        const mine = on(ev, where).filter((f) => f.rule === 'structure.cell_error');
        expect(mine).toHaveLength(1);
        expect(mine[0].severity).toBe('error');
        expect(mine[0].message).toContain(err);
        const fig = figAt(ev, where);
        expect(fig).toBeDefined();
        expect(fig!.error).toBe(err);
        if (!/target|actual/.test(p)) expect(fig!.value).toBeNull();
      });
    }
  }
});

describe('dates (serial numbers with a date format)', () => {
  const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

  test('a date target and a date actual are read as dates: met on time, no finding', () => {
    const { grid, addr } = cleanWorkbook();
    plant(grid, addr, PROJ + 'indicators.1.target', { value: serial(2025, 12, 31), format: 'yyyy-mm-dd' });
    const a = plant(grid, addr, PROJ + 'indicators.1.actual', { value: serial(2025, 11, 30), format: 'yyyy"年"m"月"d"日"' });
    const ev = evaluate(grid);
    sane(ev, grid);
    const ind = ev.read.tables[1].indicators[1];
    expect(ind.target.value).toMatchObject({ kind: 'date', low: 20251231 });
    expect(ind.actual.value).toMatchObject({ kind: 'date', low: 20251130 });
    expect(ind.actual.ref).toEqual(a);
    expect(ev.findings).toEqual([]);
  });

  test('a date actual after a 12月底前 deadline with full marks is found on the score cell, never read as a number', () => {
    const { grid, addr } = cleanWorkbook();
    plant(grid, addr, PROJ + 'indicators.1.actual', { value: serial(2026, 2, 15), format: 'yyyy-mm-dd' });
    const ev = evaluate(grid);
    sane(ev, grid);
    expect(ev.read.tables[1].indicators[1].actual.value).toMatchObject({ kind: 'date', low: 20260215 });
    const score = addr[PROJ + 'indicators.1.score'];
    expect(rulesOn(ev, score)).toContain('score.recomputed');
    expect(ev.findings.some((f) => f.message.includes(String(serial(2026, 2, 15))))).toBe(false);
  });

  test.each([
    ['funds.rows.0.executed', 'yyyy-mm-dd'],
    ['funds.rows.1.adjusted', 'yyyy/m/d'],
    ['indicators.0.weight', 'm/d/yy'],
    ['indicators.0.score', 'yyyy"年"m"月"d"日"'],
    ['funds.rows.0.rate', 'yyyy-mm-dd'],
  ])('a date in the %s cell (%s) is reported on its cell and never used as a number', (p, format) => {
    const v = serial(2024, 1, 1); // 45292
    const { ev, where, grid } = withCell(DEPT + p, { value: v, format });
    sane(ev, grid);
    const mine = on(ev, where).filter((f) => f.rule === 'structure.cell_error');
    expect(mine).toHaveLength(1);
    expect(mine[0].message).toContain('2024-01-01');
    expect(figAt(ev, where)?.value).toBeNull();
    for (const f of ev.findings) expect(f.message).not.toContain('45292');
  });
});

describe('booleans', () => {
  test.each(['funds.rows.0.executed', 'funds.rows.2.adjusted', 'funds.rows.0.rate', 'funds.rows.0.score', 'indicators.0.score', 'totalScore'])(
    'TRUE / FALSE in the %s cell is reported on its cell as not a number',
    (p) => {
      for (const b of [true, false]) {
        const { ev, where, grid } = withCell(DEPT + p, b);
        sane(ev, grid);
        const mine = on(ev, where).filter((f) => f.rule === 'structure.cell_error');
        expect(mine).toHaveLength(1);
        expect(mine[0].message).toContain(b ? 'TRUE' : 'FALSE');
        expect(figAt(ev, where)?.value).toBeNull();
      }
    },
  );

  test('TRUE as a weight is a missing weight on its cell; TRUE as an actual is a value that is not a number', () => {
    const w = withCell(DEPT + 'indicators.0.weight', true);
    sane(w.ev, w.grid);
    expect(rulesOn(w.ev, w.where)).toEqual(expect.arrayContaining(['structure.cell_error', 'weight.nonpositive']));
    const a = withCell(DEPT + 'indicators.0.actual', true);
    sane(a.ev, a.grid);
    expect(a.ev.read.tables[0].indicators[0].actual.value).toMatchObject({ kind: 'qualitative', text: 'TRUE' });
    expect(rulesOn(a.ev, a.where)).toEqual(['indicator.unparsed']);
  });
});

describe('formulas with cached results', () => {
  test('every number of the workbook a formula: read by its cached result, the same as typed numbers', () => {
    const { grid } = cleanWorkbook();
    let n = 0;
    for (const s of grid.sheets)
      for (const row of s.rows)
        row?.forEach((c, j) => {
          if (c && typeof c.value === 'number') {
            row[j] = { ...c, formula: true };
            n++;
          }
        });
    expect(n).toBeGreaterThan(30);
    const ev = evaluate(grid);
    expect(ev.findings).toEqual([]);
    expect(ev.check.results[0].computedTotal).toBeCloseTo(99.5, 9);
  });

  test('a formula whose cached result is wrong is found on its cell with the cached figure', () => {
    const { ev, where, grid } = withCell(DEPT + 'funds.rows.0.score', { value: 9.2, format: '0.00', formula: true });
    sane(ev, grid);
    const f = on(ev, where).find((x) => x.rule === 'exec.score');
    expect(f).toBeDefined();
    expect(f!.actual).toBe(9.2);
    expect(f!.expected).toBe(9.5);
  });
});

describe('rich text and hyperlinks (flattened to their text by the hosts)', () => {
  test('a target written in runs reads as the runs joined; a linked name reads as its text', () => {
    const { grid, addr } = cleanWorkbook();
    plant(grid, addr, DEPT + 'indicators.0.target', ['≥', '50', '场'].join(''));
    plant(grid, addr, DEPT + 'indicators.0.name', '送戏下乡场次（详见 https://example.gov.cn/）');
    const ev = evaluate(grid);
    sane(ev, grid);
    expect(ev.read.tables[0].indicators[0].target.value).toMatchObject({ kind: 'number', comparator: 'ge', low: 50, unit: '场' });
    expect(ev.findings).toEqual([]);
  });
});

describe('very long text (100,000 characters)', () => {
  const long = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);

  test('in a label cell (an indicator name): read whole, messages stay short', () => {
    const { grid, addr } = cleanWorkbook();
    const name = long('送戏下乡场次');
    plant(grid, addr, DEPT + 'indicators.0.name', name);
    plant(grid, addr, DEPT + 'indicators.0.score', 15); // a finding that names the indicator
    const ev = evaluate(grid);
    sane(ev, grid);
    expect(ev.read.tables[0].indicators[0].name).toBe(name);
    const named = ev.findings.filter((x) => x.message.includes('送戏下乡场次'));
    expect(named.length).toBeGreaterThan(0);
    for (const f of named) expect(f.message).toContain('…');
  });

  test('in a target cell: unreadable, reported on its cell with a short quote', () => {
    const { ev, where, grid } = withCell(DEPT + 'indicators.0.target', '≥50场' + long('，'));
    sane(ev, grid);
    expect(rulesOn(ev, where)).toEqual(['indicator.unparsed']);
    expect(String(on(ev, where)[0].actual).length).toBeLessThanOrEqual(41);
  });

  test('in a 偏差原因 cell: read whole; the report cell holding it stays within Excel’s 32,767 characters', () => {
    const { grid, addr } = cleanWorkbook();
    plant(grid, addr, DEPT + 'indicators.0.score', 19.6); // 20 × 49 ÷ 50
    plant(grid, addr, DEPT + 'indicators.0.actual', '49场');
    plant(grid, addr, DEPT + 'totalScore', 99.1);
    const dev = '场地受天气影响。' + long('原因');
    plant(grid, addr, DEPT + 'indicators.0.deviation', dev);
    const ev = evaluate(grid);
    sane(ev, grid);
    expect(ev.read.tables[0].indicators[0].deviation?.value).toBe(dev.trim());
    expect(ev.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const layout = reportSheetOf(ev, grid.sheets.map((s) => s.name));
    const cut = layout.cells.filter((c) => typeof c.value === 'string' && c.value.includes('场地受天气影响'));
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect((c.value as string).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});

describe('numbers like 1e-7 and 1.0000000002', () => {
  test('weights and scores with float noise (20.0000000002, 19.9999999998) add up without weight.total or score.total noise', () => {
    const { grid, addr } = cleanWorkbook();
    for (const t of [DEPT, PROJ]) {
      plant(grid, addr, t + 'indicators.0.weight', 20.0000000002);
      plant(grid, addr, t + 'indicators.1.weight', 19.9999999998);
      plant(grid, addr, t + 'indicators.0.score', 20.0000000002);
      plant(grid, addr, t + 'indicators.1.score', 19.9999999998);
      plant(grid, addr, t + 'funds.rows.1.executed', (t === DEPT ? 57 : 38) + 2e-10);
      plant(grid, addr, t + 'totalScore', 99.50000000001);
    }
    const ev = evaluate(grid);
    sane(ev, grid);
    expect(ev.findings).toEqual([]);
  });

  test('a weight of 1.0000000002 where 20 belongs is the weight 1: found, and printed as 1', () => {
    const { ev, where, grid } = withCell(DEPT + 'indicators.0.weight', 1.0000000002);
    sane(ev, grid);
    expect(figAt(ev, where)?.value).toBe(1.0000000002);
    const total = ev.findings.find((f) => f.rule === 'weight.total');
    expect(total?.message).toContain('合计 81');
    for (const f of ev.findings) expect(f.message).not.toMatch(/\d\.\d{3,}/);
  });

  test.each([
    ['indicators.0.score', 1e-7],
    ['indicators.0.score', '1e-7'],
    ['indicators.0.weight', 1e-7],
    ['funds.rows.1.executed', 1e-7],
    ['funds.rows.0.score', 1e-7],
  ])('%s = %p is the tiny number it is: found where it is wrong, printed as 0, never NaN', (p, v) => {
    const { ev, where, grid } = withCell(DEPT + p, v);
    sane(ev, grid);
    expect(figAt(ev, where)?.value).toBe(1e-7);
    expect(ev.findings.length).toBeGreaterThan(0);
    expect(on(ev, where).length + ev.findings.filter((f) => f.rule === 'funds.components').length).toBeGreaterThan(0);
  });

  test('a score of 1e-7 on a zero-scored indicator is a zero score: no score finding', () => {
    const { grid, addr } = cleanWorkbook();
    plant(grid, addr, DEPT + 'indicators.0.actual', '0场');
    plant(grid, addr, DEPT + 'indicators.0.score', 1e-7);
    plant(grid, addr, DEPT + 'indicators.0.deviation', '全年未能组织送戏下乡。');
    plant(grid, addr, DEPT + 'totalScore', 79.5);
    plant(grid, addr, DEPT + 'grade', '中');
    const ev = evaluate(grid);
    sane(ev, grid);
    expect(ev.findings.filter((f) => f.sheet === '部门整体' && f.rule.startsWith('score.'))).toEqual([]);
  });
});

test('a cell holding an object the core never sees from a host still never crashes the core', () => {
  // Defensive: the hosts give string | number | boolean | null, but a NaN or an Infinity must not
  // become a figure either.
  for (const v of [NaN, Infinity, -Infinity]) {
    const { ev, where, grid } = withCell(DEPT + 'indicators.0.score', v);
    sane(ev, grid);
    expect(figAt(ev, where)?.value ?? null).toBeNull();
    expect(rulesOn(ev, where)).toContain('structure.cell_error');
  }
  expect(cellAt(cleanWorkbook().grid.sheets[0], 0, 0)).toBeDefined();
});

// A property over the same ground: any of these cells in any figure, target or label cell of either
// table, several at once. Fixed seed; SELFEVAL_PROPERTY_RUNS scales it (scripts/nightly.sh).
test('any mix of Excel cell kinds in figure, value and label cells: no crash, no NaN, a finding on every unreadable figure cell', () => {
  const RUNS = Number(process.env.SELFEVAL_PROPERTY_RUNS) || 200;
  const { addr } = cleanWorkbook();
  const paths = Object.keys(addr).filter((p) => /^tables\.\d\.(funds\.rows\.\d\.(initial|adjusted|executed|rate|score|weight)|indicators\.\d\.(weight|score|target|actual|name|deviation)|totalScore|totalWeight|grade)$/.test(p));
  const cellArb = fc.oneof(
    fc.constantFrom<CellInput>({ value: null, error: '#DIV/0!' }, { value: null, error: '#REF!' }, { value: null, error: '#N/A' }, true, false, 1e-7, 1.0000000002, '1e-7', '', '—', 'x'.repeat(100_000)),
    fc.record({ value: fc.integer({ min: 1, max: 60000 }), format: fc.constantFrom('yyyy-mm-dd', 'm/d/yy', '0.00%', '0.00', 'General') }),
    fc.record({ value: fc.double({ min: -1e6, max: 1e6, noNaN: true }), formula: fc.constant(true) }),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), cellArb), { minLength: 1, maxLength: 4 }), (changes) => {
      const { grid, addr: a } = cleanWorkbook();
      for (const [p, v] of changes) plant(grid, a, p, v);
      const ev = evaluate(grid);
      sane(ev, grid);
      for (const f of figures(ev)) {
        if (f.value === null && f.text !== undefined && f.text.trim() !== '' && !/^[-—–/\\*无空]+$|^N\/?A$/i.test(f.text.trim())) {
          expect(ev.findings.some((x) => x.sheet === f.ref.sheet && x.cell === f.ref.cell)).toBe(true);
        }
      }
    }),
    { seed: 20250612, numRuns: RUNS, endOnFailure: false },
  );
});
