/**
 * The app's settings as one versioned document. Every field has a default, so
 * an older or partial file still reads; secrets never live here.
 */
import { z } from 'zod';
import { eventListQuerySchema } from './webhook-events';

export const defaultTunnelServer = 'https://localtunnel.me';

/**
 * Where the receiver and the built-in emulator listen unless the user says
 * otherwise, so URLs pasted into a dashboard or an `.env` stay true across
 * restarts. 0 means a free port each run.
 */
export const defaultLocalPorts = { webhooks: 4730, emulator: 4731 } as const;

export const localPortSchema = z.number().int().min(0).max(65535);

/*
 * The localtunnel client retries silently forever on a host with a trailing
 * slash, no scheme or the wrong scheme, so the server URL is tidied or refused
 * here, with a message, before any client sees it.
 */
/** Subdomains the localtunnel server accepts; others silently get a random id. */
const subdomainPattern = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

export const tunnelServerSchema = z
  .string()
  .trim()
  .transform((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({
        code: 'custom',
        message: `tunnel server "${value}" is not a URL; write it like http://HOST:PORT or https://HOST`,
      });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      context.addIssue({ code: 'custom', message: `tunnel server must use http:// or https://, not ${url.protocol}` });
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username) {
      context.addIssue({
        code: 'custom',
        message: 'tunnel server must be only a scheme, a host and a port, with no path, query or credentials',
      });
      return z.NEVER;
    }
    return url.origin;
  });

export const subdomainSchema = z
  .string()
  .regex(subdomainPattern, 'subdomain must be 4 to 63 lowercase letters, digits or inner hyphens, e.g. my-webhooks');

/** The filters a timeline view can save: every list filter except paging. */
export const timelineFilterSchema = eventListQuerySchema.omit({ cursor: true, limit: true }).strict();
export type TimelineFilter = z.infer<typeof timelineFilterSchema>;

export const savedTimelineFilterSchema = z.object({
  name: z.string().trim().min(1).max(64),
  filter: timelineFilterSchema,
});
export type SavedTimelineFilter = z.infer<typeof savedTimelineFilterSchema>;

/** One timeline column as the user left it: shown or hidden, and its width in pixels. */
export const timelineColumnSchema = z.object({
  id: z.string().min(1).max(32),
  visible: z.boolean(),
  width: z.number().int().min(40).max(1000),
});
export type TimelineColumnSetting = z.infer<typeof timelineColumnSchema>;

const timelineSettingsFields = {
  savedFilters: z.array(savedTimelineFilterSchema).max(100),
  /** Empty means the default columns. */
  columns: z.array(timelineColumnSchema).max(32),
};

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  tunnel: z
    .object({
      /** The localtunnel server: the public service, or a self-hosted one. */
      server: z.string().default(defaultTunnelServer),
      /** Asked for, not guaranteed: a taken subdomain gets a random one (and a warning). */
      subdomain: z.string().nullable().default(null),
      /** Open the tunnel whenever the app starts. */
      autoStart: z.boolean().default(false),
    })
    .prefault({}),
  timeline: z
    .object({
      savedFilters: timelineSettingsFields.savedFilters.default([]),
      columns: timelineSettingsFields.columns.default([]),
    })
    .prefault({}),
  ports: z
    .object({
      webhooks: localPortSchema.default(defaultLocalPorts.webhooks),
      emulator: localPortSchema.default(defaultLocalPorts.emulator),
    })
    .prefault({}),
  collections: z
    .object({
      /** The collection folder opened last (collections.open records it), reopened by every page that loads. */
      root: z.string().nullable().default(null),
      /** The environment the builder fills `{{variables}}` from; null for none. */
      environment: z.string().nullable().default(null),
    })
    .prefault({}),
});
export type Settings = z.output<typeof settingsSchema>;

/** A change to some settings; what is absent stays as it is. */
export const settingsPatchSchema = z
  .object({
    tunnel: z
      .object({ server: tunnelServerSchema, subdomain: subdomainSchema.nullable(), autoStart: z.boolean() })
      .partial()
      .strict(),
    timeline: z.object(timelineSettingsFields).partial().strict(),
    /** Taken at the next start of the app. */
    ports: z.object({ webhooks: localPortSchema, emulator: localPortSchema }).partial().strict(),
    /** The folder is recorded by collections.open, which checks it; only the environment is chosen here. */
    collections: z
      .object({ environment: z.string().min(1).max(200).nullable() })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
