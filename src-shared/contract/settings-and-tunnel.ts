/** Methods on the app settings and the public tunnel they configure. */
import { z } from 'zod';
import { settingsPatchSchema, settingsSchema, subdomainSchema, tunnelServerSchema } from '../settings';
import { tunnelStateSchema } from '../tunnel-state';

export const settingsAndTunnelMethods = {
  'settings.get': { summary: 'The app settings.', input: z.object({}).strict(), output: settingsSchema },
  'settings.update': {
    summary: 'Changes some settings; the rest stay.',
    input: settingsPatchSchema,
    output: settingsSchema,
  },
  'tunnel.state': {
    summary: 'The tunnel now: phase, reason, public URL.',
    input: z.object({}).strict(),
    output: tunnelStateSchema,
  },
  'tunnel.start': {
    summary:
      'Opens a public URL for the webhook receiver, with the server and subdomain given, else those from settings.',
    input: z.object({ server: tunnelServerSchema.optional(), subdomain: subdomainSchema.optional() }).strict(),
    output: tunnelStateSchema,
  },
  'tunnel.stop': { summary: 'Closes the tunnel.', input: z.object({}).strict(), output: tunnelStateSchema },
  'tunnel.sendTestWebhook': {
    summary: 'Posts a sample inbound webhook to the public URL, proving the whole path into the receiver.',
    input: z.object({}).strict(),
    output: z.object({ status: z.number().int(), durationMs: z.number() }),
  },
} as const;
