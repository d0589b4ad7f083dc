/**
 * Requests through the tunnel, and the liveness probe built on them: a request
 * to the public URL that must come back through the tunnel to the local
 * server, which echoes a fresh nonce. A tunnel whose sockets look open but no
 * longer carry traffic fails it.
 *
 * This machine may be unable to reach its own public hostname (a self-hosted
 * server behind a proxy, a domain only the outside world resolves). When the
 * public URL fails on this side, before anything was sent, the same request
 * goes to the tunnel server's own address with the public Host header, which
 * is all the server routes by.
 */
import crypto from 'node:crypto';
import dns from 'node:dns';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, request } from 'undici';

export const tunnelProbePrefix = '/__workbench/tunnel-probe/';

/** For the local server behind the tunnel: answers a probe and returns true, or returns false. */
export function answerTunnelProbe(incoming: IncomingMessage, response: ServerResponse): boolean {
  if (incoming.method !== 'GET' || !incoming.url?.startsWith(tunnelProbePrefix)) return false;
  const nonce = incoming.url.slice(tunnelProbePrefix.length);
  response.writeHead(200, { 'Content-Type': 'text/plain' }).end(nonce);
  return true;
}

/** Names under .localhost are loopback by definition (RFC 6761), whatever the resolver says. */
const loopbackAwareLookup: typeof dns.lookup = ((
  hostname: string,
  options: dns.LookupOptions,
  callback: (...args: unknown[]) => void,
) => {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dns.lookup(hostname, options, callback as never);
}) as typeof dns.lookup;

export function createProbeAgent(): Agent {
  return new Agent({ connect: { lookup: loopbackAwareLookup }, keepAliveTimeout: 1_000 });
}

/** Errors that mean the request never left this machine: the name did not resolve or no connection was made. */
const unreachedCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function unreached(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  return unreachedCodes.has(String(code)) || unreachedCodes.has(String(cause?.code));
}

/** Where a tunnel can be reached: its public URL, and the server it registered with. */
export interface TunnelAddress {
  publicUrl: string;
  server: string;
}

export interface TunnelRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface TunnelAnswer {
  status: number;
  body: string;
  /** True when the public URL could not be reached from here and the server's own address was used. */
  viaServer: boolean;
}

/** Answers through the tunnel are short (a nonce, an acknowledgement); a longer one is cut, not held in memory. */
const answerLimit = 64 * 1024;

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString();
    if (text.length > answerLimit) {
      body.destroy();
      return text.slice(0, answerLimit);
    }
  }
  return text;
}

/** Sends one request through the tunnel: to the public URL, or, when that fails on this side, to the server with the public Host. */
export async function requestThroughTunnel(
  address: TunnelAddress,
  path: string,
  init: TunnelRequest,
  agent: Agent,
): Promise<TunnelAnswer> {
  const publicUrl = new URL(path, address.publicUrl);
  const send = async (url: URL, extraHeaders: Record<string, string>) => {
    const answer = await request(url, {
      method: init.method ?? 'GET',
      dispatcher: agent,
      // localtunnel.me shows a reminder page to browsers unless this header is present.
      headers: { 'bypass-tunnel-reminder': 'workbench', ...init.headers, ...extraHeaders },
      ...(init.body === undefined ? {} : { body: init.body }),
      headersTimeout: init.timeoutMs,
      bodyTimeout: init.timeoutMs,
    });
    return { status: answer.statusCode, body: await readCapped(answer.body) };
  };
  try {
    return { ...(await send(publicUrl, {})), viaServer: false };
  } catch (error) {
    if (!unreached(error)) throw error;
    const viaServer = new URL(`${publicUrl.pathname}${publicUrl.search}`, address.server);
    try {
      return { ...(await send(viaServer, { host: publicUrl.host })), viaServer: true };
    } catch (serverError) {
      throw new Error(
        `${(error as Error).message} at ${publicUrl.host}, and through the server's address: ${(serverError as Error).message}`,
        { cause: serverError },
      );
    }
  }
}

export async function probeTunnel(
  address: TunnelAddress,
  agent: Agent,
  timeoutMs: number,
): Promise<{ alive: boolean; reason: string }> {
  const nonce = crypto.randomBytes(12).toString('hex');
  try {
    const answer = await requestThroughTunnel(address, `${tunnelProbePrefix}${nonce}`, { timeoutMs }, agent);
    const route = answer.viaServer
      ? ` (through the server's address: ${new URL(address.publicUrl).hostname} is not reachable from here)`
      : '';
    if (answer.status === 200 && answer.body === nonce)
      return { alive: true, reason: `probe came back through the tunnel${route}` };
    return { alive: false, reason: `probe answered ${answer.status} without its nonce${route}` };
  } catch (error) {
    return { alive: false, reason: `probe failed: ${(error as Error).message}` };
  }
}
