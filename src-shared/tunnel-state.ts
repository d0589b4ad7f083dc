import { z } from 'zod';

export const tunnelPhases = ['off', 'connecting', 'online', 'reconnecting', 'failed'] as const;
export type TunnelPhase = (typeof tunnelPhases)[number];

/** Why a tunnel was torn down and is registering again (or gave up). */
export const tunnelLossCauses = [
  /** The client reported an error, e.g. the server refused its sockets. */
  'client-error',
  /** The client process ended or could not start. */
  'client-exited',
  /** The server did not hand out a tunnel in time. */
  'open-timeout',
  /** The server kept closing the client's sockets. */
  'socket-churn',
  /** A request to the public URL did not come back through the tunnel. */
  'probe-failed',
  /** The server gave another subdomain because the one wanted is still held; asking for it again. */
  'subdomain-held',
] as const;
export type TunnelLossCause = (typeof tunnelLossCauses)[number];

/** The tunnel as the status bar shows it; every change is a `tunnel.stateChanged` event with its reason. */
export const tunnelStateSchema = z.object({
  phase: z.enum(tunnelPhases),
  reason: z.string(),
  /** While reconnecting or failed: why the last tunnel was given up. */
  cause: z.enum(tunnelLossCauses).optional(),
  /** The public URL while online. */
  url: z.string().optional(),
  /** Failed registrations since the tunnel last proved itself with a probe. */
  attempt: z.number().int(),
  /** Set when online but not as asked, e.g. the subdomain was taken and another given. */
  warning: z.string().optional(),
  /** Set with `warning` when the public URL differs from the one this run first had: URLs pasted elsewhere are stale. */
  originalUrl: z.string().optional(),
  at: z.string(),
});
export type TunnelState = z.infer<typeof tunnelStateSchema>;
