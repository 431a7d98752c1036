// The whole engine on a damaged workbook: the sample with the spec's own labels, numbers,
// values, error cells and merges dropped into random places, rows blanked or repeated. Whatever the reader makes of them, the checks,
// the report, its sheet layout and the marks must come out whole: no exception, no sheet
// given up as unreadable because the engine itself failed, every address real.

import fc from 'fast-check';
import { evaluate, marksOf, reportSheetOf } from '../../src/core/engine';
import { BUILTIN_PROFILES } from '../../src/core/profiles';
import { a1, parseA1, setCell, type CellInput, type Grid } from '../../src/core/grid';
import { sampleGrid } from '../../src/core/sample';

const RUNS = Number(process.env.SELFEVAL_PROPERTY_RUNS ?? 150);

const WORDS = [
  '项目支出绩效自评表', '某县2025年度部门整体支出绩效自评表', '（2025年度）', '项目名称', '部门名称：某县某局', '主管部门', '实施单位',
  '预算资金（万元）', '预算执行情况（元）（20分）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分',
  '年度资金总额', '其中：基本支出', '项目支出', '当年财政拨款', '上年结转', '其他资金', '年度总体目标', '预期目标', '实际完成情况',
  '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '完成档次', '指标性质', '度量单位',
  '产出指标（40分）', '效益指标', '满意度指标（10分）', '数量指标', '社会效益指标', '服务对象满意度指标', '指标1：', '……',
  '≥5个', '≤3%', '90%-95%', '500余篇', '3万余条', '12月底前', '及时', '达成', '未完成', '=12期', '≥', '定性', '篇',
  '总分（100分）', '合计', '评价等级', '自评等级：良', '优', '良好', '—', '/', '', '部门名称', '评价年度', '2025年', '权重方案', '河北',
  '资产总额', '固定资产', '年初预算收入', '评价工作组', '姓名', '工作单位', '职务', '职称', '备注',
];

const cellArb: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.double({ min: -1, max: 2, noNaN: true }).map((v) => ({ value: v, format: '0.00%' })) },
  { weight: 1, arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A').map((e) => ({ value: null, error: e })) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, { value: 45658, format: 'yyyy-mm-dd' }) },
  { weight: 4, arbitrary: fc.constant(null) },
);

/** The sample workbook with random cells overwritten, rows blanked or repeated, merges added, 基本情况 sometimes gone. */
const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    dropBasic: fc.boolean(),
    edits: fc.array(fc.record({ sheet: fc.nat(3), r: fc.nat(45), c: fc.nat(9), v: cellArb }), { minLength: 1, maxLength: 25 }),
    blank: fc.array(fc.record({ sheet: fc.nat(3), r: fc.nat(45) }), { maxLength: 3 }),
    repeat: fc.array(fc.record({ sheet: fc.nat(3), r: fc.nat(45) }), { maxLength: 3 }),
    merges: fc.array(fc.record({ sheet: fc.nat(3), r: fc.nat(40), c: fc.nat(7), h: fc.nat(3), w: fc.nat(2) }), { maxLength: 3 }),
    renames: fc.array(fc.constantFrom('项目 二', "O'表", '（说明）', 'Sheet1'), { maxLength: 2 }),
  })
  .map(({ dropBasic, edits, blank, repeat, merges, renames }) => {
    const grid = sampleGrid();
    const sheets = grid.sheets;
    for (const e of edits) setCell(sheets[e.sheet], a1(e.r, e.c), e.v);
    for (const b of blank) sheets[b.sheet].rows[b.r] = [];
    for (const p of repeat) {
      const rows = sheets[p.sheet].rows;
      if (rows[p.r]) rows.splice(p.r, 0, rows[p.r].map((c) => (c ? { ...c } : c)));
    }
    for (const m of merges) sheets[m.sheet].merges.push({ r1: m.r, c1: m.c, r2: m.r + m.h, c2: m.c + m.w });
    renames.forEach((n, i) => (sheets[2 + i].name = n));
    return { sheets: dropBasic ? sheets.slice(1) : sheets };
  });

test('any damaged workbook: evaluation, report, report sheet and marks come out whole under every profile', () => {
  const seen = { tables: 0, indicators: 0, findings: 0 };
  fc.assert(
    fc.property(gridArb, fc.constantFrom(...BUILTIN_PROFILES.map((p) => p.id)), (grid, profile) => {
      const names = new Set(grid.sheets.map((s) => s.name));
      const ev = evaluate(grid, { profile });
      expect(ev.findings.filter((f) => f.rule === 'structure.sheet_unreadable')).toEqual([]);
      for (const f of ev.findings) {
        expect(names.has(f.sheet)).toBe(true);
        expect(() => parseA1(f.cell)).not.toThrow();
        expect(f.message.length).toBeGreaterThan(0);
        for (const x of [f.expected, f.actual]) if (typeof x === 'number') expect(Number.isFinite(x)).toBe(true);
      }
      const doc = ev.report;
      expect(doc.title).toMatch(/绩效自评报告$/);
      for (const fig of doc.figures) expect(names.has(fig.ref.sheet)).toBe(true);
      const text = doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
      expect(text).not.toMatch(/NaN|undefined|Infinity|\[object /);
      const layout = reportSheetOf(ev, [...names]);
      expect(names.has(layout.name)).toBe(false);
      seen.tables += ev.read.tables.length;
      seen.indicators += ev.read.tables.reduce((n, t) => n + t.indicators.length, 0);
      seen.findings += ev.findings.length;
      const marks = marksOf(ev);
      expect(new Set(marks.map((m) => `${m.sheet}!${m.cell}`)).size).toBe(marks.length);
    }),
    { seed: 20261128, numRuns: RUNS },
  );
  // The damage must reach the checks: tables and indicators are still found, not only rejected.
  expect(seen.tables).toBeGreaterThan(RUNS / 4);
  expect(seen.indicators).toBeGreaterThan(RUNS / 4);
});
