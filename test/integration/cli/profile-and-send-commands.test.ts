import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from '../../support/keyring-leak-check';
import { startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { startApiServer, type TestServer } from '../../support/send-servers';
import { runCli, type FinishedCli } from '../../support/cli-process';
import { makeTempDir } from '../../support/serve-process';

const apiSecret = 'Cli7Secret9Xy4cd12';
const expectedBasic = `Basic ${Buffer.from(`clikey12:${apiSecret}`).toString('base64')}`;
let session: KeyringSession;
let server: TestServer;
let dataDir: string;
let workDir: string;

/** The built CLI with the test keyring's bus and a clean VONAGE_* environment. */
function workbench(args: string[], extraEnv: Record<string, string> = {}): Promise<FinishedCli> {
  return runCli(args, { env: { ...session.env, WORKBENCH_DATA_DIR: dataDir, ...extraEnv }, cwd: workDir });
}

beforeAll(async () => {
  session = await startKeyringSession();
  server = await startApiServer((request) =>
    request.headers.authorization === expectedBasic
      ? { status: 202, body: { message_uuid: 'cccccccc-bbbb-4ccc-8ddd-0123456789ab' } }
      : { status: 401, body: { type: 'x', title: 'Unauthorized' } },
  );
  dataDir = await makeTempDir('cli data ');
  workDir = await makeTempDir('cli work ');
  await fs.promises.writeFile(
    path.join(workDir, 'sms.json'),
    JSON.stringify({ channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' }),
  );
});

afterAll(async () => {
  await server.close();
  await session.stop();
});

describe('workbench profile and send', () => {
  it('adds a profile whose secret goes to the keychain only, and lists it masked', async () => {
    const added = await workbench(['profile', 'add', 'ci', '--target', server.url, '--api-key', 'clikey12'], {
      VONAGE_API_SECRET: apiSecret,
    });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      name: 'ci',
      secrets: { apiSecret: { isSet: true, masked: '••••cd12' } },
    });
    const listed = await workbench(['profile', 'list']);
    expect(JSON.parse(listed.stdout).map((profile: { name: string }) => profile.name)).toEqual(['ci']);
    expect(listed.stdout + added.stdout + added.stderr).not.toContain(apiSecret);
    expect(await filesContaining(dataDir, apiSecret)).toEqual([]);
  });

  it('sends with the profile and prints the exchange, exit 0 on 202', async () => {
    const sent = await workbench(['send', 'sms.json', '--profile', 'ci']);
    expect(sent.code).toBe(0);
    const exchange = JSON.parse(sent.stdout);
    expect(exchange).toMatchObject({
      succeeded: true,
      response: { status: 202 },
      request: { headers: { authorization: 'Basic [redacted]' } },
    });
    expect(sent.stdout).not.toContain(apiSecret);
  });

  it('sends with credentials from the environment; a 401 exits 1', async () => {
    const ok = await workbench(['send', 'sms.json', '--base-url', server.url], {
      VONAGE_API_KEY: 'clikey12',
      VONAGE_API_SECRET: apiSecret,
    });
    expect(ok.code).toBe(0);
    const refused = await workbench(['send', 'sms.json', '--base-url', server.url], {
      VONAGE_API_KEY: 'clikey12',
      VONAGE_API_SECRET: 'wrong-secret-123',
    });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ succeeded: false, response: { status: 401 } });
  });

  it('refuses an invalid payload before sending, naming the field', async () => {
    await fs.promises.writeFile(
      path.join(workDir, 'bad.json'),
      JSON.stringify({ channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme' }),
    );
    const before = server.received.length;
    const refused = await workbench(['send', 'bad.json', '--profile', 'ci']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PAYLOAD_INVALID');
    expect(server.received.length).toBe(before);
  });

  it('imports a .env whose key file is missing, and says on stderr that the key was not read', async () => {
    await fs.promises.writeFile(
      path.join(workDir, 'keyless.env'),
      'VONAGE_APPLICATION_ID=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee\nVONAGE_PRIVATE_KEY_PATH=keys/absent.key\n',
    );
    const imported = await workbench(['profile', 'import-env', 'keyless', '--file', 'keyless.env']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      name: 'keyless',
      keyFileNotRead: { variable: 'VONAGE_PRIVATE_KEY_PATH', path: path.join(workDir, 'keys', 'absent.key') },
    });
    expect(imported.stderr).toMatch(/saved without a private key: VONAGE_PRIVATE_KEY_PATH names .*absent\.key/);
    expect((await workbench(['profile', 'remove', 'keyless'])).code).toBe(0);
  });

  it('removes the profile', async () => {
    expect((await workbench(['profile', 'remove', 'ci'])).code).toBe(0);
    const missing = await workbench(['send', 'sms.json', '--profile', 'ci']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('PROFILE_NOT_FOUND');
  });
});
