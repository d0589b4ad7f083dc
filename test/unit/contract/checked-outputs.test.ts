import { describe, expect, it } from 'vitest';
import type { ContractTransport } from '../../../src-shared/contract-client';
import { checkingOutputs } from '../../support/checked-outputs';

/** A transport that answers every call with the same value. */
const answering = (value: unknown): ContractTransport => ({
  call: async () => ({ ok: true, value }),
  subscribe: () => () => undefined,
});

describe('the output check of the test transports', () => {
  it('fails a call whose answer drifts from the method output schema', async () => {
    await expect(
      checkingOutputs(answering({ url: 'http://127.0.0.1:1' })).call('webhooks.receiver', {}),
    ).rejects.toThrow(/webhooks\.receiver answered outside its output schema/);
  });

  it('lets a conforming answer and every refusal through unchanged', async () => {
    const receiver = {
      url: 'http://127.0.0.1:1',
      port: 1,
      inboundUrl: 'http://127.0.0.1:1/i',
      statusUrl: 'http://127.0.0.1:1/s',
    };
    expect(await checkingOutputs(answering(receiver)).call('webhooks.receiver', {})).toEqual({
      ok: true,
      value: receiver,
    });
    const refusal: ContractTransport = {
      call: async () => ({ ok: false, error: { code: 'X', message: 'm', hint: 'h' } }),
      subscribe: () => () => undefined,
    };
    expect(await checkingOutputs(refusal).call('webhooks.receiver', {})).toMatchObject({ ok: false });
  });
});
