import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyWebhook } from '../../../src-shared/messages';
import { startHarness, type Harness } from '../../support/emulator-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

describe('an email sent to the emulator', () => {
  it('gets v1 status webhooks even when it asks for v0.1, which has no email channel', async () => {
    const email = {
      channel: 'email',
      message_type: 'text',
      to: 'grace@example.net',
      from: 'shop@example.net',
      text: 'Your receipt',
      email: { subject: 'Receipt' },
      webhook_version: 'v0.1',
    };
    const answer = await harness.call('/v1/messages', email);
    expect(answer.status).toBe(202);
    const uuid = String(answer.body?.message_uuid);
    const webhooks = (
      await harness.receiver.waitFor((all) => all.filter((w) => w.body.message_uuid === uuid).length === 2)
    ).filter((webhook) => webhook.body.message_uuid === uuid);
    expect(webhooks.map((webhook) => classifyWebhook(webhook.body))).toEqual([
      expect.objectContaining({ kind: 'status', version: 'v1', channel: 'email', status: 'submitted', issues: [] }),
      expect.objectContaining({ kind: 'status', version: 'v1', channel: 'email', status: 'delivered', issues: [] }),
    ]);
  });
});
