/**
 * A reader that goes away (`| head -1`) or reads slowly (`| wc -l`): servers
 * keep answering and storing, batch commands stop quietly, and nothing
 * written before exit is lost.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../support/emulator-harness';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { makeTempDir, projectRoot } from '../../support/serve-process';
import { startHarness, type WebhookHarness } from '../../support/webhook-harness';

const running: CliProcess[] = [];
const harnesses: WebhookHarness[] = [];
afterEach(async () => {
  await stopAll(running);
  for (const harness of harnesses.splice(0)) await harness.dispose();
});

function start(args: string[], env: Record<string, string> = {}): CliProcess {
  const cli = startCli(args, env);
  running.push(cli);
  return cli;
}

const statusBody = (index: number) =>
  JSON.stringify({
    message_uuid: `u-${index}`,
    status: 'delivered',
    channel: 'sms',
    to: '447700900000',
    from: 'Acme',
    timestamp: '2026-01-01T00:00:00Z',
  });

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(
    (response) => response.status,
  );

/** A data folder holding `count` stored webhooks, received over HTTP by a real receiver. */
async function storeWithEvents(count: number): Promise<WebhookHarness> {
  const harness = await startHarness();
  harnesses.push(harness);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const sendOne = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        `${harness.url}/webhooks/status`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          response.on('end', () =>
            response.statusCode === 200 ? resolve() : reject(new Error(`answered ${response.statusCode}`)),
          );
        },
      );
      request.on('error', reject);
      request.end(statusBody(index));
    });
  await Promise.all(Array.from({ length: count }, (_, index) => sendOne(index)));
  agent.destroy();
  expect(harness.store.count()).toBe(count);
  return harness;
}

describe('a closed stdout', () => {
  it('listen keeps answering and storing after its reader goes, and says so once on stderr', async () => {
    const dataDir = await makeTempDir('listen closed pipe ');
    const cli = start(['--data-dir', dataDir, 'listen'], { VONAGE_SIGNATURE_SECRET: '' });
    const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
    expect(await post(statusUrl!, statusBody(1))).toBe(200);
    await cli.stdoutLines(1);
    cli.child.stdout!.destroy();

    // The first write after the reader went fails with EPIPE; each later webhook must still be answered.
    for (let index = 2; index <= 6; index++) expect(await post(statusUrl!, statusBody(index))).toBe(200);
    await cli.stderrLine(/stdout closed; output stopped/);
    expect(cli.stderr.filter((line) => /output stopped/.test(line))).toHaveLength(1);
    expect(cli.stderr.join('\n')).not.toMatch(/EPIPE|at .*\.js:\d+/);

    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    const events = start(['--data-dir', dataDir, 'events']);
    expect((await events.exited).code).toBe(0);
    expect(events.stdout.map((line) => JSON.parse(line).message_uuid)).toEqual([
      'u-6',
      'u-5',
      'u-4',
      'u-3',
      'u-2',
      'u-1',
    ]);
  });

  it('emulator keeps answering API calls after its reader goes', async () => {
    const env = {
      VONAGE_API_KEY: 'key-1',
      VONAGE_API_SECRET: 'secret-1',
      VONAGE_SIGNATURE_SECRET: 'signature-secret-1',
      VONAGE_APPLICATION_ID: '',
      VONAGE_PRIVATE_KEY_PATH: '',
    };
    const cli = start(['--data-dir', await makeTempDir('emulator closed pipe '), 'emulator', '--port', '0'], env);
    const [, url] = await cli.stderrLine(/listening on (\S+)/);
    const send = () =>
      post(
        `${url}/v1/messages`,
        JSON.stringify({ channel: 'sms', message_type: 'text', to: '447700900000', from: '447700900001', text: 'hi' }),
        {
          authorization: basicAuth('key-1', 'secret-1'),
        },
      );
    expect(await send()).toBe(202);
    await cli.stdoutLines(1);
    cli.child.stdout!.destroy();
    for (let index = 0; index < 5; index++) expect(await send()).toBe(202);
    await cli.stderrLine(/stdout closed; output stopped/);
    expect(cli.child.exitCode).toBeNull();
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(cli.stderr.filter((line) => /output stopped/.test(line))).toHaveLength(1);
    expect(cli.stderr.join('\n')).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });

  it('events stops quietly with exit 0 when its reader goes after the first line', async () => {
    const harness = await storeWithEvents(1200);
    const cli = start(['--data-dir', harness.dir, 'events']);
    await cli.stdoutLines(1);
    cli.child.stdout!.destroy();
    expect((await cli.exited).code).toBe(0);
    expect(cli.stderr).toEqual([]);
  });

  it('events prints every stored event into a pipe, every time', async () => {
    const harness = await storeWithEvents(1250);
    const bin = path.join(projectRoot, 'bin/workbench.js');
    for (let attempt = 1; attempt <= 5; attempt++) {
      // A real shell pipeline, as a user types it: `workbench events | wc -l`.
      const shell = spawn(
        'sh',
        ['-c', '"$0" "$1" --data-dir "$2" events | wc -l', process.execPath, bin, harness.dir],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let counted = '';
      let errors = '';
      shell.stdout.on('data', (chunk) => (counted += chunk));
      shell.stderr.on('data', (chunk) => (errors += chunk));
      const code = await new Promise((resolve) => shell.on('exit', resolve));
      expect({ attempt, code, lines: Number(counted.trim()), errors }).toEqual({
        attempt,
        code: 0,
        lines: 1250,
        errors: '',
      });
    }
  });

  it('events --limit stops after that many, newest first', async () => {
    const harness = await storeWithEvents(30);
    const cli = start(['--data-dir', harness.dir, 'events', '--limit', '7']);
    expect((await cli.exited).code).toBe(0);
    const ids = cli.stdout.map((line) => JSON.parse(line).id as number);
    expect(ids).toHaveLength(7);
    expect(ids).toEqual([...ids].sort((left, right) => right - left));
    expect(ids[0]).toBe(30);
  });
});
