// The development preview: the task pane beside a plain rendering of the sample workbook,
// over an in-memory host. It runs in any browser, with no Office and no office.js.
// Query: ?workbook=empty starts from an empty workbook, ?workbook=big from the sample with 300
// projects; ?readonly=1 makes every write fail as a protected workbook does; ?theme=dark shows
// the pane in Office's dark theme. The workbook's 忽略 settings are kept in localStorage, as
// saving the workbook would keep them, so they survive a reload.

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { sampleGrid, sampleModel } from '../core/sample';
import { layoutWorkbook } from '../core/template';
import type { Grid } from '../core/grid';
import { IGNORE_KEY } from '../core/ignore';
import { MemoryHost, type SettingsStore } from './memoryHost';
import type { OfficeThemeColors } from '../taskpane/theme';
import { GridView } from './GridView';

const CSS = `
html, body, #root { margin: 0; height: 100%; }
body { font-family: 'Segoe UI', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; background: #f3f3f3; }
.pv { display: flex; flex-direction: column; height: 100%; }
.pv-bar { flex: none; display: flex; align-items: center; gap: 12px; height: 36px; padding: 0 14px; background: #107c41; color: #fff; font-size: 13px; }
.pv-bar b { font-weight: 600; }
.pv-bar span { opacity: .85; }
.pv-main { flex: 1; display: flex; min-height: 0; }
.pv-grid { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.pv-pane { flex: none; width: 340px; display: flex; flex-direction: column; border-left: 1px solid #d0d0d0; background: #fff; box-shadow: -2px 0 6px rgba(0,0,0,.06); }
.pv-pane-title { flex: none; display: flex; align-items: center; justify-content: space-between; height: 40px; padding: 0 14px; font-size: 14px; font-weight: 600; color: #242424; border-bottom: 1px solid #e6e6e6; }
.pv-pane-body { flex: 1; overflow-y: auto; overflow-x: hidden; }
`;

function startGrid(params: URLSearchParams): Grid {
  if (params.get('workbook') === 'empty') return { sheets: [{ name: 'Sheet1', rows: [], merges: [] }] };
  if (params.get('workbook') === 'big') {
    // The sample with 300 project tables (copies of its second project, each named apart).
    const m = sampleModel();
    const [dept, , p2] = m.tables;
    const projects = Array.from({ length: 300 }, (_, i) => ({ ...p2, name: `${p2.name}（第${i + 1}批）` }));
    return layoutWorkbook({ ...m, tables: [dept, ...projects] }).grid;
  }
  return sampleGrid();
}

/** Office's dark grey and light themes, as Office.context.officeTheme reports them. */
const THEMES: Record<string, OfficeThemeColors> = {
  dark: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#3B3B3B', controlForegroundColor: '#FFFFFF' },
  light: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#242424' },
};

function storeFor(workbook: string): SettingsStore {
  const prefix = `selfeval-preview:${workbook}:`;
  return {
    get: (k) => {
      try {
        return window.localStorage.getItem(prefix + k);
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        if (v === null) window.localStorage.removeItem(prefix + k);
        else window.localStorage.setItem(prefix + k, v);
      } catch {
        // Storage refused: the setting lasts until the page is reloaded.
      }
    },
  };
}

function Preview({ host, theme }: { host: MemoryHost; theme?: OfficeThemeColors }) {
  return (
    <div className="pv">
      <style>{CSS}</style>
      <div className="pv-bar">
        <b>绩效自评助手 · 开发预览</b>
        <span>内存中的示例工作簿（不连接 Excel）</span>
      </div>
      <div className="pv-main">
        <div className="pv-grid">
          <GridView host={host} />
        </div>
        <div className="pv-pane" data-testid="pane" style={theme ? { background: theme.bodyBackgroundColor } : undefined}>
          <div className="pv-pane-title" style={theme && theme !== THEMES.light ? { background: theme.bodyBackgroundColor, color: theme.bodyForegroundColor, borderColor: '#444' } : undefined}>
            <span>绩效自评助手</span>
            <span aria-hidden="true" style={{ color: '#616161', fontWeight: 400 }}>
              ✕
            </span>
          </div>
          <div className="pv-pane-body">
            <App host={host} theme={theme} />
          </div>
        </div>
      </div>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const workbook = params.get('workbook') ?? 'sample';
const host = new MemoryHost(startGrid(params), { delay: 150, readOnly: params.get('readonly') === '1', store: storeFor(workbook), storedKeys: [IGNORE_KEY] });
(window as unknown as { __host: MemoryHost }).__host = host;
const theme = THEMES[params.get('theme') ?? ''];
createRoot(document.getElementById('root')!).render(<Preview host={host} theme={theme} />);
