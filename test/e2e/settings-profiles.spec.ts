import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { generateApplicationKeys, pemBodyLine } from '../support/keyring-fixtures';
import { filesContaining } from '../support/keyring-leak-check';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session';
import { startServe, type ServeProcess } from '../support/serve-process';
import { dropFile } from './pages/file-drop';
import { settingsPage } from './pages/settings';

const apiSecret = 'Zq7Wx2Lm9Pd4cd12';
const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const keys = generateApplicationKeys();
const keyLine = pemBodyLine(keys.privateKeyPem);

let session: KeyringSession;
let serve: ServeProcess;
/** Every WebSocket frame the page received from the core in the current test. */
let framesReceived: string[];

test.beforeAll(async () => {
  session = await startKeyringSession();
});

test.afterAll(async () => {
  await session.stop();
});

test.beforeEach(async ({ page }) => {
  serve = await startServe({ env: { ...session.env } });
  framesReceived = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => framesReceived.push(payload.toString())),
  );
  await page.goto(`${serve.url}#/settings`);
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

async function expectNoSecretReachedThePage(page: Page) {
  const html = await page.content();
  const frames = framesReceived.join('\n');
  for (const secret of [apiSecret, keyLine]) {
    expect(html).not.toContain(secret);
    expect(frames).not.toContain(secret);
    expect(await filesContaining(serve.dataDir, secret)).toEqual([]);
  }
}

test('creates a profile with a secret and a private key, listed masked, still there after a reload', async ({
  page,
}) => {
  const ui = settingsPage(page);
  await expect(ui.empty).toBeVisible();
  await ui.createProfile({
    name: 'Staging',
    baseUrl: 'http://127.0.0.1:9/',
    apiKey: 'key12345',
    applicationId,
    apiSecret,
    privateKeyFile: { name: 'private.key', text: keys.privateKeyPem },
    smsSender: 'Acme',
  });
  await expect(ui.rowApiSecret('Staging')).toHaveText('••••cd12');
  await expect(ui.rowPrivateKey('Staging')).toHaveText(/^RSA key ••••[0-9a-f]{8}$/);
  await expect(ui.rowApiKey('Staging')).toHaveText('key12345');
  await expect(ui.rowTarget('Staging')).toHaveText('http://127.0.0.1:9/');

  await page.reload();
  await expect(ui.rowApiSecret('Staging')).toHaveText('••••cd12');
  await expect(ui.rowPrivateKey('Staging')).toHaveAttribute('data-set', 'true');
  expect(framesReceived.join('\n')).toContain('••••cd12');
  await expectNoSecretReachedThePage(page);
});

test('a Vonage profile targets a region, kept across a reload; the emulator target says regional hosts stay local', async ({
  page,
}) => {
  const ui = settingsPage(page);
  await ui.newProfile.click();
  await expect(ui.dialog.target).toHaveValue('emulator');
  await expect(ui.dialog.emulatorHint).toContainText('api-eu, api-us, api-ap');
  await ui.dialog.name.fill('Europe');
  await ui.dialog.target.selectOption('vonage');
  await expect(ui.dialog.emulatorHint).toBeHidden();
  await expect(ui.dialog.region.locator('option')).toHaveText([
    'Global (api.nexmo.com)',
    'Europe (api-eu.nexmo.com)',
    'United States (api-us.nexmo.com)',
    'Asia Pacific (api-ap.nexmo.com)',
  ]);
  await ui.dialog.region.selectOption('api-eu');
  await ui.dialog.save.click();
  await expect(ui.rowTarget('Europe')).toHaveText('Vonage api-eu');

  await page.reload();
  await ui.edit('Europe').click();
  await expect(ui.dialog.target).toHaveValue('vonage');
  await expect(ui.dialog.region).toHaveValue('api-eu');
});

test('editing with the secret field left empty keeps the secret; "clear" removes it', async ({ page }) => {
  const ui = settingsPage(page);
  await ui.createProfile({ name: 'Staging', apiKey: 'key12345', apiSecret });

  await ui.edit('Staging').click();
  await expect(ui.dialog.apiSecret).toHaveValue('');
  await expect(ui.dialog.apiSecretState).toContainText('••••cd12');
  await ui.dialog.apiKey.fill('key67890');
  await ui.dialog.save.click();
  await expect(ui.dialog.root).toBeHidden();
  await expect(ui.rowApiKey('Staging')).toHaveText('key67890');
  await expect(ui.rowApiSecret('Staging')).toHaveText('••••cd12');

  await ui.edit('Staging').click();
  await ui.dialog.apiSecretClear.check();
  await ui.dialog.save.click();
  await expect(ui.dialog.root).toBeHidden();
  await expect(ui.rowApiSecret('Staging')).toHaveAttribute('data-set', 'false');
  await expectNoSecretReachedThePage(page);
});

test("the core's field errors show next to the field, and Escape closes the dialog", async ({ page }) => {
  const ui = settingsPage(page);
  await ui.newProfile.click();
  await ui.dialog.save.click();
  await expect(ui.dialog.nameError).toBeVisible();
  await expect(ui.dialog.name).toHaveAttribute('aria-invalid', 'true');

  await ui.fillProfile({ name: 'Broken key' });
  await ui.dialog.privateKey.fill('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----');
  await ui.dialog.save.click();
  await expect(ui.dialog.privateKeyError).toContainText('not an RSA private key');
  await expect(ui.dialog.nameError).toBeHidden();

  await page.keyboard.press('Escape');
  await expect(ui.dialog.root).toBeHidden();
  await expect(ui.empty).toBeVisible();
});

test('a profile can be created by keyboard alone, and focus comes back to where it was', async ({ page }) => {
  const ui = settingsPage(page);
  await ui.newProfile.focus();
  await page.keyboard.press('Enter');
  await expect(ui.dialog.name).toBeFocused();
  await page.keyboard.type('Typed');
  await page.keyboard.press('Tab');
  await expect(ui.dialog.target).toBeFocused();
  // Enter in a text field submits the form.
  await ui.dialog.name.press('Enter');
  await expect(ui.dialog.root).toBeHidden();
  await expect(ui.row('Typed')).toBeVisible();
  await expect(ui.newProfile).toBeFocused();
});

test('deletes a profile only after confirming', async ({ page }) => {
  const ui = settingsPage(page);
  await ui.createProfile({ name: 'Old', apiKey: 'key12345', apiSecret });

  await ui.deleteButton('Old').click();
  await expect(ui.deleteDialog.root).toContainText('Delete Old?');
  await page.keyboard.press('Escape');
  await expect(ui.deleteDialog.root).toBeHidden();
  await expect(ui.row('Old')).toBeVisible();

  await ui.deleteButton('Old').click();
  await ui.deleteDialog.confirm.click();
  await expect(ui.deleteDialog.root).toBeHidden();
  await expect(ui.empty).toBeVisible();
  await page.reload();
  await expect(ui.empty).toBeVisible();
});

test('imports pasted .env text and exports the profile without its secrets', async ({ page }) => {
  const ui = settingsPage(page);
  await ui.importEnv.click();
  await ui.importDialog.name.fill('From env');
  await ui.importDialog.text.fill(
    [
      `VONAGE_API_KEY=key12345`,
      `VONAGE_API_SECRET=${apiSecret}`,
      `VONAGE_APPLICATION_ID=${applicationId}`,
      `VONAGE_PRIVATE_KEY="${keys.privateKeyPem.trim().replaceAll('\n', '\\n')}"`,
    ].join('\n'),
  );
  await ui.importDialog.submit.click();
  await expect(ui.importDialog.root).toBeHidden();
  await expect(ui.rowApiSecret('From env')).toHaveText('••••cd12');
  await expect(ui.rowPrivateKey('From env')).toHaveAttribute('data-set', 'true');

  const downloading = page.waitForEvent('download');
  await ui.exportButton('From env').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('from-env.profile.json');
  const exportedText = await readFile(await download.path(), 'utf8');
  expect(exportedText).not.toContain(apiSecret);
  expect(exportedText).not.toContain(keyLine);
  const exported = JSON.parse(exportedText);
  expect(exported).toMatchObject({
    format: 'messages-workbench.profile',
    profile: { name: 'From env', apiKey: 'key12345', applicationId },
  });
  expect(exported.secretsNotExported).toEqual(['apiSecret', 'privateKey']);
  await expectNoSecretReachedThePage(page);
});

test('pasted .env text can be shown; a relative key path imports the rest and asks for the key file', async ({
  page,
}) => {
  const ui = settingsPage(page);
  await ui.importEnv.click();
  await ui.importDialog.name.fill('Relative key');
  await ui.importDialog.text.fill(
    [`VONAGE_API_KEY=key12345`, `VONAGE_API_SECRET=${apiSecret}`, 'VONAGE_PRIVATE_KEY_PATH=./private.key'].join('\n'),
  );
  await test.step('the pasted text is masked until the user asks to see it', async () => {
    await expect(ui.importDialog.text).toHaveCSS('-webkit-text-security', 'disc');
    await ui.importDialog.showText.click();
    await expect(ui.importDialog.showText).toHaveAttribute('aria-pressed', 'true');
    await expect(ui.importDialog.text).toHaveCSS('-webkit-text-security', 'none');
  });
  await test.step('the rest is imported; the key file is asked for by variable and path', async () => {
    await ui.importDialog.submit.click();
    await expect(ui.importDialog.keyNeeded).toContainText('VONAGE_PRIVATE_KEY_PATH');
    await expect(ui.importDialog.keyNeeded).toContainText('./private.key');
    await expect(ui.importDialog.keyNeeded).not.toContainText('/root');
    await expect(ui.rowApiSecret('Relative key')).toHaveText('••••cd12');
    await expect(ui.rowPrivateKey('Relative key')).toHaveAttribute('data-set', 'false');
  });
  await test.step('the chosen key file completes the profile', async () => {
    await ui.importDialog.keyFileInput.setInputFiles({
      name: 'private.key',
      mimeType: 'text/plain',
      buffer: Buffer.from(keys.privateKeyPem),
    });
    await expect(ui.importDialog.root).toBeHidden();
    await expect(ui.rowPrivateKey('Relative key')).toHaveAttribute('data-set', 'true');
    await expect(ui.rowApiSecret('Relative key')).toHaveText('••••cd12');
  });
  await expectNoSecretReachedThePage(page);
});

test('a key file dropped on the key step completes the imported profile', async ({ page }) => {
  const ui = settingsPage(page);
  await ui.importEnv.click();
  await ui.importDialog.name.fill('Dropped key');
  await ui.importDialog.text.fill(['VONAGE_API_KEY=key12345', 'VONAGE_PRIVATE_KEY_PATH=keys/private.key'].join('\n'));
  await ui.importDialog.submit.click();
  await expect(ui.importDialog.keyDrop).toContainText('Drop private.key here');
  await dropFile(ui.importDialog.keyDrop, { name: 'private.key', mimeType: 'text/plain', text: keys.privateKeyPem });
  await expect(ui.importDialog.root).toBeHidden();
  await expect(ui.rowPrivateKey('Dropped key')).toHaveAttribute('data-set', 'true');
  await expectNoSecretReachedThePage(page);
});

test('imports a .env file picked in the page', async ({ page }) => {
  const ui = settingsPage(page);
  await ui.importEnv.click();
  await ui.importDialog.name.fill('Picked');
  await ui.importDialog.fileInput.setInputFiles({
    name: '.env',
    mimeType: 'text/plain',
    buffer: Buffer.from(`NEXMO_API_KEY=key12345\nNEXMO_API_SECRET=${apiSecret}\n`),
  });
  await expect(page.getByTestId('settings-import-file')).toHaveText('Read from .env');
  await ui.importDialog.submit.click();
  await expect(ui.rowApiSecret('Picked')).toHaveText('••••cd12');
});
