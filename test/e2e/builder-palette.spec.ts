import { makeCollectionDir } from '../support/collections-fixtures';
import { writeRunnerCollection } from '../support/collections-runner-fixture';
import { expect, test } from './fixtures';
import { builderPage, palette } from './pages/builder';
import { collectionsPage } from './pages/collections';

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

test('the RCS starter is a rich card with suggestions; pickers and palette find types by their words, codes and collection requests', async ({
  page,
  serve,
}) => {
  const ui = builderPage(page);
  const commands = palette(page);
  await page.goto(serve.url);
  await test.step('the RCS starter builds a valid card with suggestion chips', async () => {
    await ui.start('rcs').click();
    await expect(ui.type).toContainText('card');
    await expect(ui.jsonContent).toContainText('"message_type": "card"');
    await expect(ui.jsonContent).toContainText('"suggestions"');
    await expect(ui.issueErrors).toHaveCount(0);
    await expect(ui.fieldErrors('/card')).toHaveCount(0);
  });
  await test.step('the channel picker finds RCS by "card"; the type picker finds card by "rich card"', async () => {
    await ui.pick('builder-channel', 'sms');
    await expect(ui.channel).toContainText('SMS');
    await ui.channel.click();
    await page.getByTestId('builder-channel-filter').fill('card');
    await expect(page.locator('[data-testid="builder-channel-option"][data-value="rcs"]')).toBeVisible();
    await page.keyboard.press('Escape');
    await ui.pick('builder-channel', 'rcs');
    await ui.type.click();
    await page.getByTestId('builder-type-filter').fill('rich card');
    await expect(page.locator('[data-testid="builder-type-option"][data-value="card"]')).toBeVisible();
    await expect(page.locator('[data-testid="builder-type-option"][data-value="text"]')).toHaveCount(0);
    await page.keyboard.press('Escape');
  });
  await test.step('the palette finds "rich card" and an error code', async () => {
    await page.keyboard.press('ControlOrMeta+K');
    await commands.input.fill('rich card');
    await expect(commands.items.first()).toContainText('RCS card');
    await commands.input.fill('1300');
    await expect(commands.items.first()).toContainText('1300');
    await page.keyboard.press('Escape');
  });
  await test.step("the palette finds an open collection's request by name and opens it", async () => {
    const root = await makeCollectionDir();
    await writeRunnerCollection(root, { failing: true });
    await page.goto(`${serve.url}#/collections`);
    await collectionsPage(page).openFolder(root);
    await expect(collectionsPage(page).rows.first()).toBeVisible();
    await commands.run('welcome on whatsapp');
    await expect(page).toHaveURL(/#\/builder$/);
    await expect(ui.jsonContent).toContainText('Welcome! Reply YES to confirm.');
  });
});
