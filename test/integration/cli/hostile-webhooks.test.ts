import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createContractClient } from '../../../src-shared/contract-client';
import type { WebhookEvent } from '../../../src-shared/webhook-events';
import { createSocketTransport } from '../../../src-renderer/socket-transport';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { deepJsonBody } from '../../support/deep-bodies';
import { makeTempDir, projectRoot, startServe, type ServeProcess } from '../../support/serve-process';
import { v1Status } from '../../support/webhook-fixtures';
import { checkingOutputs } from '../../support/checked-outputs';

// Run `npm run build` first: these drive the built CLI in out/.
const running: CliProcess[] = [];
const serving: ServeProcess[] = [];
afterEach(async () => {
  await stopAll(running);
  for (const serve of serving.splice(0)) await serve.stop();
});

const cookieValue = 'browser-host-token-8e41d2c9';

/**
 * Runs a command to completion with stdout in a file: these outputs are
 * hundreds of KB, and what a pipe still holds when the CLI exits is a stdout
 * matter of its own, not what these tests are about.
 */
function workbench(dataDir: string, ...args: string[]) {
  const outFile = path.join(dataDir, '..', `stdout-${process.pid}-${Date.now()}.ndjson`);
  const out = fs.openSync(outFile, 'w');
  try {
    const run = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'bin/workbench.js'), '--data-dir', dataDir, ...args],
      { encoding: 'utf8', stdio: ['ignore', out, 'pipe'] },
    );
    return { status: run.status, stderr: run.stderr, stdout: fs.readFileSync(outFile, 'utf8') };
  } finally {
    fs.closeSync(out);
    fs.rmSync(outFile, { force: true });
  }
}

/** 21 webhooks with the two deep ones in the middle, as in the report; every one carries a browser cookie. */
function twentyOneBodies(): string[] {
  const bodies = Array.from({ length: 21 }, (_, index) =>
    JSON.stringify(v1Status({ message_uuid: `aaaaaaaa-bbbb-4ccc-8ddd-${String(index).padStart(12, '0')}` })),
  );
  bodies[10] = deepJsonBody(5_000, 'zebracorn');
  bodies[11] = deepJsonBody(100_000, 'okapi');
  return bodies;
}

describe('workbench listen and events with hostile webhooks', () => {
  it('prints all 21 of 21 events around 5,000- and 100,000-deep bodies, never a cookie value, and events reads them all back', async () => {
    const dataDir = await makeTempDir('hostile listen ');
    // As an older build left it: a world-readable folder and database.
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'webhook-events.db'), '', { mode: 0o644 });
    const cli = startCli(['--data-dir', dataDir, 'listen'], { VONAGE_SIGNATURE_SECRET: '' });
    running.push(cli);
    const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
    const bodies = twentyOneBodies();
    for (const body of bodies) {
      const answer = await fetch(statusUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `wb_token=${cookieValue}` },
        body,
      });
      expect(answer.status).toBe(200);
    }
    const lines = (await cli.stdoutLines(21)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.body_too_deep)).toEqual(bodies.map((_, index) => index === 10 || index === 11));
    expect(lines[11]?.body).toBe(bodies[11]);
    expect(lines.every((line) => (line.headers as Record<string, string>).cookie === 'wb_token=[redacted]')).toBe(true);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout.join('\n')).not.toContain(cookieValue);
    expect(cli.stdout).toHaveLength(21);

    const stored = workbench(dataDir, 'events', '--limit', '100');
    expect(stored.stderr).toBe('');
    expect(stored.status).toBe(0);
    const storedLines = stored.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(storedLines).toHaveLength(21);
    expect(storedLines.filter((line) => line.body_too_deep).map((line) => (line.body as string).length)).toEqual([
      bodies[11]!.length,
      bodies[10]!.length,
    ]);
    expect(stored.stdout).not.toContain(cookieValue);

    const found = workbench(dataDir, 'events', '--text', 'zebracorn');
    expect(found.status).toBe(0);
    expect(
      found.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { body: string }).body),
    ).toEqual([bodies[10]]);

    for (const file of fs.readdirSync(dataDir))
      expect(fs.readFileSync(path.join(dataDir, file)).toString('latin1'), file).not.toContain(cookieValue);
    if (process.platform !== 'win32') {
      expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
      for (const file of fs.readdirSync(dataDir))
        expect((fs.statSync(path.join(dataDir, file)).mode & 0o777).toString(8), file).toBe('600');
    }
  });

  it('keeps the browser host alive when deep webhooks reach an open tab: the live subscriber gets them and the list still works', async () => {
    const serve = await startServe();
    serving.push(serve);
    const socket = createSocketTransport(
      `ws://127.0.0.1:${serve.port}/contract?token=${serve.token}`,
      WebSocket as unknown as new (url: string) => globalThis.WebSocket,
    );
    await new Promise<void>((resolve) => socket.onStateChange((state) => state === 'connected' && resolve()));
    const client = createContractClient(checkingOutputs(socket));
    const arrived: WebhookEvent[] = [];
    const threeArrived = new Promise<void>((resolve) =>
      client.on('webhooks.received', (batches) => {
        arrived.push(...batches.flatMap((batch) => batch.items.map((item) => item.event)));
        if (arrived.length >= 3) resolve();
      }),
    );
    try {
      const receiver = await client.call('webhooks.receiver', {});
      if (!receiver.ok) throw new Error(receiver.error.message);
      const bodies = [deepJsonBody(5_000), deepJsonBody(100_000), JSON.stringify(v1Status())];
      for (const body of bodies)
        expect(
          (
            await fetch(receiver.value.statusUrl, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            })
          ).status,
        ).toBe(200);
      await threeArrived;
      expect(arrived.map((event) => [event.bodyTooDeep, event.bodyText.length])).toEqual(
        bodies.map((body, index) => [index < 2, body.length]),
      );
      const page = await client.call('webhooks.list', {});
      expect(page.ok && page.value.events).toHaveLength(3);
      expect(serve.child.exitCode).toBeNull();
    } finally {
      socket.close();
    }
    expect(await serve.stop()).toBe(0);
    expect(serve.stderr()).not.toMatch(/RangeError|Maximum call stack/);
  });
});
