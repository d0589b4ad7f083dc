/**
 * `workbench send FILE --env NAME` as a child process, sending to the
 * project's emulator (`workbench emulator`, another child): the core fills the
 * file's {{variables}} from the collection the file is in, the one
 * --collection names, or the one open in the app, as for the builder's sends.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorRequestEvent } from '../../../src-shared/emulator-events';
import { runCli, startCli, stopAll, type CliProcess, type FinishedCli } from '../../support/cli-process';
import { makeCollectionDir, stagingAndEmptyEnvironments, writeEnvironments } from '../../support/collections-fixtures';
import { startHeadlessCore } from '../../support/test-core';
import { makeTempDir } from '../../support/serve-process';

const credentials = {
  VONAGE_API_KEY: 'envsend1',
  VONAGE_API_SECRET: 'send-environment-api-secret-77',
  VONAGE_SIGNATURE_SECRET: 'send-environment-signature-secret-0123',
};
const sms = (to: string, text: string) => ({ channel: 'sms', message_type: 'text', to, from: 'Acme', text });

let emulator: CliProcess;
let emulatorUrl: string;
let root: string;
let elsewhere: string;
let dataDir: string;

/** `workbench send ARGS --base-url <the emulator>` with the test credentials in its environment. */
function send(args: string[], options: { cwd?: string; dataDir?: string } = {}): Promise<FinishedCli> {
  return runCli(['--data-dir', options.dataDir ?? dataDir, 'send', ...args, '--base-url', emulatorUrl], {
    env: credentials,
    cwd: options.cwd ?? elsewhere,
  });
}

/** The request bodies the emulator has answered so far, in order. */
const bodiesReceived = () =>
  emulator.stdout
    .map((line) => JSON.parse(line) as { kind: string })
    .filter((event): event is EmulatorRequestEvent => event.kind === 'emulator.request')
    .map((event) => JSON.parse(event.requestBody) as Record<string, unknown>);

beforeAll(async () => {
  emulator = startCli(['--data-dir', await makeTempDir('send environment emulator '), 'emulator', '--port', '0'], {
    ...credentials,
    VONAGE_APPLICATION_ID: '',
    VONAGE_PRIVATE_KEY: '',
    VONAGE_PRIVATE_KEY_PATH: '',
  });
  [, emulatorUrl = ''] = await emulator.stderrLine(/listening on (\S+)/);
  root = await makeCollectionDir();
  await writeEnvironments(root, stagingAndEmptyEnvironments);
  elsewhere = await makeTempDir('send environment elsewhere ');
  for (const folder of [root, elsewhere]) {
    await fs.writeFile(path.join(folder, 'welcome.json'), JSON.stringify(sms('{{to_number}}', 'Hello from {{ key }}')));
    await fs.writeFile(path.join(folder, 'leaky.json'), JSON.stringify(sms('{{to_number}}', 'secret {{secret}}')));
  }
  dataDir = await makeTempDir('send environment data ');
});

afterAll(async () => {
  await stopAll([emulator]);
});

describe('workbench send --env', () => {
  it("fills the file's variables from the collection it is in, a credential reference included", async () => {
    const before = bodiesReceived().length;
    const sent = await send(['welcome.json', '--env', 'staging'], { cwd: root });
    expect(sent.code, sent.stderr).toBe(0);
    const filled = { to: '447700900123', text: `Hello from ${credentials.VONAGE_API_KEY}` };
    expect(JSON.parse(JSON.parse(sent.stdout).request.body)).toMatchObject(filled);
    await emulator.stdoutLines(before + 1);
    expect(bodiesReceived()[before]).toMatchObject(filled);
  });

  it('reads the collection --collection names, else the one open in the app', async () => {
    const named = await send([path.join(elsewhere, 'welcome.json'), '--env', 'staging', '--collection', root]);
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(JSON.parse(named.stdout).request.body)).toMatchObject({ to: '447700900123' });

    // The app opens the folder on its own data folder, which records it for next time.
    const appData = await makeTempDir('send environment app ');
    const app = await startHeadlessCore({ keychainService: 'workbench-send-environment', dataDir: appData });
    expect(await app.client.call('collections.open', { root })).toMatchObject({ ok: true });
    await app.core.close();
    const fromOpen = await send(['welcome.json', '--env', 'staging'], { dataDir: appData });
    expect(fromOpen.code, fromOpen.stderr).toBe(0);
    expect(JSON.parse(JSON.parse(fromOpen.stdout).request.body)).toMatchObject({ to: '447700900123' });
  });

  it('refuses an undefined variable naming it and the environment, as a usage error, and sends nothing', async () => {
    const before = bodiesReceived().length;
    const refused = await send(['welcome.json', '--env', 'empty'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      "VARIABLE_UNDEFINED: {{to_number}}, {{key}} are not defined in environment 'empty'.",
    );
    // A send after it is the next the emulator sees: the refused one never went out.
    const next = await send(['welcome.json', '--env', 'staging'], { cwd: root });
    expect(next.code, next.stderr).toBe(0);
    await emulator.stdoutLines(before + 1);
    expect(bodiesReceived().slice(before)).toMatchObject([{ to: '447700900123' }]);
  });

  it('refuses an unknown environment, a file in no collection and a secret in the body, each as a usage error', async () => {
    const unknown = await send(['welcome.json', '--env', 'prod'], { cwd: root });
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain(
      'ENVIRONMENT_NOT_FOUND: The collection has no environment "prod" (it has: staging, empty).',
    );

    const nowhere = await send(['welcome.json', '--env', 'staging']);
    expect([nowhere.code, nowhere.stdout]).toEqual([2, '']);
    expect(nowhere.stderr).toContain('--env staging needs a collection: welcome.json is not inside one');
    expect(nowhere.stderr).toContain('Pass --collection DIR.');

    const leaky = await send(['leaky.json', '--env', 'staging'], { cwd: root });
    expect([leaky.code, leaky.stdout]).toEqual([2, '']);
    expect(leaky.stderr).toContain('SECRET_IN_REQUEST');
    expect(leaky.stderr).not.toContain(credentials.VONAGE_API_SECRET);

    const stray = await send(['welcome.json', '--collection', root], { cwd: root });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--collection is read only with --env NAME');
  });
});
