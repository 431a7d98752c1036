// What the user set aside or changed from the pane, kept in the workbook's settings: the
// findings ignored (恢复 brings one back) and the suggested values written (撤销 puts the old
// value, type and format back).

import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndo16Regular, ArrowCounterclockwise16Regular } from '@fluentui/react-icons';
import type { IgnoreEntry } from '../core/ignore';
import type { AppliedValue } from '../office/host';
import { ruleTitle } from '../core/ruleTitles';
import { inertText } from '../core/inert';

const useStyles = makeStyles({
  details: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  summary: { cursor: 'pointer', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0`, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  h2: { display: 'inline', margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, alignItems: 'center', padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  text: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  sub: { color: tokens.colorNeutralForeground2 },
});

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : inertText(String(v)));

export function IgnoredList({ entries, busy, onRestore }: { entries: IgnoreEntry[]; busy: boolean; onRestore(e: IgnoreEntry): void }) {
  const s = useStyles();
  if (entries.length === 0) return null;
  return (
    <details className={s.details} data-testid="ignored">
      <summary className={s.summary}>
        <h2 className={s.h2}>{`已忽略（${entries.length}）`}</h2>
      </summary>
      <ul className={s.list}>
        {entries.map((e) => (
          <li key={`${e.rule}|${e.sheet}!${e.cell}`} className={s.row} data-ignored={`${e.sheet}!${e.cell}`}>
            <span className={s.text}>
              {ruleTitle(e.rule)}
              <br />
              <span className={s.sub}>{`${inertText(e.sheet)}!${e.cell}`}</span>
            </span>
            <Button size="small" icon={<ArrowCounterclockwise16Regular />} onClick={() => onRestore(e)} disabledFocusable={busy} aria-label={`恢复 ${ruleTitle(e.rule)}（${inertText(e.sheet)}!${e.cell}）`}>
              恢复
            </Button>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function AppliedList({ applied, busy, onUndo }: { applied: AppliedValue[]; busy: boolean; onUndo(a: AppliedValue): void }) {
  const s = useStyles();
  if (applied.length === 0) return null;
  return (
    <details className={s.details} open data-testid="applied">
      <summary className={s.summary}>
        <h2 className={s.h2}>{`已采用的建议值（${applied.length}）`}</h2>
      </summary>
      <ul className={s.list}>
        {applied.map((a) => (
          <li key={`${a.sheet}!${a.cell}`} className={s.row} data-applied={`${a.sheet}!${a.cell}`}>
            <span className={s.text}>
              {`${inertText(a.sheet)}!${a.cell}：${shown(a.value)}`}
              <br />
              <span className={s.sub}>{`原为 ${shown(a.old.formula ?? a.old.value)}`}</span>
            </span>
            <Button size="small" icon={<ArrowUndo16Regular />} onClick={() => onUndo(a)} disabledFocusable={busy} aria-label={`撤销 ${inertText(a.sheet)}!${a.cell}`}>
              撤销
            </Button>
          </li>
        ))}
      </ul>
    </details>
  );
}
