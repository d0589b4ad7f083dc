import { writeFileAtomically } from '../files/atomic-write';
import { readJsonDataFile } from '../files/json-data-file';
import { fail, type Result } from '../../src-shared/result';
import { profilesFileSchema, type ProfilesFile } from './profile-schema';

const emptyFile: ProfilesFile = { version: 1, profiles: [] };

/** Reads the profile metadata; a missing file is an empty list, a corrupt one is reported and left untouched. */
export function readProfilesFile(path: string): Promise<Result<ProfilesFile>> {
  return readJsonDataFile(path, profilesFileSchema, {
    missing: () => structuredClone(emptyFile),
    corrupt: (reason) => corrupt(path, reason),
  });
}

function corrupt(path: string, reason: string): Result<never> {
  return fail(
    'PROFILES_FILE_CORRUPT',
    `The profiles file ${path} cannot be read: ${reason}.`,
    'Fix or move that file; it has been left as it is. Secrets are not in it, they stay in the keychain.',
  );
}

/** Replaces the file atomically, so a crash leaves either the old list or the new one. */
export async function writeProfilesFile(path: string, file: ProfilesFile): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`);
}
