import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got, with the exact bytes as they arrived. */
export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  body: Record<string, unknown>;
}

export interface ReceiverOptions {
  /**
   * Status to answer for the nth request (0-based) on a path; 200 when it
   * returns undefined. Lets a test make a receiver fail twice, then succeed.
   */
  answer?: (path: string, index: number) => number | undefined;
}

/**
 * A webhook receiver on 127.0.0.1, port 0, recording every request. Tests
 * await requests with `waitFor` (bounded), never with sleeps.
 */
export async function startReceiver(options: ReceiverOptions = {}) {
  const received: ReceivedWebhook[] = [];
  const counts = new Map<string, number>();
  const waiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const index = counts.get(path) ?? 0;
      counts.set(path, index + 1);
      const status = options.answer?.(path, index) ?? 200;
      const raw = Buffer.concat(chunks);
      if (status >= 200 && status < 300) {
        received.push({
          path,
          headers: request.headers,
          raw,
          body: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
        });
      }
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'try again');
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Resolves when `done(received)` holds, rejects after `timeoutMs`. */
  function waitFor(done: (all: ReceivedWebhook[]) => boolean, timeoutMs = 5_000): Promise<ReceivedWebhook[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(received)) return;
        cleanup();
        resolve(received);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`receiver: condition not met within ${timeoutMs} ms (${received.length} received)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  return {
    url,
    received,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
