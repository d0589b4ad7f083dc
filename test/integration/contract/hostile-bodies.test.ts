import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type EventPayload } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { createCore, type Core } from '../../../src-main/core';
import { createMemoryLogger } from '../../../src-main/logger';
import { transports } from '../../support/contract-transports';
import { deepJsonBody } from '../../support/deep-bodies';
import { makeTempDir } from '../../support/serve-process';
import { v1Status } from '../../support/webhook-fixtures';
import { builtWebhookThread, builtWebhookWriter } from '../../support/webhook-harness';

const cookieValue = 'wb-token-value-5c1e2f';

describe.each(transports)('deep bodies and cookies over $name', (transport) => {
  let core: Core;
  let client: ContractClient;
  let close: () => Promise<void>;
  let arrived: WebhookEvent[];
  let wake: () => void = () => undefined;

  beforeEach(async () => {
    core = await createCore({
      dataDir: await makeTempDir(),
      webhooks: { writerScript: builtWebhookWriter },
      emulator: { webhookThreadScript: builtWebhookThread },
      hostKind: 'browser',
      logger: createMemoryLogger(),
      keychainService: 'workbench-hostile-bodies',
    });
    ({ client, close } = await transport.connect(core));
    arrived = [];
    client.on('webhooks.received', (batches: EventPayload<'webhooks.received'>[]) => {
      arrived.push(...batches.flatMap((batch) => batch.items.map((item) => item.event)));
      wake();
    });
  });

  afterEach(async () => {
    await close();
    await core.close();
  });

  const arrivedCount = (count: number) =>
    new Promise<void>((resolve) => {
      wake = () => arrived.length >= count && resolve();
      wake();
    });

  it('streams, lists and gets webhooks 5,000 and 100,000 deep to a live subscriber, masking their cookie', async () => {
    const receiver = await client.call('webhooks.receiver', {});
    if (!receiver.ok) throw new Error(receiver.error.message);
    const bodies = [deepJsonBody(5_000, 'zebracorn'), deepJsonBody(100_000, 'okapi'), JSON.stringify(v1Status())];
    for (const body of bodies) {
      const answer = await fetch(receiver.value.statusUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `wb_token=${cookieValue}` },
        body,
      });
      expect(answer.status).toBe(200);
    }
    await arrivedCount(3);
    const live = arrived.map((event) => methods['webhooks.get'].output.parse(event));
    expect(live.map((event) => [event.bodyTooDeep, event.bodyText.length])).toEqual(
      bodies.map((body, index) => [index < 2, body.length]),
    );
    expect(live.map((event) => event.headers.cookie)).toEqual([
      'wb_token=[redacted]',
      'wb_token=[redacted]',
      'wb_token=[redacted]',
    ]);
    expect(JSON.stringify(live)).not.toContain(cookieValue);

    const page = await client.call('webhooks.list', { limit: 10 });
    expect(page.ok && page.value.events.map((event) => event.bodyTooDeep)).toEqual([false, true, true]);
    const deepest = await client.call('webhooks.get', { id: live[1]!.id });
    expect(deepest.ok && deepest.value.bodyText).toBe(bodies[1]);
    const found = await client.call('webhooks.list', { text: 'okapi' });
    expect(found.ok && found.value.events.map((event) => event.id)).toEqual([live[1]!.id]);
  });

  it('records an emulator API call with a deep body and a cookie without parsing the body or keeping the cookie', async () => {
    const emulator = await client.call('emulator.status', {});
    if (!emulator.ok || !emulator.value.url) throw new Error('the emulator is not running');
    const body = deepJsonBody(100_000);
    const answer = await fetch(`${emulator.value.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `wb_token=${cookieValue}` },
      body,
    });
    await answer.arrayBuffer();
    await arrivedCount(1);
    const [call] = arrived.map((event) => methods['webhooks.get'].output.parse(event));
    expect(call).toMatchObject({ kind: 'api-call', bodyTooDeep: true, answerStatus: answer.status });
    expect(call?.bodyJson).toBeUndefined();
    expect(call?.bodyText).toBe(body);
    expect(JSON.stringify(call)).not.toContain(cookieValue);
    const page = await client.call('webhooks.list', { kind: 'api-call' });
    expect(page.ok && page.value.events.map((event) => event.id)).toEqual([call!.id]);
  });
});
