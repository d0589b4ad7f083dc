import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, v1InboundSchema } from '../../../src-shared/messages';
import { createConversationStore, REPLYING_INDICATOR_MS } from '../../../src-main/emulator/conversation-store';
import { applicationJwt, startHarness, verifyWebhook, type Harness } from '../../support/emulator-harness';

/**
 * The phone's side of the emulator: every accepted message lands in its
 * recipient's conversation with its statuses as played and the PATCHes the
 * business made, and a tap comes back as a signed inbound webhook naming the
 * message it answers.
 */

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const full = (key: string) =>
  structuredClone(catalog('v1').find((entry) => `${entry.channel}/${entry.messageType}` === key)!.full);
const send = async (body: Record<string, unknown>) => {
  const sent = await harness.call('/v1/messages', body);
  expect(sent.status).toBe(202);
  return String(sent.body?.message_uuid);
};
const patch = async (uuid: string, body: unknown) =>
  harness.call(`/v1/messages/${uuid}`, body, {
    method: 'PATCH',
    authorization: `Bearer ${await applicationJwt(harness.credentials.privateKeyPem, harness.credentials.applicationId)}`,
  });
const inboundFor = async (uuid: string) => {
  const all = await harness.receiver.waitFor((received) => received.some((hook) => hook.body.message_uuid === uuid));
  return all.find((hook) => hook.body.message_uuid === uuid)!;
};

describe('conversations', () => {
  it('keeps each accepted message with its statuses as played, per recipient and channel', async () => {
    const uuid = await send({ ...full('sms/text'), to: '447700900111', failover: undefined, webhook_url: undefined });
    await harness.emulator.settled();
    const { conversations, conversation } = harness.emulator.conversations({
      channel: 'sms',
      recipient: '447700900111',
    });
    expect(conversations[0]).toMatchObject({ channel: 'sms', recipient: '447700900111', messages: 1 });
    expect(conversation?.entries).toHaveLength(1);
    expect(conversation?.entries[0]).toMatchObject({
      messageUuid: uuid,
      direction: 'outbound',
      body: { text: 'Hello from Vonage' },
    });
    expect(conversation?.entries[0]!.statuses.map((s) => s.status)).toEqual(['submitted', 'delivered']);
  });

  it('a rejected message keeps its error code; a failover item joins its own conversation', async () => {
    const uuid = await send({
      ...full('rcs/text'),
      to: '447700901300',
      // A failover item carries no failover, client_ref or webhook settings of its own.
      failover: [{ ...catalog('v1').find((entry) => entry.channel === 'sms')!.minimal, to: '447700901301' }],
    });
    await harness.emulator.settled();
    const rcs = harness.emulator.conversations({ channel: 'rcs', recipient: '447700901300' }).conversation!;
    expect(rcs.entries[0]).toMatchObject({ messageUuid: uuid, statuses: [{ status: 'rejected', errorCode: 1300 }] });
    const sms = harness.emulator.conversations({ channel: 'sms', recipient: '447700901301' }).conversation!;
    expect(sms.entries[0]!.statuses.map((s) => s.status)).toEqual(['submitted', 'delivered']);
  });

  it('shows the read and revoke the business PATCHed, and the replying indicator', async () => {
    const sent = await send({ ...full('rcs/text'), to: '447700900222', failover: undefined });
    expect((await patch(sent, { status: 'revoked' })).status).toBe(202);
    const inbound = await harness.emulator.simulateInbound({
      channel: 'whatsapp',
      messageType: 'text',
      from: '447700900333',
    });
    if (!inbound.ok) throw new Error(inbound.error.message);
    expect(
      (await patch(inbound.value.messageUuid, { status: 'read', replying_indicator: { show: true, type: 'text' } }))
        .status,
    ).toBe(202);
    await harness.emulator.settled();
    expect(
      harness.emulator.conversations({ channel: 'rcs', recipient: '447700900222' }).conversation!.entries[0]!.revoked,
    ).toBe(true);
    const whatsapp = harness.emulator.conversations({ channel: 'whatsapp', recipient: '447700900333' }).conversation!;
    expect(whatsapp.entries[0]).toMatchObject({ direction: 'inbound', readByBusiness: true });
    expect(Date.parse(whatsapp.replyingUntil!)).toBeGreaterThan(Date.now());
  });
});

describe('conversation store bounds', () => {
  it('drops the oldest entries past its cap and counts them; the indicator lasts 25 s or until the next send', () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const store = createConversationStore({ entriesPerConversation: 3, conversations: 2, now: () => new Date(clock) });
    const request = (n: number) => ({
      channel: 'sms',
      message_type: 'text',
      to: '447700900001',
      from: 'Shop',
      text: `m${n}`,
    });
    for (let n = 0; n < 5; n++) store.recordOutbound(`u${n}`, 'sms', request(n));
    const { conversation } = store.read({});
    expect(conversation?.entries.map((entry) => entry.messageUuid)).toEqual(['u2', 'u3', 'u4']);
    expect(conversation?.dropped).toBe(2);
    expect(store.find('u0')).toBeUndefined();

    store.recordInbound('in1', 'whatsapp', { from: '447700900009', to: 'Shop', message_type: 'text' });
    store.recordUpdate('in1', { status: 'read', replying_indicator: { show: true, type: 'text' } });
    expect(store.read({ channel: 'whatsapp' }).conversation?.replyingUntil).toBe(
      new Date(clock + REPLYING_INDICATOR_MS).toISOString(),
    );
    clock += REPLYING_INDICATOR_MS;
    expect(store.read({ channel: 'whatsapp' }).conversation?.replyingUntil).toBeUndefined();

    store.recordInbound('in2', 'rcs', { from: '447700900010', to: 'Shop', message_type: 'text' });
    expect(store.read({}).conversations.map((summary) => summary.channel)).toEqual(['rcs', 'whatsapp']);
    expect(store.find('u4')).toBeUndefined();
  });
});

describe('answers from the phone', () => {
  it('an RCS suggested reply and action come back as signed reply and button webhooks', async () => {
    const uuid = await send({ ...full('rcs/text'), to: '447700900444', failover: undefined });
    const reply = await harness.emulator.answerOnPhone({ messageUuid: uuid, answer: { kind: 'suggestion', index: 0 } });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value).toMatchObject({ messageType: 'reply', delivered: true });
    const replyHook = await inboundFor(reply.value.messageUuid);
    await verifyWebhook(replyHook, harness.credentials.signatureSecret);
    expect(replyHook.path).toBe('/inbound');
    expect(v1InboundSchema('rcs', 'reply').parse(replyHook.body)).toMatchObject({
      from: '447700900444',
      to: 'VonageBrand',
      reply: { id: 'offer_yes', title: 'Yes please' },
    });
    const button = await harness.emulator.answerOnPhone({
      messageUuid: uuid,
      answer: { kind: 'suggestion', index: 4 },
    });
    if (!button.ok) throw new Error(button.error.message);
    const buttonHook = await inboundFor(button.value.messageUuid);
    await verifyWebhook(buttonHook, harness.credentials.signatureSecret);
    expect(buttonHook.body).toMatchObject({
      message_type: 'button',
      button: { payload: 'open_offer', text: 'Open the offer' },
    });
    expect(
      harness.emulator
        .conversations({ channel: 'rcs', recipient: '447700900444' })
        .conversation!.entries.map((e) => e.direction),
    ).toEqual(['outbound', 'inbound', 'inbound']);
  });

  it('a WhatsApp list row comes back as a reply with context naming the message', async () => {
    const uuid = await send({
      channel: 'whatsapp',
      message_type: 'custom',
      to: '447700900555',
      from: '447700900001',
      custom: {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Pick a slot' },
          action: { button: 'Slots', sections: [{ title: 'Tue', rows: [{ id: 'tue-am', title: 'Morning' }] }] },
        },
      },
    });
    const answered = await harness.emulator.answerOnPhone({ messageUuid: uuid, answer: { kind: 'row', id: 'tue-am' } });
    if (!answered.ok) throw new Error(answered.error.message);
    const hook = await inboundFor(answered.value.messageUuid);
    await verifyWebhook(hook, harness.credentials.signatureSecret);
    // Exactly the row tapped: no sample description merged in.
    expect(hook.body.reply).toEqual({ id: 'tue-am', title: 'Morning' });
    expect(hook.body).toMatchObject({
      context_status: 'available',
      context: { message_uuid: uuid, message_from: '447700900001' },
    });
  });

  it('refuses an answer to an unknown message or to an element the message lacks, posting nothing', async () => {
    const before = harness.receiver.received.length;
    expect(
      await harness.emulator.answerOnPhone({ messageUuid: 'nope', answer: { kind: 'text', text: 'hi' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PHONE_MESSAGE_UNKNOWN', path: '/messageUuid' },
    });
    const uuid = await send({ ...full('whatsapp/text'), to: '447700900666', failover: undefined, context: undefined });
    expect(
      await harness.emulator.answerOnPhone({ messageUuid: uuid, answer: { kind: 'button', index: 3 } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PHONE_ANSWER_INVALID' },
    });
    await harness.emulator.settled();
    expect(harness.receiver.received.slice(before).filter((hook) => hook.path === '/inbound')).toEqual([]);
  });
});
