/**
 * The everyday loop across real restarts of `workbench serve`: the receiver
 * and the built-in emulator keep their ports (from Settings) and the emulator
 * its credentials (secret parts in a real gnome-keyring), so URLs pasted into
 * a dashboard and a `.env` stay true. A taken port moves a URL only with a
 * notice naming the new one; a port named on the command line is never moved.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createContractClient, type ContractClient } from '../../../src-shared/contract-client';
import { createSocketTransport } from '../../../src-renderer/socket-transport';
import { startKeyringSession, type KeyringSession } from '../../support/keyring-session';
import { makeTempDir, projectRoot, startServe, type ServeProcess } from '../../support/serve-process';
import { checkingOutputs } from '../../support/checked-outputs';

let keyring: KeyringSession;
const running: ServeProcess[] = [];
const blockers: net.Server[] = [];

beforeAll(async () => {
  keyring = await startKeyringSession();
});
afterAll(async () => {
  await keyring.stop();
});
afterEach(async () => {
  for (const serve of running.splice(0)) await serve.stop();
  for (const blocker of blockers.splice(0)) await new Promise((resolve) => blocker.close(resolve));
});

/** A port nothing listens on right now: bound, read and released. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function occupy(port: number): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  blockers.push(server);
}

async function withSettingsPorts(dataDir: string, ports: { webhooks: number; emulator: number }): Promise<void> {
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, ports }), { mode: 0o600 });
}

async function connect(serve: ServeProcess): Promise<{ client: ContractClient; close(): void }> {
  const socket = createSocketTransport(
    `ws://127.0.0.1:${serve.port}/contract?token=${serve.token}`,
    WebSocket as unknown as new (url: string) => globalThis.WebSocket,
  );
  await new Promise<void>((resolve) => socket.onStateChange((state) => state === 'connected' && resolve()));
  return { client: createContractClient(checkingOutputs(socket)), close: () => socket.close() };
}

/** Everything a user pasted somewhere after one start: the receiver URLs, the emulator URL, its .env. */
async function endpointsOf(serve: ServeProcess) {
  const { client, close } = await connect(serve);
  try {
    const [receiver, emulator, details, info] = await Promise.all([
      client.call('webhooks.receiver', {}),
      client.call('emulator.status', {}),
      client.call('emulator.connectionDetails', {}),
      client.call('app.info', {}),
    ]);
    if (!receiver.ok || !emulator.ok || !details.ok || !info.ok) throw new Error('a call failed');
    return { receiver: receiver.value, emulator: emulator.value, env: details.value.env, notices: info.value.notices };
  } finally {
    close();
  }
}

async function startApp(dataDir: string, env: Record<string, string> = { ...keyring.env }) {
  const serve = await startServe({ dataDir, env, localPorts: 'settings' });
  running.push(serve);
  return serve;
}

describe('stable local endpoints across restarts', () => {
  it('keeps the receiver URLs, the emulator URL and its credentials through two restarts', async () => {
    const dataDir = await makeTempDir('stable endpoints ');
    const ports = { webhooks: await freePort(), emulator: await freePort() };
    await withSettingsPorts(dataDir, ports);

    const first = await endpointsOf(await startApp(dataDir));
    expect(first.receiver.url).toBe(`http://127.0.0.1:${ports.webhooks}`);
    expect(first.emulator.url).toBe(`http://127.0.0.1:${ports.emulator}`);
    expect(first.emulator.credentialsPersistent).toBe(true);
    expect(first.notices).toEqual([]);
    expect(first.env).toContain(`VONAGE_API_HOST=http://127.0.0.1:${ports.emulator}`);
    expect(first.env).toContain(`VONAGE_API_KEY=${first.emulator.apiKey}`);

    for (let restart = 1; restart <= 2; restart++) {
      await running.pop()!.stop();
      const again = await endpointsOf(await startApp(dataDir));
      expect(again.receiver, `restart ${restart}`).toEqual(first.receiver);
      expect(again.emulator, `restart ${restart}`).toEqual(first.emulator);
      expect(again.env, `restart ${restart}`).toBe(first.env);
    }

    // The identity file holds no secret part; those live in the keychain.
    const identityFile = path.join(dataDir, 'emulator-identity.json');
    expect(fs.statSync(identityFile).mode & 0o777).toBe(0o600);
    const apiSecret = /VONAGE_API_SECRET=(\S+)/.exec(first.env)![1]!;
    const signatureSecret = /VONAGE_SIGNATURE_SECRET=(\S+)/.exec(first.env)![1]!;
    for (const file of fs.readdirSync(dataDir)) {
      const bytes = fs.readFileSync(path.join(dataDir, file));
      expect(bytes.includes(apiSecret), file).toBe(false);
      expect(bytes.includes(signatureSecret), file).toBe(false);
    }
  });

  it('makes new credentials only when asked, on the same URL, and keeps those', async () => {
    const dataDir = await makeTempDir('renew credentials ');
    await withSettingsPorts(dataDir, { webhooks: await freePort(), emulator: await freePort() });
    const serve = await startApp(dataDir);
    const before = await endpointsOf(serve);
    const { client, close } = await connect(serve);
    const renewed = await client.call('emulator.renewCredentials', {});
    close();
    expect(renewed.ok && renewed.value.url).toBe(before.emulator.url);
    expect(renewed.ok && renewed.value.apiKey).not.toBe(before.emulator.apiKey);

    // The old credentials are refused, the new ones accepted, by the running emulator.
    const basic = (env: string) =>
      `Basic ${Buffer.from(`${/VONAGE_API_KEY=(\S+)/.exec(env)![1]}:${/VONAGE_API_SECRET=(\S+)/.exec(env)![1]}`).toString('base64')}`;
    const after = await endpointsOf(serve);
    const sms = JSON.stringify({ channel: 'sms', message_type: 'text', to: '447700900000', from: 'Acme', text: 'hi' });
    const send = (authorization: string) =>
      fetch(`${after.emulator.url}/v1/messages`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: sms,
      }).then((answer) => answer.status);
    expect(await send(basic(before.env))).toBe(401);
    expect(await send(basic(after.env))).toBe(202);

    await running.pop()!.stop();
    const restarted = await endpointsOf(await startApp(dataDir));
    expect(restarted.emulator.apiKey).toBe(after.emulator.apiKey);
    expect(restarted.env).toBe(after.env);
  });

  it('moves a taken port to a free one with a notice naming the new URLs', async () => {
    const dataDir = await makeTempDir('taken port ');
    const ports = { webhooks: await freePort(), emulator: await freePort() };
    await withSettingsPorts(dataDir, ports);
    await occupy(ports.webhooks);
    await occupy(ports.emulator);

    const moved = await endpointsOf(await startApp(dataDir));
    expect(moved.receiver.port).not.toBe(ports.webhooks);
    expect(moved.emulator.url).not.toBe(`http://127.0.0.1:${ports.emulator}`);
    const byCode = Object.fromEntries(moved.notices.map((notice) => [notice.code, notice.message]));
    expect(byCode.WEBHOOK_PORT_MOVED).toContain(`Port ${ports.webhooks} was taken`);
    expect(byCode.WEBHOOK_PORT_MOVED).toContain(moved.receiver.statusUrl);
    expect(byCode.WEBHOOK_PORT_MOVED).toContain(moved.receiver.inboundUrl);
    expect(byCode.EMULATOR_PORT_MOVED).toContain(moved.emulator.url!);
  });

  it('refuses a taken port named on the command line, saying how to fix it', async () => {
    const port = await freePort();
    await occupy(port);
    const serve = spawnSync(
      process.execPath,
      [
        path.join(projectRoot, 'bin/workbench.js'),
        '--data-dir',
        await makeTempDir('explicit port '),
        'serve',
        '--no-open',
        '--port',
        '0',
        '--webhook-port',
        String(port),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, ...keyring.env },
        timeout: 30_000,
      },
    );
    expect(serve.status).toBe(1);
    expect(serve.stderr).toContain(`--webhook-port ${port}`);
    expect(serve.stderr).toMatch(/already in use/);
    expect(serve.stderr).toMatch(/another --port|0 picks a free one/);
  });

  it('says the credentials are new at each start where there is no keychain', async () => {
    const dataDir = await makeTempDir('no keychain ');
    await withSettingsPorts(dataDir, { webhooks: await freePort(), emulator: await freePort() });
    const noBus = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(dataDir, 'no-bus')}`, HOME: dataDir };
    const first = await endpointsOf(await startApp(dataDir, noBus));
    expect(first.emulator.credentialsPersistent).toBe(false);
    expect(first.emulator.credentialsNotice).toMatch(/new at each start/);
    expect(fs.existsSync(path.join(dataDir, 'emulator-identity.json'))).toBe(false);
  });
});
