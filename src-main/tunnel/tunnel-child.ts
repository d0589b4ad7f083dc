/**
 * Runs the localtunnel client in a child process of its own, so the parent can
 * end it hard: the client's open call retries forever, its close() does not stop
 * that loop, and an unheard 'error' would crash whoever hosts it. Everything it
 * does is reported to the parent; the parent decides what is lost.
 */
import localtunnel from 'localtunnel';
import { tunnelOptionsVariable, type TunnelChildMessage, type TunnelChildOptions } from './tunnel-messages';

const send = (message: TunnelChildMessage) => process.send?.(message);
const options = JSON.parse(process.env[tunnelOptionsVariable] ?? '{}') as TunnelChildOptions;

// No `local_host`: with it the client rewrites only the first request's Host header and corrupts binary bodies.
const client = localtunnel(
  { port: options.port, host: options.host, subdomain: options.subdomain },
  (error, tunnel) => {
    if (error || !tunnel) {
      send({ type: 'error', message: String(error ?? 'the tunnel server gave no tunnel') });
      return;
    }
    tunnel.tunnelCluster.on('dead', () => send({ type: 'socket-closed' }));
    send({ type: 'open', url: tunnel.url, id: (tunnel as unknown as { clientId: string }).clientId });
  },
);
client.on('error', (error: Error) => send({ type: 'error', message: error.message }));
client.on('request', (request: { method: string; path: string }) =>
  send({ type: 'request', method: request.method, path: request.path }),
);

// The parent going away (or closing the channel) ends the child.
process.on('disconnect', () => process.exit(0));
