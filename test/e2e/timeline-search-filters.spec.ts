import { expect, test } from './fixtures';
import { vonageAuthorization } from '../support/webhook-signing';
import { callContract, openTimeline, postWebhook } from './pages/timeline';

function inbound(text: string, messageUuid: string = crypto.randomUUID()) {
  return {
    channel: 'whatsapp',
    message_uuid: messageUuid,
    to: '447700900001',
    from: '447700900000',
    timestamp: '2025-02-03T12:15:00Z',
    message_type: 'text',
    text,
  };
}

test('search finds any part of a body: a phrase with #21, a uuid prefix, the middle of words', async ({
  page,
  timeline,
}) => {
  const { ui, receiverUrl } = timeline;
  await postWebhook(receiverUrl, '/webhooks/inbound', inbound('Inbound reply #21'));
  await postWebhook(receiverUrl, '/webhooks/inbound', inbound('Inbound reply #35'));
  await postWebhook(receiverUrl, '/webhooks/status', {
    message_uuid: 'bulk2179-0000-4000-8000-000000000001',
    to: '447700900000',
    status: 'rejected',
    channel: 'sms',
    error: { title: '1320', detail: 'Invalid sender address' },
  });
  await expect(ui.rows).toHaveCount(3);

  // Events are numbered in the order they were posted: #21 is 1, #35 is 2, the rejected status 3.
  for (const [typed, eventId] of [
    ['Inbound reply #21', '1'],
    ['bulk217', '3'],
    ['nvalid sende', '3'],
  ] as const) {
    await test.step(`"${typed}" finds its event`, async () => {
      await ui.filterText.fill(typed);
      await expect(ui.rows).toHaveCount(1);
      await expect(ui.rows.first()).toHaveAttribute('data-event-id', eventId);
    });
  }
  await test.step('a two-character word still narrows the list', async () => {
    await expect(page.getByTestId('timeline-filter-text-note')).toHaveCount(0);
    await ui.filterText.fill('#3');
    await expect(ui.rows).toHaveCount(1);
    await expect(page.getByTestId('timeline-filter-text-note')).toContainText('every event is read');
    await expect(ui.rows.first()).toHaveAttribute('data-event-id', '2');
    await ui.filterText.fill('zz');
    await expect(ui.noMatch).toBeVisible();
  });
});

test('the filter bar is one row of readable choices on a wide screen, with recent-time presets', async ({
  page,
  timeline,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { ui, receiverUrl } = timeline;
  await postWebhook(receiverUrl, '/webhooks/inbound', inbound('hello'));
  await expect(ui.rows).toHaveCount(1);

  /** The boxes of the toolbar's visible controls (or only the filters'), left to right. */
  const boxes = (within: string) =>
    page
      .locator(within)
      .locator('input:visible, select:visible, button:visible')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
  const oneRowWithoutOverlap = (found: DOMRect[]) => {
    const middles = found.map((box) => box.top + box.height / 2);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
    for (let index = 1; index < found.length; index++)
      expect(found[index]!.left).toBeGreaterThanOrEqual(found[index - 1]!.right - 1);
    // None is cut off at the window's edge.
    expect(found[found.length - 1]!.right).toBeLessThanOrEqual(page.viewportSize()!.width);
  };

  await test.step('at 1440 px every filter sits on one row, none over another', async () => {
    oneRowWithoutOverlap(await boxes('.timeline-filters'));
  });

  await test.step('at 1920 px too, and the actions overlap none of them', async () => {
    await page.setViewportSize({ width: 1920, height: 1000 });
    const filters = await boxes('.timeline-filters');
    oneRowWithoutOverlap(filters);
    const lastFilter = filters[filters.length - 1]!;
    for (const action of await boxes('.timeline-toolbar-actions'))
      expect(action.left >= lastFilter.right || action.top >= lastFilter.bottom).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await test.step('kinds and verdicts read as words, not stored values', async () => {
    await expect(ui.filterKind.locator('option')).toContainText([
      'Any kind',
      'Status webhook',
      'Inbound message',
      'Unrecognised body',
      'API call',
    ]);
    await expect(ui.filterVerdict.locator('option[value="no-secret-configured"]')).toHaveText('not checked: no secret');
  });

  await test.step('"Last hour" keeps what just arrived; "Between…" opens date-time fields', async () => {
    const received = page.getByTestId('timeline-filter-received');
    await expect(page.getByTestId('timeline-filter-since')).toHaveCount(0);
    await received.selectOption({ label: 'Last hour' });
    await expect(ui.rows).toHaveCount(1);
    await received.selectOption({ label: 'Between…' });
    await expect(page.getByTestId('timeline-filter-since')).toHaveAttribute('type', 'datetime-local');
    await page.getByTestId('timeline-filter-until').fill('2020-01-01T00:00');
    await expect(ui.noMatch).toBeVisible();
    await ui.filterClear.click();
    await expect(received).toHaveValue('any');
    await expect(ui.rows).toHaveCount(1);
  });
});

test('a webhook whose Bearer token nothing checked is called unchecked, not merely unconfigured', async ({
  timeline,
}) => {
  const { ui, receiverUrl } = timeline;
  const body = JSON.stringify(inbound('trust me'));
  const forged = await vonageAuthorization({ secret: 'a-secret-nobody-configured-0123456789', body });
  await fetch(`${receiverUrl}/webhooks/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: forged },
    body,
  }).then((response) => response.arrayBuffer());
  await expect(ui.rows).toHaveCount(1);
  await expect(ui.rows.first().locator('[data-verdict]')).toHaveText('not checked: no secret');
  await ui.rows.first().dblclick();
  await expect(ui.detailVerdict).toHaveText('not checked: no secret');
  await expect(ui.detailVerdictReason).toContainText('Not checked');
  await expect(ui.detailVerdictReason).toContainText('a forged token would read the same');
});

test('the status bar shows the whole inbound and status URLs and copies each', async ({ page, serve, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTimeline(page, serve.url);
  const receiver = await callContract(page, 'webhooks.receiver', {});
  await expect(page.getByTestId('tunnel-receiver-inbound-url')).toHaveText(receiver.inboundUrl);
  await expect(page.getByTestId('tunnel-receiver-status-url')).toHaveText(receiver.statusUrl);
  await expect(page.getByTestId('tunnel-receiver')).toContainText(`Inbound ${receiver.inboundUrl}`);
  await page.getByTestId('tunnel-copy-inbound').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receiver.inboundUrl);
  await page.getByTestId('tunnel-copy-status').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receiver.statusUrl);
});
