/** Methods about the running app itself and the builder's drafts file. */
import { z } from 'zod';
import { draftsDocumentSchema } from '../drafts';
import { hostKindSchema } from '../host-kind';

export { hostKindSchema, type HostKind } from '../host-kind';

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  hostKind: hostKindSchema,
  platform: z.string(),
  startedAt: z.string(),
  /** What changed at start that the user must know, e.g. a taken port and the URLs that moved because of it. */
  notices: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const appMethods = {
  'app.info': {
    summary: 'Version, data folder, host kind and platform of the running core.',
    input: z.object({}).strict(),
    output: appInfoSchema,
  },
  'drafts.load': {
    summary:
      "The builder's current draft and saved requests, kept in the data folder so they outlive the browser host's port.",
    input: z.object({}).strict(),
    output: draftsDocumentSchema,
  },
  'drafts.save': {
    summary: "Replaces the builder's drafts file (written to a temporary file, then renamed).",
    input: draftsDocumentSchema.strict(),
    output: z.object({ savedAt: z.string() }),
  },
} as const;
