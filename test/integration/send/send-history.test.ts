import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signVonageJwt } from '../../../src-main/auth/vonage-jwt';
import { createSendHistory, type SendHistory } from '../../../src-main/send/send-history';
import { createSendService, type SendService } from '../../../src-main/send/send-service';
import { filesContaining } from '../../support/keyring-leak-check';
import { generateApplicationKeys } from '../../support/keyring-fixtures';
import { closedPortUrl, startApiServer, type TestServer } from '../../support/send-servers';

const apiSecret = 'Ab3De6Gh9Jk2cd12';
const basicCredential = Buffer.from(`abc123de:${apiSecret}`).toString('base64');
const payload = { channel: 'sms', message_type: 'text', to: '447700900001', from: 'Workbench', text: 'history check' };

describe('send history in libsql', () => {
  let directory: string;
  let server: TestServer;
  let history: SendHistory;
  let sender: SendService;
  let bearerToken: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'workbench history '));
    server = await startApiServer((request) =>
      request.url === '/v1/messages'
        ? { status: 202, body: { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' } }
        : {
            status: 422,
            body: { type: 'https://developer.vonage.com/api-errors/messages#1150', title: 'Invalid params' },
          },
    );
    history = createSendHistory({ databasePath: join(directory, 'workbench.db') });
    sender = createSendService({ validatePayload: () => [], history });
    const signed = await signVonageJwt({ applicationId: 'app-1', privateKey: generateApplicationKeys().privateKeyPem });
    if (!signed.ok) throw new Error(signed.error.message);
    bearerToken = signed.value.token;

    const basic = { kind: 'basic', apiKey: 'abc123de', apiSecret } as const;
    await sender.send({
      baseUrl: server.url,
      auth: basic,
      operation: { kind: 'send', api: 'v1', payload },
      profileName: 'eu',
    });
    await sender.send({
      baseUrl: server.url,
      auth: basic,
      operation: { kind: 'send', api: 'v0.1', payload },
      profileName: 'eu',
    });
    await sender.send({
      baseUrl: server.url,
      auth: { kind: 'bearer', token: bearerToken },
      operation: { kind: 'update', messageUuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab', payload: { status: 'read' } },
      profileName: 'app',
    });
    await sender.send({ baseUrl: await closedPortUrl(), auth: basic, operation: { kind: 'send', api: 'v1', payload } });
  });

  afterAll(async () => {
    await sender?.close();
    history?.close();
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('lists every send, newest first', () => {
    const entries = history.list();
    expect(entries.map((entry) => [entry.operation, entry.status, entry.errorCode])).toEqual([
      ['send-v1', null, 'NETWORK_REFUSED'],
      ['update-v1', 422, null],
      ['send-v0.1', 422, null],
      ['send-v1', 202, null],
    ]);
    expect(entries[3]).toMatchObject({ profileName: 'eu', messageUuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' });
  });

  it('filters by profile, outcome, status, failure, operation and text', () => {
    const operations = (filter: Parameters<SendHistory['list']>[0]) =>
      history.list(filter).map((entry) => entry.operation);
    expect(operations({ profileName: 'eu' })).toEqual(['send-v0.1', 'send-v1']);
    expect(operations({ outcome: 'succeeded' })).toEqual(['send-v1']);
    expect(operations({ outcome: 'failed' })).toEqual(['send-v1', 'update-v1', 'send-v0.1']);
    expect(operations({ status: 422, operation: 'update-v1' })).toEqual(['update-v1']);
    expect(operations({ errorCode: 'NETWORK_REFUSED' })).toEqual(['send-v1']);
    expect(operations({ text: 'history check', limit: 2 })).toEqual(['send-v1', 'send-v0.1']);
    expect(operations({ text: '100%_' })).toEqual([]);
  });

  it('returns a whole exchange, ready to send again', () => {
    const [latestSuccess] = history.list({ outcome: 'succeeded' });
    const exchange = history.get(latestSuccess!.id);
    expect(exchange).toMatchObject({
      operation: 'send-v1',
      request: { body: JSON.stringify(payload) },
      response: { status: 202 },
    });
    expect(history.get('no-such-id')).toBeNull();
  });

  it('keeps no credential in any row or database file', async () => {
    for (const entry of history.list()) {
      const stored = JSON.stringify(history.get(entry.id));
      expect(stored).not.toContain(apiSecret);
      expect(stored).not.toContain(basicCredential);
      expect(stored).not.toContain(bearerToken);
    }
    for (const secret of [apiSecret, basicCredential, bearerToken]) {
      expect(await filesContaining(directory, secret)).toEqual([]);
    }
  });

  it('refuses to store an exchange whose Authorization is not redacted', () => {
    const [entry] = history.list();
    const exchange = history.get(entry!.id)!;
    exchange.id = 'leaky';
    exchange.request.headers.authorization = `Basic ${basicCredential}`;
    expect(() => history.record(exchange)).toThrow(/not redacted/);
  });
});
