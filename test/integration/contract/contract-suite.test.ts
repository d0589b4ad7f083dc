import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events, methods } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { Core } from '../../../src-main/core';
import { transports } from '../../support/contract-transports';
import { createTestCore } from '../../support/test-core';

describe.each(transports)('the contract over $name', (transport) => {
  let core: Core;
  let client: ContractClient;
  let close: () => Promise<void>;

  beforeEach(async () => {
    core = await createTestCore({ hostKind: 'browser' });
    ({ client, close } = await transport.connect(core));
  });

  afterEach(async () => {
    await close();
    await core.close();
  });

  it('answers app.info with output that matches its schema', async () => {
    const result = await client.call('app.info', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const info = methods['app.info'].output.parse(result.value);
    expect(info.hostKind).toBe('browser');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.platform).toBe(process.platform);
  });

  it('refuses invalid input with a code, a hint and the field path', async () => {
    const result = await client.call('collections.runs', { limit: -5 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: '/limit' } });
    if (!result.ok) expect(result.error.hint).not.toBe('');
  });

  it('refuses a method the contract does not list', async () => {
    // The typed client would not compile this call; a hostile page could still send it.
    const result = await (client.call as (method: string, input: unknown) => Promise<unknown>)('app.shutdown', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'METHOD_UNKNOWN' } });
  });

  it('judges a payload through messages.validate and explains a code through errors.explain', async () => {
    const report = await client.call('messages.validate', {
      api: 'v1',
      payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme' },
    });
    expect(report.ok).toBe(true);
    if (report.ok)
      expect(methods['messages.validate'].output.parse(report.value).errors.map((issue) => issue.path)).toContain(
        '/text',
      );
    const explained = await client.call('errors.explain', { query: '1300' });
    expect(explained.ok && explained.value[0]?.key).toBe('1300');
    const sms = await client.call('sms.info', { text: 'x'.repeat(70) + '😀' });
    expect(sms.ok && sms.value.segments).toBe(2);
    const converted = await client.call('messages.convert', { payload: 'not an object', to: 'v1' });
    expect(converted.ok).toBe(false);
  });

  it('adds each request schema to messages.catalog only when asked', async () => {
    const plain = await client.call('messages.catalog', { api: 'v1' });
    expect(plain.ok && plain.value.every((entry) => entry.schema === undefined)).toBe(true);
    const withSchemas = await client.call('messages.catalog', { api: 'v1', jsonSchema: true });
    expect(withSchemas.ok).toBe(true);
    if (!withSchemas.ok) return;
    const smsText = withSchemas.value.find((entry) => entry.channel === 'sms' && entry.messageType === 'text');
    expect(smsText?.schema).toMatchObject({ type: 'object', properties: { text: { maxLength: 3200 } } });
  });

  it('refuses a send naming both a profile and the environment, and a tunnel with a bad subdomain', async () => {
    const send = await client.call('send.message', {
      profile: 'someone',
      fromEnvironment: true,
      operation: { kind: 'send', api: 'v1', payload: {} },
    });
    expect(send).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: '/fromEnvironment' } });
    const tunnel = await client.call('tunnel.start', { subdomain: 'No Spaces' });
    expect(tunnel).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: '/subdomain' } });
  });

  it('delivers events in batches, every payload valid and in order', async () => {
    const root = 'burst of changes';
    const batches: unknown[][] = [];
    const total = 2500;
    const allArrived = new Promise<void>((resolve) => {
      let seen = 0;
      client.on('collections.changed', (payloads) => {
        const ours = payloads.filter((payload) => payload.root === root);
        batches.push(ours);
        seen += ours.length;
        if (seen === total) resolve();
      });
    });
    // The core's own hub, as a watched folder feeds it: the hosts must carry a burst of events in few messages.
    for (let index = 1; index <= total; index++)
      core.events.emit('collections.changed', { root, paths: [`${index}.json`] });
    await allArrived;
    const sequence = batches.flat().map((payload) => events['collections.changed'].parse(payload).paths[0]);
    expect(sequence).toEqual(Array.from({ length: total }, (_, index) => `${index + 1}.json`));
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThan(total / 100);
  });
});
