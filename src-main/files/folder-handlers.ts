/** The folder methods as contract handlers; the native dialog is the host's, when it has one. */
import type { Handlers } from '../../src-shared/contract';
import { fail, ok } from '../../src-shared/result';
import { createFolderIn, listFolders } from './folder-browser';

export interface FolderHandlerOptions {
  /** The desktop app's native folder dialog: the chosen folder, or undefined when the user cancels. */
  chooseFolder?: (title: string) => Promise<string | undefined>;
}

export function createFolderHandlers(
  options: FolderHandlerOptions,
): Pick<Handlers, 'folders.list' | 'folders.create' | 'folders.choose'> {
  return {
    'folders.list': ({ path }) => listFolders(path),
    'folders.create': ({ parent, name }) => createFolderIn(parent, name),
    async 'folders.choose'({ title }) {
      if (!options.chooseFolder)
        return fail(
          'HOST_CANNOT_CHOOSE_FOLDER',
          'Only the desktop app has a native folder dialog.',
          'Browse the folders in the page instead, or type the path.',
        );
      return ok({ path: (await options.chooseFolder(title ?? 'Choose a folder')) ?? null });
    },
  };
}
