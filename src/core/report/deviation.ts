// A 偏差原因分析及改进措施 cell holds the reason and, often, the measure in one text:
// '节假日日报合并报送，全年少报31期；下一年度节假日安排专人值守，按日报送。' The clauses
// up to the first one that states a measure (下一年度…, 将…, 加强…) are the reason, the rest
// the measure; 三 prints the reason, 五（二） the measure.

import { bare } from './text';
import { MEASURE_CLAUSE } from './wording';

export interface Deviation {
  reason?: string;
  measure?: string;
}

export function splitDeviation(textIn: string | undefined): Deviation {
  const t = (textIn ?? '').trim();
  if (t === '') return {};
  // sentences and ；-clauses, keeping their order
  const parts = t
    .split(/(?<=[。；;！!？?\n])/)
    .map((p) => p.trim())
    .filter((p) => bare(p) !== '');
  const at = parts.findIndex((p, i) => i > 0 && MEASURE_CLAUSE.test(p.replace(/^(?:改进措施|措施)[:：]\s*/, '')));
  const strip = (p: string) => p.replace(/^(?:偏差原因|原因|改进措施|措施)[:：]\s*/, '');
  if (at < 0) {
    // a cell that is only a measure: '将压缩受理反馈时限'
    if (parts.length === 1 && MEASURE_CLAUSE.test(strip(parts[0]))) return { measure: bare(strip(parts[0])) };
    return { reason: bare(parts.map(strip).join('')) };
  }
  const reason = bare(parts.slice(0, at).map(strip).join(''));
  const measure = bare(parts.slice(at).map(strip).join(''));
  return { ...(reason ? { reason } : {}), ...(measure ? { measure } : {}) };
}
