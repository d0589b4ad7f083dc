/**
 * The contract over the browser host's WebSocket, with the same surface as the
 * preload bridge. It reconnects by itself (capped backoff) when the host goes
 * away, so a restarted `workbench serve` picks up the open page.
 */
import type { EventBatch } from '../src-shared/contract';
import type { ContractTransport } from '../src-shared/contract-client';
import { callTimedOut, callTimeoutMs } from '../src-shared/call-timeouts';
import { fail, type Result } from '../src-shared/result';
import { serverFrameSchema } from '../src-shared/wire';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface SocketTransport extends ContractTransport {
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

/** The WebSocket constructor to use; the browser's own unless a test passes another. */
type WebSocketConstructor = new (url: string) => WebSocket;

export function createSocketTransport(url: string, WebSocketImpl: WebSocketConstructor = WebSocket): SocketTransport {
  const eventListeners = new Set<(batch: EventBatch) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const pending = new Map<
    number,
    { resolve: (result: Result<unknown>) => void; timer: ReturnType<typeof setTimeout>; sent: boolean }
  >();
  const waitingForOpen: (() => void)[] = [];
  let socket: WebSocket | undefined;
  let state: ConnectionState = 'connecting';
  let nextId = 1;
  let retryDelayMs = 250;
  let closed = false;

  const setState = (next: ConnectionState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  function settle(id: number, result: Result<unknown>) {
    const call = pending.get(id);
    if (!call) return;
    clearTimeout(call.timer);
    pending.delete(id);
    call.resolve(result);
  }

  function connect() {
    socket = new WebSocketImpl(url);
    socket.addEventListener('open', () => {
      retryDelayMs = 250;
      setState('connected');
      for (const resume of waitingForOpen.splice(0)) resume();
    });
    socket.addEventListener('message', (message) => {
      const parsed = serverFrameSchema.safeParse(JSON.parse(String(message.data)));
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'result') settle(frame.id, frame.result);
      else if (frame.type === 'events') for (const listener of eventListeners) listener(frame.events as EventBatch);
    });
    socket.addEventListener('close', () => {
      // Calls still waiting for a connection keep waiting (until their timeout); sent ones are lost.
      for (const [id, call] of [...pending]) {
        if (call.sent)
          settle(
            id,
            fail(
              'CONNECTION_LOST',
              'The connection to the workbench closed during this call.',
              'It reconnects by itself; try again in a moment.',
            ),
          );
      }
      if (closed) return;
      setState('reconnecting');
      setTimeout(connect, retryDelayMs);
      retryDelayMs = Math.min(retryDelayMs * 2, 5_000);
    });
  }
  connect();

  return {
    call(method, input) {
      const id = nextId++;
      return new Promise((resolve) => {
        const timeoutMs = callTimeoutMs(method, input);
        const timer = setTimeout(() => settle(id, callTimedOut(method, timeoutMs)), timeoutMs);
        pending.set(id, { resolve, timer, sent: false });
        const send = () => {
          const call = pending.get(id);
          if (!call || !socket) return;
          call.sent = true;
          socket.send(JSON.stringify({ type: 'call', id, method, input }));
        };
        if (state === 'connected') send();
        else waitingForOpen.push(send);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
