// Every Chinese text `verify` shows: the messages of its findings and of unusable inputs.

import type { Grade } from '../types';

export const GRADE_WORD: Record<Grade, string> = { 优: '优秀', 良: '良好', 中: '中等', 差: '较差' };

export const INPUT = {
  encrypted: (name: string) => `无法读取报告“${name}”：文件设有打开密码（已加密），请在 Word 中取消密码后另存为 .docx 再核对`,
  oldDoc: (name: string) => `无法读取报告“${name}”：这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 再核对`,
  notDocx: (name: string) => `无法读取报告“${name}”：它不是 Word 文档（.docx），请给出 .docx 或 .txt 文件`,
  corrupt: (name: string) => `无法读取报告“${name}”：文件已损坏，无法解压或解析其中的文档内容`,
  noSheet: (name: string) => `工作簿中没有名为“${name}”的工作表`,
  unknownType: (name: string) => `无法识别报告“${name}”的类型：请给出 .docx 或 .txt 文件`,
};

const q = (s: string) => `“${s}”`;

export const MSG = {
  figure: (what: string, text: string, table: string, where: string) =>
    `报告中${q(what)}写作${text}，表格中为${table}（${where}）`,
  conflict: (what: string, earlier: string, earlierAt: string, later: string, table?: string) =>
    `报告对${q(what)}前后写了两个不同的数：${earlierAt}写作${earlier}，此处写作${later}` + (table ? `；表格中为${table}` : ''),
  unitYuan: (text: string, meant: string, where: string) =>
    `${text}的单位可能写错：表格中的金额为${meant}（${where}），数字相同而单位不同，可能漏写了“万”`,
  unitYi: (text: string, meant: string, where: string) => `${text}的单位可能写错：表格中的金额为${meant}（${where}），应为“万元”而不是“亿元”`,
  unitWan: (text: string, meant: string, where: string) =>
    `${text}的单位可能写错：按“元”折合为${meant}，与表格中的金额一致（${where}），“万元”应为“元”`,
  sumTotal: (total: string, parts: string, sum: string) => `合计数${total}与其中各项之和不符：${parts}，合计${sum}`,
  sumExceeds: (total: string, parts: string, sum: string) => `其中各项之和超过总额${total}：${parts}，合计${sum}`,
  total: (text: string, computed: string, where: string, stated?: string) =>
    `报告中的总分${text}与重新计算的总分${computed}不符（${where}${stated ? `，表中填报${stated}` : ''}）`,
  grade: (text: string, computed: string, total: string, where: string) =>
    `报告中的评价等级“${text}”与重新计算的等级“${computed}”不符（重算总分${total}，${where}）`,
  gradeScore: (grade: string, score: string, fits: string) => `评价等级“${grade}”与报告所写的总分${score}不相符：${score}对应的等级为“${fits}”`,
  numberingStyle: (heading: string, expected: string) => `标题编号${q(heading)}与同级其他标题的编号样式不一致，应为${q(expected)}`,
  numberingSectionStyle: (heading: string, expected: string) =>
    `本节小标题用${q(heading)}编号，其他各节的小标题用${q(expected)}编号，同级编号样式应一致`,
  numberingSkip: (heading: string, expected: string) => `标题编号跳号：此处为${q(heading)}，按顺序应为${q(expected)}`,
  numberingRepeat: (heading: string) => `标题编号重复：${q(heading)}与上一个同级标题编号相同`,
  numberingOrder: (heading: string, previous: string) => `标题编号顺序颠倒：${q(heading)}出现在${q(previous)}之后`,
  outlineSection: (name: string) => `报告缺少大纲要求的部分：“${name}”（自评报告大纲见 report.md）`,
  outlineSubsection: (section: string, name: string) => `“${section}”部分缺少大纲要求的小节：“${name}”`,
  outlineNone: (names: string[]) => `报告中没有找到“一、二、…”章节标题，大纲要求的部分均未找到：${names.join('、')}`,
  completion: (name: string, detail: string, where: string) => `报告称指标${q(name)}已完成，但表中该指标未完全达成：${detail}（${where}）`,
  unverified: (text: string) => `${text}：表格中没有这个数，未能核对`,
  empty: () => '报告中没有文字，无从核对',
};
