/** What the isolated localtunnel child tells its parent, one IPC message at a time. */
export type TunnelChildMessage =
  | { type: 'open'; url: string; id: string }
  | { type: 'error'; message: string }
  /** One of the client's sockets to the tunnel server closed; it opens another at once. */
  | { type: 'socket-closed' }
  | { type: 'request'; method: string; path: string };

/** Options the child receives, already validated by the parent. */
export interface TunnelChildOptions {
  port: number;
  host: string;
  subdomain?: string;
}

export const tunnelOptionsVariable = 'WORKBENCH_TUNNEL_OPTIONS';
