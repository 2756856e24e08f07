import { expect, test, type Page } from '@playwright/test';
import { startDemoServer, type BrowserModeApp } from './browserMode';

let app: BrowserModeApp;
test.beforeAll(async () => {
  app = await startDemoServer();
});
test.afterAll(async () => {
  await app.stop();
});

const map = (page: Page) => page.getByTestId('province-map');

async function openApp(page: Page): Promise<void> {
  await page.goto(app.url);
  await expect(map(page)).toHaveAttribute('data-loaded', 'true');
}

test('opens on the demo data in Chinese, with all 34 provinces drawn on the map', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page);
  // The token went into a cookie: the address bar no longer shows it.
  expect(page.url()).toBe(`${app.origin}/`);
  await expect(page.getByTestId('nav-dispatch')).toHaveText('区域调度');
  await expect(page.getByTestId('status-bar')).toContainText('浏览器模式');
  await expect(page.getByTestId('status-bar')).toContainText('demo.db');
  await expect(map(page)).toHaveAttribute('data-rendered-provinces', '34');
  await expect(map(page)).toHaveAttribute('data-rendered-engineers', '120');
  await expect(map(page)).not.toHaveAttribute('data-rendered-tickets', '0');
  await expect(page.locator('.province-label', { hasText: '甘肃' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dispatch-zh.png') });
  expect(errors).toEqual([]);
});

test('toggles a layer off and on again', async ({ page }) => {
  await openApp(page);
  const shopsDrawn = async () => Number(await map(page).getAttribute('data-rendered-shops'));
  await expect.poll(shopsDrawn).toBeGreaterThan(300);
  await page.getByTestId('toggle-shops').uncheck();
  await expect(map(page)).toHaveAttribute('data-rendered-shops', '0');
  await expect(map(page)).toHaveAttribute('data-rendered-engineers', '120');
  await page.getByTestId('toggle-shops').check();
  await expect.poll(shopsDrawn).toBeGreaterThan(300);
});

test('shows a province in the detail panel: 甘肃 and its three engineers', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('region-select').selectOption('620000');
  const detail = page.getByTestId('detail-province');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('甘肃省');
  await expect(detail).toContainText('直营工程师3');
  await expect(detail.locator('.compact-list li')).toHaveCount(3);
  await expect(detail).toContainText('万元');
  await page.screenshot({ path: testInfo.outputPath('detail-gansu.png') });
});

test('a click on the map opens the clicked province', async ({ page }) => {
  await openApp(page);
  const box = await map(page).boundingBox();
  if (!box) throw new Error('map has no box');
  // The middle of the map of China lies in the western interior, away from any point layer.
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
  await expect(page.getByTestId('detail-province').getByRole('heading', { level: 2 })).toHaveText(/省|自治区/);
});

test('switches to English and keeps the choice', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('nav-dispatch')).toHaveText('Dispatch');
  await expect(page.getByTestId('nav-profit')).toHaveText('Profit');
  await expect(page.getByTestId('status-bar')).toContainText('Browser mode');
  await expect(page.locator('.province-label', { hasText: 'Gansu' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('nav-dispatch')).toHaveText('Dispatch');
  await expect(map(page)).toHaveAttribute('data-rendered-provinces', '34');
  await page.screenshot({ path: testInfo.outputPath('dispatch-en.png') });
});

test('network view optimises base and a scenario, colours the map by mode and explains 甘肃', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByTestId('nav-network').click();
  await page.getByText('合作费 −10%').click();
  await page.getByTestId('network-optimise').click();
  const table = page.getByTestId('network-table');
  await expect(table.locator('tbody tr')).toHaveCount(34, { timeout: 60_000 });
  const gansu = table.locator('tr[data-adcode="620000"]');
  await expect(gansu.locator('.mode-badge')).toHaveText(/合作网点|混合/);
  // Cheaper partner fees never lower profit: every delta cell for the scenario is + or zero.
  await expect(gansu.locator('td').last()).toHaveText(/^\+/);
  await expect(page.getByTestId('network-panel')).toContainText('甘肃省');
  await expect(page.getByTestId('network-binding')).toContainText('紧急覆盖目标');
  await page.getByTestId('only-diff').check();
  const differing = await table.locator('tbody tr').count();
  expect(differing).toBeGreaterThan(0);
  expect(differing).toBeLessThanOrEqual(34);
  await page.screenshot({ path: testInfo.outputPath('network.png'), fullPage: true });
});

test.describe('profit view', () => {
  const moneyOf = (text: string) => {
    const match = /(-?)([\d,.]+)(万元|元)/.exec(text);
    if (!match) throw new Error(`not money: ${text}`);
    const value = Number((match[2] as string).replaceAll(',', '')) * (match[3] === '万元' ? 10_000 : 1);
    return match[1] ? -value : value;
  };

  test('maps and ranks the provinces, with totals that add up and 甘肃 in the red', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByTestId('nav-profit').click();
    const choropleth = page.getByTestId('choropleth');
    await expect(choropleth).toHaveAttribute('data-loaded', 'true');
    await expect(choropleth).toHaveAttribute('data-rendered-provinces', '34');
    await expect(page.getByTestId('choropleth-legend')).toContainText('万元');
    const table = page.getByTestId('pnl-table');
    await expect(table.locator('tbody tr')).toHaveCount(34);
    const tickets = (await table.locator('tbody tr td:nth-child(9)').allTextContents()).map((t) => Number(t.replaceAll(',', '')));
    await expect(page.getByTestId('pnl-total').locator('[data-column=tickets]')).toHaveText(tickets.reduce((a, b) => a + b, 0).toLocaleString('zh-CN'));
    const gansu = table.locator('tbody tr[data-adcode="620000"]');
    const gansuProfit = moneyOf((await gansu.locator('td:nth-child(4)').textContent()) ?? '');
    expect(gansuProfit).toBeLessThan(-550_000);
    expect(gansuProfit).toBeGreaterThan(-900_000);
    // Sorting by profit ascending puts the loss-maker first.
    await page.getByTestId('sort-profit').click();
    await expect(table.locator('tbody tr').first()).toHaveAttribute('data-adcode', '620000');
    await page.getByTestId('measure-fcr').check();
    await expect(page.getByTestId('choropleth-legend')).toContainText('%');
    await page.screenshot({ path: testInfo.outputPath('profit-map.png') });
  });

  test('drills down from 甘肃 to its three engineers', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByTestId('nav-profit').click();
    await page.getByTestId('pnl-table').locator('tbody tr[data-adcode="620000"]').click();
    await expect(page.getByTestId('drill-engineers').locator('tbody tr')).toHaveCount(3);
    await page.screenshot({ path: testInfo.outputPath('profit-drilldown.png') });
  });

  test('exports the table as CSV and XLSX', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('nav-profit').click();
    await expect(page.getByTestId('pnl-table').locator('tbody tr')).toHaveCount(34);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^service-atlas-pnl-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const text = await import('node:fs').then((fs) => csv.path().then((p) => fs.readFileSync(p, 'utf8')));
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(36);
    expect(text).toContain('甘肃省');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await import('node:fs').then((fs) => xlsx.path().then((p) => fs.readFileSync(p)));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  test('places 甘肃 among the cost sinks and compares it with 北京', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByTestId('nav-profit').click();
    await page.getByTestId('tab-matrix').click();
    await expect(page.locator('.matrix-point[data-adcode="620000"]')).toHaveAttribute('data-quadrant', 'costSink');
    await page.screenshot({ path: testInfo.outputPath('profit-matrix.png') });
    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-a').locator('select').selectOption('620000');
    await page.getByTestId('compare-b').locator('select').selectOption('110000');
    const profitDelta = page.getByTestId('delta-pnl.profit');
    await expect(profitDelta).toHaveText(/^\+/);
    await expect(profitDelta).toHaveClass(/delta-better/);
    await page.screenshot({ path: testInfo.outputPath('profit-compare.png') });
  });
});
