/**
 * The renderer's one way to reach the core: the preload bridge inside the
 * desktop app, else the browser host's WebSocket (token taken from the page URL).
 */
import type { HostKind } from '../src-shared/contract';
import { createContractClient } from '../src-shared/contract-client';
import { createSocketTransport, type ConnectionState } from './socket-transport';

function socketUrl(): string {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
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
