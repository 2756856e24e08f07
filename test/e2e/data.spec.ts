// 数据管理 / Data: imports through check, preview and confirm; table exports; backups taken and restored.
import fs from 'node:fs';
import { expect, testOnFreshDemo } from './fixture';
import { customersCsv, importedCustomers } from './pages/data';
import { openScreen, provinceMap } from './pages/shell';

const test = testOnFreshDemo();

test('imports customers through check, preview and confirm, exports a table, backs up and restores', async ({ page, app }, testInfo) => {
  await openScreen(page, app, 'data');
  await page
    .getByTestId('import-file')
    .setInputFiles(customersCsv('bad.csv', ['E2E-1,兰州甲公司,重点,甘肃,兰州,103.83,36.06', 'E2E-2,乙公司,vip,甘肃,,103.8,36.1', 'E2E-3,<img src=x onerror="window.__xss=1">丙公司,普通,甘肃,,116.40,39.90']));
  await expect(page.getByTestId('import-problem-count')).toHaveText('2 个问题，未写入任何数据');
  const problems = page.getByTestId('import-problems').locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3客户等级vip必须是以下之一');
  await expect(problems.nth(1)).toContainText('4经度116.40坐标不在所填省份内，而在北京市');
  // Markup in a cell is shown as the text it is, never run.
  await expect(page.getByTestId('import-sample').locator('tbody tr').nth(2)).toContainText('<img src=x onerror="window.__xss=1">丙公司');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.screenshot({ path: testInfo.outputPath('data-import-problems.png'), fullPage: true });
  const [rejects] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-rejects').click()]);
  expect(fs.readFileSync(await rejects.path(), 'utf8')).toContain('E2E-2,乙公司,vip');
  expect(importedCustomers(app)).toEqual([]);

  await page.getByTestId('import-file').setInputFiles(customersCsv('good.csv', ['E2E-1,兰州甲公司,重点,甘肃,兰州,103.83,36.06', 'E2E-2,乙公司,中等,甘肃,,103.8,36.1']));
  await expect(page.getByTestId('import-commit')).toHaveText('确认导入 (2)');
  await expect(page.getByTestId('map-name')).toHaveValue('客户名称');
  await page.screenshot({ path: testInfo.outputPath('data-import-preview.png'), fullPage: true });
  expect(importedCustomers(app)).toEqual([]);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 2');
  expect(importedCustomers(app)).toEqual(['E2E-1', 'E2E-2']);

  await page.getByTestId('export-table').selectOption('customers');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export-csv').click()]);
  expect(exported.suggestedFilename()).toBe('service-atlas-customers.csv');
  expect(fs.readFileSync(await exported.path(), 'utf8')).toContain('E2E-2,乙公司,mid');

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('data-backup.png') });
  await page.getByTestId('import-file').setInputFiles(customersCsv('late.csv', ['E2E-9,后来的客户,普通,甘肃,,103.8,36.1']));
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 1');
  expect(importedCustomers(app)).toEqual(['E2E-1', 'E2E-2', 'E2E-9']);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByTestId('backup-message')).toHaveText('已恢复，正在重新加载…');
  await expect(provinceMap(page)).toHaveAttribute('data-loaded', 'true'); // reloaded, on the first screen again
  expect(importedCustomers(app)).toEqual(['E2E-1', 'E2E-2']);
});
