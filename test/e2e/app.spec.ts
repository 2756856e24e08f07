import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
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

test('network view: a planner creates a scenario on screen, compares it, then deletes it', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByTestId('nav-network').click();
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

  const stored = new BetterSqlite3(app.databaseFile, { readonly: true });
  const row = stored.prepare("SELECT overrides FROM network_scenarios WHERE name = '业务量 +30%'").get() as { overrides: string };
  stored.close();
  expect(JSON.parse(row.overrides)).toEqual({ demandMultiplier: 1.3, urgentCoverageTarget: 0.85, forcedModes: { '620000': 'partner' } });

  await page.getByTestId('scenario-edit').selectOption('业务量 +30%');
  await expect(page.getByTestId('scenario-demandChange')).toHaveValue('30');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('scenario-delete').click();
  await expect(choice).toHaveCount(0);
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
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(36);
    expect(text).toContain('甘肃省');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync(await xlsx.path());
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

// Last: it writes to the shared demo database (and restores it to a backup taken after its own import).
test('imports customers through check, preview and confirm, exports a table, backs up and restores', async ({ page }, testInfo) => {
  const store = () => new BetterSqlite3(app.databaseFile, { readonly: true });
  const importedCustomers = () => {
    const db = store();
    try {
      return db.prepare("SELECT external_id FROM customers WHERE external_id LIKE 'E2E-%' ORDER BY external_id").pluck().all();
    } finally {
      db.close();
    }
  };
  const csvFile = (name: string, rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(['客户编号,客户名称,客户等级,省份,城市,经度,纬度', ...rows].join('\r\n'), 'utf8') });

  await openApp(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('import-file').setInputFiles(csvFile('bad.csv', ['E2E-1,兰州甲公司,重点,甘肃,兰州,103.83,36.06', 'E2E-2,乙公司,vip,甘肃,,103.8,36.1', 'E2E-3,<img src=x onerror="window.__xss=1">丙公司,普通,甘肃,,116.40,39.90']));
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
  expect(importedCustomers()).toEqual([]);

  await page.getByTestId('import-file').setInputFiles(csvFile('good.csv', ['E2E-1,兰州甲公司,重点,甘肃,兰州,103.83,36.06', 'E2E-2,乙公司,中等,甘肃,,103.8,36.1']));
  await expect(page.getByTestId('import-commit')).toHaveText('确认导入 (2)');
  await expect(page.getByTestId('map-name')).toHaveValue('客户名称');
  await page.screenshot({ path: testInfo.outputPath('data-import-preview.png'), fullPage: true });
  expect(importedCustomers()).toEqual([]);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 2');
  expect(importedCustomers()).toEqual(['E2E-1', 'E2E-2']);

  await page.getByTestId('export-table').selectOption('customers');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('table-export-csv').click()]);
  expect(exported.suggestedFilename()).toBe('service-atlas-customers.csv');
  expect(fs.readFileSync(await exported.path(), 'utf8')).toContain('E2E-2,乙公司,mid');

  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('data-backup.png') });
  await page.getByTestId('import-file').setInputFiles(csvFile('late.csv', ['E2E-9,后来的客户,普通,甘肃,,103.8,36.1']));
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('新增 1');
  expect(importedCustomers()).toEqual(['E2E-1', 'E2E-2', 'E2E-9']);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByTestId('backup-message')).toHaveText('已恢复，正在重新加载…');
  await expect(map(page)).toHaveAttribute('data-loaded', 'true'); // reloaded, on the first screen again
  expect(importedCustomers()).toEqual(['E2E-1', 'E2E-2']);
});

test('dispatches a day: optimise, drag a job to another engineer with the check shown, lock, re-optimise, hand to a partner, undo, publish', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const store = () => new BetterSqlite3(app.databaseFile, { readonly: true });
  // Tall enough for all 18 of 广东's engineers on the board at once: a drag cannot scroll the board on its way.
  await page.setViewportSize({ width: 1366, height: 1500 });
  await openApp(page);
  await page.getByTestId('region-select').selectOption('440000');
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-progress')).toBeVisible();
  await expect(page.getByTestId('plan-summary')).toBeVisible({ timeout: 60_000 });
  await expect(map(page)).not.toHaveAttribute('data-route-stops', '0');
  await expect(page.getByTestId('plan-board').locator('.board-block.service').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dispatch-1-optimised.png') });

  /** Drags a job (from the board or the list) onto an engineer's row, just after the job it should follow. */
  const dragOnto = async (source: Locator, engineer: number, position: number) => {
    const track = page.getByTestId(`board-row-${engineer}`).locator('.board-track');
    const box = (await track.boundingBox())!;
    const before = position === 0 ? null : await track.locator('.board-block.service').nth(position - 1).boundingBox();
    await source.hover();
    await page.mouse.down();
    await page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move((before ? before.x : box.x) + 3, box.y + box.height / 2, { steps: 5 });
  };
  const verdict = page.getByTestId('move-verdict');

  // A job on the board dragged to another engineer: the check (driving, kilometres, SLA, broken rules) shows before
  // the drop; a move that breaks a rule is refused and the job stays where it was.
  const firstJob = page.getByTestId('plan-board').locator('.board-block.service').first();
  const firstId = (await firstJob.getAttribute('data-testid'))!;
  const firstRow = (await firstJob.evaluate((el) => el.closest('.board-row')!.getAttribute('data-testid')))!;
  const otherRow = (await page.locator('.board-row').evaluateAll((rows, from) => rows.map((r) => r.getAttribute('data-testid')!).filter((id) => id !== from), firstRow))[0]!;
  await dragOnto(firstJob, Number(otherRow.replace('board-row-', '')), 0);
  await expect(verdict).toContainText('车程');
  const accepted = (await verdict.textContent())!.includes('✓');
  await page.mouse.up();
  await expect(page.getByTestId(accepted ? otherRow : firstRow).getByTestId(firstId)).toBeVisible();

  /** A job on the board whose route keeps its rules without it and that a partner shop can take (the panel says so). */
  const jobToHandOff = async () => {
    const unlocked = page.getByTestId('plan-board').locator('.board-block.service:not(.locked)');
    for (let i = 0; i < (await unlocked.count()); i++) {
      const id = Number((await unlocked.nth(i).getAttribute('data-testid'))!.replace('board-job-', ''));
      await unlocked.nth(i).click();
      await expect(page.locator(`[data-testid=insertion-options][data-ticket="${id}"]`)).toBeVisible();
      if ((await page.getByTestId('leaving-warning').count()) === 0 && (await page.getByTestId('hand-to-partner').count()) > 0) return id;
    }
    throw new Error('no job on the board can go to a partner');
  };

  // A job handed to a partner, pulled back onto the engineer the panel offers for it: accepted, and on that row. The
  // plan may have left no room for the jobs it handed off, so the dispatcher hands one off first: its place is free.
  const ticketId = await jobToHandOff();
  await page.getByTestId('hand-to-partner').click();
  const item = page.getByTestId(`list-job-${ticketId}`);
  await item.getByRole('button').click();
  const option = page.locator(`[data-testid=insertion-options][data-ticket="${ticketId}"]`).getByTestId('insertion-option').first();
  const target = { engineer: Number(await option.getAttribute('data-engineer')) };
  await dragOnto(item, target.engineer, Number(await option.getAttribute('data-position')));
  await expect(verdict).toContainText('✓');
  await page.screenshot({ path: testInfo.outputPath('dispatch-2-drag-check.png') });
  await page.mouse.up();
  await expect(page.getByTestId(`board-row-${target.engineer}`).getByTestId(`board-job-${ticketId}`)).toBeVisible();

  // Lock it there and re-optimise the rest: it stays.
  await expect(page.getByTestId(`board-job-${ticketId}`)).toHaveClass(/selected/);
  await page.getByTestId('ticket-lock').click();
  await expect(page.getByTestId(`board-job-${ticketId}`)).toHaveClass(/locked/);
  await page.getByTestId('plan-reoptimise').click();
  await expect(page.getByTestId('plan-progress')).toBeVisible();
  await expect(page.getByTestId('plan-progress')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId(`board-row-${target.engineer}`).getByTestId(`board-job-${ticketId}`)).toHaveClass(/locked/);
  await page.screenshot({ path: testInfo.outputPath('dispatch-3-locked-reoptimised.png') });

  // Hand another job to the best partner shop (one whose route keeps its rules without it); undo brings it back, redo
  // hands it off again.
  const otherId = await jobToHandOff();
  const handTo = page.getByTestId('hand-to-partner');
  const shopName = ((await handTo.textContent()) ?? '').replace(/^交给\s*/, '');
  await handTo.click();
  await expect(page.getByTestId(`board-job-${otherId}`)).toHaveCount(0);
  await expect(page.getByTestId('unassigned-list')).toContainText(shopName);
  await page.getByTestId('plan-undo').click();
  await expect(page.getByTestId(`board-job-${otherId}`)).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId(`board-job-${otherId}`)).toHaveCount(0);

  // A call comes in: a new urgent ticket, created with its SLA clock and placed at the best place offered for it.
  await page.getByTestId('call-in-open').click();
  await page.getByTestId('call-in-customer').fill('CUS-0');
  await page.getByTestId('call-in-form').locator('.matches button').first().click();
  await page.getByTestId('call-in-fault').fill('冷库温度报警');
  await page.getByTestId('call-in-form').getByRole('checkbox', { name: 'refrigeration' }).check();
  await page.getByTestId('call-in-submit').click();
  await expect(page.getByTestId('ticket-actions')).toContainText(/^M\d{8}-0001/);
  await expect(page.getByTestId('unassigned-list')).toContainText(/M\d{8}-0001/);
  // It is unassigned: hand it to the best partner shop the panel offers.
  await expect(page.getByTestId('unassigned-list')).toContainText(/M\d{8}-0001 .*/);
  const callInShop = ((await page.getByTestId('hand-to-partner').textContent()) ?? '').replace(/^交给\s*/, '').trim();
  await page.getByTestId('hand-to-partner').click();
  await expect(page.getByTestId('unassigned-list')).toContainText(new RegExp(`M\\d{8}-0001 → ${callInShop}`));
  await page.screenshot({ path: testInfo.outputPath('dispatch-4-call-in.png') });

  // Publish: the store has the tickets scheduled with engineer and ETA, and the handed-off one assigned to the shop.
  await page.getByTestId('plan-publish').click();
  await expect(page.getByTestId('plan-published')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dispatch-5-published.png') });
  // Route sheets: one engineer's as CSV (address, window, ETA), and the printed day as one page per engineer.
  const engineerName = (await page.getByTestId(`board-row-${target.engineer}`).locator('.board-name strong').textContent())!;
  await page.getByTestId('route-sheet-engineer').selectOption(String(target.engineer));
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-route-sheets').click()]);
  const sheetRows = fs.readFileSync(await sheet.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(sheetRows[0]).toContain('地址 address');
  expect(sheetRows.length).toBeGreaterThan(1);
  expect(sheetRows.slice(1).every((row) => row.startsWith(`${engineerName},`))).toBe(true);
  await page.getByTestId('route-sheet-engineer').selectOption('');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('route-sheets').locator('.route-sheet')).toHaveCount(await page.locator('.board-row').filter({ has: page.locator('.board-block.service') }).count());
  await expect(page.getByTestId('route-sheets')).toContainText(engineerName);
  await page.screenshot({ path: testInfo.outputPath('dispatch-6-route-sheets-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  const db = store();
  try {
    const moved = db.prepare('SELECT status, engineer_id, scheduled_eta FROM tickets WHERE id = ?').get(ticketId) as { status: string; engineer_id: number; scheduled_eta: string };
    expect(moved).toMatchObject({ status: 'scheduled', engineer_id: target.engineer });
    expect(moved.scheduled_eta).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const handed = db.prepare('SELECT t.status, s.name FROM tickets t JOIN partner_shops s ON s.id = t.partner_shop_id WHERE t.id = ?').get(otherId);
    expect(handed).toEqual({ status: 'assigned', name: shopName.trim() });
    const placed = db.prepare("SELECT t.status, t.sla_tier, s.name FROM tickets t JOIN partner_shops s ON s.id = t.partner_shop_id WHERE t.external_id LIKE 'M%-0001'").get();
    expect(placed).toEqual({ status: 'assigned', sla_tier: 'urgent', name: callInShop });
  } finally {
    db.close();
  }
});

test('plans one city of a province: only its engineers on the board', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('region-select').selectOption('440000');
  await page.getByTestId('city-select').selectOption({ label: '深圳' });
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-summary')).toBeVisible({ timeout: 60_000 });
  const db = new BetterSqlite3(app.databaseFile, { readonly: true });
  try {
    const shenzhen = db.prepare("SELECT e.name FROM engineers e JOIN cities c ON c.id = e.home_city_id WHERE c.name_zh = '深圳' ORDER BY e.name").pluck().all() as string[];
    const names = await page.locator('.board-row .board-name strong').allTextContents();
    expect([...names].sort()).toEqual([...shenzhen].sort());
  } finally {
    db.close();
  }
  await page.screenshot({ path: testInfo.outputPath('dispatch-city.png') });
});
