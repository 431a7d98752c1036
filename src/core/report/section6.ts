// 六、评价工作组人员名单: the team as a table with a 签字 column left blank for signing.

import type { Ctx } from './context';
import { text } from './model';
import * as W from './wording';

export function writeSection6(c: Ctx): void {
  c.b.section(c.h.s6);
  const team = c.basic?.team ?? [];
  if (team.length === 0) {
    if (c.basic) c.gaps.push(W.NOTICE_NO_TEAM);
    c.b.para(W.TEAM_NONE);
  }
  c.b.table({
    header: W.TEAM_HEADER,
    widths: [12, 24, 18, 12, 12, 8],
    signing: true,
    rows: (team.length ? team.map((m) => [m.name, m.unit, m.post, m.title, '', m.note]) : [['', '', '', '', '', '']]).map((r) => r.map((x) => text(x === undefined || x === null ? '' : String(x)))),
  });
}
