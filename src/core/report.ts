// The narrative self-evaluation report (report.md) as a document model.
//
// Every figure printed comes from the ReadResult or, where the engine recomputes it
// (执行率, 执行率得分, indicator scores, total and grade), from the CheckResult; each one
// is recorded in doc.figures with the cell it came from (a recomputed figure: the
// stated cell it corresponds to). Nothing is invented: a part the workbook lacks is
// said to be missing, in plain words.
//
// Numbering: 一、 for sections (heading level 1), （一） for subsections (heading level 2)
// and `1. ` for the items below a subsection (heading level 3 or a numbered paragraph),
// one consecutive sequence per subsection (or per section where it has no subsections).
//
// Long texts (年度工作完成情况, 存在问题, 改进措施, 实际完成情况) are split into items by
// splitItems(): one item per line; inside a line, at ordinal markers (一是…二是…, （1）…（2）…,
// 1、…2、…, ①…②…); for 存在问题 / 改进措施 also at '；' when nothing else splits them.
// The writer's own numbering prefixes are stripped so that the report numbers them 1. 2. …

import type {
  BasicInfo,
  CheckResult,
  Fig,
  Finding,
  FigureUse,
  FundsRow,
  Indicator,
  IndicatorResult,
  Profile,
  ReadResult,
  Reading,
  Ref,
  ReportBlock,
  ReportDoc,
  Table,
  TableResult,
} from './types';
import { fmtRate, fmtScore, fmtWan, gradeName, itemNo, roundTo, sectionNo, subsectionNo } from './format';
import { gradeAccepted, rateAccepted, scoreAccepted } from './score';

/** How many errors the opening notice lists by cell. */
export const NOTICE_MAX_ITEMS = 20;

/** The principles the preamble names (财预〔2020〕10号, 第六条). */
const PRINCIPLES = '科学公正、统筹兼顾、激励约束、公开透明';

const NO_BASIC = '工作簿中没有“基本情况”工作表';

// ---------------------------------------------------------------- text helpers

const ORDINAL_CN = '一二三四五六七八九十';

/** A numbering prefix the writer typed: 1、 1. 1． (1) （1） 一、 （一） 一是 第一， ① … */
const PREFIX_RE = new RegExp(
  '^\\s*(?:' +
    [
      '[（(]\\s*[0-9０-９]{1,2}\\s*[）)]\\s*[、.．,，:：]?',
      `[（(]\\s*[${ORDINAL_CN}]{1,3}\\s*[）)]\\s*[、.．,，:：]?`,
      '[0-9０-９]{1,2}\\s*[、,，:：]',
      '[0-9０-９]{1,2}\\s*[.．](?![0-9０-９])',
      `[${ORDINAL_CN}]{1,3}\\s*[、.．,，:：]`,
      `第?[${ORDINAL_CN}]{1,3}是\\s*[、,，:：]?`,
      `第[${ORDINAL_CN}]{1,3}\\s*[、,，:：]`,
      '[①-⑳]',
    ].join('|') +
    ')\\s*',
);

/** Strips the writer's own numbering prefix (repeatedly: '1、（1）…'). */
export function stripItemNumbering(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 3; i++) {
    const m = PREFIX_RE.exec(t);
    if (!m || m[0].length === 0 || m[0].length >= t.length) break;
    t = t.slice(m[0].length).trim();
  }
  return t;
}

/** Positions in `line` where an ordinal marker starts a new item (not at 0). */
function markerSplits(line: string): number[] {
  const patterns: RegExp[] = [
    new RegExp(`第?[${ORDINAL_CN}]{1,3}是`, 'g'),
    /[（(][0-9０-９]{1,2}[）)]/g,
    /[①-⑳]/g,
  ];
  for (const re of patterns) {
    const found: number[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      const at = m.index;
      // a marker starts an item at the start of the line or after a sentence end
      if (at === 0 || /[。；;！!？?\s]/.test(line[at - 1])) found.push(at);
    }
    // it is a list only when the line starts with the first marker and has a second
    if (found.length >= 2 && found[0] === 0) return found.slice(1);
  }
  // 1、…2、… (numbers in sequence, each after a sentence end)
  const num: number[] = [];
  const re = /([0-9]{1,2})[、.．](?![0-9])/g;
  let m: RegExpExecArray | null;
  let expect = 1;
  while ((m = re.exec(line)) !== null) {
    const at = m.index;
    if (Number(m[1]) === expect && (at === 0 || /[。；;！!？?\s]/.test(line[at - 1]))) {
      num.push(at);
      expect++;
    }
  }
  if (num.length >= 2 && num[0] === 0) return num.slice(1);
  return [];
}

/**
 * A long text as items: one per line, lines split further at ordinal markers, and (when
 * `semicolons`) at '；' when nothing else split the text. Numbering prefixes are stripped.
 */
export function splitItems(text: string | undefined, semicolons = false): string[] {
  if (!text) return [];
  const lines = text
    .split(/\r\n|\r|\n|\u2028/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let items: string[] = [];
  for (const line of lines) {
    const cuts = markerSplits(line);
    let from = 0;
    for (const c of cuts) {
      items.push(line.slice(from, c));
      from = c;
    }
    items.push(line.slice(from));
  }
  if (semicolons && items.length === 1) {
    const parts = items[0].split(/[；;]/).map((p) => p.trim()).filter((p) => p !== '' && !/^[。.]$/.test(p));
    if (parts.length >= 2) items = parts;
  }
  return items
    .map((s) => stripItemNumbering(s))
    .map((s) => s.replace(/^[；;，,、\s]+/, '').trim())
    .filter((s) => s !== '' && !/^[。；;，,.、]+$/.test(s))
    .map(endSentence);
}

/** Ends a sentence with '。' unless it already ends with a punctuation mark. */
export function endSentence(s: string): string {
  const t = s.trim().replace(/[；;，,、]+$/, '');
  if (t === '') return t;
  return /[。！？!?…）)”」》]$/.test(t) ? t : t + '。';
}

/** A text without its final sentence mark (to embed it in a sentence). */
function bare(s: string): string {
  return s.trim().replace(/[。；;，,、.\s]+$/, '');
}

function textOf(f: Fig<string> | undefined): string | undefined {
  if (!f || typeof f.value !== 'string') return undefined;
  const t = f.value.trim();
  return t === '' ? undefined : t;
}

function numOf(f: Fig<number | null> | undefined): number | undefined {
  if (!f || typeof f.value !== 'number' || !Number.isFinite(f.value)) return undefined;
  return f.value;
}

function readingText(f: Fig<Reading> | undefined): string | undefined {
  if (!f || !f.value) return undefined;
  const t = (f.value.text ?? '').trim();
  if (t === '' || f.value.kind === 'empty') return undefined;
  return t;
}

const sameAt2 = (a: number, b: number) => roundTo(a, 2) === roundTo(b, 2);

// ---------------------------------------------------------------- the builder

class Builder {
  readonly blocks: ReportBlock[] = [];
  readonly figures: FigureUse[] = [];
  private sec = 0;
  private sub = 0;
  private item = 0;
  private seen = new Set<string>();

  title(text: string): void {
    this.blocks.push({ type: 'title', text });
  }
  notice(text: string, items: string[]): void {
    this.blocks.push({ type: 'notice', text, items });
  }
  section(text: string): void {
    this.sec++;
    this.sub = 0;
    this.item = 0;
    this.blocks.push({ type: 'heading', level: 1, text: sectionNo(this.sec) + text });
  }
  subsection(text: string): void {
    this.sub++;
    this.item = 0;
    this.blocks.push({ type: 'heading', level: 2, text: subsectionNo(this.sub) + text });
  }
  /** A numbered level-3 heading: '1. 产出指标…'. */
  heading3(text: string): void {
    this.item++;
    this.blocks.push({ type: 'heading', level: 3, text: itemNo(this.item) + text });
  }
  /** A numbered item paragraph: '1. …'. */
  item3(text: string): void {
    this.item++;
    this.blocks.push({ type: 'paragraph', text: itemNo(this.item) + text });
  }
  para(text: string): void {
    this.blocks.push({ type: 'paragraph', text });
  }
  table(header: string[], rows: (string | number)[][]): void {
    this.blocks.push({ type: 'table', header, rows });
  }
  /** Records a figure and returns its display text. */
  fig(label: string, display: string, value: number | string, ref: Ref): string {
    const key = `${label}\u0000${ref.sheet}\u0000${ref.cell}\u0000${display}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.figures.push({ label, display, value, ref: { sheet: ref.sheet, cell: ref.cell } });
    }
    return display;
  }
  wan(label: string, value: number, ref: Ref): string {
    return this.fig(label, fmtWan(value), roundTo(value, 2), ref);
  }
  rate(label: string, value: number, ref: Ref): string {
    return this.fig(label, fmtRate(value), roundTo(value, 6), ref);
  }
  score(label: string, value: number, ref: Ref): string {
    return this.fig(label, `${fmtScore(value)}分`, roundTo(value, 2), ref);
  }
}

// ---------------------------------------------------------------- the workbook seen by the report

interface Funds {
  initial?: number;
  adjusted?: number;
  executed?: number;
  row: FundsRow;
}

function fundsRow(t: Table | undefined, kind: FundsRow['kind']): Funds | undefined {
  const row = t?.funds?.rows.find((r) => r.kind === kind);
  if (!row) return undefined;
  return { initial: numOf(row.initial), adjusted: numOf(row.adjusted), executed: numOf(row.executed), row };
}

/** The computed 执行率 of a table, from its result or from its own amounts. */
function rateOf(res: TableResult | undefined, f: Funds | undefined): number | undefined {
  if (res?.executionRate !== undefined && Number.isFinite(res.executionRate)) return res.executionRate;
  if (f && f.adjusted !== undefined && f.executed !== undefined && f.adjusted > 0) return f.executed / f.adjusted;
  return undefined;
}

/** The cell a recomputed 执行率 corresponds to: the stated rate, else the executed amount, else the title. */
function rateRef(t: Table, f: Funds | undefined): Ref {
  return f?.row.rate?.ref ?? f?.row.executed?.ref ?? f?.row.adjusted?.ref ?? f?.row.labelRef ?? t.titleRef;
}

interface Scored {
  ir: IndicatorResult;
  ind: Indicator;
  weight?: number;
  score?: number;
  stated?: number;
  recomputed: boolean;
  belowFull: boolean;
  unmet: boolean;
}

function scoredIndicators(t: Table, res: TableResult | undefined): Scored[] {
  const irs: IndicatorResult[] =
    res && res.indicators.length > 0 ? res.indicators : t.indicators.map((indicator) => ({ indicator, quantitative: false }));
  return irs.map((ir) => {
    const ind = ir.indicator;
    const weight = numOf(ind.weight);
    const stated = numOf(ind.score);
    const recomputed = ir.computedScore !== undefined && Number.isFinite(ir.computedScore);
    const score = recomputed ? (ir.computedScore as number) : stated;
    const tierText = ir.tier ?? (textOf(ind.tier) as string | undefined);
    const unmet = tierText === '未达成';
    const belowFull = weight !== undefined && score !== undefined && roundTo(score, 2) < roundTo(weight, 2);
    return { ir, ind, weight, score, stated, recomputed, belowFull, unmet };
  });
}

// ---------------------------------------------------------------- the report

export function buildReport(read: ReadResult, check: CheckResult, profile: Profile, findings: Finding[]): ReportDoc {
  const b = new Builder();
  const basic: BasicInfo | undefined = read.basic;
  const dept = read.tables.find((t) => t.kind === 'department') ?? read.tables.find((t) => t.kind === 'department-scoring');
  const projects = read.tables.filter((t) => t.kind === 'project');
  const resultOf = (t: Table): TableResult | undefined =>
    check.results.find((r) => r.table === t) ?? check.results.find((r) => r.table.sheet === t.sheet && r.table.kind === t.kind);
  /** The tables the conclusions rest on: the department table, else the project tables. */
  const mainTables: Table[] = dept ? [dept] : projects;
  const projectOnly = !dept && projects.length > 0;

  // ---- name and year
  let deptName: string | undefined;
  const nameFig =
    (textOf(basic?.department) ? basic?.department : undefined) ??
    (textOf(dept?.name) ? dept?.name : undefined) ??
    projects.map((p) => (textOf(p.competentDept) ? p.competentDept : textOf(p.implementer) ? p.implementer : undefined)).find((x) => x);
  if (nameFig) deptName = b.fig('部门名称', textOf(nameFig) as string, textOf(nameFig) as string, nameFig.ref);
  const yearFig = [basic?.year, dept?.year, ...read.tables.map((t) => t.year)].find(
    (y): y is Fig<number> => !!y && typeof y.value === 'number' && Number.isFinite(y.value),
  );
  let year: string | undefined;
  if (yearFig) year = b.fig('评价年度', String(yearFig.value), yearFig.value, yearFig.ref);

  const nameShown = deptName ?? '（部门名称未填写）';
  const yearShown = year ? `${year}年度` : '（评价年度未填写）年度';
  const subject = deptName ?? '本部门';
  const yearWords = year ? `${year}年度` : '本年度';
  const title = `${nameShown}${yearShown}整体支出绩效自评报告`;
  b.title(title);

  // ---- the notice of remaining errors
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const items = errors.slice(0, NOTICE_MAX_ITEMS).map((f) => `${f.sheet}!${f.cell}：${f.message}`);
    if (errors.length > NOTICE_MAX_ITEMS) items.push(`…另有${errors.length - NOTICE_MAX_ITEMS}处错误未列出，详见检查结果。`);
    b.notice(`【注意】本报告依据的表格尚有${errors.length}处错误，请更正后再提交：`, items);
  }

  // ---- preamble
  const basisText = textOf(basic?.basis);
  let basisPhrase: string;
  if (basisText) {
    // several documents, one per line or separated by '；', read as one list
    const t = bare(basisText.split(/\s*(?:\r\n|\r|\n|[；;])\s*/).map(bare).filter((x) => x !== '').join('、'));
    basisPhrase = /^(根据|按照|依据|依照|贯彻|为|遵照)/.test(t) ? t : `根据${t}`;
    if (!/(要求|规定|精神|办法|意见|通知)$/.test(t)) basisPhrase += '的有关要求';
  } else {
    basisPhrase = '按照全面实施预算绩效管理的有关规定';
  }
  b.para(
    `${basisPhrase}，${subject}遵循“${PRINCIPLES}”的原则，对${yearWords}${projectOnly ? '项目支出' : '部门整体支出'}开展了绩效自评价。现将自评情况报告如下。`,
  );
  if (!basic) {
    b.para(
      `说明：${NO_BASIC}，部门概况、评价依据、自评组织工作、年度工作完成情况、存在问题、改进措施和评价工作组人员名单等内容无从取得，本报告未予编写，已在相应位置注明；请补充“基本情况”工作表后重新生成。`,
    );
  }
  if (projectOnly) {
    b.para(`说明：工作簿中没有部门整体支出绩效自评表，本报告的收支、指标和得分数据取自${projects.length}张项目支出绩效自评表。`);
  } else if (read.tables.length === 0) {
    b.para('说明：工作簿中没有找到部门整体支出或项目支出绩效自评表，本报告无法列示收支、指标和得分数据。');
  }

  // ================================================================ 一、部门基本情况
  b.section('部门基本情况');
  b.subsection('部门概况');
  if (!basic) {
    b.para(`${NO_BASIC}，部门职责、机构设置、人员编制和资产情况未填写。`);
  } else {
    const duties = textOf(basic.duties);
    b.item3(`部门职责：${duties ? endSentence(duties) : '未填写。'}`);

    const org = textOf(basic.organisation);
    const posts: string[] = [];
    if (basic.adminPosts && numOf(basic.adminPosts) !== undefined)
      posts.push(`行政编制${b.fig('行政编制', `${basic.adminPosts.value}名`, basic.adminPosts.value, basic.adminPosts.ref)}`);
    if (basic.institutionPosts && numOf(basic.institutionPosts) !== undefined)
      posts.push(`事业编制${b.fig('事业编制', `${basic.institutionPosts.value}名`, basic.institutionPosts.value, basic.institutionPosts.ref)}`);
    if (basic.staff && numOf(basic.staff) !== undefined)
      posts.push(`实有人数${b.fig('实有人数', `${basic.staff.value}人`, basic.staff.value, basic.staff.ref)}`);
    let orgText = org ? endSentence(org) : '';
    if (posts.length) orgText += `${posts.join('，')}。`;
    b.item3(`机构设置及人员编制：${orgText || '未填写。'}`);

    const assets: string[] = [];
    if (basic.assets && numOf(basic.assets) !== undefined) assets.push(`资产总额${b.wan('资产总额', basic.assets.value, basic.assets.ref)}`);
    const parts: string[] = [];
    if (basic.fixedAssets && numOf(basic.fixedAssets) !== undefined)
      parts.push(`固定资产${b.wan('固定资产', basic.fixedAssets.value, basic.fixedAssets.ref)}`);
    if (basic.intangibleAssets && numOf(basic.intangibleAssets) !== undefined)
      parts.push(`无形资产${b.wan('无形资产', basic.intangibleAssets.value, basic.intangibleAssets.ref)}`);
    if (assets.length || parts.length) {
      const when = year ? `截至${year}年12月31日，` : '';
      const lead = assets.length ? assets[0] + (parts.length ? `，其中${parts.join('、')}` : '') : parts.join('、');
      b.item3(`资产情况：${when}${subject}${lead}。`);
    } else {
      b.item3('资产情况：未填写。');
    }
  }

  b.subsection('部门收支预决算情况');
  writeFunds();

  b.subsection('部门整体支出绩效目标、指标');
  writeGoals();

  // ================================================================ 二、自评工作开展情况
  b.section('自评工作开展情况');
  b.subsection('自评的组织工作');
  const orgWork = textOf(basic?.selfEvalOrganisation);
  if (orgWork) b.para(endSentence(orgWork));
  else b.para(basic ? '“基本情况”表未填写自评组织工作情况。' : `${NO_BASIC}，自评组织工作情况未填写。`);
  writeProjects();

  b.subsection('自评的方法和过程');
  writeMethod();

  // ================================================================ 三、目标实现情况及指标分析
  b.section('部门整体支出绩效目标实现情况及指标分析');
  b.subsection('总体绩效目标实现情况');
  writeActualGoals();
  b.subsection('分项绩效目标实现情况及指标分析');
  writeIndicators();

  // ================================================================ 四、评价结论和评价等级
  b.section('评价结论和评价等级');
  writeConclusion();

  // ================================================================ 五、存在的问题及改进措施
  b.section('存在的问题及改进措施');
  writeProblems();

  // ================================================================ 六、评价工作组人员名单
  b.section('评价工作组人员名单');
  if (basic && basic.team.length > 0) {
    b.table(
      ['姓名', '工作单位', '职务', '职称', '备注'],
      basic.team.map((m) => [m.name, m.unit, m.post, m.title, m.note].map((x) => (x === undefined || x === null ? '' : String(x)))),
    );
  } else if (basic) {
    b.para('“基本情况”表未填写评价工作组人员名单，请补充后重新生成。');
  } else {
    b.para(`${NO_BASIC}，评价工作组人员名单未填写，请补充后重新生成。`);
  }

  return { title, blocks: b.blocks, figures: b.figures };

  // ---------------------------------------------------------------- sections

  function writeFunds(): void {
    const total = fundsRow(dept, 'total');
    const sentences: string[] = [];
    if (dept && total) {
      const s: string[] = [];
      if (total.initial !== undefined) s.push(`年初预算数为${b.wan('年初预算数', total.initial, total.row.initial!.ref)}`);
      if (total.adjusted !== undefined) s.push(`全年预算数为${b.wan('全年预算数', total.adjusted, total.row.adjusted!.ref)}`);
      if (total.executed !== undefined) s.push(`全年执行数为${b.wan('全年执行数', total.executed, total.row.executed!.ref)}`);
      const rate = rateOf(resultOf(dept), total);
      if (rate !== undefined) s.push(`预算执行率为${b.rate('执行率（重算）', rate, rateRef(dept, total))}`);
      if (s.length) sentences.push(`${yearWords}${subject}${s.join('，')}。`);
      else sentences.push('部门整体支出绩效自评表的年度资金总额未填写金额。');
      const stated = numOf(total.row.rate);
      if (rate !== undefined && stated !== undefined && !rateAccepted(stated, rate, total.row.rate?.decimals, profile)) {
        sentences.push(
          `表中填报的执行率为${b.rate('执行率（填报）', stated, total.row.rate!.ref)}，经按全年执行数除以全年预算数重新计算为${fmtRate(rate)}，以重新计算的结果为准。`,
        );
      }
      const comp: string[] = [];
      for (const [kind, name] of [
        ['basic', '基本支出'],
        ['project', '项目支出'],
      ] as const) {
        const r = fundsRow(dept, kind);
        if (!r) continue;
        const p: string[] = [];
        if (r.adjusted !== undefined) p.push(`全年预算数${b.wan(`${name}全年预算数`, r.adjusted, r.row.adjusted!.ref)}`);
        if (r.executed !== undefined) p.push(`全年执行数${b.wan(`${name}全年执行数`, r.executed, r.row.executed!.ref)}`);
        if (p.length) comp.push(`${name}${p.join('、')}`);
      }
      if (comp.length) sentences.push(`其中：${comp.join('；')}。`);
      const carry = fundsRow(dept, 'carryover');
      const carryAmt = carry?.adjusted ?? carry?.initial;
      if (carry && carryAmt !== undefined) {
        const ref = carry.adjusted !== undefined ? carry.row.adjusted!.ref : carry.row.initial!.ref;
        sentences.push(`上年结转资金${b.wan('上年结转资金', carryAmt, ref)}。`);
      } else if (basic?.carryover && numOf(basic.carryover) !== undefined) {
        sentences.push(`上年结转资金${b.wan('上年结转', basic.carryover.value, basic.carryover.ref)}。`);
      }
      if (basic?.budgetIncome && numOf(basic.budgetIncome) !== undefined) {
        const bi = basic.budgetIncome.value;
        if (total.initial !== undefined && !sameAt2(bi, total.initial)) {
          sentences.push(
            `“基本情况”表填报的年初预算收入为${b.wan('年初预算收入', bi, basic.budgetIncome.ref)}，与自评表中的年初预算数${fmtWan(total.initial)}不一致，请核实。`,
          );
        }
      }
      if (basic?.finalIncome && numOf(basic.finalIncome) !== undefined)
        sentences.push(`决算收入${b.wan('决算收入', basic.finalIncome.value, basic.finalIncome.ref)}。`);
    } else if (projectOnly && projects.some((p) => fundsRow(p, 'total'))) {
      let adj = 0;
      let exe = 0;
      let firstAdj: Ref | undefined;
      let firstExe: Ref | undefined;
      let n = 0;
      let complete = true;
      for (const p of projects) {
        const f = fundsRow(p, 'total');
        if (!f || f.adjusted === undefined || f.executed === undefined) {
          complete = false;
          continue;
        }
        n++;
        adj += f.adjusted;
        exe += f.executed;
        firstAdj ??= f.row.adjusted!.ref;
        firstExe ??= f.row.executed!.ref;
      }
      if (n > 0 && firstAdj && firstExe) {
        let s = `据${n}个项目的自评表汇总，${yearWords}项目全年预算数合计${b.wan('项目全年预算数合计（重算）', adj, firstAdj)}，全年执行数合计${b.wan('项目全年执行数合计（重算）', exe, firstExe)}`;
        if (adj > 0) s += `，预算执行率为${b.rate('执行率（重算）', exe / adj, firstExe)}`;
        sentences.push(s + '。');
      }
      if (!complete) sentences.push('部分项目的自评表未填写全年预算数或全年执行数，未计入汇总。');
      if (basic?.budgetIncome && numOf(basic.budgetIncome) !== undefined)
        sentences.push(`“基本情况”表填报的年初预算收入为${b.wan('年初预算收入', basic.budgetIncome.value, basic.budgetIncome.ref)}。`);
    } else if (basic && (numOf(basic.budgetIncome) !== undefined || numOf(basic.finalIncome) !== undefined)) {
      const s: string[] = [];
      if (basic.budgetIncome && numOf(basic.budgetIncome) !== undefined)
        s.push(`年初预算收入${b.wan('年初预算收入', basic.budgetIncome.value, basic.budgetIncome.ref)}`);
      if (basic.finalIncome && numOf(basic.finalIncome) !== undefined)
        s.push(`决算收入${b.wan('决算收入', basic.finalIncome.value, basic.finalIncome.ref)}`);
      if (basic.carryover && numOf(basic.carryover) !== undefined)
        s.push(`上年结转${b.wan('上年结转', basic.carryover.value, basic.carryover.ref)}`);
      sentences.push(`${yearWords}${subject}${s.join('，')}。自评表未填写年度资金总额，预算执行率无法计算。`);
    } else {
      sentences.push('工作簿中未填写部门收支预决算数据。');
    }
    b.para(sentences.join(''));
  }

  function writeGoals(): void {
    if (dept) {
      const exp = textOf(dept.goals?.expected);
      if (exp) b.para(`年度总体目标：${endSentence(bare(exp))}`);
      else b.para('部门整体支出绩效自评表未填写年度总体目标（预期目标）。');
    } else if (projects.length) {
      b.para('各项目的年度目标如下：');
      for (const p of projects) {
        const exp = textOf(p.goals?.expected);
        b.item3(`${projectName(p)}：${exp ? endSentence(bare(exp)) : '未填写年度目标。'}`);
      }
    } else {
      b.para('工作簿中没有自评表，年度总体目标未填写。');
    }
    const items = splitItems(textOf(basic?.achievements));
    if (items.length) {
      b.para(`${yearWords}工作完成情况如下：`);
      for (const it of items) b.item3(it);
    } else {
      b.para(basic ? '“基本情况”表未填写年度工作完成情况。' : `${NO_BASIC}，年度工作完成情况未填写。`);
    }
  }

  /** The prefix of a figure label of a main table: the project's name in a project-only workbook. */
  function lab(t: Table, label: string): string {
    if (!projectOnly) return label;
    return `${textOf(t.name) ?? t.sheet}${label}`;
  }

  function projectName(p: Table): string {
    const n = textOf(p.name);
    return n ? `“${n}”` : `工作表“${p.sheet}”中的项目`;
  }

  function writeProjects(): void {
    if (projects.length === 0) {
      let s = '工作簿中没有项目支出绩效自评表，未能逐项列示项目资金情况。';
      const pr = fundsRow(dept, 'project');
      if (pr?.adjusted !== undefined)
        s += `部门整体支出绩效自评表中项目支出全年预算数为${b.wan('项目支出全年预算数', pr.adjusted, pr.row.adjusted!.ref)}。`;
      b.para(s);
      return;
    }
    let sum = 0;
    let summed = 0;
    let sumRef: Ref | undefined;
    for (const p of projects) {
      const f = fundsRow(p, 'total');
      if (f?.adjusted !== undefined) {
        sum += f.adjusted;
        summed++;
        sumRef ??= f.row.adjusted!.ref;
      }
    }
    const deptProject = fundsRow(dept, 'project');
    const lead = `${yearWords}${subject}纳入自评的项目共${b.fig('项目个数', `${projects.length}个`, projects.length, projects[0].titleRef)}`;
    if (summed > 0 && sumRef) {
      const ref = deptProject?.row.adjusted?.ref ?? sumRef;
      b.para(`${lead}，全年预算数合计${b.wan('项目全年预算数合计（重算）', sum, ref)}，各项目情况如下：`);
    } else {
      b.para(`${lead}，各项目情况如下：`);
    }
    for (const p of projects) {
      const f = fundsRow(p, 'total');
      const name = textOf(p.name) ?? `工作表“${p.sheet}”中的项目`;
      if (p.name && textOf(p.name)) b.fig('项目名称', name, name, p.name.ref);
      const s: string[] = [];
      if (f?.adjusted !== undefined) s.push(`全年预算数${b.wan(`${name}全年预算数`, f.adjusted, f.row.adjusted!.ref)}`);
      if (f?.executed !== undefined) s.push(`全年执行数${b.wan(`${name}全年执行数`, f.executed, f.row.executed!.ref)}`);
      const rate = rateOf(resultOf(p), f);
      if (rate !== undefined && f) s.push(`执行率${b.rate(`${name}执行率（重算）`, rate, rateRef(p, f))}`);
      b.item3(`${name}：${s.length ? s.join('，') + '。' : '未填写资金情况。'}`);
    }
    if (deptProject?.adjusted !== undefined && summed === projects.length && !sameAt2(deptProject.adjusted, sum)) {
      b.para(
        `部门整体支出绩效自评表中项目支出全年预算数为${b.wan('项目支出全年预算数', deptProject.adjusted, deptProject.row.adjusted!.ref)}，与各项目全年预算数合计${fmtWan(sum)}不一致，请核实。`,
      );
    }
  }

  function writeMethod(): void {
    const l1 = profile.level1;
    const sum = l1['产出指标'] + l1['效益指标'] + l1['满意度指标'] + profile.execWeight;
    b.para(
      `本次自评采用“${profile.name}”权重方案：产出指标${fmtScore(l1['产出指标'])}分，效益指标${fmtScore(l1['效益指标'])}分，满意度指标${fmtScore(l1['满意度指标'])}分，预算执行率指标${fmtScore(profile.execWeight)}分，合计${fmtScore(sum)}分。`,
    );
    for (const t of mainTables) {
      if (t.level1Weights.length === 0) continue;
      const differs = t.level1Weights.some((w) => {
        const pw = (l1 as Record<string, number>)[w.name];
        return pw !== undefined && !sameAt2(pw, w.weight);
      });
      const declared = differs ? t.level1Weights.map((w) => `${w.name}${b.score(lab(t, `${w.name}分值（表中声明）`), w.weight, w.ref)}`) : [];
      if (!differs) continue;
      const whose = projectOnly ? `${projectName(t)}的自评表` : '自评表';
      b.para(`${whose}声明的一级指标分值为：${declared.join('、')}，与所用权重方案不一致，请核实。`);
    }
    b.para(
      '自评工作组对照年初设定的绩效目标和指标，逐项核对实际完成情况及相关资料：定量指标按完成值与指标值之比计算得分，定性指标按完成档次评定得分；预算执行率按全年执行数除以全年预算数计算，并据此计算预算执行率得分。本报告中的执行率、各项得分、总分和评价等级均经重新计算。',
    );
  }

  function writeActualGoals(): void {
    if (dept) {
      const items = splitItems(textOf(dept.goals?.actual));
      if (items.length) for (const it of items) b.item3(it);
      else b.para('部门整体支出绩效自评表未填写年度总体目标的实际完成情况。');
    } else if (projects.length) {
      for (const p of projects) {
        const act = textOf(p.goals?.actual);
        b.item3(`${projectName(p)}：${act ? endSentence(bare(act.replace(/\s*[\r\n]+\s*/g, '；'))) : '未填写实际完成情况。'}`);
      }
    } else {
      b.para('工作簿中没有自评表，实际完成情况未填写。');
    }
  }

  function writeIndicators(): void {
    let any = false;
    for (const t of mainTables) {
      const scored = scoredIndicators(t, resultOf(t));
      if (scored.length === 0) continue;
      any = true;
      const groups: { name: string; list: Scored[] }[] = [];
      for (const s of scored) {
        const key = s.ind.level1 || '（未填写一级指标）';
        let g = groups.find((x) => x.name === key);
        if (!g) groups.push((g = { name: key, list: [] }));
        g.list.push(s);
      }
      for (const g of groups) {
        const firstRef = g.list[0].ind.level1Ref;
        const ws = g.list.map((s) => s.weight);
        const ss = g.list.map((s) => s.score);
        const sumW = ws.every((w) => w !== undefined) ? (ws as number[]).reduce((a, c) => a + c, 0) : undefined;
        const sumS = ss.every((x) => x !== undefined) ? (ss as number[]).reduce((a, c) => a + c, 0) : undefined;
        const where = projectOnly ? `${projectName(t)}：` : '';
        const meta: string[] = [];
        if (sumW !== undefined) meta.push(`分值${b.score(lab(t, `${g.name}分值合计`), sumW, firstRef)}`);
        if (sumS !== undefined) meta.push(`得分${b.score(lab(t, `${g.name}得分合计（重算）`), sumS, firstRef)}`);
        b.heading3(`${where}${g.name}${meta.length ? `（${meta.join('，')}）` : ''}`);
        const rows: (string | number)[][] = g.list.map((s) => {
          const name = s.ind.name;
          const target = readingText(s.ind.target);
          const actual = readingText(s.ind.actual);
          if (target) b.fig(`${name}：指标值`, target, target, s.ind.target.ref);
          if (actual) b.fig(`${name}：完成值`, actual, actual, s.ind.actual.ref);
          let w = '—';
          if (s.weight !== undefined && s.ind.weight) w = fmtScore(s.weight);
          if (s.weight !== undefined && s.ind.weight) b.score(`${name}：分值`, s.weight, s.ind.weight.ref);
          let sc = '—';
          if (s.score !== undefined) {
            const ref = s.ind.score?.ref ?? s.ind.nameRef;
            b.score(`${name}：得分${s.recomputed ? '（重算）' : ''}`, s.score, ref);
            sc = fmtScore(s.score);
            if (s.recomputed && s.stated !== undefined && !scoreAccepted(s.stated, s.score, profile)) sc += `（表中填报${fmtScore(s.stated)}）`;
          }
          return [s.ind.level2, name, target ?? '未填写', actual ?? '未填写', w, sc];
        });
        b.table(['二级指标', '三级指标', '指标值', '完成值', '分值', '得分'], rows);
        const short = g.list.filter((s) => s.belowFull || s.unmet);
        if (short.length === 0) {
          if (g.list.every((s) => s.weight !== undefined && s.score !== undefined)) b.para(`${g.name}各项指标均取得满分。`);
          continue;
        }
        for (const s of short) {
          const dev = textOf(s.ind.deviation);
          const what =
            s.belowFull && s.score !== undefined && s.weight !== undefined
              ? `得分${fmtScore(s.score)}分，未达满分（分值${fmtScore(s.weight)}分）`
              : '完成档次为未达成';
          b.para(`“${s.ind.name}”${what}。偏差原因：${dev ? endSentence(bare(dev)) : '未填写偏差原因。'}`);
        }
      }
    }
    if (!any) b.para(mainTables.length ? '自评表中未填写绩效指标。' : '工作簿中没有自评表，无法分析绩效指标。');
  }

  function writeConclusion(): void {
    if (mainTables.length === 0) {
      b.para('工作簿中没有自评表，无法得出评价结论。');
      return;
    }
    for (const t of mainTables) {
      const res = resultOf(t);
      const totalRef = t.totals?.score?.ref ?? t.totals?.labelRef ?? t.titleRef;
      const gradeRef = t.totals?.grade?.ref ?? totalRef;
      const who = projectOnly ? projectName(t) : `${yearWords}${subject}整体支出`;
      const s: string[] = [];
      const total = res?.computedTotal;
      const stated = res?.statedTotal ?? numOf(t.totals?.score);
      const execRow = fundsRow(t, 'total');
      if (total !== undefined && Number.isFinite(total)) {
        let line = `综合评价，${who}绩效自评得分为${b.score(lab(t, '总分（重算）'), total, totalRef)}`;
        if (res?.executionScore !== undefined && Number.isFinite(res.executionScore)) {
          const er = execRow?.row.score?.ref ?? rateRef(t, execRow);
          line += `（其中预算执行率得分${b.score(lab(t, '执行率得分（重算）'), res.executionScore, er)}）`;
        }
        if (res?.computedGrade) line += `，评价等级为“${b.fig(lab(t, '评价等级（重算）'), gradeName(res.computedGrade), res.computedGrade, gradeRef)}”`;
        s.push(line + '。');
        if (stated !== undefined && !scoreAccepted(stated, total, profile) && t.totals?.score) {
          s.push(`表中填报总分为${b.score(lab(t, '总分（填报）'), stated, t.totals.score.ref)}，经重新计算为${fmtScore(total)}分，以重新计算的结果为准。`);
        }
        const sg = res?.statedGrade;
        if (sg && !gradeAccepted(sg, total, profile) && t.totals?.grade) {
          s.push(`表中填报的评价等级为“${b.fig(lab(t, '评价等级（填报）'), gradeName(sg), sg, t.totals.grade.ref)}”，与重新计算的总分不符。`);
        }
      } else {
        let line = `${who}的自评表缺少可重新计算的得分，未能重新计算总分`;
        if (stated !== undefined && t.totals?.score) line += `；表中填报总分为${b.score(lab(t, '总分（填报）'), stated, t.totals.score.ref)}`;
        s.push(line + '，请补充后重新生成。');
      }
      if (projectOnly) b.item3(s.join(''));
      else b.para(s.join(''));
    }
  }

  function writeProblems(): void {
    const userProblems = splitItems(textOf(basic?.problems), true);
    const userMeasures = splitItems(textOf(basic?.measures), true);
    const derived: { problem: string; measure: string }[] = [];

    for (const t of mainTables) {
      const who = projectOnly ? projectName(t) : '';
      const f = fundsRow(t, 'total');
      const rate = rateOf(resultOf(t), f);
      if (f && rate !== undefined && roundTo(rate, 4) < 1 && f.adjusted !== undefined && f.executed !== undefined) {
        const left = f.adjusted - f.executed;
        const rateText = b.rate(lab(t, '执行率（重算）'), rate, rateRef(t, f));
        const leftText = b.wan(lab(t, '未执行金额（重算）'), left, f.row.executed!.ref);
        derived.push({
          problem: `${who}预算执行率为${rateText}，尚有${leftText}未执行。`,
          measure: `加快${who}预算执行进度，对尚未执行的${leftText}资金逐项查明原因，能执行的抓紧执行，不再需要的按规定收回统筹。`,
        });
      }
      for (const s of scoredIndicators(t, resultOf(t))) {
        if (!s.belowFull && !s.unmet) continue;
        const target = readingText(s.ind.target);
        const actual = readingText(s.ind.actual);
        const detail: string[] = [];
        if (target) detail.push(`指标值为${target}`);
        if (actual) detail.push(`完成值为${actual}`);
        if (s.belowFull && s.score !== undefined && s.weight !== undefined)
          detail.push(`得分${fmtScore(s.score)}分（分值${fmtScore(s.weight)}分）`);
        else detail.push('完成档次为未达成');
        derived.push({
          problem: `${who}“${s.ind.name}”指标未完全达成：${detail.join('，')}。`,
          measure: `针对${who}“${s.ind.name}”指标未完全达成的情况，分析偏差原因，调整工作安排和资源投入，确保下一年度达到指标值。`,
        });
      }
    }

    b.subsection('存在的主要问题');
    for (const p of userProblems) b.item3(p);
    if (!basic) b.para(`${NO_BASIC}，部门自行填报的存在问题未能列入。`);
    else if (userProblems.length === 0) b.para('“基本情况”表未填写存在问题。');
    if (derived.length) {
      b.para(userProblems.length ? '经对表中数据核查，还存在以下问题：' : '经对表中数据核查，存在以下问题：');
      for (const d of derived) b.item3(d.problem);
    } else if (mainTables.length) {
      b.para('经对表中数据核查，预算资金已全部执行，各项指标均取得满分。');
    }

    b.subsection('改进措施');
    for (const m of userMeasures) b.item3(m);
    for (let k = userMeasures.length; k < userProblems.length; k++)
      b.item3(`针对上述第${k + 1}条问题，“基本情况”表未填写对应的改进措施，请补充。`);
    if (!basic) b.para(`${NO_BASIC}，部门自行填报的改进措施未能列入。`);
    else if (userMeasures.length === 0 && userProblems.length === 0) b.para('“基本情况”表未填写改进措施。');
    if (derived.length) {
      b.para('针对数据核查发现的问题：');
      for (const d of derived) b.item3(d.measure);
    }
  }
}
