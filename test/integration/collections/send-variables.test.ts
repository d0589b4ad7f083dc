import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { Core } from '../../../src-main/core';
import { makeCollectionDir, stagingAndEmptyEnvironments, writeEnvironments } from '../../support/collections-fixtures';
import { instantEmulatorTimings, startHeadlessCore } from '../../support/test-core';

const smsTo = (to: string, text = 'Hello') => ({
  kind: 'send' as const,
  api: 'v1' as const,
  payload: { channel: 'sms', message_type: 'text', to, from: 'Acme', text },
});

describe('a builder send written with {{variables}}, filled in by the core', () => {
  let core: Core;
  let client: ContractClient;
  let root: string;

  beforeEach(async () => {
    ({ core, client } = await startHeadlessCore({
      keychainService: 'workbench-send-variables',
      emulatorTimings: instantEmulatorTimings,
    }));
    root = await makeCollectionDir();
    await writeEnvironments(root, stagingAndEmptyEnvironments);
  });

  afterEach(async () => {
    await core.close();
  });

  it("sends the environment's value and a credential reference read from the send's own credentials", async () => {
    const sent = await client.call('send.message', {
      variables: { root, environment: 'staging' },
      operation: smsTo('{{to_number}}', 'key {{ key }}'),
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const status = await client.call('emulator.status', {});
    if (!status.ok) throw new Error(status.error.message);
    expect(sent.value.response?.status).toBe(202);
    expect(JSON.parse(sent.value.request.body)).toMatchObject({
      to: '447700900123',
      text: `key ${status.value.apiKey}`,
    });
  });

  it('names the variable and the environment that lacks it, and sends nothing', async () => {
    const sent = await client.call('send.message', {
      variables: { root, environment: 'empty' },
      operation: smsTo('{{to_number}}'),
    });
    expect(sent).toMatchObject({
      ok: false,
      error: { code: 'VARIABLE_UNDEFINED', message: "{{to_number}} is not defined in environment 'empty'." },
    });
    const noEnvironment = await client.call('send.message', {
      variables: { root, environment: null },
      operation: smsTo('{{to_number}}'),
    });
    expect(noEnvironment).toMatchObject({
      ok: false,
      error: { code: 'VARIABLE_UNDEFINED', message: '{{to_number}} is not defined: no environment is picked.' },
    });
    const history = await client.call('send.history', {});
    expect(history.ok && history.value).toEqual([]);
  });

  it('refuses an unknown environment, a missing collection and a secret in the body', async () => {
    expect(
      await client.call('send.message', {
        variables: { root, environment: 'prod' },
        operation: smsTo('{{to_number}}'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ENVIRONMENT_NOT_FOUND', message: expect.stringContaining('(it has: staging, empty)') },
    });
    expect(
      await client.call('send.message', {
        variables: { root: `${root}/not here`, environment: 'staging' },
        operation: smsTo('{{to_number}}'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'COLLECTION_UNREADABLE' } });
    expect(
      await client.call('send.message', {
        variables: { root, environment: 'staging' },
        operation: smsTo('{{to_number}}', '{{secret}}'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'SECRET_IN_REQUEST' } });
  });

  it('leaves a request without variables (or sent without naming a collection) exactly as written', async () => {
    const sent = await client.call('send.message', { operation: smsTo('447700900999', 'Hi {{name}}') });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(JSON.parse(sent.value.request.body)).toMatchObject({ text: 'Hi {{name}}' });
  });
});
