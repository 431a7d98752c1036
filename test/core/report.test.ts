import { buildReport, docLines, splitItems, stripItemNumbering, NOTICE_MAX_ITEMS } from '../../src/core/report';
import type { ReportBlock, ReportDoc } from '../../src/core/types';
import { cellText, type ReportTable } from '../../src/core/report/model';
import {
  BASIC_SHEET,
  DEPT_SHEET,
  Fixture,
  PROJECT_1,
  PROJECT_2,
  finding,
  noBasicFixture,
  projectOnlyFixture,
  refsOf,
  seedFixture,
} from './helpers/reportFixtures';

const build = (f: Fixture): ReportDoc => buildReport(f.read, f.check, f.profile, f.findings);

/** Every text line of the document, table rows as tab-joined cells. */
const lines = (doc: ReportDoc): string[] => docLines(doc);
const rowsOf = (t: ReportTable) => t.rows.map((r) => r.map(cellText));
/** The figure notes (what the checker knows and the text does not say). */
const noteOf = (doc: ReportDoc, label: string) => doc.figures.find((x) => x.label === label)?.note;
const fullText = (doc: ReportDoc) => lines(doc).join('\n');
const headings = (doc: ReportDoc, level: 1 | 2 | 3) =>
  doc.blocks.filter((b): b is Extract<ReportBlock, { type: 'heading' }> => b.type === 'heading' && b.level === level).map((b) => b.text);
/** The body of section n (一 = 1): the blocks after its heading up to the next level-1 heading. */
function section(doc: ReportDoc, n: number): ReportBlock[] {
  const idx = doc.blocks.map((b, i) => (b.type === 'heading' && b.level === 1 ? i : -1)).filter((i) => i >= 0);
  return doc.blocks.slice(idx[n - 1] + 1, idx[n] ?? doc.blocks.length);
}
const textOfBlocks = (bs: ReportBlock[]) => bs.map((b) => ('text' in b ? b.text : '')).join('\n');

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Walks the headings and numbered items and asserts the numbering rules of report.md. */
function assertNumbering(doc: ReportDoc): void {
  let sec = 0;
  let sub = 0;
  let item = 0;
  for (const b of doc.blocks) {
    if (b.type === 'heading' && b.level === 1) {
      sec++;
      sub = 0;
      item = 0;
      expect(b.text.startsWith(`${CN[sec - 1]}、`)).toBe(true);
      expect(b.text).not.toMatch(/^（|^\d/);
    } else if (b.type === 'heading' && b.level === 2) {
      sub++;
      item = 0;
      expect(sec).toBeGreaterThan(0);
      expect(b.text.startsWith(`（${CN[sub - 1]}）`)).toBe(true);
    } else if ((b.type === 'heading' && b.level === 3) || (b.type === 'paragraph' && /^\d+\. /.test(b.text))) {
      item++;
      expect(sec).toBeGreaterThan(0);
      expect(b.text.startsWith(`${item}. `)).toBe(true);
    }
    if (b.type === 'paragraph' || b.type === 'heading') {
      // no writer's numbering left behind, no mixed styles
      const body = b.text.replace(/^\d+\. /, '');
      expect(body).not.toMatch(/^(?:[一二三四五六七八九十]+是|[（(]\d+[）)]|\d+、|[①-⑳])/);
      if (b.type === 'paragraph') expect(b.text).not.toMatch(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/);
    }
  }
}

describe('buildReport on a seed-like department', () => {
  const f = seedFixture();
  const doc = build(f);
  const text = fullText(doc);

  test('title from 基本情况', () => {
    expect(doc.title).toBe('井陉县委网信办2025年度整体支出绩效自评报告');
    expect(doc.blocks[0]).toEqual({ type: 'title', text: doc.title });
  });

  test('the six sections in order', () => {
    expect(headings(doc, 1)).toEqual([
      '一、部门基本情况',
      '二、自评工作开展情况',
      '三、部门整体支出绩效目标实现情况及指标分析',
      '四、评价结论和评价等级',
      '五、存在的问题及改进措施',
      '六、评价工作组人员名单',
    ]);
    expect(headings(doc, 2)).toEqual([
      '（一）部门概况',
      '（二）部门收支预决算情况',
      '（三）部门整体支出绩效目标、指标',
      '（一）自评的组织工作',
      '（二）自评的方法和过程',
      '（一）总体绩效目标实现情况',
      '（二）分项绩效目标实现情况及指标分析',
      '（一）存在的主要问题',
      '（二）改进措施',
    ]);
  });

  test('numbering is consistent: restarts per section / subsection and is consecutive', () => {
    assertNumbering(doc);
  });

  test('preamble names the basis and the principles', () => {
    const pre = doc.blocks[1];
    expect(pre.type).toBe('paragraph');
    expect((pre as { text: string }).text).toContain('《井陉县县级部门项目绩效自评管理办法》（井财〔2020〕9号）');
    expect((pre as { text: string }).text).toContain('原则');
  });

  test('amounts in 万元 with two decimals, rate as a percentage with two decimals', () => {
    const funds = textOfBlocks(section(doc, 1));
    expect(funds).toContain('年初预算数为154.74万元');
    expect(funds).toContain('全年执行数为149.70万元');
    expect(funds).toContain('预算执行率为96.74%');
    expect(funds).toContain('固定资产5.30万元');
    for (const m of text.matchAll(/([0-9.]+)万元/g)) expect(m[1]).toMatch(/^\d+\.\d{2}$/);
    for (const m of text.matchAll(/([0-9.]+)分/g)) expect(m[1]).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  test('amounts, rates and scores in tables are typed numbers', () => {
    const tables = doc.blocks.filter((b): b is ReportTable => b.type === 'table');
    const cells = tables.flatMap((t) => t.rows.flat());
    expect(cells.some((c) => c.type === 'number' && c.kind === 'amount')).toBe(true);
    expect(cells.some((c) => c.type === 'number' && c.kind === 'rate')).toBe(true);
    expect(cells.some((c) => c.type === 'number' && c.kind === 'score')).toBe(true);
    for (const t of tables) for (const r of t.rows) expect(r).toHaveLength(t.header.length);
    expect(text).not.toContain('｜');
  });

  test('projects: count and sum, then a table of every project with funds, rate, total and grade', () => {
    const s2 = section(doc, 2);
    const body = textOfBlocks(s2);
    expect(body).toContain('项目共2个');
    expect(body).toContain('全年预算数合计31.80万元');
    const t = s2.find((b): b is ReportTable => b.type === 'table')!;
    expect(t.header).toEqual(['项目名称', '全年预算数', '全年执行数', '执行率', '自评得分', '评价等级']);
    expect(t.groups!.map((g) => [g.text, g.span])).toEqual([
      ['项目名称', 1],
      ['资金情况（万元）', 2],
      ['执行率', 1],
      ['自评得分', 1],
      ['评价等级', 1],
    ]);
    expect(rowsOf(t).map((r) => r.slice(0, 3))).toEqual([
      [PROJECT_1, '25.00', '25.00'],
      [PROJECT_2, '6.80', '6.80'],
    ]);
    expect(t.rows[0][1]).toEqual({ type: 'number', value: 25, kind: 'amount' });
    expect(t.rows[0][3]).toMatchObject({ type: 'number', kind: 'rate' });
  });

  test("the weights are stated in the department's words, without naming a scheme", () => {
    const s2 = textOfBlocks(section(doc, 2));
    expect(s2).toContain('产出指标40分');
    expect(s2).toContain('效益指标40分');
    expect(s2).toContain('满意度指标10分');
    expect(s2).toContain('预算执行率10分');
    expect(s2).not.toContain('权重方案');
  });

  test('long texts split into items with the writer numbering stripped', () => {
    const s1 = section(doc, 1).filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
    expect(s1).toContain('1. 加强网上正面宣传，全年推送各类稿件500余篇。');
    expect(s1).toContain('2. 开展网络生态治理，巡查县域网站111家。');
    expect(s1).toContain('3. 组织网络安全宣传活动10场。');
    expect(s1).toContain('4. 扩充网评员队伍至230名。');
  });

  test('indicators grouped by level 1 in tables, 预算执行率 a group of its own, reasons for those below full marks', () => {
    const s3 = section(doc, 3);
    const h3 = s3.filter((b) => b.type === 'heading' && b.level === 3).map((b) => (b as { text: string }).text);
    expect(h3.map((t) => t.replace(/（.*$/, ''))).toEqual(['1. 产出指标', '2. 效益指标', '3. 满意度指标', '4. 预算执行率', '5. 项目支出绩效情况']);
    expect(h3[0]).toContain('得分39.25分');
    expect(h3[3]).toContain('分值10分');
    const all = s3.filter((b): b is ReportTable => b.type === 'table');
    expect(all).toHaveLength(4);
    const tables = all.slice(0, 3);
    for (const t of tables) expect(t.header).toEqual(['二级指标', '三级指标', '指标值', '完成值', '分值', '得分']);
    // 预算执行率: its own table of budget, executed, rate, weight and score
    expect(all[3].header).toEqual(['全年预算数（万元）', '全年执行数（万元）', '执行率', '分值', '得分']);
    expect(rowsOf(all[3])).toEqual([['154.74', '149.70', '96.74%', '10', '9.67']]);
    expect(tables[0].rows).toHaveLength(4);
    // the recomputed score, as a number; the stated one is a note of the figure table
    expect(rowsOf(tables[0])[1]).toEqual(['数量指标', '巡查县域网站', '≥120家', '111家', '10', '9.25']);
    expect(tables[0].rows[1][5]).toEqual({ type: 'number', value: 9.25, kind: 'score' });
    expect(noteOf(doc, '巡查县域网站：得分（重算）')).toContain('9分');
    const body = textOfBlocks(s3);
    expect(body).toContain('“巡查县域网站”指标值≥120家，完成值111家，得分9.25分，未达满分（分值10分）。偏差原因：部分网站关停，巡查对象减少。');
    expect(body).toContain('“网评员队伍规模”指标值≥250名，完成值230名，得分18.4分，未达满分（分值20分）。偏差原因：未填写。');
    expect(body).not.toContain('“群众满意度”指标值');
    expect(body).toContain(`“${PROJECT_1}”自评得分`);
  });

  test('conclusion uses the recomputed total and grade; the stated total is a note beside it', () => {
    const s4 = textOfBlocks(section(doc, 4));
    expect(s4).toContain('97.32分');
    expect(s4).toContain('“优秀”');
    expect(s4).not.toContain('表中填报');
    const total = doc.figures.find((x) => x.label === '总分（重算）')!;
    expect(total.ref).toEqual({ sheet: DEPT_SHEET, cell: 'G19' });
    expect(total.value).toBe(97.32);
    expect(total.note).toContain('表中填报98分');
  });

  test('problems: the user items (an execution one with its figures), then the data-derived ones; one measure each', () => {
    const s5 = section(doc, 5);
    const split = s5.findIndex((b) => b.type === 'heading' && b.level === 2 && b.text.includes('改进措施'));
    const problems = s5.slice(0, split).filter((b) => b.type === 'paragraph' && /^\d+\. /.test(b.text)).map((b) => (b as { text: string }).text);
    const measures = s5.slice(split).filter((b) => b.type === 'paragraph' && /^\d+\. /.test(b.text)).map((b) => (b as { text: string }).text);
    expect(problems[0]).toBe('1. 预算执行进度有待加快，预算执行率为96.74%，尚有5.04万元未执行。');
    expect(problems[1]).toBe('2. 绩效目标设定不够细化。');
    expect(problems.filter((p) => p.includes('预算执行率为96.74%'))).toHaveLength(1);
    expect(problems.some((p) => p.includes('“巡查县域网站”指标未完全达成'))).toBe(true);
    expect(problems.some((p) => p.includes('“网评员队伍规模”指标未完全达成'))).toBe(true);
    expect(measures).toHaveLength(problems.length);
    expect(measures[0]).toBe('1. 按月调度预算执行进度。');
    expect(measures.find((m) => m.includes('巡查县域网站'))).toContain('部分网站关停，巡查对象减少');
    expect(new Set(measures.map((m) => m.replace(/^\d+\. /, ''))).size).toBe(measures.length);
  });

  test('the team table has a 签字 column left blank', () => {
    const s6 = section(doc, 6);
    expect(s6).toHaveLength(1);
    const t = s6[0] as ReportTable;
    expect(t.header).toEqual(['姓名', '工作单位', '职务', '职称', '签字', '备注']);
    expect(rowsOf(t)).toEqual([
      ['陈志军', '井陉县委网信办', '主任', '无', '', ''],
      ['张国彦', '井陉县委网信办', '三级主任科员', '无', '', ''],
      ['冀晓伟', '井陉县委网信办', '四级主任科员', '无', '', ''],
    ]);
  });

  test('every figure carries a ref that exists in the ReadResult, and shows in the text', () => {
    const refs = refsOf(f.read);
    expect(doc.figures.length).toBeGreaterThan(20);
    for (const fig of doc.figures) {
      expect(fig.ref.sheet).toBeTruthy();
      expect(fig.ref.cell).toMatch(/^[A-Z]+\d+$/);
      expect(refs.has(`${fig.ref.sheet}!${fig.ref.cell}`)).toBe(true);
      // a table cell prints the number; its unit stands in the header
      expect(text).toContain(fig.display.replace(/(分|万元)$/, ''));
    }
  });

  test('recomputed figures point at the stated cell they correspond to', () => {
    const rate = doc.figures.find((x) => x.label === '执行率（重算）')!;
    expect(rate).toMatchObject({ display: '96.74%', ref: { sheet: DEPT_SHEET, cell: 'G5' } });
    expect(rate.value).toBeCloseTo(149.7 / 154.74, 6);
    const left = doc.figures.find((x) => x.label === '未执行金额（重算）')!;
    expect(left.display).toBe('5.04万元');
    const budget = doc.figures.find((x) => x.label === '年初预算数')!;
    expect(budget).toMatchObject({ display: '154.74万元', value: 154.74, ref: { sheet: DEPT_SHEET, cell: 'C5' } });
  });

  test('no notice without errors (warnings do not count)', () => {
    expect(doc.blocks.some((b) => b.type === 'notice')).toBe(false);
    const warned = build({ ...f, findings: [finding('warning', DEPT_SHEET, 'F13', '警告'), finding('info', DEPT_SHEET, 'A1', '提示')] });
    expect(warned.blocks.some((b) => b.type === 'notice')).toBe(false);
  });
});

describe('the notice', () => {
  test('opens the report right after the title when errors remain', () => {
    const f = seedFixture();
    f.findings = [
      finding('error', DEPT_SHEET, 'G13', '得分9与重新计算的9.25不符'),
      finding('warning', DEPT_SHEET, 'H17', '未填写偏差原因'),
      finding('error', DEPT_SHEET, 'G19', '总分98与重新计算的97.32不符', 'score.total'),
    ];
    const doc = build(f);
    expect(doc.blocks[0].type).toBe('title');
    const n = doc.blocks[1];
    expect(n.type).toBe('notice');
    if (n.type !== 'notice') return;
    expect(n.text).toContain('【注意】');
    expect(n.text).toContain('2处错误');
    expect(n.items).toEqual([`${DEPT_SHEET}!G13：得分9与重新计算的9.25不符`, `${DEPT_SHEET}!G19：总分98与重新计算的97.32不符`]);
    expect(doc.blocks.filter((b) => b.type === 'notice')).toHaveLength(1);
    assertNumbering(doc);
  });

  test('lists at most the first errors and counts the rest', () => {
    const f = seedFixture();
    f.findings = Array.from({ length: NOTICE_MAX_ITEMS + 5 }, (_, i) => finding('error', DEPT_SHEET, `G${i + 1}`, `错误${i + 1}`));
    const n = build(f).blocks[1];
    if (n.type !== 'notice') throw new Error('no notice');
    expect(n.text).toContain(`${NOTICE_MAX_ITEMS + 5}处错误`);
    expect(n.items).toHaveLength(NOTICE_MAX_ITEMS + 1);
    expect(n.items[NOTICE_MAX_ITEMS]).toContain('另有5处');
  });
});

describe('a workbook without 基本情况', () => {
  const f = noBasicFixture();
  const doc = build(f);
  const text = fullText(doc);

  test('takes name and year from the department table', () => {
    expect(doc.title).toBe('井陉县委网信办2025年度整体支出绩效自评报告');
    expect(doc.figures.find((x) => x.label === '部门名称')!.ref).toEqual({ sheet: DEPT_SHEET, cell: 'B3' });
  });

  test('says what it lacks instead of inventing it', () => {
    expect(text).toContain('没有“基本情况”工作表');
    for (const part of ['部门概况', '评价依据', '年度工作完成情况', '存在问题', '改进措施', '评价工作组人员名单']) expect(text).toContain(part);
    expect(textOfBlocks(section(doc, 6))).toContain('评价工作组人员名单未填写');
    // an empty team table to fill in by hand, no invented names
    const team = section(doc, 6).find((b): b is ReportTable => b.type === 'table')!;
    expect(rowsOf(team)).toEqual([['', '', '', '', '', '']]);
    // what is missing is said in the opening notice
    expect(doc.blocks[1].type).toBe('notice');
    expect(doc.figures.some((x) => x.ref.sheet === BASIC_SHEET)).toBe(false);
    expect(text).not.toContain('陈志军');
    expect(text).not.toContain('5.73万元');
  });

  test('still has the six sections, consistent numbering and the data-derived problems', () => {
    expect(headings(doc, 1)).toHaveLength(6);
    assertNumbering(doc);
    expect(textOfBlocks(section(doc, 5))).toContain('1. 预算执行率为96.74%，尚有5.04万元未执行。');
    const refs = refsOf(f.read);
    for (const fig of doc.figures) expect(refs.has(`${fig.ref.sheet}!${fig.ref.cell}`)).toBe(true);
  });

  test('with neither name nor year anywhere, the title says so plainly', () => {
    const g = noBasicFixture();
    for (const t of g.read.tables) {
      t.name = undefined;
      t.year = undefined;
      t.competentDept = undefined;
      t.implementer = undefined;
    }
    const d = build(g);
    expect(d.title).toContain('（部门名称未填写）');
    expect(d.title).toContain('（评价年度未填写）');
    expect(d.title.endsWith('整体支出绩效自评报告')).toBe(true);
    assertNumbering(d);
  });
});

describe('a project-only workbook', () => {
  const f = projectOnlyFixture();
  const doc = build(f);
  const text = fullText(doc);

  test('is a 项目支出 report, titled and headed for projects', () => {
    expect(doc.kind).toBe('project');
    expect(doc.title).toBe('井陉县委网信办2025年度项目支出绩效自评报告');
    expect(headings(doc, 1)[0]).toBe('一、项目基本情况');
    expect(headings(doc, 1)[2]).toBe('三、项目绩效目标实现情况及指标分析');
    expect(text).not.toContain('部门整体支出绩效目标');
    // a part per project in 三（二）
    const h3 = section(doc, 3).filter((b) => b.type === 'heading' && b.level === 3).map((b) => (b as { text: string }).text);
    expect(h3.map((t) => t.replace(/（.*$/, ''))).toEqual([`1. ${PROJECT_1}`, `2. ${PROJECT_2}`]);
  });

  test('one project: that project\'s report', () => {
    const g = projectOnlyFixture();
    g.read.tables = [g.read.tables[0]];
    g.check.results = [g.check.results[0]];
    const d = build(g);
    expect(d.title).toBe(`${PROJECT_1}2025年度项目支出绩效自评报告`);
    assertNumbering(d);
  });

  test('sums the projects and flags the one not fully executed', () => {
    const s1 = textOfBlocks(section(doc, 1));
    expect(s1).toContain('31.80万元');
    expect(s1).toContain('31.12万元');
    const s5 = textOfBlocks(section(doc, 5));
    expect(s5).toContain(`“${PROJECT_2}”预算执行率为90.00%，尚有0.68万元未执行。`);
    expect(s5).not.toContain(`“${PROJECT_1}”预算执行率`);
  });

  test('one conclusion per project, with its recomputed total', () => {
    const s4 = section(doc, 4).map((b) => (b as { text: string }).text);
    expect(s4).toHaveLength(2);
    expect(s4[0]).toMatch(/^1\. .*100分/);
    expect(s4[1]).toMatch(/^2\. .*99分/);
    expect(s4[1]).not.toContain('表中填报');
    expect(noteOf(doc, `${PROJECT_2}总分（重算）`)).toContain('表中填报100分');
  });

  test('figures come from the project sheets, numbering consistent', () => {
    const refs = refsOf(f.read);
    for (const fig of doc.figures) {
      expect(['项目1', '项目2']).toContain(fig.ref.sheet);
      expect(refs.has(`${fig.ref.sheet}!${fig.ref.cell}`)).toBe(true);
    }
    assertNumbering(doc);
  });
});

describe('other wording', () => {
  test('a stated grade that differs is a note of the figure table', () => {
    const f = seedFixture();
    f.check.results[0].statedGrade = '良';
    f.read.tables[0].totals!.grade = { value: '良好', ref: { sheet: DEPT_SHEET, cell: 'G20' } };
    const d = build(f);
    expect(textOfBlocks(section(d, 4))).not.toContain('良好');
    expect(noteOf(d, '评价等级（重算）')).toContain('“良好”');
  });

  test('fewer measures than problems: the gap is said, not filled', () => {
    const f = seedFixture();
    f.read.basic!.measures = { value: '加快支出进度', ref: { sheet: BASIC_SHEET, cell: 'B18' } };
    const d = build(f);
    const s5 = textOfBlocks(section(d, 5));
    expect(s5).toContain('1. 加快支出进度。');
    expect(s5).toContain('2. 针对“绩效目标设定不够细化”的问题：改进措施未填写。');
    expect((d.blocks[1] as { items: string[] }).items).toContain('“基本情况”表的存在问题第2条没有对应的改进措施。');
  });

  test('a 基本情况 年初预算收入 that differs from the table is not argued in the text', () => {
    const f = seedFixture();
    f.read.basic!.budgetIncome = { value: 158.5, ref: { sheet: BASIC_SHEET, cell: 'B11' } };
    const doc = build(f);
    // funds.conflict tells the officer; the narrative keeps the table's figure and does not argue
    const s1 = textOfBlocks(section(doc, 1));
    expect(s1).toContain('年初预算数为154.74万元');
    expect(s1).not.toContain('158.50');
  });

  test('no basis: a neutral preamble', () => {
    const f = seedFixture();
    f.read.basic!.basis = undefined;
    const pre = build(f).blocks[1] as { text: string };
    expect(pre.text).toMatch(/^按照/);
    expect(pre.text).toContain('井陉县委网信办');
  });

  test('no tables at all: still six sections, nothing invented', () => {
    const f = seedFixture();
    f.read.tables = [];
    f.check.results = [];
    const doc = build(f);
    expect(headings(doc, 1)).toHaveLength(6);
    assertNumbering(doc);
    expect(fullText(doc)).toContain('无法得出评价结论');
  });
});

describe('splitItems and stripItemNumbering', () => {
  test.each<[string, string]>([
    ['1、预算执行慢', '预算执行慢'],
    ['1. 预算执行慢', '预算执行慢'],
    ['１．预算执行慢', '预算执行慢'],
    ['(1)预算执行慢', '预算执行慢'],
    ['（2） 预算执行慢', '预算执行慢'],
    ['一、预算执行慢', '预算执行慢'],
    ['（三）预算执行慢', '预算执行慢'],
    ['一是预算执行慢', '预算执行慢'],
    ['第二，预算执行慢', '预算执行慢'],
    ['③预算执行慢', '预算执行慢'],
    ['1.2亿元资金到位', '1.2亿元资金到位'],
    ['2025年完成', '2025年完成'],
    ['一般性支出压减', '一般性支出压减'],
  ])('stripItemNumbering(%p) = %p', (a, b) => expect(stripItemNumbering(a)).toBe(b));

  test('one item per line', () => {
    expect(splitItems('甲\n\n乙\r\n丙')).toEqual(['甲。', '乙。', '丙。']);
  });
  test('一是…二是… on one line', () => {
    expect(splitItems('一是加强宣传；二是强化治理。三是提升素养')).toEqual(['加强宣传。', '强化治理。', '提升素养。']);
  });
  test('（1）…（2）… and 1、…2、… on one line', () => {
    expect(splitItems('(1)甲。(2)乙。')).toEqual(['甲。', '乙。']);
    expect(splitItems('1、甲；2、乙；3、丙')).toEqual(['甲。', '乙。', '丙。']);
  });
  test('semicolons split only when asked and nothing else did', () => {
    expect(splitItems('甲；乙；丙')).toEqual(['甲；乙；丙。']);
    expect(splitItems('甲；乙；丙', true)).toEqual(['甲。', '乙。', '丙。']);
    expect(splitItems('甲；乙\n丙', true)).toEqual(['甲；乙。', '丙。']);
  });
  test('an inner 是 is not a marker', () => {
    expect(splitItems('这一是关键，二是次要')).toEqual(['这一是关键，二是次要。']);
  });
  test('empty input', () => {
    expect(splitItems(undefined)).toEqual([]);
    expect(splitItems('  \n ')).toEqual([]);
  });
});

describe('degenerate input never crashes nor prints NaN / undefined', () => {
  const clean = (doc: ReportDoc) => {
    const text = fullText(doc);
    expect(text).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
    expect(headings(doc, 1)).toHaveLength(6);
    assertNumbering(doc);
  };

  test('empty and odd amounts, scores and texts', () => {
    const f = seedFixture();
    const dept = f.read.tables[0];
    const total = dept.funds!.rows[0];
    total.adjusted = { value: null, ref: total.adjusted!.ref };
    total.executed = { value: NaN, ref: total.executed!.ref };
    total.rate = { value: null, ref: total.rate!.ref };
    const r0 = f.check.results[0];
    r0.executionRate = undefined;
    r0.executionScore = undefined;
    r0.computedTotal = NaN;
    r0.computedGrade = undefined;
    const ind = dept.indicators[0];
    ind.level1 = '';
    ind.weight = { value: null, ref: ind.weight!.ref };
    ind.score = undefined;
    ind.target = { value: { kind: 'empty', unit: '', approx: false, text: '' }, ref: ind.target.ref };
    r0.indicators[0].computedScore = undefined;
    f.read.basic!.duties = { value: null as unknown as string, ref: { sheet: BASIC_SHEET, cell: 'B3' } };
    f.read.basic!.achievements = { value: '   ', ref: { sheet: BASIC_SHEET, cell: 'B15' } };
    f.read.basic!.problems = { value: '；；。', ref: { sheet: BASIC_SHEET, cell: 'B17' } };
    f.read.basic!.team[0].note = undefined as unknown as string;
    const doc = build(f);
    clean(doc);
    const text = fullText(doc);
    // the notice says the total could not be computed; the conclusion gives the stated one
    expect(doc.blocks[1]).toMatchObject({ type: 'notice' });
    expect(text).toContain('总分未能计算');
    expect(textOfBlocks(section(doc, 4))).toContain('绩效自评得分为98分');
    const refs = refsOf(f.read);
    for (const fig of doc.figures) expect(refs.has(`${fig.ref.sheet}!${fig.ref.cell}`)).toBe(true);
  });

  test('a table without a 分值 column: no full-marks judgement, no weight sums', () => {
    const f = seedFixture();
    const dept = f.read.tables[0];
    dept.hasWeightColumn = false;
    for (const i of dept.indicators) i.weight = undefined;
    const doc = build(f);
    clean(doc);
    const s3 = textOfBlocks(section(doc, 3));
    expect(s3).not.toContain('未达满分');
    expect(s3.replace(/预算执行率（分值\d+分/, '')).not.toMatch(/分值\d/);
  });

  test('a table with no funds block and no totals', () => {
    const f = seedFixture();
    const dept = f.read.tables[0];
    dept.funds = undefined;
    dept.totals = undefined;
    dept.goals = undefined;
    f.check.results[0].executionRate = undefined;
    f.check.results[0].executionScore = undefined;
    f.check.results[0].statedTotal = undefined;
    const doc = build(f);
    clean(doc);
    const refs = refsOf(f.read);
    for (const fig of doc.figures) expect(refs.has(`${fig.ref.sheet}!${fig.ref.cell}`)).toBe(true);
  });

  test('no check results at all: the stated scores are shown, nothing recomputed is claimed', () => {
    const f = seedFixture();
    f.check.results = [];
    const doc = build(f);
    clean(doc);
    expect(doc.figures.some((x) => x.label.includes('总分（重算）'))).toBe(false);
    // the execution rate can still be computed from the table's own amounts
    expect(fullText(doc)).toContain('96.74%');
  });
});

describe('stated figures that differ from the recomputed ones', () => {
  test('a stated 执行率 beyond tolerance is a note beside the recomputed one', () => {
    const f = seedFixture();
    const total = f.read.tables[0].funds!.rows[0];
    total.rate = { value: 0.98, ref: total.rate!.ref, decimals: 2 };
    const d = build(f);
    const s1 = textOfBlocks(section(d, 1));
    expect(s1).toContain('预算执行率为96.74%');
    expect(s1).not.toContain('98.00%');
    expect(noteOf(d, '执行率（重算）')).toBe('重新计算；表中填报98.00%');
  });

  test('a stated 执行率 equal at the decimals it is written with is accepted', () => {
    const f = seedFixture();
    const total = f.read.tables[0].funds!.rows[0];
    total.rate = { value: 0.97, ref: total.rate!.ref, decimals: 0 };
    expect(textOfBlocks(section(build(f), 1))).not.toContain('表中填报的执行率');
  });

  test('several documents of the basis are listed with 、', () => {
    const f = seedFixture();
    f.read.basic!.basis = { value: '《办法甲》；\n《办法乙》。', ref: { sheet: BASIC_SHEET, cell: 'B14' } };
    const pre = (build(f).blocks[1] as { text: string }).text;
    expect(pre).toContain('根据《办法甲》、《办法乙》的有关要求');
  });

  test('declared level-1 weights that differ from the profile are left to the findings', () => {
    const f = seedFixture();
    f.read.tables[0].level1Weights = [
      { name: '产出指标', weight: 50, ref: { sheet: DEPT_SHEET, cell: 'A12' } },
      { name: '效益指标', weight: 30, ref: { sheet: DEPT_SHEET, cell: 'A16' } },
    ];
    // weight.level1 tells the officer; the narrative states the weights it scored with
    const s2 = textOfBlocks(section(build(f), 2));
    expect(s2).toContain('产出指标40分');
    expect(s2).not.toContain('不一致');
  });
});

