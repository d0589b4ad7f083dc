import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  checkAll,
  checkHost,
  checkOrigin,
  checkToken,
  type GuardSettings,
} from '../../../src-main/browser-host/request-guard';

const settings: GuardSettings = { port: 4321, token: 'right-token', extraHostNames: [] };
const request = (url: string, headers: Record<string, string>) => ({ url, headers }) as unknown as IncomingMessage;

describe('the browser host guard', () => {
  it('accepts the loopback names on its own port only', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321', 'LOCALHOST:4321']) {
      expect(checkHost(request('/', { host }), settings).allowed).toBe(true);
    }
    for (const host of ['127.0.0.1:80', 'evil.example:4321', 'localhost', '127.0.0.1.evil.example:4321']) {
      expect(checkHost(request('/', { host }), settings)).toMatchObject({ allowed: false, status: 403 });
    }
    expect(checkHost(request('/', {}), settings)).toMatchObject({ allowed: false, status: 403 });
  });

  it('refuses a foreign Origin but lets a non-browser client without one through', () => {
    expect(checkOrigin(request('/', { origin: 'http://127.0.0.1:4321' }), settings).allowed).toBe(true);
    expect(checkOrigin(request('/', {}), settings).allowed).toBe(true);
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null', 'https://127.0.0.1:4321']) {
      expect(checkOrigin(request('/', { origin }), settings)).toMatchObject({ allowed: false, status: 403 });
    }
  });

  it('wants the exact token in the URL, and never reads it from a cookie', () => {
    const params = (query: string) => new URLSearchParams(query);
    expect(checkToken(params('token=right-token'), settings).allowed).toBe(true);
    expect(checkToken(params('token=right-tokeN'), settings)).toMatchObject({ allowed: false, status: 401 });
    expect(checkToken(params('token=right'), settings).allowed).toBe(false);
    const withCookie = request('/', { host: '127.0.0.1:4321', cookie: 'a=b; workbench_token=right-token' });
    expect(checkAll(withCookie, params(''), settings, { tokenRequired: true })).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  it('checks all three locks together; the token only where it is required', () => {
    const good = { host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4321' };
    const withToken = new URLSearchParams('token=right-token');
    expect(checkAll(request('/', good), withToken, settings, { tokenRequired: true }).allowed).toBe(true);
    expect(
      checkAll(request('/', { ...good, host: 'rebound.example:4321' }), withToken, settings, { tokenRequired: true })
        .allowed,
    ).toBe(false);
    expect(
      checkAll(request('/assets/x.js', good), new URLSearchParams(), settings, { tokenRequired: false }).allowed,
    ).toBe(true);
    expect(
      checkAll(request('/assets/x.js', { ...good, origin: 'https://evil.example' }), new URLSearchParams(), settings, {
        tokenRequired: false,
      }),
    ).toMatchObject({ allowed: false, status: 403 });
  });
});
