// The development preview: the task pane beside a plain rendering of the sample workbook,
// over an in-memory host. It runs in any browser, with no Office and no office.js.
// Query: ?workbook=empty starts from an empty workbook; ?readonly=1 makes every write fail
// as a protected workbook does.

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/App';
import { sampleGrid } from '../core/sample';
import type { Grid } from '../core/grid';
import { MemoryHost } from './memoryHost';
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
  return sampleGrid();
}

function Preview({ host }: { host: MemoryHost }) {
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
        <aside className="pv-pane" aria-label="任务窗格" data-testid="pane">
          <div className="pv-pane-title">
            <span>绩效自评助手</span>
            <span aria-hidden="true" style={{ color: '#616161', fontWeight: 400 }}>
              ✕
            </span>
          </div>
          <div className="pv-pane-body">
            <App host={host} />
          </div>
        </aside>
      </div>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const host = new MemoryHost(startGrid(params), { delay: 150, readOnly: params.get('readonly') === '1' });
(window as unknown as { __host: MemoryHost }).__host = host;
createRoot(document.getElementById('root')!).render(<Preview host={host} />);
