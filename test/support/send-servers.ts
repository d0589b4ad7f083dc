import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A request as the test server saw it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Decides the answer; may be async, e.g. to verify a JWT. */
export type Answerer = (request: ReceivedRequest) => Answer | Promise<Answer>;

export interface TestServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server | ReturnType<typeof createTcpServer>, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function trackSockets(server: Server | ReturnType<typeof createTcpServer>): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

function handler(answer: Answerer, received: ReceivedRequest[]) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const seen = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body: await readBody(request),
    };
    received.push(seen);
    const { status, body, headers } = await answer(seen);
    const text = body === undefined ? '' : JSON.stringify(body);
    response.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
    response.end(text);
  };
}

/** An HTTP API stand-in on 127.0.0.1, port 0. */
export async function startApiServer(answer: Answerer): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server = createHttpServer(handler(answer, received));
  const sockets = trackSockets(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, received, close: () => closeServer(server, sockets) };
}

/** The same over TLS, with a throwaway self-signed certificate for 127.0.0.1 made by openssl. */
export async function startTlsApiServer(answer: Answerer): Promise<TestServer & { certificatePem: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'workbench-tls-'));
  const keyPath = join(directory, 'key.pem');
  const certificatePath = join(directory, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyPath,
    '-out',
    certificatePath,
  ]);
  const [key, certificatePem] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certificatePath, 'utf8')]);
  await rm(directory, { recursive: true, force: true });
  const received: ReceivedRequest[] = [];
  const server = createHttpsServer({ key, cert: certificatePem }, handler(answer, received));
  const sockets = trackSockets(server);
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}`, received, certificatePem, close: () => closeServer(server, sockets) };
}

/** Accepts connections and never answers: for timeouts. */
export async function startSilentServer(): Promise<TestServer> {
  const server = createTcpServer(() => undefined);
  const sockets = trackSockets(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, received: [], close: () => closeServer(server, sockets) };
}

/** A port that was just listened on and closed, so connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
