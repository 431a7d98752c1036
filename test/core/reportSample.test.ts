// The report of the demo workbook read from its grid, as the engine builds it: the projects
// in a department report, a project-only workbook, and the department's voice.

import { evaluate } from '../../src/core/engine';
import { sampleGrid, sampleModel } from '../../src/core/sample';
import { layoutWorkbook } from '../../src/core/template';
import { docLines, TOOL_PHRASES, type ReportDoc, type ReportTable } from '../../src/core/report';
import { cellText } from '../../src/core/report/model';

const P1 = '2025年网络舆情监测等工作经费';
const P2 = '2025年网络综合治理工作经费';

/** The narrative: every block but the opening notice. */
const narrative = (doc: ReportDoc) => docLines({ ...doc, blocks: doc.blocks.filter((b) => b.type !== 'notice') }).join('\n');

function projectOnly(n: number): ReportDoc {
  const model = sampleModel();
  model.tables = model.tables.filter((t) => t.kind === 'project').slice(0, n);
  return evaluate(layoutWorkbook(model).grid).report;
}

describe('the sample department report', () => {
  const doc = evaluate(sampleGrid()).report;
  const text = docLines(doc).join('\n');

  test('names both projects with their totals and grades in a table', () => {
    const t = doc.blocks.find((b): b is ReportTable => b.type === 'table' && b.header[0] === '项目名称')!;
    const rows = t.rows.map((r) => r.map(cellText));
    expect(rows.map((r) => [r[0], r[4], r[5]])).toEqual([
      [P1, '98.89', '优秀'],
      [P2, '99.59', '优秀'],
    ]);
  });

  test('the 日报 shortfall with its 偏差原因 in 三, and its measure in 五（二）', () => {
    expect(text).toContain('“呈报舆情日报”指标值≥365期，完成值334期，得分9.15分，未达满分（分值10分）。偏差原因：节假日日报合并报送，全年少报31期。');
    expect(text).toMatch(/\d+\. “2025年网络舆情监测等工作经费”的“呈报舆情日报”：下一年度节假日安排专人值守，按日报送。/);
  });

  test('the user\'s execution problem and the recomputed rate are one item', () => {
    const items = text.split('\n').filter((l) => l.includes('预算执行进度偏慢'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^1\. 预算执行进度偏慢，部分资金支付集中在年末，预算执行率为\d+\.\d{2}%，尚有\d+\.\d{2}万元未执行。$/);
  });

  test('no measure sentence is repeated', () => {
    const lines = text.split('\n');
    const from = lines.indexOf('（二）改进措施');
    const to = lines.indexOf('六、评价工作组人员名单');
    const measures = lines.slice(from + 1, to).map((l) => l.replace(/^\d+\. /, ''));
    expect(measures.length).toBeGreaterThan(3);
    expect(new Set(measures).size).toBe(measures.length);
  });

  test('the narrative speaks as the department: no checking-tool phrases outside the notice', () => {
    const body = narrative(doc);
    for (const p of [...TOOL_PHRASES, '均经重新计算', '采用“']) expect(body).not.toContain(p);
    // the notice does carry what the checker found
    expect(doc.blocks[1]).toMatchObject({ type: 'notice' });
  });

  test('every figure the narrative prints is among the figures, with its cell', () => {
    for (const f of doc.figures) expect(f.ref.cell).toMatch(/^[A-Z]+\d+$/);
    expect(doc.figures.find((f) => f.label === `${P1}全年预算数`)).toMatchObject({ display: '25.00万元', value: 25 });
    expect(doc.figures.some((f) => f.label === `${P1}呈报舆情日报：得分（重算）` || f.label === `${P1}呈报舆情日报：得分`)).toBe(true);
  });
});

describe('a project-only workbook', () => {
  test('one project: that project\'s 项目支出 report', () => {
    const doc = projectOnly(1);
    expect(doc.kind).toBe('project');
    expect(doc.title).toBe(`${P1}2025年度项目支出绩效自评报告`);
    const text = docLines(doc).join('\n');
    expect(text).toContain('一、项目基本情况');
    expect(text).toContain('三、项目绩效目标实现情况及指标分析');
    expect(text).not.toContain('部门整体支出绩效目标');
    expect(text).toContain('“呈报舆情日报”指标值≥365期');
  });

  test('several projects: one report with a part per project', () => {
    const doc = projectOnly(2);
    expect(doc.title).toBe('井陉县委网信办2025年度项目支出绩效自评报告');
    const h3 = doc.blocks.filter((b) => b.type === 'heading' && b.level === 3).map((b) => (b as { text: string }).text);
    expect(h3.some((h) => h.startsWith(`1. ${P1}`))).toBe(true);
    expect(h3.some((h) => h.startsWith(`2. ${P2}`))).toBe(true);
    for (const p of TOOL_PHRASES) expect(narrative(doc)).not.toContain(p);
  });
});
