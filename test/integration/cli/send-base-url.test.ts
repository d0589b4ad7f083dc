/**
 * `workbench send --profile P --base-url URL`: a profile's credentials go only
 * to the hosts the profile names. Anywhere else the request goes out bare and
 * the exchange says so, so a stolen browser-host token cannot turn
 * `send.message` into a way to mail the profile's secret to any server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { startApiServer, type TestServer } from '../../support/send-servers';
import { runCli, type FinishedCli } from '../../support/cli-process';
import { makeTempDir } from '../../support/serve-process';

const apiSecret = 'Scope7Secret9Xy4ab34';
let session: KeyringSession;
let own: TestServer;
let foreign: TestServer;
let dataDir: string;
let workDir: string;

function workbench(args: string[], extraEnv: Record<string, string> = {}): Promise<FinishedCli> {
  return runCli(args, { env: { ...session.env, WORKBENCH_DATA_DIR: dataDir, ...extraEnv }, cwd: workDir });
}

const accepted = () => ({ status: 202, body: { message_uuid: 'dddddddd-bbbb-4ccc-8ddd-0123456789ab' } });

beforeAll(async () => {
  session = await startKeyringSession();
  own = await startApiServer(accepted);
  foreign = await startApiServer(accepted);
  dataDir = await makeTempDir('send scope data ');
  workDir = await makeTempDir('send scope work ');
  await fs.promises.writeFile(
    path.join(workDir, 'sms.json'),
    JSON.stringify({ channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' }),
  );
  const added = await workbench(['profile', 'add', 'scoped', '--target', own.url, '--api-key', 'scope123'], {
    VONAGE_API_SECRET: apiSecret,
  });
  expect(added.code, added.stderr).toBe(0);
});

afterAll(async () => {
  await own?.close();
  await foreign?.close();
  await session?.stop();
});

describe('workbench send --profile with --base-url', () => {
  it('sends to a host the profile does not name without its credentials, and says so', async () => {
    const sent = await workbench(['send', 'sms.json', '--profile', 'scoped', '--base-url', `${foreign.url}/collect`]);
    expect(sent.code).toBe(0);
    expect(foreign.received).toHaveLength(1);
    expect(foreign.received[0]!.url).toBe('/collect/v1/messages');
    expect(foreign.received[0]!.headers.authorization).toBeUndefined();
    const exchange = JSON.parse(sent.stdout);
    expect(exchange.request.headers.authorization).toBeUndefined();
    expect(exchange.warnings).toMatchObject([
      { code: 'CREDENTIALS_WITHHELD', message: expect.stringContaining(`${foreign.url}/collect`) },
    ]);
    expect(sent.stderr).toContain('Sent without credentials');
    expect(sent.stdout + sent.stderr).not.toContain(apiSecret);
  });

  it("keeps the credentials for a base URL on the profile's own host, under another path", async () => {
    const sent = await workbench(['send', 'sms.json', '--profile', 'scoped', '--base-url', `${own.url}/prefix`]);
    expect(sent.code).toBe(0);
    const received = own.received.at(-1)!;
    expect(received.url).toBe('/prefix/v1/messages');
    expect(received.headers.authorization).toBe(`Basic ${Buffer.from(`scope123:${apiSecret}`).toString('base64')}`);
    expect(JSON.parse(sent.stdout).warnings).toEqual([]);
  });
});
