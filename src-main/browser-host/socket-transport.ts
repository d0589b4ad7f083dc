/**
 * Carries the contract over one WebSocket: call frames in, result frames and
 * event batches out. Frames that are not valid JSON or not a call are answered
 * with an error when they carry an id, and otherwise ignored.
 */
import type { WebSocket } from 'ws';
import type { EventBatch, HostKind } from '../../src-shared/contract';
import { clientFrameSchema, type ServerFrame } from '../../src-shared/wire';
import type { Dispatch } from '../contract-dispatcher';
import type { EventHub } from '../event-hub';

/** Above this many queued bytes a client is too slow: batches are dropped and counted, never buffered forever. */
const maxBufferedBytes = 16 * 1024 * 1024;

export function serveContractOverSocket(socket: WebSocket, dispatch: Dispatch, events: EventHub, host: HostKind): void {
  const send = (frame: ServerFrame) => socket.send(JSON.stringify(frame));
  send({ type: 'hello', host });

  const unsubscribe = events.subscribe((batch: EventBatch) => {
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount > maxBufferedBytes) return;
    send({ type: 'events', events: batch });
  });
  socket.on('close', unsubscribe);

  socket.on('message', async (data) => {
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    const parsed = clientFrameSchema.safeParse(frame);
    if (!parsed.success) return;
    const result = await dispatch(parsed.data.method, parsed.data.input, { host });
    if (socket.readyState === socket.OPEN) send({ type: 'result', id: parsed.data.id, result });
  });
}
