/** Small node:http servers on 127.0.0.1 that the benchmarks measure against or send to. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Drains the body, then answers; counts what it got. */
export function countingServer(status: number, answer: () => string) {
  let count = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      count++;
      response.writeHead(status, { 'content-type': 'application/json' }).end(answer());
    });
  });
  return { server, count: () => count };
}

/** A port free right now, for a peer that must be told its port before it listens. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  const url = await listen(server);
  await close(server);
  return Number(new URL(url).port);
}
