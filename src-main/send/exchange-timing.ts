import type { ExchangeTimings } from '../../src-shared/send-exchange';
/**
 * Timing phases of one HTTP exchange, from undici's diagnostics channels and
 * the sockets its connector opens.
 *
 * undici 7 publishes `undici:request:create` (a Request is built),
 * `undici:client:sendHeaders` (its headers are written, with the socket),
 * `undici:request:headers` (the response head arrived) and
 * `undici:client:connected` (a socket is ready). None of them carries a start
 * time for the connection or splits TCP from TLS, so the connector is wrapped
 * to stamp `lookup`, `connect` and `secureConnect` on each new socket, and
 * `sendHeaders` ties that socket to the request.
 *
 * A request is recognised by its body: undici keeps the very Buffer it was
 * given, so the Buffer is the key, which still works when the pool queues it.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { buildConnector } from 'undici';

type Connector = buildConnector.connector;

interface SocketStamps {
  start: number;
  lookup?: number;
  connect?: number;
  secure?: number;
  requestsSent: number;
}

interface RequestStamps {
  start: number;
  startedAt: Date;
  socket?: SocketStamps;
  reused: boolean;
  headersSent?: number;
  firstByte?: number;
}

interface UndiciRequest {
  body: unknown;
}

export interface ExchangeTimer {
  /** Wraps a connector so the sockets it opens record their phases. */
  wrapConnector(connector: Connector): Connector;
  /** Starts timing the request whose body is this Buffer; call finish() once the body is read or it failed. */
  start(body: Buffer): { finish(): ExchangeTimings };
  close(): void;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
const span = (from: number | undefined, to: number | undefined): number | null =>
  from === undefined || to === undefined ? null : round(to - from);

export function createExchangeTimer(): ExchangeTimer {
  const socketStamps = new WeakMap<Socket, SocketStamps>();
  const requestsByBody = new WeakMap<Buffer, RequestStamps>();
  const requestStamps = new WeakMap<object, RequestStamps>();

  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    if (!Buffer.isBuffer(request.body)) return;
    const stamps = requestsByBody.get(request.body);
    if (stamps) requestStamps.set(request, stamps);
  };
  const onSendHeaders = (message: unknown) => {
    const { request, socket } = message as { request: object; socket: Socket };
    const stamps = requestStamps.get(request);
    if (!stamps) return;
    stamps.headersSent = performance.now();
    const socketTimes = socketStamps.get(socket);
    if (socketTimes) {
      stamps.reused = socketTimes.requestsSent > 0;
      socketTimes.requestsSent += 1;
      stamps.socket = socketTimes;
    } else {
      stamps.reused = true;
    }
  };
  const onResponseHeaders = (message: unknown) => {
    const { request } = message as { request: object };
    const stamps = requestStamps.get(request);
    if (stamps && stamps.firstByte === undefined) stamps.firstByte = performance.now();
  };

  const subscriptions: [string, (message: unknown) => void][] = [
    ['undici:request:create', onCreate],
    ['undici:client:sendHeaders', onSendHeaders],
    ['undici:request:headers', onResponseHeaders],
  ];
  for (const [name, listener] of subscriptions) diagnosticsChannel.subscribe(name, listener);

  return {
    wrapConnector(connector) {
      return (options, callback) => {
        const stamps: SocketStamps = { start: performance.now(), requestsSent: 0 };
        const socket = connector(options, callback) as unknown as Socket;
        socketStamps.set(socket, stamps);
        socket.once('lookup', () => (stamps.lookup = performance.now()));
        socket.once('connect', () => (stamps.connect = performance.now()));
        socket.once('secureConnect', () => (stamps.secure = performance.now()));
        return socket as never;
      };
    },
    start(body) {
      const stamps: RequestStamps = { start: performance.now(), startedAt: new Date(), reused: false };
      requestsByBody.set(body, stamps);
      return {
        finish() {
          const end = performance.now();
          const socket = stamps.reused ? undefined : stamps.socket;
          return {
            startedAt: stamps.startedAt.toISOString(),
            dnsMs: span(socket?.start, socket?.lookup),
            connectMs: span(socket?.lookup ?? socket?.start, socket?.connect),
            tlsMs: span(socket?.connect, socket?.secure),
            firstByteMs: span(stamps.headersSent, stamps.firstByte),
            totalMs: round(end - stamps.start),
            reusedConnection: stamps.reused,
          };
        },
      };
    },
    close() {
      for (const [name, listener] of subscriptions) diagnosticsChannel.unsubscribe(name, listener);
    },
  };
}
