// The pane's header (department, year, 权重方案) and its notices (the report question, the
// last task's message, the out-of-date warning, the no-table warning).

import * as React from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowSync16Regular, DismissRegular, TableAdd20Regular } from '@fluentui/react-icons';
import { BUILTIN_PROFILES } from '../core/profiles';
import { inertText } from '../core/inert';
import { headerOf, noTable, type Action, type PaneState } from './state';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h1: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  year: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  ask: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusLarge, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, outlineStyle: 'none' },
  askButtons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

function profileHint(state: PaneState): string {
  const ev = state.ev;
  if (state.profileId) return '已手动选择；切换后按已读取的数据重新计算。';
  if (ev?.profileSource === 'workbook') return '来自工作簿“权重方案”。';
  return ev ? '工作簿未指定权重方案，使用默认方案。' : '检查时默认采用工作簿“权重方案”中的设置。';
}

export function PaneHeader({ state, busy, onProfile }: { state: PaneState; busy: boolean; onProfile(id: string): void }) {
  const s = useStyles();
  const ev = state.ev;
  const head = headerOf(ev);
  const profileId = state.profileId ?? ev?.profile.id;
  return (
    <header className={s.header}>
      <div>
        <h1 className={s.h1} data-testid="department">
          {head.name ? inertText(head.name) : ev ? '未识别部门名称' : '绩效自评助手'}
        </h1>
        <div className={s.year} data-testid="year">
          {head.year !== undefined ? `${head.year} 年度` : ev ? '未识别评价年度' : '点击“一键检查”读取当前工作簿'}
        </div>
      </div>
      <Field label="权重方案" hint={profileHint(state)} size="small">
        <Select size="small" value={profileId ?? ''} onChange={(_, d) => d.value && onProfile(d.value)} disabled={busy}>
          {!profileId && <option value="">按工作簿“权重方案”</option>}
          {BUILTIN_PROFILES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
    </header>
  );
}

export interface NoticesProps {
  state: PaneState;
  busy: boolean;
  askRef: React.Ref<HTMLDivElement>;
  dispatch: React.Dispatch<Action>;
  onWriteReport(replace: boolean): void;
  onCheck(): void;
  onTemplate(): void;
}

export function Notices({ state, busy, askRef, dispatch, onWriteReport, onCheck, onTemplate }: NoticesProps) {
  const s = useStyles();
  const { ev, notice } = state;
  const empty = noTable(ev);
  return (
    <>
      {state.askReport && (
        <div className={s.ask} role="group" aria-labelledby="ask-title" tabIndex={-1} ref={askRef} data-testid="ask-report">
          <h2 id="ask-title" className={s.h2}>
            {`工作簿中已有“${state.askReport.existing}”工作表`}
          </h2>
          <Text className={s.hint}>替换会删除原工作表的全部内容；也可以另存为新的工作表。</Text>
          <div className={s.askButtons}>
            <Button appearance="primary" size="small" onClick={() => onWriteReport(false)} disabledFocusable={busy}>
              {`另存为“${state.askReport.next}”`}
            </Button>
            <Button size="small" onClick={() => onWriteReport(true)} disabledFocusable={busy}>
              替换原工作表
            </Button>
            <Button size="small" appearance="subtle" onClick={() => dispatch({ type: 'dismiss' })} disabledFocusable={busy}>
              取消
            </Button>
          </div>
        </div>
      )}

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>
            <MessageBarTitle>{inertText(notice.title)}</MessageBarTitle>
            {inertText(notice.text)}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button aria-label="关闭消息" appearance="transparent" size="small" icon={<DismissRegular />} onClick={() => dispatch({ type: 'dismiss' })} />}
          />
        </MessageBar>
      )}

      {ev && state.stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>结果可能已过期</MessageBarTitle>
            检查之后工作簿有改动。生成报告前会自动重新检查。
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" icon={<ArrowSync16Regular />} onClick={onCheck} disabledFocusable={busy}>
              重新检查
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {ev && empty && (
        <MessageBar intent="warning" layout="multiline" data-testid="no-table">
          <MessageBarBody>
            <MessageBarTitle>未找到绩效自评表</MessageBarTitle>
            工作簿中没有可识别的部门整体支出或项目支出绩效自评表。可以插入标准模板，填写后再检查。
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" icon={<TableAdd20Regular />} onClick={onTemplate} disabledFocusable={busy}>
              插入标准模板
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
