// Every rule the checks emit, on a workbook built by code: one change that fires it at the
// specified cell, and a close variant that does not.

import { evaluate, type Evaluation } from '../../src/core/engine';
import { BUILTIN_PROFILES } from '../../src/core/profiles';
import type { Finding, Profile, RuleId, Severity } from '../../src/core/types';
import { buildWorkbook, standardModel, type StdWorkbook, type WorkbookAddr } from './helpers/standard';

const hebei = BUILTIN_PROFILES[1];

function run(mutate: (m: StdWorkbook) => void = () => undefined, profile?: string | Profile): { ev: Evaluation; addr: WorkbookAddr } {
  const m = standardModel();
  mutate(m);
  const { grid, addr } = buildWorkbook(m);
  return { ev: evaluate(grid, profile === undefined ? {} : { profile }), addr };
}

const of = (ev: Evaluation, rule: RuleId): Finding[] => ev.findings.filter((f) => f.rule === rule);

/** The one finding of `rule` at sheet!cell, with the severity of rules.md §3. */
function expectAt(ev: Evaluation, rule: RuleId, severity: Severity, sheet: string, cell: string | undefined): Finding {
  expect(cell).toBeDefined();
  const hits = ev.findings.filter((f) => f.rule === rule && f.sheet === sheet && f.cell === cell);
  if (hits.length !== 1) throw new Error(`expected one ${rule} at ${sheet}!${cell}, got: ${JSON.stringify(of(ev, rule))}`);
  expect(hits[0].severity).toBe(severity);
  expect(hits[0].message).toMatch(/[\u4e00-\u9fff]/);
  // figures in messages: at most 2 decimals
  expect(hits[0].message).not.toMatch(/\d\.\d{3,}/);
  return hits[0];
}

function expectNone(ev: Evaluation, rule: RuleId): void {
  const hits = of(ev, rule);
  if (hits.length) throw new Error(`expected no ${rule}, got: ${JSON.stringify(hits)}`);
}

const DEPT = 0;
const P1 = 1;
const P2 = 2;

describe('the standard workbook', () => {
  test('is read with all three tables and the hebei-county profile from 权重方案', () => {
    const { ev } = run();
    expect(ev.profile.id).toBe('hebei-county');
    expect(ev.read.tables.map((t) => t.kind)).toEqual(['department', 'project', 'project']);
    expect(ev.check.results.map((r) => r.computedGrade)).toEqual(['优', '优', '优']);
  });
  test('yields no finding at all under its profile', () => {
    const { ev } = run();
    expect(ev.findings).toEqual([]);
  });
  test('yields no error under mof-2020 either (only the level-1 weight warnings)', () => {
    const { ev } = run(undefined, 'mof-2020');
    expect(ev.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(new Set(ev.findings.map((f) => f.rule))).toEqual(new Set(['weight.level1']));
  });
  test('computed results', () => {
    const { ev } = run();
    const [d, p1, p2] = ev.check.results;
    expect(d.executionRate).toBeCloseTo(154.8 / 160, 10);
    expect(d.executionScore).toBeCloseTo(9.675, 10);
    expect(d.execWeight).toBe(10);
    expect(d.computedTotal).toBeCloseTo(87.2 + 9.675, 10);
    expect(d.statedTotal).toBe(96.88);
    expect(d.statedGrade).toBe('优');
    expect(p1.computedTotal).toBeCloseTo(99.6, 10);
    expect(p2.executionRate).toBeCloseTo(6.2 / 6.8, 10);
    expect(p2.computedTotal).toBeCloseTo(87 + (6.2 / 6.8) * 10, 10);
    expect(d.indicators.filter((i) => i.quantitative).length).toBe(6);
    expect(d.indicators[5].tier).toBe('达成');
  });
});

describe('structure.year_mismatch', () => {
  test('fires at the table year cell', () => {
    const { ev } = run((m) => {
      m.tables[P1].yearLine = '（2024年度）';
    });
    const t = ev.read.tables[P1];
    expect(t.year?.value).toBe(2024);
    const f = expectAt(ev, 'structure.year_mismatch', 'warning', t.sheet, t.year!.ref.cell);
    expect(f.expected).toBe(2025);
    expect(f.actual).toBe(2024);
  });
  test('a year written as a number in 基本情况 is the same year', () => {
    const { ev } = run((m) => {
      m.basic!.find((r) => r[0] === '评价年度')![1] = 2025;
    });
    expectNone(ev, 'structure.year_mismatch');
  });
});

describe('weight.total', () => {
  test('the 总分 row weight is not 100', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].totalWeight = 90;
    });
    expectAt(ev, 'weight.total', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].totals.weight);
  });
  test('the indicator weights plus w_exec are not 100', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].weight = 10;
      m.tables[P1].indicators[0].score = 10;
    });
    const f = expectAt(ev, 'weight.total', 'error', addr.tables[P1].sheet, addr.tables[P1].totals.weight);
    expect(f.actual).toBe(95);
    expect(f.expected).toBe(100);
  });
  test('weights moved between indicators still adding up to 100 do not fire', () => {
    const { ev } = run((m) => {
      m.tables[P1].indicators[0].weight = 10;
      m.tables[P1].indicators[0].score = 10;
      m.tables[P1].indicators[1].weight = 20;
      m.tables[P1].indicators[1].score = 20;
    });
    expectNone(ev, 'weight.total');
    expectNone(ev, 'weight.level1');
  });
});

describe('weight.level1', () => {
  test('group weights differ from the profile', () => {
    const { ev, addr } = run(undefined, 'mof-2020');
    const f = expectAt(ev, 'weight.level1', 'warning', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[0].weight);
    expect(f.expected).toBe(50);
    expect(f.actual).toBe(40);
    expectAt(ev, 'weight.level1', 'warning', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[4].weight);
  });
  test('group weights differ from the weight declared in the level-1 cell', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].level1Labels['产出指标'] = '产出指标（45分）';
    });
    const f = expectAt(ev, 'weight.level1', 'warning', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[0].weight);
    expect(f.expected).toBe(45);
    expect(f.message).toContain('45');
  });
  test('a declared weight equal to the group sum and the profile does not fire', () => {
    const { ev } = run((m) => {
      m.tables[P1].level1Labels['产出指标'] = '产出指标(40分)';
    });
    expectNone(ev, 'weight.level1');
  });
});

describe('weight.execution', () => {
  test('the 年度资金总额 row weight differs from the profile', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].funds[0].weight = 20;
      m.tables[P1].funds[0].score = 19.2;
    });
    const f = expectAt(ev, 'weight.execution', 'warning', addr.tables[P1].sheet, addr.tables[P1].funds['年度资金总额'].weight);
    expect(f.expected).toBe(10);
    expect(f.actual).toBe(20);
  });
  test('the profile weight does not fire', () => {
    expectNone(run().ev, 'weight.execution');
  });
});

describe('weight.nonpositive', () => {
  test('zero, negative and empty weights', () => {
    for (const w of [0, -5, null]) {
      const { ev, addr } = run((m) => {
        m.tables[P1].indicators[2].weight = w;
      });
      expectAt(ev, 'weight.nonpositive', 'error', addr.tables[P1].sheet, addr.tables[P1].indicators[2].weight);
    }
  });
  test('a positive weight does not fire', () => {
    const { ev } = run((m) => {
      m.tables[P1].indicators[2].weight = 0.5;
      m.tables[P1].indicators[2].score = 0.5;
    });
    expectNone(ev, 'weight.nonpositive');
  });
});

describe('score.range', () => {
  test('a score above its weight', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].score = 16;
    });
    expectAt(ev, 'score.range', 'error', addr.tables[P1].sheet, addr.tables[P1].indicators[0].score);
  });
  test('a negative score', () => {
    const { ev, addr } = run((m) => {
      m.tables[P2].indicators[3].score = -1;
    });
    expectAt(ev, 'score.range', 'error', addr.tables[P2].sheet, addr.tables[P2].indicators[3].score);
  });
  test('full marks and zero are in range', () => {
    const { ev } = run((m) => {
      m.tables[P2].indicators[3].score = 0;
      m.tables[P2].indicators[3].tier = '未达成';
    });
    expectNone(ev, 'score.range');
  });
});

describe('score.recomputed', () => {
  test('the spec example: ≥500篇, 431篇, 分值 10, 得分 10', () => {
    const { ev, addr } = run((m) => {
      Object.assign(m.tables[DEPT].indicators[1], { target: '≥500篇', actual: '431篇', score: 10 });
    });
    const f = expectAt(ev, 'score.recomputed', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[1].score);
    expect(f.message).toBe('得分 10 与按公式重算的 8.62 不符（指标值 ≥500篇，完成值 431篇，分值 10）');
    expect(f.expected).toBe(8.62);
    expect(f.actual).toBe(10);
  });
  test('tolerance: 0.05 is accepted, more is not', () => {
    const at = (score: number) =>
      run((m) => {
        m.tables[DEPT].indicators[1].score = score;
      });
    expectNone(at(9.25).ev, 'score.recomputed');
    expectNone(at(9.15).ev, 'score.recomputed');
    const { ev, addr } = at(9.26);
    expectAt(ev, 'score.recomputed', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[1].score);
  });
  test('a reverse indicator scored by the ratio formula', () => {
    const { ev, addr } = run((m) => {
      Object.assign(m.tables[P2].indicators[1], { actual: '20天', score: 20, deviation: '部分问题整改周期较长' });
    });
    const f = expectAt(ev, 'score.recomputed', 'error', addr.tables[P2].sheet, addr.tables[P2].indicators[1].score);
    expect(f.expected).toBe(15);
  });
  test('a late date with full marks fires; a late date scored below full marks does not', () => {
    const late = run((m) => {
      m.tables[DEPT].indicators[3].actual = '2026年1月';
    });
    expectAt(late.ev, 'score.recomputed', 'error', late.addr.tables[DEPT].sheet, late.addr.tables[DEPT].indicators[3].score);
    const fair = run((m) => {
      Object.assign(m.tables[DEPT].indicators[3], { actual: '2026年1月', score: 8, deviation: '个别任务延至次年1月完成' });
    });
    expectNone(fair.ev, 'score.recomputed');
  });
});

describe('score.qualitative_band', () => {
  test('达成 from the actual wording, scored below 0.8 w', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].indicators[5].score = 15;
    });
    const f = expectAt(ev, 'score.qualitative_band', 'warning', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[5].score);
    expect(f.expected).toBe('16–20');
  });
  test('the lower edge of 达成 is inside', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].indicators[5].score = 16;
    });
    expectNone(ev, 'score.qualitative_band');
  });
  test('部分达成 from the 完成档次 column: 0.8 w is outside, below it is inside', () => {
    const out = run((m) => {
      Object.assign(m.tables[P2].indicators[3], { tier: '部分达成', score: 16 });
    });
    expectAt(out.ev, 'score.qualitative_band', 'warning', out.addr.tables[P2].sheet, out.addr.tables[P2].indicators[3].score);
    const inside = run((m) => {
      Object.assign(m.tables[P2].indicators[3], { tier: '部分达成', score: 15 });
    });
    expectNone(inside.ev, 'score.qualitative_band');
  });
});

describe('score.total', () => {
  test('the stated total differs from Σ scores + execution score', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].totalScore = 95;
    });
    const f = expectAt(ev, 'score.total', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].totals.score);
    expect(f.expected).toBe(96.88);
    expect(f.actual).toBe(95);
  });
  test('within tolerance does not fire', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].totalScore = 96.9;
    });
    expectNone(ev, 'score.total');
  });
});

describe('score.grade', () => {
  test('a grade on its own row that is not the recomputed grade', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].grade = '良好';
    });
    const f = expectAt(ev, 'score.grade', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].grade);
    expect(f.expected).toBe('优');
  });
  test('a grade at the right end of the totals row', () => {
    const { ev, addr } = run((m) => {
      m.tables[P2].grade = '良';
    });
    expectAt(ev, 'score.grade', 'error', addr.tables[P2].sheet, addr.tables[P2].grade);
  });
  test('the grade follows the recomputed total, not the stated one', () => {
    // stated scores claim 96.88 but the recomputed total is 87.6: 良, and the stated 优 is wrong
    const { ev, addr } = run((m) => {
      Object.assign(m.tables[DEPT].indicators[4], { actual: '4万人次', score: 20 });
    });
    expectAt(ev, 'score.grade', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].grade);
    expect(ev.check.results[DEPT].computedGrade).toBe('良');
  });
  test('优 written as 优 or 优秀 does not fire', () => {
    expectNone(run((m) => (m.tables[DEPT].grade = '优')).ev, 'score.grade');
  });
});

describe('score.inflated', () => {
  test('full marks while the deviation says the target was missed', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].deviation = '受雨季影响，部分广场建设进度滞后';
    });
    expectAt(ev, 'score.inflated', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[0].score);
  });
  test('a negated mention does not fire', () => {
    const { ev } = run((m) => {
      m.tables[P1].indicators[0].deviation = '无滞后情况';
    });
    expectNone(ev, 'score.inflated');
  });
});

describe('score.total_cap', () => {
  const capped: Profile = { ...hebei, id: 'capped', name: '限额方案', totalCap: [{ belowRate: 0.95, maxTotal: 90 }] };
  test('a total above the cap of its execution rate', () => {
    const { ev, addr } = run(undefined, capped);
    expectAt(ev, 'score.total_cap', 'warning', addr.tables[P2].sheet, addr.tables[P2].totals.score);
    // 96 % and 96.75 % are not below 95 %
    expect(of(ev, 'score.total_cap').length).toBe(1);
  });
  test('off in the built-in profiles', () => {
    expectNone(run().ev, 'score.total_cap');
  });
});

describe('exec.rate', () => {
  test('a stated rate that is not executed ÷ adjusted', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].funds[0].rate = { value: 0.95, format: '0.00%' };
    });
    const f = expectAt(ev, 'exec.rate', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].funds['年度资金总额'].rate);
    expect(f.expected).toBe('96.75%');
  });
  test('within 0.1 points does not fire', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].funds[0].rate = '96.8%';
    });
    expectNone(ev, 'exec.rate');
  });
  test('a rate rounded to the decimals it is written with is accepted (96% for 95.6%), 97% is not', () => {
    const change = (rate: string) => (m: StdWorkbook) => {
      const f = m.tables[P1].funds;
      f[0].executed = 23.9;
      f[0].rate = rate;
      f[2].executed = 4.7;
    };
    expectNone(run(change('96%')).ev, 'exec.rate');
    const { ev, addr } = run(change('97%'));
    expectAt(ev, 'exec.rate', 'error', addr.tables[P1].sheet, addr.tables[P1].funds['年度资金总额'].rate);
  });
});

describe('exec.score', () => {
  test('a stated execution score off the formula', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].funds[0].score = 9.5;
    });
    const f = expectAt(ev, 'exec.score', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].funds['年度资金总额'].score);
    expect(f.expected).toBe(9.68);
  });
  test('within tolerance does not fire', () => {
    expectNone(run((m) => (m.tables[DEPT].funds[0].score = 9.7)).ev, 'exec.score');
  });
  test('a wrong execution score added into a total that sums the stated figures is one finding, not two', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].funds[0].score = 9.5;
      m.tables[DEPT].totalScore = (m.tables[DEPT].totalScore as number) - 0.18;
    });
    expectNone(ev, 'score.total');
    expect(ev.findings.filter((f) => f.rule === 'exec.score')).toHaveLength(1);
  });
  test('over-execution is capped at 100 %', () => {
    const { ev } = run((m) => {
      const f = m.tables[P1].funds;
      f[0].executed = 26;
      f[0].rate = '104%';
      f[0].score = 10;
      f[1].executed = 21.2;
    });
    expectNone(ev, 'exec.score');
    expectNone(ev, 'exec.rate');
  });
});

describe('exec.over_budget', () => {
  test('executed above the adjusted budget', () => {
    const { ev, addr } = run((m) => {
      const f = m.tables[P1].funds;
      f[0].executed = 26;
      f[0].rate = '104%';
      f[0].score = 10;
      f[1].executed = 21.2;
    });
    expectAt(ev, 'exec.over_budget', 'warning', addr.tables[P1].sheet, addr.tables[P1].funds['年度资金总额'].executed);
    // the component row 当年财政拨款 (21.2 of 20) is not the scored row
    expect(of(ev, 'exec.over_budget').length).toBe(1);
  });
  test('executed equal to the budget does not fire', () => {
    const { ev } = run((m) => {
      const f = m.tables[P1].funds;
      f[0].executed = 25;
      f[0].rate = '100%';
      f[0].score = 10;
      f[1].executed = 20;
      f[2].executed = 5;
    });
    expectNone(ev, 'exec.over_budget');
  });
});

describe('exec.zero_budget', () => {
  for (const empty of [null, 0, '—']) {
    test(`全年预算数 ${JSON.stringify(empty)} with spending`, () => {
      const { ev, addr } = run((m) => {
        m.tables[P2].funds[0].adjusted = empty;
        m.tables[P2].funds[1].adjusted = empty;
        m.tables[P2].funds[0].rate = null;
        m.tables[P2].funds[0].score = null;
      });
      expectAt(ev, 'exec.zero_budget', 'error', addr.tables[P2].sheet, addr.tables[P2].funds['年度资金总额'].adjusted);
    });
  }
  test('no spending on a zero budget does not fire', () => {
    const { ev } = run((m) => {
      m.tables[P1].funds[3] = { label: '其他资金', initial: 0, adjusted: 0, executed: 0 };
    });
    expectNone(ev, 'exec.zero_budget');
  });
});

describe('funds.components', () => {
  test('基本支出 + 项目支出 ≠ 年度资金总额 in 年初预算数', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].funds[1].initial = 128;
    });
    const f = expectAt(ev, 'funds.components', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].funds['年度资金总额'].initial);
    expect(f.expected).toBe(158);
    expect(f.actual).toBe(158.5);
  });
  test('the source breakdown is checked separately, in 全年预算数', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].funds[3].adjusted = 151;
    });
    expectAt(ev, 'funds.components', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].funds['年度资金总额'].adjusted);
    expect(of(ev, 'funds.components').length).toBe(1);
  });
  test('project table, 全年执行数', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].funds[2].executed = 4.5;
    });
    expectAt(ev, 'funds.components', 'error', addr.tables[P1].sheet, addr.tables[P1].funds['年度资金总额'].executed);
  });
  test('within 0.005 万元 does not fire', () => {
    expectNone(run((m) => (m.tables[DEPT].funds[1].initial = 128.504)).ev, 'funds.components');
  });
});

describe('funds.projects', () => {
  test('the department 项目支出 differs from Σ project tables', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].funds[1].adjusted = 128;
      m.tables[DEPT].funds[2].adjusted = 32;
    });
    const f = expectAt(ev, 'funds.projects', 'warning', addr.tables[DEPT].sheet, addr.tables[DEPT].funds['项目支出'].adjusted);
    expect(f.expected).toBe(31.8);
    expectNone(ev, 'funds.components');
  });
  test('not without project tables', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].funds[1].adjusted = 128;
      m.tables[DEPT].funds[2].adjusted = 32;
      m.tables = [m.tables[DEPT]];
    });
    expectNone(ev, 'funds.projects');
  });
});

describe('funds.conflict', () => {
  test('基本情况 年初预算收入 vs the department total 年初预算数', () => {
    const { ev, addr } = run((m) => {
      m.basic!.find((r) => r[0] === '年初预算收入')![1] = 154.74;
    });
    const f = expectAt(ev, 'funds.conflict', 'error', addr.tables[DEPT].sheet, addr.tables[DEPT].funds['年度资金总额'].initial);
    expect(f.message).toContain('154.74');
    expect(f.message).toContain(addr.basic['年初预算收入']);
  });
  test('the same figure does not fire', () => {
    expectNone(run().ev, 'funds.conflict');
  });
});

describe('funds.unit', () => {
  test('an amount entered in 元', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].funds[2].adjusted = 50000;
    });
    expectAt(ev, 'funds.unit', 'warning', addr.tables[P1].sheet, addr.tables[P1].funds['上年结转资金'].adjusted);
    expect(of(ev, 'funds.unit').length).toBe(1);
  });
  test('a large but plausible amount does not fire', () => {
    const { ev } = run((m) => {
      m.tables[P1].funds[2].adjusted = 500;
    });
    expectNone(ev, 'funds.unit');
  });
});

describe('indicator.value_missing', () => {
  test('an empty actual', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].actual = '';
    });
    expectAt(ev, 'indicator.value_missing', 'error', addr.tables[P1].sheet, addr.tables[P1].indicators[0].actual);
  });
  test('a dash target', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[1].target = '—';
    });
    expectAt(ev, 'indicator.value_missing', 'error', addr.tables[P1].sheet, addr.tables[P1].indicators[1].target);
  });
  test('filled values do not fire', () => {
    expectNone(run().ev, 'indicator.value_missing');
  });
});

describe('indicator.unparsed', () => {
  test('a numeric target and a qualitative actual', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].actual = '完成';
    });
    expectAt(ev, 'indicator.unparsed', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[0].actual);
  });
  test('a value with digits that cannot be read', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].target = '10个左右3';
    });
    expectAt(ev, 'indicator.unparsed', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[0].target);
  });
  test('two qualitative values do not fire', () => {
    expectNone(run().ev, 'indicator.unparsed');
  });
});

describe('indicator.deviation_missing', () => {
  test('score below weight and an empty 偏差原因', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].indicators[1].deviation = '';
    });
    expectAt(ev, 'indicator.deviation_missing', 'warning', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[1].deviation);
  });
  test('a filled 偏差原因 does not fire', () => {
    expectNone(run().ev, 'indicator.deviation_missing');
  });
});

describe('indicator.overachieved', () => {
  test('B ≥ 130 % of A with no reason', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[0].actual = '13个';
    });
    expectAt(ev, 'indicator.overachieved', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[0].actual);
  });
  test('below the threshold, or with a reason, does not fire', () => {
    expectNone(run((m) => (m.tables[P1].indicators[0].actual = '12个')).ev, 'indicator.overachieved');
    expectNone(
      run((m) => {
        m.tables[P1].indicators[0].actual = '13个';
        m.tables[P1].indicators[0].deviation = '乡镇追加配套资金，多建3个';
      }).ev,
      'indicator.overachieved',
    );
  });
});

describe('indicator.unit_mismatch', () => {
  test('个 vs 条, and it is not scored by formula', () => {
    const { ev, addr } = run((m) => {
      Object.assign(m.tables[P1].indicators[0], { actual: '5条' });
    });
    expectAt(ev, 'indicator.unit_mismatch', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[0].actual);
    expectNone(ev, 'score.recomputed');
  });
  test('万元 vs 元', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[2].actual = '24000元';
    });
    expectAt(ev, 'indicator.unit_mismatch', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[2].actual);
  });
  test('an actual with no unit takes the target unit', () => {
    const { ev } = run((m) => {
      m.tables[P1].indicators[0].actual = '10';
    });
    expectNone(ev, 'indicator.unit_mismatch');
    expectNone(ev, 'score.recomputed');
  });
});

describe('indicator.level_unknown', () => {
  test('a non-standard level-2 name, reported once for its cell', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].indicators[0].l2 = '工作量指标';
      m.tables[DEPT].indicators[1].l2 = '工作量指标';
    });
    expectAt(ev, 'indicator.level_unknown', 'info', addr.tables[DEPT].sheet, addr.tables[DEPT].indicators[0].l2);
    expect(of(ev, 'indicator.level_unknown').length).toBe(1);
  });
  test('standard names with 等, spaces or the short 满意度指标 do not fire', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].indicators[0].l2 = '数量指标等';
      m.tables[DEPT].indicators[1].l2 = '数量指标等';
      m.tables[DEPT].indicators[2].l2 = '质量 指标';
      m.tables[DEPT].indicators[6].l2 = '满意度指标';
    });
    expectNone(ev, 'indicator.level_unknown');
  });
});

describe('indicator.duplicate', () => {
  test('the second of two indicators with the same name', () => {
    const { ev, addr } = run((m) => {
      m.tables[P1].indicators[1].name = m.tables[P1].indicators[0].name;
    });
    expectAt(ev, 'indicator.duplicate', 'warning', addr.tables[P1].sheet, addr.tables[P1].indicators[1].name);
  });
  test('the same name in two tables does not fire', () => {
    const { ev } = run((m) => {
      m.tables[P2].indicators[0].name = m.tables[P1].indicators[0].name;
    });
    expectNone(ev, 'indicator.duplicate');
  });
});

describe('asset.components', () => {
  test('资产总额 below 固定资产 + 无形资产', () => {
    const { ev, addr } = run((m) => {
      m.basic!.find((r) => r[0] === '资产总额')![1] = 400;
    });
    const f = expectAt(ev, 'asset.components', 'warning', '基本情况', addr.basic['资产总额']);
    expect(f.expected).toBe(422.7);
  });
  test('equal to the sum does not fire', () => {
    expectNone(run((m) => (m.basic!.find((r) => r[0] === '资产总额')![1] = 422.7)).ev, 'asset.components');
  });
});

describe('robustness', () => {
  test('an Excel error value in a score cell is skipped by the checks', () => {
    const { ev, addr } = run((m) => {
      m.tables[DEPT].indicators[1].score = { value: null, error: '#DIV/0!' };
    });
    const cell = addr.tables[DEPT].indicators[1].score;
    const mine = ev.check.findings.filter((f) => f.sheet === addr.tables[DEPT].sheet && f.cell === cell);
    expect(mine).toEqual([]);
  });
  test('a workbook without 基本情况 is still checked', () => {
    const { ev, addr } = run((m) => {
      m.basic = null;
      m.tables[P1].indicators[0].score = 16;
    });
    expectAt(ev, 'score.range', 'error', addr.tables[P1].sheet, addr.tables[P1].indicators[0].score);
  });
  test('many slips at once are all reported', () => {
    const { ev } = run((m) => {
      m.tables[DEPT].totalScore = 95;
      m.tables[DEPT].grade = '良';
      m.tables[P1].indicators[0].score = 16;
      m.tables[P2].funds[0].rate = 80;
      m.basic!.find((r) => r[0] === '资产总额')![1] = 400;
    });
    const rules = new Set(ev.findings.map((f) => f.rule));
    for (const r of ['score.total', 'score.grade', 'score.range', 'exec.rate', 'asset.components'] as RuleId[]) expect(rules.has(r)).toBe(true);
  });
});
