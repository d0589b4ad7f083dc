/**
 * The timeline's NDJSON export as the contract carries it: what the renderer
 * asks for, what it gets back, and the progress events of a running export.
 * The events themselves never travel over the contract: the core writes them
 * to a file (desktop app) or serves them as a download (browser host).
 */
import { z } from 'zod';
import { appErrorSchema } from './result';
import { timelineFilterSchema } from './settings';

/** Chosen by the caller, so it can tell its own export's progress events from another window's. */
export const exportIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'exportId must be 8 to 64 of A-Z, a-z, 0-9, - and _');

export const eventExportInputSchema = z
  .object({
    /** The timeline's filter; the export holds every event it matches, newest first. */
    filter: timelineFilterSchema.default({}),
    exportId: exportIdSchema,
  })
  .strict();

export const fileExportResultSchema = z.discriminatedUnion('saved', [
  z.object({
    saved: z.literal(true),
    /** The name of the file the user chose, without its folder. */
    fileName: z.string(),
    written: z.number().int(),
  }),
  /** The user closed the save dialog. */
  z.object({ saved: z.literal(false) }),
]);

export const downloadTicketSchema = z.object({
  /** GET this path from the browser host, once, before `expiresAt`; it carries a one-time ticket, never the session token. */
  path: z.string(),
  fileName: z.string(),
  expiresAt: z.string(),
});

export const exportProgressSchema = z.object({
  exportId: exportIdSchema,
  fileName: z.string(),
  phase: z.enum(['writing', 'done', 'failed']),
  /** Events written so far; the total once the phase is `done`. */
  written: z.number().int(),
  error: appErrorSchema.optional(),
});
export type ExportProgress = z.infer<typeof exportProgressSchema>;
