import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { builderPage } from './pages/builder';

/** The status bar holds this run's ports and connection state; everything else must match the stored picture. */
const stable = (page: Page) => ({ mask: [page.locator('.status-bar')], maxDiffPixelRatio: 0.01 });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`builder and explainer look as they did, ${colorScheme}`, async ({ page, serve }) => {
    const ui = builderPage(page);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(serve.url);
    await ui.start('whatsapp').click();
    await ui.input('/to').fill('+447700900000');
    await expect(ui.fieldWarnings('/to')).toBeVisible();
    await expect(page).toHaveScreenshot(`builder-${colorScheme}.png`, stable(page));
    await page.goto(`${serve.url}#/explain/1300`);
    await expect(page.getByTestId('explainer-match')).toBeVisible();
    await expect(page).toHaveScreenshot(`explainer-${colorScheme}.png`, stable(page));
  });
}
