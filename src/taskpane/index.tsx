// The task pane's entry in Office: wait for Office.js, then render the pane over Excel in
// Office's theme. taskpane.html shows a loading screen until then, and a Chinese message when
// office.js cannot load (an intranet that cannot reach Microsoft's CDN).

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createExcelHost } from '../office/excelHost';
import { officeTheme } from './theme';

function start(): void {
  const el = document.getElementById('container');
  if (!el) return;
  const w = window as unknown as { __selfevalReady?: () => void };
  w.__selfevalReady?.();
  const root = createRoot(el);
  const host = createExcelHost();
  const render = () => root.render(<App host={host} theme={officeTheme()} />);
  render();
  try {
    // Office's theme can change while the pane is open (where the host reports it).
    Office.context.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, render);
  } catch {
    // Not every host has the event.
  }
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady(start);
