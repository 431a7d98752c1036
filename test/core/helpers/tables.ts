// Builders of self-evaluation workbooks for the reader's tests (and anyone who needs a grid).
// Positions are stated relative to the table's origin, so a test can shift a table anywhere.

import { makeSheet, parseA1, a1 } from '../../../src/core/grid';
import type { CellInput, Sheet } from '../../../src/core/grid';

/** The address of (row, col) of a table placed at `origin` (0-based offsets). */
export function at(origin: string, row: number, col: number): string {
  const o = parseA1(origin);
  return a1(o.r + row, o.c + col);
}

/** A merge range given in table offsets. */
export function span(origin: string, r1: number, c1: number, r2: number, c2: number): string {
  return `${at(origin, r1, c1)}:${at(origin, r2, c2)}`;
}

export interface IndicatorRow {
  level1?: string;
  level2?: string;
  name: string;
  target: CellInput;
  actual: CellInput;
  weight?: CellInput;
  score?: CellInput;
  deviation?: CellInput;
}

export const DEPT_INDICATORS: IndicatorRow[] = [
  { level1: '产出指标', level2: '数量指标', name: '指标1：培训教师人次', target: '≥500人次', actual: '520人次', weight: 20, score: 20 },
  { level2: '质量指标', name: '培训合格率', target: '≥95%', actual: '96%', weight: 10, score: 10 },
  { level2: '时效指标', name: '完成时间', target: '12月底前', actual: '12月', weight: 10, score: 10 },
  { level1: '效益指标', level2: '社会效益指标', name: '教学质量', target: '有所提升', actual: '有所提升', weight: 20, score: 18, deviation: '部分学校进度滞后' },
  { level2: '可持续影响指标', name: '长效机制', target: '健全', actual: '健全', weight: 20, score: 20 },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '教师满意度', target: '≥90%', actual: '92%', weight: 10, score: 10 },
];

export interface DeptOptions {
  name?: string;
  origin?: string;
  title?: string;
  indicators?: IndicatorRow[];
  /** Merge the level cells down their groups (else leave the cells below blank). */
  mergeLevels?: boolean;
}

/**
 * A standard department table:
 *  0 title (A:I merged)          1 （2025年度）
 *  2 部门名称 | 某县教育局
 *  3 预算资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *  4   | 年度资金总额 | 150 | 160 | 155 | 10 | 96.88% | 9.69
 *  5   | 其中：基本支出 | 100 | 100 | 98
 *  6   | 项目支出 | 50 | 60 | 57
 *  7 年度总体目标 | 预期目标 | | | | 实际完成情况
 *  8   | goal text | | | | done text
 *  9 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 * 10.. indicators; then 总分 | … | 100 | 98 ; 评价等级 | 优
 */
export function deptSheet(opts: DeptOptions = {}): Sheet {
  const o = opts.origin ?? 'A1';
  const inds = opts.indicators ?? DEPT_INDICATORS;
  const rows: CellInput[][] = [
    [opts.title ?? '某县2025年度部门整体支出绩效自评表'],
    ['（2025年度）'],
    ['部门名称', '某县教育局'],
    ['预算资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 150, 160, 155, 10, { value: 0.96875, format: '0.00%', text: '96.88%' }, 9.69],
    [null, '其中：基本支出', 100, 100, 98],
    [null, '项目支出', 50, 60, 57],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '完成年度教育教学任务', null, null, null, '全面完成年度任务'],
    ['绩效指标（90分）', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  const merges: string[] = [span(o, 0, 0, 0, 8), span(o, 3, 0, 6, 0), span(o, 7, 0, 8, 0), span(o, 7, 1, 7, 4), span(o, 8, 1, 8, 4), span(o, 7, 5, 7, 8), span(o, 8, 5, 8, 8)];
  const first = rows.length;
  let g1 = -1;
  let g2 = -1;
  inds.forEach((ind, i) => {
    const r = first + i;
    rows.push([null, ind.level1 ?? null, ind.level2 ?? null, ind.name, ind.target, ind.actual, ind.weight ?? null, ind.score ?? null, ind.deviation ?? null]);
    if (opts.mergeLevels) {
      if (ind.level1 !== undefined) {
        if (g1 >= 0 && r - 1 > g1) merges.push(span(o, g1, 1, r - 1, 1));
        g1 = r;
      }
      if (ind.level2 !== undefined) {
        if (g2 >= 0 && r - 1 > g2) merges.push(span(o, g2, 2, r - 1, 2));
        g2 = r;
      }
    }
  });
  const last = first + inds.length - 1;
  if (opts.mergeLevels) {
    if (g1 >= 0 && last > g1) merges.push(span(o, g1, 1, last, 1));
    if (g2 >= 0 && last > g2) merges.push(span(o, g2, 2, last, 2));
  }
  merges.push(span(o, first - 1, 0, last, 0));
  rows.push(['总分', null, null, null, null, null, 100, 98]);
  rows.push(['评价等级', '优']);
  merges.push(span(o, rows.length - 2, 0, rows.length - 2, 5));
  return makeSheet(opts.name ?? '部门整体', rows, { origin: o, merges });
}

export const PROJECT_INDICATORS: IndicatorRow[] = [
  { level1: '产出指标', level2: '数量指标', name: '1.改造校舍面积', target: '≥3000平方米', actual: '3200平方米', weight: 25, score: 25 },
  { level2: '质量指标', name: '验收合格率', target: '100%', actual: '100%', weight: 15, score: 15 },
  { level2: '成本指标', name: '（1）单位造价', target: '≤1500元/平方米', actual: '1450元/平方米', weight: 10, score: 10 },
  { level1: '效益指标', level2: '社会效益指标', name: '办学条件改善', target: '明显改善', actual: '明显改善', weight: 30, score: 28, deviation: '个别学校进度滞后' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '师生满意度', target: '≥90%', actual: '95%', weight: 10, score: 10 },
];

export interface ProjectOptions {
  name?: string;
  origin?: string;
  project?: string;
  indicators?: IndicatorRow[];
}

/**
 * A standard project table:
 *  0 项目支出绩效自评表   1 （2025年度）
 *  2 项目名称 | 校舍改造工程
 *  3 主管部门 | 某县教育局 | | 实施单位 | 某县第一中学
 *  4 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
 *  5   | 年度资金总额 | 30 | 31.8 | 30 | 10 | 94.34% | 9.43
 *  6   | 其中：当年财政拨款 | 25 | 25 | 24
 *  7   | 上年结转资金 | 5 | 6.8 | 6
 *  8   | 其他资金 | — | — | —
 *  9 年度总体目标 | 预期目标 | | | | 实际完成情况
 * 10   | text | | | | text
 * 11 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 * 12.. indicators (level cells blank below the first of a group); 总分 | … | 100 | 97.43 | 优
 */
export function projectSheet(opts: ProjectOptions = {}): Sheet {
  const o = opts.origin ?? 'A1';
  const inds = opts.indicators ?? PROJECT_INDICATORS;
  const rows: CellInput[][] = [
    ['项目支出绩效自评表'],
    ['（2025年度）'],
    ['项目名称', opts.project ?? '校舍改造工程'],
    ['主管部门', '某县教育局', null, '实施单位', '某县第一中学'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 30, 31.8, 30, 10, { value: 0.9434, format: '0.00%', text: '94.34%' }, 9.43],
    [null, '其中：当年财政拨款', 25, 25, 24],
    [null, '上年结转资金', 5, 6.8, 6],
    [null, '其他资金', '—', '—', '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '完成校舍改造', null, null, null, '已完成校舍改造'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ];
  for (const ind of inds) rows.push([null, ind.level1 ?? null, ind.level2 ?? null, ind.name, ind.target, ind.actual, ind.weight ?? null, ind.score ?? null, ind.deviation ?? null]);
  rows.push(['总分', null, null, null, null, null, 100, 97.43, '优']);
  const merges = [span(o, 0, 0, 0, 8), span(o, 4, 0, 8, 0)];
  return makeSheet(opts.name ?? '项目1', rows, { origin: o, merges });
}

/** A 基本情况 sheet with the labels of workbook.md §2. */
export function basicSheet(extra: CellInput[][] = []): Sheet {
  const rows: CellInput[][] = [
    ['部门基本情况表'],
    ['部门名称', '某县教育局'],
    ['评价年度', '2025年'],
    ['部门职责', '负责全县教育工作'],
    ['机构设置', '内设股室8个'],
    ['行政编制', 20, '事业编制', '35'],
    ['实有人数', '５３'],
    ['资产总额（万元）', 1200.5],
    ['固定资产', 1000],
    ['无形资产', 50],
    ['年初预算收入：', 150],
    ['决算收入', 155],
    ['上年结转', 12.3],
    ['评价依据', '《项目支出绩效评价管理办法》'],
    ['年度工作完成情况', '完成任务一\n完成任务二'],
    ['存在问题', '问题一'],
    ['改进措施', '措施一'],
    ['权重方案', '河北'],
    [],
    ['评价工作组'],
    ['姓名', '工作单位', '职务', '职称', '备注'],
    ['张三', '某县财政局', '股长', '会计师', '组长'],
    ['李四', '某县教育局', '科员', null, null],
    [],
    ['说明：以上内容由部门填写'],
    ...extra,
  ];
  return makeSheet('基本情况', rows);
}
