/**
 * The three locks of the browser host (see browser-host.ts): Host header,
 * Origin header and per-run token. Pure functions over request headers so they
 * are tested without sockets.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'workbench_token';

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

function sameToken(candidate: string | undefined | null, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === tokenCookieName) return value.join('=');
  }
  return undefined;
}

/** The token comes in the URL (page and socket) or, for the page's own assets, in a strict same-site cookie. */
export function checkToken(request: IncomingMessage, settings: GuardSettings, { cookieAllowed }: { cookieAllowed: boolean }): GuardVerdict {
  const url = new URL(request.url ?? '/', 'http://placeholder');
  if (sameToken(url.searchParams.get('token'), settings.token)) return { allowed: true };
  if (cookieAllowed && sameToken(cookieToken(request), settings.token)) return { allowed: true };
  return { allowed: false, status: 401, reason: 'missing or wrong token: open the URL that `workbench serve` printed' };
}

export function checkAll(request: IncomingMessage, settings: GuardSettings, options: { cookieAllowed: boolean }): GuardVerdict {
  for (const verdict of [checkHost(request, settings), checkOrigin(request, settings), checkToken(request, settings, options)]) {
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}
