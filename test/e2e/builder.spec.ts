import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { WebSocket } from 'ws';
import { createContractClient } from '../../src-shared/contract-client';
import { createSocketTransport } from '../../src-renderer/socket-transport';
import { startServe, type ServeProcess } from '../support/serve-process';
import { builderPage, openBuilder } from './pages/builder';
import { checkingOutputs } from '../support/checked-outputs';

/** A contract client over the serve process's own socket, to set up data as the app would. */
async function contractOf(target: ServeProcess) {
  const socket = createSocketTransport(
    `ws://127.0.0.1:${target.port}/contract?token=${target.token}`,
    WebSocket as unknown as new (url: string) => globalThis.WebSocket,
  );
  await new Promise<void>((resolve) => socket.onStateChange((state) => state === 'connected' && resolve()));
  return { client: createContractClient(checkingOutputs(socket)), close: () => socket.close() };
}

test('picks a channel and type and starts from its template', async ({ page, serve }) => {
  const ui = builderPage(page);
  await page.goto(serve.url);
  await test.step('a fresh builder offers quick starts', async () => {
    await ui.start('sms').click();
    await expect(ui.input('/text')).toHaveValue('Hello from Vonage');
  });
  await test.step('the pickers work from the keyboard alone', async () => {
    await ui.channel.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('mess');
    await page.keyboard.press('Enter');
    await expect(ui.channel).toContainText('Messenger');
    await expect(ui.channel).toBeFocused();
  });
  await test.step('the pickers filter by typing and pick with Enter', async () => {
    await ui.pick('builder-channel', 'whats');
    await expect(ui.channel).toContainText('WhatsApp');
    await ui.pick('builder-type', 'templ');
    await expect(ui.type).toContainText('template');
    await expect(ui.jsonContent).toContainText('"message_type": "template"');
    await expect(ui.input('/template/name')).toHaveValue('my_namespace:welcome');
    await expect(ui.field('/whatsapp/locale').locator('.field-required')).toBeVisible();
  });
});

test('the form and the raw JSON edit the same request', async ({ page, serve }) => {
  const ui = await openBuilder(page, serve.url, 'sms');
  await test.step('form to JSON', async () => {
    await ui.input('/text').fill('Your parcel is on its way');
    await expect(ui.jsonContent).toContainText('"text": "Your parcel is on its way"');
  });
  await test.step('template parameters, a nested list', async () => {
    await ui.pick('builder-channel', 'whatsapp');
    await ui.pick('builder-type', 'template');
    await ui.field('/template/parameters').getByTestId('builder-field-add').click();
    await ui.field('/template/parameters').getByTestId('builder-array-add').click();
    await ui.input('/template/parameters/0').fill('Daisy');
    await expect(ui.jsonContent).toContainText('"parameters": [');
    await expect(ui.jsonContent).toContainText('"Daisy"');
  });
  await test.step('a custom object is edited as JSON inside the form', async () => {
    await ui.pick('builder-channel', 'rcs');
    await ui.pick('builder-type', 'custom');
    await expect(ui.field('/custom').getByTestId('builder-json-sub-editor')).toContainText('contentMessage');
  });
  await test.step('JSON to form', async () => {
    await ui.replaceJson(
      '{"channel": "sms", "message_type": "text", "to": "447700900123", "from": "Acme", "text": "Typed in JSON"}',
    );
    await expect(ui.input('/text')).toHaveValue('Typed in JSON');
    await expect(ui.input('/to')).toHaveValue('447700900123');
  });
  await test.step('undo and redo in the JSON editor cover form edits too', async () => {
    await ui.input('/text').fill('Edited in the form');
    await expect(ui.jsonContent).toContainText('"text": "Edited in the form"');
    await ui.jsonContent.click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(ui.jsonContent).toContainText('"text": "Typed in JSON"');
    await expect(ui.input('/text')).toHaveValue('Typed in JSON');
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await expect(ui.jsonContent).toContainText('"text": "Edited in the form"');
    await expect(ui.input('/text')).toHaveValue('Edited in the form');
  });
});

test('an invalid field is marked at its path; warnings stand apart', async ({ page, serve }) => {
  const ui = await openBuilder(page, serve.url, 'sms');
  await test.step('an error at /to with the model message, in the form and the lint gutter', async () => {
    await ui.input('/to').fill('44-7700');
    await expect(ui.fieldErrors('/to')).toContainText('is not a phone number: use digits only');
    await expect(ui.field('/to')).toHaveAttribute('data-invalid', 'true');
    await expect(ui.issueErrors.first()).toHaveAttribute('data-pointer', '/to');
    await expect(ui.lintErrors.first()).toContainText('"to": "44-7700"');
  });
  await test.step('a leading + is only a warning', async () => {
    await ui.input('/to').fill('+447700900000');
    await expect(ui.fieldErrors('/to')).toHaveCount(0);
    await expect(ui.fieldWarnings('/to')).toHaveAttribute('data-code', 'PHONE_PREFIX');
  });
  await test.step('fixed, the model finds nothing', async () => {
    await ui.input('/to').fill('447700900000');
    await expect(ui.issuesClear).toBeVisible();
  });
});

test('invalid JSON keeps the text, and the draft survives a reload and a restart', async ({ page, serve }) => {
  const ui = builderPage(page);
  const broken = '{"channel": "sms", "message_type": "text", "text": "half typed",';
  await page.goto(serve.url);
  await ui.start('sms').click();
  await test.step('broken JSON is kept as typed; the form shows the last valid version', async () => {
    await ui.replaceJson(broken);
    await expect(ui.jsonSyntaxError).toBeVisible();
    await expect(ui.jsonContent).toHaveText(broken);
    await expect(ui.formStale).toBeVisible();
    await expect(ui.draftStatus).toHaveAttribute('data-state', 'saved');
  });
  await test.step('after a reload', async () => {
    await page.reload();
    await expect(ui.jsonContent).toHaveText(broken);
  });
  await test.step('after a restart on another port', async () => {
    const { dataDir } = serve;
    expect(await serve.stop()).toBe(0);
    const restarted = await startServe({ dataDir });
    await page.goto(restarted.url);
    await expect(ui.jsonContent).toHaveText(broken);
    expect(await restarted.stop()).toBe(0);
  });
});

test('the version toggle converts and reports what is lost', async ({ page, serve }) => {
  const ui = await openBuilder(page, serve.url, 'whatsapp');
  await page.getByTestId('builder-template-full').click();
  await ui.version('v0.1').click();
  await expect(ui.jsonContent).toContainText('"type": "whatsapp"');
  await expect(ui.conversionLosses).toHaveCount(4);
  await expect(page.locator('[data-testid="builder-conversion-loss"][data-pointer="/failover"]')).toContainText(
    'v0.1 has no failover',
  );
  await test.step('RCS has no v0.1 counterpart', async () => {
    await ui.version('v1').click();
    await ui.pick('builder-channel', 'rcs');
    await ui.version('v0.1').click();
    await expect(ui.conversionError).toContainText('Cannot convert');
  });
});

test('the SMS meter counts segments at the boundary and marks the characters forcing Unicode', async ({
  page,
  serve,
}) => {
  const ui = await openBuilder(page, serve.url, 'sms');
  await ui.input('/text').fill('a'.repeat(160));
  await expect(ui.smsEncoding).toHaveText('GSM-7');
  await expect(ui.smsSegments).toHaveText('1');
  await expect(ui.smsRemaining).toHaveText('0 of 160 septets');
  await ui.input('/text').fill('a'.repeat(161));
  await expect(ui.smsSegments).toHaveText('2');
  await expect(ui.smsRemaining).toHaveText('145 of 153 septets');
  await ui.input('/text').fill('Zażółć');
  await expect(ui.smsEncoding).toHaveText('Unicode (UCS-2)');
  await expect(ui.smsUnicodeChars).toHaveText(['ż', 'ó', 'ł', 'ć']);
  await ui.input('/text').fill('ł'.repeat(70));
  await expect(ui.smsSegments).toHaveText('1');
  await expect(ui.smsRemaining).toHaveText('0 of 70 code units');
});

test.describe('sending', () => {
  let server: http.Server;
  let baseUrl: string;
  const received: { url: string; authorization: string | undefined; body: string }[] = [];
  /** What the test server answers; a test may replace it. */
  let answer = { status: 202, body: { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-000000000202' } as object };

  test.beforeEach(async () => {
    received.length = 0;
    answer = { status: 202, body: { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-000000000202' } };
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ url: request.url ?? '', authorization: request.headers.authorization, body });
        response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('sends to a profile and shows 202, the timing waterfall and the webhook thread', async ({ page, serve }) => {
    const ui = builderPage(page);
    const contract = await contractOf(serve);
    const saved = await contract.client.call('profiles.save', {
      name: 'Local test server',
      target: { kind: 'custom', baseUrl },
    });
    contract.close();
    expect(saved.ok).toBe(true);
    await page.goto(serve.url);
    await ui.start('sms').click();
    await ui.pick('builder-profile', 'local test');
    await expect(ui.profile).toContainText('Local test server');
    await ui.input('/text').press('ControlOrMeta+Enter');
    await expect(ui.responseStatus).toHaveText('202');
    await expect(ui.responseBody).toContainText('aaaaaaaa-bbbb-4ccc-8ddd-000000000202');
    await expect(ui.waterfallPhases.filter({ has: page.locator('.waterfall-wait') })).toHaveCount(1);
    await expect(ui.webhookThread).toHaveAttribute('data-message-uuid', 'aaaaaaaa-bbbb-4ccc-8ddd-000000000202');
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/v1/messages');
    expect(JSON.parse(received[0]!.body)).toMatchObject({ channel: 'sms', text: 'Hello from Vonage' });
  });

  test('a problem answer is explained inline and links to the explainer', async ({ page, serve }) => {
    const ui = builderPage(page);
    const type = 'https://developer.vonage.com/api-errors/#unathorized';
    answer = {
      status: 401,
      body: { type, title: 'Unauthorized', detail: 'You did not provide correct credentials.', instance: 'bf0ca0bf' },
    };
    const contract = await contractOf(serve);
    await contract.client.call('profiles.save', { name: 'Local test server', target: { kind: 'custom', baseUrl } });
    contract.close();
    await page.goto(serve.url);
    await ui.start('sms').click();
    await ui.pick('builder-profile', 'local test');
    await ui.send.click();
    await expect(ui.responseStatus).toHaveText('401');
    await expect(ui.error).toHaveAttribute('data-code', type);
    await expect(ui.error).toContainText('You did not provide correct credentials.');
    await expect(ui.error).toContainText('signed with the application private key');
    await ui.errorExplainLink.click();
    await expect(page.locator(`[data-testid="explainer-match"][data-key="${type}"]`)).toBeVisible();
  });

  test('exports cURL and Node with VONAGE_* placeholders and no secret', async ({ page, serve }) => {
    const ui = builderPage(page);
    const contract = await contractOf(serve);
    await contract.client.call('profiles.save', {
      name: 'Local test server',
      target: { kind: 'custom', baseUrl },
      apiKey: 'visiblekey1',
    });
    contract.close();
    await page.goto(serve.url);
    await ui.start('sms').click();
    await ui.pick('builder-profile', 'local test');
    await ui.exportButton.click();
    await expect(ui.exportCode).toContainText(`curl -X POST '${baseUrl}/v1/messages'`);
    await expect(ui.exportCode).toContainText('-u "$VONAGE_API_KEY:$VONAGE_API_SECRET"');
    await expect(ui.exportCode).not.toContainText('visiblekey1');
    await ui.exportTab('node').click();
    await expect(ui.exportCode).toContainText('process.env.VONAGE_APPLICATION_ID');
    await expect(ui.exportCode).not.toContainText('visiblekey1');
  });
});

test('a send to the built-in emulator gets 202 and its status webhooks arrive live under it, verified', async ({
  page,
  serve,
}) => {
  const ui = await openBuilder(page, serve.url, 'sms');
  await ui.send.click();
  await expect(ui.responseStatus).toContainText('202');
  await expect(ui.threadEntries).toHaveCount(2);
  await expect(ui.threadEntries.nth(0)).toHaveAttribute('data-status', 'submitted');
  await expect(ui.threadEntries.nth(1)).toHaveAttribute('data-status', 'delivered');
  await expect(ui.threadEntries.nth(1)).toHaveAttribute('data-verdict', 'verified');
  // Each webhook opens to the raw JSON it arrived with.
  await expect(ui.threadEntryBody.nth(1)).toBeHidden();
  await ui.threadEntryOpen.nth(1).click();
  await expect(ui.threadEntryBody.nth(1)).toBeVisible();
  await expect(ui.threadEntryBody.nth(1)).toContainText('"status": "delivered"');
});
