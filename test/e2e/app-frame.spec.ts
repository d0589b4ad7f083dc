import { expect, test } from './fixtures';
import packageJson from '../../package.json';
import { startServe } from '../support/serve-process';
import { appFrame } from './pages/app-frame';

test('shows the app frame and app.info', async ({ page, serve }) => {
  const ui = appFrame(page);
  await test.step('open the printed URL', async () => {
    const response = await page.goto(serve.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(ui.frame).toBeVisible();
    await expect(ui.host).toHaveText('Browser host');
    await expect(ui.connection).toHaveAttribute('data-state', 'connected');
  });
  await test.step('Settings shows app.info from the core', async () => {
    await ui.nav('settings').click();
    await expect(ui.appVersion).toHaveText(packageJson.version);
    await expect(ui.messagesApiVersion).toHaveText('1.20.0');
    await expect(ui.appHost).toHaveText('browser');
    await expect(ui.appDataDir).toHaveText(serve.dataDir);
  });
});

test('every page has its empty state and Alt+digit moves between pages', async ({ page, serve }) => {
  const ui = appFrame(page);
  await page.goto(serve.url);
  for (const [id, testId] of [
    ['builder', 'builder-empty'],
    ['timeline', 'timeline-empty'],
    ['explain', 'explainer-empty'],
    ['collections', 'collections-empty'],
  ] as const) {
    await ui.nav(id).click();
    await expect(page.getByTestId(testId)).toBeVisible();
    await expect(ui.nav(id)).toHaveAttribute('aria-current', 'page');
  }
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('timeline-empty')).toBeVisible();
  await page.keyboard.press('Alt+5');
  await expect(ui.appVersion).toBeVisible();
});

test('reconnects by itself after the host restarts', async ({ page, serve }) => {
  const ui = appFrame(page);
  await page.goto(serve.url);
  await expect(ui.connection).toHaveAttribute('data-state', 'connected');
  const { port, token, dataDir } = serve;
  expect(await serve.stop()).toBe(0);
  await expect(ui.connection).toHaveAttribute('data-state', 'reconnecting');
  const restarted = await startServe({ port, token, dataDir });
  await expect(ui.connection).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
  await ui.nav('settings').click();
  await expect(ui.appVersion).toHaveText(packageJson.version);
  expect(await restarted.stop()).toBe(0);
});

test('the page and its assets need the token', async ({ page, serve }) => {
  const response = await page.goto(`${serve.origin}/`);
  expect(response?.status()).toBe(401);
  expect(await response?.text()).toContain('token');
});
