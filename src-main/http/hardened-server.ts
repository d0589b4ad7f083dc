/**
 * What every http.Server of the workbench installs, so that every answer it
 * gives carries the security headers, including the ones Node writes by itself
 * for requests it cannot parse (400, 431 for oversized headers, 408 on a slow
 * client), which otherwise go out bare.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export type HeaderSet = Record<string, string>;

/**
 * Options every http.Server of the workbench is created with. Node answers an
 * HTTP/1.1 request without a Host header with a bare 400 of its own, before
 * any listener (and so without the security headers); with the check off the
 * request reaches the server, which answers or records it like any other.
 */
export const serverOptions = { requireHostHeader: false } as const satisfies http.ServerOptions;

/** The request line and headers together; a larger head is answered 431 (Node's own default, made explicit). */
export const maxRequestHeadBytes = 16 * 1024;

/** A complete HTTP/1.1 answer as bytes for a socket that has no ServerResponse (client errors, refused upgrades). */
export function rawAnswer(status: number, headers: HeaderSet, body: string): string {
  const all: HeaderSet = {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Ends a raw socket with an answer, then lets it go; a reset during the write is expected and ignored. */
export function endWithAnswer(socket: Duplex, status: number, headers: HeaderSet, body: string): void {
  socket.on('error', () => socket.destroy());
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(rawAnswer(status, headers, body), () => socket.destroy());
}

function clientErrorStatus(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

/**
 * Sets `headers` on every response before the server's own handler runs, and
 * answers unparseable requests itself. Call it right after creating the server.
 */
export function hardenServer(server: http.Server, headers: HeaderSet): void {
  // A client may send its whole request and then half-close (shut down its sending side); it still gets its
  // answer. By default Node aborts the request instead, so a handler that answers after an await never can.
  // `httpAllowHalfOpen` is the switch node:http reads for this (its sockets are always half-open capable).
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.prependListener('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node does by default: answer only when nothing of an earlier response went out on this connection.
    const untouched = ((socket as Socket).bytesWritten ?? 0) === 0;
    if (error.code === 'ECONNRESET' || !untouched) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(error.code);
    endWithAnswer(socket, status, headers, `${http.STATUS_CODES[status] ?? 'Error'}: the request could not be read.\n`);
  });
  // No server of the workbench is a proxy; without this listener Node would drop CONNECT without a word.
  server.on('connect', (_request: http.IncomingMessage, socket: Duplex) => {
    endWithAnswer(socket, 405, headers, 'Method Not Allowed: this is not a proxy.\n');
  });
}
