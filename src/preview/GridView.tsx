// A plain rendering of a MemoryHost's workbook, for the preview: the active sheet as a
// table with column letters and row numbers, marked cells filled, the selected cell
// outlined, sheet tabs at the bottom.

import * as React from 'react';
import type { Cell, Sheet } from '../core/grid';
import { a1, colCount, colName, rowCount } from '../core/grid';
import type { LayoutCell, Mark, SheetLayout } from '../core/plan';
import type { MemoryHost } from './memoryHost';

/** The text a cell shows: Excel's text where known, else the value in its number format. */
export function displayText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  if (cell.text !== undefined && cell.text !== '') return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const f = cell.format ?? '';
  const dec = (/0\.(0+)/.exec(f)?.[1].length ?? 0) as number;
  if (f.includes('%')) return `${(v * 100).toFixed(dec)}%`;
  if (/0\.0/.test(f)) return v.toFixed(dec);
  if (Number.isInteger(v)) return String(v);
  return String(Math.round(v * 1e6) / 1e6);
}

/** Display width of a text, CJK characters counting double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function columnWidths(sheet: Sheet, cols: number, layout?: SheetLayout): number[] {
  const out: number[] = [];
  for (let c = 0; c < cols; c++) {
    if (layout) {
      const chars = layout.columnWidths[c] ?? 8.43;
      out.push(Math.round(chars * 7 + 5));
      continue;
    }
    let w = 0;
    for (let r = 0; r < sheet.rows.length; r++) {
      const cell = sheet.rows[r]?.[c];
      if (!cell) continue;
      const merged = sheet.merges.some((m) => m.r1 === r && m.c1 === c && m.c2 > m.c1);
      if (!merged) w = Math.max(w, textWidth(displayText(cell)));
    }
    out.push(Math.min(260, Math.max(64, w * 7 + 14)));
  }
  return out;
}

const CSS = `
.gv { display: flex; flex-direction: column; height: 100%; min-height: 0; background: #fff; font: 12px/1.35 'Segoe UI', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #222; }
.gv-scroll { flex: 1; overflow: auto; min-height: 0; }
.gv table { border-collapse: collapse; table-layout: fixed; }
.gv th { position: sticky; background: #f3f3f3; color: #555; font-weight: 400; border: 1px solid #dadada; z-index: 1; }
.gv thead th { top: 0; height: 20px; }
.gv tbody th { left: 0; width: 40px; text-align: center; }
.gv thead th.gv-corner { left: 0; z-index: 2; }
.gv td { border: 1px solid #e1e1e1; padding: 2px 4px; vertical-align: middle; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; height: 18px; }
.gv td.gv-wrap { white-space: pre-wrap; word-break: break-word; }
.gv td.gv-num { text-align: right; }
.gv td[data-selected="true"] { outline: 2px solid #107c41; outline-offset: -2px; }
.gv td[data-mark] { cursor: help; }
.gv-tabs { display: flex; align-items: stretch; gap: 0; border-top: 1px solid #d0d0d0; background: #f3f3f3; overflow-x: auto; flex: none; }
.gv-tabs button { border: none; border-right: 1px solid #d6d6d6; background: transparent; padding: 5px 14px; font: inherit; color: #444; cursor: pointer; white-space: nowrap; }
.gv-tabs button[aria-selected="true"] { background: #fff; color: #107c41; font-weight: 600; box-shadow: inset 0 -2px 0 #107c41; }
`;

function layoutStyle(lc: LayoutCell | undefined): React.CSSProperties {
  if (!lc) return {};
  return {
    fontWeight: lc.bold ? 600 : undefined,
    background: lc.fill,
    color: lc.color,
    textAlign: lc.align,
    fontSize: lc.fontSize ? `${Math.round(lc.fontSize * 1.1)}px` : undefined,
    border: lc.border ? '1px solid #000' : undefined,
  };
}

export function GridView({ host }: { host: MemoryHost }) {
  const view = React.useSyncExternalStore(host.subscribe, host.getView);
  const sheet = view.grid.sheets.find((s) => s.name === view.active) ?? view.grid.sheets[0];
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const [editing, setEditing] = React.useState<string | undefined>(undefined);

  const sel = view.selected && sheet && view.selected.sheet === sheet.name ? view.selected.cell : undefined;
  React.useEffect(() => {
    if (!sel || !scrollRef.current) return;
    const td = scrollRef.current.querySelector<HTMLElement>(`td[data-cell="${sel}"]`);
    td?.scrollIntoView?.({ block: 'center', inline: 'center' });
  }, [sel, view.version]);

  if (!sheet) return <div className="gv">（空工作簿）</div>;

  const layout = view.layouts.get(sheet.name);
  const layoutCells = new Map<string, LayoutCell>();
  if (layout) for (const lc of layout.cells) layoutCells.set(a1(lc.row, lc.col), lc);
  const marks: Map<string, Mark> = view.marks.get(sheet.name) ?? new Map();
  const userFills = view.fills?.get(sheet.name);

  const rows = Math.max(rowCount(sheet) + 3, 30);
  const cols = Math.max(colCount(sheet) + 1, layout ? layout.columnWidths.length : 0, 8);
  const widths = columnWidths(sheet, cols, layout);

  // Merged areas: the top-left cell spans, the others are not rendered.
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.r1},${m.c1}`, { rowSpan: m.r2 - m.r1 + 1, colSpan: m.c2 - m.c1 + 1 });
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) covered.add(`${r},${c}`);
  }

  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: React.ReactNode[] = [<th key="h">{r + 1}</th>];
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const addr = a1(r, c);
      const cell = sheet.rows[r]?.[c];
      const mark = marks.get(addr);
      const lc = layoutCells.get(addr);
      const span = spans.get(`${r},${c}`);
      const text = displayText(cell);
      const wrap = lc?.wrap || (span !== undefined && span.rowSpan > 1) || textWidth(text) * 7 > widths[c] + 40;
      const cls = [wrap ? 'gv-wrap' : '', typeof cell?.value === 'number' && !lc?.align ? 'gv-num' : ''].filter(Boolean).join(' ');
      tds.push(
        <td
          key={c}
          data-cell={addr}
          data-sheet={sheet.name}
          data-mark={mark?.severity}
          data-selected={sel === addr ? 'true' : undefined}
          title={mark ? mark.note : text.length > 12 ? text : undefined}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          className={cls || undefined}
          style={{ ...layoutStyle(lc), ...(mark ? (mark.fill ? { background: mark.fill } : {}) : userFills?.get(addr) ? { background: userFills.get(addr) } : {}) }}
          onClick={() => host.userSelect(sheet.name, addr)}
          onDoubleClick={() => setEditing(addr)}
        >
          {editing === addr ? (
            <input
              aria-label={`编辑 ${addr}`}
              data-editor={addr}
              autoFocus
              defaultValue={cell?.value === null || cell?.value === undefined ? '' : String(cell.value)}
              style={{ width: '100%', boxSizing: 'border-box', font: 'inherit' }}
              onBlur={() => setEditing(undefined)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(undefined);
                if (e.key !== 'Enter') return;
                const raw = (e.target as HTMLInputElement).value;
                // As Excel takes what is typed: a number where it reads as one, else text.
                const v = raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
                host.edit(sheet.name, addr, { value: v });
                setEditing(undefined);
              }}
            />
          ) : (
            text
          )}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <div className="gv" data-testid="grid" data-active-sheet={sheet.name}>
      <style>{CSS}</style>
      <div className="gv-scroll" ref={scrollRef}>
        <table>
          <colgroup>
            <col style={{ width: 40 }} />
            {widths.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="gv-corner" />
              {widths.map((_, c) => (
                <th key={c}>{colName(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      <div className="gv-tabs" role="tablist" aria-label="工作表">
        {view.grid.sheets.map((s) => (
          <button key={s.name} type="button" role="tab" data-tab={s.name} aria-selected={s.name === sheet.name} onClick={() => host.activate(s.name)}>
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
