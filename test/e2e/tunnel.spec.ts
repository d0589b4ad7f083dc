import { expect, test } from '@playwright/test';
import { startLocaltunnelServer, type LocaltunnelServer } from '../support/localtunnel-server';
import { startServe, type ServeProcess } from '../support/serve-process';
import { timelinePage } from './pages/timeline';

let serve: ServeProcess;
let tunnelServer: LocaltunnelServer;

test.beforeEach(async () => {
  tunnelServer = await startLocaltunnelServer();
  serve = await startServe();
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
  await tunnelServer.close();
});

test('the tunnel starts from the status bar, shows the URLs to paste, and carries a test webhook into the timeline', async ({ page }) => {
  const ui = timelinePage(page);
  await page.goto(`${serve.url}#/timeline`);
  await expect(ui.tunnelStatus).toHaveAttribute('data-phase', 'off');
  await expect(ui.receiverUrl).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);

  await test.step("point it at this machine's tunnel server; a value the client would spin on is refused at its field", async () => {
    await ui.tunnelStatus.click();
    await ui.tunnelSettings.click();
    await ui.tunnelSettingsServer.fill(`127.0.0.1:${tunnelServer.port}/`);
    await ui.tunnelSettingsSave.click();
    await expect(ui.tunnelSettingsServerError).toContainText('not a URL');
    await ui.tunnelSettingsServer.fill(`${tunnelServer.url}/`);
    await ui.tunnelSettingsSubdomain.fill('workbench-e2e');
    await ui.tunnelSettingsSave.click();
    await expect(ui.tunnelSettingsServer).toBeHidden();
  });

  await test.step('start it from the panel and see it online with its public URLs', async () => {
    await ui.tunnelStart.click();
    await expect(ui.tunnelStatus).toHaveAttribute('data-phase', 'online');
    const publicUrl = `http://workbench-e2e.localhost:${tunnelServer.port}`;
    await expect(ui.tunnelPublicUrl).toHaveText(publicUrl);
    await expect(ui.tunnelPublicInboundUrl).toHaveText(`${publicUrl}/webhooks/inbound`);
    await expect(ui.tunnelPublicStatusUrl).toHaveText(`${publicUrl}/webhooks/status`);
  });

  await test.step('the test webhook goes through the tunnel and lands in the timeline', async () => {
    await ui.tunnelSendTest.click();
    await expect(ui.tunnelTestResult).toContainText('Received with 200');
    await page.keyboard.press('Escape');
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.rows.first()).toHaveAttribute('data-kind', 'inbound');
  });

  await test.step('stop closes it', async () => {
    await ui.tunnelStatus.click();
    await ui.tunnelStop.click();
    await expect(ui.tunnelStatus).toHaveAttribute('data-phase', 'off');
    await expect(ui.tunnelPublicUrl).toBeHidden();
  });
});
