/**
 * A collection folder on disk, read: its requests and groups in run order, and
 * every file that is not a readable request as a problem (edits that never
 * write over such a file are in collection-edits.ts). Paths given by callers
 * are relative and checked to stay inside the folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  compareEntryNames,
  environmentsFileName,
  environmentsFileSchema,
  readRequestDocument,
  type CollectionEntry,
  type CollectionProblem,
  type CollectionTree,
  type EnvironmentsFile,
} from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';

/** A dotfile such as .gitkeep: kept with its group, never judged as a request. */
export const isHidden = (relative: string) => relative.split('/').some((part) => part.startsWith('.'));

/** Folders never listed: version control, dependencies, and hidden folders in general. */
const skippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

const environmentsProblem = 'not a valid environments file (format messages-workbench/environments, version 1)';

export function absolutePathIn(root: string, relative: string): Result<string> {
  const resolved = path.resolve(root, ...relative.split('/').filter(Boolean));
  const inside = path.relative(root, resolved);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    return fail(
      'COLLECTION_PATH_OUTSIDE',
      `${relative} is outside the collection.`,
      'Use a path relative to the collection folder.',
      '/path',
    );
  }
  return ok(resolved);
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

export async function listCollection(root: string): Promise<Result<CollectionTree>> {
  const absoluteRoot = path.resolve(root);
  const stats = await fs.stat(absoluteRoot).catch(() => null);
  if (!stats?.isDirectory()) {
    return fail(
      'COLLECTION_NOT_FOUND',
      `${absoluteRoot} is not a folder.`,
      'Pick an existing folder, or create it first.',
      '/root',
    );
  }
  const entries: CollectionEntry[] = [];
  const problems: CollectionProblem[] = [];
  let environments: EnvironmentsFile | null = null;

  const walk = async (relativeFolder: string) => {
    const children = await fs.readdir(path.join(absoluteRoot, relativeFolder), { withFileTypes: true });
    children.sort((left, right) => compareEntryNames(left.name, right.name));
    for (const child of children) {
      const relative = relativeFolder ? `${relativeFolder}/${child.name}` : child.name;
      if (child.isDirectory()) {
        if (skippedFolder(child.name)) continue;
        entries.push({ kind: 'folder', path: relative, name: child.name });
        await walk(relative);
      } else if (child.isFile() && child.name.endsWith('.json')) {
        let text: string;
        try {
          text = await fs.readFile(path.join(absoluteRoot, relative), 'utf8');
        } catch (error) {
          problems.push({ path: relative, kind: 'corrupt', reason: `cannot be read (${errnoOf(error)})` });
          continue;
        }
        if (!relativeFolder && child.name === environmentsFileName) {
          const parsed = environmentsFileSchema.safeParse(jsonOrNull(text));
          if (parsed.success) environments = parsed.data;
          else
            problems.push({
              path: relative,
              kind: 'corrupt',
              reason: environmentsProblem,
            });
          continue;
        }
        const reading = readRequestDocument(text);
        if (reading.kind === 'request') {
          entries.push({
            kind: 'request',
            path: relative,
            name: child.name.replace(/\.json$/, ''),
            file: reading.file,
            upgradedFrom: reading.upgradedFrom,
          });
        } else {
          problems.push({ path: relative, kind: reading.kind, reason: reading.reason });
        }
      }
    }
  };
  try {
    await walk('');
  } catch (error) {
    return fail(
      'COLLECTION_UNREADABLE',
      `The collection could not be read: ${errnoOf(error)}.`,
      'Check the folder exists and can be read.',
      '/root',
    );
  }
  return ok({ root: absoluteRoot, entries, problems, environments });
}

/**
 * Only the environments file of a collection, for a send that names one of
 * its environments: null when the collection has none.
 */
export async function readEnvironments(root: string): Promise<Result<EnvironmentsFile | null>> {
  const file = path.join(path.resolve(root), environmentsFileName);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' && (await fs.stat(path.resolve(root)).catch(() => null))?.isDirectory())
      return ok(null);
    return fail(
      'COLLECTION_UNREADABLE',
      `The environments of ${path.resolve(root)} could not be read: ${errnoOf(error)}.`,
      'Check the collection folder exists and can be read.',
      '/variables/root',
    );
  }
  const parsed = environmentsFileSchema.safeParse(jsonOrNull(text));
  return parsed.success
    ? ok(parsed.data)
    : fail(
        'COLLECTION_FILE_UNREADABLE',
        `${environmentsFileName} is ${environmentsProblem}.`,
        'Fix the file; the Collections page lists it under "Files not loaded".',
        '/variables/root',
      );
}

/** Invalid JSON reads as `null`, which the schema then refuses. */
function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
