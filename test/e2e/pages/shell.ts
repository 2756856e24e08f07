// The first screen and what every screen shares: the map, the navigation, the status bar.
import { expect, type Locator, type Page } from '@playwright/test';
import type { BrowserModeApp } from '../browserMode';

export const provinceMap = (page: Page): Locator => page.getByTestId('province-map');

/** Opens the app (the token goes into a cookie) and waits until the map has loaded. */
export async function openApp(page: Page, app: BrowserModeApp): Promise<void> {
  await page.goto(app.url);
  await expect(provinceMap(page)).toHaveAttribute('data-loaded', 'true');
}

export async function openScreen(page: Page, app: BrowserModeApp, screen: 'network' | 'profit' | 'data'): Promise<void> {
  await openApp(page, app);
  await page.getByTestId(`nav-${screen}`).click();
}
