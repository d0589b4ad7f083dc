/**
 * `workbench emulator` as the built command in a child process: the core's
 * emulator, accepting the credentials of the VONAGE_* environment, its events
 * as NDJSON on stdout and its URL on stderr.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorEvent } from '../../../src-main/emulator';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { basicAuth, callEmulator, verifyWebhook } from '../../support/emulator-harness';
import { startReceiver, type Receiver } from '../../support/emulator-receiver';
import { startKeyringSession } from '../../support/keyring-session';
import { makeTempDir } from '../../support/serve-process';

const credentials = {
  VONAGE_API_KEY: 'cmdkey01',
  VONAGE_API_SECRET: 'command-test-api-secret',
  VONAGE_SIGNATURE_SECRET: 'command-test-signature-secret-0123',
  VONAGE_APPLICATION_ID: '',
  VONAGE_PRIVATE_KEY: '',
  VONAGE_PRIVATE_KEY_PATH: '',
};

const receivers: Receiver[] = [];
const running: CliProcess[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await stopAll(running);
  for (const receiver of receivers.splice(0)) await receiver.close();
  for (const close of closers.splice(0)) await close();
});

interface EmulatorCommandOptions {
  /** The child's environment; the test credentials by default. */
  env?: Record<string, string>;
  /** A data folder to share with another command; a fresh one by default. */
  dataDir?: string;
  /** 0 (a free port) by default. */
  port?: number;
}

/** `workbench emulator --port N ARGS`, stopped after the test. */
async function emulator(args: string[], options: EmulatorCommandOptions = {}): Promise<CliProcess> {
  const { env = credentials, port = 0 } = options;
  const dataDir = options.dataDir ?? (await makeTempDir('emulator command '));
  const cli = startCli(['--data-dir', dataDir, 'emulator', '--port', String(port), ...args], env);
  running.push(cli);
  return cli;
}

/** The URL the command says it listens on. */
async function listeningUrl(cli: CliProcess): Promise<string> {
  const [, url] = await cli.stderrLine(/listening on (\S+)/);
  return url!;
}

const sms = { channel: 'sms', message_type: 'text', to: '447700900000', from: '447700900001', text: 'hi' };

/** One SMS to the emulator at `url`, as a caller holding the test credentials unless `authorization` says otherwise. */
function sendSms(url: string, authorization = basicAuth(credentials.VONAGE_API_KEY, credentials.VONAGE_API_SECRET)) {
  return callEmulator(url, '/v1/messages', sms, { authorization });
}

describe('workbench emulator', () => {
  it('listens, prints each event as an NDJSON line and sends signed webhooks to --status-url', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const cli = await emulator(['--status-url', `${receiver.url}/status`]);
    const url = await listeningUrl(cli);
    const answer = await sendSms(url);
    expect(answer.status).toBe(202);
    // The default timings wait a little between statuses: one line for the call, one per webhook.
    await cli.stdoutLines(3);
    expect(receiver.received).toHaveLength(2);
    // Signed with the environment's signature secret, so the user's own receiver verifies them.
    const verified = await verifyWebhook(receiver.received[0]!, credentials.VONAGE_SIGNATURE_SECRET);
    expect(verified.payload.api_key).toBe(credentials.VONAGE_API_KEY);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    const events = cli.stdout.map((line) => JSON.parse(line) as EmulatorEvent);
    expect(events.map((event) => event.kind)).toEqual(['emulator.request', 'emulator.webhook', 'emulator.webhook']);
    expect(cli.stderr.at(-1)).toBe('workbench: SIGTERM: closing');
  });

  it("accepts a --profile's credentials from the keychain and signs with its signature secret", async () => {
    const session = await startKeyringSession();
    closers.push(() => session.stop());
    const dataDir = await makeTempDir('emulator profile ');
    const imported = startCli(['--data-dir', dataDir, 'profile', 'import-env', 'team'], {
      ...credentials,
      ...session.env,
    });
    running.push(imported);
    expect((await imported.exited).code).toBe(0);
    const receiver = await startReceiver();
    receivers.push(receiver);
    const noEnvironment = Object.fromEntries(Object.keys(credentials).map((name) => [name, '']));
    const cli = await emulator(['--profile', 'team', '--status-url', `${receiver.url}/s`], {
      dataDir,
      env: { ...noEnvironment, ...session.env },
    });
    const url = await listeningUrl(cli);
    const answer = await sendSms(url);
    expect(answer.status).toBe(202);
    await receiver.waitFor((all) => all.length >= 1);
    const verified = await verifyWebhook(receiver.received[0]!, credentials.VONAGE_SIGNATURE_SECRET);
    expect(verified.payload.api_key).toBe(credentials.VONAGE_API_KEY);
  });

  it('refuses callers without the credentials it was given', async () => {
    const cli = await emulator([]);
    const url = await listeningUrl(cli);
    const answer = await sendSms(url, basicAuth('otherkey', 'other-secret'));
    expect(answer.status).toBe(401);
  });

  it('loads --scenario files and refuses bad ones by field, or as not JSON', async () => {
    const dir = await makeTempDir('emulator scenario ');
    const file = path.join(dir, 'rules.json');
    await fs.promises.writeFile(
      file,
      JSON.stringify({ rules: [{ name: 'x', outcome: { kind: 'http', status: 999 } }] }),
    );
    const refused = await emulator(['--scenario', file]);
    expect((await refused.exited).code).toBe(1);
    expect(refused.stderr.join('\n')).toMatch(/SCENARIO_INVALID: .*rules\[0\]\.outcome/);

    await fs.promises.writeFile(file, '{ "rules": [');
    const broken = await emulator(['--scenario', file]);
    expect((await broken.exited).code).toBe(1);
    expect(broken.stderr.join('\n')).toContain(`${file} is not valid JSON`);

    await fs.promises.writeFile(
      file,
      JSON.stringify({ rules: [{ name: 'all fail', outcome: { kind: 'http', status: 500 } }] }),
    );
    const loaded = await emulator(['--scenario', file]);
    const url = await listeningUrl(loaded);
    const answer = await sendSms(url);
    expect(answer.status).toBe(500);
    await loaded.stdoutLines(1);
    expect(JSON.parse(loaded.stdout[0]!)).toMatchObject({ kind: 'emulator.request', status: 500 });
  });

  it('says what is missing when no credentials are found', async () => {
    const cli = await emulator([], { env: { ...credentials, VONAGE_SIGNATURE_SECRET: '' } });
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr.join('\n')).toMatch(
      /CREDENTIALS_MISSING: the environment has no signature secret to sign webhooks with\. Set VONAGE_SIGNATURE_SECRET/,
    );
    const keyless = await emulator([], { env: { ...credentials, VONAGE_API_SECRET: '' } });
    expect((await keyless.exited).code).toBe(1);
    expect(keyless.stderr.join('\n')).toMatch(/neither an API key and secret nor an application id and private key/);
  });

  it('refuses a status URL that is not http(s)', async () => {
    const cli = await emulator(['--status-url', 'ftp://example.com']);
    expect((await cli.exited).code).toBe(2);
    expect(cli.stderr.join('\n')).toMatch(/--status-url.*http\(s\) URL/);
  });

  it('refuses a port that is taken, naming it, instead of moving', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as net.AddressInfo).port;
    const cli = await emulator([], { port });
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr.at(-1)).toMatch(new RegExp(`port ${port} is already in use.*0 picks a free one`));
  });
});
