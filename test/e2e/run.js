#!/usr/bin/env node
/* eslint-disable no-console */
// The browser test: serves dist/ (built by `npm run build`) on a random localhost port, opens
// the preview page in Debian's chromium through playwright-core, and drives the task pane over
// the in-memory sample workbook: check, marks, selection, report, and a protected workbook.
// Prints `e2e: N passed, M failed` and exits 1 on any failure.

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { serve } = require('../../scripts/serve');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'test-output');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
// Generous: the machines this runs on may be busy.
const TIMEOUT = 60000;

const results = [];

async function step(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name}`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  FAIL ${name}\n       ${String((err && err.message) || err).split('\n').join('\n       ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`e2e: chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
  for (const f of ['preview.html', 'preview.js', 'taskpane.html', 'taskpane.js', 'commands.html']) {
    if (!fs.existsSync(path.join(DIST, f))) {
      console.error(`e2e: dist/${f} is missing: run \`npm run build\` first (npm run test:e2e does).`);
      console.log('e2e: 0 passed, 1 failed');
      process.exit(1);
    }
  }
  fs.mkdirSync(OUT, { recursive: true });

  const { chromium } = require('playwright-core');
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-e2e-'));
  let context;
  const pageErrors = [];
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(TIMEOUT);
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !/office\.js|ERR_FAILED|net::/.test(m.text()) && pageErrors.push(m.text()));
    // Nothing leaves localhost: the preview must work offline, with no office.js.
    const external = [];
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(base) || u.startsWith('data:')) return route.continue();
      external.push(u);
      return route.abort();
    });

    const pane = page.getByTestId('pane');
    const grid = page.getByTestId('grid');
    const idle = () => page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
    const setWidth = (w) =>
      page.evaluate(async (w) => {
        document.querySelector('.pv-pane').style.width = `${w}px`;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }, w);
    /** Screenshots of the pane alone at 320 and 350 px. */
    const shots = async (name) => {
      // The whole pane, not only what its scroll area shows.
      await page.evaluate(() => {
        document.querySelector('.pv').style.height = 'auto';
        document.querySelector('.pv-pane').style.alignSelf = 'flex-start';
        document.querySelector('.pv-pane-body').style.overflowY = 'visible';
      });
      for (const w of [320, 350]) {
        await setWidth(w);
        await pane.screenshot({ path: path.join(OUT, `pane-${name}-${w}.png`) });
      }
      await page.evaluate(() => {
        document.querySelector('.pv').style.height = '';
        document.querySelector('.pv-pane').style.alignSelf = '';
        document.querySelector('.pv-pane-body').style.overflowY = '';
      });
      await setWidth(340);
    };
    const cellOf = (key) => ({ sheet: key.slice(0, key.lastIndexOf('!')), cell: key.slice(key.lastIndexOf('!') + 1) });
    const hostCell = (sheet, cell) =>
      page.evaluate(([s, c]) => {
        const g = window.__host.getView().grid;
        const sh = g.sheets.find((x) => x.name === s);
        const m = /^([A-Z]+)(\d+)$/.exec(c);
        let col = 0;
        for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
        const v = sh.rows[Number(m[2]) - 1]?.[col - 1];
        return v ? { value: v.value, type: typeof v.value, format: v.format ?? 'General' } : null;
      }, [sheet, cell]);
    const openAllGroups = async () => {
      const closed = pane.locator('[role="tree"] > [role="treeitem"][aria-expanded="false"]');
      for (let guard = 0; guard < 100 && (await closed.count()) > 0; guard++) await closed.first().locator('> div').first().click();
    };

    await step('the preview loads without Office: the pane and the sample workbook show', async () => {
      await page.goto(`${base}/preview.html`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${base}/preview.html`);
      await pane.getByRole('button', { name: '一键检查' }).waitFor();
      await grid.locator('td[data-cell]').first().waitFor();
      const tabs = await grid.locator('[data-tab]').allTextContents();
      assert(tabs.length >= 2, `expected the sample's sheet tabs, got ${JSON.stringify(tabs)}`);
      assert((await page.locator('script[src*="office.js"]').count()) === 0, 'the preview page loads office.js');
      await page.screenshot({ path: path.join(OUT, 'e2e-start.png') });
      await shots('start');
    });

    await step('一键检查: a one-line summary, findings grouped by check with counts and plain titles, marks in the grid', async () => {
      await pane.getByRole('button', { name: '一键检查' }).click();
      await pane.locator('[data-finding]').first().waitFor();
      await idle();
      const line = await pane.getByTestId('summary-line').textContent();
      assert(/重算总分/.test(line) && /个错误/.test(line), `summary line: ${line}`);
      const groups = await pane.locator('[role="tree"] > [role="treeitem"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      assert(groups.length >= 2 && groups.every((g) => /，\d+ 项$/.test(g) && !/[a-z]+\.[a-z_]+/.test(g)), `groups: ${groups}`);
      // Focus moved to the result.
      assert((await page.evaluate(() => document.activeElement && document.activeElement.id)) === 'summary-title', 'focus did not move to the summary');
      const live = await pane.getByTestId('live').textContent();
      assert(/检查完成/.test(live), `live region: ${live}`);
      const sheet = cellOf(await pane.locator('[data-finding]').first().getAttribute('data-finding')).sheet;
      await grid.locator(`[data-tab="${sheet}"]`).click();
      assert((await grid.locator('td[data-mark]').count()) > 0, `no marked cell on sheet ${sheet}`);
      await shots('checked');
      await page.screenshot({ path: path.join(OUT, 'e2e-preview.png') });
    });

    await step('next / previous (buttons and Alt+arrows) walk the findings and select their cells', async () => {
      await pane.getByRole('button', { name: '下一个' }).click();
      await pane.getByTestId('current').waitFor();
      const sel = pane.locator('[aria-selected="true"][data-finding]');
      const first = await sel.getAttribute('data-id');
      const { sheet, cell } = cellOf(await sel.getAttribute('data-finding'));
      await grid.locator(`td[data-sheet="${sheet}"][data-cell="${cell}"][data-selected="true"]`).waitFor();
      await pane.getByRole('button', { name: '下一个' }).click();
      await page.waitForFunction((k) => document.querySelector('[aria-selected="true"][data-finding]')?.getAttribute('data-id') !== k, first);
      assert(/第 2 个/.test(await pane.getByTestId('position').textContent()), 'position does not say 第 2 个');
      await page.keyboard.press('Alt+ArrowUp');
      await page.waitForFunction((k) => document.querySelector('[aria-selected="true"][data-finding]')?.getAttribute('data-id') === k, first);
      await pane.getByRole('button', { name: '上一个' }).click();
      assert(!/第 1 个/.test(await pane.getByTestId('position').textContent()), 'previous from the first does not wrap to the last');
    });

    await step('arrow keys in the findings tree: one Tab stop, Down/Up move, Right/Left open and close a group', async () => {
      const stops = await pane.locator('[role="tree"] [tabindex="0"]').count();
      assert(stops === 1, `the tree has ${stops} Tab stops`);
      await pane.locator('[role="tree"] [tabindex="0"]').focus();
      await page.keyboard.press('Home');
      const before = await page.evaluate(() => document.activeElement.id);
      await page.keyboard.press('ArrowDown');
      const after = await page.evaluate(() => document.activeElement.id);
      assert(before !== after && after.startsWith('fi-'), `ArrowDown did not move focus (${before} -> ${after})`);
      await page.keyboard.press('Home');
      const top = pane.locator('[role="tree"] > [role="treeitem"]').first();
      const was = await top.getAttribute('aria-expanded');
      await page.keyboard.press(was === 'true' ? 'ArrowLeft' : 'ArrowRight');
      assert((await top.getAttribute('aria-expanded')) !== was, 'Left/Right did not toggle the group');
    });

    await step('selecting a cell in the grid (Excel) shows its finding in the pane', async () => {
      await openAllGroups();
      const items = await pane.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
      const target = items[items.length - 1];
      const { sheet, cell } = cellOf(target);
      await grid.locator(`[data-tab="${sheet}"]`).click();
      await grid.locator(`td[data-sheet="${sheet}"][data-cell="${cell}"]`).click();
      await pane.locator(`[aria-selected="true"][data-finding="${target}"]`).waitFor();
    });

    await step('采用建议值 shows old and new, writes only on the click; 撤销 restores the exact value, type and format', async () => {
      // The sample's funds.unit finding: 1229400 元 in a 万元 block -> 122.94.
      await openAllGroups();
      const unit = pane.locator('[data-finding]').filter({ hasText: '按元折合' }).first();
      const { sheet, cell } = cellOf(await unit.getAttribute('data-finding'));
      const before = await hostCell(sheet, cell);
      await unit.click();
      const sug = pane.getByTestId('suggestion');
      await sug.waitFor();
      const text = await sug.textContent();
      assert(/1229400/.test(text) && /122\.94/.test(text), `suggestion shows: ${text}`);
      assert(JSON.stringify(await hostCell(sheet, cell)) === JSON.stringify(before), 'a value was written before the click');
      await shots('suggestion');
      await pane.getByRole('button', { name: '采用建议值' }).click();
      await pane.getByTestId('notice').filter({ hasText: '已采用建议值' }).waitFor();
      await idle();
      const after = await hostCell(sheet, cell);
      assert(after.value === 122.94 && after.format === before.format, `after apply: ${JSON.stringify(after)}`);
      await pane.getByTestId('applied').waitFor();
      await shots('applied');
      await pane.getByRole('button', { name: `撤销 ${sheet}!${cell}` }).click();
      await pane.getByTestId('notice').filter({ hasText: '恢复为原来的值' }).waitFor();
      await idle();
      const back = await hostCell(sheet, cell);
      assert(JSON.stringify(back) === JSON.stringify(before), `after undo: ${JSON.stringify(back)} vs ${JSON.stringify(before)}`);
      assert((await pane.getByTestId('applied').count()) === 0, 'the applied list remains after undo');
    });

    await step('check -> edit a cell in the preview -> 生成报告: the report reflects the edit, no stale notice', async () => {
      await pane.getByRole('button', { name: '一键检查' }).click();
      await idle();
      await openAllGroups();
      // The 项目1 stated total (a score.total finding would appear) -> edit the total cell to a wrong figure.
      const p1 = (await grid.locator('[data-tab]').allTextContents()).find((t) => /项目/.test(t));
      await grid.locator(`[data-tab="${p1}"]`).click();
      const totalCell = await page.evaluate((s) => {
        const sh = window.__host.getView().grid.sheets.find((x) => x.name === s);
        for (let r = 0; r < sh.rows.length; r++) if (sh.rows[r]?.[0]?.value === '总分') {
          const row = sh.rows[r];
          for (let c = row.length - 1; c > 0; c--) if (typeof row[c]?.value === 'number' && row[c].value <= 100 && row[c].value !== 100) return String.fromCharCode(65 + c) + (r + 1);
        }
        return null;
      }, p1);
      assert(totalCell, 'no total cell found');
      await grid.locator(`td[data-sheet="${p1}"][data-cell="${totalCell}"]`).dblclick();
      await grid.locator(`[data-editor="${totalCell}"]`).fill('55');
      await grid.locator(`[data-editor="${totalCell}"]`).press('Enter');
      await pane.getByTestId('stale').waitFor();
      await shots('stale');
      await pane.getByRole('button', { name: '生成报告' }).click();
      await pane.getByTestId('notice').filter({ hasText: '报告已生成' }).waitFor();
      await idle();
      assert((await pane.getByTestId('stale').count()) === 0, 'the stale notice remains after the report');
      const notice = await pane.getByTestId('notice').textContent();
      assert(/尚未更正的 \d+ 个错误/.test(notice), `the report does not count the new error: ${notice}`);
      const reportText = await page.evaluate(() => {
        const sh = window.__host.getView().grid.sheets.find((x) => x.name === '自评报告');
        return sh.rows.flat().map((c) => (c ? String(c.value) : '')).join('\n');
      });
      assert(/55/.test(reportText), 'the report does not show the edited total 55');
      await shots('report');
    });

    await step('a second 生成报告 asks: replace the 自评报告 sheet or add 自评报告 (2)', async () => {
      await pane.getByRole('button', { name: '生成报告' }).click();
      await pane.getByTestId('ask-report').waitFor();
      await shots('ask-report');
      await pane.getByRole('button', { name: '另存为“自评报告 (2)”' }).click();
      await pane.getByTestId('notice').filter({ hasText: '自评报告 (2)' }).waitFor();
      const tabs = await grid.locator('[data-tab]').allTextContents();
      assert(tabs.includes('自评报告') && tabs.includes('自评报告 (2)'), `tabs: ${tabs}`);
      await pane.getByRole('button', { name: '生成报告' }).click();
      await pane.getByRole('button', { name: '替换原工作表' }).click();
      await pane.getByTestId('notice').filter({ hasText: '报告已生成' }).waitFor();
      const again = await grid.locator('[data-tab]').allTextContents();
      assert(again.filter((t) => t === '自评报告').length === 1 && !again.includes('自评报告 (3)'), `after replace: ${again}`);
    });

    let wordFile = '';
    await step('导出 Word offers the report as a .docx download', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: '导出 Word' }).click()]);
      const name = download.suggestedFilename();
      assert(/\.docx$/.test(name) && /自评报告/.test(name), `download name: ${name}`);
      const file = await download.path();
      const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
      assert(head === 'PK', 'the download is not a .docx (zip) file');
      await pane.getByTestId('download').waitFor();
      await idle();
      wordFile = file;
    });

    await step('核对报告 (loaded on demand): the exported .docx and the report sheet are proofread', async () => {
      await pane.getByTestId('verify').locator('summary').click();
      await pane.getByRole('button', { name: '核对此工作表' }).waitFor();
      await pane.getByTestId('verify-file').setInputFiles({ name: '自评报告.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: fs.readFileSync(wordFile) });
      await pane.getByTestId('notice').filter({ hasText: '核对完成' }).waitFor();
      await idle();
      await pane.locator('[data-testid="verify-clear"], section[aria-label="核对结果"]').first().waitFor();
      await pane.getByRole('button', { name: '核对此工作表' }).click();
      await pane.getByTestId('notice').filter({ hasText: '核对完成' }).waitFor();
      await idle();
      await shots('verify');
      await pane.getByTestId('verify').locator('summary').click();
    });

    await step('the pane fits a 320-350 px task pane: no horizontal overflow', async () => {
      for (const width of [320, 350, 340]) {
        await setWidth(width);
        const o = await page.evaluate(() => {
          const body = document.querySelector('.pv-pane-body');
          return { scroll: body.scrollWidth, client: body.clientWidth };
        });
        assert(o.scroll <= o.client + 1, `at ${width} px the pane content is ${o.scroll}px wide in ${o.client}px`);
      }
    });

    await step('text in the pane is at least 12 px, findings 14 px', async () => {
      await openAllGroups();
      const sizes = await page.evaluate(() => {
        const out = { min: 99, minAt: '', finding: 0 };
        for (const el of document.querySelectorAll('[data-testid="pane"] main *')) {
          if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
          if (el.closest('[role="status"][aria-live]')) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < out.min) {
            out.min = px;
            out.minAt = el.textContent.slice(0, 30);
          }
        }
        const f = document.querySelector('[data-finding]');
        out.finding = f ? parseFloat(getComputedStyle(f).fontSize) : 0;
        return out;
      });
      assert(sizes.min >= 12, `text at ${sizes.min}px: ${sizes.minAt}`);
      assert(sizes.finding >= 14, `findings at ${sizes.finding}px`);
    });

    await step('axe-core over the pane: zero violations', async () => {
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const res = await page.evaluate(async () => {
        const r = await window.axe.run(document.querySelector('[data-testid="pane"]'), { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0].target.join(' ')}) ${v.nodes[0].failureSummary}`);
      });
      assert(res.length === 0, `violations:\n${res.join('\n')}`);
    });

    await step('清除标记 removes every mark and shows the unchecked state', async () => {
      const sheet = cellOf(await pane.locator('[data-finding]').first().getAttribute('data-finding')).sheet;
      await grid.locator(`[data-tab="${sheet}"]`).click();
      await pane.getByRole('button', { name: '清除标记' }).click();
      await pane.getByTestId('notice').filter({ hasText: '标记已清除' }).waitFor();
      assert((await grid.locator('td[data-mark]').count()) === 0, 'marks remain after 清除标记');
      assert((await pane.locator('[data-finding]').count()) === 0, 'the old findings still show after 清除标记');
    });

    await step('忽略 sets a finding aside, survives a reload of the preview, and 恢复 brings it back', async () => {
      await page.goto(`${base}/preview.html`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      await idle();
      await openAllGroups();
      const n = await pane.locator('[data-finding]').count();
      const first = pane.locator('[data-finding]').first();
      const key = await first.getAttribute('data-finding');
      await first.click();
      await pane.getByRole('button', { name: '忽略' }).click();
      await pane.getByTestId('ignored').waitFor();
      await idle();
      assert((await pane.locator('[data-finding]').count()) === n - 1, 'the ignored finding still shows');
      await page.goto(`${base}/preview.html`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      await idle();
      await openAllGroups();
      assert((await pane.locator('[data-finding]').count()) === n - 1, 'the ignored finding is back after a reload');
      await pane.getByTestId('ignored').locator('summary').click();
      await shots('ignored');
      await pane.getByTestId('ignored').getByRole('button', { name: /^恢复/ }).first().click();
      await idle();
      await openAllGroups();
      assert((await pane.locator(`[data-finding="${key}"]`).count()) >= 1, '恢复 did not bring the finding back');
      assert((await pane.locator('[data-finding]').count()) === n, 'the list is not whole again');
    });

    await step('keyboard only: from 一键检查 to a selected cell', async () => {
      await page.goto(`${base}/preview.html`);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      let guard = 0;
      while (guard++ < 30) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => document.activeElement && document.activeElement.textContent);
        if (name && name.trim() === '一键检查') break;
      }
      assert(guard < 30, 'Tab never reached 一键检查');
      await page.keyboard.press('Enter');
      await idle();
      await pane.locator('[role="tree"]').waitFor();
      guard = 0;
      while (guard++ < 40) {
        await page.keyboard.press('Tab');
        const role = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('role'));
        if (role === 'treeitem') break;
      }
      assert(guard < 40, 'Tab never reached the findings tree');
      // Open the group if closed, go to its first finding, select it.
      if ((await page.evaluate(() => document.activeElement.getAttribute('aria-expanded'))) === 'false') await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      const key = await page.evaluate(() => document.activeElement.getAttribute('data-finding'));
      assert(key, 'ArrowDown did not reach a finding');
      await page.keyboard.press('Enter');
      const { sheet, cell } = cellOf(key);
      await grid.locator(`td[data-sheet="${sheet}"][data-cell="${cell}"][data-selected="true"]`).waitFor();
    });

    await step('the dark theme: Office dark grey gives a dark pane with light text (screenshot)', async () => {
      await page.goto(`${base}/preview.html?theme=dark`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      await idle();
      const c = await page.evaluate(() => {
        const m = document.querySelector('[data-testid="pane"] main');
        return { bg: getComputedStyle(m).backgroundColor, fg: getComputedStyle(m).color };
      });
      assert(/rgb\(41, 41, 41\)/.test(c.bg) && /rgb\(255, 255, 255\)/.test(c.fg), `dark theme colours: ${JSON.stringify(c)}`);
      await shots('dark');
      await page.screenshot({ path: path.join(OUT, 'e2e-dark.png') });
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const res = await page.evaluate(async () => (await window.axe.run(document.querySelector('[data-testid="pane"]'), { resultTypes: ['violations'] })).violations.map((v) => `${v.id} ${v.nodes[0].target}`));
      assert(res.length === 0, `dark theme violations: ${res.join(', ')}`);
    });

    await step('a 300-project workbook: the pane never freezes, findings before marking finishes', async () => {
      await page.goto(`${base}/preview.html?workbook=big`);
      await pane.getByRole('button', { name: '一键检查' }).waitFor();
      const r = await page.evaluate(async () => {
        const gaps = [];
        let last = performance.now();
        let running = true;
        const tick = () => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          if (running) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const host = window.__host;
        let marksAt = 0;
        const orig = host.applyMarks.bind(host);
        let findingsWhileMarking = false;
        host.applyMarks = async (m) => {
          marksAt = performance.now();
          await new Promise((res) => setTimeout(res, 300));
          findingsWhileMarking = !!document.querySelector('[data-testid="findings"]');
          return orig(m);
        };
        const t0 = performance.now();
        [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '一键检查').click();
        while (document.querySelector('main[aria-busy="true"]') || performance.now() - t0 < 200) await new Promise((res) => setTimeout(res, 50));
        running = false;
        return { maxGap: Math.max(...gaps.slice(1)), frames: gaps.length, ms: performance.now() - t0, findingsWhileMarking, marked: marksAt > 0 };
      });
      console.log(`       300 projects: check ${r.ms.toFixed(0)} ms, ${r.frames} frames, longest frame gap ${r.maxGap.toFixed(0)} ms`);
      assert(r.findingsWhileMarking, 'the findings did not show before marking finished');
      // The engine alone blocked the main thread ~185 ms before it moved to the worker; what is left
      // (copying the snapshot, React) stays well under that on an idle machine. The bound allows a
      // busy test machine; the figures are printed above.
      assert(r.maxGap < 400, `the main thread froze for ${r.maxGap.toFixed(0)} ms`);
      assert(r.frames >= 10, `only ${r.frames} frames painted during the check`);
      await shots('big');
    });

    await step('an empty workbook offers 插入标准模板; after it the pane shows the new state', async () => {
      await page.goto(`${base}/preview.html?workbook=empty`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      await pane.getByTestId('no-table').waitFor();
      await shots('no-table');
      await pane.getByRole('button', { name: '插入标准模板' }).click();
      await pane.getByTestId('notice').filter({ hasText: '模板已插入' }).waitFor();
      await idle();
      const tabs = await grid.locator('[data-tab]').allTextContents();
      assert(tabs.length > 1 && tabs[0] === 'Sheet1', `template sheets not added: ${JSON.stringify(tabs)}`);
      assert((await pane.getByTestId('no-table').count()) === 0, 'the old 未找到绩效自评表 warning remains');
    });

    await step('a protected workbook: the error shows in Chinese and the buttons come back', async () => {
      await page.goto(`${base}/preview.html?readonly=1`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      const bar = pane.getByTestId('notice').filter({ hasText: '受保护' });
      await bar.waitFor();
      await idle();
      assert(await pane.getByRole('button', { name: '一键检查' }).isEnabled(), '一键检查 stays disabled');
      assert(await pane.getByRole('button', { name: '生成报告' }).isEnabled(), '生成报告 stays disabled');
      assert((await pane.locator('[data-finding], [role="tree"]').count()) > 0, 'the findings do not show when marking fails');
      await page.screenshot({ path: path.join(OUT, 'e2e-protected.png') });
      await shots('protected');
    });

    await step('taskpane.html without office.js: a loading screen, then a Chinese message', async () => {
      await page.goto(`${base}/taskpane.html`);
      const boot = page.locator('#boot');
      await boot.waitFor();
      await page.waitForFunction(() => document.getElementById('boot').className.includes('failed'));
      const text = await boot.textContent();
      assert(/无法加载 Office 组件/.test(text), `message: ${text}`);
      await page.setViewportSize({ width: 340, height: 500 });
      await page.screenshot({ path: path.join(OUT, 'pane-officejs-failed-340.png') });
      await page.setViewportSize({ width: 1400, height: 900 });
    });

    await step('no script error, no request outside localhost', async () => {
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
      const unexpected = external.filter((u) => !u.startsWith('https://appsforoffice.microsoft.com/'));
      assert(unexpected.length === 0, `requests outside localhost: ${unexpected.join(', ')}`);
    });
  } catch (err) {
    results.push({ name: 'browser', ok: false });
    console.log(`  FAIL browser: ${(err && err.stack) || err}`);
  } finally {
    if (context) await context.close().catch(() => {});
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`screenshot: ${path.relative(ROOT, path.join(OUT, 'e2e-preview.png'))}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
