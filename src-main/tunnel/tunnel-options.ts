/** What one tunnel run needs, checked (see the server and subdomain schemas) before the client sees it. */
import { z } from 'zod';
import { defaultTunnelServer, subdomainSchema, tunnelServerSchema } from '../../src-shared/settings';

export const tunnelSettingsSchema = z.object({
  server: tunnelServerSchema.default(defaultTunnelServer),
  subdomain: subdomainSchema.optional(),
  localPort: z.number().int().min(1).max(65_535),
});

export type TunnelSettings = z.output<typeof tunnelSettingsSchema>;
