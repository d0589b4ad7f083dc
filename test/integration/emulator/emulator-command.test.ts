import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, fail } from '../../../src-shared/result';
import { generateEmulatorCredentials, type EmulatorEvent } from '../../../src-main/emulator';
import { addEmulatorCommand } from '../../../src-main/cli-commands/emulator-command';
import { UsageProblem } from '../../../src-main/cli-commands/command-io';
import type { Logger } from '../../../src-main/logger';
import { basicAuth } from '../../support/emulator-harness';
import { startReceiver, type Receiver } from '../../support/emulator-receiver';

const receivers: Receiver[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

/** Runs `workbench emulator ARGS` in-process until `stop()`; resolves `url` once it listens. */
function runCommand(
  args: string[],
  resolved = ok({ credentials: generateEmulatorCredentials(), signatureSecret: 'command-test-secret' }),
) {
  const lines: string[] = [];
  const info: string[] = [];
  let wanted = Infinity;
  let enoughLines: () => void = () => {};
  /** Resolves once `count` NDJSON lines were written. */
  const linesWritten = (count: number) =>
    new Promise<void>((resolve) => {
      wanted = count;
      enoughLines = resolve;
      if (lines.length >= wanted) resolve();
    });
  let stop: (reason: string) => void = () => {};
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (listening = resolve));
  const logger: Logger = {
    info: (message) => {
      info.push(message);
      const found = /listening on (\S+)/.exec(message)?.[1];
      if (found) listening(found);
    },
    error: (message) => info.push(message),
  };
  const program = new Command('workbench').exitOverride();
  addEmulatorCommand(program, {
    resolveCredentials: async () => resolved,
    untilStop: () => new Promise((resolve) => (stop = resolve)),
    writeLine: (line) => {
      lines.push(line);
      if (lines.length >= wanted) enoughLines();
    },
    logger,
  });
  for (const command of program.commands) command.exitOverride();
  const done = program.parseAsync(['node', 'workbench', 'emulator', '--port', '0', ...args]);
  return { done, url, lines, linesWritten, info, stop: (reason = 'test') => stop(reason), credentials: resolved };
}

describe('workbench emulator', () => {
  it('listens, prints each event as an NDJSON line and sends webhooks to --status-url', async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const run = runCommand(['--status-url', `${receiver.url}/status`]);
    const url = await run.url;
    const { credentials } = (run.credentials as { value: { credentials: { apiKey: string; apiSecret: string } } })
      .value;
    const answer = await fetch(`${url}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: basicAuth(credentials.apiKey, credentials.apiSecret),
      },
      body: JSON.stringify({
        channel: 'sms',
        message_type: 'text',
        to: '447700900000',
        from: '447700900001',
        text: 'hi',
      }),
    });
    expect(answer.status).toBe(202);
    // The default timings wait a little between statuses: one line for the call, one per webhook.
    await run.linesWritten(3);
    expect(receiver.received).toHaveLength(2);
    run.stop();
    await run.done;
    const events = run.lines.map((line) => JSON.parse(line) as EmulatorEvent);
    expect(events.map((event) => event.kind)).toEqual(['emulator.request', 'emulator.webhook', 'emulator.webhook']);
    expect(run.info.at(-1)).toBe('test: closing');
  });

  it('loads --scenario files and refuses bad ones by field', async () => {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'emulator-command-'));
    const file = path.join(dir, 'rules.json');
    await fs.promises.writeFile(
      file,
      JSON.stringify({ rules: [{ name: 'x', outcome: { kind: 'http', status: 999 } }] }),
    );
    await expect(runCommand(['--scenario', file]).done).rejects.toThrow(/rules\[0\]\.outcome/);
    await fs.promises.rm(dir, { recursive: true });
  });

  it('says what is missing when no credentials are found', async () => {
    const run = runCommand(
      [],
      fail('CREDENTIALS_MISSING', 'No credentials', 'Set VONAGE_API_KEY and VONAGE_API_SECRET'),
    );
    await expect(run.done).rejects.toBeInstanceOf(UsageProblem);
    await expect(run.done).rejects.toThrow('No credentials. Set VONAGE_API_KEY');
  });

  it('refuses a status URL that is not http(s)', async () => {
    await expect(runCommand(['--status-url', 'ftp://example.com']).done).rejects.toThrow(/http\(s\) URL/);
  });
});
