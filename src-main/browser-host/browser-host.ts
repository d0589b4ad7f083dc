/**
 * The browser host: serves the built renderer and carries the contract over a
 * WebSocket, on 127.0.0.1 by default.
 *
 * Threat model: any web page the user visits can make their browser talk to
 * localhost, and any local process can connect. Three locks guard it:
 * 1. a random per-run token, required in the URL of the page and of the socket
 *    (the page's assets may present it as a SameSite=Strict, HttpOnly cookie);
 * 2. the Origin header, when present, must be this host (no cross-site pages);
 * 3. the Host header must be this host (no DNS rebinding).
 * Every response carries a strict CSP and the usual security headers.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { HostKind } from '../../src-shared/contract';
import { securityHeaders } from '../content-security-policy';
import { createDispatcher } from '../contract-dispatcher';
import type { Core } from '../core';
import { checkAll, newToken, tokenCookieName, type GuardSettings } from './request-guard';
import { serveContractOverSocket } from './socket-transport';
import { readStaticFile } from './static-files';

export interface BrowserHostOptions {
  core: Core;
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Address to bind; loopback unless the user asks otherwise. */
  host?: string;
  /** Fixed token, for a restart that keeps open pages connected; random when absent. */
  token?: string;
  hostKind?: HostKind;
  /** Extra request handling before static files, e.g. Vite's dev middleware. */
  development?: { middleware: (request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void };
}

export interface BrowserHost {
  /** The page URL, with the token. */
  url: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

const loopbackAddresses = new Set(['127.0.0.1', 'localhost', '::1']);

const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** Names a browser may use in Host for this bind address: a wildcard bind answers on every interface. */
function hostNamesFor(bindAddress: string): string[] {
  if (loopbackAddresses.has(bindAddress)) return [];
  if (bindAddress === '0.0.0.0' || bindAddress === '::') {
    const addresses = Object.values(os.networkInterfaces()).flatMap((list) => list ?? []);
    return addresses.map((entry) => bracketed(entry.address));
  }
  return [bracketed(bindAddress)];
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core, rendererDir, host = '127.0.0.1', hostKind = 'browser', development } = options;
  const token = options.token ?? newToken();
  const dispatch = createDispatcher(core.handlers, core.logger);
  const headers = securityHeaders({ development: development !== undefined });
  const guard: GuardSettings = { port: 0, token, extraHostNames: hostNamesFor(host) };

  const server = http.createServer(async (request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    const verdict = checkAll(request, guard, { cookieAllowed: !isPage });
    if (!verdict.allowed) {
      response.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Refused: ${verdict.reason}\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (isPage) response.setHeader('Set-Cookie', `${tokenCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    const serveStatic = async () => {
      const file = await readStaticFile(rendererDir, isPage ? '/index.html' : url.pathname);
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': isPage ? 'no-store' : 'no-cache' });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    };
    if (development) development.middleware(request, response, () => void serveStatic());
    else await serveStatic();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const verdict = url.pathname === '/contract' ? checkAll(request, guard, { cookieAllowed: false }) : ({ allowed: false, status: 403, reason: 'unknown socket path' } as const);
    if (!verdict.allowed) {
      socket.end(`HTTP/1.1 ${verdict.status} ${http.STATUS_CODES[verdict.status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      serveContractOverSocket(webSocket, dispatch, core.events, hostKind);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  const displayHost = loopbackAddresses.has(host) ? '127.0.0.1' : guard.extraHostNames[0];

  return {
    url: `http://${displayHost}:${port}/?token=${token}`,
    port,
    token,
    server,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
