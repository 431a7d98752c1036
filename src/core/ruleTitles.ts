// Plain-language titles of the checks, as the task pane groups findings under them
// (the rule ids of rules.md stay internal). The report proofreading's text.* findings have
// their own panel and wording; a rule without a title here shows as 其他问题 (a test keeps every
// rule of the checks titled).

import type { RuleId } from './types';

export const RULE_TITLE: Partial<Record<RuleId, string>> = {
  'structure.no_table': '未找到绩效自评表',
  'structure.label_missing': '表中缺少必需的栏目',
  'structure.no_profile': '缺少“基本情况”工作表',
  'structure.year_mismatch': '评价年度不一致',
  'structure.sheet_unreadable': '工作表无法读取',
  'structure.cell_error': '单元格显示错误值',
  'structure.total_missing': '表中没有总分行',
  'structure.block_unread': '表中有部分内容未能读取',
  'weight.total': '分值合计不是 100',
  'weight.level1': '一级指标分值与方案不符',
  'weight.execution': '预算执行率分值与方案不符',
  'weight.nonpositive': '指标分值不是正数',
  'score.range': '得分超出分值范围',
  'score.recomputed': '指标得分与重算结果不符',
  'score.qualitative_band': '定性指标得分不在所选档次内',
  'score.total': '总分与各项得分之和不符',
  'score.grade': '评价等级与总分不符',
  'score.inflated': '未完成的指标得了满分',
  'score.total_cap': '总分超过执行率允许的上限',
  'exec.rate': '预算执行率计算有误',
  'exec.score': '预算执行率得分有误',
  'exec.over_budget': '执行数超过预算数',
  'exec.zero_budget': '预算数为空或为零',
  'funds.components': '资金总额与构成之和不符',
  'funds.projects': '项目支出与各项目资金不符',
  'funds.conflict': '同一金额前后填写不一致',
  'funds.unit': '金额可能按“元”填写',
  'indicator.value_missing': '指标缺少实际完成值',
  'indicator.unparsed': '无法识别的指标值',
  'indicator.deviation_missing': '扣分未说明偏差原因',
  'indicator.overachieved': '大幅超额完成未说明原因',
  'indicator.unit_mismatch': '指标值与完成值单位不一致',
  'indicator.level_unknown': '无法识别的指标层级',
  'indicator.duplicate': '指标重复',
  'asset.components': '资产总额小于其构成之和',
  'text.figure': '报告中的数与表格不符',
  'text.conflict': '报告对同一数字前后说法不一',
  'text.unit': '报告中的金额单位可能写错',
  'text.sum': '报告中的合计与分项之和不符',
  'text.total': '报告中的总分与重算结果不符',
  'text.grade': '报告中的评价等级与重算结果不符',
  'text.grade_score': '报告中的等级与所写总分不符',
  'text.numbering': '标题编号不连续或样式不一',
  'text.outline': '报告缺少规定的章节',
  'text.completion': '报告说已完成的指标表中未完成',
  'text.unverified': '表格中没有、未能核对的数',
  'text.empty': '报告没有文字',
};

export function ruleTitle(rule: string): string {
  return (RULE_TITLE as Record<string, string>)[rule] ?? '其他问题';
}
