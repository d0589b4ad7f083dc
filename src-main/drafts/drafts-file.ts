/**
 * The builder's drafts in one JSON file of the data folder. Replaced
 * atomically (temporary sibling, then rename), so a crash leaves the old
 * drafts or the new ones. A file that cannot be read is reported and left
 * untouched; the builder then starts from an empty document.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { draftsDocumentSchema, emptyDraftsDocument, type DraftsDocument } from '../../src-shared/drafts';
import { fail, ok, type Result } from '../../src-shared/result';

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

  async function write(document: DraftsDocument): Promise<void> {
    const temporaryPath = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporaryPath, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600, flush: true });
      await rename(temporaryPath, filePath);
    } catch (error) {
      await rm(temporaryPath, { force: true });
      throw error;
    }
  }

  return {
    async load() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(structuredClone(emptyDraftsDocument));
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return draftsCorrupt(filePath, 'it is not valid JSON');
      }
      const document = draftsDocumentSchema.safeParse(parsed);
      return document.success ? ok(document.data) : draftsCorrupt(filePath, 'its content has an unknown shape');
    },
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
