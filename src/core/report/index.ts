// The narrative self-evaluation report (report.md) as a document model.
//
// Where things are written:
//   head.ts       title, preamble, the opening notice
//   section1.ts   一、基本情况 （一）概况 （二）收支预决算 / 资金 （三）绩效目标
//   section2.ts   二、自评工作开展情况 (projectsTable.ts: the table of projects)
//   section3.ts   三、目标实现情况及指标分析 (indicator tables, 预算执行率, the projects' shortfalls)
//   section4.ts   四、评价结论和评价等级
//   section5.ts   五、存在的问题及改进措施 (problems.ts: problems and measures, one to one)
//   section6.ts   六、评价工作组人员名单
//   wording.ts    every word of it
//   model.ts      the document model; sheet.ts and docx.ts render it
//
// Every figure printed comes from the ReadResult or, where the engine recomputes it, from
// the CheckResult; each is recorded in doc.figures with the cell it came from.

import type { CheckResult, Finding, Profile, ReadResult } from '../types';
import type { ReportDoc } from './model';
import { Builder } from './builder';
import type { Ctx } from './context';
import { insertNotice, nameAndYear, writePreamble, writeTitle } from './head';
import { writeSection1 } from './section1';
import { writeSection2 } from './section2';
import { writeSection3 } from './section3';
import { writeSection4 } from './section4';
import { writeSection5 } from './section5';
import { writeSection6 } from './section6';
import { HEADINGS_DEPT, HEADINGS_PROJECT } from './wording';

export { NOTICE_MAX_ITEMS, TOOL_PHRASES } from './wording';
export { splitItems, stripItemNumbering, endSentence } from './text';
export { splitDeviation } from './deviation';
export * from './model';

export function buildReport(read: ReadResult, check: CheckResult, profile: Profile, findings: Finding[]): ReportDoc {
  const dept = read.tables.find((t) => t.kind === 'department') ?? read.tables.find((t) => t.kind === 'department-scoring');
  const projects = read.tables.filter((t) => t.kind === 'project');
  const projectOnly = !dept && projects.length > 0;
  const c: Ctx = {
    b: new Builder(),
    read,
    check,
    profile,
    findings,
    basic: read.basic,
    dept,
    projects,
    mainTables: dept ? [dept] : projects,
    projectOnly,
    subject: '本部门',
    yearWords: '本年度',
    h: projectOnly ? HEADINGS_PROJECT : HEADINGS_DEPT,
    gaps: [],
  };
  nameAndYear(c);
  const title = writeTitle(c);
  writePreamble(c);
  writeSection1(c);
  writeSection2(c);
  writeSection3(c);
  writeSection4(c);
  writeSection5(c);
  writeSection6(c);
  insertNotice(c);
  return { kind: projectOnly ? 'project' : 'department', title, blocks: c.b.blocks, figures: c.b.figures };
}
