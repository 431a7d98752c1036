// The current finding: its plain-language title, its message, its cell, and what can be done
// with it: 定位 (select the cell), 忽略 (set aside for this workbook), and 采用建议值 where the
// engine has one exact value, shown old and new before anything is written.

import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, EyeOff16Regular, LocationArrow16Regular } from '@fluentui/react-icons';
import type { Finding } from '../core/types';
import type { Suggestion } from '../core/suggest';
import { ruleTitle } from '../core/ruleTitles';
import { SEVERITY_LABEL } from '../core/marks';
import { inertText } from '../core/inert';
import { SeverityIcon } from './Findings';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  h3: { margin: 0, display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  message: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  suggest: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase300,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  old: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  new: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export interface FindingCardProps {
  finding: Finding;
  suggestion?: Suggestion;
  busy: boolean;
  onLocate(): void;
  onIgnore(): void;
  onApply(s: Suggestion): void;
}

export function FindingCard({ finding: f, suggestion, busy, onLocate, onIgnore, onApply }: FindingCardProps) {
  const s = useStyles();
  return (
    <section className={s.card} aria-labelledby="current-title" data-testid="current">
      <h3 id="current-title" className={s.h3}>
        <SeverityIcon severity={f.severity} />
        {ruleTitle(f.rule)}
      </h3>
      <div className={s.meta}>{`${SEVERITY_LABEL[f.severity]} · ${inertText(f.sheet)}!${f.cell}`}</div>
      <p className={s.message}>{inertText(f.message)}</p>
      {suggestion && (
        <div className={s.suggest} data-testid="suggestion">
          <span>原值</span>
          <span className={s.old}>{inertText(suggestion.currentText)}</span>
          <span>建议值</span>
          <span className={s.new}>{inertText(suggestion.valueText)}</span>
        </div>
      )}
      <div className={s.actions}>
        <Button size="small" icon={<LocationArrow16Regular />} onClick={onLocate} disabledFocusable={busy}>
          定位
        </Button>
        {suggestion && (
          <Button size="small" appearance="primary" icon={<CheckmarkCircle16Regular />} onClick={() => onApply(suggestion)} disabledFocusable={busy}>
            采用建议值
          </Button>
        )}
        <Button size="small" icon={<EyeOff16Regular />} onClick={onIgnore} disabledFocusable={busy}>
          忽略
        </Button>
      </div>
    </section>
  );
}
