import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src-main/browser-host/browser-host';
import type { Core } from '../../../src-main/core';
import { makeTempDir } from '../../support/serve-process';
import { createTestCore } from '../../support/test-core';

let core: Core;
let host: BrowserHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await makeTempDir('renderer with spaces ');
  await fs.promises.mkdir(path.join(rendererDir, 'assets'));
  await fs.promises.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await fs.promises.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await fs.promises.writeFile(path.join(path.dirname(rendererDir), 'outside-secret.txt'), 'secret');
  core = await createTestCore({ hostKind: 'browser' });
  host = await startBrowserHost({ core, rendererDir });
});

afterAll(async () => {
  await host.close();
  await core.close();
});

const base = () => `http://127.0.0.1:${host.port}`;

/** Opens a socket with the given URL and headers; resolves with the first frame or the refusal status. */
function openSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; firstFrame?: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('message', (data) => {
      resolve({ status: 101, firstFrame: JSON.parse(data.toString()) });
      socket.close();
    });
    socket.once('error', (error) => reject(error));
  });
}

describe('the browser host over HTTP', () => {
  it('serves the page with the token and no cookie; every answer carries the CSP', async () => {
    const page = await fetch(`${base()}/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(
      /default-src 'none'.*script-src 'self'.*frame-ancestors 'none'/,
    );
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('set-cookie')).toBeNull();
    for (const url of [`${base()}/`, `${base()}/index.html`, `${base()}/missing`]) {
      const response = await fetch(url);
      expect([401, 404]).toContain(response.status);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('serves assets without the token, still behind the Origin check', async () => {
    const asset = await fetch(`${base()}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${base()}/assets/app.js`, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/..%2f..%2foutside-secret.txt',
    ]) {
      const response = await fetch(`${base()}${attempt}?token=${host.token}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });

  it('refuses a foreign Host even with the token (DNS rebinding)', async () => {
    // fetch() will not send a Host of our choosing; node:http will.
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port: host.port,
            path: `/?token=${host.token}`,
            headers: { host: `rebound.example:${host.port}` },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        )
        .once('error', reject);
    });
    expect(status).toBe(403);
  });
});

describe('the browser host socket', () => {
  const socketUrl = () => `ws://127.0.0.1:${host.port}/contract?token=${host.token}`;

  it('greets a client that has the token and an allowed Origin', async () => {
    const answer = await openSocket(socketUrl(), { origin: base() });
    expect(answer).toEqual({ status: 101, firstFrame: { type: 'hello', host: 'browser' } });
  });

  it('refuses a socket without the token, with a wrong token, a foreign Origin or a foreign Host', async () => {
    expect((await openSocket(`ws://127.0.0.1:${host.port}/contract`)).status).toBe(401);
    expect((await openSocket(`ws://127.0.0.1:${host.port}/contract?token=nope`)).status).toBe(401);
    expect((await openSocket(socketUrl(), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await openSocket(socketUrl(), { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await openSocket(`ws://127.0.0.1:${host.port}/other?token=${host.token}`)).status).toBe(403);
  });

  it('answers every unreadable frame, with the call id when it has one, and keeps serving good ones', async () => {
    const socket = new WebSocket(socketUrl());
    const frames: { type: string; id?: number; result?: unknown; error?: { code: string } }[] = [];
    const gotResult = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        frames.push(frame);
        if (frame.type === 'result' && frame.id === 7) resolve();
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'call', id: 3 }));
    socket.send(JSON.stringify([1, 2]));
    socket.send(Buffer.from([1, 2, 3]), { binary: true });
    socket.send(JSON.stringify({ type: 'call', id: 7, method: 'app.info', input: {} }));
    await gotResult;
    expect(frames.slice(1)).toMatchObject([
      { type: 'protocolError', error: { code: 'FRAME_NOT_JSON' } },
      { type: 'result', id: 3, result: { ok: false, error: { code: 'FRAME_NOT_A_CALL' } } },
      { type: 'protocolError', error: { code: 'FRAME_NOT_A_CALL' } },
      { type: 'protocolError', error: { code: 'FRAME_NOT_TEXT' } },
      { type: 'result', id: 7, result: { ok: true } },
    ]);
    socket.close();
  });
});
