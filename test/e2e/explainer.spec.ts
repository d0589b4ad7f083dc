import { expect, test } from '@playwright/test';
import { startServe, type ServeProcess } from '../support/serve-process';
import { explainerPage } from './pages/explainer';
import { openTimeline, postWebhook } from './pages/timeline';

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

test('the codes spec 1.20.0 added open by deep link, under their 1.20.0 names', async ({ page }) => {
  const ui = explainerPage(page);
  for (const [code, title] of [
    ['1242', 'Number pool does not exists'],
    ['1431', 'Multiple recipients error'],
    ['1474', 'Fraud Defender Traffic Rule'],
    ['1475', 'Fraud Defender Traffic Rule'],
    ['1476', 'Do Not Originate (DNO)'],
    ['1490', 'SMS segment timeout'],
    ['2001', 'Fraud protection triggered'],
    ['2002', 'Email size exceeded'],
    ['2003', 'Destination unavailable'],
  ] as const) {
    await page.goto(`${serve.url}#/explain/${code}`);
    await expect(ui.match(code)).toContainText(title);
  }
});

test('a rejected status carrying a 1.20.0 code links from the timeline row to its explanation', async ({ page }) => {
  const { ui: timeline, receiverUrl } = await openTimeline(page, serve.url);
  const rejected = {
    message_uuid: '33333333-0000-4000-8000-000000000001',
    to: 'ada@workbench.test',
    from: 'billing@workbench.test',
    timestamp: '2026-01-23T12:14:25Z',
    status: 'rejected',
    channel: 'sms',
    error: {
      type: 'https://developer.vonage.com/api-errors/messages#2003',
      title: '2003',
      detail: 'Destination unavailable',
    },
  };
  expect(await postWebhook(receiverUrl, '/webhooks/status', rejected)).toBe(200);
  await expect(timeline.rows).toHaveCount(1);
  await timeline.rows.first().getByTitle('Explain error 2003').click();
  await expect(page).toHaveURL(/#\/explain\/2003$/);
  await expect(explainerPage(page).match('2003')).toContainText('suppression list');
});
