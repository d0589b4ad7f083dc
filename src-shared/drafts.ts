/**
 * The builder's drafts as the core stores them: the request being edited
 * (its raw text, so invalid JSON is kept as typed) and the requests saved
 * with Ctrl/Cmd+S. Plain data with a version, so a later format can upgrade it.
 */
import { z } from 'zod';
import { apiVersions } from './messages';

export const draftSchema = z.object({
  api: z.enum(apiVersions),
  /** The raw JSON text exactly as typed, valid or not. */
  text: z.string().max(1_000_000),
  /** A profile id; null sends to the built-in emulator. */
  profileId: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

export const savedRequestSchema = draftSchema.extend({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  savedAt: z.string(),
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;

export const draftsDocumentSchema = z.object({
  version: z.literal(1),
  current: draftSchema.nullable(),
  saved: z.array(savedRequestSchema).max(500),
});
export type DraftsDocument = z.infer<typeof draftsDocumentSchema>;

export const emptyDraftsDocument: DraftsDocument = { version: 1, current: null, saved: [] };
