// The demo workbook: the department of the seed report (井陉县委网信办, 2025), laid out in
// the standard layout. Figures follow the seed; texts are written anew.
//
// The sample is consistent everywhere except for the seed's own two slips, so that the
// demo shows exactly these findings (rules.md §4):
//   1. funds.conflict    (error)   部门整体, 年度资金总额 年初预算数: 154.74 in the table against
//                                  基本情况 年初预算收入 158.5 (the seed states both).
//   2. funds.unit        (warning) 部门整体, 基本支出 年初预算数: 1229400 written in 元 where the
//                                  block is in 万元 (122.94 万元 meant; the seed writes "158.5元").
//   3. funds.components  (error)   部门整体, 年度资金总额 年初预算数: 154.74 ≠ 基本支出 + 项目支出
//                                  (1229400 + 31.8), the knock-on of slip 2. The other two amount
//                                  columns add up (122.94 + 31.8 = 154.74; 113.19 + 30.87 = 144.06),
//                                  and so does the split by source (当年财政拨款 + 上年结转).
// Everything else agrees with the hebei-county profile (权重方案 河北): weights 40/40/10 + 10,
// department total 98 → 优; project totals 98.89 and 99.59 → 优; 项目支出 31.8 = 25 + 6.8;
// 资产总额 5.73 ≥ 5.3 + 0.4; every score below its weight has a 偏差原因.

import type { Grid } from './grid';
import { layoutWorkbook, type IndicatorModel, type TableModel, type WorkbookModel } from './template';

const DEPT = '井陉县委网信办';
const LONG_NAME = '中共井陉县委网络安全和信息化委员会办公室';
const YEAR = 2025;

const ind = (level1: string, level2: string, name: string, target: string, actual: string, weight: number, score: number, deviation?: string): IndicatorModel =>
  deviation ? { level1, level2, name, target, actual, weight, score, deviation } : { level1, level2, name, target, actual, weight, score };

const OUT = '产出指标';
const EFF = '效益指标';
const SAT = '满意度指标';
const HEBEI = { 产出指标: 40, 效益指标: 40, 满意度指标: 10 };

function departmentTable(): TableModel {
  const indicators: IndicatorModel[] = [
    ind(OUT, '数量指标', '推送重要讲话及理论文章', '≥500篇', '500余篇', 3, 3),
    ind(OUT, '数量指标', '“网信井陉”公众号推送重点工作内容', '≥200篇', '200余篇', 2, 2),
    ind(OUT, '数量指标', '网络文化活动推出作品', '≥20部', '20余部', 2, 2),
    ind(OUT, '数量指标', '网评员完成网评任务', '≥3万条', '3万余条', 2, 2),
    ind(OUT, '数量指标', '常态化巡查县域网站', '≥100家', '111家', 2, 2),
    ind(OUT, '数量指标', '监测负面舆情信息', '≥30000条', '34186条', 2, 2),
    ind(OUT, '数量指标', '呈报舆情周报', '=52期', '52期', 2, 2),
    ind(OUT, '数量指标', '呈报舆情月报', '=12期', '12期', 2, 2),
    ind(OUT, '数量指标', '下发《舆情预警交办单》', '≥400期', '445期', 2, 2),
    ind(OUT, '数量指标', '网络安全现场抽查单位', '≥10个', '12个', 2, 2),
    ind(OUT, '数量指标', '网络安全进社区、进校园宣传活动', '≥10场', '10场', 2, 2),
    ind(OUT, '数量指标', '网络安全培训及应急演练', '≥4次', '3次', 3, 2.25, '年内工作任务集中，培训演练少开展1次；下一年度年初即排定培训计划，按季度组织。'),
    ind(OUT, '质量指标', '漏洞隐患整改率', '=100%', '100%', 3, 3),
    ind(OUT, '质量指标', '网上有害信息处置率', '=100%', '100%', 3, 3),
    ind(OUT, '质量指标', '政务新媒体账号清理优化', '达到预期', '达到预期', 2, 2),
    ind(OUT, '时效指标', '舆情信息报送', '及时', '及时', 3, 3),
    ind(OUT, '时效指标', '市级风险隐患预警整改', '按时限完成', '按时限完成', 3, 3),
    ind(EFF, '社会效益指标', '全县网络舆情态势', '平稳', '平稳', 8, 8),
    ind(EFF, '社会效益指标', '关键信息基础设施遭受风险IP命中攻击', '≤0次', '0次', 8, 8),
    ind(EFF, '社会效益指标', '全民数字素养与技能提升活动参与人次', '≥2万人次', '超2万人次', 7, 7),
    ind(EFF, '社会效益指标', '发放网络安全宣传资料', '≥5000份', '5000余份', 7, 7),
    ind(EFF, '可持续影响指标', '网评员队伍规模', '≥250名', '230名', 5, 4.6, '网评员招募进度慢于计划，年末队伍由150名增至230名；下一年度继续吸纳骨干，扩充队伍。'),
    ind(EFF, '可持续影响指标', '网络意识形态阵地建设', '达到预期', '达到预期', 5, 5),
    ind(SAT, '服务对象满意度指标', '社会公众满意度', '≥95%', '92%', 5, 4.84, '部分群众对网络举报受理反馈的速度不够满意；将压缩受理反馈时限，及时公开处理结果。'),
    ind(SAT, '服务对象满意度指标', '相关单位满意度', '≥90%', '96%', 5, 5),
  ];
  return {
    kind: 'department',
    name: DEPT,
    year: YEAR,
    funds: {
      unit: '万元',
      rows: [
        { label: '年度资金总额', initial: 154.74, adjusted: 154.74, executed: 144.06, weight: 10, rate: 144.06 / 154.74, score: 9.31 },
        // The seed's slip: 122.94 万元 entered in 元.
        { label: '基本支出', initial: 1229400, adjusted: 122.94, executed: 113.19 },
        { label: '项目支出', initial: 31.8, adjusted: 31.8, executed: 30.87 },
        { label: '其中：当年财政拨款', initial: 154.74, adjusted: 154.74, executed: 144.06 },
        { label: '上年结转资金', initial: 0, adjusted: 0, executed: 0 },
        { label: '其他资金' },
      ],
    },
    goals: {
      expected:
        '围绕网络意识形态、网络安全和信息化三项主责，做好网上正面宣传和舆论引导，全天候监测处置网络舆情，开展网络安全检查、宣传和培训，提升全民数字素养，保障机关正常运转。',
      actual:
        '网上正面宣传有力，全年监测负面舆情34186条，呈报各类舆情报告，全县网络舆情态势平稳；完成网络安全抽查和漏洞整改，未发生风险IP命中攻击；开展数字素养活动40余场次，网评员队伍扩充至230名。',
    },
    indicators,
    level1Weights: HEBEI,
    totalWeight: 100,
    totalScore: 98,
    grade: '优',
  };
}

/**
 * A project of the department, funded wholly by this year's appropriation: the head, the funds
 * block (its 执行率 and 得分 consistent with the amounts) and the totals around its indicators.
 */
function project(name: string, budget: number, executed: number, execScore: number, goals: { expected: string; actual: string }, indicators: TableModel['indicators'], totalScore: number): TableModel {
  return {
    kind: 'project',
    name,
    year: YEAR,
    competentDept: '中共井陉县委网信办',
    implementer: DEPT,
    funds: {
      unit: '万元',
      rows: [
        { label: '年度资金总额', initial: budget, adjusted: budget, executed, weight: 10, rate: executed / budget, score: execScore },
        { label: '其中：当年财政拨款', initial: budget, adjusted: budget, executed },
        { label: '上年结转资金', initial: 0, adjusted: 0, executed: 0 },
        { label: '其他资金' },
      ],
    },
    goals,
    indicators,
    level1Weights: HEBEI,
    totalWeight: 100,
    totalScore,
    grade: '优',
  };
}

function project1(): TableModel {
  return project(
    '2025年网络舆情监测等工作经费',
    25,
    24.35,
    9.74,
    {
      expected: '对各类网络平台开展全天候舆情监测，及时发现、研判、报送和处置网络舆情，防止负面舆情扩散。',
      actual: '对抖音、快手等视频平台实行全天24小时监测，全年呈报舆情日报334期、周报52期、月报12期，下发预警交办单445期，舆情态势总体平稳。',
    },
    [
      ind(OUT, '数量指标', '监测负面舆情信息', '≥30000条', '34186条', 10, 10),
      ind(OUT, '数量指标', '呈报舆情日报', '≥365期', '334期', 10, 9.15, '节假日日报合并报送，全年少报31期；下一年度节假日安排专人值守，按日报送。'),
      ind(OUT, '数量指标', '下发《舆情预警交办单》', '≥400期', '445期', 5, 5),
      ind(OUT, '质量指标', '舆情研判准确率', '≥95%', '98%', 5, 5),
      ind(OUT, '时效指标', '舆情发现和报送', '及时', '及时', 5, 5),
      ind(OUT, '成本指标', '项目支出成本', '≤25万元', '24.35万元', 5, 5),
      ind(EFF, '社会效益指标', '全县网络舆情态势', '平稳', '平稳', 20, 20),
      ind(EFF, '社会效益指标', '负面舆情处置率', '≥95%', '100%', 10, 10),
      ind(EFF, '可持续影响指标', '舆情线上线下协调联动机制运行', '达到预期', '达到预期', 10, 10),
      ind(SAT, '服务对象满意度指标', '相关单位满意度', '≥90%', '95%', 10, 10),
    ],
    98.89,
  );
}

function project2(): TableModel {
  return project(
    '2025年网络综合治理工作经费',
    6.8,
    6.52,
    9.59,
    {
      expected: '开展网络生态治理和网络安全保障，清理网上有害信息，向关键信息基础设施运营单位通报风险，督促整改漏洞隐患。',
      actual: '巡查县域网站111家，清理有害信息165条，上报政治类有害信息8047条；发送风险提示函11份、监测防护情报1209条，整改漏洞隐患59个，未发生风险IP命中攻击。',
    },
    [
      ind(OUT, '数量指标', '常态化巡查县域网站', '≥100家', '111家', 8, 8),
      ind(OUT, '数量指标', '清理网上有害信息', '≥150条', '165条', 8, 8),
      ind(OUT, '数量指标', '上报政治类有害信息', '≥8000条', '8047条', 8, 8),
      ind(OUT, '数量指标', '发送监测防护情报', '≥1000条', '1209条', 6, 6),
      ind(OUT, '质量指标', '漏洞隐患整改率', '=100%', '100%', 5, 5),
      ind(OUT, '时效指标', '风险提示函发送', '及时', '及时', 5, 5),
      ind(EFF, '社会效益指标', '网络生态环境', '达到预期', '达到预期', 20, 20),
      ind(EFF, '社会效益指标', '关键信息基础设施遭受风险IP命中攻击', '≤0次', '0次', 10, 10),
      ind(EFF, '可持续影响指标', '网络综合治理长效机制', '达到预期', '达到预期', 10, 10),
      ind(SAT, '服务对象满意度指标', '社会公众满意度', '≥90%', '93%', 10, 10),
    ],
    99.59,
  );
}

export function sampleModel(): WorkbookModel {
  return {
    basic: {
      department: DEPT,
      year: YEAR,
      fields: {
        部门职责:
          '管理互联网信息内容，统筹网上宣传和舆论引导，组织网上评论和网评队伍建设；依法监督管理互联网新闻信息传播，治理网络生态，会同有关部门处置网上有害信息；指导协调全县网络舆情工作，收集、研判、报送和处置舆情信息。',
        机构设置: `${LONG_NAME}是县委网络安全和信息化委员会的办事机构，对外加挂井陉县互联网信息办公室牌子，所属事业单位为井陉县网络舆情中心。`,
        行政编制: 8,
        事业编制: 6,
        资产总额: 5.73,
        固定资产: 5.3,
        无形资产: 0.4,
        // The seed's slip: 158.5 here, 154.74 in the department table.
        年初预算收入: 158.5,
        决算收入: 154.74,
        上年结转: 0,
        评价依据:
          '《关于全面落实预算绩效管理的实施意见》（石发〔2019〕8号）；《井陉县县级部门项目绩效自评管理办法》（井财〔2020〕9号）；《井陉县县级预算绩效重点评价管理办法》（井财〔2020〕10号）',
        年度工作完成情况: [
          '围绕“进网站”工作推送重要讲话、报道和理论文章500余篇，召开县委网信委第七次会议部署全年网信工作。',
          '围绕全县“2+4”产业发展等重点工作，通过“网信井陉”公众号推送相关内容200余篇。',
          '组织“网络中国节”等网络文化活动，推出作品20余部；网评员全年完成网评任务3万余条。',
          '开展“清朗・燕赵净网2025”专项行动，常态化巡查县域网站111家，清理有害信息165条。',
          '全年监测负面舆情34186条，呈报舆情日报334期、周报52期、月报12期，下发《舆情预警交办单》445期。',
          '向省不良信息监测平台报送不良信息38880条，向市委网信办上报政治类有害信息8047条。',
          '向关键信息基础设施运营单位发送风险提示函11份、监测防护情报1209条，全年未发生风险IP命中攻击。',
          '委托第三方对12个单位开展网络安全现场抽查，督促整改漏洞隐患59个。',
          '组织网络安全进社区、进校园等宣传活动10场，发放宣传资料5000余份，培训和应急演练参与200余人次。',
          '清理优化政务新媒体账号24个，开展全民数字素养与技能提升活动40余场次，参与群众超过2万人次。',
          '网评员队伍由150名扩充至230名，并组织网宣网评培训。',
        ].join('\n'),
        自评组织工作:
          '按照县财政局的部署召开专题会议，成立由办公室主任牵头的自评小组，制定工作计划，逐项核对账目、资料和指标完成情况，对2025年度部门整体支出和2个项目开展自评。',
        存在问题: ['预算执行进度偏慢，部分资金支付集中在年末。', '绩效目标设定不够细化，年中调整不及时。', '舆情研判分析成果的质量和数量仍有提升空间。'].join('\n'),
        改进措施: ['按月跟踪支出进度，均衡安排资金支付。', '细化量化绩效指标，任务变化时及时调整目标。', '加强研判队伍建设，提高分析报告的深度和数量。'].join('\n'),
        权重方案: '河北',
      },
      team: [
        { name: '陈志军', unit: DEPT, post: '主任', title: '无' },
        { name: '张国彦', unit: DEPT, post: '三级主任科员', title: '无' },
        { name: '冀晓伟', unit: DEPT, post: '四级主任科员', title: '无' },
      ],
    },
    tables: [departmentTable(), project1(), project2()],
  };
}

/** The sample laid out in the plain standard layout: 基本情况, 部门整体, 项目1, 项目2. */
export function sampleGrid(): Grid {
  return layoutWorkbook(sampleModel()).grid;
}
