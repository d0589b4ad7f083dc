/**
 * The in-page folder browser: the folder shown, its subfolders as the core
 * lists them (the page may run on another machine than the folders), and a
 * new folder made in it. Used where no native dialog exists.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../src-shared/contract';
import type { AppError } from '../../src-shared/result';
import { api } from '../api';

interface FolderBrowserStore {
  listing: MethodOutput<'folders.list'> | null;
  error: AppError | null;
  /** Lists a folder; the home folder when none is named. */
  browse(path?: string): Promise<void>;
  /** Creates a folder inside the one shown and returns its path, or null (with the error shown). */
  createFolder(name: string): Promise<string | null>;
  /** Creates the folder a typed path names, inside its existing parent. */
  createAt(path: string): Promise<string | null>;
}

/** The parent and last name of a path as the core's machine writes it (either separator). */
function splitPath(path: string): { parent: string; name: string } {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return { parent: cut <= 0 ? trimmed.slice(0, cut + 1) || '/' : trimmed.slice(0, cut), name: trimmed.slice(cut + 1) };
}

export const useFolderBrowserStore = create<FolderBrowserStore>()((set, get) => ({
  listing: null,
  error: null,
  async browse(path) {
    const result = await api.call('folders.list', path ? { path } : {});
    set(result.ok ? { listing: result.value, error: null } : { error: result.error });
  },
  async createFolder(name) {
    const parent = get().listing?.path;
    if (!parent) return null;
    const result = await api.call('folders.create', { parent, name });
    if (!result.ok) {
      set({ error: result.error });
      return null;
    }
    await get().browse(result.value.path);
    return result.value.path;
  },
  async createAt(path) {
    const { parent, name } = splitPath(path);
    const result = await api.call('folders.create', { parent, name });
    if (!result.ok) {
      set({ error: result.error });
      return null;
    }
    return result.value.path;
  },
}));
