import { expect, test } from '@playwright/test';
import { startKeyringSession, type KeyringSession } from '../support/keyring-session';
import { startServe, type ServeProcess } from '../support/serve-process';
import { vonageAuthorization } from '../support/webhook-signing';
import { callContract, openTimeline } from './pages/timeline';

const signatureSecret = 'e2e-signature-secret-0123456789abcdef';
let keyring: KeyringSession;
let serve: ServeProcess;

test.beforeAll(async () => {
  // The profile's signature secret lives in a real keychain, started for this file only.
  keyring = await startKeyringSession();
});

test.afterAll(async () => {
  await keyring.stop();
});

test.beforeEach(async () => {
  serve = await startServe({ env: { ...keyring.env } });
});

test.afterEach(async () => {
  expect(await serve.stop()).toBe(0);
});

async function postSigned(receiverUrl: string, body: string, secret: string): Promise<void> {
  const response = await fetch(`${receiverUrl}/webhooks/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await vonageAuthorization({ secret, body }) },
    body,
  });
  await response.arrayBuffer();
}

test("choosing a profile's signature secret makes its signed webhooks verified, and others bad-signature", async ({
  page,
}) => {
  const { ui, receiverUrl } = await openTimeline(page, serve.url);
  await callContract(page, 'profiles.save', { name: 'signing', secrets: { signatureSecret } });
  const body = JSON.stringify({
    message_uuid: '88888888-0000-4000-8000-000000000001',
    to: '447700900000',
    from: '447700900001',
    timestamp: '2025-02-03T12:14:25Z',
    status: 'delivered',
    channel: 'sms',
  });

  await postSigned(receiverUrl, body, signatureSecret);
  await expect(ui.rows.first()).toContainText('not checked: no secret');

  await ui.signatureSecret.focus();
  await ui.signatureSecret.selectOption('signing');
  await expect(ui.signatureSecret).toHaveAttribute('data-checking', 'profile');
  await postSigned(receiverUrl, body, signatureSecret);
  await expect(ui.rows).toHaveCount(2);
  await expect(ui.rows.first()).toContainText('verified');
  await postSigned(receiverUrl, body, 'some-other-secret-0123456789abcdef');
  await expect(ui.rows).toHaveCount(3);
  await expect(ui.rows.first()).toContainText('bad signature');
  await ui.filterVerdict.selectOption('verified');
  await expect(ui.rows).toHaveCount(1);
});
