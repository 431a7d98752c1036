// Every word the report writes, in one place. The writers (head.ts, section1.ts … section6.ts,
// problems.ts) decide what to say; this file says how.
//
// The narrative speaks as the department (report.md "Tables, projects, voice"): what only
// the checker knows (recomputed differences, conflicts between sheets, "please verify")
// is worded here only for the opening notice (NOTICE_*) and the figure table (NOTE_*).

import { fmtScore } from '../format';

// ---------------------------------------------------------------- titles and headings

export const TITLE_DEPT = (name: string, year: string) => `${name}${year}整体支出绩效自评报告`;
export const TITLE_PROJECT = (name: string, year: string) => `${name}${year}项目支出绩效自评报告`;
export const NAME_MISSING = '（部门名称未填写）';
export const YEAR_MISSING = '（评价年度未填写）年度';

export interface Headings {
  s1: string;
  s1a: string;
  s1b: string;
  s1c: string;
  s2: string;
  s2a: string;
  s2b: string;
  s3: string;
  s3a: string;
  s3b: string;
  s4: string;
  s5: string;
  s5a: string;
  s5b: string;
  s6: string;
}

const COMMON = {
  s2: '自评工作开展情况',
  s2a: '自评的组织工作',
  s2b: '自评的方法和过程',
  s3a: '总体绩效目标实现情况',
  s3b: '分项绩效目标实现情况及指标分析',
  s4: '评价结论和评价等级',
  s5: '存在的问题及改进措施',
  s5a: '存在的主要问题',
  s5b: '改进措施',
  s6: '评价工作组人员名单',
};

export const HEADINGS_DEPT: Headings = {
  ...COMMON,
  s1: '部门基本情况',
  s1a: '部门概况',
  s1b: '部门收支预决算情况',
  s1c: '部门整体支出绩效目标、指标',
  s3: '部门整体支出绩效目标实现情况及指标分析',
};

export const HEADINGS_PROJECT: Headings = {
  ...COMMON,
  s1: '项目基本情况',
  s1a: '项目概况',
  s1b: '项目资金情况',
  s1c: '项目绩效目标、指标',
  s3: '项目绩效目标实现情况及指标分析',
};

// ---------------------------------------------------------------- the opening notice (the checker speaks)

export const NOTICE_MAX_ITEMS = 20;
export const NOTICE_ERRORS = (n: number) => `【注意】本报告依据的表格尚有${n}处错误，请更正后再提交：`;
export const NOTICE_PARTS = '【说明】本报告有以下内容未能写入，请补充后重新生成：';
export const NOTICE_MORE = (n: number) => `…另有${n}处错误未列出，详见检查结果。`;
export const NOTICE_NO_BASIC = '工作簿中没有“基本情况”工作表：部门概况、评价依据、自评组织工作、年度工作完成情况、存在问题、改进措施和评价工作组人员名单未能写入。';
export const NOTICE_NO_TABLES = '工作簿中没有找到部门整体支出或项目支出绩效自评表：收支、指标和得分无法列示。';
export const NOTICE_MEASURE_GAP = (k: number) => `“基本情况”表的存在问题第${k}条没有对应的改进措施。`;
export const NOTICE_NO_TOTAL = (who: string) => `${who}的自评表缺少可计算的得分，总分未能计算。`;
/** A table cut short (totalsMissing): the notice says so; the narrative states no total. */
export const NOTICE_NO_TOTALS_ROW = (who: string) => `${who}的自评表没有总分行（表格可能不完整）：总分和评价等级未写入报告，请补全表格后重新生成。`;
export const NOTICE_NO_TEAM = '“基本情况”表未填写评价工作组人员名单。';

// ---------------------------------------------------------------- the figure table (the checker speaks)

export const FIGURES_CAPTION = '本报告所用数据及来源';
export const FIGURES_HEADER = ['数据项', '数值', '来源工作表', '来源单元格', '核对说明'];
export const FIGURES_NONE = '（本报告未引用表中数据）';
export const NOTE_RECOMPUTED = '由表中数据重新计算';
export const NOTE_STATED = (stated: string) => `重新计算；表中填报${stated}`;
export const NOTE_DIFFERS = (other: string) => `与${other}不一致`;

// ---------------------------------------------------------------- preamble

export const PRINCIPLES = '科学公正、统筹兼顾、激励约束、公开透明';
export const BASIS_DEFAULT = '按照全面实施预算绩效管理的有关规定';
export const BASIS_LEAD = /^(根据|按照|依据|依照|贯彻|为|遵照)/;
export const BASIS_TAIL = /(要求|规定|精神|办法|意见|通知)$/;
export const basisPhrase = (docs: string) => (BASIS_LEAD.test(docs) ? docs : `根据${docs}`) + (BASIS_TAIL.test(docs) ? '' : '的有关要求');
export const PREAMBLE = (basis: string, subject: string, yearWords: string, project: boolean) =>
  `${basis}，${subject}遵循“${PRINCIPLES}”的原则，对${yearWords}${project ? '项目支出' : '部门整体支出'}开展了绩效自评价。现将自评情况报告如下。`;

// ---------------------------------------------------------------- 一、基本情况

export const NOT_FILLED = '未填写。';
export const DUTIES = (t: string) => `部门职责：${t}`;
export const ORG = (t: string) => `机构设置及人员编制：${t}`;
export const ASSETS = (t: string) => `资产情况：${t}`;
export const ASSETS_AT = (year: string) => `截至${year}年12月31日，`;
export const NO_BASIC_PART = '“基本情况”工作表未提供。';
export const FUNDS_NONE_TABLE = '部门整体支出绩效自评表的年度资金总额未填写金额。';
export const FUNDS_NONE = '本年度收支预决算数据未填写。';
/** A split of the funds total as the table states it: 按收入性质分 / 按支出性质分. */
export const SPLIT = (kind: 'income' | 'expenditure', total: string | undefined, parts: string[]) =>
  `${kind === 'income' ? '按收入性质分' : '按支出性质分'}${total ? `，合计${total}` : ''}${parts.length ? `，其中${parts.join('、')}` : ''}`;
export const SPLITS = (list: string[]) => `${list.join('；')}。`;
export const FUNDS_NO_RATE = '年度资金总额未填写，预算执行率无法计算。';
export const FUNDS_PROJECTS_SUM = (n: number, yearWords: string, adj: string, exe: string) =>
  `${yearWords}纳入自评的${n}个项目全年预算数合计${adj}，全年执行数合计${exe}`;
export const FUNDS_PROJECTS_INCOMPLETE = '部分项目未填写全年预算数或全年执行数，未计入合计。';
export const GOAL_DEPT = (t: string) => `年度总体目标：${t}`;
export const GOAL_DEPT_NONE = '年度总体目标（预期目标）未填写。';
export const GOAL_PROJECT = (name: string, t: string | undefined) => `${name}：${t ?? '年度目标未填写。'}`;
export const GOALS_PROJECTS_LEAD = '各项目的年度目标如下：';
export const ACHIEVEMENTS_LEAD = (yearWords: string) => `${yearWords}工作完成情况如下：`;
export const ACHIEVEMENTS_NONE = '年度工作完成情况未填写。';

// ---------------------------------------------------------------- 二、自评工作开展情况

export const ORG_WORK_NONE = '自评组织工作情况未填写。';
export const PROJECTS_LEAD = (yearWords: string, subject: string, n: string) => `${yearWords}${subject}纳入自评的项目共${n}`;
export const PROJECTS_SUM = (sum: string) => `，全年预算数合计${sum}，各项目资金和自评结果如下：`;
export const PROJECTS_LIST = '，各项目资金和自评结果如下：';
export const PROJECTS_NONE = '本年度未单独开展项目支出绩效自评。';
export const PROJECTS_DEPT_AMOUNT = (amt: string) => `部门整体支出中项目支出全年预算数为${amt}。`;
export const PROJECTS_TABLE_HEADER = ['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '评价等级'];
export const PROJECTS_TABLE_GROUPS = [
  { text: '项目名称', span: 1 },
  { text: '资金情况（万元）', span: 2 },
  { text: '执行率', span: 1 },
  { text: '自评得分', span: 1 },
  { text: '评价等级', span: 1 },
];
/** The weights the table scored with, in its order; 百分制 and the 合计 only when they make 100. */
export const METHOD_WEIGHTS = (parts: [string, number][]) => {
  const list = parts.map(([n, w]) => `${n}${fmtScore(w)}分`).join('，');
  const total = parts.reduce((a, [, w]) => a + w, 0);
  return Math.abs(total - 100) < 0.005 ? `自评按百分制评分：${list}，合计100分。` : `自评各部分分值为：${list}。`;
};
/** A department scoring table (投入 / 过程 / 产出 / 效果): scored against its 评分标准. */
export const METHOD_PROCESS_SCORING =
  '自评工作组对照部门整体支出绩效评价指标及其评分标准，逐项核对相关资料和数据，按评分标准评定各项指标得分。';
export const METHOD_PROCESS =
  '自评工作组对照年初设定的绩效目标和指标，逐项核对实际完成情况及相关资料：定量指标按完成值与指标值之比计算得分，定性指标按完成档次评定得分；预算执行率按全年执行数除以全年预算数计算，并据此计算预算执行率得分。';

// ---------------------------------------------------------------- 三、目标实现情况及指标分析

export const ACTUAL_NONE = '年度总体目标的实际完成情况未填写。';
export const ACTUAL_PROJECT = (name: string, t: string | undefined) => `${name}：${t ?? '实际完成情况未填写。'}`;
export const LEVEL1_MISSING = '（一级指标未填写）';
export const GROUP_HEAD = (name: string, meta: string[]) => `${name}${meta.length ? `（${meta.join('，')}）` : ''}`;
export const GROUP_WEIGHT = (s: string) => `分值${s}`;
export const GROUP_SCORE = (s: string) => `得分${s}`;
export const INDICATOR_HEADER = ['二级指标', '三级指标', '指标值', '完成值', '分值', '得分'];
/** A table with no 分值 column (the 20 + 80 layout): weights are those of the level-1 labels. */
export const INDICATOR_HEADER_UNSCORED = ['二级指标', '三级指标', '指标值', '完成值', '得分'];
/** A department scoring table (投入 / 过程 / 产出 / 效果). */
export const SCORING_HEADER = ['二级指标', '三级指标', '分值', '评分标准', '自评得分'];
export const NONE_CELL = '—';
export const CORE_MARK = '★';
/** Before the name of a 其中 detail line: two ideographic spaces. */
export const DETAIL_INDENT = '\u3000\u3000';
export const CORE_NOTE = '注：标“★”的为核心指标，其下“其中”各行为该指标的明细，不单独计分。';
export const CRITERIA_MAX = 40;
/** A 评分标准 as the table shows it: one line, at most CRITERIA_MAX characters. */
export const shortCriteria = (t: string) => {
  const one = t.replace(/\s*[\r\n]+\s*/g, '；').trim();
  return one.length > CRITERIA_MAX ? one.slice(0, CRITERIA_MAX - 1) + '…' : one;
};
export const NOT_FILLED_CELL = '未填写';
/** A level of a table with no 分值 per indicator whose scores add up to less than its labelled weight. */
export const GROUP_BELOW = (name: string, score: string, weight: string) => `${name}合计得分${score}，低于该项分值${weight}。`;
export const GROUP_FULL = (name: string) => `${name}各项指标均取得满分。`;
export const SHORTFALL = (name: string, detail: string, reason: string | undefined) =>
  `“${name}”${detail}。偏差原因：${reason ?? '未填写。'}`;
export const SHORT_BELOW = (score: string, weight: string) => `得分${score}，未达满分（分值${weight}）`;
export const SHORT_UNMET = '完成档次为未达成';
export const SHORT_VALUES = (target: string | undefined, actual: string | undefined) =>
  [target ? `指标值${target}` : '', actual ? `完成值${actual}` : ''].filter((x) => x).join('，');
export const EXEC_GROUP = '预算执行率';
export const EXEC_HEADER = ['全年预算数（万元）', '全年执行数（万元）', '执行率', '分值', '得分'];
export const EXEC_NONE = '全年预算数或全年执行数未填写，预算执行率无法计算。';
export const PROJECTS_GROUP = '项目支出绩效情况';
export const PROJECT_RESULT = (name: string, total: string | undefined, grade: string | undefined) =>
  `${name}自评得分${total ?? '未能计算'}${grade ? `，评价等级为“${grade}”` : ''}。`;
export const PROJECT_NO_TOTALS_ROW = (name: string) => `${name}的自评表未列示总分和评价等级。`;
export const PROJECT_ALL_FULL = '各项指标均取得满分。';
export const PROJECT_SHORT_LEAD = '未达满分的指标：';
export const INDICATORS_NONE = '绩效指标未填写。';
export const INDICATORS_NO_TABLE = '工作簿中没有自评表，绩效指标无法分析。';

// ---------------------------------------------------------------- 四、评价结论

export const CONCLUSION = (who: string, total: string, exec: string | undefined, grade: string | undefined) =>
  `综合评价，${who}绩效自评得分为${total}${exec ? `（其中预算执行率得分${exec}）` : ''}${grade ? `，评价等级为“${grade}”` : ''}。`;
export const CONCLUSION_NONE = (who: string) => `${who}的自评得分未能计算。`;
/** The table has no 总分 row: no total or grade is stated. */
export const CONCLUSION_NO_TOTALS_ROW = (who: string) => `${who}的自评表未列示总分和评价等级。`;
export const CONCLUSION_NO_TABLE = '工作簿中没有自评表，无法得出评价结论。';
export const WHO_DEPT = (yearWords: string, subject: string) => `${yearWords}${subject}整体支出`;

// ---------------------------------------------------------------- 五、存在的问题及改进措施

export const PROBLEMS_NONE = '本年度预算资金已全部执行，各项绩效指标均取得满分，未发现需要说明的问题。';
export const PROBLEM_EXEC = (who: string, rate: string, left: string) => `${who}预算执行率为${rate}，尚有${left}未执行。`;
export const PROBLEM_EXEC_DETAIL = (rate: string, left: string) => `预算执行率为${rate}，尚有${left}未执行`;
export const PROBLEM_INDICATOR = (who: string, name: string, detail: string) => `${who ? `${who}的` : ''}“${name}”指标未完全达成：${detail}。`;
export const MEASURE_EXEC = (who: string, left: string) =>
  `加快${who}预算执行进度，对尚未执行的${left}资金逐项查明原因，能执行的抓紧执行，不再需要的按规定收回统筹。`;
export const MEASURE_INDICATOR = (who: string, name: string, reason: string | undefined, target: string | undefined) =>
  `${who ? `${who}的` : ''}“${name}”：${reason ? `针对${reason}的情况，` : ''}调整工作安排和资源投入，确保下一年度${target ? `达到${target}` : '完成指标值'}。`;
export const MEASURE_OWN = (who: string, name: string, measure: string) => `${who ? `${who}的` : ''}“${name}”：${measure}`;
/** The second and later execution measures, so that no sentence repeats. */
export const MEASURE_EXEC_MORE = (who: string, left: string) => `${who}尚未执行的${left}资金，年内落实用途、加快支付，确实无法使用的按规定收回。`;
export const MEASURE_GAP = (problem: string) => `针对“${problem}”的问题：改进措施未填写。`;
/** A clause of a 偏差原因分析及改进措施 cell that states a measure rather than a reason. */
export const MEASURE_CLAUSE = /^(下一年度|下一步|下年度|下年|明年|今后|以后|将|拟|计划|继续|进一步|加强|加快|强化|优化|完善|严格|及时|压缩|提高|提升|落实|建立|健全|改进|督促)/;
/** A user's problem that is about budget execution. */
export const EXEC_PROBLEM = /执行|支出进度|支付进度|资金支付|结余|结转/;

// ---------------------------------------------------------------- 六、评价工作组

export const TEAM_HEADER = ['姓名', '工作单位', '职务', '职称', '签字', '备注'];
export const TEAM_NONE = '评价工作组人员名单未填写。';

/** Phrases of a checking tool the narrative never uses (only the notice and the figure table may). */
export const TOOL_PHRASES = ['重新计算', '请核实', '权重方案', '经对表中数据核查', '核查', '请补充', '重新生成', '表中填报', '以重新计算的结果为准'];
export const MEASURES_NONE = '继续保持预算执行和绩效管理的现有做法，巩固自评成果。';
