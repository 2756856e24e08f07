// 利润分析 / Profit: the provinces mapped and ranked, drill-down, exports, the value matrix and comparisons.
import fs from 'node:fs';
import { expect, testOnFreshDemo } from './fixture';
import { moneyOf } from './pages/profit';
import { openScreen } from './pages/shell';

const test = testOnFreshDemo();

test('maps and ranks the provinces, with totals that add up and 甘肃 in the red', async ({ page, app }, testInfo) => {
  await openScreen(page, app, 'profit');
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

test('drills down from 甘肃 to its three engineers', async ({ page, app }, testInfo) => {
  await openScreen(page, app, 'profit');
  await page.getByTestId('pnl-table').locator('tbody tr[data-adcode="620000"]').click();
  await expect(page.getByTestId('drill-engineers').locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('profit-drilldown.png') });
});

test('exports the table as CSV and XLSX', async ({ page, app }) => {
  await openScreen(page, app, 'profit');
  await expect(page.getByTestId('pnl-table').locator('tbody tr')).toHaveCount(34);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^service-atlas-pnl-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(36);
  expect(text).toContain('甘肃省');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = fs.readFileSync(await xlsx.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('places 甘肃 among the cost sinks and compares it with 北京', async ({ page, app }, testInfo) => {
  await openScreen(page, app, 'profit');
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
