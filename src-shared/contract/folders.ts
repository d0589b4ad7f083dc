/** Methods for picking a folder on the machine that runs the core: a small browser, a new folder, the native dialog. */
import { z } from 'zod';

/** An absolute path (or `~`) as typed; the core normalises it and refuses a relative one. */
const typedPathSchema = z.string().min(1).max(4096);

const folderListingSchema = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  home: z.string(),
  folders: z.array(z.object({ name: z.string(), path: z.string() })),
  /** True when the folder has more subfolders than a listing shows. */
  truncated: z.boolean(),
});

export const folderMethods = {
  'folders.list': {
    summary:
      'The subfolders of a folder (the home folder when none is named), hidden ones left out; no file is listed or read.',
    input: z.object({ path: typedPathSchema.optional() }).strict(),
    output: folderListingSchema,
  },
  'folders.create': {
    summary: 'Creates one new folder, readable only by its user (0700), inside an existing folder.',
    input: z.object({ parent: typedPathSchema, name: z.string().min(1).max(1024) }).strict(),
    output: z.object({ path: z.string() }),
  },
  'folders.choose': {
    summary:
      'Asks the user for a folder with the native dialog; only the desktop app has one (HOST_CANNOT_CHOOSE_FOLDER elsewhere).',
    input: z.object({ title: z.string().max(200).optional() }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const;
