// What a 偏差原因 text says.

const MISSED_WORDS = ['未完成', '未达到', '未达成', '未能', '没有完成', '没有达到', '未按期', '未按时', '滞后', '偏低', '不足', '延期', '推迟', '差距'];
const NEGATIONS = /(无|不存在|没有|未出现|未发现|不)$/;

/** Whether a 偏差原因 text says the target was missed (a negated mention such as 无滞后 does not count). */
export function saysMissed(text: string | undefined): boolean {
  if (typeof text !== 'string') return false;
  const s = text.replace(/[\s\u3000]/g, '');
  for (const w of MISSED_WORDS) {
    let i = s.indexOf(w);
    while (i >= 0) {
      const before = s.slice(Math.max(0, i - 3), i);
      if (!NEGATIONS.test(before)) return true;
      i = s.indexOf(w, i + 1);
    }
  }
  return false;
}

/** A 偏差原因 cell that explains nothing: empty, a dash, a slash, 无. */
export function blankText(text: string | undefined): boolean {
  if (typeof text !== 'string') return true;
  const s = text.replace(/[\s\u3000]/g, '');
  return s === '' || /^[—\-–/／\\、.。…·无]+$/.test(s) || s === '暂无' || s === '无偏差';
}
