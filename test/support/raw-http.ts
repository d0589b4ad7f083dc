/**
 * Raw HTTP/1.1 over a TCP socket, for requests fetch() and node:http refuse to
 * send (`//`, `*`, broken request lines, oversized headers, hostile bodies).
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
  const headers = new Map(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  const body = split === -1 ? '' : text.slice(split + 4);
  const chunked = headers.get('transfer-encoding')?.toLowerCase() === 'chunked';
  return {
    status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1] ?? 0),
    headers,
    body: chunked ? unchunk(body) : body,
  };
}

/** What a server sent back to bytes written by `sendRaw`, read as they came. */
export interface RawReply {
  /** The status code of the first answer, or undefined when the server closed without answering. */
  status: number | undefined;
  /** Every byte the server sent before closing (or before the time limit). */
  bytes: Buffer;
  /** Header block of the first answer, lower-cased names. */
  headers: Record<string, string>;
  /** True when the time limit ended the wait, not the server. */
  timedOut: boolean;
}

/**
 * Writes `request` to host:port, half-closes, and collects everything until
 * the server closes or the complete first answer has arrived (with
 * Content-Length or after the header block for bodiless answers).
 */
export function sendRaw(port: number, request: Buffer, timeoutMs = 10_000, host = '127.0.0.1'): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(chunks);
      resolve({ ...parseAnswerHead(bytes), bytes, timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (answerComplete(Buffer.concat(chunks))) finish(false);
    });
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('connect', () => socket.end(request));
  });
}

function parseAnswerHead(bytes: Buffer): { status: number | undefined; headers: Record<string, string> } {
  const text = bytes.toString('latin1');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  const headers: Record<string, string> = {};
  const headEnd = text.indexOf('\r\n\r\n');
  for (const line of text
    .slice(0, headEnd === -1 ? text.length : headEnd)
    .split('\r\n')
    .slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: status ? Number(status[1]) : undefined, headers };
}

/** A complete first answer: its head, plus a body of Content-Length bytes (or none when the status has no body). */
function answerComplete(bytes: Buffer): boolean {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd === -1) return false;
  const { status, headers } = parseAnswerHead(bytes);
  if (status === undefined) return false;
  if (headers['transfer-encoding']?.includes('chunked')) return bytes.subarray(headEnd).includes('\r\n0\r\n\r\n');
  const length = headers['content-length'];
  if (length !== undefined) return bytes.length - (headEnd + 4) >= Number(length);
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}
