import { expect, test } from '@playwright/test';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session';
import { closedPortUrl, startApiServer, type TestServer } from '../support/send-servers';
import { startServe, type ServeProcess } from '../support/serve-process';
import { settingsPage } from './pages/settings';

const apiSecret = 'Zq7Wx2Lm9Pd4cd12';

let session: KeyringSession;
let api: TestServer;
let serve: ServeProcess;

test.beforeAll(async () => {
  session = await startKeyringSession();
  // Like the Messages API: auth first, then the empty test body is refused with 422.
  api = await startApiServer((request) =>
    request.headers.authorization === `Basic ${Buffer.from(`key12345:${apiSecret}`).toString('base64')}`
      ? { status: 422, body: { title: 'Invalid params' } }
      : { status: 401, body: { title: 'Unauthorized' } },
  );
  serve = await startServe({ env: { ...session.env } });
});

test.afterAll(async () => {
  expect(await serve.stop()).toBe(0);
  await api.close();
  await session.stop();
});

test('test connection tells accepted, refused and unreachable credentials apart', async ({ page }) => {
  const ui = settingsPage(page);
  await page.goto(`${serve.url}#/settings`);
  await ui.createProfile({ name: 'Good', baseUrl: api.url, apiKey: 'key12345', apiSecret });
  await ui.createProfile({ name: 'Bad', baseUrl: api.url, apiKey: 'key12345', apiSecret: 'not-the-secret-0000' });
  await ui.createProfile({ name: 'Gone', baseUrl: await closedPortUrl(), apiKey: 'key12345', apiSecret });

  await ui.testButton('Good').click();
  await expect(ui.connectionResult).toHaveAttribute('data-verdict', 'accepted');
  await expect(ui.connectionDetail).toContainText('422');

  await ui.testButton('Bad').click();
  await expect(ui.connectionResult).toHaveAttribute('data-verdict', 'refused');
  await expect(ui.connectionDetail).toContainText('401');

  await ui.testButton('Gone').click();
  await expect(ui.connectionResult).toHaveAttribute('data-verdict', 'unreachable');
  expect(await page.content()).not.toContain(apiSecret);
});
