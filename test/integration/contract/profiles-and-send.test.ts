import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodInput, type MethodName, type MethodOutput } from '../../../src-shared/contract';
import type { ContractClient } from '../../../src-shared/contract-client';
import type { Core } from '../../../src-main/core';
import { transports } from '../../support/contract-transports';
import { filesContaining } from '../../support/keyring-leak-check';
import { generateApplicationKeys, pemBodyLine } from '../../support/keyring-fixtures';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { startApiServer, type TestServer } from '../../support/send-servers';
import { makeTempDir } from '../../support/serve-process';
import { createTestCore } from '../../support/test-core';

const apiSecret = 'Zq7Wx2Lm9Pd4cd12';
const keys = generateApplicationKeys();
let session: KeyringSession;
let restoreEnv: () => void;
let server: TestServer;

beforeAll(async () => {
  session = await startKeyringSession();
  restoreEnv = applyKeyringEnv(session.env);
  server = await startApiServer((request) =>
    request.headers.authorization === `Basic ${Buffer.from(`key12345:${apiSecret}`).toString('base64')}`
      ? { status: 202, body: { message_uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab' } }
      : { status: 401, body: { type: 'https://developer.nexmo.com/api-errors#unauthorized', title: 'Unauthorized' } },
  );
});

afterAll(async () => {
  await server.close();
  restoreEnv();
  await session.stop();
});

describe.each(transports)('profiles and sends over $name', (transport) => {
  let core: Core;
  let client: ContractClient;
  let close: () => Promise<void>;
  let dataDir: string;
  const responses: unknown[] = [];

  beforeAll(async () => {
    dataDir = await makeTempDir();
    core = await createTestCore({
      hostKind: 'browser',
      keychainService: `workbench-contract-${transport.name}`,
      dataDir,
    });
    ({ client, close } = await transport.connect(core));
  });

  afterAll(async () => {
    await close();
    await core.close();
  });

  /** Every answer is kept, to prove afterwards that no secret ever left the core. */
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await client.call(method, input);
    responses.push(result);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return methods[method].output.parse(result.value) as MethodOutput<M>;
  }

  it('saves a profile whose secrets come back masked only', async () => {
    const view = await call('profiles.save', {
      name: 'Staging',
      target: { kind: 'custom', baseUrl: server.url },
      apiKey: 'key12345',
      applicationId: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
      secrets: { apiSecret, privateKey: keys.privateKeyPem },
    });
    expect(view.secrets.apiSecret).toEqual({ isSet: true, masked: '••••cd12' });
    expect(view.secrets.privateKey.isSet).toBe(true);
    expect(view.secrets.signatureSecret).toEqual({ isSet: false, masked: null });
    expect((await call('profiles.list', {})).map((profile) => profile.name)).toEqual(['Staging']);
  });

  it('sends with Basic auth and keeps the exchange in history', async () => {
    const exchange = await call('send.message', {
      profile: 'Staging',
      auth: 'basic',
      operation: {
        kind: 'send',
        api: 'v1',
        payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' },
      },
    });
    expect(exchange).toMatchObject({
      succeeded: true,
      messageUuid: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab',
      response: { status: 202 },
    });
    expect(exchange.request.headers.authorization).toBe('Basic [redacted]');
    expect(exchange.timings.totalMs).toBeGreaterThan(0);
    const history = await call('send.history', {});
    expect(history[0]).toMatchObject({ id: exchange.id, status: 202 });
    expect((await call('send.get', { id: exchange.id })).request.body).toContain('"text":"hi"');
  });

  it('refuses an invalid payload unless overridden, naming the field', async () => {
    const refused = await client.call('send.message', {
      profile: 'Staging',
      auth: 'basic',
      operation: {
        kind: 'send',
        api: 'v1',
        payload: { channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme' },
      },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PAYLOAD_INVALID' } });
  });

  it('verifies a token against the profile key without returning the key', async () => {
    const token = await new SignJWT({ application_id: 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab', jti: 'x' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(await importPKCS8(keys.privateKeyPem, 'RS256'));
    const inspection = await call('auth.inspectJwt', { token, profile: 'Staging' });
    expect(inspection.signature.state).toBe('verified');
    expect(inspection.expiry.state).toBe('valid');
    const unchecked = await call('auth.inspectJwt', { token });
    expect(unchecked.signature.state).toBe('not-checked');
  });

  it('exports without secrets, and no secret was ever in an answer or a data file', async () => {
    const exported = await call('profiles.export', { profile: 'Staging' });
    expect(exported.secretsNotExported).toEqual(['apiSecret', 'privateKey']);
    const everything = JSON.stringify(responses);
    expect(everything).not.toContain(apiSecret);
    expect(everything).not.toContain(pemBodyLine(keys.privateKeyPem));
    expect(await filesContaining(dataDir, apiSecret)).toEqual([]);
    expect(await filesContaining(dataDir, pemBodyLine(keys.privateKeyPem))).toEqual([]);
    expect(await call('profiles.remove', { profile: 'Staging' })).toEqual({ removed: 'Staging' });
  });
});
