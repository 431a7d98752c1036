// The summary card: one block per table, the recomputed total beside the stated one,
// the grade and the budget execution rate.

import * as React from 'react';
import { Badge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Severity } from '../core/types';
import { SEVERITY_LABEL } from '../core/marks';
import { fmtRate, fmtScore, type TableSummary } from './state';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  counts: { display: 'flex', columnGap: tokens.spacingHorizontalXS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  table: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  stats: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS },
  stat: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  value: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, color: tokens.colorNeutralForeground3 },
  differs: { color: tokens.colorStatusDangerForeground1 },
});

export interface SummaryProps {
  tables: TableSummary[];
  counts: Record<Severity, number>;
}

export function Summary({ tables, counts }: SummaryProps) {
  const s = useStyles();
  return (
    <section className={s.card} aria-label="检查摘要" data-testid="summary">
      <div className={s.counts}>
        <Badge appearance="tint" color="danger" shape="rounded">{`${SEVERITY_LABEL.error} ${counts.error}`}</Badge>
        <Badge appearance="tint" color="warning" shape="rounded">{`${SEVERITY_LABEL.warning} ${counts.warning}`}</Badge>
        <Badge appearance="tint" color="informative" shape="rounded">{`${SEVERITY_LABEL.info} ${counts.info}`}</Badge>
      </div>
      {tables.map((t) => (
        <div key={t.sheet} className={s.table} data-table={t.sheet}>
          <div className={s.title}>
            <Badge appearance="outline" color={t.kind === '部门整体支出' ? 'brand' : 'informative'} size="small" shape="rounded">
              {t.kind === '部门整体支出' ? '部门' : '项目'}
            </Badge>
            <Text weight="semibold" size={200} className={s.name} title={`${t.sheet}：${t.name ?? ''}`}>
              {t.name ?? t.sheet}
            </Text>
          </div>
          <div className={s.stats}>
            <div className={s.stat}>
              <span className={s.label}>总分（重算）</span>
              <span className={mergeClasses(s.value, t.totalDiffers && s.differs)}>{fmtScore(t.computedTotal)}</span>
              <span className={s.sub}>表内 {fmtScore(t.statedTotal)}</span>
            </div>
            <div className={s.stat}>
              <span className={s.label}>等级</span>
              <span className={mergeClasses(s.value, t.gradeDiffers && s.differs)}>{t.computedGrade ?? '—'}</span>
              <span className={s.sub}>表内 {t.statedGrade ?? '—'}</span>
            </div>
            <div className={s.stat}>
              <span className={s.label}>执行率</span>
              <span className={mergeClasses(s.value, t.rateDiffers && s.differs)}>{fmtRate(t.executionRate)}</span>
              <span className={s.sub}>表内 {fmtRate(t.statedRate)}</span>
            </div>
          </div>
        </div>
      ))}
    </section>
  );
}
