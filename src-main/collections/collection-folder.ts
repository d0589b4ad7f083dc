/**
 * A collection folder on disk: lists its requests and groups in run order,
 * and writes, moves, copies and deletes inside it. Every write replaces a file
 * atomically; a file that is not a readable request is listed as a problem and
 * never written over. Paths given by callers are relative and checked to stay
 * inside the folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  compareEntryNames,
  environmentsFileName,
  environmentsFileSchema,
  readRequestDocument,
  requestFileSchema,
  requestFileText,
  type CollectionEntry,
  type CollectionProblem,
  type CollectionTree,
  type EnvironmentsFile,
  type RequestFileInput,
} from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import { writeFileAtomically } from '../files/atomic-write';

/** A dotfile such as .gitkeep: kept with its group, never judged as a request. */
const isHidden = (relative: string) => relative.split('/').some((part) => part.startsWith('.'));

/** Folders never listed: version control, dependencies, and hidden folders in general. */
const skippedFolder = (name: string) => name.startsWith('.') || name === 'node_modules';

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

async function exists(file: string): Promise<boolean> {
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
              reason: 'not a valid environments file (format messages-workbench/environments, version 1)',
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

/** Invalid JSON reads as `null`, which the schema then refuses. */
function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Refuses to replace a file that is not a workbench request: the user's other JSON stays theirs. */
async function refuseForeign(absolute: string, relative: string): Promise<Result<void>> {
  const text = await fs.readFile(absolute, 'utf8').catch(() => null);
  if (text === null) return ok(undefined);
  const reading = readRequestDocument(text);
  if (reading.kind === 'request') return ok(undefined);
  return fail(
    'COLLECTION_FILE_PROTECTED',
    `${relative} is ${reading.kind === 'corrupt' ? 'unreadable' : 'not a workbench request'}: ${reading.reason}.`,
    'Fix or move that file; it was not overwritten. Save under another name.',
    '/path',
  );
}

export async function saveRequest(
  root: string,
  relative: string,
  input: RequestFileInput,
): Promise<Result<{ path: string }>> {
  if (!relative.endsWith('.json'))
    return fail(
      'COLLECTION_PATH_INVALID',
      `${relative} does not end in .json.`,
      'Name request files NAME.json.',
      '/path',
    );
  const absolute = absolutePathIn(root, relative);
  if (!absolute.ok) return absolute;
  const parsed = requestFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(
      'COLLECTION_REQUEST_INVALID',
      `The request is not valid at /${issue.path.join('/')}: ${issue.message}.`,
      'Fix the named field.',
      `/request/${issue.path.join('/')}`,
    );
  }
  const guard = await refuseForeign(absolute.value, relative);
  if (!guard.ok) return guard;
  await writeFileAtomically(absolute.value, requestFileText(parsed.data), 0o644);
  return ok({ path: relative });
}

export async function createFolder(root: string, relative: string): Promise<Result<{ path: string }>> {
  const absolute = absolutePathIn(root, relative);
  if (!absolute.ok) return absolute;
  if (await exists(absolute.value))
    return fail('COLLECTION_PATH_TAKEN', `${relative} already exists.`, 'Choose another name.', '/path');
  await fs.mkdir(absolute.value, { recursive: true });
  return ok({ path: relative });
}

/** Rename or move a request or folder; refuses to replace anything already at the target. */
export async function movePath(
  root: string,
  from: string,
  to: string,
  mode: 'move' | 'copy',
): Promise<Result<{ path: string }>> {
  const source = absolutePathIn(root, from);
  const target = absolutePathIn(root, to);
  if (!source.ok) return source;
  if (!target.ok) return target;
  const sourceStats = await fs.stat(source.value).catch(() => null);
  if (!sourceStats)
    return fail(
      'COLLECTION_PATH_NOT_FOUND',
      `${from} does not exist.`,
      'Refresh the collection; it may have changed on disk.',
      '/from',
    );
  if (sourceStats.isFile()) {
    const guard = await refuseForeign(source.value, from);
    if (!guard.ok) return guard;
  }
  if (await exists(target.value))
    return fail('COLLECTION_PATH_TAKEN', `${to} already exists.`, 'Choose another name.', '/to');
  if ((target.value + path.sep).startsWith(source.value + path.sep)) {
    return fail(
      'COLLECTION_PATH_INVALID',
      `${to} is inside ${from}.`,
      'Move the folder somewhere outside itself.',
      '/to',
    );
  }
  await fs.mkdir(path.dirname(target.value), { recursive: true });
  if (mode === 'move') await fs.rename(source.value, target.value);
  else await fs.cp(source.value, target.value, { recursive: true, errorOnExist: true, force: false });
  return ok({ path: to });
}

/** Deletes a request or folder and returns what it held, so the UI can undo by writing it back. */
export async function removePath(
  root: string,
  relative: string,
): Promise<Result<{ files: { path: string; text: string }[]; folders: string[] }>> {
  const absolute = absolutePathIn(root, relative);
  if (!absolute.ok) return absolute;
  if (!relative || absolute.value === path.resolve(root))
    return fail(
      'COLLECTION_PATH_INVALID',
      'The collection folder itself cannot be removed here.',
      'Remove a request or a group inside it.',
      '/path',
    );
  const stats = await fs.stat(absolute.value).catch(() => null);
  if (!stats)
    return fail(
      'COLLECTION_PATH_NOT_FOUND',
      `${relative} does not exist.`,
      'Refresh the collection; it may have changed on disk.',
      '/path',
    );
  const files: { path: string; text: string }[] = [];
  const folders: string[] = [];
  const collect = async (item: string) => {
    const full = path.join(path.resolve(root), ...item.split('/'));
    if ((await fs.stat(full)).isDirectory()) {
      folders.push(item);
      for (const child of await fs.readdir(full)) await collect(`${item}/${child}`);
    } else {
      files.push({ path: item, text: await fs.readFile(full, 'utf8') });
    }
  };
  await collect(relative);
  // Only the workbench's own files go: another tool's file in a group keeps the group on disk.
  const foreign = files.find((file) => !isHidden(file.path) && readRequestDocument(file.text).kind !== 'request');
  if (foreign) {
    return fail(
      'COLLECTION_FILE_PROTECTED',
      `${foreign.path} is not a workbench request, so ${relative} was not deleted.`,
      'Move that file out first, or delete it yourself.',
      '/path',
    );
  }
  await fs.rm(absolute.value, { recursive: true });
  return ok({ files, folders });
}

/** Writes back what removePath returned; refuses if something new has taken a path meanwhile. */
export async function restorePaths(
  root: string,
  removed: { files: { path: string; text: string }[]; folders: string[] },
): Promise<Result<{ restored: number }>> {
  const folders: string[] = [];
  const files: { absolute: string; text: string }[] = [];
  for (const folder of removed.folders) {
    const absolute = absolutePathIn(root, folder);
    if (!absolute.ok) return absolute;
    folders.push(absolute.value);
  }
  for (const file of removed.files) {
    const absolute = absolutePathIn(root, file.path);
    if (!absolute.ok) return absolute;
    if (!isHidden(file.path) && readRequestDocument(file.text).kind !== 'request') {
      return fail(
        'COLLECTION_REQUEST_INVALID',
        `${file.path} is not a workbench request.`,
        'Undo writes back only what collections.remove returned.',
        '/files',
      );
    }
    if (await exists(absolute.value))
      return fail('COLLECTION_PATH_TAKEN', `${file.path} exists again.`, 'Move it away, then undo again.', '/files');
    files.push({ absolute: absolute.value, text: file.text });
  }
  for (const folder of folders) await fs.mkdir(folder, { recursive: true });
  for (const file of files) await writeFileAtomically(file.absolute, file.text, 0o644);
  return ok({ restored: folders.length + files.length });
}
