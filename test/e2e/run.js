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
    });
    context.setDefaultTimeout(TIMEOUT);
    const page = context.pages()[0] || (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
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

    await step('the preview loads without Office: the pane and the sample workbook show', async () => {
      await page.goto(`${base}/preview.html`);
      await pane.getByRole('button', { name: '一键检查' }).waitFor();
      await grid.locator('td[data-cell]').first().waitFor();
      const tabs = await grid.locator('[data-tab]').allTextContents();
      assert(tabs.length >= 2, `expected the sample's sheet tabs, got ${JSON.stringify(tabs)}`);
      assert((await page.locator('script[src*="office.js"]').count()) === 0, 'the preview page loads office.js');
      await page.screenshot({ path: path.join(OUT, 'e2e-start.png') });
    });

    await step('一键检查 lists findings in the pane and marks their cells in the grid', async () => {
      await pane.getByRole('button', { name: '一键检查' }).click();
      await pane.locator('[data-finding]').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
      const n = await pane.locator('[data-finding]').count();
      assert(n > 0, 'no finding listed');
      const summary = await pane.getByTestId('summary').textContent();
      assert(/总分（重算）/.test(summary) && /执行率/.test(summary), `summary card incomplete: ${summary}`);
      // The marks of the active sheet, or of any sheet once its tab is shown.
      const sheets = await pane.locator('[data-sheet-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sheet-group')));
      await grid.locator(`[data-tab="${sheets[0]}"]`).click();
      const marked = await grid.locator('td[data-mark]').count();
      assert(marked > 0, `no marked cell on sheet ${sheets[0]}`);
    });

    let target = '';
    await step('clicking a finding selects its cell in the grid', async () => {
      const errors = pane.locator('[data-finding][data-severity="error"]');
      const item = (await errors.count()) > 0 ? errors.first() : pane.locator('[data-finding]').first();
      target = await item.getAttribute('data-finding');
      const [sheet, cell] = [target.slice(0, target.lastIndexOf('!')), target.slice(target.lastIndexOf('!') + 1)];
      // Show another sheet first, so the click has to switch back.
      const other = (await grid.locator('[data-tab]').allTextContents()).find((t) => t !== sheet);
      if (other) await grid.locator(`[data-tab="${other}"]`).click();
      await item.click();
      const td = grid.locator(`td[data-sheet="${sheet}"][data-cell="${cell}"]`);
      await td.and(page.locator('[data-selected="true"]')).waitFor();
      assert((await grid.getAttribute('data-active-sheet')) === sheet, 'the grid did not switch to the finding\'s sheet');
      assert((await td.getAttribute('data-mark')) !== null, 'the selected cell carries no mark');
    });

    await step('the severity filter narrows the list', async () => {
      const all = await pane.locator('[data-finding]').count();
      const errorButton = pane.getByRole('button', { name: /^错误 \d+$/ });
      const count = Number((await errorButton.textContent()).replace(/\D+/g, ''));
      await errorButton.click();
      await page.waitForFunction((c) => document.querySelectorAll('[data-testid="pane"] [data-finding]').length === c, count);
      const sev = await pane.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
      assert(sev.every((s) => s === 'error'), `non-error findings under 错误: ${sev}`);
      await pane.getByRole('button', { name: /^全部 \d+$/ }).click();
      await page.waitForFunction((c) => document.querySelectorAll('[data-testid="pane"] [data-finding]').length === c, all);
    });

    await step('生成报告 adds a 自评报告 tab showing the report title', async () => {
      await pane.getByRole('button', { name: '生成报告' }).click();
      await pane.getByTestId('notice').filter({ hasText: '报告已生成' }).waitFor();
      await grid.locator('[data-tab="自评报告"]').waitFor();
      assert((await grid.getAttribute('data-active-sheet')) === '自评报告', 'the grid did not switch to the report');
      const title = await grid.locator('td[data-cell="A1"]').textContent();
      assert(/年度整体支出绩效自评报告/.test(title || ''), `report title not in A1: ${title}`);
      const notice = await pane.getByTestId('notice').textContent();
      assert(notice.includes('“自评报告”'), `the message does not name the sheet: ${notice}`);
    });

    await step('the pane fits a 320-350 px task pane: no horizontal overflow', async () => {
      for (const width of [320, 350, 340]) {
        const o = await page.evaluate(async (w) => {
          document.querySelector('.pv-pane').style.width = `${w}px`;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const body = document.querySelector('.pv-pane-body');
          return { scroll: body.scrollWidth, client: body.clientWidth };
        }, width);
        assert(o.scroll <= o.client + 1, `at ${width} px the pane content is ${o.scroll}px wide in ${o.client}px`);
      }
    });

    await page.screenshot({ path: path.join(OUT, 'e2e-preview.png') });

    await step('清除标记 removes every mark from the grid', async () => {
      await grid.locator(`[data-tab="${target.slice(0, target.lastIndexOf('!'))}"]`).click();
      await pane.getByRole('button', { name: '清除标记' }).click();
      await pane.getByTestId('notice').filter({ hasText: '标记已清除' }).waitFor();
      assert((await grid.locator('td[data-mark]').count()) === 0, 'marks remain after 清除标记');
    });

    await step('an empty workbook offers 插入标准模板, which adds the template sheets', async () => {
      await page.goto(`${base}/preview.html?workbook=empty`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      await pane.getByTestId('no-table').waitFor();
      await pane.getByRole('button', { name: '插入标准模板' }).click();
      await pane.getByTestId('notice').filter({ hasText: '模板已插入' }).waitFor();
      const tabs = await grid.locator('[data-tab]').allTextContents();
      assert(tabs.length > 1 && tabs[0] === 'Sheet1', `template sheets not added: ${JSON.stringify(tabs)}`);
      // A check of the filled-in template no longer says there is no table.
      await pane.getByRole('button', { name: '一键检查' }).click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="pane"] main[aria-busy="true"]'));
      await pane.locator('[data-finding], [data-testid="no-findings"]').first().waitFor();
      assert((await pane.getByTestId('no-table').count()) === 0, 'the template is not recognised as a table');
    });

    await step('a protected workbook: the error shows in Chinese and the buttons come back', async () => {
      await page.goto(`${base}/preview.html?readonly=1`);
      await pane.getByRole('button', { name: '一键检查' }).click();
      const bar = pane.getByTestId('notice').filter({ hasText: '受保护' });
      await bar.waitFor();
      assert(await pane.getByRole('button', { name: '一键检查' }).isEnabled(), '一键检查 stays disabled');
      assert(await pane.getByRole('button', { name: '生成报告' }).isEnabled(), '生成报告 stays disabled');
      assert((await pane.locator('[data-finding]').count()) > 0, 'the findings do not show when marking fails');
      await page.screenshot({ path: path.join(OUT, 'e2e-protected.png') });
    });

    await step('no script error, no request outside localhost', async () => {
      assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
      assert(external.length === 0, `requests outside localhost: ${external.join(', ')}`);
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
