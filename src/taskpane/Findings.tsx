// The findings list: a tree (one Tab stop, arrow keys move, Right/Left open and close a group,
// Enter selects the cell in Excel) of the findings grouped by check or by sheet, each group
// with its count; next / previous buttons; and the current finding's card with its actions.

import * as React from 'react';
import { Button, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDown16Regular, ArrowUp16Regular, ChevronDown16Regular, ChevronRight16Regular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Severity } from '../core/types';
import { SEVERITY_LABEL } from '../core/marks';
import { inertText } from '../core/inert';
import type { FindingGroup, ListedFinding } from './findingsModel';
import type { GroupBy } from './state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  toggles: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  nav: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  pos: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginLeft: 'auto' },
  tree: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  sub: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  group: {
    outlineStyle: 'none',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible > div:first-child': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  groupHead: {
    display: 'grid',
    gridTemplateColumns: '16px minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '16px minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    outlineStyle: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  count: {
    minWidth: '20px',
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusCircular,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  icon: { marginTop: '2px', flexShrink: 0 },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
  message: { overflowWrap: 'anywhere', wordBreak: 'break-word', minWidth: 0 },
  /** A long message shows its first lines in the list; the card above shows it whole. */
  clamp: { display: '-webkit-box', WebkitLineClamp: '4', WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
  },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  const cls = mergeClasses(s.icon, s[severity]);
  const label = SEVERITY_LABEL[severity];
  if (severity === 'error') return <ErrorCircle16Filled className={cls} aria-label={label} role="img" />;
  if (severity === 'warning') return <Warning16Filled className={cls} aria-label={label} role="img" />;
  return <Info16Filled className={cls} aria-label={label} role="img" />;
}

export interface FindingsProps {
  groups: FindingGroup[];
  order: ListedFinding[];
  groupBy: GroupBy;
  /** The current finding's id. */
  current?: string;
  expanded: Set<string>;
  busy: boolean;
  onGroupBy(by: GroupBy): void;
  onToggle(key: string): void;
  /** Makes a finding current; `select` also selects its cell in Excel. */
  onCurrent(id: string, select: boolean): void;
  /** The current finding's card, shown between the navigation and the list. */
  card?: React.ReactNode;
}

type Node = { id: string; group: FindingGroup; item?: ListedFinding };

const domId = (id: string) => `fi-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

/** The nodes the keyboard walks: each group, then its items when open. */
function visibleNodes(groups: FindingGroup[], expanded: Set<string>): Node[] {
  const out: Node[] = [];
  for (const g of groups) {
    out.push({ id: `g:${g.key}`, group: g });
    if (expanded.has(g.key)) for (const it of g.items) out.push({ id: it.id, group: g, item: it });
  }
  return out;
}

/** The tree's keys: arrows, Home and End move; Right and Left open and close a group; Enter and Space act. */
function treeKeyHandler(p: { nodes: Node[]; tabId?: string; expanded: Set<string>; focusNode(id: string): void; onToggle(key: string): void; onCurrent(id: string, select: boolean): void }) {
  const { nodes, tabId, expanded, focusNode, onToggle, onCurrent } = p;
  return (e: React.KeyboardEvent) => {
      const i = nodes.findIndex((n) => n.id === tabId);
      const node = nodes[i];
      if (!node) return;
      const go = (j: number) => {
        const n = nodes[Math.max(0, Math.min(nodes.length - 1, j))];
        focusNode(n.id);
        if (n.item) onCurrent(n.id, false);
      };
      const open = expanded.has(node.group.key);
      switch (e.key) {
        case 'ArrowDown':
          go(i + 1);
          break;
        case 'ArrowUp':
          go(i - 1);
          break;
        case 'Home':
          go(0);
          break;
        case 'End':
          go(nodes.length - 1);
          break;
        case 'ArrowRight':
          if (!node.item && !open) onToggle(node.group.key);
          else if (!node.item) go(i + 1);
          break;
        case 'ArrowLeft':
          if (node.item) focusNode(`g:${node.group.key}`);
          else if (open) onToggle(node.group.key);
          break;
        case 'Enter':
        case ' ':
          if (node.item) onCurrent(node.id, true);
          else onToggle(node.group.key);
          break;
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
}

function FindingsHead({ groupBy, onGroupBy }: { groupBy: GroupBy; onGroupBy(by: GroupBy): void }) {
  const s = useStyles();
  return (
    <div className={s.head}>
      <h2 id="findings-title" className={s.h2}>
        问题清单
      </h2>
      <div className={s.toggles} role="group" aria-label="分组方式">
        <ToggleButton size="small" appearance={groupBy === 'rule' ? 'primary' : 'subtle'} checked={groupBy === 'rule'} onClick={() => onGroupBy('rule')}>
          按检查项
        </ToggleButton>
        <ToggleButton size="small" appearance={groupBy === 'sheet' ? 'primary' : 'subtle'} checked={groupBy === 'sheet'} onClick={() => onGroupBy('sheet')}>
          按工作表
        </ToggleButton>
      </div>
    </div>
  );
}

function FindingsNav({ pos, total, busy, onStep }: { pos: number; total: number; busy: boolean; onStep(delta: number): void }) {
  const s = useStyles();
  return (
    <div className={s.nav}>
      <Button size="small" icon={<ArrowUp16Regular />} onClick={() => onStep(-1)} disabledFocusable={busy} aria-keyshortcuts="Alt+ArrowUp">
        上一个
      </Button>
      <Button size="small" icon={<ArrowDown16Regular />} onClick={() => onStep(1)} disabledFocusable={busy} aria-keyshortcuts="Alt+ArrowDown">
        下一个
      </Button>
      <span className={s.pos} data-testid="position">
        {pos >= 0 ? `第 ${pos + 1} 个，共 ${total} 个` : `共 ${total} 个`}
      </span>
    </div>
  );
}

interface FindingItemProps {
  it: ListedFinding;
  index: number;
  size: number;
  isCur: boolean;
  tabbable: boolean;
  groupBy: GroupBy;
  setFocusId(id: string): void;
  onCurrent(id: string, select: boolean): void;
}

function FindingItem({ it, index, size, isCur, tabbable, groupBy, setFocusId, onCurrent }: FindingItemProps) {
  const s = useStyles();
  const f = it.finding;
  return (
    <li
      id={domId(it.id)}
      role="treeitem"
      aria-level={2}
      aria-setsize={size}
      aria-posinset={index + 1}
      aria-selected={isCur}
      tabIndex={tabbable ? 0 : -1}
      className={mergeClasses(s.item, isCur && s.current)}
      data-finding={`${f.sheet}!${f.cell}`}
      data-id={it.id}
      data-severity={f.severity}
      onFocus={(e) => {
        e.stopPropagation();
        setFocusId(it.id);
      }}
      onClick={(e) => {
        e.stopPropagation();
        setFocusId(it.id);
        onCurrent(it.id, true);
      }}
    >
      <SeverityIcon severity={f.severity} />
      <span className={mergeClasses(s.message, s.clamp)}>{inertText(f.message)}</span>
      <span className={s.cell}>{groupBy === 'rule' ? `${inertText(f.sheet)}!${f.cell}` : f.cell}</span>
    </li>
  );
}

export function Findings(props: FindingsProps) {
  const { groups, order, groupBy, current, expanded, busy, onGroupBy, onToggle, onCurrent, card } = props;
  const s = useStyles();
  const treeRef = React.useRef<HTMLUListElement>(null);
  const nodes = visibleNodes(groups, expanded);
  const [focusId, setFocusId] = React.useState<string | undefined>(undefined);
  // The one Tab stop: the focused node, else the current finding, else the first node.
  const tabId = nodes.some((n) => n.id === focusId) ? focusId : nodes.some((n) => n.id === current) ? current : nodes[0]?.id;
  const pos = current ? order.findIndex((o) => o.id === current) : -1;

  const focusNode = (id: string) => {
    setFocusId(id);
    requestAnimationFrame(() => document.getElementById(domId(id))?.focus());
  };

  // The current finding (next/previous, a selection in Excel) is the tree's Tab stop; if focus is in the tree it follows.
  React.useEffect(() => {
    if (!current) return;
    setFocusId(current);
    const el = document.getElementById(domId(current));
    if (treeRef.current?.contains(document.activeElement) && el && document.activeElement !== el) el.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const step = (delta: number) => {
    if (order.length === 0) return;
    const i = pos < 0 ? (delta > 0 ? 0 : order.length - 1) : (pos + delta + order.length) % order.length;
    onCurrent(order[i].id, true);
  };

  const onKeyDown = treeKeyHandler({ nodes, tabId, expanded, focusNode, onToggle, onCurrent });

  return (
    <section className={s.root} aria-labelledby="findings-title" data-testid="findings">
      <FindingsHead groupBy={groupBy} onGroupBy={onGroupBy} />
      <FindingsNav pos={pos} total={order.length} busy={busy} onStep={step} />
      {card}
      <ul className={s.tree} role="tree" aria-labelledby="findings-title" ref={treeRef} onKeyDown={onKeyDown}>
        {groups.map((g, gi) => {
          const open = expanded.has(g.key);
          const gid = `g:${g.key}`;
          return (
            <li
              key={gid}
              id={domId(gid)}
              role="treeitem"
              aria-expanded={open}
              aria-level={1}
              aria-setsize={groups.length}
              aria-posinset={gi + 1}
              aria-label={`${g.title}，${g.items.length} 项`}
              tabIndex={tabId === gid ? 0 : -1}
              className={s.group}
              data-group={g.key}
              data-sheet-group={groupBy === 'sheet' ? g.key : undefined}
              onFocus={(e) => e.target === e.currentTarget && setFocusId(gid)}
            >
              <div
                className={s.groupHead}
                onClick={() => {
                  setFocusId(gid);
                  onToggle(g.key);
                }}
              >
                {open ? <ChevronDown16Regular aria-hidden /> : <ChevronRight16Regular aria-hidden />}
                <span className={s.message}>{g.title}</span>
                <span className={s.count} aria-hidden>
                  {g.items.length}
                </span>
              </div>
              {open && (
                <ul role="group" className={s.sub}>
                  {g.items.map((it, ii) => (
                    <FindingItem key={it.id} it={it} index={ii} size={g.items.length} isCur={it.id === current} tabbable={tabId === it.id} groupBy={groupBy} setFocusId={setFocusId} onCurrent={onCurrent} />
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export { domId };
