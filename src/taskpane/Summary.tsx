// The summary: one line (the recomputed total and grade of the first table, the counts once),
// then each table's figures in a collapsible detail (closed by default: 300 projects stay short).

import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../core/types';
import { inertText } from '../core/inert';
import { fmtRate, fmtScore, type TableSummary } from './state';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, outlineStyle: 'none' },
  line: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  details: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  summaryEl: { cursor: 'pointer', color: tokens.colorBrandForegroundLink, padding: `${tokens.spacingVerticalXXS} 0`, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  table: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  stats: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS },
  stat: { display: 'flex', flexDirection: 'column', minWidth: 0, color: tokens.colorNeutralForeground2 },
  value: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  differs: { color: tokens.colorStatusDangerForeground1 },
});

export interface SummaryProps {
  tables: TableSummary[];
  counts: Record<Severity, number>;
  /** Findings set aside (忽略), not in the counts. */
  ignored: number;
  headingRef?: React.Ref<HTMLHeadingElement>;
}

/** '总分 98（优）· 2 个错误 · 1 个警告' for the first table (the department's, where there is one). */
export function summaryLine(tables: TableSummary[], counts: Record<Severity, number>, ignored: number): string {
  const main = tables.find((t) => t.kind === '部门整体支出') ?? tables[0];
  const parts: string[] = [];
  if (main) parts.push(`重算总分 ${fmtScore(main.computedTotal)}${main.computedGrade ? `（${main.computedGrade}）` : ''}`);
  const n = counts.error + counts.warning + counts.info;
  if (n === 0) parts.push('未发现问题');
  else {
    if (counts.error) parts.push(`${counts.error} 个错误`);
    if (counts.warning) parts.push(`${counts.warning} 个警告`);
    if (counts.info) parts.push(`${counts.info} 个提示`);
  }
  if (ignored) parts.push(`已忽略 ${ignored} 个`);
  return parts.join(' · ');
}

export function Summary({ tables, counts, ignored, headingRef }: SummaryProps) {
  const s = useStyles();
  // The tables render only once the detail is opened (a 300-project workbook stays light).
  const [open, setOpen] = React.useState(false);
  return (
    <section className={s.card} aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title" className={s.h2} tabIndex={-1} ref={headingRef}>
        检查摘要
      </h2>
      <div className={s.line} data-testid="summary-line">
        {summaryLine(tables, counts, ignored)}
      </div>
      <details className={s.details} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary className={s.summaryEl}>{`各表明细（${tables.length} 张表）`}</summary>
        {open && tables.map((t) => (
          <div key={t.sheet} className={s.table} data-table={t.sheet}>
            <div className={s.name}>{`${t.kind === '部门整体支出' ? '部门' : '项目'}：${inertText(t.name ?? t.sheet)}`}</div>
            <div className={s.stats}>
              <div className={s.stat}>
                <span>总分（重算）</span>
                <span className={mergeClasses(s.value, t.totalDiffers && s.differs)}>{fmtScore(t.computedTotal)}</span>
                <span>表内 {fmtScore(t.statedTotal)}</span>
              </div>
              <div className={s.stat}>
                <span>等级</span>
                <span className={mergeClasses(s.value, t.gradeDiffers && s.differs)}>{t.computedGrade ?? '—'}</span>
                <span>表内 {t.statedGrade ?? '—'}</span>
              </div>
              <div className={s.stat}>
                <span>执行率</span>
                <span className={mergeClasses(s.value, t.rateDiffers && s.differs)}>{fmtRate(t.executionRate)}</span>
                <span>表内 {fmtRate(t.statedRate)}</span>
              </div>
            </div>
          </div>
        ))}
      </details>
    </section>
  );
}
