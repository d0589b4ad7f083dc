/**
 * A folder browser the core serves to pages that have no native dialog (the
 * browser host, possibly on a remote box): it lists the subfolders of one
 * folder and creates a new folder, nothing else. It reads no file and lists
 * no file name. Hidden folders are left out.
 *
 * Guards: it is reached only through the contract, so behind the browser
 * host's token, Origin and Host checks; a path must be absolute (or `~`) and
 * is normalised before use, so `..` can only name another folder the user
 * could type anyway; a new folder's name is one plain path segment; every
 * filesystem error comes back as a named value, never a throw.
 */
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compareEntryNames } from '../../src-shared/collections';
import { fail, ok, type Result } from '../../src-shared/result';
import { privateFolderMode } from './private-files';

/** Beyond this many subfolders a listing is cut (and says so): a page cannot show 100 000 rows usefully. */
export const folderListingLimit = 2000;

export interface FolderListing {
  /** The folder listed, absolute and normalised. */
  path: string;
  /** Its parent, or null at a filesystem root. */
  parent: string | null;
  /** Where browsing starts, to offer a way back. */
  home: string;
  folders: { name: string; path: string }[];
  truncated: boolean;
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
}

const notAFolder = (folder: string, field: string): Result<never> =>
  fail('FOLDER_NOT_A_FOLDER', `${folder} is not a folder.`, 'Pick a folder, not a file.', field);

/** A filesystem error as a value naming the folder and what to do. */
export function folderError(error: unknown, folder: string, field: string): Result<never> {
  const code = errnoOf(error);
  switch (code) {
    case 'ENOENT':
      return fail('FOLDER_NOT_FOUND', `${folder} does not exist.`, 'Pick a folder that exists, or create one.', field);
    case 'ENOTDIR':
      return notAFolder(folder, field);
    case 'EACCES':
    case 'EPERM':
      return fail(
        'FOLDER_UNREADABLE',
        `${folder} cannot be opened: permission denied.`,
        'Pick a folder your user can read and write, or change its permissions.',
        field,
      );
    case 'EEXIST':
      return fail('FOLDER_EXISTS', `${folder} already exists.`, 'Open it, or choose another name.', field);
    case 'ENAMETOOLONG':
      return fail('FOLDER_PATH_INVALID', 'The path is too long for this system.', 'Use a shorter name.', field);
    default:
      return fail(
        'FOLDER_UNREADABLE',
        `${folder} cannot be used (${code}).`,
        'Pick another folder; the code says what the system refused.',
        field,
      );
  }
}

/** An absolute, normalised path from what a caller typed: `~` means the home folder. */
export function absoluteFolder(typed: string, home: string, field: string): Result<string> {
  if (typed.includes('\0'))
    return fail('FOLDER_PATH_INVALID', 'The path contains a NUL character.', 'Type the path again.', field);
  const expanded = typed === '~' ? home : typed.startsWith('~/') ? path.join(home, typed.slice(2)) : typed;
  if (!path.isAbsolute(expanded))
    return fail(
      'FOLDER_PATH_INVALID',
      `${typed} is not an absolute path.`,
      `Start it with ${path.sep} (or ~ for your home folder), as the machine running the workbench sees it.`,
      field,
    );
  return ok(path.resolve(expanded));
}

export async function listFolders(typed: string | undefined, home = os.homedir()): Promise<Result<FolderListing>> {
  const folder = absoluteFolder(typed ?? home, home, '/path');
  if (!folder.ok) return folder;
  let children: Dirent[];
  try {
    children = await fs.readdir(folder.value, { withFileTypes: true });
  } catch (error) {
    return folderError(error, folder.value, '/path');
  }
  const names: string[] = [];
  for (const child of children) {
    if (child.name.startsWith('.')) continue;
    // A link is listed when it leads to a folder; a broken one is left out.
    const isFolder =
      child.isDirectory() ||
      (child.isSymbolicLink() &&
        (await fs.stat(path.join(folder.value, child.name)).then(
          (stats) => stats.isDirectory(),
          () => false,
        )));
    if (isFolder) names.push(child.name);
  }
  names.sort(compareEntryNames);
  const parent = path.dirname(folder.value);
  return ok({
    path: folder.value,
    parent: parent === folder.value ? null : parent,
    home,
    folders: names.slice(0, folderListingLimit).map((name) => ({ name, path: path.join(folder.value, name) })),
    truncated: names.length > folderListingLimit,
  });
}

/** Why a name cannot be one new folder, or null when it can. */
function nameProblem(name: string): string | null {
  if (name.trim() !== name || name === '') return 'has spaces at its ends or is empty';
  if (name === '.' || name === '..') return 'names the folder itself or its parent';
  if (/[/\\\0]/.test(name)) return 'contains a slash, a backslash or a NUL character';
  if (name.startsWith('.')) return 'starts with a dot, which would hide the folder';
  if (Buffer.byteLength(name) > 255) return 'is longer than 255 bytes';
  return null;
}

/** Creates one folder, private to its user (0700), inside an existing one. */
export async function createFolderIn(
  typedParent: string,
  name: string,
  home = os.homedir(),
): Promise<Result<{ path: string }>> {
  const parent = absoluteFolder(typedParent, home, '/parent');
  if (!parent.ok) return parent;
  const problem = nameProblem(name);
  if (problem)
    return fail('FOLDER_NAME_INVALID', `The folder name ${problem}.`, 'Use a plain name, e.g. "my requests".', '/name');
  const created = path.join(parent.value, name);
  try {
    const stats = await fs.stat(parent.value);
    if (!stats.isDirectory()) return notAFolder(parent.value, '/parent');
  } catch (error) {
    return folderError(error, parent.value, '/parent');
  }
  try {
    await fs.mkdir(created, { mode: privateFolderMode });
    if (process.platform !== 'win32') await fs.chmod(created, privateFolderMode);
  } catch (error) {
    return folderError(error, created, '/name');
  }
  return ok({ path: created });
}
