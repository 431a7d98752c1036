// Workbooks for the task pane's tests, built here so the tests state what they hold.

import { makeSheet } from '../../src/core/grid';
import type { Grid, Sheet } from '../../src/core/grid';

/** A 基本情况 sheet naming the department, the year and the scoring profile. */
export function basicSheet(profile: string): Sheet {
  return makeSheet('基本情况', [
    ['部门基本情况表'],
    ['部门名称', '某县教育局'],
    ['评价年度', '2025年'],
    ['部门职责', '负责全县教育工作'],
    ['机构设置', '内设股室8个'],
    ['行政编制', 20, '事业编制', 35],
    ['实有人数', 53],
    ['资产总额（万元）', 1200.5],
    ['固定资产', 1000],
    ['无形资产', 50],
    ['年初预算收入', 30],
    ['决算收入', 30],
    ['上年结转', 5],
    ['评价依据', '《项目支出绩效评价管理办法》'],
    ['年度工作完成情况', '完成校舍改造'],
    ['存在问题', '进度偏慢'],
    ['改进措施', '加强调度'],
    ['权重方案', profile],
    [],
    ['评价工作组'],
    ['姓名', '工作单位', '职务', '职称', '备注'],
    ['张三', '某县财政局', '股长', '会计师', '组长'],
  ]);
}

/**
 * A project table that is consistent under the 财政部 profile (产出 50, 效益 30, 满意度 10,
 * 执行 10): execution 30 / 31.8 = 94.34 % -> 9.43; indicators 88; total 97.43, grade 优.
 * `total` and `rate` override the stated total and execution rate (to plant a slip).
 */
export function projectSheet(opts: { total?: number; name?: string; rate?: number } = {}): Sheet {
  return makeSheet(
    opts.name ?? '项目1',
    [
      ['项目支出绩效自评表'],
      ['（2025年度）'],
      ['项目名称', '校舍改造工程'],
      ['主管部门', '某县教育局', null, '实施单位', '某县第一中学'],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 30, 31.8, 30, 10, { value: opts.rate ?? 0.9434, format: '0.00%' }, 9.43],
      [null, '其中：当年财政拨款', 25, 25, 24],
      [null, '上年结转资金', 5, 6.8, 6],
      [null, '其他资金', '—', '—', '—'],
      ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
      [null, '完成校舍改造', null, null, null, '已完成校舍改造'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      [null, '产出指标', '数量指标', '改造校舍面积', '≥3000平方米', '3200平方米', 25, 25],
      [null, null, '质量指标', '验收合格率', '100%', '100%', 15, 15],
      [null, null, '成本指标', '单位造价', '≤1500元/平方米', '1450元/平方米', 10, 10],
      [null, '效益指标', '社会效益指标', '办学条件改善', '明显改善', '明显改善', 30, 28, '个别学校进度滞后'],
      [null, '满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '95%', 10, 10],
      ['总分', null, null, null, null, null, 100, opts.total ?? 97.43, '优'],
    ],
    { merges: ['A1:I1', 'A5:A9'] },
  );
}

/** No finding under its own profile (财政部). */
export function cleanWorkbook(): Grid {
  return { sheets: [basicSheet('财政部'), projectSheet()] };
}

/** A stated total that does not add up: an error on the total cell. */
export function slippedWorkbook(): Grid {
  return { sheets: [basicSheet('财政部'), projectSheet({ total: 99 })] };
}

/** Text, but no table. */
export function tablelessWorkbook(): Grid {
  return { sheets: [makeSheet('Sheet1', [['会议记录'], ['时间', '2025年3月']])] };
}
