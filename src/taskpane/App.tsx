// The task pane. It knows the workbook only through a WorkbookHost (Excel in Office, an
// in-memory grid in the preview and the tests) and the workbook's meaning only through the core.
// The profile chooser is Fluent's Select (a native <select>), not the Dropdown combobox: it
// keeps the pane's JavaScript within its size budget (the combobox brings a positioning engine).

import * as React from 'react';
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { DismissRegular, DocumentText20Regular, Eraser20Regular, TableAdd20Regular, TaskListSquareLtr20Regular } from '@fluentui/react-icons';
import type { WorkbookHost } from '../office/host';
import type { Finding } from '../core/types';
import { evaluate, marksOf, reportSheetOf, type Evaluation } from '../core/engine';
import { BUILTIN_PROFILES } from '../core/profiles';
import { templateLayouts } from '../core/template';
import type { Grid } from '../core/grid';
import {
  errorNotice,
  existingNames,
  headerOf,
  initialState,
  noTable,
  reducer,
  severityCounts,
  tableSummaries,
  type Phase,
  type Task,
} from './state';
import { Findings } from './Findings';
import { Summary } from './Summary';

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
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  dept: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  year: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  secondary: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalS },
  full: { width: '100%', maxWidth: 'none' },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

const PHASE_TEXT: Record<Phase, string> = {
  read: '正在读取工作簿…',
  evaluate: '正在核对权重、得分与执行率…',
  mark: '正在标记有问题的单元格…',
  write: '正在写入新工作表…',
};

const BUSY_TEXT: Record<Task, string> = {
  check: '正在检查…',
  profile: '正在重新计算…',
  report: '正在生成报告…',
  clear: '正在清除标记…',
  template: '正在插入模板…',
  select: '正在定位…',
};

/** Lets React paint the spinner before a synchronous evaluation. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function App({ host }: { host: WorkbookHost }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <Pane host={host} />
    </FluentProvider>
  );
}

export function Pane({ host }: { host: WorkbookHost }) {
  const s = useStyles();
  const [state, dispatch] = React.useReducer(reducer, initialState);
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const busyRef = React.useRef(false);

  /** Runs one task; any failure becomes a message bar and the buttons come back. */
  const run = React.useCallback(async (task: Task, body: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: 'start', task });
    try {
      await body();
    } catch (err) {
      dispatch({ type: 'failed', notice: errorNotice(err, task) });
    } finally {
      busyRef.current = false;
      dispatch({ type: 'end' });
    }
  }, []);

  /**
   * Marks the evaluation's findings. applyMarks replaces the marks of an earlier check (restoring
   * cells no longer marked); with nothing to mark, clearMarks removes the earlier ones.
   */
  const mark = React.useCallback(
    async (ev: Evaluation) => {
      const marks = marksOf(ev);
      if (marks.length > 0) await host.applyMarks(marks);
      else await host.clearMarks();
    },
    [host],
  );

  /** Reads, evaluates and marks; returns the new evaluation and snapshot. */
  const check = React.useCallback(async (): Promise<{ grid: Grid; ev: Evaluation }> => {
    dispatch({ type: 'phase', phase: 'read' });
    const grid = await host.snapshot();
    dispatch({ type: 'phase', phase: 'evaluate' });
    await nextFrame();
    const ev = evaluate(grid, { profile: stateRef.current.profileId });
    dispatch({ type: 'phase', phase: 'mark' });
    let markError: unknown;
    try {
      await mark(ev);
    } catch (err) {
      markError = err;
    }
    dispatch({ type: 'checked', grid, ev });
    if (markError !== undefined) {
      // The findings stand even when the workbook cannot be marked: show them, and say why.
      dispatch({ type: 'failed', notice: { ...errorNotice(markError, 'check'), title: '检查已完成，但未能标记单元格' } });
    }
    return { grid, ev };
  }, [host, mark]);

  const onCheck = () => run('check', async () => void (await check()));

  const onProfile = (profileId: string) => {
    dispatch({ type: 'profileChosen', profileId });
    const { grid, ev } = stateRef.current;
    if (!grid || !ev || ev.profile.id === profileId) return;
    void run('profile', async () => {
      await nextFrame();
      const next = evaluate(grid, { profile: profileId });
      await mark(next);
      dispatch({ type: 'reevaluated', ev: next });
    });
  };

  const onReport = () =>
    run('report', async () => {
      let ev = stateRef.current.ev;
      if (!ev) ev = (await check()).ev;
      if (noTable(ev)) {
        dispatch({ type: 'failed', notice: { intent: 'warning', title: '无法生成报告', text: '工作簿中没有找到绩效自评表，请先填写表格或插入标准模板。' } });
        return;
      }
      dispatch({ type: 'phase', phase: 'write' });
      const layout = reportSheetOf(ev, existingNames(stateRef.current));
      const names = await host.addSheets([layout]);
      dispatch({ type: 'reportAdded', names: names.length ? names : [layout.name] });
    });

  const onClear = () =>
    run('clear', async () => {
      const count = await host.clearMarks();
      dispatch({ type: 'marksCleared', count });
    });

  const onTemplate = () =>
    run('template', async () => {
      dispatch({ type: 'phase', phase: 'write' });
      const layouts = templateLayouts(existingNames(stateRef.current));
      const names = await host.addSheets(layouts);
      dispatch({ type: 'templateAdded', names: names.length ? names : layouts.map((l) => l.name) });
    });

  const onSelect = (f: Finding) => {
    dispatch({ type: 'selected', sheet: f.sheet, cell: f.cell });
    host.selectCell(f.sheet, f.cell).catch((err: unknown) => dispatch({ type: 'failed', notice: errorNotice(err, 'select') }));
  };

  const { ev, busy, phase, notice } = state;
  const head = headerOf(ev);
  const counts = ev ? severityCounts(ev.findings) : undefined;
  const empty = noTable(ev);
  const profileId = state.profileId ?? ev?.profile.id;
  const profileHint = state.profileId
    ? '已手动选择；切换后按已读取的数据重新计算。'
    : ev?.profileSource === 'workbook'
      ? '来自工作簿“权重方案”。'
      : ev
        ? '工作簿未指定权重方案，使用默认方案。'
        : '检查时默认采用工作簿“权重方案”中的设置。';

  return (
    <main className={s.root} aria-busy={busy !== null}>
      <header className={s.header}>
        <div>
          <div className={s.dept} data-testid="department">
            {head.name ?? (ev ? '未识别部门名称' : '部门整体支出绩效自评')}
          </div>
          <div className={s.year} data-testid="year">
            {head.year !== undefined ? `${head.year} 年度` : ev ? '未识别评价年度' : '点击“一键检查”读取当前工作簿'}
          </div>
        </div>
        <Field label="权重方案" hint={profileHint} size="small">
          <Select
            size="small"
            value={profileId ?? ''}
            onChange={(_, d) => d.value && onProfile(d.value)}
            disabled={busy !== null}
            aria-label="权重方案"
          >
            {!profileId && <option value="">按工作簿“权重方案”</option>}
            {BUILTIN_PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      </header>

      <div className={s.actions}>
        <Button
          appearance="primary"
          className={s.full}
          icon={busy === 'check' ? <Spinner size="tiny" appearance="inverted" /> : <TaskListSquareLtr20Regular />}
          onClick={onCheck}
          disabled={busy !== null}
        >
          一键检查
        </Button>
        <div className={s.secondary}>
          <Button icon={<DocumentText20Regular />} onClick={onReport} disabled={busy !== null}>
            生成报告
          </Button>
          <Button icon={<Eraser20Regular />} onClick={onClear} disabled={busy !== null}>
            清除标记
          </Button>
        </div>
      </div>

      {busy !== null && busy !== 'select' && (
        <div className={s.progress} role="status" data-testid="progress">
          <ProgressBar thickness="medium" aria-label={BUSY_TEXT[busy]} />
          <Text className={s.hint}>{phase ? PHASE_TEXT[phase] : BUSY_TEXT[busy]}</Text>
        </div>
      )}

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button aria-label="关闭消息" appearance="transparent" size="small" icon={<DismissRegular />} onClick={() => dispatch({ type: 'dismiss' })} />}
          />
        </MessageBar>
      )}

      {ev && empty && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-table">
          <MessageBarBody>
            <MessageBarTitle>未找到绩效自评表</MessageBarTitle>
            工作簿中没有可识别的部门整体支出或项目支出绩效自评表。可以插入标准模板，填写后再检查。
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" icon={<TableAdd20Regular />} onClick={onTemplate} disabled={busy !== null}>
              插入标准模板
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {ev && counts && !empty && <Summary tables={tableSummaries(ev)} counts={counts} />}

      {ev && (
        <Findings
          findings={ev.findings}
          filter={state.filter}
          selected={state.selected}
          onFilter={(filter) => dispatch({ type: 'filter', filter })}
          onSelect={onSelect}
        />
      )}

      {!ev && busy === null && (
        <Text className={s.hint}>
          检查会重新计算各表的权重、得分、等级与预算执行率，把每个不一致之处标在对应单元格上，并可生成自评报告。
        </Text>
      )}
    </main>
  );
}
