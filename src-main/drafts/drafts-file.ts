/**
 * The builder's drafts in one JSON file of the data folder. Replaced
 * atomically (temporary sibling, then rename), so a crash leaves the old
 * drafts or the new ones. A file that cannot be read is reported and left
 * untouched; the builder then starts from an empty document.
 */
import path from 'node:path';
import { draftsDocumentSchema, emptyDraftsDocument, type DraftsDocument } from '../../src-shared/drafts';
import { fail, ok, type Result } from '../../src-shared/result';
import { writeFileAtomically } from '../files/atomic-write';
import { readJsonDataFile } from '../files/json-data-file';

export interface DraftsFileOptions {
  /** The data folder; the file is `drafts.json` inside it. */
  dataDir: string;
}

export interface DraftsFile {
  load(): Promise<Result<DraftsDocument>>;
  save(document: DraftsDocument): Promise<Result<{ savedAt: string }>>;
}

export function createDraftsFile(options: DraftsFileOptions): DraftsFile {
  const filePath = path.join(options.dataDir, 'drafts.json');
  // Saves are chained so two quick saves never rename over each other out of order.
  let lastWrite: Promise<unknown> = Promise.resolve();

  const write = (document: DraftsDocument) => writeFileAtomically(filePath, `${JSON.stringify(document, null, 2)}\n`);

  return {
    load: () =>
      readJsonDataFile(filePath, draftsDocumentSchema, {
        missing: () => structuredClone(emptyDraftsDocument),
        corrupt: (reason) => draftsCorrupt(filePath, reason),
      }),
    async save(document) {
      const next = lastWrite.then(() => write(document));
      lastWrite = next.catch(() => undefined);
      await next;
      return ok({ savedAt: new Date().toISOString() });
    },
  };
}

function draftsCorrupt(filePath: string, reason: string): Result<never> {
  return fail(
    'DRAFTS_FILE_CORRUPT',
    `The drafts file ${filePath} cannot be read: ${reason}.`,
    'Move or fix that file; it has been left as it is, and the builder starts from a template meanwhile.',
  );
}
