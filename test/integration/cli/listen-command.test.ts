import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, stopAll, type CliProcess } from '../../support/cli-process';
import { startLocaltunnelServer, type LocaltunnelServer } from '../../support/localtunnel-server';
import { makeTempDir, projectRoot } from '../../support/serve-process';

const running: CliProcess[] = [];
const servers: LocaltunnelServer[] = [];
afterEach(async () => {
  await stopAll(running);
  for (const server of servers.splice(0)) await server.close();
});

function listen(dataDir: string, ...args: string[]): CliProcess {
  const cli = startCli(['--data-dir', dataDir, 'listen', '--port', '0', ...args], { VONAGE_SIGNATURE_SECRET: '' });
  running.push(cli);
  return cli;
}

const post = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
    (response) => response.status,
  );

describe('workbench listen', () => {
  it('prints one NDJSON line per webhook with its id, and events reads them back', async () => {
    const dataDir = await makeTempDir('listen data ');
    const cli = listen(dataDir);
    const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
    expect(
      await post(
        statusUrl!,
        JSON.stringify({
          message_uuid: 'u-1',
          status: 'delivered',
          channel: 'sms',
          to: '447700900000',
          from: 'Acme',
          timestamp: '2026-01-01T00:00:00Z',
        }),
      ),
    ).toBe(200);
    expect(await post(statusUrl!, '{not json')).toBe(200);
    const lines = (await cli.stdoutLines(2)).map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({
      change: 'received',
      kind: 'status',
      status: 'delivered',
      message_uuid: 'u-1',
      body: { status: 'delivered' },
    });
    expect(lines[1]).toMatchObject({ change: 'received', kind: 'unknown', body: '{not json' });
    expect(lines[1].parse_error).toBeTruthy();
    expect(typeof lines[0].id).toBe('number');

    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    const stored = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'bin/workbench.js'), '--data-dir', dataDir, 'events', '--kind', 'status'],
      { encoding: 'utf8' },
    );
    expect(stored.status).toBe(0);
    expect(
      stored.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).message_uuid),
    ).toEqual(['u-1']);
  });

  it.each([[], ['--durability', 'power-loss']])(
    'keeps every acknowledged webhook when killed in the middle of a burst (options %j)',
    async (...durability: string[]) => {
      const dataDir = await makeTempDir('listen crash ');
      const cli = listen(dataDir, ...durability);
      const [, statusUrl] = await cli.stderrLine(/status URL +(\S+)/);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
      let acknowledged = 0;
      const sendOne = (index: number) =>
        new Promise<void>((resolve) => {
          const request = http.request(
            statusUrl!,
            { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
            (response) => {
              response.resume();
              if (response.statusCode === 200) acknowledged++;
              if (acknowledged === 150) cli.child.kill('SIGKILL');
              resolve();
            },
          );
          request.on('error', () => resolve());
          request.end(
            JSON.stringify({
              message_uuid: `burst-${index}`,
              status: 'delivered',
              channel: 'sms',
              to: '1',
              from: '2',
              timestamp: '2026-01-01T00:00:00Z',
            }),
          );
        });
      await Promise.all(Array.from({ length: 400 }, (_, index) => sendOne(index)));
      agent.destroy();
      await cli.exited;
      expect(acknowledged).toBeGreaterThanOrEqual(150);
      const stored = spawnSync(
        process.execPath,
        [path.join(projectRoot, 'bin/workbench.js'), '--data-dir', dataDir, 'events', '--limit', '1000'],
        { encoding: 'utf8' },
      );
      expect(stored.status).toBe(0);
      expect(stored.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(acknowledged);
    },
  );

  it('opens a tunnel, delivers through it, and survives the tunnel server restarting', async () => {
    const tunnelServer = await startLocaltunnelServer();
    servers.push(tunnelServer);
    const cli = listen(
      await makeTempDir('listen tunnel '),
      '--tunnel',
      '--tunnel-host',
      tunnelServer.url,
      '--subdomain',
      'workbench-cli',
    );
    await cli.stderrLine(/public status URL +http:\/\/workbench-cli\.localhost:\d+\/webhooks\/status/);
    const first = await tunnelServer.publicRequest('workbench-cli', '/webhooks/status', {
      method: 'POST',
      body: '{"message_uuid":"t-1","status":"read","channel":"whatsapp"}',
    });
    expect(first.status).toBe(200);
    expect(JSON.parse((await cli.stdoutLines(1))[0]!)).toMatchObject({ message_uuid: 't-1', path: '/webhooks/status' });

    const port = tunnelServer.port;
    await servers.pop()!.close();
    await cli.stderrLine(/tunnel reconnecting/);
    const restarted = await startLocaltunnelServer({ port });
    servers.push(restarted);
    await cli.stderrLine(/tunnel online/, 20_000, 2);
    const second = await restarted.publicRequest('workbench-cli', '/webhooks/inbound', {
      method: 'POST',
      body: '{"message_uuid":"t-2"}',
    });
    expect(second.status).toBe(200);
    expect(JSON.parse((await cli.stdoutLines(2))[1]!)).toMatchObject({ message_uuid: 't-2' });
  });
});
