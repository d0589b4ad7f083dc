import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendService, type SendService } from '../../../src-main/send/send-service';
import { closedPortUrl, startApiServer, startSilentServer, startTlsApiServer } from '../../support/send-servers';

const payload = { channel: 'sms', message_type: 'text', to: '447700900001', from: 'Workbench', text: 'hi' };

describe('network failures are named', () => {
  let sender: SendService;

  beforeAll(() => {
    sender = createSendService({ validatePayload: () => [] });
  });

  afterAll(async () => {
    await sender?.close();
  });

  async function failureOf(baseUrl: string, timeoutMs?: number) {
    const result = await sender.send({
      baseUrl,
      auth: { kind: 'basic', apiKey: 'abc123de', apiSecret: 'Ab3De6Gh9Jk2cd12' },
      operation: { kind: 'send', api: 'v1', payload },
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.response).toBeNull();
    expect(result.value.succeeded).toBe(false);
    expect(result.value.timings.totalMs).toEqual(expect.any(Number));
    expect(JSON.stringify(result.value.error)).not.toContain('Ab3De6Gh9Jk2cd12');
    return result.value.error;
  }

  it('refused: nothing listens on the port', async () => {
    expect(await failureOf(await closedPortUrl())).toMatchObject({
      code: 'NETWORK_REFUSED',
      hint: expect.stringMatching(/emulator/),
    });
  });

  it('timeout: the server accepts and never answers', async () => {
    const silent = await startSilentServer();
    const error = await failureOf(silent.url, 300);
    await silent.close();
    expect(error).toMatchObject({ code: 'NETWORK_TIMEOUT', message: expect.stringMatching(/300 ms/) });
  });

  it('DNS: a host under .invalid never resolves', async () => {
    expect(await failureOf('http://workbench-test.invalid')).toMatchObject({
      code: 'NETWORK_DNS',
      message: expect.stringMatching(/workbench-test\.invalid/),
    });
  });

  it('TLS: https:// to a server that speaks plain HTTP', async () => {
    const plain = await startApiServer(() => ({ status: 202, body: {} }));
    const error = await failureOf(plain.url.replace('http://', 'https://'));
    await plain.close();
    expect(error).toMatchObject({ code: 'NETWORK_TLS', hint: expect.stringMatching(/http:\/\//) });
  });

  it('TLS: a certificate nobody vouches for is refused, and trusted when added', async () => {
    const secure = await startTlsApiServer(() => ({
      status: 202,
      body: { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' },
    }));
    expect(await failureOf(secure.url)).toMatchObject({ code: 'NETWORK_TLS' });

    const trusting = createSendService({ validatePayload: () => [], extraCertificates: [secure.certificatePem] });
    const result = await trusting.send({
      baseUrl: secure.url,
      auth: { kind: 'none' },
      operation: { kind: 'send', api: 'v1', payload },
    });
    await trusting.close();
    await secure.close();
    expect(result.ok && result.value).toMatchObject({
      succeeded: true,
      timings: {
        reusedConnection: false,
        connectMs: expect.any(Number),
        tlsMs: expect.any(Number),
        firstByteMs: expect.any(Number),
      },
    });
  });
});
