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

test('picks a channel and type and starts from its template', async ({ page }) => {
  const ui = builderPage(page);
  await page.goto(serve.url);
  await test.step('a fresh builder offers quick starts', async () => {
    await ui.start('sms').click();
    await expect(ui.input('/text')).toHaveValue('Hello from Vonage');
  });
  await test.step('the pickers filter by typing and pick with Enter', async () => {
    await ui.pick('builder-channel', 'whats');
    await expect(ui.channel).toContainText('WhatsApp');
    await ui.pick('builder-type', 'templ');
    await expect(ui.type).toContainText('template');
    await expect(ui.jsonContent).toContainText('"message_type": "template"');
    await expect(ui.input('/template/name')).toHaveValue('my_namespace:welcome');
    await expect(ui.field('/whatsapp/locale').locator('.field-required')).toBeVisible();
  });
});
