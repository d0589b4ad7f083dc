import { expect, test } from './fixtures';
import { deepJsonBody } from '../support/deep-bodies';
import { postWebhook } from './pages/timeline';

test('a webhook nested 100,000 deep reaches the open tab and its detail shows the raw bytes under a note', async ({
  page,
  timeline,
}) => {
  const { ui, receiverUrl } = timeline;

  await test.step('the deep webhooks arrive live, and a shallow one after them still does', async () => {
    expect(await postWebhook(receiverUrl, '/webhooks/status', deepJsonBody(5_000))).toBe(200);
    expect(await postWebhook(receiverUrl, '/webhooks/status', deepJsonBody(100_000, 'okapi'))).toBe(200);
    expect(
      await postWebhook(receiverUrl, '/webhooks/status', {
        status: 'delivered',
        channel: 'sms',
        message_uuid: '33333333-0000-4000-8000-000000000001',
      }),
    ).toBe(200);
    await expect(ui.rows).toHaveCount(3);
  });

  await test.step('the deep one opens on its raw bytes, with the note on both body tabs', async () => {
    await ui.rows.nth(1).click();
    await expect(ui.detail).toBeVisible();
    await expect(ui.tooDeepBody).toContainText('Body too deep to render; raw bytes below.');
    await expect(ui.raw).toContainText('{"note":"okapi","status":"delivered","deep":[[[[');
    await ui.tab('pretty').click();
    await expect(ui.tooDeepBody).toContainText('Body too deep to render; raw bytes below.');
  });

  await test.step('after a reload the list still loads from the store, text search included', async () => {
    await page.reload();
    await expect(ui.rows).toHaveCount(3);
    await ui.filterText.fill('okapi');
    await expect(ui.rows).toHaveCount(1);
  });
});
