/** `workbench events` narrows by every filter the timeline has, run in the store, and names a store it cannot read. */
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { makeTempDir } from '../../support/serve-process';
import { v1Inbound, v1Status } from '../../support/webhook-fixtures';

// Run `npm run build` first: these drive the built CLI in out/.
const running: CliProcess[] = [];
afterEach(() => stopAll(running));

const first = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000001';
const second = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002';

/** A data folder holding four webhooks: two statuses of one SMS, a rejected WhatsApp and an inbound reply. */
async function storedWebhooks(): Promise<string> {
  const dataDir = await makeTempDir('events filters ');
  const listen = startCli(['--data-dir', dataDir, 'listen'], { VONAGE_SIGNATURE_SECRET: '' });
  running.push(listen);
  const [, statusUrl] = await listen.stderrLine(/status URL +(\S+)/);
  const [, inboundUrl] = await listen.stderrLine(/inbound URL +(\S+)/);
  const bodies: [string, Record<string, unknown>][] = [
    [statusUrl!, v1Status({ message_uuid: first, status: 'submitted', client_ref: 'order-1' })],
    [statusUrl!, v1Status({ message_uuid: first, status: 'delivered', client_ref: 'order-1' })],
    [
      statusUrl!,
      v1Status({
        message_uuid: second,
        channel: 'whatsapp',
        status: 'rejected',
        client_ref: 'order-2',
        error: { type: 'https://developer.vonage.com/api-errors/messages#1320', title: '1320', detail: 'Too late' },
      }),
    ],
    [inboundUrl!, v1Inbound({ message_uuid: 'bbbbbbbb-bbbb-4ccc-8ddd-000000000003' })],
  ];
  for (const [url, body] of bodies) {
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
  }
  await listen.stdoutLines(bodies.length);
  listen.child.kill('SIGTERM');
  expect((await listen.exited).code).toBe(0);
  return dataDir;
}

async function events(dataDir: string, ...args: string[]) {
  const cli = startCli(['--data-dir', dataDir, 'events', ...args]);
  const { code } = await cli.exited;
  const lines = cli.stdout.filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, lines, stderr: cli.stderr.join('\n') };
}

const statusesOf = (lines: Record<string, unknown>[]) =>
  lines.map((line) => (line.body as { status?: string }).status ?? 'inbound');

describe('workbench events filters', () => {
  it('narrows by message, channel, client_ref, error code, verdict and kind, newest first', async () => {
    const dataDir = await storedWebhooks();
    expect(statusesOf((await events(dataDir)).lines)).toEqual(['inbound', 'rejected', 'delivered', 'submitted']);
    expect(statusesOf((await events(dataDir, '--message-uuid', first)).lines)).toEqual(['delivered', 'submitted']);
    expect(statusesOf((await events(dataDir, '--channel', 'whatsapp', '--kind', 'status')).lines)).toEqual([
      'rejected',
    ]);
    expect(statusesOf((await events(dataDir, '--client-ref', 'order-2')).lines)).toEqual(['rejected']);
    expect(statusesOf((await events(dataDir, '--error-code', '1320')).lines)).toEqual(['rejected']);
    expect((await events(dataDir, '--verdict', 'unsigned')).lines).toHaveLength(4);
    const verified = await events(dataDir, '--verdict', 'verified');
    expect(verified).toMatchObject({ code: 0, lines: [] });
  });

  it('names the missing team inbox for --source team, and refuses an unknown source or verdict', async () => {
    const dataDir = await storedWebhooks();
    expect((await events(dataDir, '--source', 'local')).lines).toHaveLength(4);
    const team = await events(dataDir, '--source', 'team');
    expect(team.code).toBe(1);
    expect(team.stderr).toMatch(/No team inbox is set up/);
    const badSource = await events(dataDir, '--source', 'everyone');
    expect(badSource.code).toBe(2);
    expect(badSource.stderr).toMatch(/expected one of local, team/);
    const badVerdict = await events(dataDir, '--verdict', 'fine');
    expect(badVerdict.code).toBe(2);
    expect(badVerdict.stderr).toMatch(/expected one of verified/);
  });
});
