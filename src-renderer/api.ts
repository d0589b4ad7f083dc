/**
 * The renderer's one way to reach the core: the preload bridge inside the
 * desktop app, else the browser host's WebSocket (token taken from the page URL).
 */
import type { HostKind } from '../src-shared/contract';
import { createContractClient } from '../src-shared/contract-client';
import { createSocketTransport, type ConnectionState } from './socket-transport';

/** The browser host's access token, from the page URL; empty inside the desktop app. */
export function pageToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

function socketUrl(): string {
  const token = pageToken();
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/contract?token=${encodeURIComponent(token)}`;
}

const socket = window.workbench ? undefined : createSocketTransport(socketUrl());

export const api = createContractClient(window.workbench ?? socket!);

export const hostKind: HostKind = window.workbench ? 'electron' : 'browser';

/** Connection changes; the preload bridge is always connected. */
export function onConnectionState(listener: (state: ConnectionState) => void): () => void {
  if (!socket) {
    listener('connected');
    return () => {};
  }
  return socket.onStateChange(listener);
}

/**
 * Whether the host behind this page answers but refuses the page's token: the
 * sign that `workbench serve` restarted with a new one, so retrying cannot help.
 * A host that does not answer at all is down, not refusing.
 */
export async function pageTokenRefused(): Promise<boolean> {
  if (!socket) return false;
  try {
    const response = await fetch(`/?token=${encodeURIComponent(pageToken())}`, { method: 'HEAD', cache: 'no-store' });
    return response.status === 401;
  } catch {
    return false;
  }
}
