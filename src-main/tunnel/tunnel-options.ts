/**
 * Tunnel settings, checked before the client ever sees them: the localtunnel
 * client retries silently forever on a host with a trailing slash, no scheme or
 * the wrong scheme, so those are refused (or tidied) here with a clear message.
 */
import { z } from 'zod';

/** Subdomains the localtunnel server accepts; others silently get a random id. */
export const subdomainPattern = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

export const defaultTunnelServer = 'https://localtunnel.me';

export const tunnelServerSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: 'custom', message: `tunnel server "${value}" is not a URL; write it like http://HOST:PORT or https://HOST` });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      context.addIssue({ code: 'custom', message: `tunnel server must use http:// or https://, not ${url.protocol}` });
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
      context.addIssue({ code: 'custom', message: 'tunnel server must be only a scheme, a host and a port, with no path, query or credentials' });
      return z.NEVER;
    }
    return url.origin;
  });

export const tunnelSettingsSchema = z.object({
  server: tunnelServerSchema.default(defaultTunnelServer),
  subdomain: z
    .string()
    .regex(subdomainPattern, 'subdomain must be 4 to 63 lowercase letters, digits or inner hyphens, e.g. my-webhooks')
    .optional(),
  localPort: z.number().int().min(1).max(65_535),
});

export type TunnelSettings = z.output<typeof tunnelSettingsSchema>;
