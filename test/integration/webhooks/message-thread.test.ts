import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { buildMessageThread } from '../../../src-main/webhooks/message-thread';
import { messageUuid, v1Inbound, v1Status } from '../../support/webhook-fixtures';
import { startHarness, type WebhookHarness } from '../../support/webhook-harness';

let harness: WebhookHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

async function post(url: string, body: Record<string, unknown>): Promise<void> {
  const answer = await request(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  await answer.body.dump();
}

describe('message thread', () => {
  it("puts a message's statuses in order with time since send, and the recipient's replies on that channel", async () => {
    // A clock that moves one second per reading, so "before the send" is unambiguous.
    let clock = Date.parse('2025-02-03T12:00:00Z');
    harness = await startHarness({ now: () => (clock += 1000) });
    const sentAtMs = clock;
    const recipient = '447700900000';
    const status = (value: string) => v1Status({ status: value, channel: 'whatsapp', to: recipient });
    await post(`${harness.url}/webhooks/inbound`, v1Inbound({ from: recipient, text: 'sent before our message' }));
    await post(`${harness.url}/webhooks/status`, status('submitted'));
    await post(
      `${harness.url}/webhooks/status`,
      v1Status({ message_uuid: 'cccccccc-bbbb-4ccc-8ddd-0123456789ab', to: recipient }),
    );
    await post(`${harness.url}/webhooks/status`, status('delivered'));
    await post(`${harness.url}/webhooks/inbound`, v1Inbound({ from: recipient, text: 'yes please' }));
    await post(
      `${harness.url}/webhooks/inbound`,
      v1Inbound({ from: recipient, channel: 'sms', text: 'other channel' }),
    );
    await post(`${harness.url}/webhooks/inbound`, v1Inbound({ from: '447700900999', text: 'someone else' }));
    await post(`${harness.url}/webhooks/status`, status('read'));
    await harness.waitForEvents(8);

    const thread = await buildMessageThread(harness.store, {
      messageUuid,
      sentAtMs: Date.parse(harness.received[1]?.receivedAt ?? '') - 5,
    });
    expect(thread).toMatchObject({ messageUuid, recipient, channel: 'whatsapp' });
    expect(thread.statuses.map((entry) => entry.event.status)).toEqual(['submitted', 'delivered', 'read']);
    const times = thread.statuses.map((entry) => entry.sinceSendMs ?? -1);
    expect(times[0]).toBe(5);
    expect(times[1]).toBeGreaterThan(times[0] ?? 0);
    expect(times[2]).toBeGreaterThan(times[1] ?? 0);
    expect(thread.replies.map((entry) => (entry.event.bodyJson as { text: string }).text)).toEqual(['yes please']);

    const untimed = await buildMessageThread(harness.store, {
      messageUuid,
      recipient: '447700900999',
      channel: 'whatsapp',
      sentAtMs,
    });
    expect(untimed.replies.map((entry) => (entry.event.bodyJson as { text: string }).text)).toEqual(['someone else']);
    expect(await buildMessageThread(harness.store, { messageUuid: 'no-such-message' })).toEqual({
      messageUuid: 'no-such-message',
      recipient: null,
      channel: null,
      statuses: [],
      replies: [],
    });
  });
});
