/**
 * The browser host: serves the built renderer and carries the contract over a
 * WebSocket, on 127.0.0.1 by default.
 *
 * Threat model: any web page the user visits can make their browser talk to
 * localhost, and any local process can connect. Three locks guard it:
 * 1. a random per-run token, required in the URL of the page and of the socket;
 *    it is never put in a cookie (cookies are not port-scoped, so every server
 *    on 127.0.0.1 would get it); the static assets hold no secret and need none;
 *    a download (`/download/<ticket>`) needs instead a one-time ticket a contract
 *    call issued, so the token never appears in a link the browser keeps;
 * 2. the Origin header, when present, must be this host (no cross-site pages);
 * 3. the Host header must be this host (no DNS rebinding).
 * Every answer carries a strict CSP and the usual security headers, including
 * refusals and the answers to requests Node cannot parse. No request, however
 * malformed, can end the host (see ../http/).
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { HostKind } from '../../src-shared/contract';
import { securityHeaders } from '../content-security-policy';
import { createDispatcher } from '../contract-dispatcher';
import type { Core } from '../core';
import { endWithAnswer, hardenServer, maxRequestHeadBytes, serverOptions } from '../http/hardened-server';
import { parseRequest } from '../http/request-target';
import { checkGivenToken, newToken } from './access-token';
import { answerDownload, isDownloadPath } from './download-route';
import { checkAll, type GuardSettings } from './request-guard';
import { maxFrameBytes, serveContractOverSocket } from './socket-transport';
import { readStaticFile } from './static-files';

export interface BrowserHostOptions {
  core: Core;
  /** Folder holding the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Address to bind; loopback unless the user asks otherwise. */
  host?: string;
  /** Fixed token, for a restart that keeps open pages connected; random when absent. Refused (thrown) when weak. */
  token?: string;
  hostKind?: HostKind;
  /** Extra request handling before static files, e.g. Vite's dev middleware. */
  development?: {
    middleware: (request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void;
  };
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

const plainText = { 'Content-Type': 'text/plain; charset=utf-8' };

function chosenToken(given: string | undefined): string {
  if (given === undefined) return newToken();
  const checked = checkGivenToken(given);
  if (!checked.ok) throw new Error(`${checked.error.message} ${checked.error.hint}`);
  return checked.value;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core, rendererDir, host = '127.0.0.1', hostKind = 'browser', development } = options;
  const token = chosenToken(options.token);
  const dispatch = createDispatcher(core.handlers, core.logger);
  const headers = securityHeaders({ development: development !== undefined });
  const guard: GuardSettings = { port: 0, token, extraHostNames: hostNamesFor(host) };

  // A throw while answering is a bug: logged, answered 500, and never allowed to end the host.
  const failed = (response: http.ServerResponse) => (error: unknown) => {
    core.logger.error('the browser host failed to answer a request', error);
    if (response.headersSent) response.destroy();
    else response.writeHead(500, plainText).end('Internal error; see the workbench log.\n');
  };

  async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const { method, path, params } = parseRequest(request);
    const isPage = path === '/' || path === '/index.html';
    const verdict = checkAll(request, params, guard, { tokenRequired: isPage });
    if (!verdict.allowed) {
      response.writeHead(verdict.status, plainText).end(`Refused: ${verdict.reason}\n`);
      return;
    }
    if (isDownloadPath(path)) {
      await answerDownload(method, path, response, core.downloads);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { ...plainText, Allow: 'GET, HEAD' }).end('Only GET and HEAD are answered here.\n');
      return;
    }
    const serveStatic = async () => {
      const file = await readStaticFile(rendererDir, isPage ? '/index.html' : path);
      if (!file) {
        response.writeHead(404, plainText).end('Not found\n');
        return;
      }
      response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': isPage ? 'no-store' : 'no-cache' });
      response.end(method === 'HEAD' ? undefined : file.body);
    };
    if (development) development.middleware(request, response, () => void serveStatic().catch(failed(response)));
    else await serveStatic();
  }

  const server = http.createServer(
    { ...serverOptions, maxHeaderSize: maxRequestHeadBytes },
    (request, response) => void answer(request, response).catch(failed(response)),
  );
  hardenServer(server, headers);

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, skipUTF8Validation: true });
  sockets.on('error', (error) => core.logger.error('the contract socket server reported an error', error));
  // Handshakes ws refuses (bad key, version or method) get our headers too.
  sockets.on('wsClientError', (error: Error, socket: Duplex, request: http.IncomingMessage) => {
    endWithAnswer(socket, request.method === 'GET' ? 400 : 405, headers, `Refused: ${error.message}\n`);
  });
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { path, params } = parseRequest(request);
    const verdict =
      path === '/contract'
        ? checkAll(request, params, guard, { tokenRequired: true })
        : ({ allowed: false, status: 403, reason: 'no socket at this path' } as const);
    if (!verdict.allowed) {
      endWithAnswer(socket, verdict.status, headers, `Refused: ${verdict.reason}\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      serveContractOverSocket(webSocket, { dispatch, events: core.events, host: hostKind, logger: core.logger });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      server.on('error', (error) => core.logger.error('the browser host reported an error', error));
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
