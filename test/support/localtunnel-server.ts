/**
 * A server speaking the localtunnel protocol, on 127.0.0.1 only, for tests.
 * GET /?new or /<subdomain> registers a client and answers
 * { id, port, max_conn_count, url }; the client then opens sockets to `port`,
 * and every HTTP request whose Host is `<id>.localhost:<port>` is carried to
 * the client over one of them.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';

export interface LocaltunnelServerOptions {
  /** Fixed port, e.g. to restart on the same one; 0 for a free one. */
  port?: number;
  /** Close every client socket right after accepting it. */
  dropSockets?: boolean;
  /** Subdomains already held by someone else: asking for one gets a random id. */
  takenSubdomains?: string[];
  maxConnections?: number;
}

interface Client {
  id: string;
  /** Hands the client's sockets to Node's HTTP client and keeps them alive between requests. */
  agent: http.Agent;
  listener: net.Server;
  sockets: Set<net.Socket>;
  idle: net.Socket[];
  waiting: ((socket: net.Socket) => void)[];
}

export interface LocaltunnelServer {
  url: string;
  port: number;
  /** How many client sockets were accepted in all. */
  acceptedSockets(): number;
  registrations(): string[];
  /** Forgets every tunnel but leaves its sockets open: a half-dead tunnel, as after a server-side failover. */
  forgetClients(): void;
  /** Sends a request through the tunnel of `id`, the way the public would. */
  publicRequest(id: string, path: string, init?: { method?: string; body?: string | Buffer; headers?: Record<string, string> }): Promise<{ status: number; body: Buffer }>;
  close(): Promise<void>;
}

/** An HTTP agent whose connections are the tunnel client's sockets, reused while they stay open. */
class TunnelSocketAgent extends http.Agent {
  constructor(private readonly nextSocket: () => Promise<net.Socket>) {
    super({ keepAlive: true, maxSockets: 1_000 });
  }
  override createConnection(_options: http.ClientRequestArgs, created?: (error: Error | null, socket: net.Socket) => void): undefined {
    void this.nextSocket().then((socket) => created?.(null, socket));
    return undefined;
  }
}

const hostPattern = /^([a-z0-9-]+)\.localhost(?::\d+)?$/;

export async function startLocaltunnelServer(options: LocaltunnelServerOptions = {}): Promise<LocaltunnelServer> {
  const clients = new Map<string, Client>();
  const registrations: string[] = [];
  let accepted = 0;
  let port = 0;

  async function register(asked: string | undefined): Promise<Client> {
    const id = asked && !clients.has(asked) && !options.takenSubdomains?.includes(asked) ? asked : crypto.randomBytes(5).toString('hex');
    const client = { id, listener: net.createServer(), sockets: new Set(), idle: [], waiting: [] } as unknown as Client;
    client.agent = new TunnelSocketAgent(() => takeSocket(client));
    client.listener.on('connection', (socket) => {
      accepted++;
      if (options.dropSockets) {
        socket.destroy();
        return;
      }
      socket.on('error', () => {});
      client.sockets.add(socket);
      socket.once('close', () => {
        client.sockets.delete(socket);
        client.idle = client.idle.filter((candidate) => candidate !== socket);
      });
      const waiter = client.waiting.shift();
      if (waiter) waiter(socket);
      else client.idle.push(socket);
    });
    await new Promise<void>((resolve) => client.listener.listen(0, '127.0.0.1', resolve));
    clients.get(id)?.listener.close();
    clients.set(id, client);
    registrations.push(id);
    return client;
  }

  const takeSocket = (client: Client) =>
    new Promise<net.Socket>((resolve) => {
      const socket = client.idle.shift();
      if (socket) resolve(socket);
      else client.waiting.push(resolve);
    });

  const server = http.createServer(async (request, response) => {
    const tunnelled = hostPattern.exec(request.headers.host ?? '');
    if (tunnelled) {
      const client = clients.get(tunnelled[1]!);
      if (!client) {
        response.writeHead(404).end('no such tunnel');
        return;
      }
      const forward = http.request({ method: request.method, path: request.url, headers: request.headers, agent: client.agent }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      forward.on('error', () => response.writeHead(502).end('tunnel socket failed'));
      request.pipe(forward);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const asked = url.searchParams.has('new') ? undefined : url.pathname.slice(1) || undefined;
    const client = await register(asked);
    const body = {
      id: client.id,
      port: (client.listener.address() as net.AddressInfo).port,
      max_conn_count: options.maxConnections ?? 4,
      url: `http://${client.id}.localhost:${port}`,
    };
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    acceptedSockets: () => accepted,
    registrations: () => [...registrations],
    forgetClients: () => clients.clear(),
    publicRequest(id, path, init = {}) {
      return new Promise((resolve, reject) => {
        const request = http.request(
          { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { ...init.headers, host: `${id}.localhost:${port}` } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
          },
        );
        request.on('error', reject);
        request.end(init.body);
      });
    },
    async close() {
      for (const client of clients.values()) {
        for (const socket of client.sockets) socket.destroy();
        client.agent.destroy();
        client.listener.close();
      }
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
