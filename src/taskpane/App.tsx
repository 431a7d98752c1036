// The task pane. It knows the workbook only through a WorkbookHost (Excel in Office, an
// in-memory grid in the preview and the tests) and the workbook's meaning only through the core.
// The profile chooser is Fluent's Select (a native <select>), not the Dropdown combobox: it
// keeps the pane's JavaScript within its size budget (the combobox brings a positioning engine).

import * as React from 'react';
import { Button, FluentProvider, ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDown20Regular, DocumentText20Regular, Eraser20Regular, TableAdd20Regular, TaskListSquareLtr20Regular } from '@fluentui/react-icons';
import { inertText } from '../core/inert';
import type { WorkbookEvent, WorkbookHost } from '../office/host';
import type { Grid } from '../core/grid';
import type { ListedFinding } from './findingsModel';
import { existingNames, initialState, type Action, noTable, reducer, severityCounts, tableSummaries, type Phase, type Task } from './state';
import { Notices, PaneHeader } from './PaneParts';
import { Findings } from './Findings';
import { Summary } from './Summary';
import { FindingCard } from './FindingCard';
import { AppliedList, IgnoredList } from './SetAside';
import { flatOrder, findingAt, groupFindings, listed, visible } from './findingsModel';
import { suggestionFor } from '../core/suggest';
import { themeFor, type OfficeThemeColors } from './theme';
import { usePaneActions } from './actions';
import { normLabel } from '../core/labels';
import { VerifyArea } from './VerifyArea';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  secondary: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalS },
  full: { width: '100%', maxWidth: 'none' },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  clear: { display: 'flex', flexDirection: 'column', alignItems: 'center', rowGap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalL, color: tokens.colorStatusSuccessForeground1, textAlign: 'center' },
  link: { fontSize: tokens.fontSizeBase300, color: tokens.colorBrandForegroundLink, overflowWrap: 'anywhere' },
  live: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

const PHASE_TEXT: Record<Phase, string> = {
  read: '正在读取工作簿…',
  evaluate: '正在核对权重、得分与执行率…',
  mark: '正在标记有问题的单元格…',
  write: '正在写入工作表…',
};

const BUSY_TEXT: Record<Task, string> = {
  check: '正在检查…',
  profile: '正在重新计算…',
  report: '正在生成报告…',
  clear: '正在清除标记…',
  template: '正在插入模板…',
  select: '正在定位…',
  ignore: '正在保存…',
  apply: '正在写入建议值…',
  undo: '正在撤销…',
  export: '正在导出…',
  basic: '正在插入基本情况表…',
  verify: '正在核对报告…',
};

export function App({ host, theme }: { host: WorkbookHost; theme?: OfficeThemeColors }) {
  const t = React.useMemo(() => themeFor(theme), [theme]);
  return (
    <FluentProvider theme={t} style={{ minHeight: '100%', backgroundColor: t.colorNeutralBackground1 }}>
      <Pane host={host} />
    </FluentProvider>
  );
}

/** The workbook's events: an edit makes the results out of date; a selection shows its finding. */
function useWorkbookEvents(
  host: WorkbookHost,
  grid: Grid | undefined,
  dispatch: React.Dispatch<Action>,
  act: { isOwnChange(e: WorkbookEvent): boolean },
  order: ListedFinding[],
  expandFor: (id: string) => void,
) {
  const actRef = React.useRef(act);
  actRef.current = act;
  const orderRef = React.useRef(order);
  orderRef.current = order;
  const expandRef = React.useRef(expandFor);
  expandRef.current = expandFor;
  React.useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    const onEvent = (e: WorkbookEvent) => {
      if (e.kind === 'changed') {
        if (!actRef.current.isOwnChange(e)) dispatch({ type: 'stale' });
        return;
      }
      const it = findingAt(orderRef.current, e.sheet, e.address);
      if (it) {
        expandRef.current(it.id);
        dispatch({ type: 'selected', sheet: it.finding.sheet, cell: it.finding.cell, key: it.id });
      }
    };
    host
      .watch(onEvent)
      .then((unwatch) => (gone ? void unwatch() : (stop = unwatch)))
      .catch(() => undefined);
    return () => {
      gone = true;
      void stop?.();
    };
    // Registered again after each check, so sheets added since are followed too.
  }, [host, grid]);
}

/** 一键检查 and the other buttons, with the last Word export's download link. */
function ActionButtons({ act, busy, canAddBasic }: { act: ReturnType<typeof usePaneActions>; busy: Task | null; canAddBasic: boolean }) {
  const s = useStyles();
  const isBusy = busy !== null;
  return (
    <div className={s.actions}>
      <Button
        appearance="primary"
        className={s.full}
        icon={busy === 'check' ? <Spinner size="tiny" appearance="inverted" /> : <TaskListSquareLtr20Regular />}
        onClick={act.check}
        disabledFocusable={isBusy}
      >
        一键检查
      </Button>
      <div className={s.secondary}>
        <Button icon={<DocumentText20Regular />} onClick={act.report} disabledFocusable={isBusy}>
          生成报告
        </Button>
        <Button icon={<Eraser20Regular />} onClick={act.clear} disabledFocusable={isBusy}>
          清除标记
        </Button>
      </div>
      <div className={s.secondary}>
        <Button icon={<DocumentArrowDown20Regular />} onClick={act.exportWord} disabledFocusable={isBusy}>
          导出 Word
        </Button>
        {canAddBasic && (
          <Button icon={<TableAdd20Regular />} onClick={act.insertBasic} disabledFocusable={isBusy}>
            插入基本情况表
          </Button>
        )}
      </div>
      {act.download && (
        <a className={s.link} href={act.download.url} download={act.download.name} data-testid="download">
          {`下载 ${act.download.name}`}
        </a>
      )}
    </div>
  );
}

export function Pane({ host }: { host: WorkbookHost }) {
  const s = useStyles();
  const [state, dispatch] = React.useReducer(reducer, initialState);
  const [expanded, setExpanded] = React.useState<Set<string>>(new Set());
  const summaryRef = React.useRef<HTMLHeadingElement>(null);
  const askRef = React.useRef<HTMLDivElement>(null);

  const { ev, grid, busy, phase, notice } = state;
  const all = React.useMemo(() => (ev ? listed(ev.findings) : []), [ev]);
  const split = React.useMemo(() => visible(ev?.findings ?? [], state.ignored, grid), [ev, grid, state.ignored]);
  const shownItems = React.useMemo(() => {
    const keep = new Set(split.shown);
    return all.filter((i) => keep.has(i.finding));
  }, [all, split]);
  const groups = React.useMemo(() => groupFindings(shownItems, state.groupBy), [shownItems, state.groupBy]);
  const order = React.useMemo(() => flatOrder(groups), [groups]);
  const current = order.find((o) => o.id === state.selected);
  // The entries that set a finding of this check aside (an entry whose values changed is spent).
  const ignoredShown = React.useMemo(
    () => state.ignored.filter((e) => split.ignored.some((f) => f.rule === e.rule && f.sheet === e.sheet && f.cell === e.cell)),
    [state.ignored, split],
  );

  // Focus moves to the result once the check the user asked for has rendered it.
  const wantFocus = React.useRef(false);
  const act = usePaneActions({ host, state, dispatch, onChecked: () => (wantFocus.current = true) });
  React.useEffect(() => {
    if (!wantFocus.current || busy !== null) return;
    wantFocus.current = false;
    const target = summaryRef.current ?? document.querySelector<HTMLElement>('[data-testid="no-table"], [data-testid="notice"]');
    target?.focus();
  });

  // Groups start closed when there are many findings; a single group, or a short list, starts open.
  React.useEffect(() => {
    setExpanded((prev) => {
      const keys = groups.map((g) => g.key);
      if (prev.size && keys.some((k) => prev.has(k))) return prev;
      return new Set(groups.length <= 1 || order.length <= 12 ? keys : []);
    });
  }, [groups, order.length]);

  const expandFor = React.useCallback(
    (id: string) => {
      const g = groups.find((x) => x.items.some((i) => i.id === id));
      if (g) setExpanded((prev) => (prev.has(g.key) ? prev : new Set([...prev, g.key])));
    },
    [groups],
  );

  const onCurrent = (id: string, select: boolean) => {
    const it = order.find((o) => o.id === id);
    if (!it) return;
    expandFor(id);
    dispatch({ type: 'selected', sheet: it.finding.sheet, cell: it.finding.cell, key: id });
    if (select) act.locate(it.finding);
  };

  useWorkbookEvents(host, grid, dispatch, act, order, expandFor);

  React.useEffect(() => {
    if (state.askReport) askRef.current?.focus();
  }, [state.askReport]);

  const step = (delta: number) => {
    if (order.length === 0) return;
    const i = order.findIndex((o) => o.id === state.selected);
    const j = i < 0 ? (delta > 0 ? 0 : order.length - 1) : (i + delta + order.length) % order.length;
    onCurrent(order[j].id, true);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      step(e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  const counts = ev ? severityCounts(split.shown) : undefined;
  const empty = noTable(ev);
  // 插入基本情况表 when the workbook has tables but no 基本情况 sheet.
  // (As core/basicSheet decides: no 基本情况 read, no sheet of that name; the layout loads on the click.)
  const canAddBasic = !!ev && ev.read.tables.length > 0 && !ev.read.basic && !existingNames(state).some((n) => normLabel(n) === '基本情况');
  const isBusy = busy !== null;
  const suggestion = current && grid ? suggestionFor(current.finding, grid) : undefined;

  return (
    <main className={s.root} aria-busy={isBusy} onKeyDown={onKeyDown}>
      <div className={s.live} role="status" aria-live="polite" data-testid="live">
        {inertText(state.announce)}
      </div>
      <PaneHeader state={state} busy={isBusy} onProfile={act.chooseProfile} />

      <ActionButtons act={act} busy={busy} canAddBasic={canAddBasic} />

      {busy !== null && busy !== 'select' && (
        <div className={s.progress} data-testid="progress">
          <ProgressBar thickness="medium" aria-label={BUSY_TEXT[busy]} value={state.progress} />
          <Text className={s.hint}>{phase ? PHASE_TEXT[phase] : BUSY_TEXT[busy]}</Text>
        </div>
      )}

      <Notices state={state} busy={isBusy} askRef={askRef} dispatch={dispatch} onWriteReport={act.writeReport} onCheck={act.check} onTemplate={act.template} />

      {ev && counts && !empty && <Summary tables={tableSummaries(ev)} counts={counts} ignored={split.ignored.length} headingRef={summaryRef} />}

      {ev && !empty && order.length === 0 && (
        <div className={s.clear} data-testid="no-findings">
          <Text weight="semibold">未发现问题</Text>
          <Text size={200}>权重、得分、等级与预算执行率均与表内数据一致。</Text>
        </div>
      )}

      {ev && order.length > 0 && (
        <Findings
          groups={groups}
          order={order}
          groupBy={state.groupBy}
          current={state.selected}
          expanded={expanded}
          busy={isBusy}
          onGroupBy={(groupBy) => dispatch({ type: 'groupBy', groupBy })}
          onToggle={(key) =>
            setExpanded((prev) => {
              const next = new Set(prev);
              if (next.has(key)) next.delete(key);
              else next.add(key);
              return next;
            })
          }
          onCurrent={onCurrent}
          card={
            current && (
              <FindingCard
                finding={current.finding}
                suggestion={suggestion}
                busy={isBusy}
                onLocate={() => act.locate(current.finding)}
                onIgnore={() => act.ignore(current.finding, order[order.indexOf(current) + 1]?.id)}
                onApply={act.apply}
              />
            )
          }
        />
      )}


      <AppliedList applied={state.applied} busy={isBusy} onUndo={act.undo} />
      <VerifyArea state={state} busy={busy === 'verify'} verify={act.verify} onSelectCell={(sheet, cell) => act.locate({ sheet, cell })} />
      <IgnoredList entries={ignoredShown} busy={isBusy} onRestore={act.restore} />


      {!ev && busy === null && (
        <Text className={s.hint}>检查会重新计算各表的权重、得分、等级与预算执行率，把每个不一致之处标在对应单元格上，并可生成自评报告。</Text>
      )}
    </main>
  );
}
