import { expect, test } from './fixtures';
import { builderPage, palette } from './pages/builder';

test('Ctrl/Cmd+K jumps to a page, a channel and type, and a saved request', async ({ page, serve }) => {
  const ui = builderPage(page);
  const commands = palette(page);
  await page.goto(serve.url);
  await test.step('a channel and type, from another page', async () => {
    await page.getByTestId('nav-settings').click();
    await commands.run('viber video v1');
    await expect(commands.dialog).toBeHidden();
    await expect(ui.jsonContent).toContainText('"channel": "viber_service"');
    await expect(ui.type).toContainText('video');
  });
  await test.step('save it with Ctrl/Cmd+S, then reopen it after starting another', async () => {
    await ui.input('/to').click();
    await page.keyboard.press('ControlOrMeta+S');
    await expect(ui.savedNotice).toContainText('viber_service · v1 · 447700900000');
    await commands.run('sms text v1');
    await expect(ui.jsonContent).toContainText('"channel": "sms"');
    await commands.run('saved viber_service');
    await expect(ui.jsonContent).toContainText('"channel": "viber_service"');
  });
  await test.step('an error code opens its explanation', async () => {
    await commands.run('1300');
    await expect(page).toHaveURL(/#\/explain\/1300$/);
    await expect(page.locator('[data-testid="explainer-match"][data-key="1300"]')).toBeVisible();
  });
  await test.step('a page', async () => {
    await commands.run('explainer');
    await expect(page.getByTestId('explainer-search')).toBeVisible();
  });
  await test.step('arrows move and Escape closes', async () => {
    await page.keyboard.press('ControlOrMeta+K');
    await commands.input.press('ArrowDown');
    await expect(commands.items.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(commands.dialog).toBeHidden();
  });
});
