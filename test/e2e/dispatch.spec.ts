// 区域调度 / Dispatch: planning a province's or a city's day, editing it on the board, publishing it.
import fs from 'node:fs';
import { expect, testOnFreshDemo } from './fixture';
import { dragOnto, jobToHandOff, moveVerdict, offeredShop } from './pages/dispatchBoard';
import { openApp, provinceMap } from './pages/shell';
import { readStore } from './pages/store';

const test = testOnFreshDemo();

test('dispatches a day: optimise, drag a job to another engineer with the check shown, lock, re-optimise, hand to a partner, undo, publish', async ({ page, app }, testInfo) => {
  test.setTimeout(240_000);
  // Tall enough for all 18 of 广东's engineers on the board at once: a drag cannot scroll the board on its way.
  await page.setViewportSize({ width: 1366, height: 1500 });
  await openApp(page, app);
  await page.getByTestId('region-select').selectOption('440000');
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-progress')).toBeVisible();
  await expect(page.getByTestId('plan-summary')).toBeVisible({ timeout: 60_000 });
  await expect(provinceMap(page)).not.toHaveAttribute('data-route-stops', '0');
  await expect(page.getByTestId('plan-board').locator('.board-block.service').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dispatch-1-optimised.png') });
  const verdict = moveVerdict(page);

  // A job on the board dragged to another engineer: the check (driving, kilometres, SLA, broken rules) shows before
  // the drop; a move that breaks a rule is refused and the job stays where it was.
  const firstJob = page.getByTestId('plan-board').locator('.board-block.service').first();
  const firstId = (await firstJob.getAttribute('data-testid'))!;
  const firstRow = (await firstJob.evaluate((el) => el.closest('.board-row')!.getAttribute('data-testid')))!;
  const otherRow = (await page.locator('.board-row').evaluateAll((rows, from) => rows.map((r) => r.getAttribute('data-testid')!).filter((id) => id !== from), firstRow))[0]!;
  await dragOnto(page, firstJob, Number(otherRow.replace('board-row-', '')), 0);
  await expect(verdict).toContainText('车程');
  const accepted = (await verdict.textContent())!.includes('✓');
  await page.mouse.up();
  await expect(page.getByTestId(accepted ? otherRow : firstRow).getByTestId(firstId)).toBeVisible();

  // A job handed to a partner, pulled back onto the engineer the panel offers for it: accepted, and on that row. The
  // plan may have left no room for the jobs it handed off, so the dispatcher hands one off first: its place is free.
  const ticketId = await jobToHandOff(page);
  await page.getByTestId('hand-to-partner').click();
  const item = page.getByTestId(`list-job-${ticketId}`);
  await item.getByRole('button').click();
  const option = page.locator(`[data-testid=insertion-options][data-ticket="${ticketId}"]`).getByTestId('insertion-option').first();
  const target = { engineer: Number(await option.getAttribute('data-engineer')) };
  await dragOnto(page, item, target.engineer, Number(await option.getAttribute('data-position')));
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
  const otherId = await jobToHandOff(page);
  const shopName = await offeredShop(page);
  await page.getByTestId('hand-to-partner').click();
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
  const callInShop = (await offeredShop(page)).trim();
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

  readStore(app, (db) => {
    const moved = db.prepare('SELECT status, engineer_id, scheduled_eta FROM tickets WHERE id = ?').get(ticketId) as { status: string; engineer_id: number; scheduled_eta: string };
    expect(moved).toMatchObject({ status: 'scheduled', engineer_id: target.engineer });
    expect(moved.scheduled_eta).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const handed = db.prepare('SELECT t.status, s.name FROM tickets t JOIN partner_shops s ON s.id = t.partner_shop_id WHERE t.id = ?').get(otherId);
    expect(handed).toEqual({ status: 'assigned', name: shopName.trim() });
    const placed = db.prepare("SELECT t.status, t.sla_tier, s.name FROM tickets t JOIN partner_shops s ON s.id = t.partner_shop_id WHERE t.external_id LIKE 'M%-0001'").get();
    expect(placed).toEqual({ status: 'assigned', sla_tier: 'urgent', name: callInShop });
  });
});

test('plans one city of a province: only its engineers on the board', async ({ page, app }, testInfo) => {
  await openApp(page, app);
  await page.getByTestId('region-select').selectOption('440000');
  await page.getByTestId('city-select').selectOption({ label: '深圳' });
  await page.getByTestId('plan-optimise').click();
  await expect(page.getByTestId('plan-summary')).toBeVisible({ timeout: 60_000 });
  const shenzhen = readStore(app, (db) => db.prepare("SELECT e.name FROM engineers e JOIN cities c ON c.id = e.home_city_id WHERE c.name_zh = '深圳' ORDER BY e.name").pluck().all() as string[]);
  const names = await page.locator('.board-row .board-name strong').allTextContents();
  expect([...names].sort()).toEqual([...shenzhen].sort());
  await page.screenshot({ path: testInfo.outputPath('dispatch-city.png') });
});
