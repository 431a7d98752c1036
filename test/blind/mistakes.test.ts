// Blind tests: one realistic mistake planted in an otherwise correct table, and the finding it must give,
// on the cell rules.md §3 names.
// standardProject layout (helpers.ts): funds header row 6, funds rows 7 (年度资金总额) 8 9, indicator header row 10,
// indicators rows 11..17 (C name | D target | E actual | F 分值 | G 得分 | H 偏差原因), 总分 row 18, 评价等级 row 19.

import { makeSheet, setCell } from '../../src/core/grid';
import { at, errors, list, run, standardProject, tableOf } from './helpers';

const S = '项目表';
const fresh = () => standardProject(S);

describe('W14 mistakes planted in the standard project', () => {
  test('layout assumption holds (rows of the standard project)', () => {
    const L = fresh();
    expect([L.fundsHeader, L.funds[0], L.indHeader, L.ind[0], L.ind[6], L.total, L.grade]).toEqual([6, 7, 10, 11, 17, 18, 19]);
    const ev = run([L.sheet]);
    expect(errors(ev)).toEqual([]);
    expect(at(ev, 'structure.no_profile', S, 'A1')?.severity).toBe('info');
  });

  test('weight.total: 质量指标 weighted 15 instead of 10 (Σ = 105) -> at the 总分 分值 cell F18, only error', () => {
    const L = fresh();
    setCell(L.sheet, 'F12', 15);
    setCell(L.sheet, 'G12', 15);
    setCell(L.sheet, 'G18', 101.5); // Σ stated 92 + 9.5
    const ev = run([L.sheet]);
    expect(errors(ev)).toEqual([`weight.total@${S}!F18`]);
    expect(at(ev, 'weight.level1', S, 'F11')?.severity).toBe('warning');
  });

  test('weight.total: the 总分 row says 90 while the weights add to 100 -> at F18', () => {
    const L = fresh();
    setCell(L.sheet, 'F18', 90);
    const ev = run([L.sheet]);
    expect(errors(ev)).toEqual([`weight.total@${S}!F18`]);
  });

  test('weight.nonpositive: 时效指标 分值 left empty -> at F13', () => {
    const L = fresh();
    setCell(L.sheet, 'F13', null);
    const ev = run([L.sheet]);
    expect(at(ev, 'weight.nonpositive', S, 'F13')?.severity).toBe('error');
  });

  test('score.range: 22 written for a 20-point indicator -> at G11', () => {
    const L = fresh();
    setCell(L.sheet, 'G11', 22);
    setCell(L.sheet, 'G18', 98.5);
    const ev = run([L.sheet]);
    expect(at(ev, 'score.range', S, 'G11')?.severity).toBe('error');
    expect(errors(ev).every((x) => x.endsWith('!G11'))).toBe(true);
  });

  test('indicator.value_missing: 满意度 actual left empty -> at E17', () => {
    const L = fresh();
    setCell(L.sheet, 'E17', null);
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.value_missing', S, 'E17')?.severity).toBe('error');
    expect(errors(ev).filter((x) => !x.endsWith('!E17'))).toEqual([]);
  });

  test('indicator.value_missing: target written as — -> at D13', () => {
    const L = fresh();
    setCell(L.sheet, 'D13', '—');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.value_missing', S, 'D13')?.severity).toBe('error');
  });

  test('indicator.duplicate: the 质量指标 row copied the name of the first -> warning at C12', () => {
    const L = fresh();
    setCell(L.sheet, 'C12', '新建村级服务站数量');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.duplicate', S, 'C12')?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });

  test('indicator.unparsed: numeric target ≥20个, actual 完成 -> warning at E11', () => {
    const L = fresh();
    setCell(L.sheet, 'E11', '完成');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.unparsed', S, 'E11')?.severity).toBe('warning');
  });

  test('indicator.unit_mismatch: ≥5000人次 vs 4500人 -> warning at E15', () => {
    const L = fresh();
    setCell(L.sheet, 'E15', '4500人');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.unit_mismatch', S, 'E15')?.severity).toBe('warning');
  });

  test('indicator.unit_mismatch: ≤15万元 vs 145000元 -> warning at E14', () => {
    const L = fresh();
    setCell(L.sheet, 'E14', '145000元');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.unit_mismatch', S, 'E14')?.severity).toBe('warning');
  });

  test('indicator.deviation_missing: 18 of 20 and the 偏差原因 cell emptied -> warning at H15', () => {
    const L = fresh();
    setCell(L.sheet, 'H15', null);
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.deviation_missing', S, 'H15')?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });

  test('indicator.overachieved: 30 stations for a target of ≥20 (150 %) with no explanation -> warning at E11', () => {
    const L = fresh();
    setCell(L.sheet, 'E11', '30个');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.overachieved', S, 'E11')?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });

  test('score.inflated: qualitative row given full marks while 偏差原因 says 滞后 -> warning at G16', () => {
    const L = fresh();
    setCell(L.sheet, 'G16', 10);
    setCell(L.sheet, 'H16', '运维机制建设进度滞后，未完成年度目标');
    setCell(L.sheet, 'G18', 97.5);
    const ev = run([L.sheet]);
    expect(at(ev, 'score.inflated', S, 'G16')?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });

  test('weight.execution: the 年度资金总额 row weighted 20 under mof-2020 (10) -> warning at E7', () => {
    const L = fresh();
    setCell(L.sheet, 'E7', 20);
    setCell(L.sheet, 'G7', 19);
    setCell(L.sheet, 'G18', 106);
    const ev = run([L.sheet]);
    expect(at(ev, 'weight.execution', S, 'E7')?.severity).toBe('warning');
    expect(at(ev, 'weight.total', S, 'F18')?.severity).toBe('error');
  });

  test('weight.level1: 产出指标（40分） declared while its weights add to 50 -> warning at F11', () => {
    const L = fresh();
    setCell(L.sheet, 'A11', '产出指标（40分）');
    const ev = run([L.sheet]);
    expect(at(ev, 'weight.level1', S, 'F11')?.severity).toBe('warning');
    expect(errors(ev)).toEqual([]);
  });

  test('indicator.level_unknown: level-2 效率指标 under 产出指标 -> info at B12', () => {
    const L = fresh();
    setCell(L.sheet, 'B12', '效率指标');
    const ev = run([L.sheet]);
    expect(at(ev, 'indicator.level_unknown', S, 'B12')?.severity).toBe('info');
  });

  test('structure.label_missing: the 实际完成值 header cell is empty -> at the title cell A1', () => {
    const L = fresh();
    setCell(L.sheet, 'E10', null);
    const ev = run([L.sheet]);
    expect(at(ev, 'structure.label_missing', S, 'A1')?.severity).toBe('error');
    expect(tableOf(ev, S).t.missing).toContain('实际完成值');
  });

  test('score.grade: 良 stated for 96.5 -> at B19', () => {
    const L = fresh();
    setCell(L.sheet, 'B19', '良好');
    const ev = run([L.sheet]);
    expect(errors(ev)).toEqual([`score.grade@${S}!B19`]);
  });
});

describe('W15 workbooks with no table, or an unreadable sheet', () => {
  test('only a 填表说明 sheet -> structure.no_table at its A1', () => {
    const ev = run([
      makeSheet('填表说明', [['填表说明'], ['请按照项目支出绩效自评表的格式如实填写各项指标，金额单位为万元。']]),
      makeSheet('Sheet2', []),
    ]);
    expect(ev.read.tables).toEqual([]);
    expect(errors(ev)).toEqual(['structure.no_table@填表说明!A1']);
  });

  test('a sheet the host could not read gives a finding for it; the project beside it is still checked', () => {
    const bad = makeSheet('损坏', []);
    bad.unreadable = '无法读取';
    const L = fresh();
    setCell(L.sheet, 'G11', 22);
    const ev = run([bad, L.sheet]);
    expect(ev.findings.some((f) => f.sheet === '损坏')).toBe(true);
    expect(at(ev, 'score.range', S, 'G11')).toBeDefined();
    expect(tableOf(ev, S).r.computedTotal).toBeCloseTo(96.5, 6);
  });

  test('every finding names a sheet of the workbook and an A1 cell', () => {
    const L = fresh();
    setCell(L.sheet, 'E17', null);
    setCell(L.sheet, 'F18', 90);
    const ev = run([L.sheet]);
    for (const f of ev.findings) {
      expect([S]).toContain(f.sheet);
      expect(f.cell).toMatch(/^[A-Z]{1,3}[0-9]+$/);
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(list(ev).length).toBeGreaterThan(0);
  });
});
