// 网络规划 / Network: optimising scenarios, the map by mode, and scenarios made on screen.
import { expect, testOnFreshDemo } from './fixture';
import { openScreen } from './pages/shell';
import { readStore } from './pages/store';

const test = testOnFreshDemo();

test('network view optimises base and a scenario, colours the map by mode and explains 甘肃', async ({ page, app }, testInfo) => {
  test.setTimeout(90_000);
  await openScreen(page, app, 'network');
  await page.locator('.scenario-choice', { hasText: '合作费 −10%' }).click();
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
  // The plan's bases and certified shops are drawn over the mode colours.
  await expect(page.getByTestId('choropleth')).not.toHaveAttribute('data-rendered-points', '0');
});

test('network view: a planner creates a scenario on screen, compares it, then deletes it', async ({ page, app }, testInfo) => {
  test.setTimeout(90_000);
  await openScreen(page, app, 'network');
  await page.getByTestId('scenario-new').click();
  const editor = page.getByTestId('scenario-editor');
  await page.getByTestId('scenario-name').fill('业务量 +30%');
  await page.getByTestId('scenario-demandChange').fill('lots');
  await page.getByTestId('scenario-save').click();
  await expect(editor.locator('.field-error')).toHaveText('请填写数字');
  await page.getByTestId('scenario-demandChange').fill('+30');
  await page.getByTestId('scenario-urgentTarget').fill('85');
  await page.getByTestId('scenario-forcedMode').selectOption('partner');
  await page.screenshot({ path: testInfo.outputPath('network-scenario-editor.png'), fullPage: true });
  await page.getByTestId('scenario-save').click();
  await expect(editor).toHaveCount(0);
  const choice = page.locator('.scenario-choice', { hasText: '业务量 +30%' });
  await expect(choice.locator('input')).toBeChecked();
  await page.getByTestId('network-optimise').click();
  const table = page.getByTestId('network-table');
  await expect(table.locator('thead')).toContainText('业务量 +30% 较基准', { timeout: 60_000 });
  // 甘肃 was chosen on the map, so the scenario forces it partner-led; more volume brings more profit in total.
  await expect(table.locator('tfoot td').last()).toHaveText(/^\+/);

  const row = readStore(app, (db) => db.prepare("SELECT overrides FROM network_scenarios WHERE name = '业务量 +30%'").get() as { overrides: string });
  expect(JSON.parse(row.overrides)).toEqual({ demandMultiplier: 1.3, urgentCoverageTarget: 0.85, forcedModes: { '620000': 'partner' } });

  await page.getByTestId('scenario-edit').selectOption('业务量 +30%');
  await expect(page.getByTestId('scenario-demandChange')).toHaveValue('30');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('scenario-delete').click();
  await expect(choice).toHaveCount(0);
});
