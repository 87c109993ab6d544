// Browser test of the manager workbench (/dashboard) in Debian's Chromium driven by playwright-core.
// Run by com.qingke.dashboard.DashboardBrowserTest during `./mvnw verify`; by hand:
//   QK_BASE_URL=http://localhost:8080 QK_SESSION=<qk_session cookie> node sidebar-web/e2e/dashboard.e2e.mjs
// Env: QK_BASE_URL, QK_SESSION (a manager's session token), QK_PATH (default /dashboard),
//      QK_SCREENSHOTS (folder for dashboard-desktop.png and dashboard-phone.png; none taken when unset),
//      QINGKE_CHROMIUM (default /usr/bin/chromium, as for the sidebar's e2e). Prints one JSON line with the findings; exit code 1 on any failure.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.QK_BASE_URL;
const session = process.env.QK_SESSION;
const path = process.env.QK_PATH || '/dashboard';
const shots = process.env.QK_SCREENSHOTS;
if (!base || !session) {
  console.error('QK_BASE_URL and QK_SESSION are required');
  process.exit(2);
}
const CHARTS = ['chart-funnel', 'chart-stages', 'chart-win-rate', 'chart-calibration', 'chart-actions', 'chart-adoption',
  'chart-channels'];
const failures = [];
const result = { failures, desktop: {}, phone: {} };

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--lang=zh-CN'],
  // playwright gives every launch a fresh, empty user-data dir of its own and deletes it on close
});

async function visit(name, contextOptions) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...contextOptions });
  await context.addCookies([{ name: 'qk_session', value: session, url: base }]);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) errors.push(`left the app: ${r.url()}`);
  });

  const response = await page.goto(base + path, { waitUntil: 'load' });
  const out = result[name];
  out.status = response.status();
  if (response.status() !== 200) failures.push(`${name}: /dashboard answered ${response.status()}`);
  out.title = await page.title();

  // Every chart container holds a canvas ECharts drew into.
  for (const id of CHARTS) {
    const size = await page.locator(`#${id} canvas`).first()
      .evaluate((c) => ({ w: c.width, h: c.height }), null, { timeout: 10000 }).catch(() => null);
    if (!size || size.w === 0 || size.h === 0) failures.push(`${name}: no drawn canvas in #${id}`);
  }
  out.canvases = await page.locator('.chart canvas').count();
  out.kpis = await page.locator('.kpi .kpi-value').allTextContents();

  // 客户动态 refreshes through fetch without a reload.
  const live = page.waitForResponse((r) => r.url().includes('/dashboard/api/activity'), { timeout: 10000 });
  await page.evaluate(() => window.qingkeDashboard.refresh());
  const liveResponse = await live.catch(() => null);
  out.liveStatus = liveResponse ? liveResponse.status() : null;
  if (!liveResponse || liveResponse.status() !== 200) failures.push(`${name}: live activity refresh failed`);
  await page.waitForFunction(() => document.getElementById('activity-updated').textContent.startsWith('更新于'));
  out.activeCustomers = await page.locator('#activity-list > li[data-customer]').count();

  // Desktop is a grid (funnel and stage distribution side by side); a phone stacks every card in one column.
  const funnel = await page.locator('#funnel').boundingBox();
  const stages = await page.locator('#stages').boundingBox();
  out.sideBySide = Math.abs(funnel.y - stages.y) < 2 && stages.x > funnel.x;
  const width = page.viewportSize().width;
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  out.horizontalOverflow = overflow > width;
  if (out.horizontalOverflow) failures.push(`${name}: page is ${overflow}px wide in a ${width}px viewport`);

  // The KPI definition appears as a tooltip when the ⓘ gets focus (tap on a phone).
  await page.locator('#kpi-reach-24h .tip').focus();
  out.tooltip = await page.locator('#kpi-reach-24h .tip').getAttribute('data-tip');
  if (!out.tooltip || !out.tooltip.includes('24小时')) failures.push(`${name}: KPI tooltip missing`);

  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.locator('#kpi-reach-24h .tip').blur();
    await page.screenshot({ path: join(shots, `dashboard-${name}.png`), fullPage: true });
  }
  if (errors.length) failures.push(...errors.map((e) => `${name}: ${e}`));
  await context.close();
  return out;
}

try {
  const desktop = await visit('desktop', { viewport: { width: 1440, height: 900 } });
  if (!desktop.sideBySide) failures.push('desktop: funnel and stage distribution are not side by side');
  const phone = await visit('phone', {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)'
      + ' Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh',
  });
  if (phone.sideBySide) failures.push('phone: cards are not stacked in one column');
} catch (e) {
  failures.push(`unexpected: ${e.stack || e}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(failures.length ? 1 : 0);
