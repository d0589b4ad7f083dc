/** Methods on request collections: folders of request files, runs, import and export. */
import { z } from 'zod';
import * as collections from '../collections';

export const collectionMethods = {
  'collections.open': {
    summary:
      'Lists a collection folder (requests in run order, unreadable files with their reason) and watches it for changes.',
    input: collections.collectionRootInputSchema,
    output: collections.collectionTreeSchema,
  },
  'collections.close': {
    summary: 'Stops watching a collection folder.',
    input: collections.collectionRootInputSchema,
    output: z.object({ closed: z.boolean() }),
  },
  'collections.reveal': {
    summary:
      'Shows a collection file or folder in the OS file manager; only the desktop app can (HOST_CANNOT_REVEAL elsewhere).',
    input: collections.collectionPathInputSchema,
    output: z.object({ revealed: z.string() }),
  },
  'collections.list': {
    summary: 'Lists a collection folder without watching it.',
    input: collections.collectionRootInputSchema,
    output: collections.collectionTreeSchema,
  },
  'collections.saveRequest': {
    summary:
      'Writes one request file (stable key order, temporary file then rename); never replaces a file that is not a workbench request.',
    input: collections.saveRequestInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.createFolder': {
    summary: 'Creates a group (a subfolder).',
    input: collections.collectionPathInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.move': {
    summary: 'Renames or moves a request or group; never replaces what is at the target.',
    input: collections.collectionMoveInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.duplicate': {
    summary: 'Copies a request or group to a new path.',
    input: collections.collectionMoveInputSchema,
    output: collections.savedPathSchema,
  },
  'collections.remove': {
    summary: 'Deletes a request or group and returns what it held, for undo.',
    input: collections.collectionPathInputSchema,
    output: collections.removedContentSchema,
  },
  'collections.restore': {
    summary: 'Writes back what collections.remove returned (undo).',
    input: z
      .object({ root: z.string().min(1) })
      .extend(collections.removedContentSchema.shape)
      .strict(),
    output: z.object({ restored: z.number().int() }),
  },
  'collections.run': {
    summary:
      'Runs a request, a group or the whole collection in order against the emulator, a profile or the VONAGE_* environment, judging every assertion.',
    input: collections.runInputSchema,
    output: collections.runReportSchema,
  },
  'collections.runs': {
    summary: 'Past runs, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(collections.runSummarySchema),
  },
  'collections.import': {
    summary:
      'Imports a Postman v2.1 collection or curl command lines into a folder; credentials become references, never values.',
    input: collections.importInputSchema,
    output: collections.importOutputSchema,
  },
  'collections.exportPostman': {
    summary: 'A request or group as a Postman v2.1 collection (JSON text), with credentials as {{variables}}.',
    input: z
      .object({ root: z.string().min(1), path: z.union([z.literal(''), collections.collectionPathSchema]).default('') })
      .strict(),
    output: z.object({ text: z.string() }),
  },
} as const;
