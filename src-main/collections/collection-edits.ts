/**
 * Edits inside a collection folder: save a request, create a group, move,
 * copy, delete and undo. Every write replaces a file atomically, and none
 * writes over a file that is not a workbench request or over anything already
 * at the target path.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  readRequestDocument,
  requestFileSchema,
  requestFileText,
  type RequestFileInput,
} from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import { writeFileAtomically } from '../files/atomic-write';
import { absolutePathIn, exists, isHidden } from './collection-folder';

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
