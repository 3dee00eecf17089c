// The page `par-plan export plan.par.yaml -o plan.html` writes, opened in headless Chromium: its
// rows and charts counted as a browser lays them out, nothing fetched, and a PDF printed from it.
// Needs /usr/bin/chromium (scripts/e2e/install-real-editor.sh installs it; .ci/run runs that first):
// without it the tests print an explicit skip line.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';

// The page's globals, for the functions evaluated in the browser (the project's TypeScript has no DOM lib).
declare const document: { querySelectorAll(selector: string): Iterable<any> & { length: number }; querySelector(selector: string): any };

const CHROMIUM = process.env.PAR_E2E_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const repo = (p: string) => join(__dirname, '..', '..', p);

if (!hasChromium) console.log(`SKIP test/render/html-in-chromium.test.ts: no Chromium at ${CHROMIUM} (bash scripts/e2e/install-real-editor.sh installs it)`);

describe.skipIf(!hasChromium)('the exported HTML page in Chromium', () => {
  let dir = '';
  let browser: Browser;
  let htmlFile = '';
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'par-plan-html-'));
    htmlFile = join(dir, 'ke-hoach.html');
    // The CLI as users run it (the bundle the global setup built).
    execFileSync(process.execPath, [repo('bin/par-plan.js'), 'export', repo('samples/ha-tinh-2023.par.yaml'), '-o', htmlFile], { stdio: 'pipe' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows 8 section rows, 41 task rows and 4 charts, fetching nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlFile).href);
    const counts = await page.evaluate(() => ({
      sections: document.querySelectorAll('table.appendix tbody tr.section').length,
      tasks: document.querySelectorAll('table.appendix tbody tr.task').length,
      charts: document.querySelectorAll('figure.chart svg[role="img"]').length,
      bars: document.querySelectorAll('figure.chart rect.bar').length,
      marked: document.querySelectorAll('td.marked').length,
      headers: [...document.querySelectorAll('table.appendix thead th')].map((th) => th.textContent as string),
      chartTitles: [...document.querySelectorAll('figure.chart h3')].map((h) => h.textContent as string),
      // Laid out: the table is as wide as the page, and every chart has a visible height.
      tableWidth: document.querySelector('table.appendix').getBoundingClientRect().width as number,
      chartHeights: [...document.querySelectorAll('figure.chart svg')].map((s) => s.getBoundingClientRect().height as number),
    }));
    expect(counts.sections).toBe(8);
    expect(counts.tasks).toBe(41);
    expect(counts.charts).toBe(4);
    expect(counts.bars).toBeGreaterThan(30);
    expect(counts.marked).toBe(5);
    expect(counts.headers).toEqual([
      'STT',
      'Tiêu chí, tiêu chí thành phần bị trừ điểm, không đạt điểm tối đa trong năm 2022 (theo Bộ Chỉ số CCHC cấp tỉnh)',
      'Nhiệm vụ/giải pháp thực hiện năm 2023',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời hạn hoàn thành (tháng/ quý/ năm)',
    ]);
    expect(counts.chartTitles).toEqual(['Nhiệm vụ theo đơn vị chủ trì', 'Nhiệm vụ theo thời hạn', 'Nhiệm vụ và vấn đề theo lĩnh vực', 'Đơn vị đảm nhận nhiều nhiệm vụ nhất']);
    expect(counts.tableWidth).toBeGreaterThan(1300);
    for (const h of counts.chartHeights) expect(h).toBeGreaterThan(40);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.close();
  });

  it('prints to an A4 landscape PDF of several pages', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const out = join(dir, 'ke-hoach.pdf');
    writeFileSync(out, pdf);
    const text = readFileSync(out, 'latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
    // A4 landscape is 842 × 595 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
    console.log(`exported page printed to ${pages} A4 landscape pages (${pdf.length} bytes)`);
    await page.close();
  });
});
