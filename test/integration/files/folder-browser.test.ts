/**
 * The folder browser is a listener path (the browser host serves it to any
 * page holding the token), so it is fed what a hostile or careless page would
 * send, over the real WebSocket host, and must answer each with a named error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser-host/browser-host';
import type { Core } from '../../../src-main/core';
import { folderError } from '../../../src-main/files/folder-browser';
import { createContractClient, type ContractClient } from '../../../src-shared/contract-client';
import { createSocketTransport } from '../../../src-renderer/socket-transport';
import { checkingOutputs } from '../../support/checked-outputs';
import { makeTempDir } from '../../support/serve-process';
import { createTestCore } from '../../support/test-core';

let core: Core;
let host: BrowserHost;
let client: ContractClient;
let close: () => void;
let parent: string;

beforeAll(async () => {
  core = await createTestCore({ hostKind: 'browser' });
  host = await startBrowserHost({ core, rendererDir: await makeTempDir() });
  const socket = createSocketTransport(
    `ws://127.0.0.1:${host.port}/contract?token=${host.token}`,
    WebSocket as unknown as new (url: string) => globalThis.WebSocket,
  );
  await new Promise<void>((resolve) => socket.onStateChange((state) => state === 'connected' && resolve()));
  client = createContractClient(checkingOutputs(socket));
  close = () => socket.close();
  parent = await makeTempDir('folder browser ✓ ');
  await fs.mkdir(path.join(parent, '10 later'));
  await fs.mkdir(path.join(parent, '2 earlier'));
  await fs.mkdir(path.join(parent, '.git'));
  await fs.writeFile(path.join(parent, 'notes.txt'), 'not a folder');
  await fs.symlink(path.join(parent, '2 earlier'), path.join(parent, 'link to earlier'));
  await fs.symlink(path.join(parent, 'gone'), path.join(parent, 'broken link'));
});

afterAll(async () => {
  close();
  await host.close();
  await core.close();
});

const errorCodeOf = async (call: ReturnType<ContractClient['call']>) => {
  const result = await call;
  return result.ok ? 'ok' : result.error.code;
};

describe('folders.list', () => {
  it('lists subfolders only, in name order with numbers as numbers, hidden ones and files left out', async () => {
    const listing = await client.call('folders.list', { path: parent });
    if (!listing.ok) throw new Error(listing.error.message);
    expect(listing.value.folders.map((folder) => folder.name)).toEqual(['2 earlier', '10 later', 'link to earlier']);
    expect(listing.value).toMatchObject({ path: parent, parent: path.dirname(parent), truncated: false });
  });

  it('starts at the home folder, and at the root has no parent', async () => {
    const home = await client.call('folders.list', {});
    expect(home.ok && home.value.path).toBe(home.ok && home.value.home);
    const top = await client.call('folders.list', { path: `${parent}/../../../../../../../../..` });
    expect(top.ok && [top.value.path, top.value.parent]).toEqual([path.parse(parent).root, null]);
  });

  it('answers hostile and careless paths with a named error, and keeps serving', async () => {
    const cases: [string, string][] = [
      ['etc', 'FOLDER_PATH_INVALID'],
      ['../../etc', 'FOLDER_PATH_INVALID'],
      [`${parent}\0/x`, 'FOLDER_PATH_INVALID'],
      ['\0', 'FOLDER_PATH_INVALID'],
      [`${parent}/${'a'.repeat(300)}`, 'FOLDER_PATH_INVALID'],
      [`/${'deep/'.repeat(900)}`, 'INPUT_INVALID'],
      ['', 'INPUT_INVALID'],
      [path.join(parent, 'notes.txt'), 'FOLDER_NOT_A_FOLDER'],
      [path.join(parent, 'broken link'), 'FOLDER_NOT_FOUND'],
      [path.join(parent, 'missing'), 'FOLDER_NOT_FOUND'],
    ];
    for (const [typed, code] of cases)
      expect([typed.slice(0, 40), await errorCodeOf(client.call('folders.list', { path: typed }))]).toEqual([
        typed.slice(0, 40),
        code,
      ]);
    expect(await errorCodeOf(client.call('folders.list', { path: 42 } as never))).toBe('INPUT_INVALID');
    expect(await errorCodeOf(client.call('folders.list', { path: parent, extra: true } as never))).toBe(
      'INPUT_INVALID',
    );
    expect(await errorCodeOf(client.call('folders.list', { path: parent }))).toBe('ok');
  });

  it('names a folder the system will not open', async () => {
    expect(folderError(Object.assign(new Error('denied'), { code: 'EACCES' }), '/private', '/path')).toMatchObject({
      ok: false,
      error: { code: 'FOLDER_UNREADABLE', message: '/private cannot be opened: permission denied.', path: '/path' },
    });
  });
});

describe('folders.create', () => {
  it('creates a new folder private to its user, whatever the umask', async () => {
    const previous = process.umask(0);
    try {
      const created = await client.call('folders.create', { parent, name: 'my requests' });
      expect(created).toEqual({ ok: true, value: { path: path.join(parent, 'my requests') } });
      expect((await fs.stat(path.join(parent, 'my requests'))).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(previous);
    }
    expect(await errorCodeOf(client.call('folders.create', { parent, name: 'my requests' }))).toBe('FOLDER_EXISTS');
    expect(await errorCodeOf(client.call('folders.create', { parent, name: 'notes.txt' }))).toBe('FOLDER_EXISTS');
  });

  it('refuses a name that is not one plain folder name, and a parent that is not a folder', async () => {
    for (const name of [
      '..',
      '.',
      'a/b',
      '../escape',
      'a\\b',
      'a\0b',
      '.hidden',
      ' padded',
      'x'.repeat(256),
      'é'.repeat(128),
    ])
      expect([name.slice(0, 20), await errorCodeOf(client.call('folders.create', { parent, name }))]).toEqual([
        name.slice(0, 20),
        'FOLDER_NAME_INVALID',
      ]);
    expect(await errorCodeOf(client.call('folders.create', { parent: 'relative', name: 'x' }))).toBe(
      'FOLDER_PATH_INVALID',
    );
    expect(
      await errorCodeOf(client.call('folders.create', { parent: path.join(parent, 'notes.txt'), name: 'x' })),
    ).toBe('FOLDER_NOT_A_FOLDER');
    expect(await errorCodeOf(client.call('folders.create', { parent: path.join(parent, 'nowhere'), name: 'x' }))).toBe(
      'FOLDER_NOT_FOUND',
    );
    const left = (await fs.readdir(parent)).sort();
    expect(left).not.toContain('escape');
    expect(left).not.toContain('x');
  });

  it('the browser host has no native dialog to offer', async () => {
    expect(await errorCodeOf(client.call('folders.choose', {}))).toBe('HOST_CANNOT_CHOOSE_FOLDER');
  });
});

describe('behind the host locks', () => {
  /** Sends one folders.list call on a raw socket; resolves with the refusal status, or the answer. */
  function rawList(url: string, headers: Record<string, string>): Promise<number | unknown> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.once('open', () =>
        socket.send(JSON.stringify({ type: 'call', id: 1, method: 'folders.list', input: {} })),
      );
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string };
        if (frame.type === 'result') {
          resolve(frame);
          socket.close();
        }
      });
      socket.once('error', reject);
    });
  }

  it('lists nothing for a socket without the token, or from a foreign Origin or Host', async () => {
    const url = `ws://127.0.0.1:${host.port}/contract`;
    expect(await rawList(url, {})).toBe(401);
    expect(await rawList(`${url}?token=wrong`, {})).toBe(401);
    expect(await rawList(`${url}?token=${host.token}`, { origin: 'https://evil.example' })).toBe(403);
    expect(await rawList(`${url}?token=${host.token}`, { host: `evil.example:${host.port}` })).toBe(403);
    expect(await rawList(`${url}?token=${host.token}`, {})).toMatchObject({ type: 'result', result: { ok: true } });
  });
});
