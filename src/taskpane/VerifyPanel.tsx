// 核对报告: proofread a written report against the open workbook. The officer chooses a Word
// report (.docx, read in the browser) or a sheet of the workbook holding narrative; the findings
// are listed by paragraph, each under its sentence; a click on one with a cell selects the cell.
// Self-contained: the host (App) does the reading and calls core/verify (see the props).

import * as React from 'react';
import { Button, Select, Spinner, Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle24Regular, DocumentSearch20Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../core/types';
import { RULE_TITLE } from '../core/ruleTitles';
import { inertText } from '../core/inert';
import type { TextFinding, VerifyResult } from '../core/verify/types';

export interface VerifyPanelProps {
  /** The sheet names of the open workbook. */
  sheets: string[];
  /** The officer chose a report file (.docx or .txt): read it and call core/verify `verifyReport`. */
  onVerifyFile(file: File): void;
  /** The officer chose a sheet: call core/verify `verifySheet(grid, name, ev)`. */
  onVerifySheet(name: string): void;
  /** Select a cell of the workbook. */
  onSelectCell(sheet: string, cell: string): void;
  /** The last result, if any. */
  result?: VerifyResult;
  /** A reading is under way. */
  busy?: boolean;
  /** Why the last report could not be read (one Chinese line, e.g. a SelfevalError's message). */
  error?: string;
}

type Filter = 'all' | Severity;

const LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'info', label: '提示' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  select: { minWidth: '8em', flexGrow: 1 },
  hidden: { display: 'none' },
  filters: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS },
  filter: { minWidth: 0, paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', rowGap: '2px', minWidth: 0 },
  where: { color: tokens.colorNeutralForeground3 },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
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
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  clickable: { cursor: 'pointer' },
  icon: { marginTop: '2px', flexShrink: 0 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
  message: { overflowWrap: 'anywhere', wordBreak: 'break-word' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
  },
  alert: { color: tokens.colorStatusDangerForeground1 },
  clear: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, color: tokens.colorStatusSuccessForeground1 },
});

function Icon({ severity }: { severity: Severity }) {
  const s = useStyles();
  const cls = mergeClasses(s.icon, s[severity]);
  if (severity === 'error') return <ErrorCircle16Filled className={cls} aria-label={LABEL.error} />;
  if (severity === 'warning') return <Warning16Filled className={cls} aria-label={LABEL.warning} />;
  return <Info16Filled className={cls} aria-label={LABEL.info} />;
}

/** The cell a click selects: the table figure's cell, else the paragraph's own cell (a sheet report). */
export function targetOf(f: TextFinding): { sheet: string; cell: string } | undefined {
  if (f.sheet && f.cell) return { sheet: f.sheet, cell: f.cell };
  if (f.origin.kind === 'cell') return { sheet: f.origin.sheet, cell: f.origin.cell };
  return undefined;
}

function defaultSheet(sheets: string[]): string {
  return sheets.find((n) => n.startsWith('自评报告')) ?? sheets[0] ?? '';
}

function groups(findings: TextFinding[]): { paragraph: number; findings: TextFinding[] }[] {
  const out: { paragraph: number; findings: TextFinding[] }[] = [];
  for (const f of findings) {
    const last = out[out.length - 1];
    if (last && last.paragraph === f.paragraph) last.findings.push(f);
    else out.push({ paragraph: f.paragraph, findings: [f] });
  }
  return out;
}

function Results({ result, onSelectCell }: { result: VerifyResult; onSelectCell: VerifyPanelProps['onSelectCell'] }) {
  const s = useStyles();
  const [filter, setFilter] = React.useState<Filter>('all');
  const counts = { all: result.findings.length, error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  if (counts.all === 0) {
    return (
      <div className={s.clear} role="status" data-testid="verify-clear">
        <CheckmarkCircle24Regular />
        <Text>报告中的数与表格一致，未发现问题。</Text>
      </div>
    );
  }
  const shown = result.findings.filter((f) => filter === 'all' || f.severity === filter);
  return (
    <section className={s.root} aria-label="核对结果">
      <Text size={200}>{`${result.text.source}：${result.text.paragraphs.length} 段，${counts.error} 个错误、${counts.warning} 个警告、${counts.info} 个提示`}</Text>
      <div className={s.filters} role="group" aria-label="按严重程度筛选">
        {FILTERS.map((x) => (
          <ToggleButton key={x.value} className={s.filter} size="small" shape="circular" appearance={filter === x.value ? 'primary' : 'subtle'} checked={filter === x.value} onClick={() => setFilter(x.value)}>
            {`${x.label} ${counts[x.value]}`}
          </ToggleButton>
        ))}
      </div>
      {groups(shown).map((g) => (
        <div key={g.paragraph} className={s.group} data-paragraph={g.paragraph}>
          <Text size={100} className={s.where}>{g.paragraph > 0 ? `第${g.paragraph}段` : '全文'}</Text>
          <ul className={s.list} aria-label={`第${g.paragraph}段的问题`}>
            {g.findings.map((f, i) => {
              const target = targetOf(f);
              return (
                <li key={`${f.rule}#${i}`}>
                  {f.quote && <blockquote className={s.quote}>{inertText(f.quote)}</blockquote>}
                  <button
                    type="button"
                    className={mergeClasses(s.item, target && s.clickable)}
                    data-rule={f.rule}
                    data-severity={f.severity}
                    aria-disabled={target ? undefined : true}
                    title={`${LABEL[f.severity]}：${RULE_TITLE[f.rule] ?? '其他问题'}${target ? `，点击定位到 ${target.sheet}!${target.cell}` : ''}`}
                    onClick={() => target && onSelectCell(target.sheet, target.cell)}
                  >
                    <Icon severity={f.severity} />
                    <span className={s.message}>{inertText(f.message)}</span>
                    {target && <span className={s.cell}>{`${target.sheet}!${target.cell}`}</span>}
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

export function VerifyPanel({ sheets, onVerifyFile, onVerifySheet, onSelectCell, result, busy, error }: VerifyPanelProps) {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [sheet, setSheet] = React.useState(defaultSheet(sheets));
  React.useEffect(() => {
    if (!sheets.includes(sheet)) setSheet(defaultSheet(sheets));
  }, [sheets, sheet]);
  return (
    <section className={s.root} aria-label="核对报告">
      <Text weight="semibold">核对报告</Text>
      <Text size={200}>把写好的自评报告与表格逐数核对：金额、比率、得分、等级、数量，以及标题编号和大纲。</Text>
      <div className={s.row}>
        <Button icon={<DocumentSearch20Regular />} disabledFocusable={busy} onClick={() => input.current?.click()}>
          选择 Word 报告（.docx）…
        </Button>
        <input
          ref={input}
          className={s.hidden}
          type="file"
          accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          aria-label="选择报告文件"
          data-testid="verify-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onVerifyFile(file);
            e.target.value = '';
          }}
        />
      </div>
      <div className={s.row}>
        <Select className={s.select} aria-label="选择含报告文字的工作表" value={sheet} disabled={busy || sheets.length === 0} onChange={(_, d) => setSheet(d.value)}>
          {sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button disabledFocusable={busy || !sheet} onClick={() => onVerifySheet(sheet)}>
          核对此工作表
        </Button>
      </div>
      {busy && <Spinner size="tiny" label="正在核对…" />}
      {error && (
        <Text role="alert" className={s.alert}>
          {error}
        </Text>
      )}
      {!busy && !error && result && <Results result={result} onSelectCell={onSelectCell} />}
    </section>
  );
}
