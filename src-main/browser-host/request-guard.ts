/**
 * The three locks of the browser host (see browser-host.ts): Host header,
 * Origin header and per-run token. Pure functions over request headers and the
 * parsed query (../http/request-target.ts), so they are tested without sockets.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardSettings {
  /** The port the host listens on; Host and Origin must name it. */
  port: number;
  /** Host names accepted besides the loopback names (the --host address when it is not loopback). */
  extraHostNames: string[];
  token: string;
}

export type GuardVerdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

function allowedHosts(settings: GuardSettings): Set<string> {
  return new Set([...loopbackNames, ...settings.extraHostNames].map((name) => `${name}:${settings.port}`));
}

/**
 * DNS rebinding defence: a page served from evil.example that rebinds its name to
 * 127.0.0.1 still sends `Host: evil.example:PORT`, which is refused here.
 */
export function checkHost(request: IncomingMessage, settings: GuardSettings): GuardVerdict {
  const host = request.headers.host?.toLowerCase();
  if (!host || !allowedHosts(settings).has(host)) {
    return { allowed: false, status: 403, reason: `Host ${JSON.stringify(host ?? '')} is not this workbench` };
  }
  return { allowed: true };
}

/** Browsers always send Origin on WebSocket and cross-origin requests; a foreign one is refused. */
export function checkOrigin(request: IncomingMessage, settings: GuardSettings): GuardVerdict {
  const origin = request.headers.origin;
  if (origin === undefined) return { allowed: true };
  const allowed = [...allowedHosts(settings)].map((host) => `http://${host}`);
  if (!allowed.includes(origin.toLowerCase())) {
    return { allowed: false, status: 403, reason: `Origin ${JSON.stringify(origin)} is not this workbench` };
  }
  return { allowed: true };
}

function sameToken(candidate: string | null, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The token travels only in the URL of the page and of the socket. No cookie
 * carries it: cookies are not port-scoped, so every other server on this
 * machine would receive it.
 */
export function checkToken(params: URLSearchParams, settings: GuardSettings): GuardVerdict {
  if (sameToken(params.get('token'), settings.token)) return { allowed: true };
  return { allowed: false, status: 401, reason: 'missing or wrong token: open the URL that `workbench serve` printed' };
}

/** Host and Origin always; the token where the answer opens the app (the page, the socket). */
export function checkAll(
  request: IncomingMessage,
  params: URLSearchParams,
  settings: GuardSettings,
  { tokenRequired }: { tokenRequired: boolean },
): GuardVerdict {
  const verdicts = [
    checkHost(request, settings),
    checkOrigin(request, settings),
    ...(tokenRequired ? [checkToken(params, settings)] : []),
  ];
  return verdicts.find((verdict) => !verdict.allowed) ?? { allowed: true };
}
