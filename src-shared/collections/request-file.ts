/**
 * One request as a file in a collection folder. The file carries its own
 * `format` and `version`, so a file written by an older workbench is upgraded
 * step by step on load (see request-upgrades.ts) and a foreign JSON file is
 * recognised as foreign instead of being overwritten.
 *
 * Secrets never live here: credentials come from the profile or the VONAGE_*
 * environment chosen at run time, and `{{variables}}` are resolved in the core.
 */
import { z } from 'zod';
import { apiVersions } from '../messages';

export const requestFileFormat = 'messages-workbench/request' as const;
export const currentRequestVersion = 2;

/** Version 1: the builder's saved request as it was first written to disk: a name, an API version and a payload. */
export const requestFileV1Schema = z.object({
  format: z.literal(requestFileFormat),
  version: z.literal(1),
  name: z.string().min(1).max(200),
  api: z.enum(apiVersions),
  payload: z.unknown(),
});
export type RequestFileV1 = z.infer<typeof requestFileV1Schema>;

/** What the request does: a typed Messages API call, or an imported request kept as it was. */
export const collectionOperationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('send'), api: z.enum(apiVersions), payload: z.unknown() }).strict(),
  /** The v1 PATCH (mark read, revoke); messageUuid is usually `{{message_uuid}}` captured earlier. */
  z.object({ kind: z.literal('update'), messageUuid: z.string().min(1), payload: z.unknown() }).strict(),
  /** An imported request that is not a Messages API call: kept, shown, never run. Authorization headers are dropped on import. */
  z
    .object({
      kind: z.literal('raw'),
      method: z.string().min(1),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string().nullable(),
    })
    .strict(),
]);
export type CollectionOperation = z.infer<typeof collectionOperationSchema>;

const withinMs = z.number().int().min(0).max(600_000);

/** What a run checks after a request; each is reported on its own. */
export const assertionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('httpStatus'), equals: z.number().int().min(100).max(599) }).strict(),
  /** A value in the response body at a JSON path such as `$.message_uuid`; `exists` (default) when nothing else is given. */
  z
    .object({
      kind: z.literal('jsonPath'),
      path: z.string().min(1),
      equals: z.unknown().optional(),
      matches: z.string().optional(),
      exists: z.boolean().optional(),
    })
    .strict(),
  /** A status webhook for this request's message_uuid, e.g. `delivered` within 10 s. */
  z.object({ kind: z.literal('webhookStatus'), status: z.string().min(1), withinMs }).strict(),
  /** An inbound message from this request's recipient whose text matches a pattern, e.g. /yes/i within 30 s. */
  z
    .object({
      kind: z.literal('inboundReply'),
      matches: z.string().min(1),
      flags: z
        .string()
        .regex(/^[imsu]*$/)
        .default(''),
      withinMs,
    })
    .strict(),
]);
export type Assertion = z.infer<typeof assertionSchema>;

/** A value taken from the response body into a variable for the next requests. */
export const captureSchema = z
  .object({ variable: z.string().regex(/^[A-Za-z_][\w.-]*$/), jsonPath: z.string().min(1) })
  .strict();
export type Capture = z.infer<typeof captureSchema>;

export const requestAuthChoices = ['auto', 'jwt', 'basic', 'none'] as const;

export const requestFileSchema = z
  .object({
    format: z.literal(requestFileFormat),
    version: z.literal(currentRequestVersion),
    name: z.string().min(1).max(200),
    /** Which credentials of the profile or environment sign it; never the credentials themselves. */
    auth: z.enum(requestAuthChoices).default('auto'),
    request: collectionOperationSchema,
    assertions: z.array(assertionSchema).default([]),
    captures: z.array(captureSchema).default([]),
  })
  .strict();
export type RequestFile = z.infer<typeof requestFileSchema>;
/** A request file as callers write it (defaults not yet applied). */
export type RequestFileInput = z.input<typeof requestFileSchema>;
