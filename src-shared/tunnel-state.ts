import { z } from 'zod';

export const tunnelPhases = ['off', 'connecting', 'online', 'reconnecting', 'failed'] as const;
export type TunnelPhase = (typeof tunnelPhases)[number];

/** The tunnel as the status bar shows it; every change is a `tunnel.stateChanged` event with its reason. */
export const tunnelStateSchema = z.object({
  phase: z.enum(tunnelPhases),
  reason: z.string(),
  /** The public URL while online. */
  url: z.string().optional(),
  /** Failed registrations since the tunnel last proved itself with a probe. */
  attempt: z.number().int(),
  /** Set when online but not as asked, e.g. the subdomain was taken and a random one given. */
  warning: z.string().optional(),
  at: z.string(),
});
export type TunnelState = z.infer<typeof tunnelStateSchema>;
