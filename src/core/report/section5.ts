// 五、存在的问题及改进措施: （一）存在的主要问题 and （二）改进措施, one measure per problem (problems.ts).

import type { Ctx } from './context';
import { problemsAndMeasures } from './problems';
import * as W from './wording';

export function writeSection5(c: Ctx): void {
  const list = problemsAndMeasures(c);
  const problems = list.filter((p) => p.problem !== '');
  c.b.section(c.h.s5);
  c.b.subsection(c.h.s5a);
  if (problems.length === 0) c.b.para(W.PROBLEMS_NONE);
  for (const p of problems) c.b.item3(p.problem);
  c.b.subsection(c.h.s5b);
  for (const p of list) c.b.item3(p.measure);
  if (list.length === 0) c.b.para(W.MEASURES_NONE);
}
