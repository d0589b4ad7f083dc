/** A collection folder as the contract carries it: its requests and groups, and the files it could not read. */
import { z } from 'zod';
import { requestFileSchema } from './request-file';
import { environmentsFileSchema } from './environments-file';

/** Paths inside a collection are relative, with `/` separators on every platform. */
export const collectionPathSchema = z
  .string()
  .max(1000)
  .refine(
    (path) => !path.startsWith('/') && !path.split('/').includes('..') && !path.includes('\\') && !path.includes('\0'),
    {
      message: 'must be a relative path inside the collection, with / separators and no ..',
    },
  );

export const collectionEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), path: z.string(), name: z.string() }),
  z.object({
    kind: z.literal('request'),
    path: z.string(),
    name: z.string(),
    file: requestFileSchema,
    upgradedFrom: z.number().int().nullable(),
  }),
]);
export type CollectionEntry = z.infer<typeof collectionEntrySchema>;

/** A file listed but not loaded: `corrupt` (meant as a request, unreadable) or `foreign` (another tool's JSON). Never overwritten. */
export const collectionProblemSchema = z.object({
  path: z.string(),
  kind: z.enum(['corrupt', 'foreign']),
  reason: z.string(),
});
export type CollectionProblem = z.infer<typeof collectionProblemSchema>;

export const collectionTreeSchema = z.object({
  /** The folder as given, absolute. */
  root: z.string(),
  /** Folders and requests in run order: depth first, names compared with numbers in mind (`2 x` before `10 x`). */
  entries: z.array(collectionEntrySchema),
  problems: z.array(collectionProblemSchema),
  environments: environmentsFileSchema.nullable(),
});
export type CollectionTree = z.infer<typeof collectionTreeSchema>;

/** Run order of names inside one folder. */
export function compareEntryNames(left: string, right: string): number {
  return (
    left.localeCompare(right, 'en', { numeric: true, sensitivity: 'base' }) ||
    (left < right ? -1 : left > right ? 1 : 0)
  );
}
