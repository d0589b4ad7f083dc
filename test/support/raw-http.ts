/**
 * Raw HTTP/1.1 over a TCP socket, for requests fetch() and node:http refuse to
 * send (`//`, `*`, broken request lines, oversized headers).
 */
import net from 'node:net';

/** Writes raw bytes on a fresh connection and resolves with everything the server sent before closing it. */
export function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
    // Not end(): a half-closed client gets no answer from Node; the server closes after its answer (Connection: close).
    socket.write(bytes);
  });
}

/** A request with Host and `Connection: close`, so the server closes once it has answered. */
export function rawRequest(port: number, line: string, headers: string[] = [], body = ''): string {
  const length = body === '' ? [] : [`Content-Length: ${Buffer.byteLength(body)}`];
  return [line, `Host: 127.0.0.1:${port}`, 'Connection: close', ...headers, ...length, '', body].join('\r\n');
}

export interface RawAnswer {
  status: number;
  /** Lower-cased names. */
  headers: Map<string, string>;
  body: string;
}

/** Joins the chunks of a `Transfer-Encoding: chunked` body. */
function unchunk(body: string): string {
  let joined = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, lineEnd), 16);
    if (lineEnd === -1 || !(size > 0)) return joined;
    joined += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

export function readAnswer(text: string): RawAnswer {
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  const body = split === -1 ? '' : text.slice(split + 4);
  const chunked = headers.get('transfer-encoding')?.toLowerCase() === 'chunked';
  return { status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1] ?? 0), headers, body: chunked ? unchunk(body) : body };
}
