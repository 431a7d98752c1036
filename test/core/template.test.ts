import { cellAt, cellText, parseA1, type Grid } from '../../src/core/grid';
import { layoutWorkbook, templateLayouts, sheetToLayout, type WorkbookModel, type LayoutOptions } from '../../src/core/template';
import { sampleGrid, sampleModel } from '../../src/core/sample';

function at(grid: Grid, ref: { sheet: string; cell: string }) {
  const sheet = grid.sheets.find((s) => s.name === ref.sheet);
  if (!sheet) throw new Error(`no sheet ${ref.sheet}`);
  const { r, c } = parseA1(ref.cell);
  return cellAt(sheet, r, c);
}

/** Every figure of the model, with its model path. */
function figures(model: WorkbookModel): [string, unknown][] {
  const out: [string, unknown][] = [];
  model.tables.forEach((t, i) => {
    const p = `tables.${i}`;
    out.push([`${p}.name`, t.name]);
    if (t.competentDept) out.push([`${p}.competentDept`, t.competentDept]);
    if (t.implementer) out.push([`${p}.implementer`, t.implementer]);
    t.funds.rows.forEach((r, j) => {
      for (const k of ['initial', 'adjusted', 'executed', 'weight', 'rate', 'score'] as const) if (r[k] !== undefined && r[k] !== null) out.push([`${p}.funds.rows.${j}.${k}`, r[k]]);
    });
    if (t.goals) {
      out.push([`${p}.goals.expected`, t.goals.expected]);
      out.push([`${p}.goals.actual`, t.goals.actual]);
    }
    t.indicators.forEach((ind, k) => {
      for (const f of ['name', 'target', 'actual', 'weight', 'score', 'deviation', 'tier'] as const) if (ind[f] !== undefined) out.push([`${p}.indicators.${k}.${f}`, ind[f]]);
    });
    if (t.totalScore !== undefined) out.push([`${p}.totalScore`, t.totalScore]);
    if (t.grade !== undefined) out.push([`${p}.grade`, t.grade]);
  });
  if (model.basic) {
    out.push(['basic.department', model.basic.department]);
    out.push(['basic.year', model.basic.year]);
    for (const [k, v] of Object.entries(model.basic.fields ?? {})) out.push([`basic.fields.${k}`, v]);
    (model.basic.team ?? []).forEach((m, i) => out.push([`basic.team.${i}.name`, m.name]));
  }
  return out;
}

describe('layoutWorkbook', () => {
  const model = sampleModel();

  test('puts every figure of the model where the addr map says (plain layout)', () => {
    const { grid, addr } = layoutWorkbook(model);
    expect(grid.sheets.map((s) => s.name)).toEqual(['基本情况', '部门整体', '项目1', '项目2']);
    for (const [path, v] of figures(model)) {
      expect(addr[path]).toBeDefined();
      const cell = at(grid, addr[path]);
      expect(cell).toBeDefined();
      expect(cell!.value).toBe(v);
    }
    // 执行率 as a fraction with a percent format by default.
    const rate = at(grid, addr['tables.0.funds.rows.0.rate'])!;
    expect(rate.format).toBe('0.00%');
  });

  test('writes the standard labels: title, year line, funds and indicator headers, level-1 weights, totals', () => {
    const { grid, addr } = layoutWorkbook(model);
    expect(at(grid, addr['tables.0.title'])!.value).toBe('井陉县委网信办2025年度部门整体支出绩效自评表');
    expect(at(grid, addr['tables.1.title'])!.value).toBe('2025年度项目支出绩效自评表');
    expect(at(grid, addr['tables.0.year'])!.value).toBe('（2025年度）');
    expect(at(grid, addr['tables.0.funds.header'])!.value).toBe('预算资金（万元）');
    expect(at(grid, addr['tables.0.level1Weights.产出指标'])!.value).toBe('产出指标（40分）');
    expect(at(grid, addr['tables.0.totals.label'])!.value).toBe('总分');
    expect(at(grid, addr['tables.0.totalWeight'])!.value).toBe(100);
    expect(at(grid, addr['tables.0.grade.label'])!.value).toBe('评价等级');
    const sheet = grid.sheets[1];
    const h = parseA1(addr['tables.0.indicatorHeader'].cell);
    const header = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((c) => cellText(cellAt(sheet, h.r, h.c + c)));
    expect(header).toEqual(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
    const f = parseA1(addr['tables.0.funds.header'].cell);
    expect([2, 3, 4, 5, 6, 7].map((c) => cellText(cellAt(sheet, f.r, f.c + c)))).toEqual(['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    // Level-1 cells merged down their group.
    const l1 = parseA1(addr['tables.0.indicators.0.level1'].cell);
    const merge = sheet.merges.find((m) => m.r1 === l1.r && m.c1 === l1.c);
    const n = model.tables[0].indicators.filter((i) => i.level1 === '产出指标').length;
    expect(merge && merge.r2 - merge.r1 + 1).toBe(n);
    // The team.
    const team = grid.sheets[0];
    const th = parseA1(addr['basic.team.header'].cell);
    expect([0, 1, 2, 3, 4].map((c) => cellText(cellAt(team, th.r, th.c + c)))).toEqual(['姓名', '工作单位', '职务', '职称', '备注']);
  });

  test('drift options move cells but the addr map follows them', () => {
    const opts: LayoutOptions = {
      origin: 'C4',
      levelCells: 'blank',
      numbersAsText: true,
      rateForm: 'text',
      headerSynonyms: 5,
      extraBlankRows: true,
      labelSpaces: true,
      twoRowHeader: true,
      weightBeforeTarget: true,
      sheetNames: ['甲', '乙', '丙'],
      extraSheets: 2,
      hiddenColumn: true,
    };
    const { grid, addr } = layoutWorkbook(model, opts);
    expect(grid.sheets.map((s) => s.name)).toEqual(['基本情况', '甲', '乙', '丙', '说明', '附表1']);
    const score = at(grid, addr['tables.0.indicators.11.score'])!;
    expect(score.value).toBe('2.25');
    expect(addr['tables.0.indicators.11.score'].sheet).toBe('甲');
    const rate = at(grid, addr['tables.0.funds.rows.0.rate'])!;
    expect(rate.value).toBe('93.10%');
    expect(parseA1(addr['tables.0.title'].cell)).toEqual({ r: 3, c: 2 });
    // Blank level cells: only the group's first row holds the level-1 name.
    const second = parseA1(addr['tables.0.indicators.0.target'].cell);
    expect(cellAt(grid.sheets[1], second.r + 1, parseA1(addr['tables.0.indicators.0.level1'].cell).c)).toBeUndefined();
    expect(grid.sheets[1].hiddenColumns?.length).toBe(1);
  });

  test('percent rate form and full-width digits', () => {
    const { grid, addr } = layoutWorkbook(model, { rateForm: 'percent', fullWidthDigits: true, levelCells: 'repeated' });
    expect(at(grid, addr['tables.0.funds.rows.0.rate'])!.value).toBe(93.1);
    expect(at(grid, addr['tables.0.indicators.0.target'])!.value).toBe('≥５００篇');
    expect(at(grid, addr['tables.0.indicators.1.level1'])!.value).toBe('产出指标（40分）');
  });
});

test('funds and indicator column variants, grade on the totals row, numbered names', () => {
  const model = sampleModel();
  const { grid, addr } = layoutWorkbook(model, { fundsColumns: 'weightInHeader', noWeightColumn: true, gradePlace: 'totals', numberedNames: 'colon', noYearLine: true });
  expect(at(grid, addr['tables.0.funds.headerWeight'])!.value).toBe('预算执行情况（万元）（10分）');
  expect(addr['tables.0.funds.rows.0.weight']).toBeUndefined();
  expect(addr['tables.0.indicators.0.weight']).toBeUndefined();
  expect(addr['tables.0.totalWeight']).toBeUndefined();
  expect(at(grid, addr['tables.0.indicators.0.name'])!.value).toBe('指标1：推送重要讲话及理论文章');
  const g = parseA1(addr['tables.0.grade'].cell);
  expect(g.r).toBe(parseA1(addr['tables.0.totalScore'].cell).r);
  expect(addr['tables.0.year']).toEqual(addr['tables.0.title']);
  const noInit = layoutWorkbook(model, { fundsColumns: 'noInitial' }).addr;
  expect(noInit['tables.0.funds.rows.0.initial']).toBeUndefined();
});

describe('sample', () => {
  test('department: weights 100, total 98 = Σ scores + execution score, 项目支出 = Σ projects', () => {
    const m = sampleModel();
    for (const t of m.tables) {
      const total = t.funds.rows[0];
      const w = t.indicators.reduce((s, i) => s + (i.weight ?? 0), 0) + (total.weight ?? 0);
      expect(w).toBeCloseTo(100, 6);
      const s = t.indicators.reduce((a, i) => a + (i.score ?? 0), 0) + (total.score ?? 0);
      expect(Math.abs(s - (t.totalScore ?? 0))).toBeLessThan(0.005);
      const rate = (total.executed as number) / (total.adjusted as number);
      expect(Math.abs(rate * 10 - (total.score ?? 0))).toBeLessThan(0.005);
      for (const l1 of ['产出指标', '效益指标', '满意度指标']) {
        const g = t.indicators.filter((i) => i.level1 === l1).reduce((a, i) => a + (i.weight ?? 0), 0);
        expect(g).toBe(t.level1Weights?.[l1]);
      }
    }
    expect(m.tables[0].totalScore).toBe(98);
    const projects = m.tables.filter((t) => t.kind === 'project').reduce((a, t) => a + (t.funds.rows[0].adjusted as number), 0);
    expect(projects).toBeCloseTo(m.tables[0].funds.rows.find((r) => r.label === '项目支出')!.adjusted as number, 6);
    expect(sampleGrid().sheets.length).toBe(4);
  });
});

describe('templateLayouts', () => {
  test('three sheets, labels only, names unique against existing ones', () => {
    const ls = templateLayouts(['基本情况', 'Sheet1', '部门整体']);
    expect(ls.map((l) => l.name)).toEqual(['基本情况 (2)', '部门整体 (2)', '项目1']);
    const all = ls.flatMap((l) => l.cells.map((c) => c.value));
    expect(all).toContain('部门整体支出绩效自评表');
    expect(all).toContain('项目支出绩效自评表');
    expect(all).toContain('评价工作组');
    expect(all).toContain('年初预算收入');
    expect(all.filter((v) => typeof v === 'number')).toEqual([]);
    expect(templateLayouts([]).map((l) => l.name)).toEqual(['基本情况', '部门整体', '项目1']);
  });

  test('sheetToLayout keeps values, formats and merges', () => {
    const { grid } = layoutWorkbook(sampleModel());
    const l = sheetToLayout(grid.sheets[1]);
    expect(l.merges).toContain('A1:I1');
    expect(l.cells.find((c) => c.value === 154.74)?.format).toBe('0.00');
    expect(l.orientation).toBe('landscape');
  });
});
