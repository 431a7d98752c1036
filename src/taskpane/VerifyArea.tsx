// 核对报告 in the pane: a closed section until the officer opens it; then engineer VERIFY's
// VerifyPanel, loaded on demand (React.lazy) with the verify reader, over the workbook as it is
// now (a fresh read, or the last snapshot when proven unchanged).

import * as React from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneState } from './state';
import type { VerifyState } from './actions';

const VerifyPanel = React.lazy(() => import(/* webpackChunkName: "verify-panel" */ './VerifyPanel').then((m) => ({ default: m.VerifyPanel })));

const useStyles = makeStyles({
  details: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
  summary: { cursor: 'pointer', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0`, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  h2: { display: 'inline', margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
});

export interface VerifyAreaProps {
  state: PaneState;
  busy: boolean;
  verify: VerifyState & { run(what: { file: File } | { sheet: string }): void };
  onSelectCell(sheet: string, cell: string): void;
}

export function VerifyArea({ state, busy, verify, onSelectCell }: VerifyAreaProps) {
  const s = useStyles();
  const [open, setOpen] = React.useState(false);
  const sheets = [...(state.grid?.sheets.map((x) => x.name) ?? []), ...state.addedSheets];
  return (
    <details className={s.details} data-testid="verify" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary className={s.summary}>
        <h2 className={s.h2}>核对报告</h2>
      </summary>
      {open && (
        <React.Suspense fallback={<Spinner size="tiny" label="正在加载…" />}>
          <VerifyPanel
            sheets={sheets}
            onVerifyFile={(file) => verify.run({ file })}
            onVerifySheet={(sheet) => verify.run({ sheet })}
            onSelectCell={onSelectCell}
            result={verify.result}
            busy={busy}
            error={verify.error}
          />
        </React.Suspense>
      )}
    </details>
  );
}
