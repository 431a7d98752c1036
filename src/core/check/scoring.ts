// Department scoring tables: a rate whose figures the row states is recomputed
// (预算调整率 = 5 ÷ 100 = 5%, "三公经费"控制率 …). A wrong rate is reported as exec.rate on the cell
// that states it.

import type { Profile, Table } from '../types';
import { fmtNum, fmtPct, roundTo } from '../format';
import { rateAccepted } from '../score';
import { toHalfWidth } from '../value';
import { Collector, clip } from './collector';

const FIG = String.raw`(\d+(?:\.\d+)?)\s*(?:万元|亿元|元|人|个|项|次|%)?`;
/** a ÷ b (× 100%) = c%: the figures of a rate and the rate as stated. */
const RATE_STATEMENT = new RegExp(`${FIG}\\s*[/÷]\\s*${FIG}\\s*(?:[×x*]\\s*100\\s*%\\s*)?=\\s*(\\d+(?:\\.\\d+)?)\\s*%`, 'g');

export interface RateStatement {
  a: number;
  b: number;
  stated: number;
  decimals: number;
  text: string;
}

/** The rates a text states with their figures. */
export function rateStatements(text: string): RateStatement[] {
  const t = toHalfWidth(text).replace(/＝/g, '=');
  const out: RateStatement[] = [];
  for (const m of t.matchAll(RATE_STATEMENT)) {
    const b = Number(m[2]);
    if (!(b > 0)) continue;
    out.push({ a: Number(m[1]), b, stated: Number(m[3]) / 100, decimals: (m[3].split('.')[1] ?? '').length, text: m[0] });
  }
  return out;
}

export function checkScoringRates(t: Table, profile: Profile, out: Collector): void {
  if (t.kind !== 'department-scoring') return;
  for (const ind of t.indicators) {
    for (const f of ind.statements ?? []) {
      if (!f || typeof f.value !== 'string') continue;
      for (const st of rateStatements(f.value)) {
        const rate = st.a / st.b;
        if (rateAccepted(st.stated, rate, st.decimals, profile)) continue;
        out.add('exec.rate', f.ref, `“${clip(ind.name)}”写明的 ${clip(st.text)}：${fmtNum(st.a)} ÷ ${fmtNum(st.b)} = ${fmtPct(rate)}，不是 ${fmtPct(st.stated)}`, roundTo(rate * 100) + '%', roundTo(st.stated * 100) + '%');
      }
    }
  }
}
