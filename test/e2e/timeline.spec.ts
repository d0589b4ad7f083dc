import { expect, test } from './fixtures';
import { startApiServer } from '../support/send-servers';
import { appFrame } from './pages/app-frame';
import { callContract, postWebhook, timelinePage } from './pages/timeline';

function status(messageUuid: string, overrides: Record<string, unknown> = {}) {
  return {
    message_uuid: messageUuid,
    to: '447700900000',
    from: '447700900001',
    timestamp: '2025-02-03T12:14:25Z',
    status: 'delivered',
    channel: 'sms',
    ...overrides,
  };
}

function inbound(text: string) {
  return {
    channel: 'whatsapp',
    message_uuid: crypto.randomUUID(),
    to: '447700900001',
    from: '447700900000',
    timestamp: '2025-02-03T12:15:00Z',
    message_type: 'text',
    text,
  };
}

test('webhooks posted to the receiver appear live, and filters narrow the list in the store', async ({
  page,
  serve,
}) => {
  const ui = timelinePage(page);
  await page.goto(serve.url);
  await appFrame(page).nav('timeline').click();
  await expect(ui.empty).toBeVisible();
  const receiverUrl = (await ui.receiverUrl.textContent())!;

  await test.step('posted webhooks show up newest first without a reload', async () => {
    expect(await postWebhook(receiverUrl, '/webhooks/status', status('11111111-0000-4000-8000-000000000001'))).toBe(
      200,
    );
    expect(await postWebhook(receiverUrl, '/webhooks/inbound', inbound('yes please, pineapple'))).toBe(200);
    expect(
      await postWebhook(
        receiverUrl,
        '/webhooks/status',
        status('11111111-0000-4000-8000-000000000002', {
          status: 'rejected',
          error: {
            type: 'https://developer.vonage.com/api-errors/messages#1300',
            title: '1300',
            detail: 'Not part of the provider network',
          },
        }),
      ),
    ).toBe(200);
    await expect(ui.rows).toHaveCount(3);
    await expect(ui.rows.first()).toHaveAttribute('data-kind', 'status');
    await expect(ui.rows.first()).toContainText('rejected');
    await expect(ui.rows.nth(1)).toHaveAttribute('data-kind', 'inbound');
    // Without a team inbox every event is local: no Source column repeats it.
    await expect(page.getByTestId('timeline-column-time')).toBeVisible();
    await expect(page.getByTestId('timeline-column-source')).toHaveCount(0);
  });

  await test.step('kind, status and text filters each narrow the list', async () => {
    await ui.filterKind.selectOption('inbound');
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.rows.first()).toContainText('whatsapp');
    await ui.filterKind.selectOption('');
    await ui.filterStatus.fill('rejected');
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.rows.first()).toContainText('1300');
    await ui.filterClear.click();
    await expect(ui.rows).toHaveCount(3);
    await page.keyboard.press('/');
    await expect(ui.filterText).toBeFocused();
    await page.keyboard.type('pineapple');
    await expect(ui.rows).toHaveCount(1);
    await expect(ui.rows.first()).toHaveAttribute('data-kind', 'inbound');
  });

  await test.step('a live webhook matching the text filter joins the filtered list; others stay out', async () => {
    await postWebhook(receiverUrl, '/webhooks/inbound', inbound('no pineapple today'));
    await postWebhook(receiverUrl, '/webhooks/inbound', inbound('just bananas'));
    await expect(ui.rows).toHaveCount(2);
    await ui.filterText.fill('');
    await expect(ui.rows).toHaveCount(5);
  });

  await test.step('a saved filter comes back after a reload', async () => {
    await ui.filterVerdict.selectOption('unsigned');
    await ui.filterChannel.fill('sms');
    await expect(ui.rows).toHaveCount(2);
    await ui.savedFilters.click();
    await ui.savedFilterName.fill('unsigned sms');
    await ui.saveFilter.click();
    await expect(ui.savedFilters).toHaveText('Saved filters (1)');
    await page.reload();
    await expect(ui.rows).toHaveCount(5);
    await ui.savedFilters.click();
    await ui.savedFilter('unsigned sms').click();
    await expect(ui.rows).toHaveCount(2);
    await expect(ui.filterChannel).toHaveValue('sms');
  });
});

test('the detail panel shows the verdict, raw JSON and headers, and the keyboard moves through events', async ({
  page,
  timeline,
}) => {
  const { ui, receiverUrl } = timeline;
  await postWebhook(
    receiverUrl,
    '/webhooks/status',
    status('22222222-0000-4000-8000-000000000001', {
      status: 'rejected',
      error: { type: 'https://developer.vonage.com/api-errors/messages#1300', title: '1300' },
    }),
  );
  await postWebhook(receiverUrl, '/webhooks/inbound', '{"channel": "sms", "text": broken');
  await expect(ui.rows).toHaveCount(2);

  await test.step('j selects the newest, Enter opens it', async () => {
    await page.keyboard.press('j');
    await expect(ui.rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(ui.detail).toBeVisible();
    await expect(ui.detail).toContainText('Parse error');
    await ui.tab('raw').click();
    await expect(ui.raw).toContainText('"text": broken');
  });

  await test.step('k moves to the next newer one; its detail has pretty JSON, verdict and headers', async () => {
    await page.keyboard.press('ArrowDown');
    await expect(ui.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(ui.detailVerdict).toHaveText('unsigned');
    await expect(ui.detailVerdictReason).not.toBeEmpty();
    await ui.tab('pretty').click();
    await expect(ui.pretty).toContainText('"message_uuid": "22222222-0000-4000-8000-000000000001"');
    await ui.tab('raw').click();
    await expect(ui.raw).toContainText('"status":"rejected"');
    await ui.tab('headers').click();
    await expect(ui.headers).toContainText('content-type');
    await page.keyboard.press('k');
    await expect(ui.rows.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('j');
  });

  await test.step('the error opens in the explainer; Escape closes the detail', async () => {
    await page.keyboard.press('Escape');
    await expect(ui.detail).toBeHidden();
    await page.keyboard.press('Enter');
    await ui.explainError.click();
    await expect(page).toHaveURL(/#\/explain\/1300$/);
  });
});

test('a large body is shown only when asked, after a size warning', async ({ timeline }) => {
  const { ui, receiverUrl } = timeline;
  await postWebhook(receiverUrl, '/webhooks/inbound', { ...inbound('big'), padding: 'x'.repeat(600_000) });
  await ui.rows.first().dblclick();
  await expect(ui.largeBody).toContainText(/This body is 58\d\.\d KB/);
  await expect(ui.pretty).toBeHidden();
  await ui.showLargeBody.click();
  await expect(ui.pretty).toContainText('"text": "big"');
});

test('pausing holds new events behind a counter, and resuming shows them', async ({ timeline }) => {
  const { ui, receiverUrl } = timeline;
  await postWebhook(receiverUrl, '/webhooks/status', status('33333333-0000-4000-8000-000000000001'));
  await expect(ui.rows).toHaveCount(1);
  await ui.pause.click();
  for (let index = 0; index < 3; index++) await postWebhook(receiverUrl, '/webhooks/inbound', inbound(`held ${index}`));
  await expect(ui.pausedCount).toHaveText('3');
  await expect(ui.rows).toHaveCount(1);
  await ui.resume.click();
  await expect(ui.rows).toHaveCount(4);
  await expect(ui.rows.first()).toHaveAttribute('data-kind', 'inbound');
  await expect(ui.pause).toBeVisible();
});

test('scrolling away from the newest pauses, so the rows being read stay put, and scrolling back resumes', async ({
  timeline,
}) => {
  const { ui, receiverUrl } = timeline;
  await Promise.all(
    Array.from({ length: 80 }, (_, index) =>
      postWebhook(
        receiverUrl,
        '/webhooks/status',
        status(`77777777-0000-4000-8000-${String(index).padStart(12, '0')}`),
      ),
    ),
  );
  await expect(ui.rows.first()).toBeVisible();
  await ui.list.evaluate((list) => (list.scrollTop = 900));
  await expect(ui.resume).toBeVisible();
  const firstVisible = await ui.rows.first().getAttribute('data-event-id');
  await postWebhook(receiverUrl, '/webhooks/inbound', inbound('while reading'));
  await expect(ui.pausedCount).toHaveText('1');
  expect(await ui.rows.first().getAttribute('data-event-id')).toBe(firstVisible);
  await ui.list.evaluate((list) => (list.scrollTop = 0));
  await expect(ui.pause).toBeVisible();
  await expect(ui.rows.first()).toHaveAttribute('data-kind', 'inbound');
});

test('the thread of a sent message shows its 202 and each status with the time since the send', async ({
  page,
  timeline,
}) => {
  const messageUuid = '44444444-0000-4000-8000-000000000001';
  const api = await startApiServer(() => ({ status: 202, body: { message_uuid: messageUuid } }));
  try {
    const { ui, receiverUrl } = timeline;
    await test.step('send through a profile aimed at a local API', async () => {
      await callContract(page, 'profiles.save', {
        name: 'local api',
        target: { kind: 'custom', baseUrl: api.url },
        secrets: {},
      });
      const sent = await callContract(page, 'send.message', {
        profile: 'local api',
        auth: 'none',
        operation: {
          kind: 'send',
          api: 'v1',
          payload: { message_type: 'text', channel: 'sms', to: '447700900000', from: '447700900001', text: 'hello' },
        },
      });
      expect(sent.messageUuid).toBe(messageUuid);
    });
    await postWebhook(receiverUrl, '/webhooks/status', status(messageUuid, { status: 'submitted' }));
    await postWebhook(receiverUrl, '/webhooks/status', status(messageUuid, { status: 'delivered' }));
    await expect(ui.rows).toHaveCount(2);
    await ui.rows.first().dblclick();
    await ui.tab('thread').click();
    await expect(ui.threadSendStatus).toHaveText('202');
    await expect(ui.threadStatuses).toHaveCount(2);
    await expect(ui.threadStatuses.first()).toContainText('submitted');
    await expect(ui.threadStatuses.first()).toContainText(/\+\d/);
    await expect(ui.threadStatuses.nth(1)).toContainText('delivered');
  } finally {
    await api.close();
  }
});

test('a stored webhook replays to a local server, which sees the same body, and its answer is shown', async ({
  timeline,
}) => {
  const app = await startApiServer(() => ({ status: 201, body: { thanks: true } }));
  try {
    const { ui, receiverUrl } = timeline;
    const body = status('55555555-0000-4000-8000-000000000001');
    await postWebhook(receiverUrl, '/webhooks/status', body);
    await ui.rows.first().dblclick();
    await ui.replayUrl.fill(`${app.url}/hooks/status`);
    await ui.replay.click();
    await expect(ui.replayResult).toContainText('201 in');
    expect(app.received).toHaveLength(1);
    expect(app.received[0]).toMatchObject({ method: 'POST', url: '/hooks/status' });
    expect(JSON.parse(app.received[0]!.body)).toEqual(body);
  } finally {
    await app.close();
  }
});

test('the filtered events export as NDJSON, and chosen columns and widths survive a reload', async ({
  page,
  timeline,
}) => {
  const { ui, receiverUrl } = timeline;
  for (let index = 0; index < 3; index++)
    await postWebhook(receiverUrl, '/webhooks/status', status(`66666666-0000-4000-8000-00000000000${index}`));
  await postWebhook(receiverUrl, '/webhooks/inbound', inbound('export me'));
  await expect(ui.rows).toHaveCount(4);

  await test.step('export what the filter shows, newest first, one event per line', async () => {
    await ui.filterKind.selectOption('status');
    await expect(ui.rows).toHaveCount(3);
    const [download] = await Promise.all([page.waitForEvent('download'), ui.exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^webhook-events-.*\.ndjson$/);
    const lines = (await (await download.createReadStream()).toArray()).join('').trim().split('\n');
    const exported = lines.map(
      (line) => JSON.parse(line) as { id: number; kind: string; message_uuid: string; to: string },
    );
    expect(exported.map((event) => event.kind)).toEqual(['status', 'status', 'status']);
    expect(exported[0]!.message_uuid).toBe('66666666-0000-4000-8000-000000000002');
    expect(exported[0]!.to).toBe('447700900000');
    expect(exported[0]!.id).toBeGreaterThan(exported[1]!.id);
  });

  await test.step('show From, hide Kind, widen Time, and find them so after a reload', async () => {
    await expect(ui.columnHeader('from')).toBeHidden();
    await ui.columns.click();
    await ui.columnToggle('from').click();
    await ui.columnToggle('kind').click();
    await page.keyboard.press('Escape');
    await expect(ui.columnHeader('from')).toBeVisible();
    await expect(ui.columnHeader('kind')).toBeHidden();
    const handle = page.getByTestId('timeline-resize-time');
    const box = (await handle.boundingBox())!;
    const widthBefore = (await ui.columnHeader('time').boundingBox())!.width;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(async () => (await ui.columnHeader('time').boundingBox())!.width)
      .toBeGreaterThan(widthBefore + 60);
    // The layout is saved once the drag settles; wait for settings to hold it before reloading.
    await expect
      .poll(
        async () =>
          (await callContract(page, 'settings.get', {})).timeline.columns.find((column) => column.id === 'time')?.width,
      )
      .toBeGreaterThan(widthBefore + 60);
    await page.reload();
    await expect(ui.columnHeader('from')).toBeVisible();
    await expect(ui.columnHeader('kind')).toBeHidden();
    expect((await ui.columnHeader('time').boundingBox())!.width).toBeGreaterThan(widthBefore + 60);
  });
});

test('a send to the built-in emulator shows both sides: its API call and the status webhooks it caused', async ({
  page,
  timeline,
}) => {
  const { ui } = timeline;
  const sent = await callContract(page, 'send.message', {
    operation: {
      kind: 'send',
      api: 'v1',
      payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'both sides' },
    },
  });
  await expect(page.locator(`[data-testid="timeline-row"][data-kind="api-call"]`)).toHaveCount(1);
  // An API call carries the caller's credentials, not a webhook signature: there is no verdict to show.
  await expect(page.locator(`[data-testid="timeline-row"][data-kind="api-call"]`)).toContainText('not a webhook');
  await expect(page.locator(`[data-testid="timeline-row"][data-kind="status"]`)).toHaveCount(2);
  await ui.filterMessageUuid.fill(sent.messageUuid!);
  await expect(ui.rows).toHaveCount(3);
});
