// The dispatcher's board: dragging jobs between engineers' rows, and finding a job a partner shop can take.
import { expect, type Locator, type Page } from '@playwright/test';

export const moveVerdict = (page: Page): Locator => page.getByTestId('move-verdict');

/**
 * Drags a job (from the board or the list) onto an engineer's row, just after the job it should follow, and holds it
 * there: the caller reads the verdict shown while it hovers, then releases with `page.mouse.up()`.
 */
export async function dragOnto(page: Page, source: Locator, engineer: number, position: number): Promise<void> {
  const track = page.getByTestId(`board-row-${engineer}`).locator('.board-track');
  const box = (await track.boundingBox())!;
  const before = position === 0 ? null : await track.locator('.board-block.service').nth(position - 1).boundingBox();
  await source.hover();
  await page.mouse.down();
  await page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move((before ? before.x : box.x) + 3, box.y + box.height / 2, { steps: 5 });
}

/** Selects and returns a job on the board whose route keeps its rules without it and that a partner shop can take (the panel says so). */
export async function jobToHandOff(page: Page): Promise<number> {
  const unlocked = page.getByTestId('plan-board').locator('.board-block.service:not(.locked)');
  for (let i = 0; i < (await unlocked.count()); i++) {
    const id = Number((await unlocked.nth(i).getAttribute('data-testid'))!.replace('board-job-', ''));
    await unlocked.nth(i).click();
    await expect(page.locator(`[data-testid=insertion-options][data-ticket="${id}"]`)).toBeVisible();
    if ((await page.getByTestId('leaving-warning').count()) === 0 && (await page.getByTestId('hand-to-partner').count()) > 0) return id;
  }
  throw new Error('no job on the board can go to a partner');
}

/** The shop name on the "hand to partner" button (交给 …). */
export async function offeredShop(page: Page): Promise<string> {
  return ((await page.getByTestId('hand-to-partner').textContent()) ?? '').replace(/^交给\s*/, '');
}
