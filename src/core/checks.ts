// The consistency checks of rules.md §3 (all but the structure findings the reader emits),
// and the computed results of rules.md §2 per table.

import type {
  BasicInfo,
  CheckResult,
  Fig,
  Finding,
  FundsRow,
  FundsRowKind,
  Indicator,
  IndicatorResult,
  Level1Name,
  Profile,
  ReadResult,
  Reading,
  Ref,
  RuleId,
  Severity,
  Table,
  TableResult,
} from './types';
import { executionRate, executionScore, quantitativeScore, qualitativeBand, inBand, deadlineMet, gradeAccepted, rateAccepted, scoreAccepted } from './score';
import { fmtNum, fmtPct, roundTo } from './format';
import { gradeOf, normGrade } from './profiles';
import { LEVEL1_NAMES, LEVEL2_NAMES, level1Of, level2Of, normLabel } from './labels';
import { normUnit, parseComparator, tierOf } from './value';

/** The severity of each rule this module emits (rules.md §3). */
export const RULE_SEVERITY: Partial<Record<RuleId, Severity>> = {
  'structure.year_mismatch': 'warning',
  'weight.total': 'error',
  'weight.level1': 'warning',
  'weight.execution': 'warning',
  'weight.nonpositive': 'error',
  'score.range': 'error',
  'score.recomputed': 'error',
  'score.qualitative_band': 'warning',
  'score.total': 'error',
  'score.grade': 'error',
  'score.inflated': 'warning',
  'score.total_cap': 'warning',
  'exec.rate': 'error',
  'exec.score': 'error',
  'exec.over_budget': 'warning',
  'exec.zero_budget': 'error',
  'funds.components': 'error',
  'funds.projects': 'warning',
  'funds.conflict': 'error',
  'funds.unit': 'warning',
  'indicator.value_missing': 'error',
  'indicator.unparsed': 'warning',
  'indicator.deviation_missing': 'warning',
  'indicator.overachieved': 'warning',
  'indicator.unit_mismatch': 'warning',
  'indicator.level_unknown': 'info',
  'indicator.duplicate': 'warning',
  'asset.components': 'warning',
};

/** Amount tolerance in 万元 for sums of funds. */
const AMOUNT_TOL = 0.005;
/** Weights are compared exactly, up to float noise. */
const WEIGHT_EPS = 1e-6;
const EPS = 1e-9;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The number a figure holds, or undefined (missing, empty, not a number, or an Excel error). */
function num(f: Fig<number | null> | Fig<number> | undefined): number | undefined {
  if (!f || f.error) return undefined;
  return finite(f.value) ? f.value : undefined;
}

/** A usable figure (present, no Excel error). */
function ok<T>(f: Fig<T> | undefined): f is Fig<T> {
  return !!f && typeof f === 'object' && !f.error;
}

/** A usable reading figure: present, no Excel error, a reading inside. */
function okReading(f: Fig<Reading> | undefined): f is Fig<Reading> {
  return ok(f) && !!f.value && typeof f.value === 'object' && typeof f.value.kind === 'string';
}

/** The table with every list present, so that no check meets an undefined list. */
function sane(t: Table): Table {
  const arr = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x.filter((e) => !!e && typeof e === 'object') : []);
  const funds = t.funds && typeof t.funds === 'object' ? { ...t.funds, rows: arr(t.funds.rows) } : undefined;
  return { ...t, funds, indicators: arr(t.indicators), level1Weights: arr(t.level1Weights), missing: Array.isArray(t.missing) ? t.missing : [] };
}

const MISSED_WORDS = ['未完成', '未达到', '未达成', '未能', '没有完成', '没有达到', '未按期', '未按时', '滞后', '偏低', '不足', '延期', '推迟', '差距'];
const NEGATIONS = /(无|不存在|没有|未出现|未发现|不)$/;

/** Whether a 偏差原因 text says the target was missed (a negated mention such as 无滞后 does not count). */
export function saysMissed(text: string | undefined): boolean {
  if (typeof text !== 'string') return false;
  const s = text.replace(/[\s\u3000]/g, '');
  for (const w of MISSED_WORDS) {
    let i = s.indexOf(w);
    while (i >= 0) {
      const before = s.slice(Math.max(0, i - 3), i);
      if (!NEGATIONS.test(before)) return true;
      i = s.indexOf(w, i + 1);
    }
  }
  return false;
}

/** A 偏差原因 cell that explains nothing: empty, a dash, a slash, 无. */
function blankText(text: string | undefined): boolean {
  if (typeof text !== 'string') return true;
  const s = text.replace(/[\s\u3000]/g, '');
  return s === '' || /^[—\-–/／\\、.。…·无]+$/.test(s) || s === '暂无' || s === '无偏差';
}

/** The text of a value as written, for a message. */
/** A cell's text as a message quotes it: at most 40 characters, so that a cell of 100,000 characters makes a readable message and note. */
function clip(t: string, max = 40): string {
  return t.length > max ? t.slice(0, max) + '…' : t;
}

function shown(f: Fig<Reading>): string {
  const t = (f.text ?? f.value.text ?? '').toString().trim();
  return t === '' ? '（空）' : clip(t);
}

const COLUMN_NAME = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数' } as const;
type AmountColumn = keyof typeof COLUMN_NAME;
const AMOUNT_COLUMNS: AmountColumn[] = ['initial', 'adjusted', 'executed'];

const ROW_NAME: Record<FundsRowKind, string> = {
  total: '年度资金总额',
  basic: '基本支出',
  project: '项目支出',
  appropriation: '当年财政拨款',
  carryover: '上年结转',
  special: '财政专户管理资金/单位资金',
  other: '其他资金',
};

/** A funds row's name for a message: its label without 其中：, else the standard name. */
function rowName(row: FundsRow): string {
  const l = (row.label ?? '').replace(/^[\s\u3000]*其中[:：]?/, '').replace(/[:：\s\u3000]+$/, '').trim();
  return l || ROW_NAME[row.kind];
}

class Collector {
  findings: Finding[] = [];
  /** Where a finding goes when the figure it is about carries no cell (the current table's title). */
  fallback: Ref = { sheet: '', cell: 'A1' };
  add(rule: RuleId, ref: Ref | undefined, message: string, expected?: number | string, actual?: number | string): void {
    const at = ref && typeof ref.sheet === 'string' && typeof ref.cell === 'string' ? ref : this.fallback;
    const f: Finding = { rule, severity: RULE_SEVERITY[rule] ?? 'warning', sheet: at.sheet, cell: at.cell, message };
    if (expected !== undefined) f.expected = typeof expected === 'number' ? roundTo(expected) : expected;
    if (actual !== undefined) f.actual = typeof actual === 'number' ? roundTo(actual) : actual;
    this.findings.push(f);
  }
}

// ---------------------------------------------------------------- funds

interface FundsOutcome {
  rate?: number;
  score?: number;
  statedScore?: number;
  execWeight: number;
}

function checkFunds(t: Table, profile: Profile, out: Collector): FundsOutcome {
  const funds = t.funds;
  const total = funds?.rows.find((r) => r.kind === 'total');
  const stated = num(total?.weight);
  const header = num(funds?.headerWeight);
  const execWeight = stated ?? header ?? profile.execWeight;
  const res: FundsOutcome = { execWeight };
  if (!funds) return res;

  // weight.execution
  if (stated !== undefined && total?.weight) {
    if (Math.abs(stated - profile.execWeight) > WEIGHT_EPS)
      out.add('weight.execution', total.weight.ref, `预算执行率的分值 ${fmtNum(stated)} 与权重方案“${profile.name}”规定的 ${fmtNum(profile.execWeight)} 分不符`, profile.execWeight, stated);
  } else if (header !== undefined && funds.headerWeight) {
    if (Math.abs(header - profile.execWeight) > WEIGHT_EPS)
      out.add('weight.execution', funds.headerWeight.ref, `预算执行情况标明的 ${fmtNum(header)} 分与权重方案“${profile.name}”规定的 ${fmtNum(profile.execWeight)} 分不符`, profile.execWeight, header);
  }

  // exec.over_budget / exec.zero_budget, on the 年度资金总额 row (the one §2 computes the rate on)
  if (total && ok(total.executed) && !total.adjusted?.error) {
    const adj = num(total.adjusted);
    const exe = num(total.executed);
    if (exe !== undefined && (adj === undefined || adj <= 0) && exe > 0) {
      out.add('exec.zero_budget', total.adjusted?.ref ?? total.labelRef, `年度资金总额的全年预算数为${adj === undefined ? '空' : ' ' + fmtNum(adj)}，全年执行数却为 ${fmtNum(exe)} 万元，无法计算执行率`, undefined, adj ?? '');
    } else if (exe !== undefined && adj !== undefined && adj > 0 && exe > adj + EPS) {
      out.add('exec.over_budget', total.executed.ref, `年度资金总额的全年执行数 ${fmtNum(exe)} 万元超过全年预算数 ${fmtNum(adj)} 万元（执行率 ${fmtPct(exe / adj)}）`, adj, exe);
    }
  }

  if (!total) return res;
  const rate = executionRate(num(total.adjusted), num(total.executed));
  res.rate = rate;
  res.statedScore = num(total.score);
  if (rate !== undefined) res.score = executionScore(rate, execWeight, profile);

  // exec.rate
  const statedRate = num(total.rate);
  if (rate !== undefined && statedRate !== undefined && total.rate) {
    if (!rateAccepted(statedRate, rate, total.rate.decimals, profile))
      out.add(
        'exec.rate',
        total.rate.ref,
        `执行率 ${fmtPct(statedRate)} 与全年执行数 ${fmtNum(num(total.executed))} 万元 ÷ 全年预算数 ${fmtNum(num(total.adjusted))} 万元 = ${fmtPct(rate)} 不符`,
        roundTo(rate * 100) + '%',
        roundTo(statedRate * 100) + '%',
      );
  }

  // exec.score
  if (res.score !== undefined && res.statedScore !== undefined && total.score) {
    if (!scoreAccepted(res.statedScore, res.score, profile))
      out.add(
        'exec.score',
        total.score.ref,
        `预算执行率得分 ${fmtNum(res.statedScore)} 与按公式重算的 ${fmtNum(res.score)} 不符（执行率 ${fmtPct(rate)}，分值 ${fmtNum(execWeight)}${profile.capExecution ? '，执行率超过100%按100%计' : ''}）`,
        res.score,
        res.statedScore,
      );
  }

  // funds.components: each breakdown separately, in each amount column
  const breakdowns: { kinds: FundsRowKind[]; name: string }[] = [
    { kinds: ['basic', 'project'], name: '基本支出 + 项目支出' },
    { kinds: ['appropriation', 'carryover', 'special', 'other'], name: '当年财政拨款 + 上年结转 + 财政专户管理资金/单位资金 + 其他资金' },
  ];
  for (const col of AMOUNT_COLUMNS) {
    const tf = total[col];
    const tv = num(tf);
    if (tv === undefined || !tf) continue;
    for (const b of breakdowns) {
      const rows = funds.rows.filter((r) => b.kinds.includes(r.kind));
      if (rows.some((r) => r[col]?.error)) continue;
      const filled = rows.filter((r) => num(r[col]) !== undefined);
      if (filled.length === 0) continue;
      const sum = filled.reduce((s, r) => s + (num(r[col]) as number), 0);
      if (Math.abs(sum - tv) > AMOUNT_TOL) {
        const parts = filled.map((r) => `${rowName(r)} ${fmtNum(num(r[col]))}`).join(' + ');
        out.add('funds.components', tf.ref, `年度资金总额的${COLUMN_NAME[col]} ${fmtNum(tv)} 万元与其构成之和 ${fmtNum(sum)} 万元不符（${parts}）`, sum, tv);
      }
    }
  }
  return res;
}

/** funds.unit: an amount ≥ 1000 × the median of the table's other non-zero amounts. */
function checkUnits(t: Table, out: Collector): void {
  if (!t.funds) return;
  const cells: { v: number; f: Fig<number | null>; row: FundsRow; col: AmountColumn }[] = [];
  for (const row of t.funds.rows)
    for (const col of AMOUNT_COLUMNS) {
      const f = row[col];
      const v = num(f);
      if (f && v !== undefined && v !== 0) cells.push({ v: Math.abs(v), f, row, col });
    }
  if (cells.length < 3) return;
  cells.forEach((c, i) => {
    const others = cells.filter((_, j) => j !== i).map((x) => x.v).sort((a, b) => a - b);
    const m = others.length % 2 ? others[(others.length - 1) / 2] : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
    if (m > 0 && c.v >= 1000 * m)
      out.add(
        'funds.unit',
        c.f.ref,
        `${rowName(c.row)}的${COLUMN_NAME[c.col]} ${fmtNum(c.f.value as number)} 万元是本表其他金额中位数 ${fmtNum(m)} 万元的 ${fmtNum(c.v / m)} 倍，可能误按“元”填写（按元折合 ${fmtNum((c.f.value as number) / 10000)} 万元）`,
        undefined,
        c.f.value as number,
      );
  });
}

// ---------------------------------------------------------------- indicators

interface Eff {
  target: Reading;
  actual: Reading;
  qualitativeByColumn: boolean;
  unitMismatch?: { t: string; a: string };
}

/** Target and actual with the 指标性质 and 度量单位 columns applied, and units reconciled. */
function effective(ind: Indicator): Eff {
  let target = { ...ind.target.value };
  let actual = { ...ind.actual.value };
  let qualitativeByColumn = false;
  if (ok(ind.comparator)) {
    const c = parseComparator(ind.comparator.value);
    if (c === 'qual') qualitativeByColumn = true;
    else if (c && target.comparator !== 'range' && (target.kind === 'number' || target.kind === 'date')) target = { ...target, comparator: c };
  }
  const eff: Eff = { target, actual, qualitativeByColumn };
  if (target.kind === 'number' && actual.kind === 'number') {
    if (ok(ind.unit) && typeof ind.unit.value === 'string' && ind.unit.value.trim() !== '') {
      const u = normUnit(ind.unit.value);
      target = { ...target, unit: u };
      actual = { ...actual, unit: u };
    } else {
      const tu = normUnit(target.unit ?? '');
      const au = normUnit(actual.unit ?? '');
      if (tu !== '' && au !== '' && tu !== au) eff.unitMismatch = { t: tu, a: au };
    }
    eff.target = target;
    eff.actual = actual;
  }
  return eff;
}

function checkIndicators(t: Table, profile: Profile, out: Collector, year: number | undefined): IndicatorResult[] {
  const results: IndicatorResult[] = [];
  const tol = profile.scoreTolerance + EPS;
  const levelSeen = new Set<string>();
  const names = new Map<string, Indicator>();

  for (const ind of t.indicators) {
    const r: IndicatorResult = { indicator: ind, quantitative: false };
    results.push(r);
    const w = num(ind.weight);
    const s = num(ind.score);
    const label = ind.name ? `“${clip(ind.name)}”` : `（第 ${ind.nameRef.cell.replace(/^[A-Z]+/, '')} 行，未填名称）`;

    // weight.nonpositive
    if (t.hasWeightColumn && ind.weight && !ind.weight.error && (w === undefined || w <= 0))
      out.add('weight.nonpositive', ind.weight.ref, w === undefined ? `指标${label}的分值为空或不是数字` : `指标${label}的分值为 ${fmtNum(w)}，应大于 0`, undefined, w ?? (ind.weight.text ?? ''));

    // score.range
    if (s !== undefined && ind.score && (s < -EPS || (w !== undefined && w > 0 && s > w + EPS)))
      out.add('score.range', ind.score.ref, s < 0 ? `指标${label}的得分 ${fmtNum(s)} 小于 0` : `指标${label}的得分 ${fmtNum(s)} 超过其分值 ${fmtNum(w)}`, undefined, s);

    const tOk = okReading(ind.target);
    const aOk = okReading(ind.actual);

    // indicator.value_missing / indicator.unparsed
    if (tOk && ind.target.value.kind === 'empty') out.add('indicator.value_missing', ind.target.ref, `指标${label}的年度指标值为空`);
    if (aOk && ind.actual.value.kind === 'empty') out.add('indicator.value_missing', ind.actual.ref, `指标${label}的实际完成值为空`);
    if (tOk && ind.target.value.kind === 'unreadable') out.add('indicator.unparsed', ind.target.ref, `无法识别指标${label}的年度指标值“${shown(ind.target)}”`, undefined, shown(ind.target));
    if (aOk && ind.actual.value.kind === 'unreadable') out.add('indicator.unparsed', ind.actual.ref, `无法识别指标${label}的实际完成值“${shown(ind.actual)}”`, undefined, shown(ind.actual));
    else if (tOk && aOk && ind.target.value.kind === 'number' && ind.actual.value.kind === 'qualitative')
      out.add('indicator.unparsed', ind.actual.ref, `指标${label}的年度指标值是数值“${shown(ind.target)}”，实际完成值“${shown(ind.actual)}”却不是数值，无法按公式计分`, undefined, shown(ind.actual));

    const devFig = ok(ind.deviation) ? ind.deviation : undefined;
    const devEmpty = devFig !== undefined && blankText(devFig.value);

    if (tOk && aOk) {
      const eff = effective(ind);
      const tk = eff.target.kind;
      const ak = eff.actual.kind;
      if (tk === 'number' && ak === 'number' && !eff.qualitativeByColumn) {
        if (eff.unitMismatch) {
          out.add('indicator.unit_mismatch', ind.actual.ref, `指标${label}的实际完成值单位“${eff.unitMismatch.a}”与年度指标值单位“${eff.unitMismatch.t}”不一致（指标值 ${shown(ind.target)}，完成值 ${shown(ind.actual)}），未按公式计分`, eff.unitMismatch.t, eff.unitMismatch.a);
        } else {
          r.quantitative = true;
          if (w !== undefined && w > 0) {
            const cs = quantitativeScore(w, eff.target, eff.actual, profile);
            if (cs !== undefined) {
              r.computedScore = cs;
              if (s !== undefined && ind.score && Math.abs(s - cs) > tol)
                out.add('score.recomputed', ind.score.ref, `得分 ${fmtNum(s)} 与按公式重算的 ${fmtNum(cs)} 不符（指标值 ${shown(ind.target)}，完成值 ${shown(ind.actual)}，分值 ${fmtNum(w)}）`, cs, s);
            }
          }
          // indicator.overachieved
          const c = eff.target.comparator ?? 'eq';
          const A = eff.target.low;
          const B = eff.actual.low;
          if ((c === 'ge' || c === 'gt' || c === 'eq') && finite(A) && finite(B) && A > 0 && B >= profile.overachieveThreshold * A - EPS && devFig && devEmpty)
            out.add('indicator.overachieved', ind.actual.ref, `指标${label}实际完成值 ${shown(ind.actual)} 达到年度指标值 ${shown(ind.target)} 的 ${fmtPct(B / A)}，超过 ${fmtPct(profile.overachieveThreshold)}，但未说明原因（目标是否定得过低）`, undefined, B);
        }
      } else if (tk === 'date' && ak === 'date' && !eff.qualitativeByColumn) {
        const met = deadlineMet(eff.target, eff.actual, year);
        if (met !== undefined) {
          r.quantitative = true;
          if (met && w !== undefined && w > 0) {
            r.computedScore = w;
            if (s !== undefined && ind.score && Math.abs(s - w) > tol)
              out.add('score.recomputed', ind.score.ref, `得分 ${fmtNum(s)} 与按期完成应得的满分 ${fmtNum(w)} 不符（时限 ${shown(ind.target)}，完成 ${shown(ind.actual)}）`, w, s);
          } else if (!met && w !== undefined && w > 0 && s !== undefined && ind.score && s >= w - tol) {
            out.add('score.recomputed', ind.score.ref, `实际完成时间 ${shown(ind.actual)} 晚于时限 ${shown(ind.target)}，得分却为满分 ${fmtNum(s)}`, undefined, s);
          }
        }
      }
    }

    // qualitative tier and band
    if (!r.quantitative) {
      const tierText = ok(ind.tier) && typeof ind.tier.value === 'string' ? ind.tier.value : '';
      const tier = (tierText.trim() !== '' ? tierOf(tierText) : undefined) ?? (aOk ? ind.actual.value.tier : undefined);
      if (tier) {
        r.tier = tier;
        if (w !== undefined && w > 0 && s !== undefined && ind.score) {
          const band = qualitativeBand(tier, w);
          if (!inBand(s, band))
            out.add(
              'score.qualitative_band',
              ind.score.ref,
              `定性指标${label}完成档次为“${tier}”，得分应在 ${fmtNum(band.min)} 至 ${fmtNum(band.max)} 之间（${band.maxInclusive ? '含' : '不含'} ${fmtNum(band.max)}），实际为 ${fmtNum(s)}`,
              `${fmtNum(band.min)}–${fmtNum(band.max)}`,
              s,
            );
        }
      }
    }

    // indicator.deviation_missing
    if (w !== undefined && s !== undefined && s < w - EPS && devFig && devEmpty)
      out.add('indicator.deviation_missing', devFig.ref, `指标${label}得分 ${fmtNum(s)} 低于分值 ${fmtNum(w)}，未填写偏差原因分析及改进措施`);

    // score.inflated
    if (w !== undefined && w > 0 && s !== undefined && ind.score && s >= w - EPS && devFig && saysMissed(devFig.value))
      out.add('score.inflated', ind.score.ref, `指标${label}得满分 ${fmtNum(s)}，偏差原因却写明目标未完全实现（“${devFig.value.trim().slice(0, 40)}”）`, undefined, s);

    // indicator.level_unknown
    const l1 = level1Of(ind.level1);
    if (l1 && ind.level2Ref) {
      const l2 = level2Of(ind.level2);
      const key = `${ind.level2Ref.sheet}\u0000${ind.level2Ref.cell}`;
      if (ind.level2.trim() !== '' && !(l2 && LEVEL2_NAMES[l1].includes(l2)) && !levelSeen.has(key)) {
        levelSeen.add(key);
        out.add('indicator.level_unknown', ind.level2Ref, `二级指标“${clip(ind.level2.trim())}”不是${l1}下的标准名称（${LEVEL2_NAMES[l1].join('、')}）`, undefined, clip(ind.level2.trim()));
      }
    }

    // indicator.duplicate
    const nk = normLabel(ind.name ?? '');
    if (nk !== '' && ind.nameRef) {
      const first = names.get(nk);
      if (first) out.add('indicator.duplicate', ind.nameRef, `三级指标“${clip(ind.name.trim())}”在本表中重复出现（另见 ${first.nameRef.cell}）`, undefined, clip(ind.name.trim()));
      else names.set(nk, ind);
    }
  }
  return results;
}

// ---------------------------------------------------------------- weights and totals

function checkWeights(t: Table, profile: Profile, execWeight: number, out: Collector): void {
  const totalsRef = t.totals ? (ok(t.totals.weight) ? t.totals.weight.ref : t.totals.labelRef) : t.titleRef;
  const parts: string[] = [];
  let expected: number | undefined;
  let actual: number | undefined;
  if (t.hasWeightColumn && t.indicators.length > 0 && t.indicators.every((i) => num(i.weight) !== undefined)) {
    const sum = t.indicators.reduce((s, i) => s + (num(i.weight) as number), 0) + execWeight;
    if (Math.abs(sum - 100) > WEIGHT_EPS) {
      parts.push(`各指标分值与预算执行率分值 ${fmtNum(execWeight)} 合计 ${fmtNum(sum)}，不等于 100`);
      expected = 100;
      actual = sum;
    }
  }
  const tw = num(t.totals?.weight);
  if (tw !== undefined && Math.abs(tw - 100) > WEIGHT_EPS) {
    parts.push(`总分行的分值为 ${fmtNum(tw)}，不等于 100`);
    expected = 100;
    actual ??= tw;
  }
  if (parts.length) out.add('weight.total', totalsRef, parts.join('；'), expected, actual);

  // weight.level1
  const groups = new Map<Level1Name, Indicator[]>();
  for (const ind of t.indicators) {
    const l1 = level1Of(ind.level1);
    if (!l1) continue;
    const g = groups.get(l1);
    if (g) g.push(ind);
    else groups.set(l1, [ind]);
  }
  const declared = new Map<Level1Name, { weight: number; ref: Ref }>();
  for (const lw of t.level1Weights ?? []) {
    const l1 = level1Of(lw.name);
    if (l1 && finite(lw.weight) && !declared.has(l1)) declared.set(l1, { weight: lw.weight, ref: lw.ref });
  }
  for (const l1 of LEVEL1_NAMES) {
    const g = groups.get(l1);
    const dec = declared.get(l1);
    const want = profile.level1[l1];
    if (t.hasWeightColumn && g && g.length > 0 && g.every((i) => num(i.weight) !== undefined) && g[0].weight) {
      const sum = g.reduce((s, i) => s + (num(i.weight) as number), 0);
      const against: string[] = [];
      let exp: number | undefined;
      if (dec && Math.abs(sum - dec.weight) > WEIGHT_EPS) {
        against.push(`该一级指标单元格标明的 ${fmtNum(dec.weight)} 分`);
        exp = dec.weight;
      }
      if (Math.abs(sum - want) > WEIGHT_EPS) {
        against.push(`权重方案“${profile.name}”规定的 ${fmtNum(want)} 分`);
        exp ??= want;
      }
      if (against.length) out.add('weight.level1', g[0].weight.ref, `${l1}各项分值合计 ${fmtNum(sum)}，与${against.join('及')}不符`, exp, sum);
    } else if (!t.hasWeightColumn && dec && Math.abs(dec.weight - want) > WEIGHT_EPS) {
      out.add('weight.level1', dec.ref, `${l1}标明的 ${fmtNum(dec.weight)} 分与权重方案“${profile.name}”规定的 ${fmtNum(want)} 分不符`, want, dec.weight);
    }
  }
}

function checkTotals(t: Table, profile: Profile, fo: FundsOutcome, inds: IndicatorResult[], out: Collector, tr: TableResult): void {
  const tol = profile.scoreTolerance + EPS;
  const execPart = fo.score ?? fo.statedScore ?? 0;
  const statedSum = t.indicators.reduce((s, i) => s + (num(i.score) ?? 0), 0);
  const computedSum = inds.reduce((s, r) => s + (r.computedScore !== undefined ? r.computedScore : (num(r.indicator.score) ?? 0)), 0);
  if (t.indicators.length > 0 || t.funds) {
    tr.computedTotal = computedSum + execPart;
    tr.computedGrade = gradeOf(tr.computedTotal);
  }
  const totals = t.totals;
  const st = num(totals?.score);
  if (st !== undefined) tr.statedTotal = st;

  // score.total
  // It checks the table's own addition: the stated indicator scores plus the stated 执行率得分
  // (the computed one where none is stated); a wrong 执行率得分 itself is exec.score's finding.
  if (st !== undefined && totals?.score && t.indicators.length > 0) {
    const statedExec = fo.statedScore ?? fo.score ?? 0;
    const expect = statedSum + statedExec;
    if (Math.abs(st - expect) > tol)
      out.add(
        'score.total',
        totals.score.ref,
        `总分 ${fmtNum(st)} 与各指标得分之和 ${fmtNum(statedSum)} 加预算执行率得分 ${fmtNum(statedExec)} 的合计 ${fmtNum(expect)} 不符`,
        expect,
        st,
      );
  }

  // score.grade
  if (totals && ok(totals.grade) && typeof totals.grade.value === 'string' && totals.grade.value.trim() !== '' && tr.computedTotal !== undefined) {
    const g = normGrade(totals.grade.value);
    if (g) tr.statedGrade = g;
    const ct = tr.computedTotal;
    if (!g) out.add('score.grade', totals.grade.ref, `无法识别评价等级“${clip(totals.grade.value.trim())}”，按重算总分 ${fmtNum(ct)} 应为“${tr.computedGrade}”`, tr.computedGrade, clip(totals.grade.value.trim()));
    else if (!gradeAccepted(g, ct, profile))
      out.add('score.grade', totals.grade.ref, `评价等级“${totals.grade.value.trim()}”与重算总分 ${fmtNum(ct)} 对应的等级“${tr.computedGrade}”不符（≥90 优，≥80 良，≥60 中，其余为差）`, tr.computedGrade, g);
  }

  // score.total_cap
  if (profile.totalCap && profile.totalCap.length > 0 && fo.rate !== undefined) {
    const caps = profile.totalCap.filter((c) => fo.rate! < c.belowRate - EPS).map((c) => c.maxTotal);
    const total = st ?? tr.computedTotal;
    if (caps.length && total !== undefined) {
      const cap = Math.min(...caps);
      if (total > cap + tol) {
        const ref = totals?.score && !totals.score.error ? totals.score.ref : totals ? totals.labelRef : t.titleRef;
        out.add('score.total_cap', ref, `预算执行率为 ${fmtPct(fo.rate)}，按权重方案“${profile.name}”总分不应超过 ${fmtNum(cap)}，实际为 ${fmtNum(total)}`, cap, total);
      }
    }
  }
}

// ---------------------------------------------------------------- workbook-wide

function checkBasic(basic: BasicInfo, out: Collector): void {
  const a = num(basic.assets);
  const f = num(basic.fixedAssets);
  const i = num(basic.intangibleAssets);
  if (a !== undefined && basic.assets && (f !== undefined || i !== undefined)) {
    if (basic.fixedAssets?.error || basic.intangibleAssets?.error) return;
    const sum = (f ?? 0) + (i ?? 0);
    if (a < sum - AMOUNT_TOL)
      out.add('asset.components', basic.assets.ref, `资产总额 ${fmtNum(a)} 万元小于固定资产 ${fmtNum(f ?? 0)} 万元与无形资产 ${fmtNum(i ?? 0)} 万元之和 ${fmtNum(sum)} 万元`, sum, a);
  }
}

function checkCrossTable(read: ReadResult, out: Collector): void {
  const dept = read.tables.find((t) => t.kind === 'department');
  const projects = read.tables.filter((t) => t.kind === 'project');
  const basic = read.basic;

  // structure.year_mismatch
  const by = num(basic?.year);
  if (by !== undefined && basic?.year)
    for (const t of read.tables) {
      const ty = num(t.year);
      if (ty !== undefined && t.year && ty !== by)
        out.add('structure.year_mismatch', t.year.ref, `本表年度 ${ty} 与基本情况中的评价年度 ${by}（${basic.year.ref.sheet}!${basic.year.ref.cell}）不一致`, by, ty);
    }

  // funds.conflict
  const deptTotal = dept?.funds?.rows.find((r) => r.kind === 'total');
  const bi = num(basic?.budgetIncome);
  const di = num(deptTotal?.initial);
  if (bi !== undefined && di !== undefined && basic?.budgetIncome && deptTotal?.initial && Math.abs(bi - di) > AMOUNT_TOL)
    out.add(
      'funds.conflict',
      deptTotal.initial.ref,
      `部门整体支出表年度资金总额的年初预算数 ${fmtNum(di)} 万元与基本情况中的年初预算收入 ${fmtNum(bi)} 万元（${basic.budgetIncome.ref.sheet}!${basic.budgetIncome.ref.cell}）不一致`,
      bi,
      di,
    );

  // funds.projects
  const projRow = dept?.funds?.rows.find((r) => r.kind === 'project');
  const pv = num(projRow?.adjusted);
  if (projRow?.adjusted && pv !== undefined && projects.length > 0) {
    const amounts = projects.map((p) => num(p.funds?.rows.find((r) => r.kind === 'total')?.adjusted));
    if (amounts.every((x) => x !== undefined)) {
      const sum = (amounts as number[]).reduce((s, x) => s + x, 0);
      if (Math.abs(sum - pv) > AMOUNT_TOL)
        out.add(
          'funds.projects',
          projRow.adjusted.ref,
          `部门项目支出全年预算数 ${fmtNum(pv)} 万元与本工作簿 ${projects.length} 个项目支出绩效自评表的全年预算数之和 ${fmtNum(sum)} 万元不符（${(amounts as number[]).map(fmtNum).join(' + ')}）`,
          sum,
          pv,
        );
    }
  }
}

// ---------------------------------------------------------------- entry

export function runChecks(read: ReadResult, profile: Profile): CheckResult {
  const out = new Collector();
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
