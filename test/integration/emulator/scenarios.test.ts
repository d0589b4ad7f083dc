import { afterEach, describe, expect, it } from 'vitest';
import { catalog, classifyWebhook } from '../../../src-shared/messages';
import { parseScenarios, type ScenarioRuleInput } from '../../../src-main/emulator';
import { startHarness, type Harness } from '../../support/emulator-harness';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});
async function harnessWith(scenarios?: ScenarioRuleInput[]) {
  const harness = await startHarness(scenarios === undefined ? {} : { scenarios });
  harnesses.push(harness);
  return harness;
}

const minimal = (key: string, changes: Record<string, unknown> = {}) => {
  const entry = catalog('v1').find((candidate) => `${candidate.channel}/${candidate.messageType}` === key)!;
  return { ...entry.minimal, ...changes };
};

async function statusesOf(harness: Harness, uuid: string, count: number) {
  const all = await harness.receiver.waitFor(
    (received) => received.filter((webhook) => webhook.body.message_uuid === uuid).length >= count,
  );
  return all.filter((webhook) => webhook.body.message_uuid === uuid).map((webhook) => webhook.body);
}

describe('the default scenarios', () => {
  it('reject a recipient ending in 1300 with error 1300 after submission (SMS)', async () => {
    const harness = await harnessWith();
    const answer = await harness.call('/v1/messages', minimal('sms/text', { to: '447700901300' }));
    expect(answer.status).toBe(202);
    const bodies = await statusesOf(harness, String(answer.body?.message_uuid), 2);
    expect(bodies.map((body) => body.status)).toEqual(['submitted', 'rejected']);
    expect(bodies[1]?.error).toMatchObject({
      type: 'https://developer.vonage.com/api-errors/messages#1300',
      title: '1300',
    });
    expect(classifyWebhook(bodies[1])).toMatchObject({ errorCode: 1300, issues: [] });
  });

  it('make a WhatsApp recipient ending in 1330 undeliverable, with no submitted first', async () => {
    const harness = await harnessWith();
    const answer = await harness.call(
      '/v1/messages',
      minimal('whatsapp/text', { to: '447700901330', webhook_version: 'v0.1' }),
    );
    const bodies = await statusesOf(harness, String(answer.body?.message_uuid), 1);
    await harness.emulator.settled();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ status: 'undeliverable', error: { code: 1330, reason: 'Delivery failed' } });
  });

  it.each([
    ['0429', 429, 'Rate Limit Hit'],
    ['0500', 500, 'Internal error'],
    ['0402', 402, 'Low balance'],
  ])('answer a recipient ending in %s with HTTP %i', async (suffix, status, title) => {
    const harness = await harnessWith();
    const answer = await harness.call('/v1/messages', minimal('sms/text', { to: `44770090${suffix}` }));
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ title });
    await harness.emulator.settled();
    expect(harness.receiver.received).toHaveLength(0);
    const request = harness.events.find((event) => event.kind === 'emulator.request');
    expect(request).toMatchObject({ status, scenarioRules: [expect.stringContaining(String(status))] });
  });

  it('leave out read for a recipient ending in 0404', async () => {
    const harness = await harnessWith();
    const answer = await harness.call('/v1/messages', minimal('messenger/text', { to: '3997553136960404' }));
    await harness.emulator.settled();
    expect((await statusesOf(harness, String(answer.body?.message_uuid), 2)).map((body) => body.status)).toEqual([
      'submitted',
      'delivered',
    ]);
  });
});

describe('custom scenarios', () => {
  it('throttle to N calls per second with 429 beyond', async () => {
    const harness = await harnessWith([
      { name: 'two per second', match: { channel: 'sms' }, outcome: { kind: 'throttle', perSecond: 2 } },
    ]);
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++)
      statuses.push((await harness.call('/v1/messages', minimal('sms/text'))).status);
    expect(statuses).toEqual([202, 202, 429, 429]);
    expect((await harness.call('/v1/messages', minimal('mms/text'))).status).toBe(202);
  });

  it('slow the answer down, then let later rules decide', async () => {
    const harness = await harnessWith([
      { name: 'slow', match: { textContains: 'slowly' }, outcome: { kind: 'slow', delayMs: 150 } },
      { name: 'then reject', match: { message_type: 'text' }, outcome: { kind: 'reject', code: 1120 } },
    ]);
    const began = performance.now();
    const answer = await harness.call('/v1/messages', minimal('viber_service/text', { text: 'reply slowly please' }));
    expect(performance.now() - began).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(202);
    const bodies = await statusesOf(harness, String(answer.body?.message_uuid), 1);
    expect(bodies[0]).toMatchObject({ status: 'rejected', error: { title: '1120' } });
  });

  it('play failover out: a rejected WhatsApp message hands over to SMS, each status naming its workflow place', async () => {
    const harness = await harnessWith();
    const payload = minimal('whatsapp/text', {
      to: '447700901340',
      failover: [minimal('sms/text', { to: '447700901340' })],
    });
    const answer = await harness.call('/v1/messages', payload);
    expect(answer.status).toBe(202);
    const workflowId = String(answer.body?.workflow_id);
    expect(workflowId).toHaveLength(55);
    const all = await harness.receiver.waitFor((received) => received.length >= 3);
    await harness.emulator.settled();
    expect(
      all.map((webhook) => [
        webhook.body.channel,
        webhook.body.status,
        (webhook.body.workflow as { items_number: string }).items_number,
      ]),
    ).toEqual([
      ['whatsapp', 'rejected', '1'],
      ['sms', 'submitted', '2'],
      ['sms', 'delivered', '2'],
    ]);
    expect(all[0]?.body.message_uuid).toBe(answer.body?.message_uuid);
    expect(all[1]?.body.message_uuid).not.toBe(answer.body?.message_uuid);
    for (const webhook of all)
      expect(webhook.body.workflow).toEqual(expect.objectContaining({ workflow_id: workflowId, items_total: '2' }));
  });

  it('are checked as JSON, naming the field of each mistake', () => {
    expect(
      parseScenarios({ rules: [{ name: 'all rejected', outcome: { kind: 'reject', code: 1300 } }] }),
    ).toMatchObject({
      ok: true,
      value: [{ name: 'all rejected', match: {}, outcome: { kind: 'reject', code: 1300 } }],
    });
    const refused = parseScenarios({
      rules: [
        { name: 'ok', outcome: { kind: 'deliver' } },
        { name: 'x', outcome: { kind: 'reject', code: 99 } },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID', path: '/rules/1/outcome/code' } });
    if (!refused.ok) expect(refused.error.message).toContain('rules[1].outcome.code');
    expect(parseScenarios({ rules: 'all' })).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID' } });
  });

  it('can be replaced while running', async () => {
    const harness = await harnessWith([]);
    expect(harness.emulator.setScenarios([{ name: 'all 500', outcome: { kind: 'http', status: 500 } }]).ok).toBe(true);
    expect((await harness.call('/v1/messages', minimal('sms/text'))).status).toBe(500);
    expect(harness.emulator.setScenarios([{ name: 'bad', outcome: { kind: 'http', status: 418 } }])).toMatchObject({
      ok: false,
    });
    expect(harness.emulator.scenarios()).toHaveLength(1);
  });
});
