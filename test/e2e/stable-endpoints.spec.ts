import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeTempDir, startServe, type ServeProcess } from '../support/serve-process';
import { emulatorPage } from './pages/emulator';

let serve: ServeProcess | undefined;
let blocker: net.Server | undefined;

test.afterEach(async () => {
  expect(await serve?.stop()).toBe(0);
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
  serve = undefined;
  blocker = undefined;
});

test('the Emulator page shows a .env for your own app and makes new credentials only when asked', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  serve = await startServe();
  await page.goto(`${serve.url}#/emulator`);
  const ui = emulatorPage(page);
  const apiKey = (await ui.apiKey.textContent())!;
  await page.getByTestId('emulator-env-show').click();
  const env = page.getByTestId('emulator-env');
  await expect(env).toContainText(`VONAGE_API_KEY=${apiKey}`);
  await expect(env).toContainText(`VONAGE_API_HOST=${await ui.url.textContent()}`);
  await page.getByTestId('emulator-env-copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`VONAGE_API_KEY=${apiKey}`);

  await page.getByTestId('emulator-renew').click();
  await page.getByTestId('emulator-renew-confirm').click();
  await expect(page.getByTestId('emulator-renewed')).toBeVisible();
  await expect(ui.apiKey).not.toHaveText(apiKey);
  await expect(env).toContainText(`VONAGE_API_KEY=${await ui.apiKey.textContent()}`);
});

test('a taken port is a visible warning naming the URLs that moved', async ({ page }) => {
  blocker = net.createServer();
  await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
  const takenPort = (blocker.address() as net.AddressInfo).port;
  const dataDir = await makeTempDir('e2e taken port ');
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ version: 1, ports: { webhooks: takenPort, emulator: 0 } }),
  );
  serve = await startServe({ dataDir, localPorts: 'settings' });
  await page.goto(serve.url);
  const notices = page.getByTestId('statusbar-notices');
  await expect(notices).toContainText('1 thing changed at start');
  await notices.locator('summary').click();
  await expect(page.locator('[data-testid="statusbar-notice"][data-code="WEBHOOK_PORT_MOVED"]')).toContainText(
    `Port ${takenPort} was taken`,
  );
  await expect(page.locator('[data-testid="statusbar-notice"][data-code="WEBHOOK_PORT_MOVED"]')).toContainText(
    '/webhooks/status',
  );
});

test('Settings keeps the ports for the next start, refusing what is not a port', async ({ page }) => {
  serve = await startServe();
  await page.goto(`${serve.url}#/settings`);
  const webhookPort = page.getByTestId('settings-port-webhooks');
  await expect(webhookPort).toHaveValue('4730');
  await webhookPort.fill('70000');
  await expect(page.getByText('Webhook receiver port: at most 65535')).toBeVisible();
  await expect(page.getByTestId('settings-ports-save')).toBeDisabled();
  await webhookPort.fill('4800');
  await page.getByTestId('settings-ports-save').click();
  await expect(page.getByTestId('settings-ports-saved')).toContainText('restart the app');
  const saved = JSON.parse(fs.readFileSync(path.join(serve.dataDir, 'settings.json'), 'utf8')) as {
    ports: { webhooks: number; emulator: number };
  };
  expect(saved.ports).toEqual({ webhooks: 4800, emulator: 4731 });
});
