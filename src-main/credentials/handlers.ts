/** Profiles as contract handlers. Only views (masks, is-set flags) leave; secrets only come in. */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../src-shared/contract';
import { fail } from '../../src-shared/result';
import type { ProfileService } from './profiles';

type ProfileHandlers = Pick<
  Handlers,
  'profiles.list' | 'profiles.save' | 'profiles.remove' | 'profiles.importEnv' | 'profiles.export'
>;

export function createProfileHandlers(profiles: ProfileService): ProfileHandlers {
  return {
    'profiles.list': () => profiles.list(),
    'profiles.save': (input) => profiles.save(input),
    'profiles.remove': ({ profile }) => profiles.remove(profile),
    'profiles.export': ({ profile }) => profiles.exportProfile(profile),
    async 'profiles.importEnv'({ name, source, target }) {
      const common = { name, ...(target ? { target } : {}) };
      switch (source.kind) {
        case 'text':
          // Pasted text has no folder of its own: a relative key path is asked for, never guessed.
          return profiles.importEnv({ ...common, envText: source.envText, baseDirectory: null });
        case 'file': {
          let envText: string;
          try {
            envText = await fs.promises.readFile(source.path, 'utf8');
          } catch (error) {
            return fail(
              'ENV_FILE_UNREADABLE',
              `Cannot read ${source.path}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`,
              'Check the path; it is read on the machine that runs the workbench.',
              '/source/path',
            );
          }
          return profiles.importEnv({ ...common, envText, baseDirectory: path.dirname(path.resolve(source.path)) });
        }
        case 'environment':
          return profiles.importEnv({ ...common, variables: process.env, baseDirectory: process.cwd() });
        default: {
          const unreachable: never = source;
          throw new Error(`unknown .env source ${JSON.stringify(unreachable)}`);
        }
      }
    },
  };
}
