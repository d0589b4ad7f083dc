import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { builderPage } from './pages/builder';

let serve: ServeProcess;

test.beforeEach(async () => {
  serve = await startServe();
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`builder and explainer screenshots, ${colorScheme}`, async ({ page }, testInfo) => {
    const ui = builderPage(page);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(serve.url);
    await ui.start('whatsapp').click();
    await ui.input('/to').fill('+447700900000');
    await expect(ui.fieldWarnings('/to')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`builder-${colorScheme}.png`) });
    await page.goto(`${serve.url}#/explain/1300`);
    await expect(page.getByTestId('explainer-match')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`explainer-${colorScheme}.png`) });
  });
}
