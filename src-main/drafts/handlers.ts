/** The builder's drafts as contract handlers. */
import type { Handlers } from '../../src-shared/contract';
import { createDraftsFile, type DraftsFileOptions } from './drafts-file';

export function createDraftHandlers(options: DraftsFileOptions): Pick<Handlers, 'drafts.load' | 'drafts.save'> {
  const file = createDraftsFile(options);
  return {
    'drafts.load': () => file.load(),
    'drafts.save': (document) => file.save(document),
  };
}
