import { createPublicKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodInput, type MethodName, type MethodOutput } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/result';
import type { Core } from '../../../src-main/core';
import { generateApplicationKeys, pemBodyLine } from '../../support/keyring-fixtures';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { closedPortUrl, startApiServer, type TestServer } from '../../support/send-servers';
import { createTestCore } from '../../support/test-core';

const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const apiSecret = 'Zq7Wx2Lm9Pd4cd12';
const keys = generateApplicationKeys();

describe('profiles.testConnection', () => {
  let session: KeyringSession;
  let restoreEnv: () => void;
  let server: TestServer;
  let strangeServer: TestServer;
  let core: Core;
  const answers: unknown[] = [];

  /** Calls a handler the way the dispatcher would, checking the output against the contract. */
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
    const handler = core.handlers[method] as (
      input: unknown,
      context: { host: 'headless' },
    ) => Promise<Result<MethodOutput<M>>>;
    const result = await handler(methods[method].input.parse(input), { host: 'headless' });
    answers.push(result);
    if (result.ok) methods[method].output.parse(result.value);
    return result;
  }

  async function saveProfile(name: string, fields: Omit<MethodInput<'profiles.save'>, 'name'>) {
    const saved = await call('profiles.save', { name, ...fields });
    if (!saved.ok) throw new Error(saved.error.message);
  }

  beforeAll(async () => {
    session = await startKeyringSession();
    restoreEnv = applyKeyringEnv(session.env);
    // Checks auth first and then refuses the empty body, as the Messages API does.
    server = await startApiServer(async (request) => {
      const authorization = request.headers.authorization ?? '';
      if (authorization.startsWith('Bearer ')) {
        const { payload } = await jwtVerify(authorization.slice(7), createPublicKey(keys.publicKeyPem), {
          algorithms: ['RS256'],
        });
        if (payload.application_id !== applicationId) return { status: 401 };
      } else if (authorization !== `Basic ${Buffer.from(`key12345:${apiSecret}`).toString('base64')}`) {
        return { status: 401, body: { title: 'Unauthorized' } };
      }
      return { status: 422, body: { title: 'Invalid params' } };
    });
    strangeServer = await startApiServer(() => ({ status: 200, body: 'a web page' }));
    core = await createTestCore({ keychainService: 'workbench-connection-test' });
    const target = { kind: 'custom' as const, baseUrl: server.url };
    await saveProfile('Basic', { target, apiKey: 'key12345', secrets: { apiSecret } });
    await saveProfile('Wrong secret', { target, apiKey: 'key12345', secrets: { apiSecret: 'not-the-secret-0000' } });
    await saveProfile('Jwt', { target, applicationId, secrets: { privateKey: keys.privateKeyPem } });
    await saveProfile('Bare', { target });
    await saveProfile('Nowhere', {
      target: { kind: 'custom', baseUrl: await closedPortUrl() },
      apiKey: 'key12345',
      secrets: { apiSecret },
    });
    await saveProfile('Strange', {
      target: { kind: 'custom', baseUrl: strangeServer.url },
      apiKey: 'key12345',
      secrets: { apiSecret },
    });
  });

  afterAll(async () => {
    await core.close();
    await server.close();
    await strangeServer.close();
    restoreEnv();
    await session.stop();
  });

  it.each([
    ['Basic', { verdict: 'accepted', auth: 'basic', status: 422 }],
    ['Wrong secret', { verdict: 'refused', auth: 'basic', status: 401 }],
    ['Jwt', { verdict: 'accepted', auth: 'jwt', status: 422 }],
    ['Bare', { verdict: 'refused', auth: 'none', status: 401 }],
    ['Nowhere', { verdict: 'unreachable', auth: 'basic', status: null }],
    ['Strange', { verdict: 'unexpected', auth: 'basic', status: 200 }],
  ])('judges the profile %s', async (profile, expected) => {
    const result = await call('profiles.testConnection', { profile });
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  it('posts an empty body to /v1/messages and names a refused connection', async () => {
    const before = server.received.length;
    await call('profiles.testConnection', { profile: 'Basic' });
    expect(server.received.slice(before)).toMatchObject([{ method: 'POST', url: '/v1/messages', body: '{}' }]);
    const unreachable = await call('profiles.testConnection', { profile: 'Nowhere' });
    expect(unreachable.ok && unreachable.value.detail).toMatch(/refused/i);
  });

  it('reports an unknown profile as an error, keeps checks out of the history, and returns no secret', async () => {
    expect(await call('profiles.testConnection', { profile: 'Missing' })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
    expect(await call('send.history', {})).toEqual({ ok: true, value: [] });
    const everything = JSON.stringify(answers);
    expect(everything).not.toContain(apiSecret);
    expect(everything).not.toContain(pemBodyLine(keys.privateKeyPem));
  });
});
