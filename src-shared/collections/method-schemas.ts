/** Inputs and outputs of the collections.* contract methods and events. */
import { z } from 'zod';
import { collectionPathSchema } from './collection-tree';
import { requestFileSchema } from './request-file';
import { requestOutcomeSchema, runTargetSchema } from './run-report';

/** The collection folder, absolute, on the machine that runs the core. */
const root = z.string().min(1).max(4096);

export const collectionRootInputSchema = z.object({ root }).strict();
export const collectionPathInputSchema = z.object({ root, path: collectionPathSchema }).strict();
export const collectionMoveInputSchema = z
  .object({ root, from: collectionPathSchema, to: collectionPathSchema })
  .strict();
export const savedPathSchema = z.object({ path: z.string() });

export const saveRequestInputSchema = z.object({ root, path: collectionPathSchema, file: requestFileSchema }).strict();

/** What a removal took away, so undo can put it back. */
export const removedContentSchema = z.object({
  files: z.array(z.object({ path: collectionPathSchema, text: z.string().max(10_000_000) })),
  folders: z.array(collectionPathSchema),
});

export const runInputSchema = z
  .object({
    root,
    /** A request file or group; '' runs the whole collection. */
    path: z.union([z.literal(''), collectionPathSchema]).default(''),
    /** A name in workbench.environments.json; `default` is used when it exists and none is named. */
    environment: z.string().min(1).optional(),
    target: runTargetSchema.default({ kind: 'emulator' }),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export const importInputSchema = z
  .object({
    kind: z.enum(['postman', 'curl']),
    /** The Postman collection JSON, or one or more curl command lines. */
    text: z.string().min(1).max(20_000_000),
    /** The collection folder to write into; created if missing. */
    into: root,
  })
  .strict();
export const importOutputSchema = z.object({ written: z.array(z.string()), notes: z.array(z.string()) });

export const collectionsChangedSchema = z.object({ root: z.string(), paths: z.array(z.string()) });
export const runProgressedSchema = z.object({
  runId: z.string(),
  root: z.string(),
  index: z.number().int(),
  total: z.number().int(),
  outcome: requestOutcomeSchema,
});
