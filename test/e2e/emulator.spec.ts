import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { builderPage } from './pages/builder';
import { emulatorPage } from './pages/emulator';
import { callContract } from './pages/timeline';

let serve: ServeProcess;

test.beforeEach(async ({ page }) => {
  serve = await startServe();
  await page.goto(`${serve.url}#/emulator`);
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

test('shows the running emulator, the api key it accepts and an SDK snippet pointing at it', async ({ page }) => {
  const ui = emulatorPage(page);
  await expect(ui.running).toHaveText('running');
  await expect(ui.url).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(ui.apiKey).toHaveText(/^[0-9a-f]{8}$/);
  await expect(ui.applicationId).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(ui.statusUrl).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\//);
  const url = await ui.url.textContent();
  await expect(ui.sdkSnippet).toContainText(`apiHost: process.env.VONAGE_API_HOST ?? '${url}'`);
  await expect(ui.sdkSnippet).toContainText(`'${await ui.apiKey.textContent()}'`);
  await test.step('the documented default set is in force', async () => {
    await expect(ui.rules.first()).toHaveAttribute('aria-label', /Not on the provider network \(1300\)/);
    await expect(ui.rules.first().getByTestId('emulator-rule-explain')).toHaveAttribute('href', '#/explain/1300');
  });
});

test('a saved rule decides what happens to a matching send from the builder', async ({ page }) => {
  const ui = emulatorPage(page);
  const builder = builderPage(page);
  // Count the default rules once they are on the page, not while it still loads.
  await expect(ui.rules.first()).toBeVisible();
  const count = await ui.rules.count();
  await test.step('add a rule, move it to the top and save', async () => {
    await ui.addRule.click();
    await expect(ui.rules).toHaveCount(count + 1);
    await ui.ruleInput(`/rules/${count}/name`).fill('Already sent (1320)');
    await ui.ruleInput(`/rules/${count}/match/to/endsWith`).fill('7777');
    await ui.ruleInput(`/rules/${count}/outcome/code`).fill('1320');
    await ui.ruleUp(count).focus();
    await page.keyboard.press('Enter');
    // The focus follows the moved rule, so Enter again keeps moving it.
    await expect(ui.ruleUp(count - 1)).toBeFocused();
    await expect(ui.ruleInput(`/rules/${count - 1}/name`)).toHaveValue('Already sent (1320)');
    for (let index = count - 1; index > 0; index--) await ui.ruleUp(index).click();
    await expect(ui.ruleInput('/rules/0/name')).toHaveValue('Already sent (1320)');
    await expect(ui.scenarioState).toHaveAttribute('data-dirty', 'true');
    await ui.save.click();
    await expect(ui.scenarioState).toHaveAttribute('data-dirty', 'false');
    await expect(ui.scenarioState).toContainText('Saved');
  });
  await test.step('a reload shows the saved order from the core', async () => {
    await page.reload();
    await expect(ui.ruleInput('/rules/0/name')).toHaveValue('Already sent (1320)');
    await expect(ui.rules.first().getByTestId('emulator-rule-explain')).toHaveAttribute('href', '#/explain/1320');
  });
  await test.step('a send to a matching recipient is rejected with that code', async () => {
    await page.goto(`${serve.url}#/builder`);
    await builder.start('sms').click();
    await builder.input('/to').fill('447700907777');
    await builder.send.click();
    await expect(builder.responseStatus).toContainText('202');
    await expect(builder.threadEntries.last()).toHaveAttribute('data-status', 'rejected');
  });
  await test.step('the activity list shows the call, the rule it matched and the rejected webhook', async () => {
    await ui.nav.click();
    await expect(ui.requestRows.first()).toHaveAttribute('data-status', '202');
    await expect(ui.requestRows.first()).toContainText('Already sent (1320)');
    await expect(ui.activityRows.and(page.locator('[data-kind="webhook"][data-label="rejected"]'))).toHaveCount(1);
  });
  await test.step('after a reload the activity is still there, each entry once', async () => {
    const shown = await ui.activityRows.count();
    await page.reload();
    await expect(ui.requestRows.first()).toContainText('Already sent (1320)');
    await expect(ui.activityRows.and(page.locator('[data-kind="webhook"][data-label="rejected"]'))).toHaveCount(1);
    await expect(ui.activityRows).toHaveCount(shown);
  });
});

test('Clear empties the activity in the core: it stays empty after a reload and in every other window', async ({
  page,
  browser,
}) => {
  const ui = emulatorPage(page);
  const otherContext = await browser.newContext();
  try {
    const other = emulatorPage(await otherContext.newPage());
    await test.step('a send shows in this window and in another one', async () => {
      await callContract(page, 'send.message', {
        operation: {
          kind: 'send',
          api: 'v1',
          payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'clear me' },
        },
      });
      await expect(ui.requestRows).toHaveCount(1);
      await other.root.page().goto(`${serve.url}#/emulator`);
      await expect(other.requestRows).toHaveCount(1);
    });
    await test.step('Clear empties both windows', async () => {
      await ui.activityClear.click();
      await expect(ui.activityEmpty).toBeVisible();
      await expect(other.activityEmpty).toBeVisible();
    });
    await test.step('a reload and a window opened afterwards find it empty', async () => {
      await page.reload();
      await expect(ui.running).toHaveText('running');
      await expect(ui.activityEmpty).toBeVisible();
      const late = emulatorPage(await otherContext.newPage());
      await late.root.page().goto(`${serve.url}#/emulator`);
      await expect(late.running).toHaveText('running');
      await expect(late.activityEmpty).toBeVisible();
    });
  } finally {
    await otherContext.close();
  }
});

test('an invalid rule is refused at its field, in the form and in the JSON', async ({ page }) => {
  const ui = emulatorPage(page);
  await ui.ruleInput('/rules/1/outcome/code').fill('9999');
  await ui.save.click();
  await expect(ui.ruleError('/rules/1/outcome/code')).toContainText('is not a Messages API error code');
  await expect(ui.ruleInput('/rules/1/outcome/code')).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.scenarioError).toHaveAttribute('data-code', 'SCENARIO_INVALID');
  await expect(ui.scenarioState).toHaveAttribute('data-dirty', 'true');
  await ui.modeJson.click();
  await expect(ui.json.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(ui.json.locator('.cm-lintRange-error')).toContainText('"code": 9999');
});

test('a scenario file is loaded, checked and put in force', async ({ page }) => {
  const ui = emulatorPage(page);
  const file = { rules: [{ name: 'Everything slow', match: {}, outcome: { kind: 'slow', delayMs: 10 } }] };
  await ui.fileInput.setInputFiles({
    name: 'scenarios.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(ui.rules).toHaveCount(1);
  await expect(ui.scenarioState).toContainText('Saved');
  await page.reload();
  await expect(ui.rules).toHaveCount(1);
  await expect(ui.ruleInput('/rules/0/name')).toHaveValue('Everything slow');
});

test('the phone posts an inbound WhatsApp text that the receiver answers with 200', async ({ page }) => {
  const ui = emulatorPage(page);
  await ui.phone.channel.selectOption('whatsapp');
  await ui.phone.type.selectOption('text');
  await ui.phone.from.fill('447700900123');
  await ui.phone.text.fill('Hi from the phone');
  await ui.phone.send.click();
  await expect(ui.phone.result).toHaveAttribute('data-delivered', 'true');
  const messageUuid = (await ui.phone.result.locator('code').textContent())!;
  const webhook = ui.webhookRows(messageUuid);
  await expect(webhook).toHaveCount(1);
  await expect(webhook).toHaveAttribute('data-target', 'inbound');
  await expect(webhook).toHaveAttribute('data-label', 'text');
  await expect(webhook).toHaveAttribute('data-attempt', '1');
  await expect(webhook).toHaveAttribute('data-status', '200');
  await ui.phone.show.click();
  await expect(webhook).toHaveAttribute('data-highlighted', 'true');
});

test('a new rule takes the focus and says it matches every message until a test narrows it; Save stays in reach', async ({
  page,
}) => {
  const ui = emulatorPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(ui.rules.first()).toBeVisible();
  const count = await ui.rules.count();
  await ui.addRule.click();
  const added = ui.rules.nth(count);
  await expect(ui.ruleInput(`/rules/${count}/name`)).toBeFocused();
  await expect(added.getByTestId('emulator-rule-matches-all')).toBeVisible();
  await expect(ui.ruleInput(`/rules/${count}/match/to/endsWith`)).toHaveValue('');
  await ui.ruleInput(`/rules/${count}/match/to/endsWith`).fill('7777');
  await expect(added.getByTestId('emulator-rule-matches-all')).toBeHidden();
  await expect(ui.save).toBeInViewport();
  await ui.save.click();
  await expect(ui.scenarioState).toHaveAttribute('data-dirty', 'false');
  const saved = await callContract(page, 'emulator.scenarios', {});
  expect(saved.rules.at(-1)?.match).toEqual({ to: { endsWith: '7777' } });
});
