/**
 * A server speaking the localtunnel protocol, on 127.0.0.1 only, for tests.
 * GET /?new or /<subdomain> registers a client and answers
 * { id, port, max_conn_count, url }; the client then opens sockets to `port`,
 * and every HTTP request whose Host is `<id>.<domain>[:port]` is carried to
 * the client over one of them.
 *
 * Like the reference server, an id stays reserved while its client has a
 * socket and for a grace period after the last one closed (asking for it
 * meanwhile gets a random id), and a request waits for a socket of its tunnel
 * rather than failing at once. Here a waiting request also outlives the
 * registration: it goes to whoever registers the same id next, within holdMs.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import net from 'node:net';

export interface LocaltunnelServerOptions {
  /** Fixed port, e.g. to restart on the same one; 0 for a free one. */
  port?: number;
  /** Close every client socket right after accepting it. */
  dropSockets?: boolean;
  /** Subdomains held by someone else: asking for one gets a random id (see also holdSubdomain). */
  takenSubdomains?: string[];
  maxConnections?: number;
  /** The domain of the public URLs: `localhost` resolves to this machine, `tunnel.invalid` nowhere (RFC 6761). */
  domain?: string;
  /** The scheme the public URLs show, e.g. https for a TLS proxy in front; the server itself speaks http. */
  publicScheme?: 'http' | 'https';
  /** How long an id stays reserved with none of its sockets connected (the reference server: 1 s). */
  graceMs?: number;
  /** How long a request waits for a socket of its tunnel before it is answered 504. */
  holdMs?: number;
}

/** One id's tunnel; it outlives registrations so that waiting requests reach the next one. */
interface TunnelEntry {
  id: string;
  /** Hands the client's sockets to Node's HTTP client and keeps them alive between requests. */
  agent: http.Agent;
  /** The current registration's socket listener; none once the id was released. */
  listener?: net.Server;
  sockets: Set<net.Socket>;
  /** Sockets not yet handed to the agent. */
  idle: net.Socket[];
  /** Requests being carried; at most one per connected socket. */
  inFlight: number;
  /** Requests waiting for a socket to carry them. */
  queue: (() => void)[];
  graceTimer?: NodeJS.Timeout;
}

export interface LocaltunnelServer {
  url: string;
  port: number;
  /** The public URL the server reports for `id`. */
  publicUrl(id: string): string;
  /** How many client sockets were accepted in all. */
  acceptedSockets(): number;
  registrations(): string[];
  /** Requests for `id` waiting for one of its sockets. */
  heldRequests(id: string): number;
  /** Resolves once `condition` holds, checked after every change (registration, socket, held request). */
  until(condition: () => boolean, timeoutMs?: number): Promise<void>;
  /** Forgets every tunnel but leaves its sockets open: a half-dead tunnel, as after a server-side failover. */
  forgetClients(): void;
  /** Ends the registration of `id` at once, sockets and all, as a server does when a client's agent fails; its requests keep waiting. */
  dropRegistration(id: string): void;
  /** Someone else takes `id` (or lets it go): asking for it gets a random id meanwhile. */
  holdSubdomain(id: string): void;
  releaseSubdomain(id: string): void;
  /** Sends a request through the tunnel of `id` to the server's own address with the public Host, as a proxy in front would. */
  publicRequest(
    id: string,
    path: string,
    init?: { method?: string; body?: string | Buffer; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Buffer }>;
  close(): Promise<void>;
}

/** An HTTP agent whose connections are the tunnel client's sockets, reused while they stay open. */
class TunnelSocketAgent extends http.Agent {
  constructor(private readonly nextSocket: () => Promise<net.Socket>) {
    super({ keepAlive: true });
  }
  override createConnection(
    _options: http.ClientRequestArgs,
    created?: (error: Error | null, socket: net.Socket) => void,
  ): undefined {
    void this.nextSocket().then((socket) => created?.(null, socket));
    return undefined;
  }
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function startLocaltunnelServer(options: LocaltunnelServerOptions = {}): Promise<LocaltunnelServer> {
  const domain = options.domain ?? 'localhost';
  const graceMs = options.graceMs ?? 1_000;
  const holdMs = options.holdMs ?? 30_000;
  const hostPattern = new RegExp(`^([a-z0-9-]+)\\.${escapeForPattern(domain)}(?::\\d+)?$`, 'i');
  const tunnels = new Map<string, TunnelEntry>();
  /** Also the forgotten ones, to close them all at the end. */
  const everyTunnel = new Set<TunnelEntry>();
  const taken = new Set(options.takenSubdomains);
  const registrations: string[] = [];
  const changes = new EventEmitter().setMaxListeners(100);
  const changed = () => changes.emit('change');
  let accepted = 0;
  let port = 0;

  function release(tunnel: TunnelEntry) {
    clearTimeout(tunnel.graceTimer);
    tunnel.listener?.close();
    tunnel.listener = undefined;
    for (const socket of tunnel.sockets) socket.destroy();
    tunnel.idle = [];
    changed();
  }

  /** The reference server's grace: a registration with no socket for graceMs is released. */
  function startGrace(tunnel: TunnelEntry) {
    clearTimeout(tunnel.graceTimer);
    tunnel.graceTimer = setTimeout(() => release(tunnel), graceMs).unref();
  }

  /** A socket for the agent: the carrying queue lets a request through only when one is idle or free in the agent. */
  const takeSocket = (tunnel: TunnelEntry): Promise<net.Socket> =>
    new Promise((resolve) => {
      const socket = tunnel.idle.shift();
      if (socket) resolve(socket);
      // The socket the queue counted on closed meanwhile: wait for the client's next one.
      else tunnel.queue.unshift(() => void takeSocket(tunnel).then(resolve));
    });

  /** Lets waiting requests through while there are more sockets than requests being carried. */
  function wake(tunnel: TunnelEntry) {
    while (tunnel.queue.length > 0 && tunnel.inFlight < tunnel.sockets.size) tunnel.queue.shift()!();
    changed();
  }

  /** Waits for a free socket of the tunnel, however many registrations that takes, for up to holdMs. */
  const awaitSocket = (tunnel: TunnelEntry): Promise<void> =>
    new Promise((resolve, reject) => {
      const go = () => (clearTimeout(timer), tunnel.inFlight++, resolve());
      const timer = setTimeout(() => {
        tunnel.queue = tunnel.queue.filter((candidate) => candidate !== go);
        reject(new Error(`no socket of tunnel ${tunnel.id} within ${holdMs} ms`));
      }, holdMs).unref();
      tunnel.queue.push(go);
      wake(tunnel);
    });

  function accept(tunnel: TunnelEntry, listener: net.Server, socket: net.Socket) {
    accepted++;
    if (options.dropSockets || tunnel.listener !== listener) {
      socket.destroy();
      return;
    }
    clearTimeout(tunnel.graceTimer);
    socket.on('error', () => {});
    tunnel.sockets.add(socket);
    socket.once('close', () => {
      tunnel.sockets.delete(socket);
      tunnel.idle = tunnel.idle.filter((candidate) => candidate !== socket);
      if (tunnel.sockets.size === 0 && tunnel.listener === listener) startGrace(tunnel);
      changed();
    });
    tunnel.idle.push(socket);
    wake(tunnel);
  }

  function newTunnel(id: string): TunnelEntry {
    const tunnel: TunnelEntry = {
      id,
      agent: new TunnelSocketAgent(() => takeSocket(tunnel)),
      sockets: new Set(),
      idle: [],
      inFlight: 0,
      queue: [],
    };
    tunnels.set(id, tunnel);
    everyTunnel.add(tunnel);
    return tunnel;
  }

  async function register(asked: string | undefined): Promise<{ id: string; port: number }> {
    const free = (id: string) => !taken.has(id) && !tunnels.get(id)?.listener;
    const id = asked && free(asked) ? asked : crypto.randomBytes(5).toString('hex');
    const tunnel = tunnels.get(id) ?? newTunnel(id);
    const listener = net.createServer((socket) => accept(tunnel, listener, socket));
    tunnel.listener = listener;
    startGrace(tunnel);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    registrations.push(id);
    changed();
    return { id, port: (listener.address() as net.AddressInfo).port };
  }

  function carry(tunnel: TunnelEntry, request: http.IncomingMessage, response: http.ServerResponse) {
    awaitSocket(tunnel).then(
      () => {
        const done = () => (tunnel.inFlight--, wake(tunnel));
        // The sender may have gone while the request waited.
        if (response.destroyed) return done();
        response.once('close', done);
        const forward = http.request(
          { method: request.method, path: request.url, headers: request.headers, agent: tunnel.agent },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(response);
          },
        );
        forward.on('error', (error) => {
          if (response.headersSent) response.destroy();
          else response.writeHead(502).end(`tunnel socket failed: ${error.message}`);
        });
        request.pipe(forward);
      },
      (error: Error) => response.writeHead(504).end(error.message),
    );
  }

  const server = http.createServer((request, response) => {
    const tunnelled = hostPattern.exec(request.headers.host ?? '');
    if (tunnelled) {
      const tunnel = tunnels.get(tunnelled[1]!.toLowerCase());
      if (tunnel) carry(tunnel, request, response);
      else response.writeHead(404).end('no such tunnel');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://placeholder');
    const asked = url.searchParams.has('new') ? undefined : url.pathname.slice(1) || undefined;
    register(asked).then(
      ({ id, port: clientPort }) => {
        const body = { id, port: clientPort, max_conn_count: options.maxConnections ?? 4, url: publicUrl(id) };
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      },
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as net.AddressInfo).port;
  const publicUrl = (id: string) => `${options.publicScheme ?? 'http'}://${id}.${domain}:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    publicUrl,
    acceptedSockets: () => accepted,
    registrations: () => [...registrations],
    heldRequests: (id) => tunnels.get(id)?.queue.length ?? 0,
    until(condition, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!condition()) return;
          clearTimeout(timer);
          changes.off('change', check);
          resolve();
        };
        const timer = setTimeout(
          () => (changes.off('change', check), reject(new Error(`condition not met within ${timeoutMs} ms`))),
          timeoutMs,
        );
        changes.on('change', check);
        check();
      });
    },
    forgetClients: () => tunnels.clear(),
    dropRegistration(id) {
      const tunnel = tunnels.get(id);
      if (tunnel) release(tunnel);
    },
    holdSubdomain: (id) => taken.add(id),
    releaseSubdomain: (id) => taken.delete(id),
    publicRequest(id, path, init = {}) {
      return new Promise((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            path,
            method: init.method ?? 'GET',
            headers: { ...init.headers, host: new URL(publicUrl(id)).host },
          },
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
      for (const tunnel of everyTunnel) {
        release(tunnel);
        tunnel.agent.destroy();
      }
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
