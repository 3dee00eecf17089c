// Real-editor checks of the appendix preview and the plan overview (dashboard) webviews: opened from
// the command palette beside the sample, rows and charts counted inside the webview, a keystroke
// in the editor seen in the preview, a click on a row moving the editor's cursor, the cursor
// highlighting its row. Called by run.mjs inside its workbench, after the other UI checks.

import { join } from 'node:path';
import { gotoLine, press, runCommand, screenshot, waitForStatusBarItem } from './harness.mjs';

const TIMEOUT = 30_000;

/**
 * The webview frame of the preview or the dashboard: VS Code nests the page in two iframes; ours is
 * the one whose body has our class.
 * @param {import('playwright-core').Page} page
 * @param {'preview' | 'dashboard'} kind
 */
async function webviewFrame(page, kind) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate((kind) => document.body?.classList.contains('interactive') && document.body.classList.contains(kind), kind).catch(() => false);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no ${kind} webview after ${TIMEOUT} ms`);
}

/**
 * Waits until `fn` (run in the frame) returns a truthy value, and returns it.
 * @template T
 * @param {import('playwright-core').Frame} frame
 * @param {(arg: any) => T} fn
 * @param {any} [arg]
 * @param {string} [what]
 * @returns {Promise<T>}
 */
async function waitInFrame(frame, fn, arg, what = 'the webview') {
  try {
    const handle = await frame.waitForFunction(fn, arg, { timeout: TIMEOUT });
    return /** @type {T} */ (await handle.jsonValue());
  } catch (error) {
    throw new Error(`timed out waiting for ${what}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
}

/**
 * @param {{ page: import('playwright-core').Page, check: (name: string, fn: () => Promise<void>) => Promise<void>, artifacts: string, editorLine: (needle: string) => { line: number, text: string } }} ctx
 */
export async function planViewChecks({ page, check, artifacts, editorLine }) {
  /** @type {import('playwright-core').Frame | undefined} */
  let preview;

  await check('the preview beside the sample shows its 8 section rows and 41 task rows', async () => {
    // The side bar off: the editor and the preview share the window, as an author would set it.
    await press(page, 'Control+B');
    await gotoLine(page, 1, 1);
    await runCommand(page, 'PAR Plan: Mở xem trước bên cạnh');
    preview = await webviewFrame(page, 'preview');
    const counts = await waitInFrame(
      preview,
      () => {
        const sections = document.querySelectorAll('table.appendix tbody tr.section').length;
        const tasks = document.querySelectorAll('table.appendix tbody tr.task').length;
        return sections && tasks ? { sections, tasks, heads: [...document.querySelectorAll('thead th')].map((th) => th.textContent) } : null;
      },
      undefined,
      'the preview rows',
    );
    if (counts.sections !== 8 || counts.tasks !== 41) throw new Error(`rows: ${JSON.stringify(counts)}`);
    if (counts.heads[3] !== 'Đơn vị chủ trì') throw new Error(`headers: ${counts.heads}`);
    await screenshot(page, join(artifacts, 'preview.png'));
  });

  await check('typing in the editor changes the preview', async () => {
    if (!preview) throw new Error('no preview');
    const { line, text } = editorLine('- Đẩy nhanh tiến độ, kịp thời tham mưu ban hành');
    await gotoLine(page, line, text.indexOf('-') + 1);
    await page.keyboard.type('Kịp thời ');
    await waitInFrame(preview, () => [...document.querySelectorAll('tr.task td.task p')].some((p) => p.textContent?.startsWith('Kịp thời - Đẩy nhanh tiến độ')), undefined, 'the typed text in the preview');
    // Still one row per task: the edited row was replaced, not added.
    const tasks = await preview.evaluate(() => document.querySelectorAll('tr.task').length);
    if (tasks !== 41) throw new Error(`${tasks} task rows after the edit`);
  });

  await check('clicking a row moves the editor to its task', async () => {
    if (!preview) throw new Error('no preview');
    const { line, text } = editorLine('- task: "Chỉ tiêu 4: Hỗ trợ các doanh nghiệp');
    const cell = preview.locator('tr.task td.task', { hasText: 'Chỉ tiêu 4: Hỗ trợ các doanh nghiệp' }).first();
    await cell.click();
    await waitForStatusBarItem(page, `Ln ${line}, Col ${text.indexOf('"') + 1}`, { timeout: TIMEOUT });
  });

  await check('moving the cursor in the editor highlights its row in the preview', async () => {
    if (!preview) throw new Error('no preview');
    const { line } = editorLine('- task: "Chỉ tiêu 6: Đôn đốc các địa phương');
    await gotoLine(page, line + 2, 1);
    // The row clicked before is highlighted until the cursor's move arrives: wait for the new one.
    await waitInFrame(preview, () => document.querySelector('tr.task.active')?.textContent?.includes('Chỉ tiêu 6: Đôn đốc các địa phương'), undefined, 'the row of the cursor highlighted');
    const active = await preview.evaluate(() => document.querySelectorAll('tr.active').length);
    if (active !== 1) throw new Error(`${active} rows highlighted`);
    await screenshot(page, join(artifacts, 'preview-follows-cursor.png'));
  });

  await check('the plan overview shows its four charts with their labels', async () => {
    await runCommand(page, 'PAR Plan: Tổng quan kế hoạch');
    const dashboard = await webviewFrame(page, 'dashboard');
    const charts = await waitInFrame(
      dashboard,
      () => {
        const figures = [...document.querySelectorAll('figure.chart')];
        return figures.length ? figures.map((f) => ({ title: f.querySelector('h3')?.textContent, bars: f.querySelectorAll('rect.bar').length, labels: [...f.querySelectorAll('text.label')].map((t) => t.firstChild?.textContent) })) : null;
      },
      undefined,
      'the charts',
    );
    const titles = charts.map((c) => c.title);
    if (titles.join('|') !== 'Nhiệm vụ theo đơn vị chủ trì|Nhiệm vụ theo thời hạn|Nhiệm vụ và vấn đề theo lĩnh vực|Đơn vị đảm nhận nhiều nhiệm vụ nhất') throw new Error(`charts: ${titles}`);
    if (!charts[0].labels.includes('Sở, ban, ngành cấp tỉnh') || !charts[1].labels.includes('Quý IV/2023')) throw new Error(`labels: ${JSON.stringify(charts.map((c) => c.labels))}`);
    await screenshot(page, join(artifacts, 'dashboard.png'));
    // A bar lists its tasks; picking one shows it in the editor.
    await dashboard.locator('figure[data-chart="quarter"] rect.bar').nth(1).click();
    await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const rows = await page.locator('.quick-input-widget .monaco-list-row').count();
    if (rows !== 2) throw new Error(`the recurring bar listed ${rows} tasks`);
    await press(page, 'Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
  });
}
