import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, classifyWebhook, v01StatusSchema, v1StatusSchema } from '../../../src-shared/messages';
import { startHarness, verifyWebhook, type Harness } from '../../support/emulator-harness';

const reads = new Set(['rcs', 'whatsapp', 'messenger', 'viber_service', 'viber_service_msg']);

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ scenarios: [] });
});
afterAll(() => harness.close());

const entries = catalog().flatMap((entry) => [
  { ...entry, variant: 'minimal', payload: entry.minimal },
  { ...entry, variant: 'full', payload: entry.full },
]);

describe('every catalogue template sent to the emulator', () => {
  it.each(
    entries.map((entry) => [`${entry.api} ${entry.channel}/${entry.messageType} (${entry.variant})`, entry] as const),
  )('%s gets 202 and its full, signed, valid status sequence', async (_label, entry) => {
    const payload = structuredClone(entry.payload);
    // The full v1 templates name example.com; point them at the local receiver instead.
    if ('webhook_url' in payload) payload.webhook_url = `${harness.receiver.url}/per-message`;
    const path = entry.api === 'v1' ? '/v1/messages' : '/v0.1/messages';
    const answer = await harness.call(path, payload);
    expect(answer.status).toBe(202);
    const uuid = String(answer.body?.message_uuid);
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect('workflow_id' in (answer.body ?? {})).toBe('failover' in payload);

    const expected = ['submitted', 'delivered', ...(reads.has(entry.channel) ? ['read'] : [])];
    const webhooks = (
      await harness.receiver.waitFor(
        (all) => all.filter((w) => w.body.message_uuid === uuid).length === expected.length,
      )
    ).filter((webhook) => webhook.body.message_uuid === uuid);
    expect(webhooks.map((webhook) => webhook.body.status)).toEqual(expected);
    expect(new Set(webhooks.map((webhook) => webhook.path))).toEqual(
      new Set(['webhook_url' in payload ? '/per-message' : '/status']),
    );

    const version =
      entry.api === 'v0.1' ? 'v0.1' : entry.channel === 'rcs' ? 'v1' : String(payload.webhook_version ?? 'v1');
    for (const webhook of webhooks) {
      const { payload: claims, protectedHeader } = await verifyWebhook(webhook, harness.credentials.signatureSecret);
      expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
      expect(claims).toMatchObject({
        iss: 'Vonage',
        api_key: harness.credentials.apiKey,
        application_id: harness.credentials.applicationId,
      });
      expect(typeof claims.iat).toBe('number');
      expect(typeof claims.jti).toBe('string');
      const classified = classifyWebhook(webhook.body);
      expect(classified).toMatchObject({ kind: 'status', version, issues: [] });
      expect((version === 'v1' ? v1StatusSchema : v01StatusSchema).safeParse(webhook.body).success).toBe(true);
      if (typeof payload.client_ref === 'string') expect(webhook.body.client_ref).toBe(payload.client_ref);
      if (version === 'v1') expect(webhook.body.channel).toBe(entry.channel);
    }
    const byStatus = Object.fromEntries(webhooks.map((webhook) => [webhook.body.status, webhook.body]));
    if (entry.channel === 'sms' && version === 'v1') {
      expect(byStatus.submitted).toMatchObject({ usage: { currency: 'EUR' }, sms: { count_total: '1' } });
    }
    if (entry.channel === 'whatsapp' && version === 'v1') {
      expect(byStatus.delivered?.whatsapp).toMatchObject({ pricing: { pricing_model: 'PMP' } });
      expect(byStatus.submitted?.whatsapp).toBeUndefined();
    }
  });

  it('reports each call and each webhook attempt through onEvent, without the Authorization header', async () => {
    await harness.emulator.settled();
    const requests = harness.events.filter((event) => event.kind === 'emulator.request');
    const webhooks = harness.events.filter((event) => event.kind === 'emulator.webhook');
    expect(requests.length).toBe(entries.length);
    expect(webhooks.length).toBe(harness.receiver.received.length);
    expect(JSON.stringify(harness.events)).not.toContain(harness.credentials.apiSecret);
    expect(JSON.stringify(harness.events)).not.toContain('Basic ');
  });
});
