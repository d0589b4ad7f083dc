/**
 * The liveness probe: a request to the public URL that must come back through
 * the tunnel to the local server, which echoes a fresh nonce. A tunnel whose
 * sockets look open but no longer carry traffic fails it.
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
const loopbackAwareLookup: typeof dns.lookup = ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
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

export async function probeTunnel(publicUrl: string, agent: Agent, timeoutMs: number): Promise<{ alive: boolean; reason: string }> {
  const nonce = crypto.randomBytes(12).toString('hex');
  try {
    const response = await request(new URL(`${tunnelProbePrefix}${nonce}`, publicUrl), {
      dispatcher: agent,
      // localtunnel.me shows a reminder page to browsers unless this header is present.
      headers: { 'bypass-tunnel-reminder': 'workbench' },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const body = await response.body.text();
    if (response.statusCode === 200 && body === nonce) return { alive: true, reason: 'probe came back through the tunnel' };
    return { alive: false, reason: `probe answered ${response.statusCode} without its nonce` };
  } catch (error) {
    return { alive: false, reason: `probe failed: ${(error as Error).message}` };
  }
}
