import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { explainerPage } from './pages/explainer';

let serve: ServeProcess;

test.beforeAll(async () => {
  serve = await startServe();
});

test.afterAll(async () => {
  expect(await serve.stop()).toBe(0);
});

test('a deep link opens with its code explained', async ({ page }) => {
  const ui = explainerPage(page);
  await page.goto(`${serve.url}#/explain/1300`);
  await expect(ui.match('1300')).toContainText('Not part of the provider network');
  await expect(ui.match('1300')).toContainText('failover to SMS');
});

test('a problem type URL deep link works too', async ({ page }) => {
  const ui = explainerPage(page);
  const type = 'https://developer.vonage.com/api-errors/#unathorized';
  await page.goto(`${serve.url}#/explain/${encodeURIComponent(type)}`);
  await expect(ui.match(type)).toContainText('Unauthorized');
});

test('searches the whole catalogue by code, status, workbench code or words', async ({ page }) => {
  const ui = explainerPage(page);
  await page.goto(`${serve.url}#/explain`);
  await expect(ui.empty).toBeVisible();
  expect(await ui.entries.count()).toBeGreaterThan(100);
  await ui.search.fill('429');
  await expect(ui.match('429')).toBeVisible();
  await expect(page).toHaveURL(/#\/explain\/429$/);
  await ui.search.fill('PAYLOAD_INVALID');
  await expect(ui.match('PAYLOAD_INVALID')).toContainText('Payload invalid');
  await ui.search.fill('provider network');
  await expect(ui.matches).toHaveCount(0);
  await expect(ui.entries.filter({ hasText: 'Not part of the provider network' })).toHaveCount(1);
  await ui.search.fill('zzzz no such thing');
  await expect(ui.noResults).toBeVisible();
});
