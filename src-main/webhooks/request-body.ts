/**
 * Reads a request body into memory without trusting the client: at most
 * `limitBytes` are kept; bytes past the limit are counted and thrown away.
 * A client that keeps sending past `limitBytes + drainAllowanceBytes` is cut
 * off rather than read forever. A client that stops sending is ended by the
 * server's request timeout, which closes the request; we report what came.
 */
import type { IncomingMessage } from 'node:http';

export interface BodyRead {
  /** The kept bytes: all of them, or the first `limitBytes` when `truncated`. */
  raw: Buffer;
  bytesReceived: number;
  truncated: boolean;
  /** False when the request closed before its body ended (timeout, client gone). */
  complete: boolean;
  /**
   * True when reading stopped before the client finished sending: the
   * connection must close after the answer, since the rest of the body is unread.
   */
  abandoned: boolean;
}

export interface BodyLimits {
  limitBytes: number;
  /** Extra bytes read (and discarded) past the limit so the client can finish and read our 413. */
  drainAllowanceBytes: number;
}

export function readRequestBody(
  request: IncomingMessage,
  { limitBytes, drainAllowanceBytes }: BodyLimits,
): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let bytesReceived = 0;
    let settled = false;
    // A body announced as too big to drain is abandoned as soon as the limit is passed.
    const declaredLength = Number(request.headers['content-length']);
    const stopAfterBytes =
      declaredLength > limitBytes + drainAllowanceBytes ? limitBytes : limitBytes + drainAllowanceBytes;

    function settle(complete: boolean, abandoned: boolean): void {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      const raw = Buffer.concat(chunks, kept);
      resolve({ raw, bytesReceived, truncated: bytesReceived > limitBytes, complete, abandoned });
    }

    function onData(chunk: Buffer): void {
      bytesReceived += chunk.length;
      if (kept < limitBytes) {
        const part = chunk.subarray(0, limitBytes - kept);
        chunks.push(part);
        kept += part.length;
      }
      if (bytesReceived > stopAfterBytes) {
        request.pause();
        settle(false, true);
      }
    }

    request.on('data', onData);
    request.on('end', () => settle(true, false));
    request.on('close', () => settle(request.complete, !request.complete));
    request.on('error', () => settle(false, true));
  });
}
