// The first screen: the map of China with its layers, a province's detail panel, and the language switch.
import { expect, testOnFreshDemo } from './fixture';
import { openApp, provinceMap } from './pages/shell';

const test = testOnFreshDemo();

test('opens on the demo data in Chinese, with all 34 provinces drawn on the map', async ({ page, app }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page, app);
  // The token went into a cookie: the address bar no longer shows it.
  expect(page.url()).toBe(`${app.origin}/`);
  await expect(page.getByTestId('nav-dispatch')).toHaveText('区域调度');
  await expect(page.getByTestId('status-bar')).toContainText('浏览器模式');
  await expect(page.getByTestId('status-bar')).toContainText('demo.db');
  await expect(provinceMap(page)).toHaveAttribute('data-rendered-provinces', '34');
  await expect(provinceMap(page)).toHaveAttribute('data-rendered-engineers', '120');
  await expect(provinceMap(page)).not.toHaveAttribute('data-rendered-tickets', '0');
  await expect(page.locator('.province-label', { hasText: '甘肃' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dispatch-zh.png') });
  expect(errors).toEqual([]);
});

test('toggles a layer off and on again', async ({ page, app }) => {
  await openApp(page, app);
  const shopsDrawn = async () => Number(await provinceMap(page).getAttribute('data-rendered-shops'));
  await expect.poll(shopsDrawn).toBeGreaterThan(300);
  await page.getByTestId('toggle-shops').uncheck();
  await expect(provinceMap(page)).toHaveAttribute('data-rendered-shops', '0');
  await expect(provinceMap(page)).toHaveAttribute('data-rendered-engineers', '120');
  await page.getByTestId('toggle-shops').check();
  await expect.poll(shopsDrawn).toBeGreaterThan(300);
});

test('shows a province in the detail panel: 甘肃 and its three engineers', async ({ page, app }, testInfo) => {
  await openApp(page, app);
  await page.getByTestId('region-select').selectOption('620000');
  const detail = page.getByTestId('detail-province');
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText('甘肃省');
  await expect(detail).toContainText('直营工程师3');
  await expect(detail.locator('.compact-list li')).toHaveCount(3);
  await expect(detail).toContainText('万元');
  await page.screenshot({ path: testInfo.outputPath('detail-gansu.png') });
});

test('a click on the map opens the clicked province', async ({ page, app }) => {
  await openApp(page, app);
  const box = await provinceMap(page).boundingBox();
  if (!box) throw new Error('map has no box');
  // The middle of the map of China lies in the western interior, away from any point layer.
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
  await expect(page.getByTestId('detail-province').getByRole('heading', { level: 2 })).toHaveText(/省|自治区/);
});

test('switches to English and keeps the choice', async ({ page, app }, testInfo) => {
  await openApp(page, app);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('nav-dispatch')).toHaveText('Dispatch');
  await expect(page.getByTestId('nav-profit')).toHaveText('Profit');
  await expect(page.getByTestId('status-bar')).toContainText('Browser mode');
  await expect(page.locator('.province-label', { hasText: 'Gansu' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('nav-dispatch')).toHaveText('Dispatch');
  await expect(provinceMap(page)).toHaveAttribute('data-rendered-provinces', '34');
  await page.screenshot({ path: testInfo.outputPath('dispatch-en.png') });
});
