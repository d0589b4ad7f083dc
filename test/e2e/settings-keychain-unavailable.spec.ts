import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { settingsPage } from './pages/settings';

let serve: ServeProcess;

test.beforeAll(async () => {
  // A session bus that is not there: the serve child cannot reach any keychain.
  serve = await startServe({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/workbench-test-bus' } });
});

test.afterAll(async () => {
  await serve.stop();
});

test('saving a secret without a keychain shows KEYCHAIN_UNAVAILABLE with its hint, and stores nothing', async ({
  page,
}) => {
  const ui = settingsPage(page);
  // Short enough that the dialog scrolls: the error must still be where Save is.
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(`${serve.url}#/settings`);
  await ui.newProfile.click();
  await ui.fillProfile({ name: 'No keychain', apiKey: 'key12345', apiSecret: 'Zq7Wx2Lm9Pd4cd12' });
  await ui.dialog.save.click();
  await expect(ui.dialog.formError).toHaveAttribute('data-code', 'KEYCHAIN_UNAVAILABLE');
  // Where the user is looking: beside Save, in view, and focused for a keyboard or screen-reader user.
  await expect(ui.dialog.formError).toBeInViewport();
  await expect(ui.dialog.save).toBeInViewport();
  await expect(ui.dialog.formError).toBeFocused();
  // Plain words first; the system's own text only behind Details.
  await expect(ui.dialog.formError).toContainText(
    'The profile was not saved. The system keychain cannot be reached from here',
  );
  await expect(ui.dialog.formErrorDetail).toBeHidden();
  await ui.dialog.formErrorDetails.click();
  await expect(ui.dialog.formErrorDetail).toBeVisible();
  await expect(ui.dialog.formErrorDetail).not.toBeEmpty();

  await page.keyboard.press('Escape');
  await expect(ui.dialog.root).toBeHidden();
  await expect(ui.keychainBanner).toBeVisible();
  await expect(ui.keychainBanner).toContainText('DBUS_SESSION_BUS_ADDRESS');
  await expect(ui.empty).toBeVisible();
});
