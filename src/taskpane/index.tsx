// The task pane's entry in Office: wait for Office.js, then render the pane over Excel.

import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createExcelHost } from '../office/excelHost';

Office.onReady(() => {
  const el = document.getElementById('container');
  if (!el) return;
  createRoot(el).render(<App host={createExcelHost()} />);
});
