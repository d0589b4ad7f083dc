import { expect, test } from '@playwright/test';
import { startLocaltunnelServer, type LocaltunnelServer } from '../support/localtunnel-server';
import { startServe, type ServeProcess } from '../support/serve-process';
import { callContract, timelinePage } from './pages/timeline';

let serve: ServeProcess;
let tunnelServer: LocaltunnelServer;

test.beforeEach(async () => {
  serve = await startServe();
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
  await tunnelServer.close();
});

test('the tunnel starts from the status bar, shows the URLs to paste, and carries a test webhook into the timeline', async ({
  page,
}) => {
  tunnelServer = await startLocaltunnelServer();
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

test('behind a proxy whose hostname does not resolve here, the tunnel stays online, carries the test webhook, and warns loudly when its URL changes', async ({
  page,
}) => {
  // The tunnel keeps asking for its subdomain for 10 s (the default) before it takes another.
  test.setTimeout(60_000);
  tunnelServer = await startLocaltunnelServer({ domain: 'tunnel.invalid', publicScheme: 'https' });
  const ui = timelinePage(page);
  await page.goto(`${serve.url}#/timeline`);
  await callContract(page, 'settings.update', { tunnel: { server: tunnelServer.url, subdomain: 'barprobe' } });
  const firstUrl = `https://barprobe.tunnel.invalid:${tunnelServer.port}`;

  await test.step('online at a public URL this machine cannot resolve; the test webhook goes through the server address', async () => {
    await ui.tunnelStatus.click();
    await ui.tunnelStart.click();
    await expect(ui.tunnelStatus).toHaveAttribute('data-phase', 'online');
    await expect(ui.tunnelPublicInboundUrl).toHaveText(`${firstUrl}/webhooks/inbound`);
    await ui.tunnelSendTest.click();
    await expect(ui.tunnelTestResult).toContainText('Received with 200');
    await page.keyboard.press('Escape');
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.tunnelWarning).toBeHidden();
    await expect(ui.tunnelWarningNotice).toBeHidden();
    expect(tunnelServer.registrations()).toEqual(['barprobe']);
  });

  await test.step('someone else takes the subdomain while the tunnel re-registers: after retrying, the new URL is a loud warning', async () => {
    tunnelServer.holdSubdomain('barprobe');
    tunnelServer.dropRegistration('barprobe');
    await expect(ui.tunnelStatus).toHaveAttribute('data-phase', 'reconnecting');
    // The state says why: the subdomain is still held, so the tunnel asks for it again.
    await expect(ui.tunnelStatus).toHaveAttribute('data-cause', 'subdomain-held');
    await expect(ui.tunnelWarning).toContainText('Public URL changed', { timeout: 30_000 });
    await expect(ui.tunnelStatus).toHaveAttribute('data-phase', 'online');
    const newUrl = await ui.tunnelPublicUrl.textContent();
    expect(newUrl).not.toBe(firstUrl);
    await expect(ui.tunnelWarningNotice).toContainText(`changed from ${firstUrl} to ${newUrl}`);
    await expect(ui.tunnelWarningNotice.getByTestId('tunnel-warning-inbound-url')).toHaveText(
      `${newUrl}/webhooks/inbound`,
    );
    // More than one registration for "barprobe" was tried before another was accepted.
    expect(tunnelServer.registrations().length).toBeGreaterThan(2);
  });
});
