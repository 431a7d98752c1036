// The findings list: a severity filter with counts, then the findings grouped by sheet.
// A click on a finding asks the host to select its cell.

import * as React from 'react';
import { Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle24Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Finding, Severity } from '../core/types';
import { SEVERITY_LABEL } from '../core/marks';
import { filterFindings, findingKey, groupBySheet, severityCounts, type SeverityFilter } from './state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  filter: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  groupHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalXXS,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: {
    display: 'grid',
    gridTemplateColumns: '16px minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  icon: { marginTop: '2px', flexShrink: 0 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
  message: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    marginTop: '1px',
    whiteSpace: 'nowrap',
  },
  empty: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground3,
  },
  clear: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalM}`,
    color: tokens.colorStatusSuccessForeground1,
    textAlign: 'center',
  },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  const cls = mergeClasses(s.icon, s[severity]);
  const label = SEVERITY_LABEL[severity];
  if (severity === 'error') return <ErrorCircle16Filled className={cls} aria-label={label} />;
  if (severity === 'warning') return <Warning16Filled className={cls} aria-label={label} />;
  return <Info16Filled className={cls} aria-label={label} />;
}

export interface FindingsProps {
  findings: Finding[];
  filter: SeverityFilter;
  selected?: string;
  onFilter(filter: SeverityFilter): void;
  onSelect(f: Finding): void;
}

const FILTERS: { value: SeverityFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'info', label: '提示' },
];

export function Findings({ findings, filter, selected, onFilter, onSelect }: FindingsProps) {
  const s = useStyles();
  if (findings.length === 0) {
    return (
      <div className={s.clear} role="status" data-testid="no-findings">
        <CheckmarkCircle24Regular />
        <Text weight="semibold">未发现问题</Text>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          权重、得分、等级与预算执行率均与表内数据一致。
        </Text>
      </div>
    );
  }
  const counts = severityCounts(findings);
  const shown = filterFindings(findings, filter);
  const groups = groupBySheet(shown);
  return (
    <section className={s.root} aria-label="检查结果">
      <div className={s.filters} role="group" aria-label="按严重程度筛选">
        {FILTERS.map((f) => (
          <ToggleButton
            key={f.value}
            className={s.filter}
            size="small"
            shape="circular"
            appearance={filter === f.value ? 'primary' : 'subtle'}
            checked={filter === f.value}
            onClick={() => onFilter(f.value)}
          >
            {`${f.label} ${counts[f.value]}`}
          </ToggleButton>
        ))}
      </div>
      {groups.length === 0 && (
        <div className={s.empty}>
          <Text size={200}>没有{FILTERS.find((f) => f.value === filter)?.label}级别的问题。</Text>
        </div>
      )}
      {groups.map((g) => (
        <div key={g.sheet} className={s.group} data-sheet-group={g.sheet}>
          <div className={s.groupHead}>
            <Text weight="semibold" size={200}>
              {g.sheet}
            </Text>
            <Text size={100} style={{ color: tokens.colorNeutralForeground3 }}>
              {g.findings.length} 项
            </Text>
          </div>
          <ul className={s.list} aria-label={`${g.sheet} 的问题`}>
            {g.findings.map((f, i) => {
              const key = findingKey(f);
              return (
                <li key={`${key}#${f.rule}#${i}`}>
                  <button
                    type="button"
                    className={mergeClasses(s.item, selected === key && s.selected)}
                    data-finding={key}
                    data-severity={f.severity}
                    aria-current={selected === key ? 'true' : undefined}
                    title={`${SEVERITY_LABEL[f.severity]}（${f.rule}）：点击定位到 ${f.sheet}!${f.cell}`}
                    onClick={() => onSelect(f)}
                  >
                    <SeverityIcon severity={f.severity} />
                    <span className={s.message}>{f.message}</span>
                    <span className={s.cell}>{f.cell}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
