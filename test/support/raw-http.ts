/**
 * Raw HTTP/1.1 over a plain socket, for hostile-input tests: the bytes go out
 * exactly as given (no client tidies a target or a header), and the answer is
 * read back as bytes with its status line parsed.
 */
import net from 'node:net';

export interface RawAnswer {
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
export function sendRaw(port: number, request: Buffer, timeoutMs = 10_000, host = '127.0.0.1'): Promise<RawAnswer> {
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
  for (const line of text.slice(0, headEnd === -1 ? text.length : headEnd).split('\r\n').slice(1)) {
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
