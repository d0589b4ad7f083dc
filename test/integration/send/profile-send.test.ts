import { createPublicKey } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/credentials/keychain';
import { createProfileService, type ProfileService } from '../../../src-main/credentials/profiles';
import { createProfileSender, type ProfileSender } from '../../../src-main/send/profile-sender';
import { createSendHistory, type SendHistory } from '../../../src-main/send/send-history';
import { createSendService, type SendService } from '../../../src-main/send/send-service';
import { filesContaining } from '../../support/keyring-leak-check';
import { generateApplicationKeys, pemBodyLine } from '../../support/keyring-fixtures';
import { applyKeyringEnv, startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { startApiServer, type TestServer } from '../../support/send-servers';
import { whatsappTemplate as template } from '../../support/message-fixtures';

const applicationId = 'aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab';
const apiSecret = 'Ab3De6Gh9Jk2cd12';
const keys = generateApplicationKeys();

describe('a profile imported from .env sends with JWT and with Basic', () => {
  let session: KeyringSession;
  let dataDir: string;
  let server: TestServer;
  let profiles: ProfileService;
  let history: SendHistory;
  let sender: SendService;
  let profileSender: ProfileSender;
  let emulatorUrl: string | null;

  beforeAll(async () => {
    session = await startKeyringSession();
    applyKeyringEnv(session.env);
    dataDir = await mkdtemp(join(tmpdir(), 'workbench e2e '));
    server = await startApiServer(async (request) => {
      const authorization = request.headers.authorization ?? '';
      if (authorization.startsWith('Bearer ')) {
        const { payload } = await jwtVerify(authorization.slice(7), createPublicKey(keys.publicKeyPem), {
          algorithms: ['RS256'],
        });
        if (payload.application_id !== applicationId) return { status: 401 };
      } else if (Buffer.from(authorization.slice(6), 'base64').toString() !== `abc123de:${apiSecret}`) {
        return { status: 401 };
      }
      return { status: 202, body: { message_uuid: 'bbbbbbbb-cccc-4ddd-8eee-0123456789ab' } };
    });
    emulatorUrl = server.url;
    profiles = createProfileService({ dataDir, keychain: createKeychain({ service: 'workbench-profile-send-test' }) });
    history = createSendHistory({ databasePath: join(dataDir, 'workbench.db') });
    sender = createSendService({ validatePayload: () => [], history });
    profileSender = createProfileSender({ profiles, sender, emulatorUrl: () => emulatorUrl });

    const projectDir = join(dataDir, 'project');
    await mkdir(projectDir);
    await writeFile(join(projectDir, 'private.key'), keys.privateKeyPem);
    const envText = `VONAGE_API_KEY=abc123de\nVONAGE_API_SECRET=${apiSecret}\nVONAGE_APPLICATION_ID=${applicationId}\nVONAGE_PRIVATE_KEY_PATH=private.key\n`;
    const imported = await profiles.importEnv({ name: 'from-env', envText, baseDirectory: projectDir });
    if (!imported.ok) throw new Error(imported.error.message);
    await rm(projectDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    profileSender?.close();
    await sender?.close();
    history?.close();
    await profiles?.close();
    await server?.close();
    await session?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sends a WhatsApp template to the emulator with a JWT, reusing the token', async () => {
    const first = await profileSender.send({
      profile: 'from-env',
      operation: { kind: 'send', api: 'v1', payload: template },
    });
    const second = await profileSender.send({
      profile: 'from-env',
      operation: { kind: 'send', api: 'v1', payload: template },
    });
    expect(first.ok && first.value).toMatchObject({
      succeeded: true,
      profileName: 'from-env',
      request: { headers: { authorization: 'Bearer [redacted]' } },
    });
    expect(second.ok && second.value.succeeded).toBe(true);
    const [firstToken, secondToken] = server.received.slice(-2).map((request) => request.headers.authorization);
    expect(firstToken).toBe(secondToken);
  });

  it('sends with Basic auth to any server', async () => {
    const result = await profileSender.send({
      profile: 'from-env',
      auth: 'basic',
      baseUrl: `${server.url}/elsewhere`,
      operation: { kind: 'send', api: 'v1', payload: template },
    });
    expect(result.ok && result.value).toMatchObject({
      succeeded: true,
      request: { url: `${server.url}/elsewhere/v1/messages` },
    });
  });

  it('says what is missing or not running', async () => {
    await profiles.save({ name: 'bare' });
    const noKey = await profileSender.send({
      profile: 'bare',
      auth: 'jwt',
      operation: { kind: 'send', api: 'v1', payload: template },
    });
    expect(noKey.ok === false && noKey.error.code).toBe('CREDENTIALS_MISSING');
    emulatorUrl = null;
    const stopped = await profileSender.send({
      profile: 'bare',
      operation: { kind: 'send', api: 'v1', payload: template },
    });
    emulatorUrl = server.url;
    expect(stopped.ok === false && stopped.error.code).toBe('EMULATOR_NOT_RUNNING');
  });

  it('leaves the secrets in the keychain only', async () => {
    const tokens = server.received.map((request) => request.headers.authorization!.split(' ')[1]!);
    const secrets = [apiSecret, pemBodyLine(keys.privateKeyPem), ...tokens];
    const rows = JSON.stringify(history.list().map((entry) => history.get(entry.id)));
    const views = JSON.stringify([await profiles.list(), await profiles.exportProfile('from-env')]);
    for (const secret of secrets) {
      expect(await filesContaining(dataDir, secret)).toEqual([]);
      expect(rows).not.toContain(secret);
      expect(views).not.toContain(secret);
    }
    const credentials = await profiles.readCredentials('from-env');
    expect(credentials.ok && credentials.value.secrets.apiSecret).toBe(apiSecret);
  });
});
