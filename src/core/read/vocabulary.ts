// The labels of workbook.md §2–§3, each 'canonical|synonym|…' (matched after labels.ts normalisation).

import type { BasicInfo } from '../types';

export const BASIC_FIELDS: { label: string; field: keyof BasicInfo; type: 'text' | 'year' | 'count' | 'amount' }[] = [
  { label: '部门名称|单位名称', field: 'department', type: 'text' },
  { label: '评价年度|年度', field: 'year', type: 'year' },
  { label: '部门职责|主要职责', field: 'duties', type: 'text' },
  { label: '机构设置|组织机构', field: 'organisation', type: 'text' },
  { label: '行政编制', field: 'adminPosts', type: 'count' },
  { label: '事业编制', field: 'institutionPosts', type: 'count' },
  { label: '实有人数', field: 'staff', type: 'count' },
  { label: '资产总额', field: 'assets', type: 'amount' },
  { label: '固定资产', field: 'fixedAssets', type: 'amount' },
  { label: '无形资产', field: 'intangibleAssets', type: 'amount' },
  { label: '年初预算收入', field: 'budgetIncome', type: 'amount' },
  { label: '决算收入', field: 'finalIncome', type: 'amount' },
  { label: '上年结转', field: 'carryover', type: 'amount' },
  { label: '评价依据', field: 'basis', type: 'text' },
  { label: '年度工作完成情况|绩效目标完成情况', field: 'achievements', type: 'text' },
  { label: '自评组织工作', field: 'selfEvalOrganisation', type: 'text' },
  { label: '存在问题', field: 'problems', type: 'text' },
  { label: '改进措施', field: 'measures', type: 'text' },
  { label: '权重方案', field: 'profile', type: 'text' },
];
export const BASIC_LABELS = BASIC_FIELDS.map((f) => f.label);
export const TEAM_LABELS = ['评价工作组|评价工作组人员名单'];
export const TEAM_COLS = ['姓名', '工作单位', '职务', '职称', '备注'];

export const DEPT_HEAD = ['部门名称|单位名称|部门'];
export const PROJECT_HEAD = ['项目名称', '主管部门', '实施单位|项目实施单位'];
/** Labels that may stand in a table's head; a value never is one of them. */
export const ANY_HEAD = [
  '部门名称|单位名称|部门',
  '项目名称',
  '主管部门',
  '实施单位|项目实施单位',
  '项目负责人',
  '联系电话',
  '联系人',
  '评价年度|年度',
  '项目属性',
  '项目类型',
  '填报单位',
];
export const YEAR_HEAD = ['评价年度|年度'];
export const PROJECT_NAME = ['项目名称'];

export type FundsCol = 'initial' | 'adjusted' | 'executed' | 'weight' | 'rate' | 'score';
export const FUNDS_COLS = [
  'initial|年初预算数|年初预算',
  'adjusted|全年预算数|调整后预算数|预算数',
  'executed|全年执行数|预算执行数|执行数',
  'weight|分值|权重',
  'rate|执行率|预算执行率|预算执行进度',
  'score|得分|自评得分',
];

export const FUNDS_ROWS = [
  'total|年度资金总额|资金总额|年度财政资金总额|总额',
  'basic|基本支出',
  'project|项目支出',
  'appropriation|当年财政拨款|本年财政拨款|财政拨款|财政资金',
  'carryover|上年结转资金|上年结转',
  'special|财政专户管理资金|单位资金',
  'other|其他资金|其他',
];

/** The heads of a split of the funds total (a department table's 按收入性质分 / 按支出性质分). */
export const FUNDS_SPLITS = ['income|按收入性质分|按收入性质', 'expenditure|按支出性质分|按支出性质'];

export const GOALS_ROW = ['年度总体目标|年度绩效目标'];
export const GOALS_COLS = [
  'expected|预期目标|年初设定目标|项目年度目标',
  'actual|实际完成情况|实际完成值|年度总体目标完成情况综述|年度目标完成情况',
];

export type IndCol =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation'
  | 'tier'
  | 'comparator'
  | 'unit'
  | 'criteria';
export const IND_COLS = [
  'level1|一级指标',
  'level2|二级指标',
  'name|三级指标|指标名称',
  'target|年度指标值|指标值|年初指标值|预期指标值|年初目标值',
  'actual|实际完成值|完成值|全年实际值|全年完成值|单项指标实际完成值',
  'weight|分值|权重|指标权重',
  'score|得分|指标得分|自评得分|单项指标得分',
  'deviation|偏差原因分析及改进措施|偏差原因|未完成原因分析|未完成原因及拟采取的改进措施',
  'tier|完成档次|完成情况',
  'comparator|指标性质|计算符号|比较符|符号',
  'unit|度量单位|计量单位|单位',
  'criteria|评分标准|评分要点|评分细则|评分办法',
];
/** The columns that make a row an indicator header (three of them are enough). */
export const IND_CORE: IndCol[] = ['level1', 'level2', 'name', 'target', 'actual', 'score'];
export const IND_REQUIRED: { key: IndCol; label: string }[] = [
  { key: 'level1', label: '一级指标' },
  { key: 'level2', label: '二级指标' },
  { key: 'name', label: '三级指标' },
  { key: 'target', label: '年度指标值' },
  { key: 'actual', label: '实际完成值' },
  { key: 'score', label: '得分' },
];
/** A department scoring table needs no target or actual: a score and its criteria. */
export const SCORING_REQUIRED: { key: IndCol; label: string }[] = [
  { key: 'level1', label: '一级指标' },
  { key: 'weight', label: '分值' },
  { key: 'score', label: '得分' },
];
/** Level-1 names of the 部门整体支出绩效评价 framework. */
export const SCORING_LEVEL1 = ['投入', '过程', '产出', '效果', '效益', '部门决策', '部门管理', '部门绩效', '履职效能', '能力建设'];

export const TOTALS_ROW = ['总分|合计|自评总分'];
export const GRADE_LABEL = ['评价等级|自评等级|绩效等级'];
export const GRADE_WORDS = new Set(['优', '良', '中', '差', '优秀', '良好', '中等', '较差']);

export const DEPT_TITLE = '部门整体支出绩效自评表';
export const PROJECT_TITLE = '项目支出绩效自评表';
/** The department framework's own title phrase (…部门整体支出绩效评价表 / …评价指标评分表). */
export const DEPT_EVAL_TITLE = '部门整体支出绩效评价';
