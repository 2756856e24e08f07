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

test('network and profit views list every province, totals adding up', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('nav-network').click();
  await expect(page.getByTestId('network-table').locator('tbody tr')).toHaveCount(34);
  await page.screenshot({ path: testInfo.outputPath('network.png') });
  await page.getByTestId('nav-profit').click();
  const table = page.getByTestId('profit-table');
  await expect(table.locator('tbody tr')).toHaveCount(34);
  const engineers = await table.locator('tbody tr td:nth-child(4)').allTextContents();
  await expect(table.locator('tfoot td:nth-child(4)')).toHaveText(String(engineers.reduce((sum, n) => sum + Number(n), 0)));
  // 甘肃's direct team costs more than the province earns: flagged.
  await expect(table.locator('tbody tr.row-alert', { hasText: '甘肃省' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('profit.png') });
});
